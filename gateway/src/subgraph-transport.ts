import { STATUS_CODES } from 'node:http';
import { REPLAYED_HEADER } from '@cocuk-koruma/platform';
import { Agent, request } from 'undici';

/** What came back from a subgraph, before anyone parsed it: each caller parses its own copy. */
export interface SubgraphReply {
  status: number;
  statusText: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
  /** The agency answered a retried write from its idempotency record (`Idempotent-Replayed`). */
  replayed: boolean;
  body: string;
}

export interface SubgraphCall {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Only reads may share one subgraph call; a write always gets its own. */
  shareable: boolean;
  /** When the caller stops waiting (epoch ms): the call gives up then, if before the gateway's own timeout. */
  deadline?: number;
}

export interface SubgraphTransport {
  send(call: SubgraphCall): Promise<SubgraphReply>;
  /** Subgraph calls answered from one already in flight, since start. */
  readonly shared: number;
  close(): Promise<void>;
}

/**
 * The key of a call that may be shared: the subgraph, the whole body (operation and variables),
 * every forwarded header, the caller's token among them, and the caller's deadline. Two callers share an answer only
 * when they sent the same token, so they are the same person in the same session: a caller of
 * another agency, or with other roles, has another token and never sees this answer.
 */
function keyOf(call: SubgraphCall): string {
  const headers = Object.entries(call.headers)
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort()
    .join('\n');
  return `${call.url}\n${headers}\n${call.deadline ?? ''}\n\n${call.body}`;
}

/**
 * HTTP to the subgraphs over one pooled keep-alive agent, with undici's `request` rather than its
 * `fetch`: `fetch` writes a string body as a stream, one socket write per chunk, and builds
 * WHATWG objects the gateway never uses; on this path it cost the gateway a fifth of its CPU.
 *
 * Identical reads in flight at the same moment (a board's members opening the same page, a
 * portal's retries) are sent once and the reply handed to each waiter, as Hive Gateway does.
 */
export function createSubgraphTransport(timeoutMs: number): SubgraphTransport {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
  const inFlight = new Map<string, Promise<SubgraphReply>>();
  let shared = 0;

  async function sendOnce(call: SubgraphCall): Promise<SubgraphReply> {
    const left = call.deadline === undefined ? timeoutMs : Math.max(1, call.deadline - Date.now());
    const signal = AbortSignal.timeout(Math.min(left, timeoutMs));
    try {
      const response = await request(call.url, {
        method: 'POST',
        headers: call.headers,
        body: call.body,
        dispatcher: agent,
        signal,
      });
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      return {
        status: response.statusCode,
        statusText: STATUS_CODES[response.statusCode] ?? '',
        contentType: header('content-type'),
        cacheControl: header('cache-control'),
        replayed: header(REPLAYED_HEADER) === 'true',
        body: await response.body.text(),
      };
    } catch (error) {
      // undici reports an aborted request in its own words; callers tell a timeout by its name.
      if (signal.aborted && signal.reason instanceof Error) throw signal.reason;
      throw error;
    }
  }

  return {
    get shared() {
      return shared;
    },
    send(call) {
      if (!call.shareable) return sendOnce(call);
      const key = keyOf(call);
      const pending = inFlight.get(key);
      if (pending) {
        shared += 1;
        return pending;
      }
      const sent = sendOnce(call).finally(() => inFlight.delete(key));
      inFlight.set(key, sent);
      return sent;
    },
    close: () => agent.close(),
  };
}
