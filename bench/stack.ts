/**
 * `npm run bench:stack`: the system as a user runs it. Starts `npm start` in a repository
 * (BENCH_REPO, default this one) on a fresh data folder, and measures
 * - the first start (initdb, migrations, seed) and a later start, to "graph is up";
 * - idle RSS of every process of the stack (Node services and PostgreSQL);
 * - the cross-agency action list at concurrency 1 (p50, p95) and at concurrency 16 with
 *   distinct callers (ten users of five agencies, each request with the next user's token).
 * Figures go to stdout and bench/results/stack-<date>.json. Nothing here asserts on time.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';

const REPO = path.resolve(process.env.BENCH_REPO ?? path.join(import.meta.dirname, '..'));
const LABEL = process.env.BENCH_LABEL ?? path.basename(REPO);
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CONCURRENT_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const USERS = [
  'justice.liaison',
  'justice.focal',
  'health.liaison',
  'health.focal',
  'education.liaison',
  'education.board',
  'interior.liaison',
  'interior.focal',
  'family.board',
  'family.secretariat',
];
const QUERY = `query Board {
  actions { code title responsibleAgency status latestReport { period percentComplete } collaborators { code } }
}`;
const PORTS = {
  GATEWAY_PORT: 4100,
  FAMILY_PORT: 4101,
  JUSTICE_PORT: 4102,
  HEALTH_PORT: 4103,
  EDUCATION_PORT: 4104,
  INTERIOR_PORT: 4105,
  IDP_PORT: 8180,
  EMBEDDED_POSTGRES_PORT: 5499,
};
const GATEWAY = `http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Started {
  child: ChildProcess;
  seconds: number;
}

async function startStack(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, KEYCLOAK_URL: '' };
  for (const [name, port] of Object.entries(PORTS)) env[name] = String(port);
  for (const agency of ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']) env[`${agency}_DATABASE_URL`] = '';
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "graph is up" in 180 s:\n${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/graph is up/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`npm start exited:\n${out}`)));
  });
  child.removeAllListeners('exit');
  return { child, seconds: (performance.now() - started) / 1000 };
}

async function stopStack(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  // npm forwards SIGINT to the launcher; the launcher stops its services.
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  try {
    process.kill(-(child.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Every process in the tree under `pid`, with its resident memory. */
function processTree(pid: number): { pid: number; rssMiB: number; command: string }[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [p, pp, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(p), ppid: Number(pp), rssMiB: Number(rss) / 1024, command: args.join(' ') };
    });
  const result: { pid: number; rssMiB: number; command: string }[] = [];
  const walk = (parent: number) => {
    for (const row of table.filter((r) => r.ppid === parent)) {
      result.push({ pid: row.pid, rssMiB: +row.rssMiB.toFixed(1), command: row.command.slice(0, 120) });
      walk(row.pid);
    }
  };
  walk(pid);
  return result;
}

async function post(token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return performance.now() - started;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-bench-stack-'));
fs.chmodSync(dataDir, 0o755);
let stack: Started | undefined;
try {
  const first = await startStack(dataDir);
  await stopStack(first.child);
  stack = await startStack(dataDir);
  await new Promise((r) => setTimeout(r, 5000)); // let start-up garbage settle before reading RSS
  const idle = processTree(stack.child.pid as number).filter((p) => !/^(npm|sh) /.test(p.command));
  const idleTotal = idle.reduce((sum, p) => sum + p.rssMiB, 0);

  const realm = realmUrl(`http://127.0.0.1:${PORTS.IDP_PORT}`);
  const tokens = await Promise.all(
    USERS.map(
      async (username) =>
        (
          await loginWithPassword({
            realmUrl: realm,
            clientId: 'portal',
            redirectUri: 'http://127.0.0.1:5173/token-script',
            username,
            password: 'example-password',
          })
        ).access_token,
    ),
  );
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
  const loaded = processTree(stack.child.pid as number).filter((p) => !/^(npm|sh) /.test(p.command));

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
