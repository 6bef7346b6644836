import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnEntry, spawnSubgraph, waitUntilHealthy, type Spawned } from '../support/processes.js';

const RUNS = 10;
const JUSTICE_LIAISON = { username: 'justice.liaison', agency: 'JUSTICE' as const, roles: ['liaison' as const] };

let database: TestDatabase;
let issuer: TestIssuer;
const started: Spawned[] = [];

beforeAll(async () => {
  database = await createTestDatabase('shutdown_justice');
  issuer = await startTestIssuer();
});

afterAll(async () => {
  for (const spawned of started) spawned.child.kill('SIGKILL');
  await database?.drop();
  await issuer?.close();
});

/** Until `client`'s lock on the commitments table holds a query of the subgraph waiting. */
async function waitForBlockedQuery(admin: pg.Client): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the request never reached the database');
}

describe('a subgraph sent SIGTERM', () => {
  it(`finishes the request in flight, refuses new ones and exits 0 within 5 s, ${RUNS} times of ${RUNS}`, async () => {
    const outcomes: { status: number; code: number | null; signal: string | null; ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const justice = await spawnSubgraph('justice', database.url, issuer.authConfig.keycloakUrl);
      started.push(justice);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        // A lock the test holds keeps the request waiting in the database while the signal arrives.
        await admin.query('begin');
        await admin.query('lock table commitments in access exclusive mode');
        const inFlight = fetch(justice.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${issuer.token(JUSTICE_LIAISON)}` },
          body: JSON.stringify({ query: '{ justice { actions { code } } }' }),
        });
        await waitForBlockedQuery(admin);
        const signalled = Date.now();
        justice.child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
        // Once stopping, the service takes no new connection.
        await expect(fetch(justice.url, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
        await admin.query('commit');
        const response = await inFlight;
        const body = (await response.json()) as { data?: { justice: { actions: unknown[] } } };
        expect(body.data?.justice.actions.length).toBeGreaterThan(0);
        const exit = await justice.exited;
        outcomes.push({ status: response.status, ...exit, ms: Date.now() - signalled });
      } finally {
        await admin.end();
      }
    }
    expect(outcomes.map((o) => [o.status, o.code, o.signal])).toEqual(Array(RUNS).fill([200, 0, null]));
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(5000);
  });

  it('exits within 5 s even when a request in flight never finishes, cutting it off', async () => {
    const justice = await spawnSubgraph('justice', database.url, issuer.authConfig.keycloakUrl);
    started.push(justice);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query('begin');
      await admin.query('lock table commitments in access exclusive mode');
      const inFlight = fetch(justice.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${issuer.token(JUSTICE_LIAISON)}` },
        body: JSON.stringify({ query: '{ justice { actions { code } } }' }),
      }).then(
        (r) => r.status,
        () => 'cut off',
      );
      await waitForBlockedQuery(admin);
      const signalled = Date.now();
      justice.child.kill('SIGTERM');
      const exit = await justice.exited;
      expect(Date.now() - signalled).toBeLessThan(5000);
      expect(exit.signal).toBeNull();
      expect(await inFlight).toBe('cut off');
    } finally {
      await admin.query('rollback');
      await admin.end();
    }
  });
});

describe('the gateway sent SIGTERM', () => {
  it('exits 0 within 5 s', async () => {
    const port = await freePort();
    const gateway = spawnEntry('gateway/src/index.ts', {
      GATEWAY_PORT: String(port),
      KEYCLOAK_URL: issuer.authConfig.keycloakUrl,
    });
    started.push(gateway);
    await waitUntilHealthy(`http://127.0.0.1:${port}/health`, gateway);
    const signalled = Date.now();
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5000);
  });
});
