/**
 * `npm run bench`: our gateway and Hive Gateway (`@graphql-hive/gateway`, its default
 * configuration but for forwarding the caller's token) side by side, over the same committed
 * supergraph and the same subgraphs of one `npm start`, in alternating rounds, with the tokens of
 * ten users of five agencies rotated so that no two consecutive requests share a caller.
 * For each workload and gateway: throughput (median of the rounds), p50/p95/p99, errors; the
 * ratio ours/Hive; the SQL statements one request of each workload costs in each subgraph (their
 * counters, SQL_STATEMENT_COUNTER=1); and the RSS of every service at the end. Results go to
 * bench/results/ as JSON and as an SVG chart. Nothing here asserts on time.
 * BENCH_SEED=1 first fills the stack's databases with `npm run bench:seed` (national scale; its
 * flags in BENCH_SEED_ARGS), so the workloads run over 5,000 actions instead of the plan's few.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GATEWAY,
  PORTS,
  REPO,
  SUBGRAPH_URLS,
  median,
  percentile,
  post,
  processTree,
  stackEnv,
  startStack,
  stopStack,
  userTokens,
  type Started,
} from './support.js';
import { statementsDuring, type StatementCounts } from './statement-counts.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 150);
// 4190 is on the fetch standard's list of blocked ports; this one is not.
const HIVE_PORT = Number(process.env.BENCH_HIVE_PORT ?? 4109);
const HIVE = `http://127.0.0.1:${HIVE_PORT}/graphql`;

const WORKLOADS = {
  'goal page': `query GoalPage { goal(code: "A1.H1") { code title actions {
    code title responsibleAgency status latestReport { period percentComplete } } } }`,
  'cross-agency action list': `query Board { actions {
    code title responsibleAgency status latestReport { period percentComplete } collaborators { code } } }`,
  '{ __typename }': `{ __typename }`,
};
type Workload = keyof typeof WORKLOADS;
const GATEWAYS = { ours: GATEWAY, hive: HIVE } as const;
type GatewayName = keyof typeof GATEWAYS;

interface Round {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/** CONCURRENCY clients for ROUND_SECONDS, each request with the next user's token. */
async function round(url: string, query: string, tokens: string[]): Promise<Round> {
  let sent = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + ROUND_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const result = await post(url, tokens[sent++ % tokens.length] as string, query);
        latencies.push(result.ms);
        if (result.error) {
          errors += 1;
          firstError ??= result.error;
        }
      }
    }),
  );
  return { requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies, firstError };
}

async function sequentialP50(url: string, query: string, tokens: string[]): Promise<number> {
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1)
    latencies.push((await post(url, tokens[i % tokens.length] as string, query)).ms);
  return percentile(
    latencies.sort((a, b) => a - b),
    50,
  );
}

/** The committed supergraph with each subgraph's URL moved to the port this benchmark gave it. */
function supergraphForBench(folder: string): string {
  const sdl = fs
    .readFileSync(path.join(REPO, 'schema/supergraph.graphql'), 'utf8')
    .replace(/(name: "(\w+)", url: ")[^"]+"/g, (_m, head: string, name: string) => {
      const port = PORTS[`${name.toUpperCase()}_PORT` as keyof typeof PORTS];
      return `${head}http://127.0.0.1:${port}/graphql"`;
    });
  const file = path.join(folder, 'supergraph.graphql');
  fs.writeFileSync(file, sdl);
  return file;
}

async function startHive(supergraph: string): Promise<ChildProcess> {
  const child = spawn(
    path.join(REPO, 'node_modules/.bin/hive-gateway'),
    [
      'supergraph',
      supergraph,
      '--host',
      '127.0.0.1',
      '--port',
      String(HIVE_PORT),
      '-c',
      path.join(REPO, 'bench/hive-gateway.config.ts'),
    ],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NODE_ENV: 'production' } },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hive Gateway did not listen in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`Hive Gateway exited:\n${out}`)));
  });
  child.removeAllListeners('exit');
  return child;
}

