import { verifyAuditChain, progressReports } from '@cocuk-koruma/domain';
import { openDatabase } from '@cocuk-koruma/platform';
import { commitmentsOf } from '@cocuk-koruma/plan';
import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { inArray, sql } from 'drizzle-orm';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as justiceTables from '../../subgraphs/justice/src/db/schema.js';
import { spawnSubgraph, type Spawned } from '../support/processes.js';

const LIAISON = { username: 'justice.liaison', agency: 'JUSTICE' as const, roles: ['liaison' as const] };
const ACTIONS = commitmentsOf('JUSTICE').map((a) => a.code);
// Quarters of the plan's span, far enough back to be valid under any clock from 2026 on.
const PERIODS = ['2015', '2016', '2017', '2018'].flatMap((year) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`));
const BURST = 60;

let database: TestDatabase;
let issuer: TestIssuer;
const started: Spawned[] = [];

beforeAll(async () => {
  database = await createTestDatabase('write_crash');
  issuer = await startTestIssuer();
});

afterAll(async () => {
  for (const spawned of started) spawned.child.kill('SIGKILL');
  await database?.drop();
  await issuer?.close();
});

describe('kill -9 of a subgraph during a burst of writes', () => {
  it('keeps every acknowledged write, leaves no half-written row, and the audit chain verifies', async () => {
    const justice = await spawnSubgraph('justice', database.url, issuer.authConfig.keycloakUrl);
    started.push(justice);
    const token = issuer.token(LIAISON);
    const writes = Array.from({ length: BURST }, (_, i) => ({
      actionCode: ACTIONS[i % ACTIONS.length] as string,
      period: PERIODS[Math.floor(i / ACTIONS.length) % PERIODS.length] as string,
      status: 'IN_PROGRESS',
      percentComplete: 10 + (i % 80),
      narrative: `Example burst write ${i}`,
    }));
    let acknowledgedSoFar = 0;
    let someLanded: () => void = () => undefined;
    const landed = new Promise<void>((resolve) => {
      someLanded = resolve;
    });
    const sent = writes.map(async (input) => {
      try {
        const response = await fetch(justice.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id } } }`,
            variables: { input },
          }),
        });
        const body = (await response.json()) as { data?: { justice?: { saveProgressReport?: { id: string } | null } } };
        const id = body.data?.justice?.saveProgressReport?.id ?? null;
        if (id !== null && ++acknowledgedSoFar >= 10) someLanded();
        return id;
      } catch {
        return null; // cut off by the kill: not acknowledged
      }
    });
    // Let part of the burst land, then kill the process outright with the rest in flight.
    await Promise.race([landed, Promise.all(sent)]);
    justice.child.kill('SIGKILL');
    const acknowledged = (await Promise.all(sent)).filter((id): id is string => id !== null);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);

    const open = await openDatabase(
      { variable: 'JUSTICE_DATABASE_URL', url: database.url },
      justiceTables,
      path.join(REPO_ROOT, 'subgraphs/justice/src/db/migrations'),
    );
    try {
      if (acknowledged.length > 0) {
        const stored = await open.db
          .select({ id: progressReports.id })
          .from(progressReports)
          .where(inArray(progressReports.id, acknowledged));
        expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      }
      // Each acknowledged write has its WRITE entry (they commit together), and the chain is intact.
      const audited = (await open.db.execute(
        sql`select distinct unnest(entity_ids) as id from audit_log where kind = 'WRITE'`,
      )) as unknown as { rows: { id: string }[] };
      expect(audited.rows.map((r) => r.id)).toEqual(expect.arrayContaining(acknowledged));
      expect((await verifyAuditChain(open.db)).ok).toBe(true);
    } finally {
      await open.close();
    }

    // The service starts again on the same database and serves what was written.
    const again = await spawnSubgraph('justice', database.url, issuer.authConfig.keycloakUrl);
    started.push(again);
    const after = await fetch(again.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ justice { actions { code progressReports { id } } } }' }),
    });
    const served = (
      (await after.json()) as { data: { justice: { actions: { progressReports: { id: string }[] }[] } } }
    ).data.justice.actions.flatMap((a) => a.progressReports.map((r) => r.id));
    expect(served).toEqual(expect.arrayContaining(acknowledged));
    console.log(`kill -9 during a burst: ${BURST} sent, ${acknowledged.length} acknowledged, all present`);
  });
});
