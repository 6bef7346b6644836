import { ErrorCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';

export interface GraphResult<T> {
  data: T | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GraphClient {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphResult<T>>;
}

/**
 * Reads other agencies' data through the gateway, as the caller: their subgraphs apply their own
 * authorisation and audit to the request, and no subgraph ever touches another's tables. Used by
 * the secretariat for views that span agencies (escalations, meeting snapshots, board packs).
 */
export function createGraphClient(token: string, url: string): GraphClient {
  return {
    async query<T>(query: string, variables?: Record<string, unknown>) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new GraphQLError('The coordination graph could not be reached to gather the other agencies’ data.', {
          extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'gateway' },
          originalError: error instanceof Error ? error : undefined,
        });
      }
      const body = (await response.json()) as { data?: T | null; errors?: GraphResult<T>['errors'] };
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
  };
}
