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

async function queryOn<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function justiceHead(): Promise<number> {
  const rows = await queryOn<{ seq: string }>(
    graph.subgraphs.justice.database.url,
    'select max(seq) as seq from audit_log',
  );
  return Number(rows[0]?.seq ?? 0);
}

/** Until every other agency has countersigned justice's head at `seq` or later. */
async function countersigned(seq: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const counts = await Promise.all(
      AGENCIES.filter((a) => a.slug !== 'justice').map(async (a) => {
        const rows = await queryOn<{ n: number }>(
          graph.subgraphs[a.slug].database.url,
          `select count(*)::int as n from audit_log where kind = 'WITNESS' and detail->>'agency' = 'JUSTICE' and (detail->>'seq')::int >= $1`,
          [seq],
        );
        return rows[0]?.n ?? 0;
      }),
    );
    if (counts.every((n) => n > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`justice's head ${seq} was not countersigned by every other agency`);
}

beforeAll(async () => {
  graph = await startGraph('audit_witness', { auditWitnessIntervalMs: 300 });
  for (const period of ['2026-Q2', '2026-Q3', '2026-Q4']) {
    const saved = await graph.query(
      `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id } } }`,
      { input: { actionCode: ACTION, period, status: 'IN_PROGRESS', percentComplete: 30, narrative: 'Example' } },
      LIAISON,
    );
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
  }
  await countersigned(await justiceHead());
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
    const head = await justiceHead();
    await tamper(async (client) => {
      await client.query('delete from audit_log where seq >= $1', [head - 1]);
    });
    const { status, out } = verifyAll();
    expect(out).toMatch(/justice: \d+ entries, chain intact/); // its own chain cannot tell
    expect(out).toMatch(/justice: (entries were removed from the end|entry \d+ is gone)/);
    expect(status).toBe(1);
  });

  it('catch a rewrite of justice’s chain from an entry on, with every hash recomputed', async () => {
    await countersigned(await justiceHead());
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
    expect(out).toMatch(/justice: \d+ entries, chain intact/);
    expect(out, out).toMatch(/justice: the chain was rewritten/);
    expect(status).toBe(1);
  });
});
