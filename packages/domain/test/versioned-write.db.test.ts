import path from 'node:path';
import { eq } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conflict, notFound, openDatabase, REPO_ROOT, type Caller, type OpenDatabase } from '@cocuk-koruma/platform';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import * as justiceTables from '../../../subgraphs/justice/src/db/schema.js';
import { auditLog } from '../src/audit/tables.js';
import { versionedWrite, type Transaction, type VersionedWrite, type Written } from '../src/audit/versioned-write.js';
import { actionParts, type ActionPartRow } from '../src/progress/tables.js';

type JusticeSchema = typeof justiceTables;
type PartWrite = VersionedWrite<JusticeSchema, ActionPartRow, Written<ActionPartRow>>;

const CODE = 'TEST.PART.1';
const caller: Caller = {
  subject: 'f3a1c0de-0000-4000-8000-000000000002',
  username: 'justice.liaison',
  agency: 'JUSTICE',
  roles: ['liaison'],
  clientId: 'portal',
  token: 'not-a-real-token',
};

let database: TestDatabase;
let open: OpenDatabase<JusticeSchema>;

const part = async () => (await open.db.select().from(actionParts).where(eq(actionParts.actionCode, CODE)))[0];
const entries = () => open.db.select().from(auditLog).where(eq(auditLog.operation, 'testWrite'));

async function bumpPart(tx: Transaction<JusticeSchema>, row: ActionPartRow, evidence: string) {
  const [saved] = await tx
    .update(actionParts)
    .set({ evidence, version: row.version + 1 })
    .where(eq(actionParts.actionCode, row.actionCode))
    .returning();
  if (!saved) throw new Error('no row');
  return saved;
}

function spec(overrides: Partial<PartWrite> = {}): PartWrite {
  return {
    caller,
    operation: 'testWrite',
    entityType: 'ActionPart',
    lock: async (tx) => (await tx.select().from(actionParts).where(eq(actionParts.actionCode, CODE)).for('update'))[0],
    notFound: () => notFound('part', CODE),
    expectedVersion: 1,
    describe: (row) => `The part in ${row.actionCode}`,
    write: async (tx, row) => ({
      row: await bumpPart(tx, row, 'written'),
      entityIds: [row.actionCode],
      detail: { note: 'test' },
    }),
    ...overrides,
  } as PartWrite;
}

async function refusal(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  database = await createTestDatabase('versioned_write');
  open = await openDatabase(
    { variable: 'JUSTICE_DATABASE_URL', url: database.url },
    justiceTables,
    path.join(REPO_ROOT, 'subgraphs/justice/src/db/migrations'),
  );
});

afterAll(async () => {
  await open?.close();
  await database?.drop();
});

beforeEach(async () => {
  await open.db.delete(actionParts).where(eq(actionParts.actionCode, CODE));
  await open.db.insert(actionParts).values({ actionCode: CODE, responsibleAgency: 'FAMILY' });
});

describe('versionedWrite', () => {
  it('writes the row and appends its WRITE entry with the before and after versions', async () => {
    const before = (await entries()).length;
    const written = await versionedWrite(open.db, spec());
    expect(written.row).toMatchObject({ evidence: 'written', version: 2 });
    expect((await part())?.version).toBe(2);
    const added = (await entries()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      kind: 'WRITE',
      actor: 'justice.liaison',
      entityType: 'ActionPart',
      entityIds: [CODE],
      beforeVersion: 1,
      afterVersion: 2,
      detail: { note: 'test' },
    });
  });

  it('refuses a missing row with NOT_FOUND, and a stale version with the shared CONFLICT', async () => {
    const missing = await refusal(versionedWrite(open.db, spec({ lock: async () => undefined })));
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'part', id: CODE });

    const stale = await refusal(versionedWrite(open.db, spec({ expectedVersion: 7 })));
    expect(stale.message).toBe(
      `The part in ${CODE} is at version 1, not 7: someone changed it since you read it. Reload and try again.`,
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 1 });
    expect((await part())?.version).toBe(1);
  });

  it('applies the caller’s check before the version check, and skips the version when none is named', async () => {
    const refused = conflict('closed', { reason: 'CLOSED' });
    const checked = await refusal(
      versionedWrite(
        open.db,
        spec({
          expectedVersion: 7,
          check: () => {
            throw refused;
          },
        }),
      ),
    );
    expect(checked).toBe(refused);
    expect((await versionedWrite(open.db, spec({ expectedVersion: null }))).row.version).toBe(2);
  });

  it('leaves neither the change nor an entry when the write fails after changing the row', async () => {
    const before = (await entries()).length;
    const failing = spec({
      write: async (tx, row) => {
        await bumpPart(tx, row, 'half-done');
        throw conflict('refused midway', { reason: 'TEST' });
      },
    });
    expect((await refusal(versionedWrite(open.db, failing))).message).toBe('refused midway');
    expect(await part()).toMatchObject({ version: 1, evidence: null });
    expect(await entries()).toHaveLength(before);
  });

  it('creates the row when there is none and `create` is given, audited without a before version', async () => {
    await open.db.delete(actionParts).where(eq(actionParts.actionCode, CODE));
    const before = (await entries()).length;
    const created = await versionedWrite(open.db, {
      ...spec(),
      notFound: undefined,
      create: async (tx) => {
        const [row] = await tx
          .insert(actionParts)
          .values({ actionCode: CODE, responsibleAgency: 'FAMILY' })
          .returning();
        if (!row) throw new Error('no row');
        return { row, entityIds: [row.actionCode] };
      },
    } as PartWrite);
    expect(created.row.version).toBe(1);
    const added = (await entries()).slice(before);
    expect(added[0]).toMatchObject({ beforeVersion: null, afterVersion: 1, detail: null });
  });
});
