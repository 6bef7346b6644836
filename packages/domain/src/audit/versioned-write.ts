import { staleVersion, type Caller, type Database } from '@cocuk-koruma/platform';
import type { GraphQLError } from 'graphql';
import { appendAudit, type AuditDetail } from './chain.js';

export type Transaction<S extends Record<string, unknown>> = Parameters<Parameters<Database<S>['transaction']>[0]>[0];

/** A row under optimistic concurrency: every write moves its version on by one. */
export interface Versioned {
  version: number;
}

/** What a write produced: the row at its new version and what its audit entry records. */
export interface Written<R extends Versioned> {
  row: R;
  entityIds: readonly string[];
  detail?: AuditDetail;
}

/** How to find and check the row a versioned write changes. */
interface RowChecks<S extends Record<string, unknown>, R extends Versioned> {
  /** Selects the row `for update`, so that a concurrent writer waits and then sees the new version. */
  lock(tx: Transaction<S>): Promise<R | undefined>;
  /** Refusals that take precedence over a stale version (a closed meeting, a locked report). */
  check?(row: R): void;
  /** The version the caller read; null for a write that only adds to the row and names none. */
  expectedVersion: number | null;
  /** The row as the stale-version refusal names it, e.g. `Meeting central-12`. */
  describe(row: R): string;
}

export interface VersionedRow<S extends Record<string, unknown>, R extends Versioned> extends RowChecks<S, R> {
  /** The NOT_FOUND refusal when there is no row. */
  notFound(): GraphQLError;
}

interface WriteSteps<S extends Record<string, unknown>, R extends Versioned, W extends Written<R>> extends RowChecks<
  S,
  R
> {
  caller: Caller;
  /** The GraphQL field, as the audit entry names it. */
  operation: string;
  entityType: string;
  write(tx: Transaction<S>, row: R): Promise<W>;
}

export type VersionedWrite<S extends Record<string, unknown>, R extends Versioned, W extends Written<R>> = WriteSteps<
  S,
  R,
  W
> &
  (
    | { notFound(): GraphQLError }
    /** A create-or-update writes the row when there is none yet, audited without a before version. */
    | { create(tx: Transaction<S>): Promise<W> }
  );

/** The refusals of a row that exists, in their fixed order: `check` first, then a stale version. */
function refuseUnlessWritable<S extends Record<string, unknown>, R extends Versioned>(
  spec: RowChecks<S, R>,
  row: R,
): R {
  spec.check?.(row);
  if (spec.expectedVersion !== null && row.version !== spec.expectedVersion) {
    throw staleVersion(spec.describe(row), row.version, spec.expectedVersion);
  }
  return row;
}

/** Locks and checks the row without writing it, e.g. before gathering what the write will need. */
export async function lockVersioned<S extends Record<string, unknown>, R extends Versioned>(
  tx: Transaction<S>,
  spec: VersionedRow<S, R>,
): Promise<R> {
  const row = await spec.lock(tx);
  if (!row) throw spec.notFound();
  return refuseUnlessWritable(spec, row);
}

/**
 * The one way a versioned row changes: in a single transaction the row is locked and checked,
 * the caller's write runs, and the WRITE audit entry with the before and after versions is
 * appended, so that a refusal or a failure anywhere leaves neither the change nor its entry.
 */
export async function versionedWrite<S extends Record<string, unknown>, R extends Versioned, W extends Written<R>>(
  db: Database<S>,
  spec: VersionedWrite<S, R, W>,
): Promise<W> {
  return db.transaction(async (tx) => {
    const row = await spec.lock(tx);
    let written: W;
    if (row) written = await spec.write(tx, refuseUnlessWritable(spec, row));
    else if ('create' in spec) written = await spec.create(tx);
    else throw spec.notFound();
    await appendAudit(tx, {
      kind: 'WRITE',
      caller: spec.caller,
      operation: spec.operation,
      entityType: spec.entityType,
      entityIds: written.entityIds,
      beforeVersion: row?.version ?? null,
      afterVersion: written.row.version,
      detail: written.detail,
    });
    return written;
  });
}
