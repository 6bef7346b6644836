/**
 * The embedded PostgreSQL as a process of its own, run by `npm start` when an agency has no
 * `<AGENCY>_DATABASE_URL`. It starts the server, provisions a role and a database per agency, and
 * tells its launcher the agencies' URLs over IPC. It stops the server (fast shutdown) on SIGTERM
 * or SIGINT, and when the launcher goes away, even by SIGKILL: the IPC channel closes then, and
 * no postmaster is left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { embeddedPostgresPort } from './config.js';
import { LocalPostgresError } from './errors.js';
import { LocalPostgres } from './local-server.js';
import { AGENCY_DATABASE_SLUGS, provisionAgencyDatabases, type AgencyDatabase } from './provision.js';

export type DatabaseProcessMessage =
  { type: 'ready'; databases: AgencyDatabase[] } | { type: 'error'; message: string };

function tell(message: DatabaseProcessMessage): void {
  if (process.send) process.send(message);
  else if (message.type === 'error') process.stderr.write(`${message.message}\n`);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Folders the PGlite databases of earlier versions left; they are not read any more, nor deleted. */
function oldPgliteFolders(dataRoot: string): string[] {
  return AGENCY_DATABASE_SLUGS.map((slug) => path.join(dataRoot, slug)).filter((folder) =>
    fs.existsSync(path.join(folder, 'PG_VERSION')),
  );
}

const dataRoot = path.resolve(process.env.DATA_DIR ?? '.data');
let server: LocalPostgres | undefined;
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server?.stop().catch(() => undefined);
  process.exit(code);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.on('disconnect', () => void stop(0));

try {
  const old = oldPgliteFolders(dataRoot);
  if (old.length > 0) {
    process.stderr.write(
      `Old embedded PGlite databases in ${old.join(', ')} are no longer read (the embedded PostgreSQL keeps its data in ${path.join(dataRoot, 'postgres')}); delete them when you no longer need them.\n`,
    );
  }
  server = new LocalPostgres({
    dataDir: path.join(dataRoot, 'postgres'),
    port: embeddedPostgresPort(),
    log: process.env.EMBEDDED_POSTGRES_LOG ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  await server.start();
  const databases = await provisionAgencyDatabases(server.adminUrl, {
    agencyHost: `127.0.0.1:${server.port}`,
  });
  tell({ type: 'ready', databases });
} catch (error) {
  const message =
    error instanceof LocalPostgresError ? error.message : `The embedded PostgreSQL failed: ${String(error)}`;
  tell({ type: 'error', message });
  await stop(1);
}
