import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '@cocuk-koruma/platform';
import {
  actionParts,
  commitments,
  indicatorMeasurements,
  progressReports,
  type ActionPartRow,
  type CommitmentRow,
  type IndicatorMeasurementRow,
  type ProgressReportRow,
  type ProgressSchema,
} from './tables.js';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * Per-request batching: the gateway sends all representations of one agency's actions in a
 * single `_entities` call, and these loaders turn each field over that list into one query.
 */
export function createProgressLoaders<S extends ProgressSchema>(db: Database<S>) {
  return {
    commitment: new DataLoader<string, CommitmentRow | null>(async (codes) => {
      const rows = await db
        .select()
        .from(commitments)
        .where(inArray(commitments.code, [...codes]));
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    reports: new DataLoader<string, ProgressReportRow[]>(async (codes) => {
      const rows = await db
        .select()
        .from(progressReports)
        .where(inArray(progressReports.actionCode, [...codes]))
        .orderBy(asc(progressReports.period), asc(progressReports.revision));
      return groupBy(codes, rows, (r) => r.actionCode);
    }),
    measurements: new DataLoader<string, IndicatorMeasurementRow[]>(async (codes) => {
      const rows = await db
        .select()
        .from(indicatorMeasurements)
        .where(inArray(indicatorMeasurements.actionCode, [...codes]))
        .orderBy(asc(indicatorMeasurements.indicatorCode), asc(indicatorMeasurements.period));
      return groupBy(codes, rows, (r) => r.actionCode);
    }),
    /** This agency's part in other agencies' actions, by action code; null where it has none. */
    parts: new DataLoader<string, ActionPartRow | null>(async (codes) => {
      const rows = await db
        .select()
        .from(actionParts)
        .where(inArray(actionParts.actionCode, [...codes]));
      const byCode = new Map(rows.map((r) => [r.actionCode, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}
export type ProgressLoaders = ReturnType<typeof createProgressLoaders>;
