import { AGENCIES, groupBy, type AgencyCode } from '@cocuk-koruma/platform';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { z } from 'zod';
import { escalationDays } from './clock.js';
import type { FamilyContext } from './context.js';
import {
  actions,
  agendaItems,
  decisions,
  dueDateRevisions,
  indicators,
  institutions,
  meetings,
  strategicAreas,
  strategicGoals,
  type AgendaItemRow,
  type IndicatorRow,
  type MeetingRow,
} from './db/schema.js';
import { currentDueDate, latenessOf, reasonText } from './deadlines.js';
import type { ActionStatus, StatusCounts } from './generated/resolvers-types.js';
import { readLiveActions, type LiveMeasurement } from './live.js';
import { missingValue, type Missing } from './unavailable.js';

const actionStatus = z.enum(['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED']);
const agency = z.enum(['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']);
const statusCounts = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
  atRisk: z.number(),
  delayed: z.number(),
  completed: z.number(),
  unavailable: z.number(),
});
const boardPackAction = z.object({
  actionCode: z.string(),
  title: z.string(),
  responsibleAgency: agency,
  status: actionStatus.nullable(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  daysOverdue: z.number(),
  escalated: z.boolean(),
  reason: z.string().nullable(),
});

/** The board pack as frozen in `meeting_snapshots.content`; parsed on read so a bad row fails loudly. */
const snapshotContent = z.object({
  format: z.literal(1),
  boardPack: z.object({
    meetingId: z.string(),
    meetingTitle: z.string(),
    meetingDate: z.string(),
    bodyName: z.string(),
    basis: z.enum(['LIVE', 'SNAPSHOT']),
    generatedAt: z.string(),
    byArea: z.array(statusCounts),
    byGoal: z.array(statusCounts),
    byAgency: z.array(statusCounts),
    overdue: z.array(boardPackAction),
    escalated: z.array(boardPackAction),
    indicators: z.array(
      z.object({
        indicatorCode: z.string(),
        actionCode: z.string(),
        name: z.string(),
        unit: z.string(),
        baseline: z.number().nullable(),
        target: z.number(),
        direction: z.enum(['INCREASE', 'DECREASE', 'MAINTAIN']),
        latestPeriod: z.string().nullable(),
        latestValue: z.number().nullable(),
        source: z.string().nullable(),
        onTrack: z.boolean().nullable(),
        // Absent from snapshots frozen before board packs showed the province's own figure.
        provincePlateCode: z.string().nullish(),
        provinceValue: z.number().nullish(),
        provincePeriod: z.string().nullish(),
        provinceSource: z.string().nullish(),
        provinceSuppressed: z.boolean().nullish(),
      }),
    ),
    followUps: z.array(
      z.object({
        decisionId: z.string(),
        meetingId: z.string(),
        text: z.string(),
        ownerAgency: agency,
        dueDate: z.string(),
        status: z.enum(['OPEN', 'DONE']),
        overdue: z.boolean(),
      }),
    ),
  }),
  /** Per agenda item id, the status and value it showed when the meeting closed. */
  agenda: z.record(z.string(), z.object({ status: actionStatus.nullable(), value: z.number().nullable() })),
});
export type SnapshotContent = z.infer<typeof snapshotContent>;
export type AgendaSnapshot = SnapshotContent['agenda'];

export function parseSnapshot(content: unknown, meetingId: string): SnapshotContent {
  const parsed = snapshotContent.safeParse(content);
  if (!parsed.success) throw new Error(`Integrity error: the snapshot of meeting "${meetingId}" is malformed.`);
  return parsed.data;
}

const COUNT_FIELD: Record<ActionStatus, 'notStarted' | 'inProgress' | 'atRisk' | 'delayed' | 'completed'> = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  AT_RISK: 'atRisk',
  DELAYED: 'delayed',
  COMPLETED: 'completed',
};

export function countRow(key: string, label: string, statuses: (ActionStatus | null)[]): StatusCounts {
  const row = {
    key,
    label,
    total: 0,
    notStarted: 0,
    inProgress: 0,
    atRisk: 0,
    delayed: 0,
    completed: 0,
    unavailable: 0,
  };
  for (const status of statuses) {
    row.total += 1;
    if (status) row[COUNT_FIELD[status]] += 1;
    else row.unavailable += 1;
  }
  return row;
}

/**
 * The latest figure of one place: national (`plateCode` null) or one province's; quarters sort
 * lexically. Where the latest period has a shown and a withheld source, the shown one wins.
 */
