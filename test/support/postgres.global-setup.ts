/**
 * Vitest global setup of the projects that need PostgreSQL. With TEST_DATABASE_URL set, the
 * tests use that server (CI also runs them against the machine's own); unset, one embedded
 * PostgreSQL is started for the whole run, in a folder of its own that is removed afterwards, so
 * `npm test` needs nothing installed but Node. Tests create and drop their own databases on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalPostgres } from '../../packages/postgres/src/local-server.js';
import { freePort } from '../../packages/testing/src/ports.js';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL?.trim()) return undefined;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-test-postgres-'));
  // Run as root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
  fs.chmodSync(folder, 0o755);
  const server = new LocalPostgres({ dataDir: path.join(folder, 'postgres'), port: await freePort() });
  await server.start();
  // Workers are forked after this and inherit it.
  process.env.TEST_DATABASE_URL = server.adminUrl;
  return async () => {
    await server.stop();
    delete process.env.TEST_DATABASE_URL;
    fs.rmSync(folder, { recursive: true, force: true });
  };
}
