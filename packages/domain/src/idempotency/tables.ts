import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The answers to mutations sent with an `Idempotency-Key`, kept by the agency that wrote them, so
 * that an agency system's retry (after a timeout, say) gets the first answer instead of writing
 * twice. A key belongs to one caller (`caller_subject`): two systems choosing the same key never
 * see each other's answers. A row is PENDING from the moment the mutation starts until its answer
 * is stored.
 */
export const idempotencyState = pgEnum('idempotency_state', ['PENDING', 'DONE']);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    callerSubject: text('caller_subject').notNull(),
    key: text().notNull(),
    /** SHA-256 of the operation, its name and its variables: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    state: idempotencyState().notNull(),
    /** The GraphQL answer (`data`, `errors`) as first sent. */
    response: jsonb(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callerSubject, t.key] }), index('idempotency_keys_created_at').on(t.createdAt)],
);

export const idempotencyTables = { idempotencyState, idempotencyKeys };
