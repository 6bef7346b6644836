import { testClock } from '@cocuk-koruma/testing/clock';
import { type TokenOptions, startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { SubgraphServer } from '@cocuk-koruma/platform';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilySchema } from '../src/context.js';
import {
  actions,
  agendaItems,
  auditLog,
  decisions,
  dueDateRevisions,
  meetingSnapshots,
  meetings,
} from '../src/db/schema.js';
import { createServer } from '../src/server.js';
import { defined } from './helpers.js';

const SECRETARIAT: TokenOptions = { username: 'chgm.secretariat', agency: 'FAMILY', roles: ['secretariat'] };
const FAMILY_LIAISON: TokenOptions = { username: 'family.liaison', agency: 'FAMILY', roles: ['liaison'] };
const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };

let database: TestDatabase;
let issuer: TestIssuer;
let server: SubgraphServer<FamilySchema>;
let url: string;

function query<T>(text: string, variables: Record<string, unknown>, as: TokenOptions): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, text, variables, { authorization: `Bearer ${issuer.token(as)}` });
}
const db = () => server.database.db;

function startServer(): Promise<SubgraphServer<FamilySchema>> {
  return createServer({ variable: 'FAMILY_DATABASE_URL', url: database.url }, issuer.authConfig, {
    clock: testClock('2020-06-30'),
    // Nothing answers here: the other agencies' progress is unavailable, as when the gateway is down.
    gatewayUrl: 'http://127.0.0.1:9/graphql',
  });
}

beforeAll(async () => {
  database = await createTestDatabase('family_meetings');
  issuer = await startTestIssuer();
  server = await startServer();
  url = (await server.listen(0)).url;
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await issuer?.close();
});

const REBASELINE = `mutation($input: RebaselineInput!) { family { rebaselineAction(input: $input) {
  code dueDate originalDueDate version dueDateHistory { revision dueDate previousDueDate reason changedBy }
} } }`;

interface Rebaselined {
  family: {
    rebaselineAction: {
      code: string;
      dueDate: string;
      originalDueDate: string;
      version: number;
      dueDateHistory: {
        revision: number;
        dueDate: string;
        previousDueDate: string;
        reason: string;
        changedBy: string;
      }[];
    };
  };
}

async function actionState(code: string) {
  const [row] = await db().select().from(actions).where(eq(actions.code, code));
  const revisions = await db().select().from(dueDateRevisions).where(eq(dueDateRevisions.actionCode, code));
  return { version: row?.version, dueDate: row?.dueDate, revisions: revisions.length };
}

