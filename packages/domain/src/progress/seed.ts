import { sql } from 'drizzle-orm';
import type { AgencyCode, Database } from '@cocuk-koruma/platform';
import {
  actionParts,
  commitments,
  indicatorMeasurements,
  progressReports,
  serviceFigures,
  type ProgressSchema,
} from './tables.js';

export interface CommitmentSeed {
  code: string;
  title: string;
  dueDate: string;
}

export type ProgressReportSeed = Omit<typeof progressReports.$inferInsert, 'id' | 'reportedAt'>;
export type MeasurementSeed = Omit<typeof indicatorMeasurements.$inferInsert, 'id'>;
export type ServiceFigureSeed = Omit<typeof serviceFigures.$inferInsert, 'id'>;

/** A part the plan gives this agency in another agency's action; it starts PENDING. */
export interface PartSeed {
  actionCode: string;
  responsibleAgency: string;
}

/** The plan's view of an action, as far as parts need it (the plan package's actions have this shape). */
export interface PlannedCollaboration {
  code: string;
  responsible: string;
  /** Institution codes; the five agencies' institution codes equal their agency codes. */
  collaborators: readonly string[];
}

/** The parts the plan gives `agency`: every action whose collaborators include it. */
export function partsOf(actions: readonly PlannedCollaboration[], agency: AgencyCode): PartSeed[] {
  return actions
    .filter((a) => a.collaborators.includes(agency))
    .map((a) => ({ actionCode: a.code, responsibleAgency: a.responsible }));
}

/** How example content is labelled, so no reader takes it for the official record. */
export const EXAMPLE_SOURCE = 'example';

/** An example progress report, its narrative labelled as such in Turkish and English. */
export function exampleReport(
  actionCode: string,
  period: string,
  status: ProgressReportSeed['status'],
  percentComplete: number,
  tr: string,
  en: string,
): ProgressReportSeed {
  return {
    actionCode,
    period,
    status,
    percentComplete,
    narrative: `Örnek rapor: ${tr} (Example report: ${en})`,
    source: EXAMPLE_SOURCE,
  };
}

export interface ProgressSeed {
  planVersion: string;
  commitments: CommitmentSeed[];
  reports: ProgressReportSeed[];
  measurements: MeasurementSeed[];
  serviceFigures: ServiceFigureSeed[];
  parts: PartSeed[];
}

/**
 * Idempotent: natural keys make a second start add nothing. Commitments follow the plan in the
 * repo (a new plan version updates title and due date); reports and figures, once stored,
 * belong to the agency and are never overwritten by a seed. A part is added PENDING when the plan
 * first lists the agency as a collaborator; the agency's answer is never reset by a later start.
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
    if (seed.parts.length > 0) {
      await tx
        .insert(actionParts)
        .values(seed.parts)
        .onConflictDoUpdate({
          target: actionParts.actionCode,
          set: { responsibleAgency: sql`excluded.responsible_agency` },
          // Only when the plan moved the action to another agency: an unchanged start writes nothing.
          setWhere: sql`${actionParts.responsibleAgency} is distinct from excluded.responsible_agency`,
        });
    }
  });
}
