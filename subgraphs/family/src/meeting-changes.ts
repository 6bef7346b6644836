import { AGENCIES, groupBy, notFound, type AgencyCode } from '@cocuk-koruma/platform';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { latestOf, parseSnapshot } from './board-pack.js';
import type { FamilyContext } from './context.js';
import {
  actions,
  decisions,
  dueDateRevisions,
  indicators,
  meetingSnapshotActions,
  meetingSnapshots,
  meetings,
  type MeetingRow,
} from './db/schema.js';
import { currentDueDate, isActionStatus, latenessOf } from './deadlines.js';
import type {
  ActionStatus,
  BoardPackFollowUp,
  ChangedAction,
  IndicatorMovement,
  RebaselinedAction,
  ReportReview,
  StatusChange,
} from './generated/resolvers-types.js';
import { readLiveActions } from './live.js';
import { missingValue } from './unavailable.js';

/**
 * One agency's changes. The lists built from that agency's own data carry `unavailable` instead
 * when it could not be read: their field resolvers then answer null with that error.
 */
export interface AgencyChangesModel {
  agency: AgencyCode;
  available: boolean;
  unavailable?: GraphQLError;
  statusChanges: StatusChange[];
  reportReviews: ReportReview[];
  newlyOverdue: ChangedAction[];
  indicatorMovements: IndicatorMovement[];
  rebaselined: RebaselinedAction[];
  decisionsDone: BoardPackFollowUp[];
  decisionsLate: BoardPackFollowUp[];
}

export interface MeetingChangesModel {
  bodyId: string;
  since: MeetingRow | null;
  sinceClosedAt: Date | null;
  baselineComplete: boolean;
  generatedAt: Date;
  agencies: AgencyChangesModel[];
}

/** The body's latest meeting that closed with a snapshot; historic records carry none. */
async function lastClosedMeeting(ctx: FamilyContext, bodyId: string): Promise<MeetingRow | null> {
  const [row] = await ctx.familyDb
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(meetingSnapshots, eq(meetingSnapshots.meetingId, meetings.id))
    .where(and(eq(meetings.bodyId, bodyId), eq(meetings.state, 'CLOSED'), isNotNull(meetings.closedAt)))
    .orderBy(desc(meetings.closedAt), desc(meetings.date))
    .limit(1);
  return row?.meeting ?? null;
}

/**
 * Compares today's data with the snapshot frozen when the body's last meeting closed. The other
 * agencies are read once, in one request through the gateway, however many actions there are.
 */
