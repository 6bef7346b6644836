import { versionedWrite } from '@cocuk-koruma/domain';
import { assertSecretariat, badUserInput, groupBy, notFound, parseArgs } from '@cocuk-koruma/platform';
import { asc, eq } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { z } from 'zod';
import { daysBetween, escalationDays } from '../clock.js';
import type { FamilyContext } from '../context.js';
import { actions, dueDateRevisions, type ActionRow } from '../db/schema.js';
import { currentDueDate, latenessOf, reasonText, statusForLateness } from '../deadlines.js';
import type { ActionStatus, AgencyCode, Resolvers } from '../generated/resolvers-types.js';
import { readLiveActions } from '../live.js';
import { missingValue } from '../unavailable.js';

/** What `Escalation` resolves from; `action` is the plan row, resolved as the `Action` entity. */
export interface EscalationModel {
  action: ActionRow;
  actionCode: string;
  title: string;
  responsibleAgency: AgencyCode;
  dueDate: string;
  originalDueDate: string;
  daysOverdue: number;
  /** Null when the responsible agency could not be read; `unavailable` then says why. */
  status: ActionStatus | null;
  unavailable: GraphQLError | null;
  reportPeriod: string | null;
  reportNarrative: string | null;
  rebaselineReason: string | null;
  reason: string | null;
  escalated: boolean;
}

const rebaselineInput = z.object({
  actionCode: z.string().trim().min(1, 'must not be empty').max(64),
  newDueDate: z.iso.date('must be a date such as 2027-06-30'),
  reason: z
    .string('must say why the due date moves')
    .trim()
    .min(1, 'must say why the due date moves')
    .max(2_000, 'must be at most 2000 characters'),
  expectedVersion: z.number().int().min(1, 'must be the version you read (1 or more)'),
});

const escalationArgs = z.object({
  afterDays: z.number().int().min(0, 'must be 0 or more days').max(36_500).nullish(),
  first: z.number().int().min(1, 'must be 1 or more').max(500, 'may be at most 500').nullish(),
});

/** Due-date fields every action type shares: the plan's date, its revisions and lateness. */
export const actionDeadlineFields = {
  originalDueDate: (action: ActionRow) => action.dueDate,
  dueDate: async (action: ActionRow, _args: unknown, ctx: FamilyContext) =>
    currentDueDate(action, await ctx.family.dueDateRevisions.load(action.code)),
  dueDateHistory: (action: ActionRow, _args: unknown, ctx: FamilyContext) =>
    ctx.family.dueDateRevisions.load(action.code),
  version: (action: ActionRow) => action.version,
  overdue: async (action: ActionRow, _args: unknown, ctx: FamilyContext) => {
    const due = currentDueDate(action, await ctx.family.dueDateRevisions.load(action.code));
    return latenessOf(due, await statusForLateness(action, ctx), ctx.clock.today()).overdue;
  },
  daysOverdue: async (action: ActionRow, _args: unknown, ctx: FamilyContext) => {
    const due = currentDueDate(action, await ctx.family.dueDateRevisions.load(action.code));
    return latenessOf(due, await statusForLateness(action, ctx), ctx.clock.today()).daysOverdue;
  },
};