/** Bars of throughput per workload, ours beside Hive's, with the ratio above each pair. */
function chart(rows: { workload: string; ours: number; hive: number }[]): string {
  const width = 640;
  const barArea = 300;
  const top = Math.max(...rows.flatMap((r) => [r.ours, r.hive]), 1);
  const group = (width - 80) / rows.length;
  const bars = rows
    .map((r, i) => {
      const x = 60 + i * group;
      const bar = (value: number, dx: number, colour: string) => {
        const h = (value / top) * barArea;
        return `<rect x="${x + dx}" y="${340 - h}" width="${group / 3}" height="${h}" fill="${colour}"><title>${value.toFixed(1)} req/s</title></rect>
  <text x="${x + dx + group / 6}" y="${335 - h}" font-size="11" text-anchor="middle">${value.toFixed(0)}</text>`;
      };
      return `${bar(r.ours, 0, '#1f5f99')}
  ${bar(r.hive, group / 3 + 4, '#b35900')}
  <text x="${x + group / 3}" y="360" font-size="12" text-anchor="middle">${r.workload}</text>
  <text x="${x + group / 3}" y="376" font-size="11" text-anchor="middle">ratio ${(r.ours / r.hive).toFixed(2)}</text>`;
    })
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="400" font-family="sans-serif" role="img" aria-label="Throughput, our gateway and Hive Gateway">
  <title>Requests per second at concurrency ${CONCURRENCY}, ten distinct callers (higher is better)</title>
  <text x="10" y="20" font-size="14">Requests/s at concurrency ${CONCURRENCY}, distinct callers: ours (blue) and Hive Gateway (orange)</text>
  ${bars}
</svg>
`;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-bench-gateways-'));
fs.chmodSync(folder, 0o755);
let stack: Started | undefined;
let hive: ChildProcess | undefined;
try {
  stack = await startStack(folder, { SQL_STATEMENT_COUNTER: '1' });
  if (process.env.BENCH_SEED === '1') {
    execFileSync(
      'npm',
      ['run', '-s', 'bench:seed', '--', ...(process.env.BENCH_SEED_ARGS ?? '').split(' ').filter(Boolean)],
      {
        cwd: REPO,
        env: stackEnv(folder),
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
  }
  hive = await startHive(supergraphForBench(folder));
  const tokens = await userTokens();
  for (const url of Object.values(GATEWAYS)) {
    for (const query of Object.values(WORKLOADS))
      for (let i = 0; i < 20; i += 1) await post(url, tokens[0] as string, query);
  }
  // One request at a time, after the warm-up, so each counter moves for that request alone.
  const statements: Record<string, Record<GatewayName, StatementCounts>> = {};
  for (const [workload, query] of Object.entries(WORKLOADS)) {
    const of = (url: string) =>
      statementsDuring(SUBGRAPH_URLS, async () => {
        const result = await post(url, tokens[0] as string, query);
        if (result.error) throw new Error(`${workload}: ${result.error}`);
      });
    statements[workload] = { ours: await of(GATEWAY), hive: await of(HIVE) };
  }

  const results: Record<string, Record<GatewayName, Round[]>> = {};
  for (const workload of Object.keys(WORKLOADS) as Workload[]) {
    results[workload] = { ours: [], hive: [] };
    for (let r = 0; r < ROUNDS; r += 1) {
      // Alternating, and each round's order swapped, so drift on a shared machine hits both.
      const order: GatewayName[] = r % 2 === 0 ? ['ours', 'hive'] : ['hive', 'ours'];
      for (const name of order) results[workload][name].push(await round(GATEWAYS[name], WORKLOADS[workload], tokens));
    }
  }
  const listP50 = {
    ours: await sequentialP50(GATEWAY, WORKLOADS['cross-agency action list'], tokens),
    hive: await sequentialP50(HIVE, WORKLOADS['cross-agency action list'], tokens),
  };
  const rss = [...processTree(stack.child.pid as number), ...processTree(hive.pid as number)];

  const summary = Object.fromEntries(
    Object.entries(results).map(([workload, byGateway]) => {
      const of = (name: GatewayName) => {
        const rounds = byGateway[name];
        const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
        return {
          requestsPerSecond: +median(rounds.map((r) => r.requests / r.seconds)).toFixed(1),
          roundsRequestsPerSecond: rounds.map((r) => +(r.requests / r.seconds).toFixed(1)),
          p50Ms: +percentile(all, 50).toFixed(1),
          p95Ms: +percentile(all, 95).toFixed(1),
          p99Ms: +percentile(all, 99).toFixed(1),
          requests: all.length,
          errors: rounds.reduce((n, r) => n + r.errors, 0),
          firstError: rounds.find((r) => r.firstError)?.firstError,
        };
      };
      const ours = of('ours');
      const hiveFigures = of('hive');
      return [
        workload,
        {
          ours,
          hive: hiveFigures,
          ratio: +(ours.requestsPerSecond / hiveFigures.requestsPerSecond).toFixed(2),
          sqlStatementsPerRequest: statements[workload] as Record<GatewayName, StatementCounts>,
        },
      ];
    }),
  );
  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    setup: {
      concurrency: CONCURRENCY,
      distinctCallers: tokens.length,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      hive: 'default configuration; authorization forwarded; in-flight deduplication on (its default)',
      seeded: process.env.BENCH_SEED === '1' ? `npm run bench:seed ${process.env.BENCH_SEED_ARGS ?? ''}`.trim() : null,
    },
    workloads: summary,
    crossAgencyListConcurrency1P50Ms: { ours: +listP50.ours.toFixed(1), hive: +listP50.hive.toFixed(1) },
    rssMiB: rss.map((p) => ({ rssMiB: p.rssMiB, command: p.command })),
  };

  console.log(
    `\nworkload (c=${CONCURRENCY}, ${tokens.length} callers)   ours req/s   hive req/s   ratio   ours p50   hive p50`,
  );
  for (const [workload, s] of Object.entries(summary)) {
    console.log(
      `${workload.padEnd(34)} ${String(s.ours.requestsPerSecond).padStart(10)} ${String(s.hive.requestsPerSecond).padStart(12)} ${String(s.ratio).padStart(7)} ${`${s.ours.p50Ms} ms`.padStart(10)} ${`${s.hive.p50Ms} ms`.padStart(10)}` +
        (s.ours.errors || s.hive.errors ? `   errors: ours ${s.ours.errors}, hive ${s.hive.errors}` : ''),
    );
  }
  const slugs = Object.keys(SUBGRAPH_URLS) as (keyof typeof SUBGRAPH_URLS)[];
  console.log(`\nSQL statements per request (${slugs.join(' / ')})`);
  for (const [workload, s] of Object.entries(summary)) {
    const row = (counts: StatementCounts) => slugs.map((slug) => counts[slug]).join(' / ');
    console.log(
      `${workload.padEnd(34)} ours ${row(s.sqlStatementsPerRequest.ours).padEnd(22)} hive ${row(s.sqlStatementsPerRequest.hive)}`,
    );
  }
  console.log(
    `cross-agency list at c=1: p50 ours ${figures.crossAgencyListConcurrency1P50Ms.ours} ms, hive ${figures.crossAgencyListConcurrency1P50Ms.hive} ms`,
  );
  const out = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  const stamp = figures.date.slice(0, 16).replace(/:/g, '');
  fs.writeFileSync(path.join(out, `gateways-${stamp}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  fs.writeFileSync(
    path.join(out, `gateways-${stamp}.svg`),
    chart(
      Object.entries(summary).map(([workload, s]) => ({
        workload,
        ours: s.ours.requestsPerSecond,
        hive: s.hive.requestsPerSecond,
      })),
    ),
  );
  console.log(`results: bench/results/gateways-${stamp}.json and .svg`);
} finally {
  if (hive?.pid) {
    try {
      process.kill(-hive.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (stack) await stopStack(stack.child);
  fs.rmSync(folder, { recursive: true, force: true });
}
