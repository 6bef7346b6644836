/**
 * `npm start`: the five subgraphs and the gateway as separate processes, as in production,
 * with one Ctrl-C stopping them all. An agency with no `<AGENCY>_DATABASE_URL` gets its own role
 * and database on one embedded PostgreSQL, run as a process of its own (`packages/postgres`),
 * started first and stopped last. Each child is `node <workspace>/dist/index.js`, the compiled
 * service, rather than an npx wrapper, so signals reach the service itself.
 * `npm run dev` (`--dev`) runs the TypeScript sources through tsx instead, and restarts a service
 * when a file it is built from changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { DatabaseProcessMessage } from '@cocuk-koruma/postgres/main';
import type { ReadyMessage } from '@cocuk-koruma/platform/server/readiness';
// Only the modules it needs: the package's index would load the whole server stack into a
// process that only starts and watches others.
import { AGENCIES, type AgencySlug } from '@cocuk-koruma/platform/agencies';
import {
  ConfigError,
  GATEWAY_DEFAULT_PORT,
  IDP_DEFAULT_PORT,
  portFromEnv,
  REPO_ROOT,
  subgraphConfig,
  databaseConfig,
} from '@cocuk-koruma/platform/config';

const DEV = process.argv.includes('--dev');

interface Service {
  name: string;
  /** The workspace folder, relative to the repository; its entry is src/index.ts or dist/index.js. */
  workspace: string;
  entry: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

/** The compiled module, or in development its TypeScript source. */
function entryOf(workspace: string, module = 'index'): string {
  return path.join(REPO_ROOT, workspace, DEV ? `src/${module}.ts` : `dist/${module}.js`);
}

// A young generation of 4 MiB instead of V8's 16-48 MiB: these services keep little short-lived
// garbage at a time, and it takes 20-25 MiB off each one's resident memory on a laptop that runs
// all eight. Containers are sized by their own limits and keep V8's default.
const NODE_ARGS = ['--max-semi-space-size=4', ...(DEV ? ['--conditions=source', '--import', 'tsx'] : [])];

function services(): Service[] {
  // With KEYCLOAK_URL unset, the development identity provider stands in for Keycloak and every
  // service validates tokens against it; with it set, a real Keycloak is used and none is started.
  const embeddedIdp = !process.env.KEYCLOAK_URL?.trim();
  const idpPort = portFromEnv('idp', IDP_DEFAULT_PORT);
  const keycloakUrl = embeddedIdp ? `http://127.0.0.1:${idpPort}` : (process.env.KEYCLOAK_URL as string);
  const env = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    KEYCLOAK_URL: keycloakUrl,
    // One key for this run's family subgraph and gateway, so the family's read-back passes a
    // client held to a manifest of trusted documents (README: "Trusted documents").
    READ_BACK_SECRET: process.env.READ_BACK_SECRET || randomBytes(32).toString('base64url'),
  };
  const idp: Service[] = embeddedIdp
    ? [
        {
          name: 'identity',
          workspace: 'packages/dev-identity-provider',
          entry: entryOf('packages/dev-identity-provider'),
          port: idpPort,
          env,
        },
      ]
    : [];
  const subgraphs = AGENCIES.map((agency) => ({
    name: agency.slug,
    workspace: `subgraphs/${agency.slug}`,
    entry: entryOf(`subgraphs/${agency.slug}`),
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
    workspace: 'gateway',
    entry: entryOf('gateway'),
    port: portFromEnv('gateway', GATEWAY_DEFAULT_PORT),
    env: { ...env, ...urls },
  };
  return [...idp, ...subgraphs, gateway];
}

const children = new Map<string, ChildProcess>();
/** Resolves when the service's latest process says it answers (see announceReady), or at its exit. */
const ready = new Map<string, Promise<boolean>>();
/** Children whose exit is expected: a start-up failure they reported, a restart in development. */
const expectedExit = new Set<string>();
let stopping = false;

function prefixOutput(name: string, stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream): void {
  if (!stream) return;
  readline.createInterface({ input: stream }).on('line', (line) => target.write(`[${name}] ${line}\n`));
}

function start(service: Service, options: { detached?: boolean } = {}): ChildProcess {
  const child = spawn(process.execPath, [...NODE_ARGS, service.entry], {
    cwd: REPO_ROOT,
    env: service.env,
    // The IPC channel closes when this launcher dies, even by SIGKILL; the services stop then.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Out of the terminal's process group, Ctrl-C does not reach it: it is stopped last, by us.
    detached: options.detached ?? false,
  });
  prefixOutput(service.name, child.stdout, process.stdout);
  prefixOutput(service.name, child.stderr, process.stderr);
  ready.set(
    service.name,
    new Promise((resolve) => {
      child.on('message', (message: ReadyMessage) => {
        if (message.type === 'ready') resolve(true);
      });
      child.once('exit', () => resolve(false));
    }),
  );
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping && !expectedExit.has(service.name)) {
      process.stderr.write(`[${service.name}] exited (${signal ?? `code ${code}`}); stopping the others.\n`);
      void stopAll(1);
    }
  });
  children.set(service.name, child);
  return child;
}

