import {
  appendAudit,
  lockVersioned,
  versionedWrite,
  type Transaction,
  type VersionedRow,
  type Written,
} from '@cocuk-koruma/domain';
import {
  agencyByCode,
  assertCanWriteAgencyData,
  assertSecretariat,
  badUserInput,
  conflict,
  hasRole,
  notFound,
  parseArgs,
} from '@cocuk-koruma/platform';
import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agendaOf, computeBoardPack, parseSnapshot, type AgendaSnapshot } from '../board-pack.js';
import type { FamilyContext, FamilySchema } from '../context.js';
import {
  agendaItems,
  decisions,
  indicators,
  meetingSnapshotActions,
  meetingSnapshots,
  meetings,
  strategicGoals,
  actions,
  type AgendaItemRow,
  type MeetingRow,
} from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { agencyChangesFields, changesSinceLastMeeting } from '../meeting-changes.js';
import type { Missing } from '../unavailable.js';
import { present } from './args.js';

type Tx = Transaction<FamilySchema>;

const id = z.string().trim().min(1, 'must not be empty').max(100);
const version = z.number().int().min(1, 'must be the version you read (1 or more)');
const date = z.iso.date('must be a date such as 2026-12-27');

const scheduleInput = z.object({
  bodyId: id,
  date,
  number: z.number().int().min(1, 'must be 1 or more').nullish(),
  title: z.string().trim().min(1, 'must not be empty').max(500),
});
const agendaInput = z.object({
  meetingId: id,
  kind: z.enum(['GOAL', 'ACTION', 'INDICATOR', 'FOLLOW_UP']),
  refCode: id,
  note: z.string().trim().max(2_000).nullish(),
  expectedVersion: version,
});
const minutesInput = z.object({
  meetingId: id,
  minutes: z.string().trim().min(1, 'must not be empty').max(100_000),
  expectedVersion: version,
});
const decisionInput = z.object({
  meetingId: id,
  text: z.string().trim().min(1, 'must say what was decided').max(5_000),
  ownerAgency: z.enum(['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'], {
    error: 'a decision needs the agency that owns it, so its follow-up has someone to answer for it',
  }),
  // Checked in the resolver: zod skips the refinements of an optional field that is left out.
  dueDate: date.nullish(),
});
const completeInput = z.object({
  decisionId: id,
  note: z.string().trim().min(1, 'must say what was done').max(5_000),
  expectedVersion: version,
});
const moveInput = z.object({
  meetingId: id,
  itemId: id,
  position: z.number().int().min(1, 'must be 1 or more'),
  expectedVersion: version,
});
const removeInput = z.object({ meetingId: id, itemId: id, expectedVersion: version });
const closeInput = z.object({ meetingId: id, expectedVersion: version });
const boardPackArgs = z.object({ meetingId: id });
const firstArgs = z.object({
  first: z.number().int().min(1, 'must be 1 or more').max(5_000, 'may be at most 5000').nullish(),
});

/** The list's first `first` items (it is sorted most overdue first), or all of it. */
function firstOf<T>(list: T[], args: { first?: number | null }): T[] {
  const { first } = parseArgs(firstArgs, args);
  return first ? list.slice(0, first) : list;
}

