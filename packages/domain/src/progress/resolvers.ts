import { asc, eq } from 'drizzle-orm';
import { type AgencyCode, type Caller, type Database, notFound } from '@cocuk-koruma/platform';
import { readAuditPage, type AuditLogArgs } from '../audit/graphql.js';
import { assertCanReadAudit } from '../audit/policy.js';
import type { ProgressLoaders } from './loaders.js';
import { checkPeriod, type ReportingPeriods } from './periods.js';
import { actionsWithStatusResolver } from './status-filter.js';
import { agencySummaryResolvers } from './summaries.js';
import { suppressSmallCells, type MeasurementView } from './suppression.js';
import {
  commitments,
  progressReports,
  serviceFigures,
  type ProgressReportRow,
  type ProgressSchema,
  type ReportState,
} from './tables.js';

/** What `Query.<agency>` returns: the agency's own root object. */
export interface AgencyRoot {
  agency: AgencyCode;
}

/** Progress fields need only the action's code, so the family's plan rows serve as parents too. */
export interface ActionKey {
  code: string;
}

export interface ProgressContext {
  caller: Caller;
  /** The agency whose database this is: its own staff also see drafts and reports under review. */
  owner: AgencyCode;
  db: Database<ProgressSchema>;
  progress: ProgressLoaders;
  /** The quarters a report may be for, and whose date says which quarter is current. */
  periods: ReportingPeriods;
  /** Province counts below this are suppressed for readers outside the owning agency. */
  smallNumberThreshold: number;
}

/** The latest approved report: the official progress every reader sees and status derives from. */
function latestApproved(reports: ProgressReportRow[]): ProgressReportRow | null {
  // Loaded in (period, revision) order, and quarters sort lexically (2026-Q1 < 2026-Q2).
  return reports.findLast((r) => r.state === 'APPROVED') ?? null;
}

/** Drafts and reports under review stay inside the agency; everyone else sees approved ones. */
function visible(reports: ProgressReportRow[], ctx: ProgressContext): ProgressReportRow[] {
  return ctx.caller.agency === ctx.owner ? reports : reports.filter((r) => r.state === 'APPROVED');
}

/** An action's measurements as this caller may see them: small province counts hidden from outsiders. */
export async function visibleMeasurements(actionCode: string, ctx: ProgressContext): Promise<MeasurementView[]> {
  return suppressSmallCells(await ctx.progress.measurements.load(actionCode), {
    threshold: ctx.smallNumberThreshold,
    reveal: ctx.caller.agency === ctx.owner,
  });
}

/** Per period, the newest revision the caller may see. */
function currentPerPeriod(reports: ProgressReportRow[]): ProgressReportRow[] {
  const byPeriod = new Map<string, ProgressReportRow>();
  for (const report of reports) byPeriod.set(report.period, report);
  return [...byPeriod.values()];
}

/**
 * Field resolvers of an agency's own action entity (`JusticeAction`, `HealthAction`, ...).
 * Every agency's type has the same progress fields, so one implementation serves all five;
 * each subgraph assigns it to its own generated resolver type, which checks the shapes.
 */
export const actionProgressResolvers = {
  // Null for a code this agency is not responsible for: the gateway then leaves the fields null.
  __resolveReference: (ref: { code: string }, ctx: ProgressContext) => ctx.progress.commitment.load(ref.code),
  status: async (action: ActionKey, _args: unknown, ctx: ProgressContext) =>
    latestApproved(await ctx.progress.reports.load(action.code))?.status ?? 'NOT_STARTED',
  latestReport: async (action: ActionKey, _args: unknown, ctx: ProgressContext) =>
    latestApproved(await ctx.progress.reports.load(action.code)),
  progressReports: async (action: ActionKey, _args: unknown, ctx: ProgressContext) =>
    currentPerPeriod(visible(await ctx.progress.reports.load(action.code), ctx)),
  reportHistory: async (action: ActionKey, args: { period: string }, ctx: ProgressContext) => {
    checkPeriod(args.period, ctx.periods, 'period');
    return visible(await ctx.progress.reports.load(action.code), ctx).filter((r) => r.period === args.period);
  },
  measurements: (action: ActionKey, _args: unknown, ctx: ProgressContext) => visibleMeasurements(action.code, ctx),
};

/**
 * The reports of the agency in one workflow state, oldest step first, for its own staff only:
 * nobody outside the agency sees a report before it is approved.
 */
async function inState(ctx: ProgressContext, state: ReportState, since: 'submittedAt' | 'reviewedAt') {
  if (ctx.caller.agency !== ctx.owner) return [];
  return await ctx.db
    .select()
    .from(progressReports)
    .where(eq(progressReports.state, state))
    .orderBy(asc(progressReports[since]), asc(progressReports.actionCode), asc(progressReports.period));
}

/** Fields of a report that need more than its own row. */
export const progressReportResolvers = {
  /**
   * The approved revision a reviewer compares this one with: the period's earlier approved revision
   * for a correction, else the action's latest approved report of an earlier period. One query for
   * every report of the request, through the action's reports loader.
   */
  previousApproved: async (report: ProgressReportRow, _args: unknown, ctx: ProgressContext) => {
    const reports = await ctx.progress.reports.load(report.actionCode);
    // Loaded in (period, revision) order: what comes before this report, newest last.
    const before = reports.filter(
      (r) => r.period < report.period || (r.period === report.period && r.revision < report.revision),
    );
    return latestApproved(before);
  },
};

/** Resolvers of an agency's root object (`Query.justice` and its fields). */
export const agencyRootResolvers = {
  code: (root: AgencyRoot) => root.agency,
  // Awaited here: a drizzle builder handed to graphql-js unawaited is executed twice.
  actions: async (_parent: unknown, _args: unknown, ctx: ProgressContext) =>
    await ctx.db.select().from(commitments).orderBy(asc(commitments.code)),
  action: async (_parent: unknown, args: { code: string }, ctx: ProgressContext) => {
    const found = await ctx.progress.commitment.load(args.code);
    if (!found) throw notFound('action of this agency', args.code);
    return found;
  },
  actionsWithStatus: actionsWithStatusResolver,
  ...agencySummaryResolvers,
  auditLog: async (root: AgencyRoot, args: AuditLogArgs, ctx: ProgressContext) => {
    assertCanReadAudit(ctx.caller, root.agency);
    return readAuditPage(ctx.db, args);
  },
  pendingReview: (_root: AgencyRoot, _args: unknown, ctx: ProgressContext) => inState(ctx, 'SUBMITTED', 'submittedAt'),
  // A returned revision is always its period's latest: nothing follows it until it is approved.
  returnedReports: (_root: AgencyRoot, _args: unknown, ctx: ProgressContext) => inState(ctx, 'RETURNED', 'reviewedAt'),
  serviceFigures: async (_parent: unknown, args: { metric?: string | null }, ctx: ProgressContext) => {
    const query = ctx.db.select().from(serviceFigures);
    return await (args.metric ? query.where(eq(serviceFigures.metric, args.metric)) : query).orderBy(
      asc(serviceFigures.metric),
      asc(serviceFigures.asOf),
      asc(serviceFigures.source),
    );
  },
};