describe('re-baselining an action’s due date', () => {
  const code = 'A1.H2.E1';

  it('refuses a re-baselining without a reason as BAD_USER_INPUT and leaves the action unchanged', async () => {
    const before = await actionState(code);
    for (const reason of [null, '   ']) {
      const result = await query(
        REBASELINE,
        { input: { actionCode: code, newDueDate: '2020-12-31', reason, expectedVersion: 1 } },
        SECRETARIAT,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/reason/);
    }
    expect(await actionState(code)).toEqual(before);
  });

  it('refuses anyone but the coordination secretariat, even the family ministry’s own liaison', async () => {
    const before = await actionState(code);
    const result = await query(
      REBASELINE,
      { input: { actionCode: code, newDueDate: '2020-12-31', reason: 'Budget cut', expectedVersion: 1 } },
      FAMILY_LIAISON,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await actionState(code)).toEqual(before);
  });

  it('keeps the plan’s date and every revised date, each with its reason, when the secretariat re-baselines twice', async () => {
    const first = await query<Rebaselined>(
      REBASELINE,
      { input: { actionCode: code, newDueDate: '2020-12-31', reason: 'Staff not yet hired', expectedVersion: 1 } },
      SECRETARIAT,
    );
    expect(first.errors).toBeUndefined();
    const second = await query<Rebaselined>(
      REBASELINE,
      { input: { actionCode: code, newDueDate: '2021-06-30', reason: 'Tender repeated', expectedVersion: 2 } },
      SECRETARIAT,
    );
    expect(second.errors).toBeUndefined();
    const action = defined(second.data).family.rebaselineAction;
    expect(action).toMatchObject({ dueDate: '2021-06-30', originalDueDate: '2017-12-31', version: 3 });
    expect(action.dueDateHistory).toEqual([
      {
        revision: 1,
        dueDate: '2020-12-31',
        previousDueDate: '2017-12-31',
        reason: 'Staff not yet hired',
        changedBy: 'chgm.secretariat',
      },
      {
        revision: 2,
        dueDate: '2021-06-30',
        previousDueDate: '2020-12-31',
        reason: 'Tender repeated',
        changedBy: 'chgm.secretariat',
      },
    ]);
  });

  it('refuses a stale version with CONFLICT and records no revision', async () => {
    const before = await actionState(code);
    const result = await query(
      REBASELINE,
      { input: { actionCode: code, newDueDate: '2022-01-31', reason: 'Late again', expectedVersion: 1 } },
      SECRETARIAT,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    expect(await actionState(code)).toEqual(before);
  });

  it('keeps a re-baselined date and version when the subgraph restarts and seeds the plan again', async () => {
    await server.stop();
    server = await startServer();
    url = (await server.listen(0)).url;
    const result = await query<{ action: { dueDate: string; originalDueDate: string; version: number } }>(
      'query($c: ID!) { action(code: $c) { dueDate originalDueDate version } }',
      { c: code },
      FAMILY_LIAISON,
    );
    expect(result.data?.action).toEqual({ dueDate: '2021-06-30', originalDueDate: '2017-12-31', version: 3 });
  });

  it('counts a family action overdue from the day after its due date until it is reported COMPLETED', async () => {
    const result = await query<{
      family: { actions: { code: string; dueDate: string; status: string; overdue: boolean; daysOverdue: number }[] };
    }>('{ family { actions { code dueDate status overdue daysOverdue } } }', {}, FAMILY_LIAISON);
    expect(result.errors).toBeUndefined();
    for (const action of defined(result.data).family.actions) {
      const late = action.dueDate < '2020-06-30' && action.status !== 'COMPLETED';
      expect(action.overdue).toBe(late);
      expect(action.daysOverdue > 0).toBe(late);
    }
    const moved = defined(result.data).family.actions.find((a) => a.code === code);
    expect(moved).toMatchObject({ overdue: false, daysOverdue: 0 });
  });
});

const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) {
  id state version agenda { kind refCode carriedFrom { id } }
} } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { family { addAgendaItem(input: $input) { version agenda { id kind refCode } } } }`;
const DECIDE = `mutation($input: RecordDecisionInput!) { family { recordDecision(input: $input) { id status version meeting { version } } } }`;
const CLOSE = `mutation($input: CloseMeetingInput!) { family { closeMeeting(input: $input) { state version closedAt } } }`;

interface Scheduled {
  family: {
    scheduleMeeting: {
      id: string;
      state: string;
      version: number;
      agenda: { kind: string; refCode: string; carriedFrom: { id: string } | null }[];
    };
  };
}

async function meetingState(id: string) {
  const [meeting] = await db().select().from(meetings).where(eq(meetings.id, id));
  const [items] = await db().select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, id));
  const [taken] = await db().select({ n: count() }).from(decisions).where(eq(decisions.meetingId, id));
  const [snapshots] = await db()
    .select({ n: count() })
    .from(meetingSnapshots)
    .where(eq(meetingSnapshots.meetingId, id));
  return { meeting, items: items?.n, decisions: taken?.n, snapshots: snapshots?.n };
}

describe('coordination board meetings', () => {
  it('refuses a central meeting without its number, since central meetings are cited by number', async () => {
    const result = await query(
      SCHEDULE,
      { input: { bodyId: 'central', date: '2020-06-15', title: 'Toplantı' } },
      SECRETARIAT,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
  });

  it('schedules an open meeting and builds its agenda from goals, actions and indicators that exist', async () => {
    const scheduled = await query<Scheduled>(
      SCHEDULE,
      { input: { bodyId: 'provincial-06', date: '2020-05-10', title: 'Ankara İl Koordinasyon Kurulu, Mayıs 2020' } },
      SECRETARIAT,
    );
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data?.family.scheduleMeeting).toEqual({
      id: 'provincial-06-2020-05-10',
      state: 'OPEN',
      version: 1,
      agenda: [],
    });

    const before = await meetingState('provincial-06-2020-05-10');
    const unknown = await query(
      ADD_ITEM,
      { input: { meetingId: 'provincial-06-2020-05-10', kind: 'ACTION', refCode: 'Z9.H9.E9', expectedVersion: 1 } },
      SECRETARIAT,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'Z9.H9.E9' });
    expect(await meetingState('provincial-06-2020-05-10')).toEqual(before);

    let version = 1;
    for (const [kind, refCode] of [
      ['GOAL', 'A1.H1'],
      ['ACTION', 'A1.H1.E2'],
      ['INDICATOR', 'A1.H1.E2.G1'],
    ] as const) {
      const added = await query<{ family: { addAgendaItem: { version: number; agenda: { kind: string }[] } } }>(
        ADD_ITEM,
        { input: { meetingId: 'provincial-06-2020-05-10', kind, refCode, expectedVersion: version } },
        SECRETARIAT,
      );
      expect(added.errors).toBeUndefined();
      version = defined(added.data).family.addAgendaItem.version;
    }
    expect(version).toBe(4);

    const stale = await query(
      ADD_ITEM,
      { input: { meetingId: 'provincial-06-2020-05-10', kind: 'GOAL', refCode: 'A1.H2', expectedVersion: 1 } },
      SECRETARIAT,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 4 });
    expect((await meetingState('provincial-06-2020-05-10')).items).toBe(3);
  });

  it('refuses a decision without an owner agency or due date as BAD_USER_INPUT and records nothing', async () => {
    const before = await meetingState('provincial-06-2020-05-10');
    const noOwner = await query(
      DECIDE,
      { input: { meetingId: 'provincial-06-2020-05-10', text: 'Risk haritası güncellensin', dueDate: '2020-07-31' } },
      SECRETARIAT,
    );
    expect(noOwner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerAgency' });
    expect(noOwner.errors?.[0]?.message).toMatch(/agency that owns it/);
    const noDate = await query(
      DECIDE,
      { input: { meetingId: 'provincial-06-2020-05-10', text: 'Risk haritası güncellensin', ownerAgency: 'INTERIOR' } },
      SECRETARIAT,
    );
    expect(noDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect(await meetingState('provincial-06-2020-05-10')).toEqual(before);
  });

  it('refuses to close a meeting while the other agencies cannot be read: no snapshot is frozen with holes', async () => {
    const decided = await query<{ family: { recordDecision: { id: string; meeting: { version: number } } } }>(
      DECIDE,
      {
        input: {
          meetingId: 'provincial-06-2020-05-10',
          text: 'Adli görüşme odası randevuları izlensin',
          ownerAgency: 'JUSTICE',
          dueDate: '2020-06-01',
        },
      },
      SECRETARIAT,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.family.recordDecision.id).toBe('provincial-06-2020-05-10-d1');
    const version = defined(decided.data).family.recordDecision.meeting.version;

    const before = await meetingState('provincial-06-2020-05-10');
    const closed = await query(
      CLOSE,
      { input: { meetingId: 'provincial-06-2020-05-10', expectedVersion: version } },
      SECRETARIAT,
    );
    // No gateway answers here, so no other agency's progress can be read.
    expect((closed.data as { family: { closeMeeting: unknown } } | null)?.family.closeMeeting ?? null).toBeNull();
    expect(closed.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENCY_UNAVAILABLE',
      serviceName: 'gateway',
    });
    expect(closed.errors?.[0]?.message).toMatch(
      /^Meeting provincial-06-2020-05-10 cannot be closed while the coordination graph \(gateway\) cannot be read/,
    );
    expect(await meetingState('provincial-06-2020-05-10')).toEqual(before);
    expect(before.meeting?.state).toBe('OPEN');
    expect(before.snapshots).toBe(0);

    const pack = await query<{
      boardPack: {
        basis: string;
        byAgency: { key: string; total: number; unavailable: number }[];
        followUps: { decisionId: string; overdue: boolean }[];
      };
    }>(
      'query($m: ID!) { boardPack(meetingId: $m) { basis byAgency { key total unavailable } followUps { decisionId overdue } } }',
      { m: 'provincial-06-2020-05-10' },
      JUSTICE_LIAISON,
    );
    expect(pack.errors).toBeUndefined();
    expect(pack.data?.boardPack.basis).toBe('LIVE');
    // Every status is counted unavailable, and the rest of the pack is there.
    for (const row of defined(pack.data).boardPack.byAgency) expect(row.unavailable).toBe(row.total);
    expect(pack.data?.boardPack.followUps).toEqual([{ decisionId: 'provincial-06-2020-05-10-d1', overdue: true }]);
  });

  it('carries an open decision onto the next meeting of the same body, not onto another body’s', async () => {
    const next = await query<Scheduled>(
      SCHEDULE,
      { input: { bodyId: 'provincial-06', date: '2020-07-12', title: 'Ankara İl Koordinasyon Kurulu, Temmuz 2020' } },
      SECRETARIAT,
    );
    expect(next.errors).toBeUndefined();
    expect(next.data?.family.scheduleMeeting.agenda).toEqual([
      {
        kind: 'FOLLOW_UP',
        refCode: 'provincial-06-2020-05-10-d1',
        carriedFrom: { id: 'provincial-06-2020-05-10-d1' },
      },
    ]);
    const other = await query<Scheduled>(
      SCHEDULE,
      { input: { bodyId: 'provincial-34', date: '2020-07-12', title: 'İstanbul İl Koordinasyon Kurulu' } },
      SECRETARIAT,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data?.family.scheduleMeeting.agenda).toEqual([]);
  });

  it('lets the owner agency’s liaison complete its follow-up, but not another agency’s', async () => {
    const COMPLETE = `mutation($input: CompleteFollowUpInput!) { family { completeFollowUp(input: $input) { status doneNote doneBy version } } }`;
    const input = {
      decisionId: 'provincial-06-2020-05-10-d1',
      note: 'Randevular haftalık izleniyor',
      expectedVersion: 1,
    };
    const wrong = await query(COMPLETE, { input }, HEALTH_LIAISON);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [untouched] = await db().select().from(decisions).where(eq(decisions.id, input.decisionId));
    expect(untouched).toMatchObject({ status: 'OPEN', version: 1, doneNote: null });

    const done = await query(COMPLETE, { input }, JUSTICE_LIAISON);
    expect(done.errors).toBeUndefined();
    expect(done.data).toEqual({
      family: {
        completeFollowUp: {
          status: 'DONE',
          doneNote: 'Randevular haftalık izleniyor',
          doneBy: 'justice.liaison',
          version: 2,
        },
      },
    });
  });

  it('keeps recording historic meetings, which are stored CLOSED with their decisions as worded', async () => {
    const result = await query<{
      family: { recordMeeting: { id: string; state: string; recordedDecisions: string[]; decisions: unknown[] } };
    }>(
      `mutation($input: MeetingInput!) { family { recordMeeting(input: $input) { id state recordedDecisions decisions { id } } } }`,
      {
        input: {
          bodyId: 'central',
          number: 12,
          date: '2013-06-20',
          title: '12. Merkezi Koordinasyon Toplantısı',
          summary: 'Example record',
          decisions: ['Example decision'],
        },
      },
      SECRETARIAT,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.family.recordMeeting).toEqual({
      id: 'central-12',
      state: 'CLOSED',
      recordedDecisions: ['Example decision'],
      decisions: [],
    });
  });
});

const CREATE_BODY = `mutation($input: CoordinationBodyInput!) { family { createCoordinationBody(input: $input) {
  id level name nameEn district chair meetingFrequency secretariat province { plateCode }
} } }`;
const CANKAYA = {
  level: 'DISTRICT',
  plateCode: '06',
  district: 'Çankaya',
  name: 'Çankaya İlçe Çocuk Koruma Koordinasyon Kurulu (örnek)',
  nameEn: 'Çankaya District Child Protection Coordination Board (example)',
  chair: 'Kaymakam',
  meetingFrequency: 'İki ayda bir (every two months)',
  secretariat: 'Example secretariat',
};

async function bodyCount() {
  const result = await query<{ coordinationBodies: { id: string }[] }>(
    '{ coordinationBodies { id } }',
    {},
    FAMILY_LIAISON,
  );
  return defined(result.data).coordinationBodies.length;
}

describe('setting up a district coordination board', () => {
  it('refuses anyone but the secretariat with FORBIDDEN and creates nothing', async () => {
    const before = await bodyCount();
    const result = await query(CREATE_BODY, { input: CANKAYA }, FAMILY_LIAISON);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await bodyCount()).toBe(before);
  });

  it('refuses a provincial or central board, which exist already, and an unknown province, with BAD_USER_INPUT', async () => {
    const before = await bodyCount();
    for (const level of ['PROVINCIAL', 'CENTRAL']) {
      const result = await query(CREATE_BODY, { input: { ...CANKAYA, level } }, SECRETARIAT);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level' });
    }
    const unknown = await query(CREATE_BODY, { input: { ...CANKAYA, plateCode: '99' } }, SECRETARIAT);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.plateCode' });
    expect(await bodyCount()).toBe(before);
  });

  it('creates the district board, audited, lists it under its province, and takes meetings', async () => {
    const created = await query<{ family: { createCoordinationBody: Record<string, unknown> } }>(
      CREATE_BODY,
      { input: CANKAYA },
      SECRETARIAT,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.family.createCoordinationBody).toEqual({
      id: 'district-06-cankaya',
      level: 'DISTRICT',
      name: CANKAYA.name,
      nameEn: CANKAYA.nameEn,
      district: 'Çankaya',
      chair: 'Kaymakam',
      meetingFrequency: CANKAYA.meetingFrequency,
      secretariat: 'Example secretariat',
      province: { plateCode: '06' },
    });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.operation, 'createCoordinationBody'));
    expect(audit).toMatchObject({ kind: 'WRITE', actor: 'chgm.secretariat', entityIds: ['district-06-cankaya'] });
    const listed = await query<{ coordinationBodies: { id: string }[] }>(
      '{ coordinationBodies(level: DISTRICT, plateCode: "06") { id } }',
      {},
      FAMILY_LIAISON,
    );
    expect(listed.data?.coordinationBodies).toEqual([{ id: 'district-06-cankaya' }]);
    const scheduled = await query<Scheduled>(
      SCHEDULE,
      { input: { bodyId: 'district-06-cankaya', date: '2020-06-20', title: 'Çankaya İlçe Kurulu (örnek)' } },
      SECRETARIAT,
    );
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data?.family.scheduleMeeting).toMatchObject({
      id: 'district-06-cankaya-2020-06-20',
      state: 'OPEN',
    });
  });

  it('refuses the same district of the same province again, however it is capitalised, with CONFLICT', async () => {
    const before = await bodyCount();
    const again = await query(CREATE_BODY, { input: { ...CANKAYA, district: 'ÇANKAYA' } }, SECRETARIAT);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', id: 'district-06-cankaya' });
    expect(await bodyCount()).toBe(before);
    // The same district name in another province is another board.
    const elsewhere = await query(CREATE_BODY, { input: { ...CANKAYA, plateCode: '34' } }, SECRETARIAT);
    expect(elsewhere.errors).toBeUndefined();
  });
});

const MOVE = `mutation($input: MoveAgendaItemInput!) { family { moveAgendaItem(input: $input) { version agenda { id position refCode } } } }`;
const REMOVE = `mutation($input: RemoveAgendaItemInput!) { family { removeAgendaItem(input: $input) { version agenda { id position refCode } } } }`;
interface Agenda {
  version: number;
  agenda: { id: string; position: number; refCode: string }[];
}

describe('editing an open meeting’s agenda', () => {
  const meetingId = 'provincial-35-2020-06-01';
  let version = 1;

  it('moves an item to a new position and renumbers the others, keeping each item’s id', async () => {
    await query(
      SCHEDULE,
      { input: { bodyId: 'provincial-35', date: '2020-06-01', title: 'İzmir (örnek)' } },
      SECRETARIAT,
    );
    for (const refCode of ['A1.H1', 'A1.H2', 'A2.H1']) {
      const added = await query<{ family: { addAgendaItem: Agenda } }>(
        ADD_ITEM,
        { input: { meetingId, kind: 'GOAL', refCode, expectedVersion: version } },
        SECRETARIAT,
      );
      expect(added.errors).toBeUndefined();
      version = defined(added.data).family.addAgendaItem.version;
    }
    const moved = await query<{ family: { moveAgendaItem: Agenda } }>(
      MOVE,
      { input: { meetingId, itemId: `${meetingId}-a3`, position: 1, expectedVersion: version } },
      SECRETARIAT,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.family.moveAgendaItem.agenda).toEqual([
      { id: `${meetingId}-a3`, position: 1, refCode: 'A2.H1' },
      { id: `${meetingId}-a1`, position: 2, refCode: 'A1.H1' },
      { id: `${meetingId}-a2`, position: 3, refCode: 'A1.H2' },
    ]);
    expect(moved.data?.family.moveAgendaItem.version).toBe(version + 1);
    version += 1;
  });

  it('refuses a stale version with CONFLICT, a position past the end with BAD_USER_INPUT, and the secretariat’s colleagues with FORBIDDEN', async () => {
    const before = await meetingState(meetingId);
    const stale = await query(
      MOVE,
      { input: { meetingId, itemId: `${meetingId}-a1`, position: 3, expectedVersion: version - 1 } },
      SECRETARIAT,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });
    const far = await query(
      MOVE,
      { input: { meetingId, itemId: `${meetingId}-a1`, position: 4, expectedVersion: version } },
      SECRETARIAT,
    );
    expect(far.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.position' });
    const liaison = await query(
      REMOVE,
      { input: { meetingId, itemId: `${meetingId}-a1`, expectedVersion: version } },
      FAMILY_LIAISON,
    );
    expect(liaison.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await query(
      REMOVE,
      { input: { meetingId, itemId: `${meetingId}-a9`, expectedVersion: version } },
      SECRETARIAT,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await meetingState(meetingId)).toEqual(before);
  });

  it('removes an item, moves the later ones up, and never reuses its id for the next item added', async () => {
    const removed = await query<{ family: { removeAgendaItem: Agenda } }>(
      REMOVE,
      { input: { meetingId, itemId: `${meetingId}-a1`, expectedVersion: version } },
      SECRETARIAT,
    );
    expect(removed.errors).toBeUndefined();
    version = defined(removed.data).family.removeAgendaItem.version;
    expect(removed.data?.family.removeAgendaItem.agenda).toEqual([
      { id: `${meetingId}-a3`, position: 1, refCode: 'A2.H1' },
      { id: `${meetingId}-a2`, position: 2, refCode: 'A1.H2' },
    ]);
    const added = await query<{ family: { addAgendaItem: Agenda } }>(
      ADD_ITEM,
      { input: { meetingId, kind: 'GOAL', refCode: 'A1.H1', expectedVersion: version } },
      SECRETARIAT,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.family.addAgendaItem.agenda.at(-1)).toEqual({
      id: `${meetingId}-a4`,
      kind: 'GOAL',
      refCode: 'A1.H1',
    });
  });

  it('refuses to edit the agenda of a closed meeting with CONFLICT (MEETING_CLOSED)', async () => {
    // Historic meetings are stored closed; the agenda of a closed meeting never changes.
    const [closed] = await db().select().from(meetings).where(eq(meetings.id, 'central-11'));
    const result = await query(
      REMOVE,
      { input: { meetingId: 'central-11', itemId: 'central-11-a1', expectedVersion: defined(closed).version } },
      SECRETARIAT,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_CLOSED' });
    const move = await query(
      MOVE,
      {
        input: {
          meetingId: 'central-11',
          itemId: 'central-11-a1',
          position: 1,
          expectedVersion: defined(closed).version,
        },
      },
      SECRETARIAT,
    );
    expect(move.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_CLOSED' });
  });
});

describe('changes since the last meeting', () => {
  it('answers a body with no closed meeting with `since` null and no agencies, rather than “no change”', async () => {
    const result = await query<{ changesSinceLastMeeting: unknown }>(
      '{ changesSinceLastMeeting(bodyId: "provincial-06") { since { id } sinceClosedAt agencies { agency } } }',
      {},
      SECRETARIAT,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.changesSinceLastMeeting).toEqual({ since: null, sinceClosedAt: null, agencies: [] });
  });

  it('answers NOT_FOUND for a body that does not exist', async () => {
    const result = await query('{ changesSinceLastMeeting(bodyId: "nowhere") { bodyId } }', {}, SECRETARIAT);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'nowhere' });
  });
});