/** The meeting a change is made to, locked; a closed meeting or a stale version is refused. */
function openMeeting(meetingId: string, expectedVersion: number | null): VersionedRow<FamilySchema, MeetingRow> {
  return {
    lock: async (tx) => (await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update'))[0],
    notFound: () => notFound('meeting', meetingId),
    check: (meeting) => {
      if (meeting.state === 'CLOSED') {
        throw conflict(`Meeting ${meeting.id} is closed; its record no longer changes.`, {
          reason: 'MEETING_CLOSED',
          currentVersion: meeting.version,
        });
      }
    },
    expectedVersion,
    describe: (meeting) => `Meeting ${meeting.id}`,
  };
}

async function bump(tx: Tx, meeting: MeetingRow, values: Partial<MeetingRow> = {}): Promise<MeetingRow> {
  const [saved] = await tx
    .update(meetings)
    .set({ ...values, version: meeting.version + 1 })
    .where(eq(meetings.id, meeting.id))
    .returning();
  if (!saved) throw new Error('Updating the meeting returned no row.');
  return saved;
}

/** A change to an open meeting, audited as a write to the meeting (and to what it adds). */
function changeOpenMeeting<W extends Written<MeetingRow>>(
  ctx: FamilyContext,
  operation: string,
  meetingId: string,
  expectedVersion: number | null,
  write: (tx: Tx, meeting: MeetingRow) => Promise<W>,
): Promise<W> {
  return versionedWrite(ctx.familyDb, {
    caller: ctx.caller,
    operation,
    entityType: 'Meeting',
    ...openMeeting(meetingId, expectedVersion),
    write,
  });
}

async function agendaInTx(tx: Tx, meetingId: string): Promise<AgendaItemRow[]> {
  return await tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
}

/** The next item's id: past every id used so far, so a removed item's id never names another. */
function nextItemId(meetingId: string, items: readonly AgendaItemRow[]): string {
  const used = items.map((i) => Number(/-a(\d+)$/.exec(i.id)?.[1] ?? 0));
  return `${meetingId}-a${Math.max(items.length, ...used) + 1}`;
}

/**
 * Writes the agenda in the given order as positions 1..n. Positions are first moved out of the
 * way (negative), since the meeting's positions are unique at every statement.
 */
async function renumber(tx: Tx, meetingId: string, ordered: readonly AgendaItemRow[]): Promise<void> {
  await tx
    .update(agendaItems)
    .set({ position: sql`-${agendaItems.position}` })
    .where(eq(agendaItems.meetingId, meetingId));
  for (const [index, item] of ordered.entries()) {
    await tx
      .update(agendaItems)
      .set({ position: index + 1 })
      .where(eq(agendaItems.id, item.id));
  }
}

function itemOf(items: readonly AgendaItemRow[], itemId: string, meetingId: string): AgendaItemRow {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound(`agenda item of meeting ${meetingId}`, itemId);
  return item;
}

/** The agenda reference must name something that exists; a follow-up names an earlier decision. */
async function assertRefExists(tx: Tx, kind: AgendaItemRow['kind'], refCode: string): Promise<void> {
  const [found] =
    kind === 'GOAL'
      ? await tx.select({ code: strategicGoals.code }).from(strategicGoals).where(eq(strategicGoals.code, refCode))
      : kind === 'ACTION'
        ? await tx.select({ code: actions.code }).from(actions).where(eq(actions.code, refCode))
        : kind === 'INDICATOR'
          ? await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.code, refCode))
          : await tx.select({ code: decisions.id }).from(decisions).where(eq(decisions.id, refCode));
  if (!found) {
    const what = { GOAL: 'strategic goal', ACTION: 'action', INDICATOR: 'indicator', FOLLOW_UP: 'decision' }[kind];
    throw notFound(what, refCode);
  }
}

/**
 * A closed meeting's snapshot is the board's permanent record of what it saw and never changes
 * afterwards, so it is not frozen with holes where an agency could not be read: closing waits
 * until every agency answers, and nothing is written meanwhile.
 */
function refuseSnapshotWithGaps(meeting: MeetingRow, missing: ReadonlyMap<string, Missing>): void {
  if (missing.size === 0) return;
  const sources = [...new Set(missing.values())];
  const names = sources.map((s) =>
    s === 'GATEWAY' ? 'the coordination graph (gateway)' : `the ${agencyByCode(s).nameEn} service`,
  );
  const first = sources[0] as Missing;
  throw conflict(
    `Meeting ${meeting.id} cannot be closed while ${names.join(', ')} cannot be read: its board pack would be frozen without the status of ${missing.size} action(s). Nothing was changed; close it again once the service is back.`,
    {
      reason: 'AGENCY_UNAVAILABLE',
      ...(first === 'GATEWAY' ? { serviceName: 'gateway' } : { agency: first, serviceName: agencyByCode(first).slug }),
      agencies: sources.filter((s) => s !== 'GATEWAY'),
      currentVersion: meeting.version,
    },
  );
}

