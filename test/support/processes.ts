import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';

export { freePort } from '@cocuk-koruma/testing/ports';

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
