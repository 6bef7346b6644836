import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  agencyByCode,
  type AgencyCode,
  assertCanWriteAgencyData,
  forbidden,
  conflict,
  notFound,
  parseArgs,
} from '@cocuk-koruma/platform';
import { versionedWrite, type Transaction, type Written } from '../audit/versioned-write.js';
import { checkPeriod, PERIOD_PATTERN } from './periods.js';
import type { ProgressContext } from './resolvers.js';
import {
  actionStatus,
  progressReports,
  type ProgressReportRow,
  type ProgressSchema,
  type ReportState,
} from './tables.js';

const period = z.string().regex(PERIOD_PATTERN, 'must be a quarter such as 2026-Q3');
const version = z.number().int().min(1, 'must be the version you read (1 or more)');

const saveInput = z.object({
  actionCode: z.string().trim().min(1).max(64),
  period,
  status: z.enum(actionStatus.enumValues),
  percentComplete: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  narrative: z.string().trim().min(1, 'must not be empty').max(10_000),
  expectedVersion: version.nullish(),
});
const transitionInput = z.object({ id: z.uuid('must be a report id'), expectedVersion: version });
const returnInput = transitionInput.extend({ comment: z.string().trim().min(1, 'must say what to fix').max(5_000) });
const correctionInput = z.object({ actionCode: z.string().trim().min(1).max(64), period, expectedVersion: version });

export interface MutationOptions {
  agency: AgencyCode;
  /** The agency the adopted plan makes responsible for an action code, from the plan in the repo. */
  responsibleFor(actionCode: string): AgencyCode | undefined;
}

type Tx = Transaction<ProgressSchema>;

/** Reports whose period is approved are locked: only a correction (a new revision) may follow. */
function lockedConflict(report: ProgressReportRow): never {
  throw conflict(
    `The ${report.period} report on ${report.actionCode} is approved and locked. Start a correction (correctProgressReport) to revise it.`,
    { reason: 'PERIOD_LOCKED', currentVersion: report.version },
  );
}

const describeReport = (report: ProgressReportRow) => `The ${report.period} report on ${report.actionCode}`;

/** Editing an existing report without naming the version read is refused like a stale version. */
function requireVersion(report: ProgressReportRow, expected: number | null | undefined): void {
  if (expected != null) return;
  throw conflict(
    `${describeReport(report)} is at version ${report.version}; send expectedVersion with the version you read to change it.`,
    {
      reason: 'STALE_VERSION',
      currentVersion: report.version,
    },
  );
}

function assertState(report: ProgressReportRow, allowed: ReportState[], action: string): void {
  if (report.state === 'APPROVED' && !allowed.includes('APPROVED')) lockedConflict(report);
  if (!allowed.includes(report.state)) {
    throw conflict(`Only a ${allowed.join(' or ')} report can be ${action}; this one is ${report.state}.`, {
      reason: 'WRONG_STATE',
      state: report.state,
    });
  }
}

/** The revision's authors with this one added, once. */
const withAuthor = (report: ProgressReportRow, username: string): string[] =>
  report.authors.includes(username) ? report.authors : [...report.authors, username];

/**
 * The four-eyes rule: whoever wrote a revision (saved any draft of it or opened it as a
 * correction) or submitted it may neither approve nor return it, so no report is passed by one
 * person alone, whichever roles they hold.
 */
function assertFourEyes(report: ProgressReportRow, username: string): void {
  if (report.submittedBy !== username && !report.authors.includes(username)) return;
  throw forbidden(
    `four-eyes rule: a report is approved or returned by a focal point who neither wrote nor submitted it; ${username} wrote or submitted revision ${report.revision} of the ${report.period} report on ${report.actionCode}.`,
  );
}

/** A report as its audit entry records it: by id and by action, period and revision. */
function written(report: ProgressReportRow): Written<ProgressReportRow> {
  return {
    row: report,
    entityIds: [report.id, `${report.actionCode}/${report.period}/r${report.revision}`],
    detail: { state: report.state },
  };
}

