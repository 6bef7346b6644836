import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as justiceTables from '../../../subgraphs/justice/src/db/schema.js';
import { appendAudit, auditHash, GENESIS_HASH, verifyAuditChain, type AuditEntryInput } from '../src/audit/chain.js';
import { auditLogResolver, encodeAuditCursor, readAuditPage } from '../src/audit/graphql.js';
import { assertCanReadAudit } from '../src/audit/policy.js';
import { groupCommitAppender } from '../src/audit/group-commit.js';
import { crossAgencyReadEntry, ResolvedReads } from '../src/audit/reads.js';
import { auditLog } from '../src/audit/tables.js';
import { type Caller, type Role, REPO_ROOT, openDatabase, type OpenDatabase } from '@cocuk-koruma/platform';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';

type JusticeSchema = typeof justiceTables;
const MIGRATIONS = path.join(REPO_ROOT, 'subgraphs/justice/src/db/migrations');

function caller(overrides: Partial<Caller> = {}): Caller {
  return {
    subject: 'f3a1c0de-0000-4000-8000-000000000001',
    username: 'ayse.liaison',
    agency: 'JUSTICE',
    roles: ['liaison'],
    clientId: 'portal',
    token: 'not-a-real-token',
    ...overrides,
  };
}

function write(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    kind: 'WRITE',
    caller: caller(),
    operation: 'recordProgressReport',
    entityType: 'ProgressReport',
    entityIds: [`report-${n}`, `action-${n}`],
    beforeVersion: n,
    afterVersion: n + 1,
    detail: { period: '2026-Q3', percentComplete: n, nested: { z: 1, a: [2, 1] } },
    ...overrides,
  };
}

