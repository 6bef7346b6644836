import { partsOf, seedProgress, type ProgressSeed } from '@cocuk-koruma/domain';
import type { Database } from '@cocuk-koruma/platform';
import { commitmentsOf, plan } from '@cocuk-koruma/plan';
import { getTableColumns, notInArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FamilySchema } from '../context.js';
import {
  actionCollaborators,
  actions,
  coordinationBodies,
  editionAdoptionDates,
  indicators,
  institutions,
  legalReferences,
  meetings,
  provinces,
  strategicAreas,
  strategicGoals,
  strategyDocuments,
  strategyEditions,
  strategyEvents,
} from '../db/schema.js';
import { centralBody, provincialBody, recordedMeetings } from './coordination.js';
import { exampleMeasurements, exampleReports } from './example-progress.js';
import { actionRows, areaRows, collaboratorRows, goalRows, indicatorRows, institutionRows } from './plan.js';
import { provinceSeeds } from './provinces.js';
import { serviceFigures } from './service-figures.js';
import { adoptionDates, editions, events, legalBasis, strategyDocument } from './strategy.js';

/** The family ministry's own actions, tracked in the shared progress tables like every agency's. */
export const progressSeed: ProgressSeed = {
  planVersion: plan.planVersion,
  commitments: commitmentsOf('FAMILY').map((a) => ({ code: a.code, title: a.titleTr, dueDate: a.dueDate })),
  reports: exampleReports,
  measurements: exampleMeasurements,
  serviceFigures,
  parts: partsOf(plan.actions, 'FAMILY'),
};

/** `set` of an upsert: every column but the key takes the seeded value. */
function fromExcluded(table: PgTable, key: string[]): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([name]) => !key.includes(name))
      .map(([name, column]) => [name, sql.raw(`excluded."${column.name}"`)]),
  );
}

/**
 * Idempotent: every row has a natural key, so a second start adds nothing. The repo is the source
 * of truth for this reference data, so a changed row is updated, and plan rows the plan no longer
 * has are removed (progress on them stays in the progress tables, which do not reference these).
 */
export async function seed(db: Database<FamilySchema>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(strategyDocuments)
      .values(strategyDocument)
      .onConflictDoUpdate({ target: strategyDocuments.code, set: fromExcluded(strategyDocuments, ['code']) });
    await tx
      .insert(legalReferences)
      .values(legalBasis)
      .onConflictDoUpdate({ target: legalReferences.reference, set: fromExcluded(legalReferences, ['reference']) });
    await tx
      .insert(strategyEditions)
      .values(editions)
      .onConflictDoUpdate({ target: strategyEditions.code, set: fromExcluded(strategyEditions, ['code']) });
    await tx.insert(editionAdoptionDates).values(adoptionDates).onConflictDoNothing();
    await tx
      .insert(strategyEvents)
      .values(events)
      .onConflictDoUpdate({
        target: [strategyEvents.editionCode, strategyEvents.date, strategyEvents.kind],
        set: fromExcluded(strategyEvents, ['editionCode', 'date', 'kind']),
      });

    await tx
      .insert(institutions)
      .values(institutionRows)
      .onConflictDoUpdate({ target: institutions.code, set: fromExcluded(institutions, ['code']) });
    await tx
      .insert(strategicAreas)
      .values(areaRows)
      .onConflictDoUpdate({ target: strategicAreas.code, set: fromExcluded(strategicAreas, ['code']) });
    await tx
      .insert(strategicGoals)
      .values(goalRows)
      .onConflictDoUpdate({ target: strategicGoals.code, set: fromExcluded(strategicGoals, ['code']) });
    await tx
      .insert(actions)
      .values(actionRows)
      // version counts re-baselinings, which are the secretariat's data, not the plan's.
      .onConflictDoUpdate({ target: actions.code, set: fromExcluded(actions, ['code', 'version']) });
    await tx.delete(actionCollaborators).where(
      notInArray(
        sql`${actionCollaborators.actionCode} || '/' || ${actionCollaborators.institutionCode}`,
        collaboratorRows.map((c) => `${c.actionCode}/${c.institutionCode}`),
      ),
    );
    if (collaboratorRows.length > 0) {
      await tx
        .insert(actionCollaborators)
        .values(collaboratorRows)
        .onConflictDoUpdate({
          target: [actionCollaborators.actionCode, actionCollaborators.institutionCode],
          set: fromExcluded(actionCollaborators, ['actionCode', 'institutionCode']),
        });
    }
    await tx.delete(indicators).where(
      notInArray(
        indicators.code,
        indicatorRows.map((i) => i.code),
      ),
    );
    if (indicatorRows.length > 0) {
      await tx
        .insert(indicators)
        .values(indicatorRows)
        .onConflictDoUpdate({ target: indicators.code, set: fromExcluded(indicators, ['code']) });
    }
    await tx.delete(actions).where(
      notInArray(
        actions.code,
        actionRows.map((a) => a.code),
      ),
    );
    await tx.delete(strategicGoals).where(
      notInArray(
        strategicGoals.code,
        goalRows.map((g) => g.code),
      ),
    );
    await tx.delete(strategicAreas).where(
      notInArray(
        strategicAreas.code,
        areaRows.map((a) => a.code),
      ),
    );
    await tx.delete(institutions).where(
      notInArray(
        institutions.code,
        institutionRows.map((i) => i.code),
      ),
    );

    await tx
      .insert(provinces)
      .values(provinceSeeds)
      .onConflictDoUpdate({ target: provinces.plateCode, set: fromExcluded(provinces, ['plateCode']) });
    await tx
      .insert(coordinationBodies)
      .values([centralBody, ...provinceSeeds.map(provincialBody)])
      .onConflictDoUpdate({ target: coordinationBodies.id, set: fromExcluded(coordinationBodies, ['id']) });
    await tx
      .insert(meetings)
      .values(recordedMeetings)
      .onConflictDoUpdate({ target: meetings.id, set: fromExcluded(meetings, ['id']) });
  });
  await seedProgress(db, progressSeed);
}
