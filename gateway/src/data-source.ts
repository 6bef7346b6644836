import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { agencyBySlug, ErrorCode, type Caller } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';

/**
 * One pooled, keep-alive agent for all subgraph calls: a query touching five agencies would
 * otherwise open five TCP connections per request.
 */
export function createSubgraphFetcher(timeoutMs: number): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
  const fetcher = ((url: string, init?: Parameters<Fetcher>[1]) =>
    fetch(url, {
      ...(init as object),
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
    })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/**
 * A subgraph that cannot be reached (refused, timed out, 5xx) costs the caller only that
 * agency's fields; the error says which agency so a liaison knows whom to call.
 */
export interface GatewayContext {
  caller?: Caller;
}

export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly slug: string,
    url: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  /** Forwards the caller's token: each subgraph validates it again and applies its own rules. */
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (context.caller) request.http?.headers.set('authorization', `Bearer ${context.caller.token}`);
  }

  override didEncounterError(
    ...[error, , fetchResponse]: Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>
  ): void {
    if (fetchResponse && fetchResponse.status < 500) throw error;
    const agency = agencyBySlug(this.slug);
    const reason = error.name === 'TimeoutError' ? 'did not answer in time' : 'is unavailable';
    throw new GraphQLError(
      `The ${agency.nameEn} service (${this.slug} subgraph) ${reason}; its data is missing from this response.`,
      {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, agency: agency.code, serviceName: this.slug },
        originalError: error,
      },
    );
  }
}
