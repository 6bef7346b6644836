import type { AgencyCode, Database } from '@cocuk-koruma/platform';
import DataLoader from 'dataloader';
import { asc, eq, inArray } from 'drizzle-orm';
import {
  actionCollaborators,
  actions,
  agendaItems,
  coordinationBodies,
  decisions,
  dueDateRevisions,
  editionAdoptionDates,
  indicators,
  institutions,
  meetings,
  meetingSnapshots,
  provinces,
  strategicAreas,
  strategicGoals,
  strategyEditions,
  strategyEvents,
  type ActionRow,
  type AdoptionDateRow,
  type AgendaItemRow,
  type DecisionRow,
  type DueDateRevisionRow,
  type MeetingSnapshotRow,
  type AreaRow,
  type CoordinationBodyRow,
  type GoalRow,
  type IndicatorRow,
  type InstitutionRow,
  type MeetingRow,
  type ProvinceRow,
  type StrategyEditionRow,
  type StrategyEventRow,
} from './db/schema.js';
import type { FamilySchema } from './context.js';

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const found = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => found.get(k) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * Per-request loaders: every relationship between the secretariat's rows costs one query per
 * request however many parents ask for it, so a page of N actions is a constant number of queries.
 */
export function createFamilyLoaders(db: Database<FamilySchema>) {
  return {
    action: new DataLoader<string, ActionRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(actions)
          .where(inArray(actions.code, [...codes])),
        (r) => r.code,
      ),
    ),
    actionsByGoal: new DataLoader<string, ActionRow[]>(async (goalCodes) =>
      groupBy(
        goalCodes,
        await db
          .select()
          .from(actions)
          .where(inArray(actions.goalCode, [...goalCodes]))
          .orderBy(asc(actions.position)),
        (r) => r.goalCode,
      ),
    ),
    goal: new DataLoader<string, GoalRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(strategicGoals)
          .where(inArray(strategicGoals.code, [...codes])),
        (r) => r.code,
      ),
    ),
    goalsByArea: new DataLoader<string, GoalRow[]>(async (areaCodes) =>
      groupBy(
        areaCodes,
        await db
          .select()
          .from(strategicGoals)
          .where(inArray(strategicGoals.areaCode, [...areaCodes]))
          .orderBy(asc(strategicGoals.position)),
        (r) => r.areaCode,
      ),
    ),
    area: new DataLoader<string, AreaRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(strategicAreas)
          .where(inArray(strategicAreas.code, [...codes])),
        (r) => r.code,
      ),
    ),
    institution: new DataLoader<string, InstitutionRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(institutions)
          .where(inArray(institutions.code, [...codes])),
        (r) => r.code,
      ),
    ),
    institutionOfAgency: new DataLoader<AgencyCode, InstitutionRow | null>(async (agencies) => {
      const rows = await db
        .select()
        .from(institutions)
        .where(inArray(institutions.agency, [...agencies]));
      const found = new Map(rows.map((r) => [r.agency, r]));
      return agencies.map((a) => found.get(a) ?? null);
    }),
    collaborators: new DataLoader<string, InstitutionRow[]>(async (actionCodes) => {
      const rows = await db
        .select({ actionCode: actionCollaborators.actionCode, institution: institutions })
        .from(actionCollaborators)
        .innerJoin(institutions, eq(institutions.code, actionCollaborators.institutionCode))
        .where(inArray(actionCollaborators.actionCode, [...actionCodes]))
        .orderBy(asc(actionCollaborators.position));
      return groupBy(actionCodes, rows, (r) => r.actionCode).map((group) => group.map((r) => r.institution));
    }),
    indicators: new DataLoader<string, IndicatorRow[]>(async (actionCodes) =>
      groupBy(
        actionCodes,
        await db
          .select()
          .from(indicators)
          .where(inArray(indicators.actionCode, [...actionCodes]))
          .orderBy(asc(indicators.position)),
        (r) => r.actionCode,
      ),
    ),
    province: new DataLoader<string, ProvinceRow | null>(async (plateCodes) =>
      byKey(
        plateCodes,
        await db
          .select()
          .from(provinces)
          .where(inArray(provinces.plateCode, [...plateCodes])),
        (r) => r.plateCode,
      ),
    ),
    provincialBody: new DataLoader<string, CoordinationBodyRow | null>(async (plateCodes) => {
      const rows = await db
        .select()
        .from(coordinationBodies)
        .where(inArray(coordinationBodies.provincePlateCode, [...plateCodes]));
      return byKey(
        plateCodes,
        rows.filter((r) => r.level === 'PROVINCIAL'),
        (r) => r.provincePlateCode ?? '',
      );
    }),
    body: new DataLoader<string, CoordinationBodyRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(coordinationBodies)
          .where(inArray(coordinationBodies.id, [...ids])),
        (r) => r.id,
      ),
    ),
    meetingsByBody: new DataLoader<string, MeetingRow[]>(async (bodyIds) =>
      groupBy(
        bodyIds,
        await db
          .select()
          .from(meetings)
          .where(inArray(meetings.bodyId, [...bodyIds]))
          .orderBy(asc(meetings.date)),
        (r) => r.bodyId,
      ),
    ),
    /** Re-baselinings of each action, oldest first: the last one is the due date in force. */
    dueDateRevisions: new DataLoader<string, DueDateRevisionRow[]>(async (actionCodes) =>
      groupBy(
        actionCodes,
        await db
          .select()
          .from(dueDateRevisions)
          .where(inArray(dueDateRevisions.actionCode, [...actionCodes]))
          .orderBy(asc(dueDateRevisions.revision)),
        (r) => r.actionCode,
      ),
    ),
    meeting: new DataLoader<string, MeetingRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(meetings)
          .where(inArray(meetings.id, [...ids])),
        (r) => r.id,
      ),
    ),
    decision: new DataLoader<string, DecisionRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(decisions)
          .where(inArray(decisions.id, [...ids])),
        (r) => r.id,
      ),
    ),
    decisionsByMeeting: new DataLoader<string, DecisionRow[]>(async (meetingIds) =>
      groupBy(
        meetingIds,
        await db
          .select()
          .from(decisions)
          .where(inArray(decisions.meetingId, [...meetingIds]))
          .orderBy(asc(decisions.position)),
        (r) => r.meetingId,
      ),
    ),
    agendaByMeeting: new DataLoader<string, AgendaItemRow[]>(async (meetingIds) =>
      groupBy(
        meetingIds,
        await db
          .select()
          .from(agendaItems)
          .where(inArray(agendaItems.meetingId, [...meetingIds]))
          .orderBy(asc(agendaItems.position)),
        (r) => r.meetingId,
      ),
    ),
    snapshot: new DataLoader<string, MeetingSnapshotRow | null>(async (meetingIds) =>
      byKey(
        meetingIds,
        await db
          .select()
          .from(meetingSnapshots)
          .where(inArray(meetingSnapshots.meetingId, [...meetingIds])),
        (r) => r.meetingId,
      ),
    ),
    editionsByDocument: new DataLoader<string, StrategyEditionRow[]>(async (documentCodes) =>
      groupBy(
        documentCodes,
        await db
          .select()
          .from(strategyEditions)
          .where(inArray(strategyEditions.documentCode, [...documentCodes]))
          .orderBy(asc(strategyEditions.periodStart)),
        (r) => r.documentCode,
      ),
    ),
    adoptionDates: new DataLoader<string, AdoptionDateRow[]>(async (editionCodes) =>
      groupBy(
        editionCodes,
        await db
          .select()
          .from(editionAdoptionDates)
          .where(inArray(editionAdoptionDates.editionCode, [...editionCodes]))
          .orderBy(asc(editionAdoptionDates.date), asc(editionAdoptionDates.source)),
        (r) => r.editionCode,
      ),
    ),
    events: new DataLoader<string, StrategyEventRow[]>(async (editionCodes) =>
      groupBy(
        editionCodes,
        await db
          .select()
          .from(strategyEvents)
          .where(inArray(strategyEvents.editionCode, [...editionCodes]))
          .orderBy(asc(strategyEvents.date), asc(strategyEvents.kind)),
        (r) => r.editionCode,
      ),
    ),
  };
}
export type FamilyLoaders = ReturnType<typeof createFamilyLoaders>;