function frozen(snapshot: AgendaSnapshot | null, item: AgendaItemRow) {
  return snapshot?.[item.id] ?? null;
}

/** What an agenda item names, read through the request's loaders: one query per kind for the whole agenda. */
async function agendaSubject(
  ctx: FamilyContext,
  item: AgendaItemRow,
): Promise<{ title: string; titleEn: string | null } | null> {
  switch (item.kind) {
    case 'GOAL':
      return await ctx.family.goal.load(item.refCode);
    case 'ACTION':
      return await ctx.family.action.load(item.refCode);
    case 'INDICATOR': {
      const indicator = await ctx.family.indicator.load(item.refCode);
      return indicator ? { title: indicator.name, titleEn: indicator.nameEn } : null;
    }
    case 'FOLLOW_UP': {
      const decision = await ctx.family.decision.load(item.refCode);
      return decision ? { title: decision.text, titleEn: null } : null;
    }
  }
}

async function agendaSnapshotOf(ctx: FamilyContext, meetingId: string): Promise<AgendaSnapshot | null> {
  const row = await ctx.family.snapshot.load(meetingId);
  return row ? parseSnapshot(row.content, meetingId).agenda : null;
}

export const meetingResolvers = {
  Query: {
    changesSinceLastMeeting: async (_parent, args, ctx) =>
      changesSinceLastMeeting(ctx, parseArgs(z.object({ bodyId: id }), args).bodyId),
    boardPack: async (_parent, args, ctx) => {
      const { meetingId } = parseArgs(boardPackArgs, args);
      const meeting = await ctx.family.meeting.load(meetingId);
      if (!meeting) throw notFound('meeting', meetingId);
      if (meeting.state === 'CLOSED') {
        // A closed meeting's pack is what the board saw: never recomputed from later reports.
        const snapshot = await ctx.family.snapshot.load(meeting.id);
        if (!snapshot) {
          throw notFound('board pack snapshot (the meeting was recorded after the fact, without one)', meeting.id);
        }
        return parseSnapshot(snapshot.content, meeting.id).boardPack;
      }
      const agenda = await ctx.family.agendaByMeeting.load(meeting.id);
      return (await computeBoardPack(ctx, meeting, ctx.clock.now(), agenda)).boardPack;
    },
  },
  AgencyChanges: agencyChangesFields,
  BoardPack: {
    overdue: (pack, args) => firstOf(pack.overdue, args),
    overdueCount: (pack) => pack.overdue.length,
    escalated: (pack, args) => firstOf(pack.escalated, args),
    escalatedCount: (pack) => pack.escalated.length,
  },
  BoardPackAction: {
    status: (action) => {
      if (action.unavailable) throw action.unavailable;
      return action.status;
    },
  },
  BoardPackIndicator: {
    latestValue: (indicator) => {
      if (indicator.unavailable) throw indicator.unavailable;
      return indicator.latestValue;
    },
    provinceValue: (indicator) => {
      if (indicator.unavailable) throw indicator.unavailable;
      return indicator.provinceValue ?? null;
    },
  },
  Meeting: {
    recordedDecisions: (meeting) => meeting.decisions,
    decisions: (meeting, _args, ctx) => ctx.family.decisionsByMeeting.load(meeting.id),
    agenda: (meeting, _args, ctx) => ctx.family.agendaByMeeting.load(meeting.id),
  },
  AgendaItem: {
    title: async (item, _args, ctx) => (await agendaSubject(ctx, item))?.title ?? null,
    titleEn: async (item, _args, ctx) => (await agendaSubject(ctx, item))?.titleEn ?? null,
    carriedFrom: (item, _args, ctx) =>
      item.carriedFromDecisionId ? ctx.family.decision.load(item.carriedFromDecisionId) : null,
    snapshotStatus: async (item, _args, ctx) =>
      frozen(await agendaSnapshotOf(ctx, item.meetingId), item)?.status ?? null,
    snapshotValue: async (item, _args, ctx) => frozen(await agendaSnapshotOf(ctx, item.meetingId), item)?.value ?? null,
  },
  Decision: {
    meeting: async (decision, _args, ctx) =>
      present(await ctx.family.meeting.load(decision.meetingId), 'meeting', decision.meetingId),
    overdue: (decision, _args, ctx) => decision.status === 'OPEN' && decision.dueDate < ctx.clock.today(),
  },
  FamilyMutations: {
    scheduleMeeting: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: scheduleInput }), args).input;
      const body = await ctx.family.body.load(input.bodyId);
      if (!body) throw notFound('coordination body', input.bodyId);
      // Central meetings are cited by number; the record has gaps, so the number is never guessed.
      if (body.level === 'CENTRAL' && input.number == null) {
        throw badUserInput(
          'input.number: the Central Coordination numbers its meetings; give the number of this one.',
          'input.number',
        );
      }
      const meetingId = input.number ? `${body.id}-${input.number}` : `${body.id}-${input.date}`;
      return ctx.familyDb.transaction(async (tx) => {
        const [existing] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
        if (existing)
          throw conflict(`A meeting ${meetingId} is already on record; it was not changed.`, { id: meetingId });
        const [row] = await tx
          .insert(meetings)
          .values({
            id: meetingId,
            bodyId: body.id,
            bodyConfirmed: true,
            number: input.number ?? null,
            date: input.date,
            title: input.title,
            summary: '',
            decisions: [],
            source: `scheduled by the secretariat (${ctx.caller.username})`,
            state: 'OPEN',
            version: 1,
          })
          .returning();
        if (!row) throw new Error('Scheduling the meeting returned no row.');
        // Every decision of this body's earlier meetings that is still open comes back to the table.
        const open = await tx
          .select({ decision: decisions })
          .from(decisions)
          .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
          .where(
            and(
              eq(meetings.bodyId, body.id),
              lte(meetings.date, input.date),
              ne(meetings.id, meetingId),
              eq(decisions.status, 'OPEN'),
            ),
          )
          .orderBy(asc(meetings.date), asc(meetings.id), asc(decisions.position));
        if (open.length > 0) {
          await tx.insert(agendaItems).values(
            open.map(({ decision }, index) => ({
              id: `${meetingId}-a${index + 1}`,
              meetingId,
              position: index + 1,
              kind: 'FOLLOW_UP' as const,
              refCode: decision.id,
              note: `Follow-up of ${decision.meetingId}: ${decision.text}`.slice(0, 2_000),
              carriedFromDecisionId: decision.id,
            })),
          );
        }
        await appendAudit(tx, {
          kind: 'WRITE',
          caller: ctx.caller,
          operation: 'scheduleMeeting',
          entityType: 'Meeting',
          entityIds: [row.id],
          beforeVersion: null,
          afterVersion: row.version,
          detail: { state: row.state, carriedFollowUps: open.map(({ decision }) => decision.id) },
        });
        return row;
      });
    },

    addAgendaItem: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: agendaInput }), args).input;
      const { row } = await changeOpenMeeting(
        ctx,
        'addAgendaItem',
        input.meetingId,
        input.expectedVersion,
        async (tx, meeting) => {
          await assertRefExists(tx, input.kind, input.refCode);
          const items = await agendaInTx(tx, meeting.id);
          if (items.some((i) => i.kind === input.kind && i.refCode === input.refCode)) {
            throw conflict(`${input.kind} ${input.refCode} is already on the agenda of ${meeting.id}.`, {
              reason: 'ALREADY_ON_AGENDA',
            });
          }
          const position = (items.at(-1)?.position ?? 0) + 1;
          const itemId = nextItemId(meeting.id, items);
          await tx.insert(agendaItems).values({
            id: itemId,
            meetingId: meeting.id,
            position,
            kind: input.kind,
            refCode: input.refCode,
            note: input.note || null,
            carriedFromDecisionId: input.kind === 'FOLLOW_UP' ? input.refCode : null,
          });
          const saved = await bump(tx, meeting);
          return { row: saved, entityIds: [saved.id, itemId], detail: { kind: input.kind, refCode: input.refCode } };
        },
      );
      return row;
    },

    moveAgendaItem: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: moveInput }), args).input;
      const { row } = await changeOpenMeeting(
        ctx,
        'moveAgendaItem',
        input.meetingId,
        input.expectedVersion,
        async (tx, meeting) => {
          const items = await agendaInTx(tx, meeting.id);
          const item = itemOf(items, input.itemId, meeting.id);
          if (input.position > items.length) {
            throw badUserInput(
              `input.position: the agenda of ${meeting.id} has ${items.length} item(s); give a position from 1 to ${items.length}.`,
              'input.position',
            );
          }
          const ordered = items.filter((i) => i.id !== item.id);
          ordered.splice(input.position - 1, 0, item);
          await renumber(tx, meeting.id, ordered);
          const saved = await bump(tx, meeting);
          return {
            row: saved,
            entityIds: [saved.id, item.id],
            detail: { from: item.position, to: input.position },
          };
        },
      );
      return row;
    },

    removeAgendaItem: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: removeInput }), args).input;
      const { row } = await changeOpenMeeting(
        ctx,
        'removeAgendaItem',
        input.meetingId,
        input.expectedVersion,
        async (tx, meeting) => {
          const items = await agendaInTx(tx, meeting.id);
          const item = itemOf(items, input.itemId, meeting.id);
          await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
          await renumber(
            tx,
            meeting.id,
            items.filter((i) => i.id !== item.id),
          );
          const saved = await bump(tx, meeting);
          return {
            row: saved,
            entityIds: [saved.id, item.id],
            detail: { kind: item.kind, refCode: item.refCode, position: item.position },
          };
        },
      );
      return row;
    },

    recordMinutes: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: minutesInput }), args).input;
      const { row } = await changeOpenMeeting(
        ctx,
        'recordMinutes',
        input.meetingId,
        input.expectedVersion,
        async (tx, meeting) => {
          const saved = await bump(tx, meeting, { minutes: input.minutes });
          return { row: saved, entityIds: [saved.id], detail: { state: saved.state } };
        },
      );
      return row;
    },

    recordDecision: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: decisionInput }), args).input;
      const dueDate = input.dueDate;
      if (!dueDate) {
        throw badUserInput(
          'input.dueDate: a decision needs a due date, so its follow-up can fall due',
          'input.dueDate',
        );
      }
      // No expectedVersion: a decision only adds to the meeting, but it does move the meeting's
      // version, so whoever closes the meeting has seen every decision.
      const { decision } = await changeOpenMeeting(
        ctx,
        'recordDecision',
        input.meetingId,
        null,
        async (tx, meeting) => {
          if (dueDate < meeting.date) {
            throw badUserInput(
              `input.dueDate: a decision cannot fall due before its meeting (${meeting.date}).`,
              'input.dueDate',
            );
          }
          const existing = await tx
            .select({ position: decisions.position })
            .from(decisions)
            .where(eq(decisions.meetingId, meeting.id))
            .orderBy(asc(decisions.position));
          const position = (existing.at(-1)?.position ?? 0) + 1;
          const [decision] = await tx
            .insert(decisions)
            .values({
              id: `${meeting.id}-d${position}`,
              meetingId: meeting.id,
              position,
              text: input.text,
              ownerAgency: input.ownerAgency,
              dueDate,
              recordedBy: ctx.caller.username,
            })
            .returning();
          if (!decision) throw new Error('Recording the decision returned no row.');
          const saved = await bump(tx, meeting);
          return {
            row: saved,
            entityIds: [saved.id, decision.id],
            detail: { ownerAgency: decision.ownerAgency, dueDate: decision.dueDate },
            decision,
          };
        },
      );
      return decision;
    },

    completeFollowUp: async (_root, args, ctx) => {
      const input = parseArgs(z.object({ input: completeInput }), args).input;
      const known = await ctx.family.decision.load(input.decisionId);
      if (!known) throw notFound('decision', input.decisionId);
      // The owner agency answers for its own follow-ups; the secretariat may close any.
      if (!(hasRole(ctx.caller, 'secretariat') && ctx.caller.agency === 'FAMILY')) {
        assertCanWriteAgencyData(ctx.caller, known.ownerAgency, ['liaison', 'focal-point']);
      }
      const { row } = await versionedWrite(ctx.familyDb, {
        caller: ctx.caller,
        operation: 'completeFollowUp',
        entityType: 'Decision',
        lock: async (tx) =>
          (await tx.select().from(decisions).where(eq(decisions.id, input.decisionId)).for('update'))[0],
        notFound: () => notFound('decision', input.decisionId),
        check: (decision) => {
          if (decision.status === 'DONE') {
            throw conflict(`Decision ${decision.id} is already done (${decision.doneNote ?? ''}).`, {
              reason: 'ALREADY_DONE',
              currentVersion: decision.version,
            });
          }
        },
        expectedVersion: input.expectedVersion,
        describe: (decision) => `Decision ${decision.id}`,
        write: async (tx, decision) => {
          const [saved] = await tx
            .update(decisions)
            .set({
              status: 'DONE',
              doneNote: input.note,
              doneBy: ctx.caller.username,
              doneAt: new Date(),
              version: decision.version + 1,
            })
            .where(eq(decisions.id, decision.id))
            .returning();
          if (!saved) throw new Error('Completing the follow-up returned no row.');
          return { row: saved, entityIds: [saved.id, saved.meetingId], detail: { status: saved.status } };
        },
      });
      return row;
    },

    closeMeeting: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: closeInput }), args).input;
      const seen = await ctx.familyDb.transaction((tx) =>
        lockVersioned(tx, openMeeting(input.meetingId, input.expectedVersion)),
      );
      // The live data is gathered over HTTP before the transaction, so no row stays locked while
      // the gateway answers; the version check below refuses any change made meanwhile.
      const at = ctx.clock.now();
      const pack = await computeBoardPack(ctx, seen, at, await agendaOf(ctx, seen.id));
      refuseSnapshotWithGaps(seen, pack.missing);
      const { row } = await changeOpenMeeting(
        ctx,
        'closeMeeting',
        input.meetingId,
        input.expectedVersion,
        async (tx, meeting) => {
          await tx.insert(meetingSnapshots).values({
            meetingId: meeting.id,
            takenAt: at,
            takenBy: ctx.caller.username,
            content: { format: 1, boardPack: { ...pack.boardPack, basis: 'SNAPSHOT' }, agenda: pack.agenda },
          });
          await tx.insert(meetingSnapshotActions).values(
            pack.actions.map((action) => ({
              meetingId: meeting.id,
              actionCode: action.actionCode,
              responsibleAgency: action.responsibleAgency,
              // Never null here: refuseSnapshotWithGaps let the close through.
              status: action.status ?? 'NOT_STARTED',
              dueDate: action.dueDate,
              overdue: action.overdue,
            })),
          );
          const saved = await bump(tx, meeting, { state: 'CLOSED', closedAt: at, closedBy: ctx.caller.username });
          return {
            row: saved,
            entityIds: [saved.id],
            detail: { state: saved.state, snapshotTakenAt: at.toISOString() },
          };
        },
      );
      return row;
    },
  },
} satisfies Resolvers;
