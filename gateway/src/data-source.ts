import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { agencyBySlug, ErrorCode, TIMEOUT_HEADER, type Caller } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';

/** The wait a request's `x-timeout-ms` leaves for one subgraph call: never more than the gateway's own. */
function timeoutOf(init: Parameters<Fetcher>[1], timeoutMs: number): number {
  const requested = Number((init?.headers as Record<string, string> | undefined)?.[TIMEOUT_HEADER]);
  return Number.isFinite(requested) && requested > 0 ? Math.min(requested, timeoutMs) : timeoutMs;
}

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
      signal: AbortSignal.timeout(timeoutOf(init, timeoutMs)),
    })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/**
 * A subgraph that cannot be reached (refused, timed out, 5xx) costs the caller only that
 * agency's fields; the error says which agency so a liaison knows whom to call.
 */
export interface GatewayContext {
  caller?: Caller;
  /** When the caller stops waiting (epoch ms), from its `x-timeout-ms`; subgraph calls give up before. */
  deadline?: number;
}

/**
 * The deadline a request's `x-timeout-ms` sets. A slower caller changes nothing (the gateway's
 * own timeout still applies per call), so the header cannot be used to hold the gateway longer.
 */
export function deadlineOf(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const ms = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(ms) && ms > 0 ? now + ms : undefined;
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
    if (context.deadline !== undefined) {
      request.http?.headers.set(TIMEOUT_HEADER, String(Math.max(1, context.deadline - Date.now())));
    }
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
