import { desc, eq, inArray, ne, sql } from 'drizzle-orm';
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

/**
 * The heads this log has countersigned, oldest first; with `latestOnly`, only the newest for each
 * agency (what the next round compares against, without reading the whole history).
 */
export async function witnessedHeads<S extends Record<string, unknown>>(
  db: Database<S>,
  witness: AgencyCode,
  options: { latestOnly?: boolean } = {},
): Promise<WitnessedHead[]> {
  const fields = { detail: auditLog.detail, at: auditLog.at };
  const isWitness = eq(auditLog.kind, 'WITNESS');
  const agencyOf = sql`${auditLog.detail}->>'agency'`;
  const rows = options.latestOnly
    ? await db
        .selectDistinctOn([agencyOf], fields)
        .from(auditLog)
        .where(isWitness)
        .orderBy(agencyOf, desc(auditLog.seq))
    : await db.select(fields).from(auditLog).where(isWitness).orderBy(auditLog.seq);
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
  // The countersigned entries in pages of a thousand, not a query per countersignature.
  const seqs = [...new Set(witnessed.map((w) => w.seq).filter((seq) => seq > 0))];
  const stored = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 1000) {
    const rows = await db
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(inArray(auditLog.seq, seqs.slice(i, i + 1000)));
    for (const row of rows) stored.set(row.seq, row.hash);
  }
  const problems: string[] = [];
  for (const head of [...witnessed].sort((a, b) => b.seq - a.seq)) {
    if (head.seq === 0) continue;
    const hash = stored.get(head.seq);
    const by = `${head.witness} countersigned entry ${head.seq} on ${head.at.toISOString()}`;
    if (hash === undefined && head.seq > newest) {
      problems.push(`entries were removed from the end: ${by}, but the log now ends at entry ${newest}`);
    } else if (hash === undefined) {
      problems.push(`entry ${head.seq} is gone: ${by}`);
    } else if (hash !== head.hash) {
      problems.push(
        `the chain was rewritten: ${by} with hash ${head.hash.slice(0, 12)}…, and it now has ${hash.slice(0, 12)}…`,
      );
    }
  }
  return [...new Set(problems)];
}
