import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type AgencyCode, assertCanWriteAgencyData, conflict, type Database, parseArgs } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { appendAuditEntries, type AuditEntryInput } from '../../audit/chain.js';
import type { Transaction } from '../../audit/versioned-write.js';
import type { MeasuredAction } from '../measurements.js';
import type { ProgressContext } from '../resolvers.js';
import {
  indicatorMeasurements,
  progressReports,
  type IndicatorMeasurementRow,
  type ProgressReportRow,
  type ProgressSchema,
} from '../tables.js';
import { IMPORT_LIMITS } from './limits.js';
import {
  cellKey,
  isCell,
  isReport,
  planImport,
  problemsOf,
  reportKey,
  type ImportOutcome,
  type ImportPlan,
  type ImportState,
  type PlannedRow,
} from './plan.js';
import { say, type ImportRow, type ImportRowKind } from './rows.js';

type Tx = Transaction<ProgressSchema>;
type Reader = Database<ProgressSchema> | Tx;

const row = z.object({
  line: z.number().int().min(1),
  kind: z.enum(['REPORT', 'MEASUREMENT']),
  actionCode: z.string().trim().min(1).max(64),
  period: z.string().trim().max(16),
  status: z.string().trim().max(32).nullish(),
  percentComplete: z.number().nullish(),
  narrative: z.string().max(20_000).nullish(),
  indicatorCode: z.string().trim().max(64).nullish(),
  provincePlateCode: z.string().trim().max(8).nullish(),
  value: z.number().nullish(),
  asOf: z.string().trim().max(32).nullish(),
  source: z.string().trim().max(1_000).nullish(),
});
const rows = z
  .array(row)
  .min(1, say('içe aktarılacak satır yok', 'there are no rows to import'))
  .max(
    IMPORT_LIMITS.maxRows,
    say(
      `bir içe aktarma en çok ${IMPORT_LIMITS.maxRows} satır olabilir; dosyayı bölün`,
      `an import may have at most ${IMPORT_LIMITS.maxRows} rows; split the file`,
    ),
  );
const previewInput = z.object({ input: z.object({ rows }) });
const commitInput = z.object({ input: z.object({ rows, expectedDigest: z.string().regex(/^[0-9a-f]{64}$/) }) });

/** What `previewImport` and `commitImport` answer (`SpreadsheetImport`). */
export interface SpreadsheetImportView {
  digest: string;
  committed: boolean;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: { line: number; kind: ImportRowKind; key: string; outcome: ImportOutcome; reason: string | null }[];
}

function view(plan: ImportPlan, committed: boolean): SpreadsheetImportView {
  return {
    digest: plan.digest,
    committed,
    rowCount: plan.rows.length,
    created: plan.counts.CREATE,
    updated: plan.counts.UPDATE,
    unchanged: plan.counts.UNCHANGED,
    refused: plan.counts.REFUSE,
    rows: plan.rows.map(({ line, kind, key, outcome, reason }) => ({ line, kind, key, outcome, reason })),
  };
}

const unique = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v != null))];

/** The stored rows the import's keys name; locked `for update` when the commit reads them. */
async function loadState(db: Reader, input: readonly ImportRow[], lock: boolean): Promise<ImportState> {
  const reportCodes = unique(input.filter((r) => r.kind === 'REPORT').map((r) => r.actionCode));
  const measured = input.filter((r) => r.kind === 'MEASUREMENT');
  const indicatorCodes = unique(measured.map((r) => r.indicatorCode));
  const periods = unique(measured.map((r) => r.period));
  const reports = new Map<string, ProgressReportRow>();
  if (reportCodes.length > 0) {
    const query = db
      .select()
      .from(progressReports)
      .where(inArray(progressReports.actionCode, reportCodes))
      .orderBy(asc(progressReports.actionCode), asc(progressReports.period), asc(progressReports.revision));
    // Ordered by revision: the last one set for a period is its newest.
    for (const report of await (lock ? query.for('update') : query)) {
      reports.set(reportKey(report.actionCode, report.period), report);
    }
  }
  const cells = new Map<string, IndicatorMeasurementRow>();
  if (indicatorCodes.length > 0 && periods.length > 0) {
    const query = db
      .select()
      .from(indicatorMeasurements)
      .where(
        and(
          inArray(indicatorMeasurements.indicatorCode, indicatorCodes),
          inArray(indicatorMeasurements.period, periods),
        ),
      );
    for (const cell of await (lock ? query.for('update') : query)) cells.set(cellKey(cell), cell);
  }
  return { reports, cells };
}

/** Inserts in slices, within PostgreSQL's 65,535 parameters a statement. */
const SLICE = 500;
function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/** A row the commit has just locked or written; missing, the database broke its promise. */
function stored<T>(row: T | undefined, planned: PlannedRow): T {
  if (row === undefined)
    throw new Error(`The import's row on line ${planned.line} (${planned.key}) returned no stored row.`);
  return row;
}

const changedMeanwhile = () =>
  conflict(
    say(
      'Önizlemeden bu yana kayıtlar değişti; dosyayı yeniden önizleyin. Hiçbir şey yazılmadı.',
      'The data changed since the preview; preview the file again. Nothing was written.',
    ),
    { reason: 'IMPORT_CHANGED' },
  );

/**
 * Spreadsheet import of an agency's progress reports and indicator values
 * (`mutation { justice { previewImport commitImport } }`), under the rules of the typed-in
 * mutations: the same writers, the same checks of codes, periods and ranges, reports filed as
 * drafts that go through the four-eyes review, and a WRITE audit entry for every row written.
 * The preview says what each row would do; the commit does it in one transaction of the agency's
 * own database, all rows or none, and only while the stored rows are as the preview saw them.
 */
