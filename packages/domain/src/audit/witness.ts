import { desc, eq, ne } from 'drizzle-orm';
import type { AgencyCode, Caller, Database } from '@cocuk-koruma/platform';
import { GENESIS_HASH, type AuditEntryInput } from './chain.js';
import { auditLog } from './tables.js';

/**
 * An agency's latest audit entry other than a countersignature, as published at `/audit/head` and
 * countersigned by the others. Countersignatures are left out so that countersigning does not
 * itself move the heads it countersigns, round after round; a rewrite from any earlier entry
 * still changes this entry's hash.
 */
export interface AuditHead {
  agency: AgencyCode;
  /** 0 and the genesis hash while the log is empty. */
  seq: number;
  hash: string;
}

export async function auditHead<S extends Record<string, unknown>>(
  db: Database<S>,
  agency: AgencyCode,
): Promise<AuditHead> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(ne(auditLog.kind, 'WITNESS'))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return { agency, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** The service account in whose name an agency's subgraph countersigns the others' heads. */
export function witnessCaller(agency: AgencyCode): Caller {
  return {
    subject: `audit-witness:${agency}`,
    username: `service-audit-witness-${agency.toLowerCase()}`,
    agency,
    roles: [],
    clientId: 'audit-witness',
    token: '',
  };
}

/** The WITNESS entry by which `witness` countersigns another agency's head in its own chain. */
export function witnessEntry(witness: AgencyCode, head: AuditHead): AuditEntryInput {
  return {
    kind: 'WITNESS',
    caller: witnessCaller(witness),
    operation: 'witnessAuditHead',
    entityType: 'AuditHead',
    entityIds: [`${head.agency}:${head.seq}`],
    detail: { agency: head.agency, seq: head.seq, hash: head.hash },
  };
}

/** A head of `agency` as another agency's log recorded it. */
export interface WitnessedHead extends AuditHead {
  witness: AgencyCode;
  at: Date;
}

/** Every head this log has countersigned, oldest first. */
export async function witnessedHeads<S extends Record<string, unknown>>(
  db: Database<S>,
  witness: AgencyCode,
): Promise<WitnessedHead[]> {
  const rows = await db
    .select({ detail: auditLog.detail, at: auditLog.at })
    .from(auditLog)
    .where(eq(auditLog.kind, 'WITNESS'))
    .orderBy(auditLog.seq);
  return rows.flatMap(({ detail, at }) => {
    const d = detail as Partial<AuditHead> | null;
    if (!d || typeof d.agency !== 'string' || typeof d.seq !== 'number' || typeof d.hash !== 'string') return [];
    return [{ agency: d.agency, seq: d.seq, hash: d.hash, witness, at }];
  });
}

/**
 * What the others' countersignatures say of an agency's log: each countersigned entry that is gone
 * (its newest entries were removed, or entries in between) or that has another hash (the chain
 * was rewritten from it or before it), newest first. Empty when every countersigned head is still
 * in the log as it was.
 */
export async function checkWitnessedHeads<S extends Record<string, unknown>>(
  db: Database<S>,
  witnessed: readonly WitnessedHead[],
): Promise<string[]> {
  const [last] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const newest = last?.seq ?? 0;
  const problems: string[] = [];
  for (const head of [...witnessed].sort((a, b) => b.seq - a.seq)) {
    if (head.seq === 0) continue;
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, head.seq));
    const by = `${head.witness} countersigned entry ${head.seq} on ${head.at.toISOString()}`;
    if (!row && head.seq > newest) {
      problems.push(`entries were removed from the end: ${by}, but the log now ends at entry ${newest}`);
    } else if (!row) {
      problems.push(`entry ${head.seq} is gone: ${by}`);
    } else if (row.hash !== head.hash) {
      problems.push(
        `the chain was rewritten: ${by} with hash ${head.hash.slice(0, 12)}…, and it now has ${row.hash.slice(0, 12)}…`,
      );
    }
  }
  return [...new Set(problems)];
}
