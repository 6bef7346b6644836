import { createHash } from 'node:crypto';
import { asc, count, gt, sql } from 'drizzle-orm';
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
 * The canonical text of an entry after its time: the rest of the array `canonicalAuditEntry`
 * writes, from the element after the time to the closing bracket. The database builds the hashed
 * text from it and the time it stamps (migration `audit_append`), so both sides hash one text.
 */
export function canonicalAuditTail(entry: Omit<AuditEntryContent, 'at'>): string {
  return stableJson([
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
  ]).slice(1);
}

/**
 * The canonical text of an entry: a JSON array in a fixed field order (no key-order ambiguity),
 * time as ISO 8601 UTC with milliseconds, `entityIds` in the order given, `detail` with sorted keys.
 */
export function canonicalAuditEntry(entry: AuditEntryContent): string {
  return `["audit-v1",${JSON.stringify(entry.at.toISOString())},${canonicalAuditTail(entry)}`;
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
 * entry commits or rolls back with it; given the database itself, it commits on its own.
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
 * statement (the `audit_append` function of each agency's migrations): all of them or none. Given
 * a transaction, they commit or roll back with it.
 *
 * The function takes a transaction-level advisory lock before it reads the last hash, so appenders
 * are serialised and (under READ COMMITTED, the default) each sees every entry committed by the
 * previous holder. The lock is held until the caller's transaction ends, so keep audited
 * transactions short. Should a caller run at REPEATABLE READ with an older snapshot, the unique
 * constraint on `prev_hash` refuses the fork instead of letting the chain split.
 */
export async function appendAuditEntries<S extends Record<string, unknown>>(
  db: Database<S>,
  entries: readonly AuditEntryInput[],
): Promise<AppendedAuditEntry[]> {
  if (entries.length === 0) return [];
  const rows = entries.map((entry) => {
    const content: Omit<AuditEntryContent, 'at'> = {
      kind: entry.kind,
      actor: entry.caller.username,
      actorSubject: entry.caller.subject,
      actorAgency: entry.caller.agency,
      clientId: entry.caller.clientId,
      operation: entry.operation,
      entityType: entry.entityType,
      entityIds: [...entry.entityIds],
      beforeVersion: optionalInt(entry.beforeVersion, 'beforeVersion'),
      afterVersion: optionalInt(entry.afterVersion, 'afterVersion'),
      detail: normaliseDetail(entry.detail),
    };
    return { ...content, tail: canonicalAuditTail(content) };
  });
  const result = (await db.execute(
    sql`select entry_seq, entry_at, entry_prev_hash, entry_hash from audit_append(${JSON.stringify(rows)}::jsonb)`,
  )) as unknown as {
    rows: { entry_seq: string | number; entry_at: Date | string; entry_prev_hash: string; entry_hash: string }[];
  };
  if (result.rows.length !== entries.length) throw new Error('Appending to audit_log returned no row.');
  return result.rows.map((row) => ({
    seq: Number(row.entry_seq),
    hash: row.entry_hash,
    prevHash: row.entry_prev_hash,
    at: new Date(row.entry_at),
  }));
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
