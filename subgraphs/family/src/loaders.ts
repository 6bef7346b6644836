import { groupedLoader, tableLoaders, type Database } from '@cocuk-koruma/platform';
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
} from './db/schema.js';
import type { FamilySchema } from './context.js';

/**
 * Per-request loaders: every relationship between the secretariat's rows costs one query per
 * request however many parents ask for it, so a page of N actions is a constant number of queries.
 */
export function createFamilyLoaders(db: Database<FamilySchema>) {
  const { one, many } = tableLoaders(db);
  return {
    action: one(actions, 'code'),
    actionsByGoal: many(actions, 'goalCode', { orderBy: [asc(actions.position)] }),
    goal: one(strategicGoals, 'code'),
    goalsByArea: many(strategicGoals, 'areaCode', { orderBy: [asc(strategicGoals.position)] }),
    area: one(strategicAreas, 'code'),
    institution: one(institutions, 'code'),
    institutionOfAgency: one(institutions, 'agency'),
    // The institutions come with their collaborations in one join, not through `institution`.
    collaborators: groupedLoader(
      (actionCodes: string[]) =>
        db
          .select({ actionCode: actionCollaborators.actionCode, institution: institutions })
          .from(actionCollaborators)
          .innerJoin(institutions, eq(institutions.code, actionCollaborators.institutionCode))
          .where(inArray(actionCollaborators.actionCode, actionCodes))
          .orderBy(asc(actionCollaborators.position)),
      (r) => r.actionCode,
      (r) => r.institution,
    ),
    indicators: many(indicators, 'actionCode', { orderBy: [asc(indicators.position)] }),
    indicator: one(indicators, 'code'),
    province: one(provinces, 'plateCode'),
    provincialBody: one(coordinationBodies, 'provincePlateCode', {
      where: eq(coordinationBodies.level, 'PROVINCIAL'),
    }),
    body: one(coordinationBodies, 'id'),
    meetingsByBody: many(meetings, 'bodyId', { orderBy: [asc(meetings.date)] }),
    /** Re-baselinings of each action, oldest first: the last one is the due date in force. */
    dueDateRevisions: many(dueDateRevisions, 'actionCode', { orderBy: [asc(dueDateRevisions.revision)] }),
    meeting: one(meetings, 'id'),
    decision: one(decisions, 'id'),
    decisionsByMeeting: many(decisions, 'meetingId', { orderBy: [asc(decisions.position)] }),
    agendaByMeeting: many(agendaItems, 'meetingId', { orderBy: [asc(agendaItems.position)] }),
    snapshot: one(meetingSnapshots, 'meetingId'),
    editionsByDocument: many(strategyEditions, 'documentCode', { orderBy: [asc(strategyEditions.periodStart)] }),
    adoptionDates: many(editionAdoptionDates, 'editionCode', {
      orderBy: [asc(editionAdoptionDates.date), asc(editionAdoptionDates.source)],
    }),
    events: many(strategyEvents, 'editionCode', {
      orderBy: [asc(strategyEvents.date), asc(strategyEvents.kind)],
    }),
  };
}
export type FamilyLoaders = ReturnType<typeof createFamilyLoaders>;
