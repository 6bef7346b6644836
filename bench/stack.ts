/**
 * `npm run bench:stack`: the system as a user runs it. Starts `npm start` in a repository
 * (BENCH_REPO, default this one) on a fresh data folder, and measures
 * - the first start (initdb, migrations, seed) and a later start, to "graph is up";
 * - idle RSS of every process of the stack (Node services and PostgreSQL);
 * - the cross-agency action list at concurrency 1 (p50, p95) and at concurrency 16 with
 *   distinct callers (ten users of five agencies, each request with the next user's token).
 * Figures go to stdout and bench/results/stack-<date>.json. Nothing here asserts on time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GATEWAY,
  REPO,
  USERS,
  percentile,
  post as postQuery,
  processTree,
  startStack,
  stopStack,
  userTokens,
  type Started,
} from './support.js';

const LABEL = process.env.BENCH_LABEL ?? path.basename(REPO);
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CONCURRENT_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const QUERY = `query Board {
  actions { code title responsibleAgency status latestReport { period percentComplete } collaborators { code } }
}`;

async function post(token: string): Promise<number> {
  const { ms, error } = await postQuery(GATEWAY, token, QUERY);
  if (error) throw new Error(error);
  return ms;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-bench-stack-'));
fs.chmodSync(dataDir, 0o755);
let stack: Started | undefined;
try {
  const first = await startStack(dataDir);
  await stopStack(first.child);
  stack = await startStack(dataDir);
  await new Promise((r) => setTimeout(r, 5000)); // let start-up garbage settle before reading RSS
  const idle = processTree(stack.child.pid as number);
  const idleTotal = idle.reduce((sum, p) => sum + p.rssMiB, 0);

  const tokens = await userTokens();
  for (let i = 0; i < 20; i += 1) await post(tokens[i % tokens.length] as string);

  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) sequential.push(await post(tokens[i % tokens.length] as string));
  sequential.sort((a, b) => a - b);

  let sent = 0;
  const concurrent: number[] = [];
  const deadline = performance.now() + CONCURRENT_SECONDS * 1000;
  const concurrentStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const token = tokens[sent % tokens.length] as string;
        sent += 1;
        concurrent.push(await post(token));
      }
    }),
  );
  const concurrentSeconds = (performance.now() - concurrentStarted) / 1000;
  concurrent.sort((a, b) => a - b);
  const loaded = processTree(stack.child.pid as number);

  const figures = {
    label: LABEL,
    date: new Date().toISOString(),
    node: process.version,
    start: { firstSeconds: +first.seconds.toFixed(2), laterSeconds: +stack.seconds.toFixed(2) },
    idleRss: { totalMiB: +idleTotal.toFixed(1), processes: idle },
    afterLoadRssMiB: +loaded.reduce((sum, p) => sum + p.rssMiB, 0).toFixed(1),
    crossAgencyList: {
      concurrency1: {
        requests: SEQUENTIAL,
        p50Ms: +percentile(sequential, 50).toFixed(2),
        p95Ms: +percentile(sequential, 95).toFixed(2),
      },
      [`concurrency${CONCURRENCY}`]: {
        distinctCallers: USERS.length,
        requests: concurrent.length,
        requestsPerSecond: +(concurrent.length / concurrentSeconds).toFixed(1),
        p50Ms: +percentile(concurrent, 50).toFixed(2),
        p95Ms: +percentile(concurrent, 95).toFixed(2),
      },
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  const results = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(
    path.join(results, `stack-${LABEL}-${figures.date.slice(0, 10)}.json`),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
} finally {
  if (stack) await stopStack(stack.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
