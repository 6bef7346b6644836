/**
 * What the benchmarks share: the stack as `npm start` runs it, on ports of their own, its process
 * tree and memory, tokens of several users, and percentiles. Nothing here asserts on time.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';

export const REPO = path.resolve(process.env.BENCH_REPO ?? path.join(import.meta.dirname, '..'));

/** Ten users of five agencies: distinct callers, so no answer can be shared between them. */
export const USERS = [
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

export const PORTS = {
  GATEWAY_PORT: 4100,
  FAMILY_PORT: 4101,
  JUSTICE_PORT: 4102,
  HEALTH_PORT: 4103,
  EDUCATION_PORT: 4104,
  INTERIOR_PORT: 4105,
  IDP_PORT: 8180,
  EMBEDDED_POSTGRES_PORT: 5499,
};
export const GATEWAY = `http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export interface Started {
  child: ChildProcess;
  seconds: number;
}

/** The environment of `npm start` (and of `npm run bench:seed` into it) on the benchmark's ports and data folder. */
export function stackEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, KEYCLOAK_URL: '' };
  for (const [name, port] of Object.entries(PORTS)) env[name] = String(port);
  for (const agency of ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']) env[`${agency}_DATABASE_URL`] = '';
  return env;
}

/** The subgraphs' `/graphql` URLs on the benchmark's ports. */
export const SUBGRAPH_URLS = {
  family: `http://127.0.0.1:${PORTS.FAMILY_PORT}/graphql`,
  justice: `http://127.0.0.1:${PORTS.JUSTICE_PORT}/graphql`,
  health: `http://127.0.0.1:${PORTS.HEALTH_PORT}/graphql`,
  education: `http://127.0.0.1:${PORTS.EDUCATION_PORT}/graphql`,
  interior: `http://127.0.0.1:${PORTS.INTERIOR_PORT}/graphql`,
};

/** `npm start` in REPO on a data folder of its own, until it says the graph is up. */
export async function startStack(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  const env = { ...stackEnv(dataDir), ...extraEnv };
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

export async function stopStack(child: ChildProcess): Promise<void> {
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

export interface ProcessMemory {
  pid: number;
  rssMiB: number;
  command: string;
}

/** `pid` and every process in the tree under it but npm's and the shell's, with its resident memory. */
export function processTree(pid: number): ProcessMemory[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [p, pp, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(p), ppid: Number(pp), rssMiB: Number(rss) / 1024, command: args.join(' ') };
    });
  const result: ProcessMemory[] = [];
  const walk = (parent: number) => {
    for (const row of table.filter((r) => r.ppid === parent)) {
      result.push({ pid: row.pid, rssMiB: +row.rssMiB.toFixed(1), command: row.command.slice(0, 120) });
      walk(row.pid);
    }
  };
  const root = table.find((r) => r.pid === pid);
  if (root) result.push({ pid: root.pid, rssMiB: +root.rssMiB.toFixed(1), command: root.command.slice(0, 120) });
  walk(pid);
  return result.filter((p) => !/^(npm|sh) /.test(p.command));
}

/** Which service a process of the stack (or Hive Gateway) is, from its command line. */
export function serviceOf(command: string): string {
  const subgraph = /\/subgraphs\/(\w+)\//.exec(command);
  if (subgraph) return subgraph[1] as string;
  if (/\/gateway\/dist\//.test(command)) return 'gateway';
  if (/hive-gateway/.test(command)) return 'hive';
  if (/dev-identity-provider/.test(command)) return 'identity provider';
  if (/packages\/postgres\//.test(command)) return 'postgres launcher';
  if (/scripts\/dist\/start/.test(command)) return 'launcher';
  if (/postgres/.test(command)) return 'postgresql';
  return command.slice(0, 40);
}

/**
 * RSS in MiB per service of the trees under `pids`. PostgreSQL is the sum of its processes, which
 * counts their shared buffers more than once: compare it with itself, not with the Node services.
 */
export function serviceMemory(pids: readonly number[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const p of pids.flatMap((pid) => processTree(pid))) {
    const name = serviceOf(p.command);
    sums[name] = +((sums[name] ?? 0) + p.rssMiB).toFixed(1);
  }
  return sums;
}

/** Access tokens of `users` from the stack's development identity provider, as the portal signs in. */
export async function userTokens(users: readonly string[] = USERS): Promise<string[]> {
  const realm = realmUrl(`http://127.0.0.1:${PORTS.IDP_PORT}`);
  return Promise.all(
    users.map(
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
}

/**
 * Tokens of `users` in a fixed order, signed in again before they expire (the realm's tokens live
 * five minutes, a benchmark longer): `tokens` is refilled in place, so a running round keeps on
 * with fresh ones.
 */
export class TokenPool {
  readonly tokens: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly users: readonly string[]) {}

  static async signIn(users: readonly string[], renewEveryMs = 120_000): Promise<TokenPool> {
    const pool = new TokenPool(users);
    await pool.renew();
    pool.timer = setInterval(() => void pool.renew().catch(() => undefined), renewEveryMs);
    pool.timer.unref();
    return pool;
  }

  of(username: string): string {
    return this.tokens[this.users.indexOf(username)] as string;
  }

  private async renew(): Promise<void> {
    this.tokens.splice(0, this.tokens.length, ...(await userTokens(this.users)));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface Reply {
  ms: number;
  error?: string;
  data?: Record<string, unknown>;
  /** The gateway's `Server-Timing` header, when it times its subgraph calls. */
  serverTiming?: string;
}

/** One GraphQL POST; the latency in ms, the data, or the error that came back. */
export async function post(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Reply> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(variables ? { query, variables } : { query }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    const ms = performance.now() - started;
    const serverTiming = response.headers.get('server-timing') ?? undefined;
    if (!response.ok || body.errors) {
      return { ms, serverTiming, error: JSON.stringify(body.errors ?? response.status).slice(0, 300) };
    }
    return { ms, serverTiming, data: body.data };
  } catch (error) {
    return { ms: performance.now() - started, error: String(error) };
  }
}