export function importMutationResolvers(options: { agency: AgencyCode; actions: readonly MeasuredAction[] }) {
  const actions = new Map(options.actions.map((a) => [a.code, a]));
  const planContext = (ctx: ProgressContext) => ({ agency: options.agency, actions, periods: ctx.periods });

  async function write(tx: Tx, plan: ImportPlan, ctx: ProgressContext): Promise<void> {
    const username = ctx.caller.username;
    const now = new Date();
    const audit: AuditEntryInput[] = [];
    const entry = (
      planned: PlannedRow,
      entityType: string,
      id: string,
      before: number | null,
      after: number,
      detail: Record<string, unknown>,
    ) =>
      audit.push({
        kind: 'WRITE',
        caller: ctx.caller,
        operation: 'commitImport',
        entityType,
        entityIds: [id, planned.key],
        beforeVersion: before,
        afterVersion: after,
        detail: { ...detail, line: planned.line, importDigest: plan.digest.slice(0, 16) },
      });
    const reportSource = `${options.agency.toLowerCase()}:${username}`;
    const reports = plan.rows.filter(isReport);
    const cells = plan.rows.filter(isCell);

    for (const slice of slices(reports.filter((r) => r.outcome === 'CREATE'))) {
      const inserted = await tx
        .insert(progressReports)
        .values(
          slice.map(({ report }) => ({
            ...report.values,
            actionCode: report.actionCode,
            period: report.period,
            source: reportSource,
            reportedBy: username,
            reportedAt: now,
            state: 'DRAFT' as const,
            revision: 1,
            version: 1,
            authors: [username],
          })),
        )
        .onConflictDoNothing()
        .returning();
      // Someone filed one of these periods since the lock was taken: the preview no longer holds.
      if (inserted.length !== slice.length) throw changedMeanwhile();
      const byKey = new Map(inserted.map((report) => [reportKey(report.actionCode, report.period), report]));
      for (const planned of slice) {
        const report = stored(byKey.get(planned.key), planned);
        entry(planned, 'ProgressReport', report.id, null, report.version, { state: report.state });
      }
    }

    for (const slice of slices(cells.filter((r) => r.outcome === 'CREATE'))) {
      const inserted = await tx
        .insert(indicatorMeasurements)
        .values(slice.map(({ cell }) => ({ ...cell, recordedBy: username, recordedAt: now, version: 1 })))
        .onConflictDoNothing()
        .returning();
      if (inserted.length !== slice.length) throw changedMeanwhile();
      const byKey = new Map(inserted.map((cell) => [cellKey(cell), cell]));
      for (const planned of slice) {
        const cell = stored(byKey.get(planned.key), planned);
        entry(planned, 'IndicatorMeasurement', cell.id, null, cell.version, { value: cell.value, previousValue: null });
      }
    }

    for (const planned of reports.filter((r) => r.outcome === 'UPDATE')) {
      const current = stored(planned.report.current, planned);
      const authors = current.authors.includes(username) ? current.authors : [...current.authors, username];
      const [saved] = await tx
        .update(progressReports)
        .set({
          ...planned.report.values,
          source: reportSource,
          reportedBy: username,
          reportedAt: now,
          state: 'DRAFT',
          authors,
          version: current.version + 1,
        })
        .where(eq(progressReports.id, current.id))
        .returning();
      const report = stored(saved, planned);
      entry(planned, 'ProgressReport', report.id, current.version, report.version, { state: report.state });
    }

    for (const planned of cells.filter((r) => r.outcome === 'UPDATE')) {
      const current = stored(planned.current, planned);
      const [saved] = await tx
        .update(indicatorMeasurements)
        .set({
          value: planned.cell.value,
          asOf: planned.cell.asOf,
          recordedBy: username,
          recordedAt: now,
          version: current.version + 1,
        })
        .where(eq(indicatorMeasurements.id, current.id))
        .returning();
      const cell = stored(saved, planned);
      entry(planned, 'IndicatorMeasurement', cell.id, current.version, cell.version, {
        value: cell.value,
        previousValue: current.value,
      });
    }
    await appendAuditEntries(tx, audit);
  }

  return {
    /** What each row would do; writes nothing. */
    previewImport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(previewInput, args).input;
      return view(planImport(input.rows, planContext(ctx), await loadState(ctx.db, input.rows, false)), false);
    },

    /**
     * Writes every row, or none: refused while any row is refused (BAD_USER_INPUT, listing them by
     * line) or while the stored data is no longer what the preview with `expectedDigest` saw
     * (CONFLICT, `reason: IMPORT_CHANGED`).
     */
    commitImport: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext) => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(commitInput, args).input;
      const plan = await ctx.db.transaction(async (tx) => {
        const planned = planImport(input.rows, planContext(ctx), await loadState(tx, input.rows, true));
        if (planned.digest !== input.expectedDigest) throw changedMeanwhile();
        const problems = problemsOf(planned);
        if (problems.length > 0) {
          throw new GraphQLError(
            say(
              `${problems.length} satır reddedildi; hiçbir şey yazılmadı`,
              `${problems.length} rows were refused (see problems, by line); nothing was written`,
            ),
            { extensions: { code: 'BAD_USER_INPUT', problems } },
          );
        }
        await write(tx, planned, ctx);
        return planned;
      });
      for (const planned of plan.rows.filter(isReport)) ctx.progress.reports.clear(planned.report.actionCode);
      for (const planned of plan.rows.filter(isCell)) ctx.progress.measurements.clear(planned.cell.actionCode);
      return view(plan, true);
    },
  };
}
