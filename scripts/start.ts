/**
 * `npm start`: the five subgraphs and the gateway as separate processes, as in production,
 * with one Ctrl-C stopping them all. Each child is `node --import tsx <entry>` rather than an npx
 * wrapper, so signals reach the service itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import {
  AGENCIES,
  ConfigError,
  GATEWAY_DEFAULT_PORT,
  portFromEnv,
  REPO_ROOT,
  subgraphConfig,
} from '@cocuk-koruma/common';

interface Service {
  name: string;
  entry: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

function services(): Service[] {
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const subgraphs = AGENCIES.map((agency) => ({
    name: agency.slug,
    entry: path.join(REPO_ROOT, 'subgraphs', agency.slug, 'src/index.ts'),
    port: subgraphConfig(agency.slug).port,
    env,
  }));
  // The gateway must call the subgraphs on the ports they were given, not their defaults.
  const urls = Object.fromEntries(
    subgraphs.map((s) => [
      `${s.name.toUpperCase()}_URL`,
      process.env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.port}/graphql`,
    ]),
  );
  const gateway = {
    name: 'gateway',
    entry: path.join(REPO_ROOT, 'gateway/src/index.ts'),
    port: portFromEnv('gateway', GATEWAY_DEFAULT_PORT),
    env: { ...env, ...urls },
  };
  return [...subgraphs, gateway];
}

const children = new Map<string, ChildProcess>();
let stopping = false;

function prefixOutput(name: string, stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream): void {
  if (!stream) return;
  readline.createInterface({ input: stream }).on('line', (line) => target.write(`[${name}] ${line}\n`));
}

function start(service: Service): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', service.entry], {
    cwd: REPO_ROOT,
    env: service.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixOutput(service.name, child.stdout, process.stdout);
  prefixOutput(service.name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      process.stderr.write(`[${service.name}] exited (${signal ?? `code ${code}`}); stopping the others.\n`);
      void stopAll(1);
    }
  });
  children.set(service.name, child);
  return child;
}

async function waitForHealth(service: Service, deadline: number): Promise<void> {
  const url = `http://127.0.0.1:${service.port}/health`;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!stopping) throw new Error(`${service.name} did not become healthy at ${url}`);
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  let all: Service[];
  try {
    all = services();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const started = Date.now();
  for (const service of all) start(service);
  // First start of the embedded databases runs initdb five times on a small machine.
  const deadline = Date.now() + 180_000;
  try {
    await Promise.all(all.map((s) => waitForHealth(s, deadline)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await stopAll(1);
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = all.map((s) => `  ${s.name.padEnd(10)} http://127.0.0.1:${s.port}/graphql`);
  process.stdout.write(
    `\nChild-protection coordination graph is up (${seconds}s).\n` +
      `  gateway    http://127.0.0.1:${all.at(-1)?.port}/graphql  <- send queries here\n` +
      `${lines.slice(0, -1).join('\n')}\nHealth: GET /health on each. Ctrl-C stops all.\n\n`,
  );
}

await main();
