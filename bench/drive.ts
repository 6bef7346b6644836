/** Load at a fixed concurrency for a fixed time: each client sends its next unit when the last is done. */
import { median, percentile } from './support.js';
import type { Outcome } from './workloads.js';

export interface Round {
  units: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/**
 * `concurrency` clients for `seconds` (or until `run` has no unit left), unit i being the i-th
 * started across all clients.
 */
export async function drive(
  run: (i: number) => Promise<Outcome | undefined>,
  concurrency: number,
  seconds: number,
): Promise<Round> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const outcome = await run(next++);
        if (!outcome) return;
        latencies.push(outcome.ms);
        if (outcome.error) {
          errors += 1;
          firstError ??= outcome.error;
        }
      }
    }),
  );
  return { units: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies, firstError };
}

export interface Figures {
  perSecond: number;
  roundsPerSecond: number[];
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  units: number;
  errors: number;
  firstError?: string;
}

/** Throughput is the median of the rounds'; percentiles are over every unit of every round. */
export function summarise(rounds: readonly Round[]): Figures {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    perSecond: +median(rounds.map((r) => r.units / r.seconds)).toFixed(1),
    roundsPerSecond: rounds.map((r) => +(r.units / r.seconds).toFixed(1)),
    p50Ms: +percentile(all, 50).toFixed(1),
    p95Ms: +percentile(all, 95).toFixed(1),
    p99Ms: +percentile(all, 99).toFixed(1),
    units: all.length,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}
