import { testClock } from '@cocuk-koruma/testing/clock';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const SECRETARIAT: TokenOptions = { username: 'chgm.secretariat', agency: 'FAMILY', roles: ['secretariat'] };
const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const JUSTICE_FOCAL: TokenOptions = { username: 'justice.focal', agency: 'JUSTICE', roles: ['focal-point'] };

const ACTION = 'A1.H1.E2';
let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph('board', { clock: testClock('2020-06-30') });
});

afterAll(async () => {
  await graph?.stop();
});

interface Lateness {
  status: string;
  dueDate: string;
  originalDueDate: string;
  overdue: boolean;
  daysOverdue: number;
  version: number;
}

const LATENESS = `query($c: ID!) { action(code: $c) { dueDate originalDueDate version ... on JusticeAction { status overdue daysOverdue } } }`;

interface PackAction {
  actionCode: string;
  status: string | null;
  dueDate: string;
  originalDueDate: string;
  daysOverdue: number;
  escalated: boolean;
  reason: string | null;
}
interface Pack {
  meetingId: string;
  bodyName: string;
  basis: string;
  generatedAt: string;
  byAgency: { key: string; total: number; inProgress: number; completed: number; unavailable: number }[];
  byArea: { key: string; total: number }[];
  overdue: PackAction[];
  escalated: PackAction[];
  indicators: {
    indicatorCode: string;
    latestValue: number | null;
    latestPeriod: string | null;
    onTrack: boolean | null;
  }[];
  followUps: { decisionId: string; ownerAgency: string; status: string; overdue: boolean }[];
}
const PACK = `query($m: ID!) { boardPack(meetingId: $m) {
  meetingId bodyName basis generatedAt
  byAgency { key total inProgress completed unavailable } byArea { key total }
  overdue { actionCode status dueDate originalDueDate daysOverdue escalated reason }
  escalated { actionCode status dueDate originalDueDate daysOverdue escalated reason }
  indicators { indicatorCode latestValue latestPeriod onTrack }
  followUps { decisionId ownerAgency status overdue }
} }`;
const AGENDA = `query($m: ID!) { meeting(id: $m) { state version agenda { kind refCode snapshotStatus snapshotValue } } }`;

async function mutate<T>(query: string, input: Record<string, unknown>, as: TokenOptions): Promise<T> {
  const result = await graph.query<T>(query, { input }, as);
  expect(result.errors).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data;
}