/** Each service tells us over IPC once it answers: nothing polls, and the graph is up the moment it is. */
async function waitForReady(service: Service, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([ready.get(service.name) ?? Promise.resolve(false), timedOut]);
  clearTimeout(timer);
  if (outcome === true || stopping) return;
  throw new Error(
    outcome === 'timeout'
      ? `${service.name} did not start within ${timeoutMs / 1000} s`
      : `${service.name} stopped before it was ready`,
  );
}

function stopChild(child: ChildProcess, name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      process.stderr.write(`[${name}] did not stop within 10 s of SIGTERM; killing it.\n`);
      child.kill('SIGKILL');
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The services first, so that they finish what they are doing; their database after them. */
async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const database = children.get('database');
  await Promise.all([...children.entries()].filter(([, c]) => c !== database).map(([name, c]) => stopChild(c, name)));
  if (database) await stopChild(database, 'database');
  process.exit(exitCode);
}

/** Starts the embedded PostgreSQL and hands back each agency's connection URL by slug, or null after a reported failure. */
function startDatabase(): Promise<Record<string, string> | null> {
  const service: Service = {
    name: 'database',
    workspace: 'packages/postgres',
    entry: entryOf('packages/postgres', 'main'),
    port: 0,
    env: process.env,
  };
  const child = start(service, { detached: true });
  return new Promise((resolve) => {
    child.on('message', (message: DatabaseProcessMessage) => {
      if (message.type === 'ready') {
        resolve(Object.fromEntries(message.databases.map((d) => [d.slug, d.url])));
      } else {
        // A port or folder the user must fix: the one line says what; nothing more to add.
        expectedExit.add(service.name);
        process.stderr.write(`${message.message}\n`);
        resolve(null);
      }
    });
    child.once('exit', () => resolve(null));
  });
}

/** The workspaces every service is built from: a change there restarts all of them. */
const SHARED_WORKSPACES = ['packages/platform', 'packages/domain', 'packages/plan'];

/** Development only: a changed source restarts the services built from it, one stop path as ever. */
function restartOnChange(all: Service[]): void {
  const due = new Set<Service>();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (services: Service[]) => {
    for (const service of services) due.add(service);
    clearTimeout(timer);
    timer = setTimeout(() => void restart([...due]), 300);
  };
  const restart = async (services: Service[]) => {
    due.clear();
    for (const service of services) {
      const child = children.get(service.name);
      expectedExit.add(service.name);
      if (child) await stopChild(child, service.name);
      expectedExit.delete(service.name);
      if (stopping) return;
      process.stdout.write(`[${service.name}] restarting after a change\n`);
      start(service);
    }
  };
  const watch = (workspace: string, services: Service[]) =>
    fs.watch(path.join(REPO_ROOT, workspace, 'src'), { recursive: true }, () => schedule(services));
  for (const workspace of SHARED_WORKSPACES) watch(workspace, all);
  for (const service of all) watch(service.workspace, [service]);
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
  const isSubgraph = (s: Service) => AGENCIES.some((a) => a.slug === s.name);
  // An agency with no database URL of its own gets one on the embedded PostgreSQL.
  const withoutDatabase = all.filter((s) => isSubgraph(s) && !databaseConfig(s.name as AgencySlug).url);
  // The identity provider and the gateway need no database: they start while PostgreSQL does.
  for (const service of all.filter((s) => !isSubgraph(s))) start(service);
  if (withoutDatabase.length > 0) {
    const urls = await startDatabase();
    if (!urls) {
      await stopAll(1);
      return;
    }
    for (const service of withoutDatabase) {
      service.env = { ...service.env, [databaseConfig(service.name as AgencySlug).variable]: urls[service.name] };
    }
  }
  for (const service of all.filter(isSubgraph)) start(service);
  try {
    await Promise.all(all.map((s) => waitForReady(s, 120_000)));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await stopAll(1);
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const url = (s: Service) =>
    s.name === 'identity' ? `http://127.0.0.1:${s.port}/realms/cocuk-koruma` : `http://127.0.0.1:${s.port}/graphql`;
  const lines = all.filter((s) => s.name !== 'gateway').map((s) => `  ${s.name.padEnd(10)} ${url(s)}`);
  const gateway = all.find((s) => s.name === 'gateway') as Service;
  process.stdout.write(
    `\nChild-protection coordination graph is up (${seconds}s).\n` +
      `  portal     http://127.0.0.1:${gateway.port}/  <- open in a browser (justice.liaison / example-password)\n` +
      `  gateway    ${url(gateway)}  <- send queries here, with a bearer token\n` +
      `${lines.join('\n')}\n` +
      `Token for curl: TOKEN=$(npm run -s token -- justice.liaison)\n` +
      `Health: GET /health on each. Ctrl-C stops all.\n\n`,
  );
  if (DEV) restartOnChange(all);
}

await main();
