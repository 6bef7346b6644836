import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  agencyBySlug,
  ErrorCode,
  IDEMPOTENCY_HEADER,
  READ_BACK_HEADER,
  REPLAYED_HEADER,
  type Caller,
  type ServiceMetrics,
  type SubgraphOutcome,
} from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import type { SubgraphReply, SubgraphTransport } from './subgraph-transport.js';
import { SUBGRAPH_TIMING_HEADER, type SubgraphTiming } from './subgraph-timing.js';

export interface GatewayContext {
  caller?: Caller;
  /** Request headers the agencies read themselves (FORWARDED_HEADERS), passed on as they came. */
  forwarded?: Record<string, string>;
  /** When the caller stops waiting (epoch ms), from its `x-timeout-ms`; subgraph calls give up before. */
  deadline?: number;
  /** Under GATEWAY_SUBGRAPH_TIMING=1 only: this request's subgraph calls, for the benchmark. */
  timing?: SubgraphTiming;
}

/**
 * Passed on to every subgraph call: the Idempotency-Key, so each agency answers a retried write
 * once, and the family's read-back marker, so family does not log its own read-back twice.
 */
export const FORWARDED_HEADERS = [IDEMPOTENCY_HEADER, READ_BACK_HEADER] as const;

/** The FORWARDED_HEADERS a request carries. */
export function forwardedOf(get: (name: string) => string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = get(name);
    if (value !== undefined) found[name] = value;
  }
  return found;
}

/**
 * The deadline a request's `x-timeout-ms` sets. A slower caller changes nothing (the gateway's
 * own timeout still applies per call), so the header cannot be used to hold the gateway longer.
 */
export function deadlineOf(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const ms = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(ms) && ms > 0 ? now + ms : undefined;
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A GraphQL answer with no data whose every error names its code. */
function isCodedRefusal(body: unknown): boolean {
  if (!isObject(body) || (body.data !== undefined && body.data !== null) || !Array.isArray(body.errors)) return false;
  return (
    body.errors.length > 0 &&
    body.errors.every((e: unknown) => isObject(e) && isObject(e.extensions) && typeof e.extensions.code === 'string')
  );
}

/**
 * One agency's subgraph as the gateway calls it. A subgraph that cannot be reached (refused,
 * timed out, 5xx, not GraphQL) costs the caller only that agency's fields; the error says which
 * agency so a liaison knows whom to call.
 */
export class AgencyDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly slug: string,
    private readonly url: string,
    private readonly transport: SubgraphTransport,
    private readonly metrics?: ServiceMetrics,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    let outcome: SubgraphOutcome = 'down';
    try {
      const response = await this.call(options);
      outcome = response.errors?.length ? 'errors' : 'ok';
      return response;
    } catch (error) {
      if (error instanceof GraphQLError) {
        if (error.extensions.code !== ErrorCode.SUBGRAPH_UNAVAILABLE) outcome = 'refused';
        else if (error.originalError?.name === 'TimeoutError') outcome = 'timeout';
      }
      throw error;
    } finally {
      this.metrics?.subgraphFetch(this.slug, outcome, (performance.now() - started) / 1000);
    }
  }

  private async call(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, operationName, variables, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    // Schema loads and health checks carry no caller; only a client's operation does.
    const incoming = 'incomingRequestContext' in options ? options : undefined;
    // Nothing here sets cache hints, and answers depend on the caller: never cacheable.
    const policy = incoming?.incomingRequestContext.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict({ maxAge: 0 });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // Forwards the caller's token: each subgraph validates it again and applies its own rules.
    const caller = incoming?.context.caller;
    if (caller) headers.authorization = `Bearer ${caller.token}`;
    Object.assign(headers, incoming?.context.forwarded);

    let reply: SubgraphReply;
    const started = performance.now();
    try {
      reply = await this.transport.send({
        url: this.url,
        headers,
        body: JSON.stringify({ query, operationName, variables, extensions }),
        shareable: incoming?.incomingRequestContext.operation?.operation === 'query',
        deadline: incoming?.context.deadline,
      });
    } catch (error) {
      throw this.unavailable(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'down', error);
    } finally {
      const timing = incoming?.context.timing;
      if (timing) {
        incoming.incomingRequestContext.response?.http?.headers.set(
          SUBGRAPH_TIMING_HEADER,
          timing.record(this.slug, started),
        );
      }
    }
    if (reply.status >= 500) throw this.unavailable('down');
    const body = /json/.test(reply.contentType ?? '') ? parseJson(reply.body) : undefined;
    if (reply.status >= 400) {
      // The agency's own refusal of the whole request (an Idempotency-Key that is malformed, 400, or
      // reused with another body or still running, 409): passed on with its code, message and status.
      const head = incoming?.incomingRequestContext.response?.http;
      if ((reply.status === 400 || reply.status === 409) && isCodedRefusal(body)) {
        if (head) head.status = reply.status;
        return body as GatewayGraphQLResponse;
      }
      throw this.refusal(reply, body ?? reply.body);
    }
    if (!isObject(body)) throw this.unavailable('down');
    // A retry must be able to tell that nothing was written again, through the gateway as well.
    if (reply.replayed) incoming?.incomingRequestContext.response?.http?.headers.set(REPLAYED_HEADER, 'true');
    return body as GatewayGraphQLResponse;
  }

  /** A 4xx is the caller's or the subgraph's refusal, passed on as such (401 and 403 keep their meaning). */
  private refusal(reply: SubgraphReply, body: unknown): GraphQLError {
    const code =
      reply.status === 401 ? ErrorCode.UNAUTHENTICATED : reply.status === 403 ? ErrorCode.FORBIDDEN : undefined;
    return new GraphQLError(`${reply.status}: ${reply.statusText}`, {
      extensions: {
        ...(code ? { code } : {}),
        response: { status: reply.status, statusText: reply.statusText, body },
      },
    });
  }

  private unavailable(why: 'timeout' | 'down', cause?: unknown): GraphQLError {
    const agency = agencyBySlug(this.slug);
    const reason = why === 'timeout' ? 'did not answer in time' : 'is unavailable';
    return new GraphQLError(
      `The ${agency.nameEn} service (${this.slug} subgraph) ${reason}; its data is missing from this response.`,
      {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, agency: agency.code, serviceName: this.slug },
        originalError: cause instanceof Error ? cause : undefined,
      },
    );
  }
}