interface Harness {
  test: TestDatabase;
  open: OpenDatabase<JusticeSchema>;
  /** Runs SQL as a superuser-owned session, bypassing the application. */
  sql(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

async function harness(label: string): Promise<Harness> {
  const test = await createTestDatabase(label);
  const open = await openDatabase({ variable: 'JUSTICE_DATABASE_URL', url: test.url }, justiceTables, MIGRATIONS);
  return {
    test,
    open,
    async sql(text, values) {
      const client = new pg.Client({ connectionString: test.url });
      await client.connect();
      try {
        return await client.query(text, values);
      } finally {
        await client.end();
      }
    },
    async close() {
      await open.close();
      await test.drop();
    },
  };
}

async function seqs(h: Harness): Promise<number[]> {
  const result = await h.sql('select seq from audit_log order by seq');
  return result.rows.map((r: { seq: string }) => Number(r.seq));
}

function errorCode(error: unknown): unknown {
  return error instanceof GraphQLError ? error.extensions.code : undefined;
}

describe('the audit chain on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('audit_chain');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('links appended entries by hash from the genesis hash and verifies them intact, page by page', async () => {
    const appended = [];
    for (let n = 1; n <= 7; n += 1) appended.push(await appendAudit(h.open.db, write(n)));
    expect(appended[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < appended.length; i += 1) expect(appended[i]?.prevHash).toBe(appended[i - 1]?.hash);
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: 7 });
    expect(await verifyAuditChain(h.open.db, 3)).toEqual({ ok: true, entries: 7 });
  });

  it('stores the entry as hashed: caller, operation, entity ids in order, versions and detail', async () => {
    const [row] = await h.open.db.select().from(auditLog).orderBy(auditLog.seq).limit(1);
    expect(row).toMatchObject({
      kind: 'WRITE',
      actor: 'ayse.liaison',
      actorSubject: 'f3a1c0de-0000-4000-8000-000000000001',
      actorAgency: 'JUSTICE',
      clientId: 'portal',
      operation: 'recordProgressReport',
      entityType: 'ProgressReport',
      entityIds: ['report-1', 'action-1'],
      beforeVersion: 1,
      afterVersion: 2,
      detail: { period: '2026-Q3', percentComplete: 1, nested: { z: 1, a: [2, 1] } },
      prevHash: GENESIS_HASH,
    });
    if (!row) throw new Error('no audit row');
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, row)).toBe(row.hash);
  });

  it('keeps one valid chain when 20 appends race in separate transactions', async () => {
    const before = (await verifyAuditChain(h.open.db)).entries;
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(h.open.db, write(100 + i))));
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: before + 20 });
    const forks = await h.sql('select prev_hash from audit_log group by prev_hash having count(*) > 1');
    expect(forks.rowCount).toBe(0);
  });

  it('leaves no entry behind when the audited transaction rolls back', async () => {
    const before = (await verifyAuditChain(h.open.db)).entries;
    await expect(
      h.open.db.transaction(async (tx) => {
        await appendAudit(tx, write(999));
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    await appendAudit(h.open.db, write(1000));
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: before + 1 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through ordinary SQL', async () => {
    await expect(h.sql("update audit_log set actor = 'mallory'")).rejects.toThrow('audit_log is append-only');
    await expect(h.sql('delete from audit_log')).rejects.toThrow('audit_log is append-only');
    await expect(h.sql('truncate audit_log')).rejects.toThrow('audit_log is append-only');
    expect((await verifyAuditChain(h.open.db)).ok).toBe(true);
  });

  it('refuses a second entry claiming the same predecessor, so the chain cannot fork', async () => {
    await expect(
      h.sql(
        `insert into audit_log (at, kind, actor, actor_subject, client_id, operation, entity_type, entity_ids, prev_hash, hash)
         select at, kind, actor, actor_subject, client_id, operation, entity_type, entity_ids, prev_hash, $1
         from audit_log order by seq desc limit 1`,
        ['f'.repeat(64)],
      ),
    ).rejects.toThrow(/audit_log_prev_hash/);
  });
});

describe('tampering behind the trigger’s back', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('audit_tamper');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the first altered entry when a row is changed with triggers disabled', async () => {
    for (let n = 1; n <= 5; n += 1) await appendAudit(h.open.db, write(n));
    const [, , third] = await seqs(h);
    await h.sql('alter table audit_log disable trigger all');
    await h.sql("update audit_log set actor = 'mallory' where seq = $1", [third]);
    await h.sql('alter table audit_log enable trigger all');
    const verdict = await verifyAuditChain(h.open.db);
    expect(verdict).toEqual({
      ok: false,
      entries: 5,
      firstBroken: { seq: third, reason: expect.stringContaining('altered') },
    });
  });

  it('makes audit:verify exit 1 naming the broken entry', async () => {
    const [, , third] = await seqs(h);
    const result = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'scripts/audit-verify.ts', 'justice'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, JUSTICE_DATABASE_URL: h.test.url },
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr + result.stdout).toBe(1);
    expect(result.stdout).toContain(`justice: chain broken at entry ${third}:`);
  });

  it('names the entry after a deleted middle entry, with session_replication_role = replica', async () => {
    const fresh = await harness('audit_delete');
    try {
      for (let n = 1; n <= 5; n += 1) await appendAudit(fresh.open.db, write(n));
      const [, second, third] = await seqs(fresh);
      await fresh.sql(
        `begin; set local session_replication_role = replica; delete from audit_log where seq = ${second}; commit;`,
      );
      const verdict = await verifyAuditChain(fresh.open.db);
      expect(verdict).toEqual({
        ok: false,
        entries: 4,
        firstBroken: { seq: third, reason: expect.stringContaining(`does not match the hash of entry 1`) },
      });
    } finally {
      await fresh.close();
    }
  });
});

