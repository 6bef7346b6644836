import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

// The secretariat's database: the strategy and its legal frame, the adopted plan (areas, goals,
// actions, indicators, the working group), the provinces and the coordination bodies. Every key is
// natural (a code, a plate code, a readable id) so the seed can upsert and a second start adds nothing.

export const agencyCode = pgEnum('agency_code', ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']);
export const workingGroupRole = pgEnum('working_group_role', ['COORDINATOR', 'MEMBER']);
export const indicatorDirection = pgEnum('indicator_direction', ['INCREASE', 'DECREASE', 'MAINTAIN']);
export const periodType = pgEnum('period_type', ['QUARTER', 'YEAR']);
export const coordinationLevel = pgEnum('coordination_level', ['CENTRAL', 'PROVINCIAL', 'DISTRICT']);
export const strategyEventKind = pgEnum('strategy_event_kind', [
  'ADOPTED',
  'REVISION_DECIDED',
  'WORKING_GROUP_MEETING',
  'WORKING_GROUP_MEETING_PLANNED',
  'WORKSHOPS',
  'APPROVED',
]);
export const datePrecision = pgEnum('date_precision', ['DAY', 'MONTH']);

export const strategyDocuments = pgTable('strategy_documents', {
  code: text().primaryKey(),
  title: text().notNull(),
  titleEn: text('title_en').notNull(),
});
export type StrategyDocumentRow = typeof strategyDocuments.$inferSelect;

export const legalReferences = pgTable('legal_references', {
  reference: text().primaryKey(),
  documentCode: text('document_code')
    .notNull()
    .references(() => strategyDocuments.code),
  position: integer().notNull(),
  title: text().notNull(),
  date: date({ mode: 'string' }),
  source: text().notNull(),
});
export type LegalReferenceRow = typeof legalReferences.$inferSelect;

export const strategyEditions = pgTable(
  'strategy_editions',
  {
    code: text().primaryKey(),
    documentCode: text('document_code')
      .notNull()
      .references(() => strategyDocuments.code),
    title: text().notNull(),
    titleEn: text('title_en').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    adoptionDateDisputed: boolean('adoption_date_disputed').notNull(),
    note: text(),
  },
  (t) => [check('strategy_editions_period_order', sql`${t.periodStart} <= ${t.periodEnd}`)],
);
export type StrategyEditionRow = typeof strategyEditions.$inferSelect;

/** One row per source: disagreeing sources on the adoption day are kept side by side. */
export const editionAdoptionDates = pgTable(
  'edition_adoption_dates',
  {
    editionCode: text('edition_code')
      .notNull()
      .references(() => strategyEditions.code),
    date: date({ mode: 'string' }).notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionCode, t.date, t.source] })],
);
export type AdoptionDateRow = typeof editionAdoptionDates.$inferSelect;

export const strategyEvents = pgTable(
  'strategy_events',
  {
    editionCode: text('edition_code')
      .notNull()
      .references(() => strategyEditions.code),
    date: date({ mode: 'string' }).notNull(),
    kind: strategyEventKind().notNull(),
    datePrecision: datePrecision('date_precision').notNull(),
    description: text().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionCode, t.date, t.kind] })],
);
export type StrategyEventRow = typeof strategyEvents.$inferSelect;

export const institutions = pgTable('institutions', {
  code: text().primaryKey(),
  position: integer().notNull(),
  name: text().notNull(),
  nameEn: text('name_en').notNull(),
  agency: agencyCode().unique(),
  role: workingGroupRole().notNull(),
  source: text().notNull(),
});
export type InstitutionRow = typeof institutions.$inferSelect;

export const strategicAreas = pgTable('strategic_areas', {
  code: text().primaryKey(),
  position: integer().notNull(),
  name: text().notNull(),
  nameEn: text('name_en').notNull(),
  description: text().notNull(),
  source: text().notNull(),
});
export type AreaRow = typeof strategicAreas.$inferSelect;