/**
 * The reporting workflow every agency runs on its own actions (`mutation { justice { ... } }`):
 * liaisons, focal points and agency systems draft, submit and withdraw; a focal point of the same
 * agency who neither wrote nor submitted the revision approves it or returns it with a comment. Each step names the version it read, runs in
 * one transaction with its audit entry, and on any refusal leaves the database as it was.
 */
export function progressMutationResolvers(options: MutationOptions) {
  const owner = agencyByCode(options.agency);

  async function assertOwnAction(ctx: ProgressContext, actionCode: string): Promise<void> {
    if (await ctx.progress.commitment.load(actionCode)) return;
    const responsible = options.responsibleFor(actionCode);
    if (!responsible) throw notFound('action', actionCode);
    throw forbidden(
      `action ${actionCode} belongs to the ${agencyByCode(responsible).nameEn}; only the responsible agency reports on it.`,
    );
  }

  /** A report just written: what the same request reads of its action later (previousApproved) sees it. */
  function settled(ctx: ProgressContext, report: ProgressReportRow): ProgressReportRow {
    ctx.progress.reports.clear(report.actionCode);
    return report;
  }

  /** The report with this id, as a versioned write locks and refuses it. */
  function reportById(id: string) {
    return {
      lock: async (tx: Tx) =>
        (await tx.select().from(progressReports).where(eq(progressReports.id, id)).for('update'))[0],
      notFound: () => notFound(`progress report of the ${owner.nameEn}`, id),
      describe: describeReport,
    };
  }

  /** The newest revision of a period, locked so two writers cannot both build on it. */
  async function latestRevisionForUpdate(
    tx: Tx,
    actionCode: string,
    period: string,
  ): Promise<ProgressReportRow | undefined> {
    const [current] = await tx
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.actionCode, actionCode), eq(progressReports.period, period)))
      .orderBy(desc(progressReports.revision))
      .limit(1)
      .for('update');
    return current;
  }

  async function update(
    tx: Tx,
    report: ProgressReportRow,
    values: Partial<ProgressReportRow>,
  ): Promise<ProgressReportRow> {
    const [saved] = await tx
      .update(progressReports)
      .set({ ...values, version: report.version + 1 })
      .where(eq(progressReports.id, report.id))
      .returning();
    if (!saved) throw new Error('Updating the progress report returned no row.');
    return saved;
  }

  /**
   * Approving and returning are one step with different outcomes: a focal point of the agency who
   * neither wrote nor submitted the report moves a SUBMITTED report on.
   */
  function review<T extends { id: string; expectedVersion: number }>(
    operation: string,
    /** How the refusal of a report in the wrong state says what was attempted. */
    verb: string,
    schema: z.ZodType<T>,
    outcome: (input: T) => Partial<ProgressReportRow>,
  ) {
    return async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency, ['focal-point']);
      const input = parseArgs(z.object({ input: schema }), args).input;
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation,
        entityType: 'ProgressReport',
        ...reportById(input.id),
        check: (report) => {
          assertState(report, ['SUBMITTED'], verb);
          assertFourEyes(report, ctx.caller.username);
        },
        expectedVersion: input.expectedVersion,
        write: async (tx, report) =>
          written(
            await update(tx, report, { ...outcome(input), reviewedBy: ctx.caller.username, reviewedAt: new Date() }),
          ),
      });
      return settled(ctx, row);
    };
  }

  return {
    /** Creates the period's draft, or edits the open draft (or returned report) of the period. */
    saveProgressReport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: saveInput }), args).input;
      checkPeriod(input.period, ctx.periods, 'input.period');
      await assertOwnAction(ctx, input.actionCode);
      const values = () => ({
        status: input.status,
        percentComplete: input.percentComplete,
        narrative: input.narrative,
        source: `${owner.code.toLowerCase()}:${ctx.caller.username}`,
        reportedBy: ctx.caller.username,
        reportedAt: new Date(),
        state: 'DRAFT' as const,
      });
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation: 'saveProgressReport',
        entityType: 'ProgressReport',
        lock: (tx) => latestRevisionForUpdate(tx, input.actionCode, input.period),
        check: (current) => {
          assertState(current, ['DRAFT', 'RETURNED'], 'edited');
          requireVersion(current, input.expectedVersion);
        },
        expectedVersion: input.expectedVersion ?? null,
        describe: describeReport,
        write: async (tx, current) =>
          written(await update(tx, current, { ...values(), authors: withAuthor(current, ctx.caller.username) })),
        create: async (tx) => {
          if (input.expectedVersion != null) {
            throw conflict(
              `There is no ${input.period} report on ${input.actionCode} yet; leave expectedVersion out to create it.`,
              {
                reason: 'STALE_VERSION',
              },
            );
          }
          const [created] = await tx
            .insert(progressReports)
            .values({
              ...values(),
              actionCode: input.actionCode,
              period: input.period,
              revision: 1,
              version: 1,
              authors: [ctx.caller.username],
            })
            .returning();
          if (!created) throw new Error('Creating the progress report returned no row.');
          return written(created);
        },
      });
      return settled(ctx, row);
    },

    submitProgressReport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: transitionInput }), args).input;
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation: 'submitProgressReport',
        entityType: 'ProgressReport',
        ...reportById(input.id),
        check: (report) => assertState(report, ['DRAFT', 'RETURNED'], 'submitted'),
        expectedVersion: input.expectedVersion,
        write: async (tx, report) =>
          written(
            await update(tx, report, {
              state: 'SUBMITTED',
              submittedBy: ctx.caller.username,
              authors: withAuthor(report, ctx.caller.username),
              submittedAt: new Date(),
              reviewedBy: null,
              reviewedAt: null,
              reviewComment: null,
            }),
          ),
      });
      return settled(ctx, row);
    },

    /**
     * Takes a report under review back to a draft of the same revision, so that its authors can go
     * on with it when no focal point may review it (an agency whose only focal point wrote it).
     * Whoever submitted it stays among the revision's authors.
     */
    withdrawProgressReport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: transitionInput }), args).input;
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation: 'withdrawProgressReport',
        entityType: 'ProgressReport',
        ...reportById(input.id),
        check: (report) => assertState(report, ['SUBMITTED'], 'withdrawn'),
        expectedVersion: input.expectedVersion,
        write: async (tx, report) =>
          written(await update(tx, report, { state: 'DRAFT', submittedBy: null, submittedAt: null })),
      });
      return settled(ctx, row);
    },

    approveProgressReport: review('approveProgressReport', 'approved', transitionInput, () => ({ state: 'APPROVED' })),

    returnProgressReport: review('returnProgressReport', 'returned', returnInput, (input) => ({
      state: 'RETURNED',
      reviewComment: input.comment,
    })),

    /** Opens the next revision of an approved period as a draft; the approved one stays in force meanwhile. */
    correctProgressReport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: correctionInput }), args).input;
      checkPeriod(input.period, ctx.periods, 'input.period');
      await assertOwnAction(ctx, input.actionCode);
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation: 'correctProgressReport',
        entityType: 'ProgressReport',
        lock: (tx) => latestRevisionForUpdate(tx, input.actionCode, input.period),
        notFound: () => notFound('progress report for that period', `${input.actionCode}/${input.period}`),
        check: (current) => {
          if (current.state !== 'APPROVED') {
            throw conflict(
              `Revision ${current.revision} of this period is still ${current.state}; finish it before correcting.`,
              {
                reason: 'WRONG_STATE',
                state: current.state,
              },
            );
          }
        },
        expectedVersion: input.expectedVersion,
        describe: describeReport,
        // The approved revision stays as it is; the correction is a new row at version 1.
        write: async (tx, current) => {
          const [created] = await tx
            .insert(progressReports)
            .values({
              actionCode: current.actionCode,
              period: current.period,
              status: current.status,
              percentComplete: current.percentComplete,
              narrative: current.narrative,
              source: `${owner.code.toLowerCase()}:${ctx.caller.username}`,
              reportedBy: ctx.caller.username,
              state: 'DRAFT',
              revision: current.revision + 1,
              version: 1,
              authors: [ctx.caller.username],
            })
            .returning();
          if (!created) throw new Error('Opening the correction returned no row.');
          return written(created);
        },
      });
      return settled(ctx, row);
    },
  };
}
