import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { commitments, indicatorMeasurements, progressReports, serviceFigures, type ProgressSchema } from './tables';

export interface CommitmentSeed {
  code: string;
  title: string;
  dueDate: string;
}

export type ProgressReportSeed = Omit<typeof progressReports.$inferInsert, 'id' | 'reportedAt'>;
export type MeasurementSeed = Omit<typeof indicatorMeasurements.$inferInsert, 'id'>;
export type ServiceFigureSeed = Omit<typeof serviceFigures.$inferInsert, 'id'>;

export interface ProgressSeed {
  planVersion: string;
  commitments: CommitmentSeed[];
  reports: ProgressReportSeed[];
  measurements: MeasurementSeed[];
  serviceFigures: ServiceFigureSeed[];
}

/**
 * Idempotent: natural keys make a second start add nothing. Commitments follow the plan in the
 * repo (a new plan version updates title and due date); reports and figures, once stored,
 * belong to the agency and are never overwritten by a seed.
 */
export async function seedProgress<S extends ProgressSchema>(db: Database<S>, seed: ProgressSeed): Promise<void> {
  await db.transaction(async (tx) => {
    if (seed.commitments.length > 0) {
      await tx
        .insert(commitments)
        .values(seed.commitments.map((c) => ({ ...c, planVersion: seed.planVersion })))
        .onConflictDoUpdate({
          target: commitments.code,
          set: {
            planVersion: sql`excluded.plan_version`,
            title: sql`excluded.title`,
            dueDate: sql`excluded.due_date`,
          },
        });
    }
    if (seed.reports.length > 0) await tx.insert(progressReports).values(seed.reports).onConflictDoNothing();
    if (seed.measurements.length > 0) {
      await tx.insert(indicatorMeasurements).values(seed.measurements).onConflictDoNothing();
    }
    if (seed.serviceFigures.length > 0) {
      await tx.insert(serviceFigures).values(seed.serviceFigures).onConflictDoNothing();
    }
  });
}
