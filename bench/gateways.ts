/**
 * `npm run bench`: our gateway and Hive Gateway (`@graphql-hive/gateway`, its default
 * configuration but for forwarding the caller's token) side by side, over the same committed
 * supergraph and the same subgraphs of one `npm start`, in alternating rounds at concurrency 16,
 * with the tokens of ten users of five agencies rotated so that no two consecutive requests share
 * a caller. Workloads: a liaison's goal page; a page of 50 actions with status, latest report,
 * parties and overall status (`actionPage`, over a few filters and cursors); the national board
 * pack of an open meeting; the write path (save, submit, approve: one unit per cycle, each on a
 * report of its own); `{ __typename }`. For each and each gateway: throughput, p50/p95/p99, errors,
 * the ratio ours/Hive, the SQL statements one unit costs in each subgraph (their counters,
 * SQL_STATEMENT_COUNTER=1) and every service's RSS after it; then our gateway's own share of the
 * goal page and the page of 50 at concurrency 1 (overhead.ts). Results go to bench/results/ as
 * JSON, SVG and a Markdown table. Nothing here asserts on time.
 *
 * `npm run bench -- --soak [seconds]` (default 600) runs the mixed workload against our gateway
 * alone instead (soak.ts). BENCH_SEED=1 first fills the stack's databases with `npm run bench:seed`
 * (national scale; its flags in BENCH_SEED_ARGS), so the workloads run over 5,000 actions.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { throughputChart, rssChart } from './charts.js';
import { drive, summarise, type Figures, type Round } from './drive.js';
import { gatewayOverhead, type Overhead } from './overhead.js';
import { soak } from './soak.js';
import { statementsDuring, type StatementCounts } from './statement-counts.js';
import {
  GATEWAY,
  PORTS,
  REPO,
  SUBGRAPH_URLS,
  USERS,
  post,
  serviceMemory,
  stackEnv,
  startStack,
  stopStack,
  TokenPool,
  type Started,
} from './support.js';
import { actionPage, boardPack, goalPage, typename, ReadWorkload, type Workload } from './workloads.js';
import { freeSlots, WRITERS, WriteWorkload, type Slot } from './write-cycles.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 150);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
// 4190 is on the fetch standard's list of blocked ports; this one is not.
const HIVE_PORT = Number(process.env.BENCH_HIVE_PORT ?? 4109);
const HIVE = `http://127.0.0.1:${HIVE_PORT}/graphql`;
const GATEWAYS = { ours: GATEWAY, hive: HIVE } as const;
type GatewayName = keyof typeof GATEWAYS;
const SOAK_DEFAULT_SECONDS = 600;

/** `--soak [seconds]`: the soak's length, or undefined for the side-by-side run. */
function soakSeconds(argv: string[]): number | undefined {
  const at = argv.indexOf('--soak');
  if (at < 0) return undefined;
  const given = argv[at + 1];
  if (given === undefined || given.startsWith('--')) return SOAK_DEFAULT_SECONDS;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--soak takes a number of seconds, not "${given}".`);
  return seconds;
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

const stampOf = (date: string) => date.slice(0, 16).replace(/:/g, '');

function writeResults(name: string, figures: object, svg: string, markdown: string): void {
  const out = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  fs.writeFileSync(path.join(out, `${name}.svg`), svg);
  fs.writeFileSync(path.join(out, `${name}.md`), markdown);
  console.log(`\n${markdown}\nresults: bench/results/${name}.json, .svg and .md`);
}

interface Bench {
  readers: TokenPool;
  writers: TokenPool;
  reads: { goal: ReadWorkload; page: ReadWorkload; pack: ReadWorkload; typename: ReadWorkload };
  writes: WriteWorkload;
  slots: Slot[];
}

async function setUp(): Promise<Bench> {
  const readers = await TokenPool.signIn(USERS);
  const writers = await TokenPool.signIn(WRITERS);
  return {
    readers,
    writers,
    reads: {
      goal: goalPage(readers),
      page: await actionPage(GATEWAY, readers),
      pack: await boardPack(GATEWAY, readers, readers.of('family.secretariat')),
      typename: typename(readers),
    },
    writes: new WriteWorkload(writers),
    slots: await freeSlots(GATEWAY, writers),
  };
}

/** The statements one unit costs: each read variant once (their mean), or one write cycle. */
async function statementsPerUnit(workload: Workload, url: string, bench: Bench): Promise<StatementCounts> {
  if (workload instanceof WriteWorkload) {
    // Justice's for both gateways, so their counts compare agency for agency.
    const at = bench.slots.findIndex((slot) => slot.agency === 'justice');
    workload.use(bench.slots.splice(at, 1));
    return statementsDuring(SUBGRAPH_URLS, async () => {
      const outcome = await workload.run(url, 0);
      if (outcome?.error) console.error(`${workload.name} answered with errors: ${outcome.error}`);
    });
  }
  const read = workload as ReadWorkload;
  const sums = {} as StatementCounts;
  for (const op of read.operations) {
    const counts = await statementsDuring(SUBGRAPH_URLS, async () => {
      const reply = await post(url, bench.readers.tokens[0] as string, op.query, op.variables);
      // Counted all the same: the figures then show the errors, and what the failed request cost.
      if (reply.error) console.error(`${workload.name} (${op.label}) answered with errors: ${reply.error}`);
    });
    for (const [slug, n] of Object.entries(counts))
      sums[slug as keyof StatementCounts] = (sums[slug as keyof StatementCounts] ?? 0) + n;
  }
  return Object.fromEntries(
    Object.entries(sums).map(([slug, n]) => [slug, +(n / read.operations.length).toFixed(1)]),
  ) as StatementCounts;
}

interface WorkloadFigures {
  unit: string;
  variants: string[];
  ours: Figures;
  hive: Figures;
  ratio: number;
  sqlStatementsPerUnit: Record<GatewayName, StatementCounts>;
  rssMiBAfter: Record<string, number>;
}

async function sideBySide(stack: Started, hive: ChildProcess, bench: Bench) {
  const { reads, writes } = bench;
  const workloads: Workload[] = [reads.goal, reads.page, reads.pack, writes, reads.typename];
  // Warm-up, then a write cycle through each gateway: every unit below finds JIT and caches warm.
  for (const url of Object.values(GATEWAYS)) {
    for (const read of Object.values(reads)) for (let i = 0; i < WARM_UP; i += 1) await read.run(url, i);
    writes.use(bench.slots.splice(0, 2));
    for (let i = 0; i < 2; i += 1) await writes.run(url, i);
  }
  // One unit at a time, after the warm-up, so each counter moves for that unit alone.
  const statements = new Map<Workload, Record<GatewayName, StatementCounts>>();
  for (const w of workloads) {
    statements.set(w, {
      ours: await statementsPerUnit(w, GATEWAY, bench),
      hive: await statementsPerUnit(w, HIVE, bench),
    });
  }
  // Each (gateway, round) of the write path gets its own share of the free reports.
  const share = Math.floor(bench.slots.length / (2 * ROUNDS));
  const pids = [stack.child.pid as number, hive.pid as number];
  const results: Record<string, WorkloadFigures> = {};
  for (const w of workloads) {
    const rounds: Record<GatewayName, Round[]> = { ours: [], hive: [] };
    for (let r = 0; r < ROUNDS; r += 1) {
      // Alternating, and each round's order swapped, so drift on a shared machine hits both.
      const order: GatewayName[] = r % 2 === 0 ? ['ours', 'hive'] : ['hive', 'ours'];
      for (const name of order) {
        if (w instanceof WriteWorkload) w.use(bench.slots.splice(0, share));
        rounds[name].push(await drive((i) => w.run(GATEWAYS[name], i), CONCURRENCY, ROUND_SECONDS));
      }
    }
    const ours = summarise(rounds.ours);
    const hiveFigures = summarise(rounds.hive);
    results[w.name] = {
      unit: w.unit,
      variants: w instanceof ReadWorkload ? w.operations.map((o) => o.label) : [`${share} free reports per round`],
      ours,
      hive: hiveFigures,
      ratio: +(ours.perSecond / hiveFigures.perSecond).toFixed(2),
      sqlStatementsPerUnit: statements.get(w) as Record<GatewayName, StatementCounts>,
      rssMiBAfter: serviceMemory(pids),
    };
    console.error(`${w.name}: ours ${ours.perSecond}/s, hive ${hiveFigures.perSecond}/s`);
  }
  const overhead: Record<string, Overhead> = {};
  for (const w of [reads.goal, reads.page]) overhead[w.name] = await gatewayOverhead(w, GATEWAY, HIVE, SEQUENTIAL);
  return { results, overhead };
}

function seed(folder: string): void {
  execFileSync(
    'npm',
    ['run', '-s', 'bench:seed', '--', ...(process.env.BENCH_SEED_ARGS ?? '').split(' ').filter(Boolean)],
    { cwd: REPO, env: stackEnv(folder), stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

const machine = () => ({
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: +(os.totalmem() / 1024 ** 3).toFixed(1),
  loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
});

const ms = (n: number) => `${n} ms`;

function comparisonMarkdown(
  results: Record<string, WorkloadFigures>,
  overhead: Record<string, Overhead>,
  setup: Record<string, unknown>,
): string {
  const slugs = Object.keys(SUBGRAPH_URLS);
  const rows = Object.entries(results).map(([name, r]) =>
    [
      name,
      r.unit,
      `${r.ours.perSecond} / ${r.hive.perSecond}`,
      r.ratio,
      `${ms(r.ours.p50Ms)} / ${ms(r.hive.p50Ms)}`,
      `${ms(r.ours.p95Ms)} / ${ms(r.hive.p95Ms)}`,
      `${ms(r.ours.p99Ms)} / ${ms(r.hive.p99Ms)}`,
      `${r.ours.errors} / ${r.hive.errors}`,
    ].join(' | '),
  );
  const sql = Object.entries(results).map(([name, r]) =>
    [
      name,
      ...slugs.map(
        (s) =>
          `${r.sqlStatementsPerUnit.ours[s as keyof StatementCounts]} / ${r.sqlStatementsPerUnit.hive[s as keyof StatementCounts]}`,
      ),
    ].join(' | '),
  );
  const services = [...new Set(Object.values(results).flatMap((r) => Object.keys(r.rssMiBAfter)))];
  const rss = Object.entries(results).map(([name, r]) =>
    [name, ...services.map((s) => r.rssMiBAfter[s] ?? '')].join(' | '),
  );
  const over = Object.entries(overhead).map(([name, o]) =>
    [
      name,
      ms(o.endToEndP50Ms),
      ms(o.subgraphCriticalPathP50Ms),
      ms(o.slowestSubgraphCallP50Ms),
      o.subgraphCallsPerRequest,
      `${(o.overheadShare * 100).toFixed(1)} %`,
      `${(o.medianPerRequestShare * 100).toFixed(1)} %`,
      ms(o.hiveEndToEndP50Ms),
    ].join(' | '),
  );
  return `Concurrency ${String(setup.concurrency)}, ${String(setup.distinctCallers)} distinct callers, ${String(setup.rounds)} alternating rounds of ${String(setup.roundSeconds)} s per gateway; data: ${String(setup.data)}.

| workload | unit | per second, ours / Hive | ratio | p50 | p95 | p99 | errors |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r} |`).join('\n')}

SQL statements per unit, ours / Hive:

| workload | ${slugs.join(' | ')} |
| --- | ${slugs.map(() => '---').join(' | ')} |
${sql.map((r) => `| ${r} |`).join('\n')}

RSS (MiB) of each service after each workload (PostgreSQL: the sum of its processes):

| after | ${services.join(' | ')} |
| --- | ${services.map(() => '---').join(' | ')} |
${rss.map((r) => `| ${r} |`).join('\n')}

Our gateway's own share at concurrency 1 (${String(setup.sequentialRequests)} requests each; subgraph time from the gateway's Server-Timing, see bench/overhead.ts):

| workload | end-to-end p50 | subgraph critical path p50 | slowest call p50 | calls per request | overhead (p50 − path p50) / p50 | median per-request share | Hive end-to-end p50 |
| --- | --- | --- | --- | --- | --- | --- | --- |
${over.map((r) => `| ${r} |`).join('\n')}
`;
}

