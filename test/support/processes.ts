import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { freePort } from '@cocuk-koruma/testing/ports';

export { freePort };

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
}

/**
 * The compiled module of a TypeScript entry: `<workspace>/src/x.ts` → `<workspace>/dist/x.js`,
 * `scripts/x.ts` → `scripts/dist/x.js`. The e2e project builds before it runs.
 */
export function compiledEntry(entry: string): string {
  const compiled = entry.startsWith('scripts/')
    ? entry.replace(/^scripts\//, 'scripts/dist/')
    : entry.replace(/\/src\//, '/dist/');
  return path.join(REPO_ROOT, compiled.replace(/\.ts$/, '.js'));
}

/** Runs an entry of the repo, compiled, as its own Node process, the way `npm start` does. */
export function spawnEntry(entry: string, env: NodeJS.ProcessEnv, args: string[] = []): Spawned {
  const child = spawn(process.execPath, [compiledEntry(entry), ...args], {
    cwd: REPO_ROOT,
    // As a user's shell has it: not vitest's NODE_ENV=test, under which some libraries behave otherwise.
    env: { ...process.env, VITEST: '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs,
        );
        const check = () => {
          if (pattern.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout?.on('data', check);
        void exited.then(() => {
          clearTimeout(timer);
          if (pattern.test(out)) resolve();
          else reject(new Error(`exited before ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
        });
        check();
      }),
  };
}

/** Polls `url` until it answers 200, or fails after `timeoutMs` with what the process printed. */
export async function waitUntilHealthy(url: string, spawned: Spawned, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void spawned.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy\nstdout:\n${spawned.stdout()}\nstderr:\n${spawned.stderr()}`);
}

export interface SpawnedSubgraph extends Spawned {
  url: string;
}

/** An agency's subgraph as its own compiled process, on `databaseUrl`, trusting `keycloakUrl`; resolves once /health answers. */
export async function spawnSubgraph(
  slug: string,
  databaseUrl: string,
  keycloakUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<SpawnedSubgraph> {
  const port = await freePort();
  const prefix = slug.toUpperCase();
  const spawned = spawnEntry(`subgraphs/${slug}/src/index.ts`, {
    [`${prefix}_DATABASE_URL`]: databaseUrl,
    [`${prefix}_PORT`]: String(port),
    KEYCLOAK_URL: keycloakUrl,
    KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS: '1',
    ...env,
  });
  try {
    await waitUntilHealthy(`http://127.0.0.1:${port}/health`, spawned);
  } catch (error) {
    spawned.child.kill('SIGKILL');
    throw error;
  }
  return { ...spawned, url: `http://127.0.0.1:${port}/graphql` };
}