describe('cross-agency reads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('audit_reads');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** What a request resolved: objects of the given types, keyed by `code` or `id` where they have one. */
  function resolved(...objects: [string, Record<string, unknown>][]): ResolvedReads {
    const reads = new ResolvedReads(new Set(['Query']));
    for (const [type, source] of objects) reads.add(type, source);
    return reads;
  }

  it('logs a read by another agency, or by a caller without one, but not by the owning agency', async () => {
    const health = caller({ username: 'mehmet.health', agency: 'HEALTH' });
    const noAgency = caller({ username: 'service-account-reporting', agency: null, clientId: 'reporting' });
    const report = { id: 'r-1', period: '2026-Q3' };
    const reads = resolved(
      ['JusticeAction', { code: 'A1.H1.E2' }],
      ['ProgressReport', report],
      ['ProgressReport', report],
      ['JusticeAction', { code: 'A1.H1.E1' }],
      ['Query', {}],
    );
    const appender = groupCommitAppender(h.open.db);
    expect(crossAgencyReadEntry(caller(), 'JUSTICE', 'JusticeActions', reads)).toBeNull();
    for (const entry of [
      crossAgencyReadEntry(health, 'JUSTICE', 'JusticeActions', reads),
      crossAgencyReadEntry(noAgency, 'JUSTICE', 'Dashboard', resolved(['ServiceFigure', { id: 7 }])),
    ]) {
      if (!entry) throw new Error('a cross-agency read must give an entry');
      await appender.append(entry);
    }
    const rows = await h.open.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.map((r) => [r.kind, r.actor, r.actorAgency, r.operation, r.entityType, r.entityIds])).toEqual([
      [
        'READ',
        'mehmet.health',
        'HEALTH',
        'JusticeActions',
        'JusticeAction,ProgressReport',
        ['JusticeAction:A1.H1.E1', 'JusticeAction:A1.H1.E2', 'ProgressReport:r-1'],
      ],
      ['READ', 'service-account-reporting', null, 'Dashboard', 'ServiceFigure', ['ServiceFigure:7']],
    ]);
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: 2 });
  });

  it('makes audit:verify exit 0 on an intact chain', () => {
    const result = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'scripts/audit-verify.ts', 'justice'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, JUSTICE_DATABASE_URL: h.test.url },
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('justice: 2 entries, chain intact');
  });
});

describe('group commit of READ entries', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('audit_group_commit');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('commits concurrent entries together, each acknowledged only once durable, in one intact chain', async () => {
    const appender = groupCommitAppender(h.open.db);
    // Turkish letters: the database hashes UTF-8 as the application does when it verifies.
    const reader = caller({ username: 'ayşe.yılmaz.İğüşöç', agency: 'HEALTH' });
    const acknowledged = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        appender.append({
          kind: 'READ',
          caller: reader,
          operation: `Page${n}`,
          entityType: 'JusticeAction',
          entityIds: [],
        }),
      ),
    );
    const rows = await h.open.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual(acknowledged.map((a) => a.seq));
    expect(rows.map((r) => r.operation)).toEqual(Array.from({ length: 30 }, (_, n) => `Page${n}`));
    // One transaction stamps one time: fewer distinct times than entries means they were grouped.
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBeLessThan(30);
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: 30 });
  });

  it('refuses every entry of a group that cannot be written, and keeps the chain intact', async () => {
    const appender = groupCommitAppender(h.open.db);
    const reader = caller({ username: 'mehmet.health', agency: 'HEALTH' });
    await h.sql(`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit disk full'; end $$`);
    await h.sql(`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`);
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          appender.append({
            kind: 'READ',
            caller: reader,
            operation: 'Refused',
            entityType: 'JusticeAction',
            entityIds: [],
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    } finally {
      await h.sql('drop trigger refuse_audit on audit_log');
    }
    await appender.append({
      kind: 'READ',
      caller: reader,
      operation: 'After',
      entityType: 'JusticeAction',
      entityIds: [],
    });
    expect(await verifyAuditChain(h.open.db)).toEqual({ ok: true, entries: 31 });
  });
});