function soakMarkdown(result: Awaited<ReturnType<typeof soak>>, data: string): string {
  const rows = Object.entries(result.byWorkload).map(
    ([name, f]) =>
      `| ${name} | ${f.units} | ${f.perSecond} | ${ms(f.p50Ms)} | ${ms(f.p95Ms)} | ${ms(f.p99Ms)} | ${f.errors} |`,
  );
  const services = Object.keys(result.end.rssMiB);
  const rss = services.map(
    (s) =>
      `| ${s} | ${result.firstMinute.rssMiB[s] ?? ''} | ${result.end.rssMiB[s]} | ${result.growth[s] === undefined ? '' : `${(result.growth[s] * 100).toFixed(1)} %`} |`,
  );
  return `Soak: ${result.seconds} s of the mixed workload against our gateway, concurrency ${result.concurrency}; data: ${data}; ${result.writeCycles.total} write cycles (${result.writeCycles.corrections} of them corrections).

| workload | units | per second | p50 | p95 | p99 | errors |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

| service | RSS MiB at ${result.firstMinute.atSeconds} s | RSS MiB at ${result.end.atSeconds} s (end) | change |
| --- | --- | --- | --- |
${rss.join('\n')}

End within 10% of the first minute for every service (no more than 10% above it; a service that shrank passes): **${result.withinTenPercent ? 'yes' : 'no'}**.
`;
}

