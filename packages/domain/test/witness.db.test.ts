import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { agencyBySlug, openDatabase, REPO_ROOT, type OpenDatabase } from '@cocuk-koruma/platform';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as justiceTables from '../../../subgraphs/justice/src/db/schema.js';
import { verifyAuditChain } from '../src/audit/chain.js';
import { auditLog } from '../src/audit/tables.js';
import { auditWitness } from '../src/audit/witness-service.js';

// The countersigning schedule on its own: a justice database, and heads served by a stand-in
// for the gateway's /audit/heads that the test moves forward.
let test: TestDatabase;
let open: OpenDatabase<typeof justiceTables>;
let heads: { agency: string; seq: number; hash: string }[] = [];
let server: http.Server;
let headsUrl: string;

beforeAll(async () => {
  test = await createTestDatabase('witness_schedule');
  open = await openDatabase(
    { variable: 'JUSTICE_DATABASE_URL', url: test.url },
    justiceTables,
    path.join(REPO_ROOT, 'subgraphs/justice/src/db/migrations'),
  );
  server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(heads)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  headsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit/heads`;
});

afterAll(async () => {
  server?.close();
  await open?.close();
  await test?.drop();
});

async function witnessEntries() {
  return open.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.kind, 'WITNESS'));
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never held');
}

describe('the countersigning schedule', () => {
  it('countersigns the other agencies’ heads when they move, never its own, and only once per move', async () => {
    heads = [
      { agency: 'HEALTH', seq: 4, hash: 'a'.repeat(64) },
      { agency: 'JUSTICE', seq: 9, hash: 'b'.repeat(64) },
      { agency: 'FAMILY', seq: 0, hash: '0'.repeat(64) },
    ];
    const witness = auditWitness(agencyBySlug('justice'), open.db, { headsUrl, intervalMs: 100 });
    const listener = await witness.plugin.serverWillStart?.({} as never);
    try {
      await until(async () => (await witnessEntries()).length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 350)); // a few more rounds, nothing moved
      expect((await witnessEntries()).map((e) => e.detail)).toEqual([
        { agency: 'HEALTH', seq: 4, hash: 'a'.repeat(64) },
      ]);
      heads = [{ agency: 'HEALTH', seq: 6, hash: 'c'.repeat(64) }];
      await until(async () => (await witnessEntries()).length >= 2);
      expect((await witnessEntries()).at(-1)?.detail).toEqual({ agency: 'HEALTH', seq: 6, hash: 'c'.repeat(64) });
    } finally {
      await listener?.serverWillStop?.();
    }
    expect(await verifyAuditChain(open.db)).toMatchObject({ ok: true, entries: 2 });
  });
});