export async function changesSinceLastMeeting(ctx: FamilyContext, bodyId: string): Promise<MeetingChangesModel> {
  const body = await ctx.family.body.load(bodyId);
  if (!body) throw notFound('coordination body', bodyId);
  const generatedAt = ctx.clock.now();
  const since = await lastClosedMeeting(ctx, bodyId);
  if (!since?.closedAt) {
    return { bodyId, since: null, sinceClosedAt: null, baselineComplete: true, generatedAt, agencies: [] };
  }
  const closedAt = since.closedAt;
  const today = ctx.clock.today();
  const db = ctx.familyDb;
  const [snapshotRow, frozenRows, actionRows, revisionRows, indicatorRows, decisionRows] = await Promise.all([
    ctx.family.snapshot.load(since.id),
    db.select().from(meetingSnapshotActions).where(eq(meetingSnapshotActions.meetingId, since.id)),
    db.select().from(actions).orderBy(asc(actions.position)),
    db.select().from(dueDateRevisions).orderBy(asc(dueDateRevisions.revision)),
    db.select().from(indicators).orderBy(asc(indicators.position)),
    db
      .select({ decision: decisions })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(eq(meetings.bodyId, bodyId))
      .orderBy(asc(meetings.date), asc(meetings.id), asc(decisions.position)),
  ]);
  if (!snapshotRow) throw new Error(`Integrity error: the snapshot of meeting "${since.id}" is missing.`);
  const pack = parseSnapshot(snapshotRow.content, since.id).boardPack;
  const live = await readLiveActions(ctx, actionRows, {
    measurements: { plateCode: null },
    reviewedSince: closedAt,
  });

  // Snapshots older than the per-action rows froze the status of the overdue actions only.
  const baselineComplete = frozenRows.length > 0;
  const thenStatus = new Map<string, ActionStatus>();
  const thenOverdue = new Set<string>();
  if (baselineComplete) {
    for (const row of frozenRows) {
      if (isActionStatus(row.status)) thenStatus.set(row.actionCode, row.status);
      if (row.overdue) thenOverdue.add(row.actionCode);
    }
  } else {
    for (const row of pack.overdue) {
      if (row.status) thenStatus.set(row.actionCode, row.status);
      thenOverdue.add(row.actionCode);
    }
  }
  const thenIndicator = new Map(pack.indicators.map((i) => [i.indicatorCode, i]));
  const revisionsOf = groupBy(revisionRows, (r) => r.actionCode);
  const indicatorsOf = groupBy(indicatorRows, (i) => i.actionCode);
  const actionsOf = groupBy(actionRows, (a) => a.responsibleAgency);

  const agencies = AGENCIES.map(({ code: agency }): AgencyChangesModel => {
    const own = actionsOf.get(agency) ?? [];
    const ownCodes = new Set(own.map((a) => a.code));
    const titleOf = new Map(own.map((a) => [a.code, a.title]));
    const missing = own.map((a) => live.missing.get(a.code)).find((m) => m !== undefined);
    const model: AgencyChangesModel = {
      agency,
      available: missing === undefined,
      statusChanges: [],
      reportReviews: [],
      newlyOverdue: [],
      indicatorMovements: [],
      rebaselined: revisionRows
        .filter((r) => ownCodes.has(r.actionCode) && r.changedAt > closedAt)
        .map((r) => ({
          actionCode: r.actionCode,
          title: titleOf.get(r.actionCode) ?? r.actionCode,
          revision: r.revision,
          previousDueDate: r.previousDueDate,
          dueDate: r.dueDate,
          reason: r.reason,
          changedBy: r.changedBy,
          changedAt: r.changedAt,
        })),
      decisionsDone: [],
      decisionsLate: [],
    };
    for (const { decision } of decisionRows) {
      if (decision.ownerAgency !== agency) continue;
      const followUp: BoardPackFollowUp = {
        decisionId: decision.id,
        meetingId: decision.meetingId,
        text: decision.text,
        ownerAgency: decision.ownerAgency,
        dueDate: decision.dueDate,
        status: decision.status,
        overdue: decision.status === 'OPEN' && decision.dueDate < today,
      };
      if (decision.status === 'DONE' && decision.doneAt && decision.doneAt > closedAt)
        model.decisionsDone.push(followUp);
      if (followUp.overdue) model.decisionsLate.push(followUp);
    }
    if (missing !== undefined) {
      model.unavailable = missingValue(
        missing,
        `its changes since meeting ${since.id} are unknown (not "no change") until it answers`,
      );
      return model;
    }
    for (const action of own) {
      const now = live.actions.get(action.code);
      if (!now) continue;
      const before = thenStatus.get(action.code);
      if (before && before !== now.status) {
        model.statusChanges.push({ actionCode: action.code, title: action.title, from: before, to: now.status });
      }
      for (const report of now.reports) {
        if (report.state !== 'APPROVED' && report.state !== 'RETURNED') continue;
        if (!report.reviewedAt || new Date(report.reviewedAt) <= closedAt) continue;
        model.reportReviews.push({ actionCode: action.code, ...report, reviewedAt: report.reviewedAt });
      }
      const dueDate = currentDueDate(action, revisionsOf.get(action.code) ?? []);
      const lateness = latenessOf(dueDate, now.status, today);
      if (lateness.overdue && !thenOverdue.has(action.code)) {
        model.newlyOverdue.push({
          actionCode: action.code,
          title: action.title,
          dueDate,
          daysOverdue: lateness.daysOverdue ?? 0,
          status: now.status,
        });
      }
      for (const indicator of indicatorsOf.get(action.code) ?? []) {
        const latest = latestOf(live.measurements.get(indicator.code) ?? [], indicator.code);
        const then = thenIndicator.get(indicator.code);
        const thenValue = then?.latestValue ?? null;
        const nowValue = latest?.value ?? null;
        if (thenValue === nowValue && (then?.latestPeriod ?? null) === (latest?.period ?? null)) continue;
        model.indicatorMovements.push({
          indicatorCode: indicator.code,
          actionCode: action.code,
          name: indicator.name,
          unit: indicator.unit,
          thenValue,
          thenPeriod: then?.latestPeriod ?? null,
          nowValue,
          nowPeriod: latest?.period ?? null,
          change: thenValue !== null && nowValue !== null ? nowValue - thenValue : null,
        });
      }
    }
    model.reportReviews.sort((a, b) => String(a.reviewedAt).localeCompare(String(b.reviewedAt)));
    return model;
  });
  return { bodyId, since, sinceClosedAt: closedAt, baselineComplete, generatedAt, agencies };
}

/** Field resolvers of the lists that need the agency's own data: null, with its error, when it was down. */
function live<K extends 'statusChanges' | 'reportReviews' | 'newlyOverdue' | 'indicatorMovements'>(key: K) {
  return (model: AgencyChangesModel): AgencyChangesModel[K] => {
    if (model.unavailable) throw model.unavailable;
    return model[key];
  };
}

export const agencyChangesFields = {
  statusChanges: live('statusChanges'),
  reportReviews: live('reportReviews'),
  newlyOverdue: live('newlyOverdue'),
  indicatorMovements: live('indicatorMovements'),
};
