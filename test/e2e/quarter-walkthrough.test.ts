import { testClock } from '@cocuk-koruma/testing/clock';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/documents.js';
import { startGraph, type RunningGraph } from '../support/graph.js';

// One quarter of coordination, end to end through the gateway, as the issue describes it.
// Action codes and dates are the example plan's; "today" is pinned so deadlines are stable.
const who = {
  justiceLiaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  justiceFocal: { username: 'justice.focal', agency: 'JUSTICE', roles: ['focal-point'] },
  healthLiaison: { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] },
  healthFocal: { username: 'health.focal', agency: 'HEALTH', roles: ['focal-point'] },
  familyLiaison: { username: 'family.liaison', agency: 'FAMILY', roles: ['liaison'] },
  secretariat: { username: 'family.secretariat', agency: 'FAMILY', roles: ['secretariat'] },
  board: { username: 'interior.board', agency: 'INTERIOR', roles: ['board-member'] },
} satisfies Record<string, TokenOptions>;

const JUSTICE_ACTION = 'A1.H1.E2'; // forensic interview rooms; family collaborates; due 2019-12-31
const HEALTH_ACTION = 'A1.H1.E3';
const QUARTER = '2020-Q2';
const MEETING = {
  bodyId: 'central',
  number: 60,
  date: '2020-06-30',
  title: 'Örnek: 60. Merkezi Koordinasyon (example)',
};

interface Report {
  id: string;
  version: number;
  state: string;
}

let graph: RunningGraph;

