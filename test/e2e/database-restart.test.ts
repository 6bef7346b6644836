import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestIssuer, type TestIssuer, type TokenOptions } from '@cocuk-koruma/testing/issuer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalPostgres } from '../../packages/postgres/src/local-server.js';
import { freePort, spawnSubgraph, type SpawnedSubgraph } from '../support/processes.js';

const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
// Another agency's reader: each of its reads first appends a READ entry, a write, to the audit log.
const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
const QUERY = JSON.stringify({ query: '{ justice { actions { code status } } }' });

// A PostgreSQL server of this test's own, in a folder of its own, so that restarting it
// touches no other test's databases.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-pg-restart-'));
fs.chmodSync(folder, 0o755);
let postgres: LocalPostgres;
let issuer: TestIssuer;
let justice: SpawnedSubgraph | undefined;

interface Outcome {
  status: number;
  codes: string[];
  text: string;
}

async function ask(as: TokenOptions = JUSTICE_LIAISON): Promise<Outcome> {
  const response = await fetch(justice?.url ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${issuer.token(as)}` },
    body: QUERY,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, codes: (body.errors ?? []).map((e) => String(e.extensions?.code)), text };
}

beforeAll(async () => {
  postgres = new LocalPostgres({ dataDir: path.join(folder, 'postgres'), port: await freePort() });
  await postgres.start();
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query('create database justice_restart');
  await admin.end();
  const url = new URL(postgres.adminUrl);
  url.pathname = '/justice_restart';
  issuer = await startTestIssuer();
  justice = await spawnSubgraph('justice', url.toString(), issuer.authConfig.keycloakUrl);
});

afterAll(async () => {
  justice?.child.kill('SIGKILL');
  await postgres?.stop();
  await issuer?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('a PostgreSQL restart during traffic', () => {
  it('costs the requests it hits a clean 503 DATABASE_UNAVAILABLE, and the pool recovers without a service restart', async () => {
    const outcomes: Outcome[] = [];
    let traffic = true;
    const client = async (as: TokenOptions) => {
      while (traffic) outcomes.push(await ask(as));
    };
    const clients = [client(JUSTICE_LIAISON), client(HEALTH_LIAISON)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await postgres.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    traffic = false;
    await Promise.all(clients);

    const failed = outcomes.filter((o) => o.status !== 200 || o.codes.length > 0);
    expect(failed.length, 'no request hit the outage').toBeGreaterThan(0);
    for (const outcome of failed) {
      expect(outcome.status, outcome.text).toBe(503);
      expect(new Set(outcome.codes), outcome.text).toEqual(new Set(['DATABASE_UNAVAILABLE']));
      expect(outcome.text).not.toMatch(/select |from "|ECONNREFUSED|stacktrace|\.ts:\d+/);
    }
    // The same process, never restarted, answers both readers again.
    expect(justice?.child.exitCode).toBeNull();
    for (const as of [JUSTICE_LIAISON, HEALTH_LIAISON]) {
      const after = await ask(as);
      expect(after.status, after.text).toBe(200);
      expect(after.codes).toEqual([]);
    }
    const health = await fetch(new URL('/health', justice?.url));
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });
});
