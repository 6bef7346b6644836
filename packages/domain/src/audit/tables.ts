import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * The audit trail every agency database keeps of its own data, as each X-Road member keeps its
 * own log. Each subgraph's drizzle schema re-exports these, so drizzle-kit writes them into that
 * agency's migrations. Entries are chained: `hash = sha256(prev_hash + canonical(entry))` (see
 * chain.ts), so an entry altered, removed or reordered behind the application's back is found by
 * `verifyAuditChain`. A trigger (migration `audit_log_append_only`) refuses UPDATE, DELETE and
 * TRUNCATE through SQL.
 */
export const auditKind = pgEnum('audit_kind', ['WRITE', 'READ', 'WITNESS']);
export type AuditKind = (typeof auditKind.enumValues)[number];

export const auditLog = pgTable(
  'audit_log',
  {
    /** Chain order. Gaps are normal (a rolled-back append consumes a value); the chain links by hash. */
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Set by the application (millisecond precision) so the hashed value is the stored one. */
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    kind: auditKind().notNull(),
    /** `preferred_username` of the caller. */
    actor: text().notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorAgency: text('actor_agency'),
    clientId: text('client_id').notNull(),
    /** GraphQL operation name or field, e.g. `recordProgressReport`. */
    operation: text().notNull(),
    entityType: text('entity_type').notNull(),
    entityIds: text('entity_ids').array().notNull(),
    beforeVersion: integer('before_version'),
    afterVersion: integer('after_version'),
    /** Small, JSON-safe context; never the full entity. */
    detail: jsonb(),
    prevHash: text('prev_hash').notNull(),
    hash: text().notNull(),
  },
  (t) => [
    // A second entry claiming the same predecessor would fork the chain; refuse it outright.
    unique('audit_log_prev_hash').on(t.prevHash),
    unique('audit_log_hash').on(t.hash),
    check('audit_log_prev_hash_hex', sql`${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    check('audit_log_hash_hex', sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
    index('audit_log_kind_seq').on(t.kind, t.seq),
  ],
);
export type AuditLogRow = typeof auditLog.$inferSelect;

export const auditTables = { auditKind, auditLog };
export type AuditSchema = typeof auditTables;
