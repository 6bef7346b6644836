/**
 * `npm run bench -- --soak <seconds>`: the mixed workload (goal pages, pages of 50 actions, board
 * packs, `{ __typename }` and write cycles) against our gateway alone for that long, at the
 * benchmark's concurrency, with each service's RSS sampled every 10 s. A service that keeps
 * growing leaks; one whose RSS at the end is within 10% of its RSS after the first minute (once
 * start-up, caches and JIT have settled) does not, at this length.
 */
import { drive, summarise, type Figures } from './drive.js';
import { serviceMemory } from './support.js';
import type { Outcome, Workload } from './workloads.js';
import type { WriteWorkload } from './write-cycles.js';

const SAMPLE_MS = 10_000;
/** The share of each kind in the mix, as units in a repeating sequence. */
const MIX_WEIGHTS = [3, 3, 1, 1, 2];

export interface SoakResult {
  seconds: number;
  concurrency: number;
  mix: Record<string, number>;
  byWorkload: Record<string, Figures>;
  writeCycles: { total: number; corrections: number };
  samples: { seconds: number; rssMiB: Record<string, number> }[];
  /** The first sample at or after 60 s. */
  firstMinute: { atSeconds: number; rssMiB: Record<string, number> };
  end: { atSeconds: number; rssMiB: Record<string, number> };
  /** Per service: (end − first minute) / first minute. */
  growth: Record<string, number>;
  /** No service's end RSS more than 10% above its first-minute RSS (one that shrank passes). */
  withinTenPercent: boolean;
}

/** `workloads` in the order goal page, action page, board pack, __typename, writes. */
export async function soak(
  url: string,
  workloads: readonly [Workload, Workload, Workload, Workload, WriteWorkload],
  pids: readonly number[],
  seconds: number,
  concurrency: number,
): Promise<SoakResult> {
  const sequence = workloads.flatMap((w, k) => Array.from({ length: MIX_WEIGHTS[k] as number }, () => w));
  const outcomes = new Map<Workload, Outcome[]>(workloads.map((w) => [w, []]));
  const started = performance.now();
  const samples: SoakResult['samples'] = [{ seconds: 0, rssMiB: serviceMemory(pids) }];
  const timer = setInterval(() => {
    samples.push({ seconds: Math.round((performance.now() - started) / 1000), rssMiB: serviceMemory(pids) });
  }, SAMPLE_MS);
  try {
    await drive(
      async (i) => {
        const workload = sequence[i % sequence.length] as Workload;
        const outcome = await workload.run(url, Math.floor(i / sequence.length));
        if (outcome) outcomes.get(workload)?.push(outcome);
        return outcome;
      },
      concurrency,
      seconds,
    );
  } finally {
    clearInterval(timer);
  }
  samples.push({ seconds: Math.round((performance.now() - started) / 1000), rssMiB: serviceMemory(pids) });
  const elapsed = (performance.now() - started) / 1000;
  const byWorkload = Object.fromEntries(
    [...outcomes].map(([w, list]) => [
      w.name,
      summarise([
        {
          units: list.length,
          errors: list.filter((o) => o.error).length,
          seconds: elapsed,
          latencies: list.map((o) => o.ms),
          firstError: list.find((o) => o.error)?.error,
        },
      ]),
    ]),
  );
  const firstMinute = (samples.find((s) => s.seconds >= 60) ?? samples[1] ?? samples[0]) as SoakResult['samples'][0];
  const end = samples[samples.length - 1] as SoakResult['samples'][0];
  const growth = Object.fromEntries(
    Object.entries(firstMinute.rssMiB).map(([name, first]) => [
      name,
      +(((end.rssMiB[name] ?? first) - first) / first).toFixed(3),
    ]),
  );
  const writes = workloads[4];
  return {
    seconds: +elapsed.toFixed(1),
    concurrency,
    mix: Object.fromEntries(workloads.map((w, k) => [w.name, MIX_WEIGHTS[k] as number])),
    byWorkload,
    writeCycles: { total: outcomes.get(writes)?.length ?? 0, corrections: writes.corrections },
    samples,
    firstMinute: { atSeconds: firstMinute.seconds, rssMiB: firstMinute.rssMiB },
    end: { atSeconds: end.seconds, rssMiB: end.rssMiB },
    growth,
    withinTenPercent: Object.values(growth).every((g) => g <= 0.1),
  };
}