export const strategicGoals = pgTable('strategic_goals', {
  code: text().primaryKey(),
  areaCode: text('area_code')
    .notNull()
    .references(() => strategicAreas.code),
  position: integer().notNull(),
  title: text().notNull(),
  titleEn: text('title_en').notNull(),
  source: text().notNull(),
});
export type GoalRow = typeof strategicGoals.$inferSelect;

/** The plan's rows for all five agencies; progress on the family's own lives in `commitments`. */
export const actions = pgTable(
  'actions',
  {
    code: text().primaryKey(),
    goalCode: text('goal_code')
      .notNull()
      .references(() => strategicGoals.code),
    position: integer().notNull(),
    planVersion: text('plan_version').notNull(),
    title: text().notNull(),
    titleEn: text('title_en').notNull(),
    responsibleAgency: agencyCode('responsible_agency').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The plan's own due date; a re-baselined date lives in `due_date_revisions`, so the seed never overwrites it. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    source: text().notNull(),
    /** Optimistic concurrency for re-baselining; the seed leaves it alone. */
    version: integer().notNull().default(1),
  },
  (t) => [check('actions_date_order', sql`${t.startDate} <= ${t.dueDate}`)],
);
export type ActionRow = typeof actions.$inferSelect;

export const actionCollaborators = pgTable(
  'action_collaborators',
  {
    actionCode: text('action_code')
      .notNull()
      .references(() => actions.code, { onDelete: 'cascade' }),
    institutionCode: text('institution_code')
      .notNull()
      .references(() => institutions.code),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionCode, t.institutionCode] })],
);

export const indicators = pgTable('indicators', {
  code: text().primaryKey(),
  actionCode: text('action_code')
    .notNull()
    .references(() => actions.code, { onDelete: 'cascade' }),
  position: integer().notNull(),
  name: text().notNull(),
  nameEn: text('name_en').notNull(),
  unit: text().notNull(),
  baseline: doublePrecision(),
  target: doublePrecision().notNull(),
  direction: indicatorDirection().notNull(),
  periodType: periodType('period_type').notNull(),
  source: text().notNull(),
});
export type IndicatorRow = typeof indicators.$inferSelect;

export const provinces = pgTable(
  'provinces',
  {
    plateCode: text('plate_code').primaryKey(),
    name: text().notNull().unique(),
  },
  (t) => [check('provinces_plate_code', sql`${t.plateCode} ~ '^(0[1-9]|[1-7][0-9]|8[01])$'`)],
);
export type ProvinceRow = typeof provinces.$inferSelect;

export const coordinationBodies = pgTable(
  'coordination_bodies',
  {
    id: text().primaryKey(),
    level: coordinationLevel().notNull(),
    name: text().notNull(),
    nameEn: text('name_en').notNull(),
    provincePlateCode: text('province_plate_code'),
    district: text(),
    chair: text().notNull(),
    meetingFrequency: text('meeting_frequency').notNull(),
    secretariat: text(),
    note: text(),
    source: text().notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.provincePlateCode], foreignColumns: [provinces.plateCode] }),
    // One body per place: the central one, one per province, one per district.
    unique('coordination_bodies_place').on(t.level, t.provincePlateCode, t.district).nullsNotDistinct(),
    check(
      'coordination_bodies_level_place',
      sql`(${t.level} = 'CENTRAL' and ${t.provincePlateCode} is null and ${t.district} is null)
        or (${t.level} = 'PROVINCIAL' and ${t.provincePlateCode} is not null and ${t.district} is null)
        or (${t.level} = 'DISTRICT' and ${t.provincePlateCode} is not null and ${t.district} is not null)`,
    ),
  ],
);
export type CoordinationBodyRow = typeof coordinationBodies.$inferSelect;

/**
 * Every move of an action's due date, with the reason: the plan's date stays in `actions.due_date`
 * and the highest revision is the date in force.
 */