describe('a coordination board meeting across the federated graph', () => {
  let livePack: Pack;
  let meetingVersion = 0;

  it('shows a justice action overdue, and its re-baselining with the reason, through the gateway', async () => {
    const before = await graph.query<{ action: Lateness }>(LATENESS, { c: ACTION });
    expect(before.errors).toBeUndefined();
    expect(before.data?.action).toEqual({
      status: 'IN_PROGRESS',
      dueDate: '2019-12-31',
      originalDueDate: '2019-12-31',
      overdue: true,
      daysOverdue: 182,
      version: 1,
    });

    await mutate(
      `mutation($input: RebaselineInput!) { family { rebaselineAction(input: $input) { code } } }`,
      { actionCode: ACTION, newDueDate: '2020-03-31', reason: 'Yeni adliye binaları gecikti', expectedVersion: 1 },
      SECRETARIAT,
    );
    const after = await graph.query<{ action: Lateness }>(LATENESS, { c: ACTION });
    expect(after.data?.action).toMatchObject({ dueDate: '2020-03-31', originalDueDate: '2019-12-31', daysOverdue: 91 });

    const escalations = await graph.query<{
      escalations: { actionCode: string; daysOverdue: number; reason: string }[];
    }>('{ escalations { actionCode daysOverdue reason } }');
    expect(escalations.errors).toBeUndefined();
    const escalated = escalations.data?.escalations.find((e) => e.actionCode === ACTION);
    expect(escalated?.daysOverdue).toBe(91);
    expect(escalated?.reason).toContain('2019-Q2');
    expect(escalated?.reason).toContain('Yeni adliye binaları gecikti');

    // Every late action, most overdue first, cut to `first`; `escalated` marks those past the threshold.
    type Late = { actionCode: string; daysOverdue: number; escalated: boolean };
    const late = await graph.query<{ all: Late[]; top: Late[] }>(
      '{ all: escalations(afterDays: 0) { actionCode daysOverdue escalated } top: escalations(afterDays: 0, first: 2) { actionCode daysOverdue escalated } }',
    );
    expect(late.errors).toBeUndefined();
    const all = late.data?.all ?? [];
    expect(all.length).toBeGreaterThan(2);
    expect(all.map((e) => e.daysOverdue)).toEqual([...all.map((e) => e.daysOverdue)].sort((a, b) => b - a));
    expect(all.every((e) => e.escalated === e.daysOverdue > 90)).toBe(true);
    expect(late.data?.top).toEqual(all.slice(0, 2));
    const tooMany = await graph.query('{ escalations(first: 501) { actionCode } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('schedules a numbered central meeting, with agenda and decision, whose live board pack shows counts, the overdue action and the follow-up', async () => {
    const scheduled = await mutate<{ family: { scheduleMeeting: { id: string; version: number } } }>(
      `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id version } } }`,
      { bodyId: 'central', number: 40, date: '2020-06-25', title: '40. Merkezi Koordinasyon Toplantısı' },
      SECRETARIAT,
    );
    expect(scheduled.family.scheduleMeeting).toEqual({ id: 'central-40', version: 1 });
    meetingVersion = 1;
    for (const [kind, refCode] of [
      ['ACTION', ACTION],
      ['INDICATOR', `${ACTION}.G1`],
    ]) {
      const added = await mutate<{ family: { addAgendaItem: { version: number } } }>(
        `mutation($input: AddAgendaItemInput!) { family { addAgendaItem(input: $input) { version } } }`,
        { meetingId: 'central-40', kind, refCode, expectedVersion: meetingVersion },
        SECRETARIAT,
      );
      meetingVersion = added.family.addAgendaItem.version;
    }
    const decided = await mutate<{ family: { recordDecision: { id: string; meeting: { version: number } } } }>(
      `mutation($input: RecordDecisionInput!) { family { recordDecision(input: $input) { id meeting { version } } } }`,
      {
        meetingId: 'central-40',
        text: 'Adalet Bakanlığı oda planını sunsun',
        ownerAgency: 'JUSTICE',
        dueDate: '2020-06-29',
      },
      SECRETARIAT,
    );
    expect(decided.family.recordDecision.id).toBe('central-40-d1');
    meetingVersion = decided.family.recordDecision.meeting.version;

    const pack = await graph.query<{ boardPack: Pack }>(PACK, { m: 'central-40' });
    expect(pack.errors).toBeUndefined();
    livePack = pack.data?.boardPack as Pack;
    expect(livePack).toMatchObject({ meetingId: 'central-40', basis: 'LIVE' });
    expect(livePack.bodyName).toMatch(/Merkezi Koordinasyon/);
    const justice = livePack.byAgency.find((r) => r.key === 'JUSTICE');
    expect(justice).toMatchObject({ total: 7, unavailable: 0 });
    expect(livePack.byAgency.reduce((n, r) => n + r.total, 0)).toBe(33);
    expect(livePack.byArea.reduce((n, r) => n + r.total, 0)).toBe(33);
    const overdue = livePack.overdue.find((a) => a.actionCode === ACTION);
    expect(overdue).toMatchObject({
      status: 'IN_PROGRESS',
      dueDate: '2020-03-31',
      originalDueDate: '2019-12-31',
      daysOverdue: 91,
      escalated: true,
    });
    expect(overdue?.reason).toContain('Yeni adliye binaları gecikti');
    expect(livePack.escalated.map((a) => a.actionCode)).toContain(ACTION);
    expect(livePack.indicators.find((i) => i.indicatorCode === `${ACTION}.G1`)).toMatchObject({
      latestPeriod: '2018-Q2',
      latestValue: 59,
    });
    expect(livePack.followUps).toEqual([
      { decisionId: 'central-40-d1', ownerAgency: 'JUSTICE', status: 'OPEN', overdue: true },
    ]);
  });

  it('keeps the closed meeting’s board pack and agenda as they were when a later approved report changes the live status', async () => {
    await mutate(
      `mutation($input: CloseMeetingInput!) { family { closeMeeting(input: $input) { state } } }`,
      { meetingId: 'central-40', expectedVersion: meetingVersion },
      SECRETARIAT,
    );
    const frozenAgenda = await graph.query<{ meeting: { state: string; agenda: unknown[] } }>(AGENDA, {
      m: 'central-40',
    });
    expect(frozenAgenda.data?.meeting.state).toBe('CLOSED');
    expect(frozenAgenda.data?.meeting.agenda).toEqual([
      { kind: 'ACTION', refCode: ACTION, snapshotStatus: 'IN_PROGRESS', snapshotValue: null },
      { kind: 'INDICATOR', refCode: `${ACTION}.G1`, snapshotStatus: 'IN_PROGRESS', snapshotValue: 59 },
    ]);
    const closedPack = (await graph.query<{ boardPack: Pack }>(PACK, { m: 'central-40' })).data?.boardPack;

    // A screen asks for the most overdue only, and is told how many there are in all, live or frozen.
    type Top = {
      overdue: { actionCode: string }[];
      overdueCount: number;
      escalated: unknown[];
      escalatedCount: number;
    };
    const top = await graph.query<{ boardPack: Top }>(
      'query($m: ID!) { boardPack(meetingId: $m) { overdue(first: 1) { actionCode } overdueCount escalated(first: 1) { actionCode } escalatedCount } }',
      { m: 'central-40' },
    );
    expect(top.errors).toBeUndefined();
    expect(top.data?.boardPack.overdue).toEqual([{ actionCode: closedPack?.overdue[0]?.actionCode }]);
    expect(top.data?.boardPack.overdueCount).toBe(closedPack?.overdue.length);
    expect(top.data?.boardPack.escalatedCount).toBe(closedPack?.escalated.length);
    expect(closedPack?.overdue.length).toBeGreaterThan(1);

    // The justice ministry reports the action completed: drafted by its liaison, approved by a focal point.
    const draft = await mutate<{ justice: { saveProgressReport: { id: string; version: number } } }>(
      `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id version } } }`,
      {
        actionCode: ACTION,
        period: '2020-Q2',
        status: 'COMPLETED',
        percentComplete: 100,
        narrative: 'Tüm odalar hizmette.',
      },
      JUSTICE_LIAISON,
    );
    const submitted = await mutate<{ justice: { submitProgressReport: { version: number } } }>(
      `mutation($input: ReportTransitionInput!) { justice { submitProgressReport(input: $input) { version } } }`,
      { id: draft.justice.saveProgressReport.id, expectedVersion: draft.justice.saveProgressReport.version },
      JUSTICE_LIAISON,
    );
    await mutate(
      `mutation($input: ReportTransitionInput!) { justice { approveProgressReport(input: $input) { state } } }`,
      { id: draft.justice.saveProgressReport.id, expectedVersion: submitted.justice.submitProgressReport.version },
      JUSTICE_FOCAL,
    );
    const live = await graph.query<{ action: Lateness }>(LATENESS, { c: ACTION });
    expect(live.data?.action).toMatchObject({ status: 'COMPLETED', overdue: false, daysOverdue: 0 });

    const after = await graph.query<{ boardPack: Pack }>(PACK, { m: 'central-40' });
    expect(after.errors).toBeUndefined();
    expect(after.data?.boardPack).toEqual(closedPack);
    expect(after.data?.boardPack).toEqual({ ...livePack, basis: 'SNAPSHOT', generatedAt: closedPack?.generatedAt });
    expect((await graph.query(AGENDA, { m: 'central-40' })).data).toEqual(frozenAgenda.data);
  });

  it('carries the open follow-up onto the next meeting of the central coordination', async () => {
    const next = await mutate<{ family: { scheduleMeeting: { agenda: { kind: string; refCode: string }[] } } }>(
      `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { agenda { kind refCode } } } }`,
      { bodyId: 'central', number: 41, date: '2020-12-10', title: '41. Merkezi Koordinasyon Toplantısı' },
      SECRETARIAT,
    );
    expect(next.family.scheduleMeeting.agenda).toEqual([{ kind: 'FOLLOW_UP', refCode: 'central-40-d1' }]);
  });
});

interface AgencyChanges {
  agency: string;
  available: boolean;
  statusChanges: { actionCode: string; from: string; to: string }[] | null;
  reportReviews: { actionCode: string; period: string; state: string }[] | null;
  newlyOverdue: { actionCode: string }[] | null;
  rebaselined: { actionCode: string }[];
  decisionsLate: { decisionId: string }[];
}
const CHANGES = `query($b: ID!) { changesSinceLastMeeting(bodyId: $b) {
  since { id } baselineComplete
  agencies { agency available statusChanges { actionCode from to } reportReviews { actionCode period state }
    newlyOverdue { actionCode } rebaselined { actionCode } decisionsLate { decisionId } }
} }`;

describe('since the last meeting, and a provincial board’s own figures', () => {
  it('shows, by agency, the status change and the approval that came after the central meeting closed', async () => {
    const result = await graph.query<{
      changesSinceLastMeeting: { since: { id: string }; baselineComplete: boolean; agencies: AgencyChanges[] };
    }>(CHANGES, { b: 'central' }, SECRETARIAT);
    expect(result.errors).toBeUndefined();
    const changes = result.data?.changesSinceLastMeeting;
    expect(changes?.since).toEqual({ id: 'central-40' });
    expect(changes?.baselineComplete).toBe(true);
    expect(changes?.agencies.map((a) => a.agency)).toEqual(['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']);
    const justice = changes?.agencies.find((a) => a.agency === 'JUSTICE');
    expect(justice?.available).toBe(true);
    expect(justice?.statusChanges).toEqual([{ actionCode: ACTION, from: 'IN_PROGRESS', to: 'COMPLETED' }]);
    expect(justice?.reportReviews).toEqual([{ actionCode: ACTION, period: '2020-Q2', state: 'APPROVED' }]);
    // Re-baselined before the meeting closed: not a change since.
    expect(justice?.rebaselined).toEqual([]);
    expect(justice?.decisionsLate).toEqual([{ decisionId: 'central-40-d1' }]);
    for (const other of changes?.agencies.filter((a) => a.agency !== 'JUSTICE') ?? []) {
      expect(other.statusChanges).toEqual([]);
    }
  });

  it('gives a provincial board’s pack the province beside each national figure', async () => {
    await mutate(
      `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id } } }`,
      { bodyId: 'provincial-06', date: '2020-06-26', title: 'Ankara İl Koordinasyon Kurulu (örnek)' },
      SECRETARIAT,
    );
    const pack = await graph.query<{
      boardPack: { indicators: { provincePlateCode: string | null; provinceSuppressed: boolean | null }[] };
    }>('query($m: ID!) { boardPack(meetingId: $m) { indicators { provincePlateCode provinceSuppressed } } }', {
      m: 'provincial-06-2020-06-26',
    });
    expect(pack.errors).toBeUndefined();
    const indicators = pack.data?.boardPack.indicators ?? [];
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) {
      expect(i.provincePlateCode).toBe('06');
      expect(typeof i.provinceSuppressed).toBe('boolean');
    }
    const central = await graph.query<{ boardPack: { indicators: { provincePlateCode: string | null }[] } }>(
      'query($m: ID!) { boardPack(meetingId: $m) { indicators { provincePlateCode } } }',
      { m: 'central-40' },
    );
    expect(central.data?.boardPack.indicators.every((i) => (i.provincePlateCode ?? null) === null)).toBe(true);
  });

  it('reports an agency that is down as unknown, with an error naming it, never as “no change”', async () => {
    await graph.subgraphs.health.server.stop();
    const result = await graph.query<{ changesSinceLastMeeting: { agencies: AgencyChanges[] } }>(
      CHANGES,
      { b: 'central' },
      SECRETARIAT,
    );
    const health = result.data?.changesSinceLastMeeting.agencies.find((a) => a.agency === 'HEALTH');
    expect(health).toMatchObject({ available: false, statusChanges: null, reportReviews: null, newlyOverdue: null });
    expect(health?.rebaselined).toEqual([]);
    const errors = result.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'HEALTH' });
    }
    const justice = result.data?.changesSinceLastMeeting.agencies.find((a) => a.agency === 'JUSTICE');
    expect(justice?.statusChanges).toEqual([{ actionCode: ACTION, from: 'IN_PROGRESS', to: 'COMPLETED' }]);
  });
});