async function ok<T>(query: string, variables: Record<string, unknown>, as: TokenOptions): Promise<T> {
  const result = await graph.query<T>(query, variables, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

async function reportStep(
  agency: 'justice' | 'health',
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  as: TokenOptions,
): Promise<Report> {
  const data = await ok<Record<string, Record<string, Report>>>(
    `mutation($input: ${inputType}!) { ${agency} { ${field}(input: $input) { id version state } } }`,
    { input },
    as,
  );
  return data[agency]?.[field] as Report;
}

async function fileAndSubmit(agency: 'justice' | 'health', actionCode: string, status: string, as: TokenOptions) {
  const draft = await reportStep(
    agency,
    'saveProgressReport',
    'ProgressReportInput',
    {
      actionCode,
      period: QUARTER,
      status,
      percentComplete: 70,
      narrative: `Örnek: ${agency} quarter report (example)`,
    },
    as,
  );
  return reportStep(
    agency,
    'submitProgressReport',
    'ReportTransitionInput',
    { id: draft.id, expectedVersion: draft.version },
    as,
  );
}

async function actionView(code: string, as: TokenOptions = who.board) {
  return (
    await ok<{
      action: {
        status: string | null;
        latestReport: { period: string } | null;
        overallStatus: string | null;
        overdue: boolean | null;
        daysOverdue: number | null;
        dueDate: string;
        originalDueDate: string;
        version: number;
        dueDateHistory: { dueDate: string; reason: string }[];
        parties: { agency: string; acceptance: string | null; reason: string | null }[];
      };
    }>(
      `query($code: ID!) { action(code: $code) { status latestReport { period } overallStatus overdue daysOverdue dueDate originalDueDate version
         dueDateHistory { dueDate reason } parties { agency acceptance reason } } }`,
      { code },
      as,
    )
  ).action;
}

const BOARD_PACK = `query($id: ID!) { boardPack(meetingId: $id) {
  basis meetingTitle byAgency { key total notStarted inProgress atRisk delayed completed unavailable }
  overdue { actionCode daysOverdue reason } followUps { text ownerAgency status }
} }`;

const clock = testClock('2019-11-15');

beforeAll(async () => {
  graph = await startGraph('walk', { clock });
});

afterAll(async () => {
  await graph?.stop();
});

describe('one quarter of coordination', () => {
  it('two agencies report; one report is returned, resubmitted, and both are approved by their focal points', async () => {
    clock.set('2020-06-30');
    let justice = await fileAndSubmit('justice', JUSTICE_ACTION, 'IN_PROGRESS', who.justiceLiaison);
    const health = await fileAndSubmit('health', HEALTH_ACTION, 'AT_RISK', who.healthLiaison);

    justice = await reportStep(
      'justice',
      'returnProgressReport',
      'ReturnReportInput',
      { id: justice.id, expectedVersion: justice.version, comment: 'Name the courthouses (example)' },
      who.justiceFocal,
    );
    expect(justice.state).toBe('RETURNED');
    // Returned reports stay inside the ministry until approved: the board still sees the old status.
    expect((await actionView(JUSTICE_ACTION)).latestReport?.period).not.toBe(QUARTER);

    justice = await reportStep(
      'justice',
      'saveProgressReport',
      'ProgressReportInput',
      {
        actionCode: JUSTICE_ACTION,
        period: QUARTER,
        status: 'IN_PROGRESS',
        percentComplete: 72,
        narrative: 'Örnek: rooms in 26 courthouses (example)',
        expectedVersion: justice.version,
      },
      who.justiceLiaison,
    );
    justice = await reportStep(
      'justice',
      'submitProgressReport',
      'ReportTransitionInput',
      { id: justice.id, expectedVersion: justice.version },
      who.justiceLiaison,
    );
    justice = await reportStep(
      'justice',
      'approveProgressReport',
      'ReportTransitionInput',
      { id: justice.id, expectedVersion: justice.version },
      who.justiceFocal,
    );
    const healthApproved = await reportStep(
      'health',
      'approveProgressReport',
      'ReportTransitionInput',
      { id: health.id, expectedVersion: health.version },
      who.healthFocal,
    );
    expect([justice.state, healthApproved.state]).toEqual(['APPROVED', 'APPROVED']);

    expect(await actionView(JUSTICE_ACTION)).toMatchObject({
      status: 'IN_PROGRESS',
      latestReport: { period: QUARTER },
    });
    expect(await actionView(HEALTH_ACTION)).toMatchObject({ status: 'AT_RISK', latestReport: { period: QUARTER } });
  });

  it('a collaborator declines its part, and the derived overall status shows it beside each party’s part', async () => {
    const before = await actionView(JUSTICE_ACTION);
    const family = before.parties.find((p) => p.agency === 'FAMILY');
    expect(family?.acceptance).toBe('PENDING');
    const part = await ok<{ family: { part: { version: number } } }>(
      `{ family { part(actionCode: "${JUSTICE_ACTION}") { version } } }`,
      {},
      who.familyLiaison,
    );
    await ok(
      `mutation($input: PartResponseInput!) { family { respondToPart(input: $input) { acceptance } } }`,
      {
        input: {
          actionCode: JUSTICE_ACTION,
          acceptance: 'DECLINED',
          reason: 'Örnek: no staff this year (example)',
          expectedVersion: part.family.part.version,
        },
      },
      who.familyLiaison,
    );
    const after = await actionView(JUSTICE_ACTION);
    expect(after.parties.find((p) => p.agency === 'FAMILY')).toMatchObject({ acceptance: 'DECLINED' });
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.overallStatus).toBe('AT_RISK');
  });

  it('an action goes overdue and is re-baselined with a reason, keeping its original date', async () => {
    const overdue = await actionView(JUSTICE_ACTION);
    expect(overdue).toMatchObject({ overdue: true, daysOverdue: 182, dueDate: '2019-12-31' });
    await ok(
      `mutation($input: RebaselineInput!) { family { rebaselineAction(input: $input) { code } } }`,
      {
        input: {
          actionCode: JUSTICE_ACTION,
          newDueDate: '2020-12-31',
          reason: 'Örnek: procurement moved to 2020 (example)',
          expectedVersion: overdue.version,
        },
      },
      who.secretariat,
    );
    const rebaselined = await actionView(JUSTICE_ACTION);
    expect(rebaselined).toMatchObject({ overdue: false, dueDate: '2020-12-31', originalDueDate: '2019-12-31' });
    expect(rebaselined.dueDateHistory.map((r) => r.reason)).toContain('Örnek: procurement moved to 2020 (example)');
  });

  it('a central meeting is held and closed, and its board pack downloads as a PDF', async () => {
    const scheduled = await ok<{ family: { scheduleMeeting: { id: string; version: number } } }>(
      `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id version } } }`,
      { input: MEETING },
      who.secretariat,
    );
    const meetingId = scheduled.family.scheduleMeeting.id;
    await ok(
      `mutation($input: AddAgendaItemInput!) { family { addAgendaItem(input: $input) { version } } }`,
      {
        input: {
          meetingId,
          kind: 'ACTION',
          refCode: JUSTICE_ACTION,
          expectedVersion: scheduled.family.scheduleMeeting.version,
        },
      },
      who.secretariat,
    );
    await ok(
      `mutation($input: RecordDecisionInput!) { family { recordDecision(input: $input) { id } } }`,
      {
        input: {
          meetingId,
          text: 'Örnek: report the new rooms (example)',
          ownerAgency: 'JUSTICE',
          dueDate: '2020-09-30',
        },
      },
      who.secretariat,
    );
    const live = await ok<{ boardPack: { basis: string; byAgency: { key: string; inProgress: number }[] } }>(
      BOARD_PACK,
      { id: meetingId },
      who.board,
    );
    expect(live.boardPack.basis).toBe('LIVE');
    const meeting = await ok<{ meeting: { version: number } }>(
      `{ meeting(id: "${meetingId}") { version } }`,
      {},
      who.board,
    );
    await ok(
      `mutation($input: CloseMeetingInput!) { family { closeMeeting(input: $input) { state } } }`,
      { input: { meetingId, expectedVersion: meeting.meeting.version } },
      who.secretariat,
    );

    const response = await fetch(new URL(`/exports/board-pack/${meetingId}.pdf`, graph.gatewayUrl), {
      headers: { authorization: `Bearer ${graph.issuer.token(who.board)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
    const text = await pdfText(await response.arrayBuffer());
    expect(text).toContain(MEETING.title);
    expect(text).toContain('Örnek: report the new rooms (example)');
  });

  it('a later approved report changes the live status but not the closed meeting’s snapshot', async () => {
    const meetingId = `central-${MEETING.number}`;
    const frozen = await ok<Record<string, unknown>>(BOARD_PACK, { id: meetingId }, who.board);
    const agenda = async () =>
      (
        await ok<{ meeting: { agenda: { refCode: string; snapshotStatus: string | null }[] } }>(
          `{ meeting(id: "${meetingId}") { agenda { refCode snapshotStatus } } }`,
          {},
          who.board,
        )
      ).meeting.agenda;
    const agendaBefore = await agenda();
    expect(agendaBefore.find((i) => i.refCode === JUSTICE_ACTION)?.snapshotStatus).toBe('IN_PROGRESS');
    // The next quarter begins: only now may the ministry report on it.
    clock.set('2020-08-15');

    const approved = await reportStep(
      'justice',
      'saveProgressReport',
      'ProgressReportInput',
      {
        actionCode: JUSTICE_ACTION,
        period: '2020-Q3',
        status: 'COMPLETED',
        percentComplete: 100,
        narrative: 'Örnek: all rooms open (example)',
      },
      who.justiceLiaison,
    );
    const submitted = await reportStep(
      'justice',
      'submitProgressReport',
      'ReportTransitionInput',
      { id: approved.id, expectedVersion: approved.version },
      who.justiceLiaison,
    );
    await reportStep(
      'justice',
      'approveProgressReport',
      'ReportTransitionInput',
      { id: submitted.id, expectedVersion: submitted.version },
      who.justiceFocal,
    );

    expect((await actionView(JUSTICE_ACTION)).status).toBe('COMPLETED');
    const after = await ok<{ boardPack: { basis: string } }>(BOARD_PACK, { id: meetingId }, who.board);
    expect(after.boardPack.basis).toBe('SNAPSHOT');
    expect(after).toEqual(frozen);
    expect(await agenda()).toEqual(agendaBefore);
  });
});
