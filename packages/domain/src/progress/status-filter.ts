import { asc, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@cocuk-koruma/platform';
import { commitments, progressReports, type CommitmentRow, type ProgressSchema } from './tables.js';
import type { ProgressContext } from './resolvers.js';

export type ActionStatusValue = (typeof progressReports.status.enumValues)[number];

/**
 * The agency's actions whose status is one of `statuses`, in code order, in one statement: the
 * status is the latest approved report's (the one every reader sees), NOT_STARTED before the
 * first. The secretariat intersects these codes with its plan filters in its own SQL, so a page
 * filtered by status never needs the status of every other action.
 */
export async function actionsWithStatus<S extends ProgressSchema>(
  db: Database<S>,
  statuses: readonly ActionStatusValue[],
): Promise<CommitmentRow[]> {
  if (statuses.length === 0) return [];
  const latestApproved = db
    .select({ status: progressReports.status })
    .from(progressReports)
    .where(and(eq(progressReports.actionCode, commitments.code), eq(progressReports.state, 'APPROVED')))
    .orderBy(desc(progressReports.period), desc(progressReports.revision))
    .limit(1);
  return await db
    .select()
    .from(commitments)
    .where(inArray(sql`coalesce((${latestApproved}), 'NOT_STARTED')`, [...statuses]))
    .orderBy(asc(commitments.code));
}

/** Resolver of `<agency> { actionsWithStatus(status: [ActionStatus!]!) }`. */
export const actionsWithStatusResolver = (
  _parent: unknown,
  args: { status: readonly ActionStatusValue[] },
  ctx: ProgressContext,
) => actionsWithStatus(ctx.db, args.status);