const soakFor = soakSeconds(process.argv.slice(2));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-bench-gateways-'));
fs.chmodSync(folder, 0o755);
let stack: Started | undefined;
let hive: ChildProcess | undefined;
let bench: Bench | undefined;
try {
  stack = await startStack(folder, { SQL_STATEMENT_COUNTER: '1', GATEWAY_SUBGRAPH_TIMING: '1' });
  const seeded = process.env.BENCH_SEED === '1';
  if (seeded) seed(folder);
  const data = seeded
    ? `generated example data, npm run bench:seed ${process.env.BENCH_SEED_ARGS ?? ''}`.trim()
    : "the plan's example data (33 actions)";
  const started = machine();
  if (soakFor === undefined) hive = await startHive(supergraphForBench(folder));
  bench = await setUp();
  const date = new Date().toISOString();
  if (soakFor !== undefined) {
    const { reads, writes } = bench;
    writes.use(bench.slots, true);
    for (const read of Object.values(reads)) for (let i = 0; i < WARM_UP; i += 1) await read.run(GATEWAY, i);
    const result = await soak(
      GATEWAY,
      [reads.goal, reads.page, reads.pack, reads.typename, writes],
      [stack.child.pid as number],
      soakFor,
      CONCURRENCY,
    );
    writeResults(
      `soak-${stampOf(date)}`,
      { date, machine: started, data, ...result },
      rssChart(result.samples),
      soakMarkdown(result, data),
    );
  } else if (hive) {
    const { results, overhead } = await sideBySide(stack, hive, bench);
    const setup = {
      concurrency: CONCURRENCY,
      distinctCallers: bench.readers.tokens.length,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      sequentialRequests: SEQUENTIAL,
      data,
      hive: 'default configuration (one process); authorization forwarded; in-flight deduplication on (its default)',
      ours: 'npm start, with SQL_STATEMENT_COUNTER=1 and GATEWAY_SUBGRAPH_TIMING=1',
    };
    writeResults(
      `gateways-${stampOf(date)}`,
      { date, machine: started, setup, workloads: results, gatewayOverheadConcurrency1: overhead },
      throughputChart(
        Object.entries(results).map(([workload, r]) => ({ workload, ours: r.ours.perSecond, hive: r.hive.perSecond })),
        CONCURRENCY,
      ),
      comparisonMarkdown(results, overhead, setup),
    );
  }
} finally {
  bench?.readers.stop();
  bench?.writers.stop();
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
