/**
 * The gateway's own share of a request at concurrency 1. The stack runs with
 * GATEWAY_SUBGRAPH_TIMING=1, so our gateway says in a `Server-Timing` header when each of its
 * subgraph calls started and how long it took (from sending to the full answer). The subgraph time
 * on the critical path is the time at least one call was in flight: for a plan of sequential
 * stages with parallel fetches in each, the sum of each stage's slowest call. Overhead is the
 * end-to-end p50 less the p50 of that time, over the end-to-end p50: what the gateway spends
 * checking the token, planning, sending, merging and answering, and what the client's own HTTP
 * adds. The family subgraph's read-back through the gateway (overall status, parties) is inside
 * its call, so it counts as subgraph time.
 */
import { median, percentile } from './support.js';
import type { ReadWorkload } from './workloads.js';

/** The length of the union of the calls' intervals, in ms. */
export function subgraphCriticalPathMs(serverTiming: string): number {
  const intervals = serverTiming
    .split(',')
    .map((entry) => {
      const start = Number(/start=([\d.]+)/.exec(entry)?.[1]);
      const dur = Number(/dur=([\d.]+)/.exec(entry)?.[1]);
      return [start, start + dur] as const;
    })
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let until = -Infinity;
  for (const [start, end] of intervals) {
    if (end <= until) continue;
    total += end - Math.max(start, until);
    until = end;
  }
  return total;
}

export interface Overhead {
  requests: number;
  endToEndP50Ms: number;
  subgraphCriticalPathP50Ms: number;
  slowestSubgraphCallP50Ms: number;
  subgraphCallsPerRequest: number;
  /** (end-to-end p50 − subgraph critical-path p50) / end-to-end p50. */
  overheadShare: number;
  /** The median of each request's own (end-to-end − subgraph) / end-to-end. */
  medianPerRequestShare: number;
  hiveEndToEndP50Ms: number;
}

/** `requests` requests one at a time through `ours` (timed by the gateway) and as many through `hive`. */
export async function gatewayOverhead(
  workload: ReadWorkload,
  ours: string,
  hive: string,
  requests: number,
): Promise<Overhead> {
  const endToEnd: number[] = [];
  const critical: number[] = [];
  const slowest: number[] = [];
  const shares: number[] = [];
  let calls = 0;
  for (let i = 0; i < requests; i += 1) {
    const reply = await workload.send(ours, i);
    if (reply.error) throw new Error(`${workload.name}: ${reply.error}`);
    if (!reply.serverTiming)
      throw new Error('no Server-Timing from our gateway: start it with GATEWAY_SUBGRAPH_TIMING=1');
    const path = subgraphCriticalPathMs(reply.serverTiming);
    endToEnd.push(reply.ms);
    critical.push(path);
    shares.push((reply.ms - path) / reply.ms);
    const durations = [...reply.serverTiming.matchAll(/dur=([\d.]+)/g)].map((m) => Number(m[1]));
    slowest.push(Math.max(...durations));
    calls += durations.length;
  }
  const hiveMs: number[] = [];
  for (let i = 0; i < requests; i += 1) hiveMs.push((await workload.send(hive, i)).ms);
  const e2e = median(endToEnd);
  const path = median(critical);
  return {
    requests,
    endToEndP50Ms: +e2e.toFixed(2),
    subgraphCriticalPathP50Ms: +path.toFixed(2),
    slowestSubgraphCallP50Ms: +median(slowest).toFixed(2),
    subgraphCallsPerRequest: +(calls / requests).toFixed(1),
    overheadShare: +((e2e - path) / e2e).toFixed(3),
    medianPerRequestShare: +percentile(
      shares.sort((a, b) => a - b),
      50,
    ).toFixed(3),
    hiveEndToEndP50Ms: +median(hiveMs).toFixed(2),
  };
}
