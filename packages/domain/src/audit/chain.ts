import { createHash } from 'node:crypto';
import { asc, count, desc, gt, sql } from 'drizzle-orm';
import type { Caller, Database } from '@cocuk-koruma/platform';
import { auditLog, type AuditKind, type AuditLogRow } from './tables.js';

/** `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Key of the transaction-level advisory lock that serialises appenders (ASCII "AUDITLOG").
 * Advisory locks are per database, and every agency has its own database, so one constant serves all.
 */
export const AUDIT_LOCK_KEY = 0x41554449544c4f47n;

/** `detail` is context, not a copy of the entity: its JSON must stay under this many bytes. */
export const AUDIT_DETAIL_MAX_BYTES = 4096;

export type AuditDetail = Record<string, unknown>;

export interface AuditEntryInput {
  kind: AuditKind;
  caller: Caller;
  /** GraphQL operation name or field, e.g. `recordProgressReport`. */
  operation: string;
  entityType: string;
  entityIds: readonly string[];
  beforeVersion?: number | null;
  afterVersion?: number | null;
  detail?: AuditDetail | null;
}

/** The hashed part of an entry: everything but `seq`, `prev_hash` and `hash`. */
export interface AuditEntryContent {
  at: Date;
  kind: AuditKind;
  actor: string;
  actorSubject: string;
  actorAgency: string | null;
  clientId: string;
  operation: string;
  entityType: string;
  entityIds: readonly string[];
  beforeVersion: number | null;
  afterVersion: number | null;
  detail: unknown;
}

/** JSON with object keys sorted at every depth, so jsonb's own key reordering changes nothing. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/**
 * The canonical text of an entry: a JSON array in a fixed field order (no key-order ambiguity),
 * time as ISO 8601 UTC with milliseconds, `entityIds` in the order given, `detail` with sorted keys.
 */
export function canonicalAuditEntry(entry: AuditEntryContent): string {
  return stableJson([
    'audit-v1',
    entry.at.toISOString(),
    entry.kind,
    entry.actor,
    entry.actorSubject,
    entry.actorAgency,
    entry.clientId,
    entry.operation,
    entry.entityType,
    [...entry.entityIds],
    entry.beforeVersion,
    entry.afterVersion,
    entry.detail ?? null,
  ]);
}

/** `sha256(prev_hash + canonical(entry))`, lowercase hex. */
export function auditHash(prevHash: string, entry: AuditEntryContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalAuditEntry(entry), 'utf8')
    .digest('hex');
}

/** The detail as jsonb will give it back (undefined dropped, dates as strings), size-checked. */
function normaliseDetail(detail: AuditDetail | null | undefined): unknown {
  if (detail === undefined || detail === null) return null;
  const json = JSON.stringify(detail);
  if (Buffer.byteLength(json, 'utf8') > AUDIT_DETAIL_MAX_BYTES) {
    throw new Error(
      `Audit detail is ${Buffer.byteLength(json, 'utf8')} bytes; keep it under ${AUDIT_DETAIL_MAX_BYTES}.`,
    );
  }
  return JSON.parse(json) as unknown;
}

function optionalInt(value: number | null | undefined, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value)) throw new Error(`Audit ${field} must be an integer, got ${value}.`);
  return value;
}

export interface AppendedAuditEntry {
  seq: number;
  hash: string;
  prevHash: string;
  at: Date;
}

/**
 * Appends an entry to the audit chain. Pass the transaction that makes the audited change, so the
 * entry commits or rolls back with it; given the database itself, it runs in a transaction of its
 * own (given a transaction, drizzle adds a savepoint inside it).
 */
export async function appendAudit<S extends Record<string, unknown>>(
  db: Database<S>,
  entry: AuditEntryInput,
): Promise<AppendedAuditEntry> {
  const [appended] = await appendAuditEntries(db, [entry]);
  if (!appended) throw new Error('Appending to audit_log returned no row.');
  return appended;
}

/**
 * Appends entries to the audit chain in the order given, each linked to the one before, in one
 * transaction: all of them or none.
 *
 * Appenders are serialised by a transaction-level advisory lock taken before the last hash is
 * read, in a separate statement so that (under READ COMMITTED, the default) the read sees every
 * entry committed by the previous holder. The lock is held until the caller's transaction ends, so
 * keep audited transactions short. Should a caller run at REPEATABLE READ with an older snapshot,
 * the unique constraint on `prev_hash` refuses the fork instead of letting the chain split.
 */
