import { spawnSync } from 'node:child_process';
import { AUDIT_LOCK_KEY, auditContentOf, auditHash, type AuditLogRow } from '@cocuk-koruma/domain';
import { AGENCIES, REPO_ROOT } from '@cocuk-koruma/platform';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { commitmentsOf } from '@cocuk-koruma/plan';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const ACTION = commitmentsOf('JUSTICE')[0]?.code ?? 'missing justice action';

let graph: RunningGraph;

function verifyAll(): { status: number | null; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const a of AGENCIES) env[`${a.slug.toUpperCase()}_DATABASE_URL`] = graph.subgraphs[a.slug].database.url;
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'scripts/audit-verify.ts', '--all'],
    { cwd: REPO_ROOT, env, encoding: 'utf8' },
  );
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Runs `change` on the justice database as its owner, with the triggers off and appenders held. */
async function tamper(change: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: graph.subgraphs.justice.database.url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY.toString()})`);
    await client.query('set local session_replication_role = replica');
    await change(client);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/** Asks every subgraph to countersign now, through the gateway, as `npm run audit:witness` does. */
async function countersignNow(): Promise<{ agency: string; witnessed: number }[]> {
  const response = await fetch(new URL('/audit/witness', graph.gatewayUrl), { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { agency: string; witnessed: number }[];
}

beforeAll(async () => {
  // No schedule: each countersignature here is asked for, so the test knows when they happen.
  graph = await startGraph('audit_witness', { auditWitnessIntervalMs: 0 });
  for (const period of ['2026-Q2', '2026-Q3', '2026-Q4']) {
    const saved = await graph.query(
      `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id } } }`,
      { input: { actionCode: ACTION, period, status: 'IN_PROGRESS', percentComplete: 30, narrative: 'Example' } },
      LIAISON,
    );
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
  }
  const answers = await countersignNow();
  expect(answers.map((a) => a.agency).sort()).toEqual(AGENCIES.map((a) => a.code).sort());
  // Justice's head moved (three writes): every other agency countersigns it.
  for (const answer of answers.filter((a) => a.agency !== 'JUSTICE')) expect(answer.witnessed).toBeGreaterThan(0);
  // Asked again with nothing moved, nobody writes anything: countersigning moves no head.
  expect((await countersignNow()).every((a) => a.witnessed === 0)).toBe(true);
});

afterAll(async () => {
  await graph?.stop();
});

describe('witnessed audit heads', () => {
  it('are countersigned by the other agencies, and audit:verify --all finds every chain matching them', () => {
    const { status, out } = verifyAll();
    expect(out).toMatch(/justice: matches the \d+ countersignatures/);
    expect(status, out).toBe(0);
  });

  it('catch the deletion of justice’s newest entries, which its own chain cannot', async () => {
    await tamper(async (client) => {
      // The newest report's entry and everything after it (the countersignatures justice wrote).
      await client.query(`delete from audit_log where seq >= (select max(seq) from audit_log where kind = 'WRITE')`);
    });
    const { status, out } = verifyAll();
    expect(out).toMatch(/justice: \d+ (entry|entries), chain intact/); // its own chain cannot tell
    expect(out).toMatch(/justice: (entries were removed from the end|entry \d+ is gone)/);
    expect(status).toBe(1);
  });

  it('catch a rewrite of justice’s chain from an entry on, with every hash recomputed', async () => {
    await countersignNow();
    await tamper(async (client) => {
      const { rows } = await client.query<AuditLogRow & { prev_hash: string }>(
        `select seq, at, kind, actor, actor_subject as "actorSubject", actor_agency as "actorAgency",
           client_id as "clientId", operation, entity_type as "entityType", entity_ids as "entityIds",
           before_version as "beforeVersion", after_version as "afterVersion", detail, prev_hash as "prevHash", hash
         from audit_log order by seq`,
      );
      // From the second entry on, each entry says another operation and is hashed anew.
      let prev = rows[0]?.hash ?? '';
      for (const row of rows.slice(1)) {
        const content = { ...auditContentOf(row), operation: `${row.operation}-rewritten` };
        const hash = auditHash(prev, content);
        await client.query('update audit_log set operation = $1, prev_hash = $2, hash = $3 where seq = $4', [
          content.operation,
          prev,
          hash,
          row.seq,
        ]);
        prev = hash;
      }
    });
    const { status, out } = verifyAll();
    expect(out).toMatch(/justice: \d+ (entry|entries), chain intact/);
    expect(out, out).toMatch(/justice: the chain was rewritten/);
    expect(status).toBe(1);
  });
});