export function latestOf(
  measurements: readonly LiveMeasurement[],
  indicatorCode: string,
  plateCode: string | null = null,
): LiveMeasurement | null {
  let latest: LiveMeasurement | null = null;
  for (const m of measurements) {
    if (m.indicatorCode !== indicatorCode || m.provincePlateCode !== plateCode) continue;
    if (
      !latest ||
      m.period > latest.period ||
      (m.period === latest.period && (m.value !== null || latest.value === null))
    )
      latest = m;
  }
  return latest;
}

/** The province whose own figures a board's pack shows: a provincial board's, a district board's province. */
function provinceOfBody(body: { level: string; provincePlateCode: string | null } | null | undefined): string | null {
  return body && body.level !== 'CENTRAL' ? body.provincePlateCode : null;
}

/** MAINTAIN counts as on track while the value holds at or above the target level. */
function onTrack(direction: IndicatorRow['direction'], value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return direction === 'DECREASE' ? value <= target : value >= target;
}

type FrozenPack = SnapshotContent['boardPack'];

/**
 * A board-pack row whose value needs an agency that could not be read carries the error naming
 * it; its field resolver answers null with that error. Frozen snapshots never have one.
 */
export type BoardPackActionModel = FrozenPack['overdue'][number] & { unavailable?: GraphQLError };
export type BoardPackIndicatorModel = FrozenPack['indicators'][number] & { unavailable?: GraphQLError };

export interface FrozenAction {
  actionCode: string;
  responsibleAgency: AgencyCode;
  status: ActionStatus | null;
  dueDate: string;
  overdue: boolean;
}

/** What `BoardPack` resolves from: computed live, or frozen in a snapshot (whose rows have no errors). */
export type BoardPackModel = FrozenPack & {
  overdue: BoardPackActionModel[];
  escalated: BoardPackActionModel[];
  indicators: BoardPackIndicatorModel[];
};

export interface LiveBoardPack {
  boardPack: BoardPackModel;
  agenda: AgendaSnapshot;
  /** Every plan action as it stands, frozen row by row when the meeting closes. */
  actions: FrozenAction[];
  /** The actions whose progress could not be read, each with whose answer is missing. */
  missing: Map<string, Missing>;
}

/**
 * Computes a meeting's board pack from the plan here and the agencies' progress read live through
 * the gateway (one request, each agency's summaries). An agency that cannot be read leaves its actions `unavailable`
 * in the counts, its overdue actions' status and its indicators' values null with an error naming
 * it, and the rest of the pack intact.
 */
