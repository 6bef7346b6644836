import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Tables every agency database holds for the actions it is responsible for. Each subgraph's
 * drizzle schema re-exports them, so drizzle-kit writes them into that agency's own migrations.
 */
/**
 * A report's place in the approval workflow: DRAFT -> SUBMITTED -> APPROVED, or RETURNED with a
 * comment and back to DRAFT. APPROVED is locked; a correction is a new revision of the period.
 */
export const reportState = pgEnum('report_state', ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']);
export type ReportState = (typeof reportState.enumValues)[number];

export const actionStatus = pgEnum('action_status', ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED']);

/** The actions the adopted plan assigns to this agency, imported from the plan in the repo. */
export const commitments = pgTable('commitments', {
  code: text().primaryKey(),
  planVersion: text('plan_version').notNull(),
  title: text().notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).defaultNow().notNull(),
});
export type CommitmentRow = typeof commitments.$inferSelect;

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid().defaultRandom().primaryKey(),
    actionCode: text('action_code')
      .notNull()
      .references(() => commitments.code),
    period: text().notNull(),
    status: actionStatus().notNull(),
    percentComplete: integer('percent_complete').notNull(),
    narrative: text().notNull(),
    source: text().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).defaultNow().notNull(),
    /** Who filed the current version: a username from the token, or `seed` for example data. */
    reportedBy: text('reported_by').notNull().default('seed'),
    /** Optimistic concurrency: every write names the version it read. */
    version: integer().notNull().default(1),
    /** Seeded example reports count as approved; reports filed through the API start as drafts. */
    state: reportState().notNull().default('APPROVED'),
    /** 1 for a period's first report; each correction of an approved report is the next revision. */
    revision: integer().notNull().default(1),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    /**
     * Everyone who wrote this revision (saved any draft of it, or opened it as a correction) or
     * submitted it: none of them may approve or return it (the four-eyes rule).
     */
    authors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('progress_reports_action_period_revision').on(t.actionCode, t.period, t.revision),
    check('progress_reports_percent_range', sql`${t.percentComplete} between 0 and 100`),
    check('progress_reports_period_format', sql`${t.period} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);
export type ProgressReportRow = typeof progressReports.$inferSelect;

export const indicatorMeasurements = pgTable(
  'indicator_measurements',
  {
    id: uuid().defaultRandom().primaryKey(),
    actionCode: text('action_code')
      .notNull()
      .references(() => commitments.code),
    indicatorCode: text('indicator_code').notNull(),
    period: text().notNull(),
    asOf: date('as_of', { mode: 'string' }),
    provincePlateCode: text('province_plate_code'),
    value: doublePrecision().notNull(),
    source: text().notNull(),
    /** Optimistic concurrency: every write names the version it read. */
    version: integer().notNull().default(1),
    /** Who recorded the current value: a username from the token, or `seed` for example data. */
    recordedBy: text('recorded_by').notNull().default('seed'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique('indicator_measurements_natural_key')
      .on(t.indicatorCode, t.period, t.provincePlateCode, t.source)
      .nullsNotDistinct(),
    check('indicator_measurements_period_format', sql`${t.period} ~ '^[0-9]{4}-Q[1-4]$'`),
    check('indicator_measurements_plate_code', sql`${t.provincePlateCode} ~ '^(0[1-9]|[1-7][0-9]|8[01])$'`),
  ],
);
export type IndicatorMeasurementRow = typeof indicatorMeasurements.$inferSelect;

export const serviceFigures = pgTable(
  'service_figures',
  {
    id: uuid().defaultRandom().primaryKey(),
    metric: text().notNull(),
    labelTr: text('label_tr').notNull(),
    labelEn: text('label_en').notNull(),
    value: doublePrecision().notNull(),
    unit: text().notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: text().notNull(),
    note: text(),
  },
  (t) => [unique('service_figures_natural_key').on(t.metric, t.asOf, t.source)],
);
export type ServiceFigureRow = typeof serviceFigures.$inferSelect;

/** Where an agency stands on the part the plan gives it in another agency's action. */
export const partAcceptance = pgEnum('part_acceptance', ['PENDING', 'ACCEPTED', 'DECLINED']);
export type PartAcceptance = (typeof partAcceptance.enumValues)[number];

/**
 * This agency's part in actions of other agencies that list it as a collaborator. The action
 * lives in the responsible agency's database, so `action_code` references nothing here.
 */
export const actionParts = pgTable(
  'action_parts',
  {
    actionCode: text('action_code').primaryKey(),
    responsibleAgency: text('responsible_agency').notNull(),
    acceptance: partAcceptance().notNull().default('PENDING'),
    /** Why the agency declined (required then) or any note on accepting. */
    reason: text(),
    contributionStatus: actionStatus('contribution_status').notNull().default('NOT_STARTED'),
    evidence: text(),
    /** Optimistic concurrency: every write names the version it read. */
    version: integer().notNull().default(1),
    /** Who made the current version: a username from the token, or `seed` for the plan import. */
    updatedBy: text('updated_by').notNull().default('seed'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    // The API already refuses this; the database keeps the rule too, for writes that bypass it.
    check(
      'action_parts_declined_with_reason',
      sql`${t.acceptance} <> 'DECLINED' or (${t.reason} is not null and btrim(${t.reason}) <> '')`,
    ),
  ],
);
export type ActionPartRow = typeof actionParts.$inferSelect;

export const progressTables = {
  reportState,
  actionStatus,
  commitments,
  progressReports,
  indicatorMeasurements,
  serviceFigures,
  partAcceptance,
  actionParts,
};
export type ProgressSchema = typeof progressTables;