export async function appendAuditEntries<S extends Record<string, unknown>>(
  db: Database<S>,
  entries: readonly AuditEntryInput[],
): Promise<AppendedAuditEntry[]> {
  if (entries.length === 0) return [];
  const checked = entries.map((entry) => ({
    entry,
    detail: normaliseDetail(entry.detail),
    beforeVersion: optionalInt(entry.beforeVersion, 'beforeVersion'),
    afterVersion: optionalInt(entry.afterVersion, 'afterVersion'),
  }));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(AUDIT_LOCK_KEY.toString())})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    // Taken under the lock, so time never runs backwards along the chain; milliseconds, as hashed.
    const at = new Date();
    const rows = checked.map(({ entry, detail, beforeVersion, afterVersion }) => {
      const content: AuditEntryContent = {
        at,
        kind: entry.kind,
        actor: entry.caller.username,
        actorSubject: entry.caller.subject,
        actorAgency: entry.caller.agency,
        clientId: entry.caller.clientId,
        operation: entry.operation,
        entityType: entry.entityType,
        entityIds: [...entry.entityIds],
        beforeVersion,
        afterVersion,
        detail,
      };
      const row = { ...content, entityIds: [...content.entityIds], prevHash, hash: auditHash(prevHash, content) };
      prevHash = row.hash;
      return row;
    });
    const inserted = await tx.insert(auditLog).values(rows).returning({ seq: auditLog.seq, hash: auditLog.hash });
    const seqByHash = new Map(inserted.map((r) => [r.hash, r.seq]));
    return rows.map((row) => {
      const seq = seqByHash.get(row.hash);
      if (seq === undefined) throw new Error('Appending to audit_log returned no row.');
      return { seq, hash: row.hash, prevHash: row.prevHash, at };
    });
  });
}

export function auditContentOf(row: AuditLogRow): AuditEntryContent {
  return {
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    actorSubject: row.actorSubject,
    actorAgency: row.actorAgency,
    clientId: row.clientId,
    operation: row.operation,
    entityType: row.entityType,
    entityIds: row.entityIds,
    beforeVersion: row.beforeVersion,
    afterVersion: row.afterVersion,
    detail: row.detail,
  };
}

/**
 * `entries` is the number of entries in the log. A broken chain names the first entry (by `seq`)
 * whose link or hash does not hold; every entry before it is intact.
 */
export type AuditChainVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; firstBroken: { seq: number; reason: string } };

export const AUDIT_VERIFY_PAGE_SIZE = 1000;

/**
 * Recomputes every hash in chain order, a page at a time (keyset on `seq`), so a long log is never
 * loaded at once. Run it inside a REPEATABLE READ transaction if appends may happen meanwhile and
 * an exact `entries` matters; appends after the last page read are simply not covered.
 *
 * What it catches: an entry whose content was edited (its hash no longer matches), an entry
 * deleted, inserted or moved (the next entry's `prev_hash` no longer matches). What no hash chain
 * can catch alone: removal of the newest entries, or a rewrite of the whole chain from some point
 * by someone who recomputes every later hash; publishing the head hash elsewhere now and then
 * (another agency, a timestamping service) closes that gap.
 */
export async function verifyAuditChain<S extends Record<string, unknown>>(
  db: Database<S>,
  pageSize = AUDIT_VERIFY_PAGE_SIZE,
): Promise<AuditChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let previousSeq: number | null = null;
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      let reason: string | null = null;
      if (row.prevHash !== expectedPrev) {
        reason =
          previousSeq === null
            ? 'prev_hash is not the genesis hash, so entries before it were removed'
            : `prev_hash does not match the hash of entry ${previousSeq}, so an entry between them was removed, inserted or reordered`;
      } else if (auditHash(row.prevHash, auditContentOf(row)) !== row.hash) {
        reason = 'its contents do not match its hash, so the entry was altered';
      }
      if (reason) {
        const [total] = await db.select({ n: count() }).from(auditLog);
        return { ok: false, entries: total?.n ?? checked, firstBroken: { seq: row.seq, reason } };
      }
      expectedPrev = row.hash;
      previousSeq = row.seq;
      checked += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    afterSeq = last.seq;
  }
  return { ok: true, entries: checked };
}
