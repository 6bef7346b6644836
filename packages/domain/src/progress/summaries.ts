import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseArgs } from '@cocuk-koruma/platform';
import { PLATE_CODE } from './measurements.js';
import type { ProgressContext } from './resolvers.js';
import { suppressSmallCells, type MeasurementView } from './suppression.js';
import { commitments, progressReports, type IndicatorMeasurementRow, type ProgressReportRow } from './tables.js';

// Summaries of all of an agency's actions, each in one SQL statement, for the secretariat's views
// that span the plan (board pack, escalations, changes since the last meeting): their cost does not
// grow with the plan, and only what the view shows leaves the agency.

/** What `ActionStatusEntry` resolves from: one of the agency's actions and its latest approved report. */
export interface ActionStatusEntryModel {
  code: string;
  status: ProgressReportRow['status'];
  latestReport: ProgressReportRow | null;
}

/** Every action of the agency, in code order, with the status every reader sees (NOT_STARTED before the first report). */
export async function actionStatuses(ctx: ProgressContext): Promise<ActionStatusEntryModel[]> {
  const latest = ctx.db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.actionCode, commitments.code), eq(progressReports.state, 'APPROVED')))
    .orderBy(desc(progressReports.period), desc(progressReports.revision))
    .limit(1)
    .as('latest');
  const rows = await ctx.db
    .select()
    .from(commitments)
    .leftJoinLateral(latest, sql`true`)
    .orderBy(asc(commitments.code));
  return rows.map(({ commitments: { code }, latest: report }) => ({
    code,
    status: report?.status ?? 'NOT_STARTED',
    latestReport: report ?? null,
  }));
}

/**
 * Per period, the newest revision of each report the caller may see (approved ones, or all for the
 * agency's own staff), where it was approved or returned after `at`, oldest review first.
 */
export async function reviewedSince(ctx: ProgressContext, at: Date): Promise<ProgressReportRow[]> {
  const current = ctx.db
    .selectDistinctOn([progressReports.actionCode, progressReports.period])
    .from(progressReports)
    .where(ctx.caller.agency === ctx.owner ? undefined : eq(progressReports.state, 'APPROVED'))
    .orderBy(progressReports.actionCode, progressReports.period, desc(progressReports.revision))
    .as('current');
  return await ctx.db
    .select()
    .from(current)
    .where(and(gt(current.reviewedAt, at), inArray(current.state, ['APPROVED', 'RETURNED'])))
    .orderBy(asc(current.reviewedAt), asc(current.actionCode), asc(current.period));
}

/**
 * Per indicator of the agency, its latest national period's cells (one per source), and with
 * `plateCode` that province's latest period's cells, as this caller may see them. Suppression
 * judges a whole (indicator, period) group, so each group a shown cell depends on is read whole and
 * judged by the rule every other reader gets: a province's group always (its cell may be withheld
 * to protect another), a national one only where a national figure is small, since a total at or
 * above the threshold is never withheld. One statement: the indicators by a skip scan of the
 * natural-key index, each one's latest periods from the same index.
 */
export async function latestMeasurements(ctx: ProgressContext, plateCode: string | null): Promise<MeasurementView[]> {
  const reveal = ctx.caller.agency === ctx.owner;
  const threshold = ctx.smallNumberThreshold;
  const nationalWhole = reveal
    ? sql`false`
    : sql`exists (select 1 from indicator_measurements s where s.indicator_code = l.code and s.period = l.national
        and s.province_plate_code is null and s.value < ${threshold})`;
  // Each wanted group is read through the natural-key index (a lateral join): a hash join would
  // scan every measurement of the agency.
  const result = (await ctx.db.execute(sql`
    with recursive codes(code) as (
      (select indicator_code from indicator_measurements order by indicator_code limit 1)
      union all
      select (select i.indicator_code from indicator_measurements i where i.indicator_code > codes.code
              order by i.indicator_code limit 1)
      from codes where codes.code is not null
    ),
    latest as (
      select codes.code,
        (select max(i.period) from indicator_measurements i
          where i.indicator_code = codes.code and i.province_plate_code is null) as national,
        (select max(i.period) from indicator_measurements i
          where i.indicator_code = codes.code and i.province_plate_code = ${plateCode}) as province
      from codes where codes.code is not null
    ),
    groups as (
      select l.code, l.national as period, ${nationalWhole} as whole, true as national, false as province
        from latest l where l.national is not null
      union all
      select l.code, l.province, ${!reveal}, false, true from latest l where l.province is not null
    ),
    wanted as (
      select code, period, bool_or(whole) as whole, bool_or(national) as national, bool_or(province) as province
      from groups group by code, period
    )
    select m.id, m.action_code as "actionCode", m.indicator_code as "indicatorCode", m.period,
      m.as_of::text as "asOf", m.province_plate_code as "provincePlateCode", m.value, m.source, m.version,
      m.recorded_by as "recordedBy", m.recorded_at as "recordedAt"
    from wanted cross join lateral (
      select * from indicator_measurements m
      where m.indicator_code = wanted.code and m.period = wanted.period
        and (wanted.whole or (wanted.national and m.province_plate_code is null)
          or (wanted.province and m.province_plate_code = ${plateCode}))
    ) m
    order by m.indicator_code, m.period, m.province_plate_code nulls first, m.source`)) as unknown as {
    rows: IndicatorMeasurementRow[];
  };
  const rows: IndicatorMeasurementRow[] = result.rows.map((row) => ({ ...row, recordedAt: new Date(row.recordedAt) }));
  // A group read whole also holds cells of other provinces, and of the national figure in a
  // province's earlier period: only the latest of each place is the answer.
  const latestPeriod = new Map<string, string>();
  const place = (cell: { indicatorCode: string; provincePlateCode: string | null }) =>
    `${cell.indicatorCode}\n${cell.provincePlateCode ?? ''}`;
  for (const row of rows) {
    if (row.provincePlateCode !== null && row.provincePlateCode !== plateCode) continue;
    const key = place(row);
    if ((latestPeriod.get(key) ?? '') < row.period) latestPeriod.set(key, row.period);
  }
  return suppressSmallCells(rows, { threshold, reveal }).filter(
    (cell) =>
      (cell.provincePlateCode === null || cell.provincePlateCode === plateCode) &&
      latestPeriod.get(place(cell)) === cell.period,
  );
}

const plateArgs = z.object({
  plateCode: z
    .string()
    .regex(PLATE_CODE, 'must be the two-digit plate code of one of the 81 provinces (01 to 81)')
    .nullish(),
});

/** Resolvers of the summary fields on every agency's root object (`justice { actionStatuses … }`). */
export const agencySummaryResolvers = {
  actionStatuses: (_root: unknown, _args: unknown, ctx: ProgressContext) => actionStatuses(ctx),
  latestMeasurements: (_root: unknown, args: { plateCode?: string | null }, ctx: ProgressContext) =>
    latestMeasurements(ctx, parseArgs(plateArgs, args).plateCode ?? null),
  // The DateTime scalar parses to a Date; typed as either, as the generated argument types are.
  reviewedSince: (_root: unknown, args: { at: Date | string }, ctx: ProgressContext) =>
    reviewedSince(ctx, new Date(args.at)),
};
