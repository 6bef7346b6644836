/**
 * `npm run bench`: latency, throughput and memory of the cross-agency query through the gateway,
 * with the whole graph in one process on the machine's PostgreSQL. Figures go to stdout and to
 * bench/results/<date>.json; nothing here asserts on time.
 */
import fs from 'node:fs';
import { startGraph } from '../test/support/graph.js';

process.env.LOG_LEVEL ??= 'warn';

const CROSS_AGENCY_QUERY = `query Board {
  actions { code title responsibleAgency status latestReport { period percentComplete } collaborators { code } }
}`;
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const graph = await startGraph('bench');
try {
  const run = async () => {
    const started = performance.now();
    const result = await graph.query(CROSS_AGENCY_QUERY);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i += 1) await run(); // warm the query-plan cache and connections

  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) latencies.push(await run());
  latencies.sort((a, b) => a - b);

  const concurrentStarted = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (done < SEQUENTIAL) {
        done += 1;
        await run();
      }
    }),
  );
  const concurrentSeconds = (performance.now() - concurrentStarted) / 1000;

  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    query: 'all plan actions with status, latest report and collaborators (five subgraphs)',
    sequential: {
      requests: SEQUENTIAL,
      p50Ms: +percentile(latencies, 50).toFixed(2),
      p95Ms: +percentile(latencies, 95).toFixed(2),
      p99Ms: +percentile(latencies, 99).toFixed(2),
    },
    concurrent: {
      concurrency: CONCURRENCY,
      requests: SEQUENTIAL,
      requestsPerSecond: +(SEQUENTIAL / concurrentSeconds).toFixed(1),
    },
    memory: {
      rssMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(1),
      note: 'gateway and five subgraphs in one process',
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  fs.writeFileSync(
    new URL(`./results/${figures.date.slice(0, 10)}.json`, import.meta.url),
    JSON.stringify(figures, null, 2),
  );
} finally {
  await graph.stop();
}