/** Actions overdue by more than `afterDays`, most overdue first, with their owners' reasons. */
export async function escalationsOf(ctx: FamilyContext, afterDays: number): Promise<EscalationModel[]> {
  const today = ctx.clock.today();
  const threshold = escalationDays();
  const [rows, revisions] = await Promise.all([
    ctx.familyDb.select().from(actions).orderBy(asc(actions.position)),
    ctx.familyDb.select().from(dueDateRevisions).orderBy(asc(dueDateRevisions.revision)),
  ]);
  const byAction = groupBy(revisions, (r) => r.actionCode);
  const revisionsOf = (code: string) => byAction.get(code) ?? [];
  // Only actions late enough by date alone need their status read from the agencies.
  const candidates = rows.filter((a) => daysBetween(currentDueDate(a, revisionsOf(a.code)), today) > afterDays);
  const live = await readLiveActions(ctx, candidates);
  const escalations: EscalationModel[] = [];
  for (const action of candidates) {
    const history = revisionsOf(action.code);
    const dueDate = currentDueDate(action, history);
    const progress = live.actions.get(action.code);
    const missing = live.missing.get(action.code);
    // An action whose status cannot be read stays on the list, late by its date alone, with its
    // status null and an error naming its agency: the board must not lose sight of it because
    // that agency's server is down, nor be told it is escalated on a guess.
    const { overdue, daysOverdue } = latenessOf(dueDate, progress?.status ?? 'NOT_STARTED', today);
    if (!overdue || daysOverdue === null || daysOverdue <= afterDays) continue;
    const rebaselineReason = history.at(-1)?.reason ?? null;
    escalations.push({
      action,
      actionCode: action.code,
      title: action.title,
      responsibleAgency: action.responsibleAgency,
      dueDate,
      originalDueDate: action.dueDate,
      daysOverdue,
      status: progress?.status ?? null,
      unavailable: missing
        ? missingValue(missing, `the status of ${action.code}, and so whether it is still late, is unknown`)
        : null,
      reportPeriod: progress?.latestReport?.period ?? null,
      reportNarrative: progress?.latestReport?.narrative ?? null,
      rebaselineReason,
      reason: reasonText(progress?.latestReport, rebaselineReason),
      escalated: daysOverdue > threshold,
    });
  }
  return escalations.sort((a, b) => b.daysOverdue - a.daysOverdue || a.actionCode.localeCompare(b.actionCode));
}

export const deadlineResolvers = {
  Query: {
    escalations: async (_parent, args, ctx) => {
      const { afterDays, first } = parseArgs(escalationArgs, args);
      const list = await escalationsOf(ctx, afterDays ?? escalationDays());
      return first ? list.slice(0, first) : list;
    },
  },
  FamilyMutations: {
    rebaselineAction: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: rebaselineInput }), args).input;
      if (!(await ctx.family.action.load(input.actionCode))) throw notFound('action', input.actionCode);
      const { row } = await versionedWrite(ctx.familyDb, {
        caller: ctx.caller,
        operation: 'rebaselineAction',
        entityType: 'Action',
        lock: async (tx) =>
          (await tx.select().from(actions).where(eq(actions.code, input.actionCode)).for('update'))[0],
        notFound: () => notFound('action', input.actionCode),
        expectedVersion: input.expectedVersion,
        describe: (action) => `Action ${action.code}`,
        write: async (tx, action) => {
          const history = await tx
            .select()
            .from(dueDateRevisions)
            .where(eq(dueDateRevisions.actionCode, action.code))
            .orderBy(asc(dueDateRevisions.revision));
          const previousDueDate = currentDueDate(action, history);
          if (input.newDueDate === previousDueDate) {
            throw badUserInput(
              `input.newDueDate: ${action.code} is already due on ${previousDueDate}.`,
              'input.newDueDate',
            );
          }
          if (input.newDueDate < action.startDate) {
            throw badUserInput(
              `input.newDueDate: must not be before the action's start date ${action.startDate}.`,
              'input.newDueDate',
            );
          }
          const revision = (history.at(-1)?.revision ?? 0) + 1;
          await tx.insert(dueDateRevisions).values({
            actionCode: action.code,
            revision,
            dueDate: input.newDueDate,
            previousDueDate,
            reason: input.reason,
            changedBy: ctx.caller.username,
          });
          const [saved] = await tx
            .update(actions)
            .set({ version: action.version + 1 })
            .where(eq(actions.code, action.code))
            .returning();
          if (!saved) throw new Error('Re-baselining returned no action row.');
          return {
            row: saved,
            entityIds: [action.code, `${action.code}/due/r${revision}`],
            // The full reason is in due_date_revisions; the audit detail has a size limit.
            detail: { from: previousDueDate, to: input.newDueDate, reason: input.reason.slice(0, 500) },
          };
        },
      });
      // The request's loader may already hold the old history.
      ctx.family.dueDateRevisions.clear(row.code);
      ctx.family.action.clear(row.code);
      return row;
    },
  },
  Escalation: {
    action: (escalation) => escalation.action,
    status: (escalation) => {
      if (escalation.unavailable) throw escalation.unavailable;
      return escalation.status;
    },
  },
} satisfies Resolvers;