export const dueDateRevisions = pgTable(
  'due_date_revisions',
  {
    actionCode: text('action_code')
      .notNull()
      .references(() => actions.code, { onDelete: 'cascade' }),
    revision: integer().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    previousDueDate: date('previous_due_date', { mode: 'string' }).notNull(),
    reason: text().notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.actionCode, t.revision] }),
    check('due_date_revisions_revision', sql`${t.revision} >= 1`),
    check('due_date_revisions_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);
export type DueDateRevisionRow = typeof dueDateRevisions.$inferSelect;

export const meetingState = pgEnum('meeting_state', ['OPEN', 'CLOSED']);
export const agendaItemKind = pgEnum('agenda_item_kind', ['GOAL', 'ACTION', 'INDICATOR', 'FOLLOW_UP']);
export const followUpStatus = pgEnum('follow_up_status', ['OPEN', 'DONE']);

export const meetings = pgTable('meetings', {
  id: text().primaryKey(),
  bodyId: text('body_id')
    .notNull()
    .references(() => coordinationBodies.id),
  bodyConfirmed: boolean('body_confirmed').notNull(),
  number: integer(),
  date: date({ mode: 'string' }).notNull(),
  title: text().notNull(),
  summary: text().notNull(),
  /** Decisions as a historic record words them; tracked decisions with an owner are in `decisions`. */
  decisions: text().array().notNull(),
  source: text().notNull(),
  // Rows that predate scheduling are historic records of meetings long held, hence CLOSED by default.
  state: meetingState().notNull().default('CLOSED'),
  minutes: text(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: text('closed_by'),
  version: integer().notNull().default(1),
});
export type MeetingRow = typeof meetings.$inferSelect;

export const decisions = pgTable(
  'decisions',
  {
    /** Readable: `<meeting id>-d<n>`. */
    id: text().primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer().notNull(),
    text: text().notNull(),
    ownerAgency: agencyCode('owner_agency').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: followUpStatus().notNull().default('OPEN'),
    doneNote: text('done_note'),
    doneBy: text('done_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('decisions_meeting_position').on(t.meetingId, t.position),
    index('decisions_owner_status').on(t.ownerAgency, t.status),
  ],
);
export type DecisionRow = typeof decisions.$inferSelect;

export const agendaItems = pgTable(
  'agenda_items',
  {
    /** Readable: `<meeting id>-a<position>`. */
    id: text().primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer().notNull(),
    kind: agendaItemKind().notNull(),
    /** A goal, action or indicator code; for a follow-up, the decision id. */
    refCode: text('ref_code').notNull(),
    note: text(),
    carriedFromDecisionId: text('carried_from_decision_id').references(() => decisions.id),
  },
  (t) => [
    unique('agenda_items_meeting_position').on(t.meetingId, t.position),
    check('agenda_items_follow_up', sql`(${t.kind} = 'FOLLOW_UP') = (${t.carriedFromDecisionId} is not null)`),
  ],
);
export type AgendaItemRow = typeof agendaItems.$inferSelect;

/** The board pack as it stood when the meeting closed; later reports never change it. */
export const meetingSnapshots = pgTable('meeting_snapshots', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  takenBy: text('taken_by').notNull(),
  content: jsonb().notNull(),
});
export type MeetingSnapshotRow = typeof meetingSnapshots.$inferSelect;

/**
 * Every plan action as it stood when a meeting closed, so "since the last meeting" can compare any
 * action's status, not only those the pack listed. Snapshots taken before this table have no rows.
 */
export const meetingSnapshotActions = pgTable(
  'meeting_snapshot_actions',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetingSnapshots.meetingId),
    actionCode: text('action_code').notNull(),
    responsibleAgency: agencyCode('responsible_agency').notNull(),
    // Never null: a meeting closes only once every agency has answered.
    status: text().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    overdue: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.actionCode] })],
);
export type MeetingSnapshotActionRow = typeof meetingSnapshotActions.$inferSelect;

export * from '@cocuk-koruma/domain/progress/tables';
export * from '@cocuk-koruma/domain/audit/tables';
export * from '@cocuk-koruma/domain/idempotency/tables';
