import {
  ErrorCode,
  READ_BACK_HEADER,
  TIMEOUT_HEADER,
  type ReadBackMarker,
  type Timeouts,
} from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';

export interface GraphResult<T> {
  data: T | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GraphClient {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphResult<T>>;
}

/** The gateway could not be asked at all: every other agency's values are missing, none by its own fault. */
export function gatewayUnreachable(consequence: string, cause?: unknown): GraphQLError {
  return new GraphQLError(
    `The coordination graph could not be reached to read the other agencies’ data; ${consequence}.`,
    {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'gateway' },
      originalError: cause instanceof Error ? cause : undefined,
    },
  );
}

/**
 * Reads other agencies' data through the gateway, as the caller: their subgraphs apply their own
 * authorisation and audit to the request, and no subgraph ever touches another's tables. Used by
 * the secretariat for views that span agencies (escalations, meeting snapshots, board packs).
 *
 * The gateway that waits for this subgraph would give up on it after `subgraphMs`; so the gateway
 * is asked to give up on each agency within `readBackBudgetMs`, and this read stops waiting after
 * `readBackMs`. A hung agency then comes back as that agency's error, in time to be answered.
 */
export function createGraphClient(
  token: string,
  url: string,
  timeouts: Timeouts,
  readBack: ReadBackMarker,
): GraphClient {
  return {
    async query<T>(query: string, variables?: Record<string, unknown>) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            [TIMEOUT_HEADER]: String(timeouts.readBackBudgetMs),
            [READ_BACK_HEADER]: readBack.sign(token),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeouts.readBackMs),
        });
        const body = (await response.json()) as { data?: T | null; errors?: GraphResult<T>['errors'] };
        return { data: body.data ?? null, errors: body.errors ?? [] };
      } catch (error) {
        throw gatewayUnreachable('the values that depend on them are missing', error);
      }
    },
  };
}
