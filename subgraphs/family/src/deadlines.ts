import type { ActionRow, DueDateRevisionRow } from './db/schema.js';
import type { ActionStatus } from './generated/resolvers-types.js';
import { daysBetween } from './clock.js';
import type { FamilyContext } from './context.js';

const STATUSES: readonly string[] = ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'];

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && STATUSES.includes(value);
}

/** The due date in force: the latest re-baselining, else the plan's. */
export function currentDueDate(action: ActionRow, revisions: readonly DueDateRevisionRow[]): string {
  return revisions.at(-1)?.dueDate ?? action.dueDate;
}

export interface Lateness {
  overdue: boolean | null;
  daysOverdue: number | null;
}

/** Overdue: the due date is before today and the agency has not reported the action COMPLETED. */
export function latenessOf(dueDate: string, status: ActionStatus | null | undefined, today: string): Lateness {
  if (!status) return { overdue: null, daysOverdue: null };
  const days = daysBetween(dueDate, today);
  if (status === 'COMPLETED' || days <= 0) return { overdue: false, daysOverdue: 0 };
  return { overdue: true, daysOverdue: days };
}

/**
 * The status the gateway sent with the entity (`@requires(fields: "status")`), or, for the
 * family's own actions, the family's own latest approved report.
 */
export async function statusForLateness(action: ActionRow, ctx: FamilyContext): Promise<ActionStatus | null> {
  if ('status' in action) return isActionStatus(action.status) ? action.status : null;
  if (action.responsibleAgency !== 'FAMILY') return null;
  const reports = await ctx.progress.reports.load(action.code);
  return reports.findLast((r) => r.state === 'APPROVED')?.status ?? 'NOT_STARTED';
}

/** The responsible agency's own words and the secretariat's latest reason for moving the date. */
export function reasonText(
  report: { period: string; narrative: string } | null | undefined,
  rebaselineReason: string | null | undefined,
): string | null {
  const parts: string[] = [];
  if (report) parts.push(`Latest approved report (${report.period}): ${report.narrative}`);
  if (rebaselineReason) parts.push(`Due date moved: ${rebaselineReason}`);
  return parts.length > 0 ? parts.join('\n') : null;
}