export async function computeBoardPack(
  ctx: FamilyContext,
  meeting: MeetingRow,
  at: Date,
  agenda: readonly AgendaItemRow[],
): Promise<LiveBoardPack> {
  const today = ctx.clock.today();
  const threshold = escalationDays();
  const db = ctx.familyDb;
  const [body, areaRows, goalRows, actionRows, revisionRows, indicatorRows, institutionRows, decisionRows] =
    await Promise.all([
      ctx.family.body.load(meeting.bodyId),
      db.select().from(strategicAreas).orderBy(asc(strategicAreas.position)),
      db.select().from(strategicGoals).orderBy(asc(strategicGoals.position)),
      db.select().from(actions).orderBy(asc(actions.position)),
      db.select().from(dueDateRevisions).orderBy(asc(dueDateRevisions.revision)),
      db.select().from(indicators).orderBy(asc(indicators.position)),
      db.select().from(institutions),
      db
        .select({ decision: decisions })
        .from(decisions)
        .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
        .where(and(eq(meetings.bodyId, meeting.bodyId), lte(meetings.date, meeting.date)))
        .orderBy(asc(meetings.date), asc(meetings.id), asc(decisions.position)),
    ]);
  const plateCode = provinceOfBody(body);
  const live = await readLiveActions(ctx, actionRows, { measurements: { plateCode } });
  const statusOf = (code: string): ActionStatus | null => live.actions.get(code)?.status ?? null;
  const unavailable = (code: string, consequence: string) => {
    const missing = live.missing.get(code);
    return missing ? { unavailable: missingValue(missing, consequence) } : {};
  };
  const goalArea = new Map(goalRows.map((g) => [g.code, g.areaCode]));
  const historyOf = groupBy(revisionRows, (r) => r.actionCode);
  const statusesBy = <K>(keyOf: (row: (typeof actionRows)[number]) => K) => {
    const groups = groupBy(actionRows, keyOf);
    return (key: K) => (groups.get(key) ?? []).map((a) => statusOf(a.code));
  };

  const overdue: BoardPackActionModel[] = [];
  const frozenActions: FrozenAction[] = [];
  for (const action of actionRows) {
    const history = historyOf.get(action.code) ?? [];
    const dueDate = currentDueDate(action, history);
    const status = statusOf(action.code);
    // A past due date with an unreadable status stays on the list (status null): the board
    // should not lose sight of a late action because its agency's server is down.
    const lateness = latenessOf(dueDate, status ?? 'NOT_STARTED', today);
    frozenActions.push({
      actionCode: action.code,
      responsibleAgency: action.responsibleAgency,
      status,
      dueDate,
      overdue: lateness.overdue === true,
    });
    if (!lateness.overdue || lateness.daysOverdue === null) continue;
    overdue.push({
      actionCode: action.code,
      title: action.title,
      responsibleAgency: action.responsibleAgency,
      status,
      dueDate,
      originalDueDate: action.dueDate,
      daysOverdue: lateness.daysOverdue,
      escalated: lateness.daysOverdue > threshold,
      reason: reasonText(live.actions.get(action.code)?.latestReport, history.at(-1)?.reason),
      ...unavailable(action.code, `the status of ${action.code} is missing from this board pack`),
    });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.actionCode.localeCompare(b.actionCode));

  const indicatorValues = new Map<string, number | null>();
  const indicatorList = indicatorRows.map((indicator): BoardPackIndicatorModel => {
    const measurements = live.measurements.get(indicator.code) ?? [];
    const latest = latestOf(measurements, indicator.code);
    const province = plateCode ? latestOf(measurements, indicator.code, plateCode) : null;
    indicatorValues.set(indicator.code, latest?.value ?? null);
    return {
      indicatorCode: indicator.code,
      actionCode: indicator.actionCode,
      name: indicator.name,
      unit: indicator.unit,
      baseline: indicator.baseline,
      target: indicator.target,
      direction: indicator.direction,
      latestPeriod: latest?.period ?? null,
      latestValue: latest?.value ?? null,
      source: latest?.source ?? null,
      onTrack: onTrack(indicator.direction, latest?.value ?? null, indicator.target),
      provincePlateCode: plateCode,
      provinceValue: province?.value ?? null,
      provincePeriod: province?.period ?? null,
      provinceSource: province?.source ?? null,
      provinceSuppressed: plateCode ? (province?.suppressed ?? false) : null,
      ...unavailable(
        indicator.actionCode,
        `the latest value of indicator ${indicator.code} is missing from this board pack`,
      ),
    };
  });

  const agendaSnapshot: AgendaSnapshot = {};
  const indicatorAction = new Map(indicatorRows.map((i) => [i.code, i.actionCode]));
  for (const item of agenda) {
    if (item.kind === 'ACTION') agendaSnapshot[item.id] = { status: statusOf(item.refCode), value: null };
    else if (item.kind === 'INDICATOR') {
      const actionCode = indicatorAction.get(item.refCode);
      agendaSnapshot[item.id] = {
        status: actionCode ? statusOf(actionCode) : null,
        value: indicatorValues.get(item.refCode) ?? null,
      };
    } else agendaSnapshot[item.id] = { status: null, value: null };
  }

  const ofArea = statusesBy((a) => goalArea.get(a.goalCode));
  const ofGoal = statusesBy((a) => a.goalCode);
  const ofAgency = statusesBy((a) => a.responsibleAgency);
  const agencyLabel = new Map(institutionRows.filter((i) => i.agency).map((i) => [i.agency, i.name]));
  return {
    boardPack: {
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingDate: meeting.date,
      bodyName: body?.name ?? meeting.bodyId,
      basis: 'LIVE',
      generatedAt: at.toISOString(),
      byArea: areaRows.map((area) => countRow(area.code, area.name, ofArea(area.code))),
      byGoal: goalRows.map((goal) => countRow(goal.code, goal.title, ofGoal(goal.code))),
      byAgency: AGENCIES.map((a) => countRow(a.code, agencyLabel.get(a.code) ?? a.nameEn, ofAgency(a.code))),
      overdue,
      escalated: overdue.filter((a) => a.escalated),
      indicators: indicatorList,
      followUps: decisionRows.map(({ decision }) => ({
        decisionId: decision.id,
        meetingId: decision.meetingId,
        text: decision.text,
        ownerAgency: decision.ownerAgency,
        dueDate: decision.dueDate,
        status: decision.status,
        overdue: decision.status === 'OPEN' && decision.dueDate < today,
      })),
    },
    agenda: agendaSnapshot,
    actions: frozenActions,
    missing: live.missing,
  };
}

/** Agenda items of a meeting, in order; used when the request's loader is not at hand (inside a transaction). */
export async function agendaOf(ctx: FamilyContext, meetingId: string): Promise<AgendaItemRow[]> {
  return await ctx.familyDb
    .select()
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, [meetingId]))
    .orderBy(asc(agendaItems.position));
}
