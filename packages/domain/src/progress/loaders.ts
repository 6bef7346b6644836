import { tableLoaders, type Database } from '@cocuk-koruma/platform';
import { asc } from 'drizzle-orm';
import { actionParts, commitments, indicatorMeasurements, progressReports, type ProgressSchema } from './tables.js';

/**
 * Per-request batching: the gateway sends all representations of one agency's actions in a
 * single `_entities` call, and these loaders turn each field over that list into one query.
 */
export function createProgressLoaders<S extends ProgressSchema>(db: Database<S>) {
  const { one, many } = tableLoaders(db);
  return {
    commitment: one(commitments, 'code'),
    reports: many(progressReports, 'actionCode', {
      orderBy: [asc(progressReports.period), asc(progressReports.revision)],
    }),
    measurements: many(indicatorMeasurements, 'actionCode', {
      orderBy: [asc(indicatorMeasurements.indicatorCode), asc(indicatorMeasurements.period)],
    }),
    /** This agency's part in other agencies' actions, by action code; null where it has none. */
    parts: one(actionParts, 'actionCode'),
  };
}
export type ProgressLoaders = ReturnType<typeof createProgressLoaders>;
