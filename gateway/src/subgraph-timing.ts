import { benchmarkFlag } from '@cocuk-koruma/platform';

/**
 * When each subgraph call of a request ran, for the benchmark's gateway-overhead figure (`npm run
 * bench`): the end-to-end time less the time some subgraph call was in flight is what the gateway
 * itself spent. Sent as a `Server-Timing` header, one entry per call,
 * `<subgraph>;start=<ms after the request arrived>;dur=<ms>`. Off unless GATEWAY_SUBGRAPH_TIMING=1,
 * and refused with NODE_ENV=production: it tells an outsider which agencies a query reached and how
 * fast each answered.
 */
export const SUBGRAPH_TIMING_HEADER = 'server-timing';

/** GATEWAY_SUBGRAPH_TIMING: `1` turns the header on; anything else but unset or `0` is a mistake. */
export function subgraphTimingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return benchmarkFlag(
    env,
    'GATEWAY_SUBGRAPH_TIMING',
    'tells callers which agencies their query reached and how fast each answered',
  );
}

/** One request's subgraph calls, from the moment its context was made. */
export class SubgraphTiming {
  private readonly origin = performance.now();
  private readonly calls: string[] = [];

  /** Records a call that began at `start` (performance.now()) and ended now; the header value, every call so far included. */
  record(subgraph: string, start: number): string {
    const end = performance.now();
    this.calls.push(`${subgraph};start=${(start - this.origin).toFixed(3)};dur=${(end - start).toFixed(3)}`);
    return this.calls.join(', ');
  }
}