describe('paging the audit log', () => {
  let h: Harness;
  let all: number[];
  beforeAll(async () => {
    h = await harness('audit_paging');
    for (let n = 1; n <= 7; n += 1) {
      await appendAudit(h.open.db, write(n, n % 3 === 0 ? { kind: 'READ' } : {}));
    }
    all = (await seqs(h)).reverse();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('returns newest first and follows first/after to the last page', async () => {
    const resolve = auditLogResolver((ctx: { db: typeof h.open.db }) => ctx.db);
    const ctx = { db: h.open.db };
    const page1 = await resolve(null, { first: 3 }, ctx);
    expect(page1.edges.map((e) => e.node.seq)).toEqual(all.slice(0, 3));
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeAuditCursor(all[2] ?? 0) });
    expect(page1.totalCount).toBe(7);
    const page2 = await resolve(null, { first: 3, after: page1.pageInfo.endCursor }, ctx);
    expect(page2.edges.map((e) => e.node.seq)).toEqual(all.slice(3, 6));
    const page3 = await resolve(null, { first: 3, after: page2.pageInfo.endCursor }, ctx);
    expect(page3.edges.map((e) => e.node.seq)).toEqual(all.slice(6));
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(JSON.parse(page3.edges[0]?.node.detail ?? 'null')).toMatchObject({ percentComplete: 1 });
  });

  it('defaults to 50 entries and filters by kind, counting only that kind', async () => {
    const all50 = await readAuditPage(h.open.db, {});
    expect(all50.edges).toHaveLength(7);
    const reads = await readAuditPage(h.open.db, { kind: 'READ', first: 1 });
    expect(reads.totalCount).toBe(2);
    expect(reads.edges.map((e) => e.node.kind)).toEqual(['READ']);
    expect(reads.pageInfo.hasNextPage).toBe(true);
  });

  it('rejects first outside 1..200 and a malformed cursor as BAD_USER_INPUT', async () => {
    for (const args of [{ first: 0 }, { first: 201 }, { after: 'not a cursor!' }, { after: btoa('abc') }]) {
      const error = await readAuditPage(h.open.db, args).catch((e: unknown) => e);
      expect(errorCode(error), JSON.stringify(args)).toBe('BAD_USER_INPUT');
    }
    const error = await readAuditPage(h.open.db, { first: 0 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('first: must be between 1 and 200');
  });

  it('runs the authorisation hook before reading', async () => {
    const resolve = auditLogResolver((ctx: { db: typeof h.open.db; caller: Caller }) => ctx.db, {
      authorize: (ctx) => assertCanReadAudit(ctx.caller, 'JUSTICE'),
    });
    const error = await resolve(null, {}, { db: h.open.db, caller: caller() }).catch((e: unknown) => e);
    expect(errorCode(error)).toBe('FORBIDDEN');
  });
});

describe('who may read an audit log', () => {
  const as = (agency: Caller['agency'], ...roles: Role[]) => caller({ agency, roles });

  it('allows auditors of any agency and focal points of the owning agency', () => {
    expect(() => assertCanReadAudit(as('HEALTH', 'auditor'), 'JUSTICE')).not.toThrow();
    expect(() => assertCanReadAudit(as(null, 'auditor'), 'JUSTICE')).not.toThrow();
    expect(() => assertCanReadAudit(as('JUSTICE', 'focal-point'), 'JUSTICE')).not.toThrow();
  });

  it('refuses focal points of other agencies, liaisons and the secretariat with FORBIDDEN naming the rule', () => {
    for (const who of [as('HEALTH', 'focal-point'), as('JUSTICE', 'liaison'), as('FAMILY', 'secretariat')]) {
      let thrown: unknown;
      try {
        assertCanReadAudit(who, 'JUSTICE');
      } catch (error) {
        thrown = error;
      }
      expect(errorCode(thrown)).toBe('FORBIDDEN');
      expect((thrown as Error).message).toBe(
        'Only auditors, or focal points of the Ministry of Justice, may read its audit log.',
      );
    }
  });
});
