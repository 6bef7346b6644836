import { AGENCIES, agencyBySlug, type AgencyCode, type AgencySlug } from '@cocuk-koruma/platform/agencies';
import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcessStack, type ProcessStack } from '../support/stack.js';

// Every view that spans agencies, with each agency hung (SIGSTOP: it keeps its port and answers
// nothing) and killed, on one stack of processes: the missing agency costs only its own values,
// and every error names it, never the family ministry that gathers the view.
// Short, to keep the run bounded, yet long enough for a cold stack on two busy cores.
const SUBGRAPH_TIMEOUT_MS = 2500;
// The slowest view waits for the family's read-back (half the timeout), then for the hung agency.
const ANSWER_WITHIN_MS = 2 * SUBGRAPH_TIMEOUT_MS + 1000;

const READER: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
const SECRETARIAT: TokenOptions = { username: 'chgm.secretariat', agency: 'FAMILY', roles: ['secretariat'] };

type Response<T> = GraphQLResponse<T>;
type GraphError = NonNullable<Response<unknown>['errors']>[number];

interface ActionView {
  code: string;
  responsibleAgency: AgencyCode;
  status: string | null;
  overallStatus: string | null;
  parties: { agency: AgencyCode }[];
}
interface EscalationView {
  actionCode: string;
  responsibleAgency: AgencyCode;
  status: string | null;
}
interface PackView {
  byAgency: { key: string; total: number; unavailable: number }[];
  overdue: { actionCode: string; responsibleAgency: AgencyCode; status: string | null }[];
  indicators: { indicatorCode: string; actionCode: string; latestValue: number | null }[];
}

interface MatrixCell {
  goal: { code: string };
  responsibleAgency: AgencyCode;
  total: number;
  counts: { total: number; inProgress: number; unavailable: number } | null;
}

const MATRIX = '{ statusMatrix { goal { code } responsibleAgency total counts { total inProgress unavailable } } }';
const ACTIONS = '{ actions { code responsibleAgency status overallStatus parties { agency } } }';
const ESCALATIONS = '{ escalations { actionCode responsibleAgency status } }';
const PACK = `query($m: ID!) { boardPack(meetingId: $m) {
  byAgency { key total unavailable } overdue { actionCode responsibleAgency status }
  indicators { indicatorCode actionCode latestValue }
} }`;
const CLOSE = 'mutation($input: CloseMeetingInput!) { family { closeMeeting(input: $input) { state version } } }';
const MEETING = 'query($id: ID!) { meeting(id: $id) { state version } }';

let stack: ProcessStack;
let meetingId: string;
let meetingVersion: number;
let baseline: { actions: ActionView[]; escalations: EscalationView[]; pack: PackView; matrix: MatrixCell[] };
const figures = { tried: 0, handled: 0 };

async function timed<T>(run: () => Promise<Response<T>>): Promise<Response<T>> {
  const started = Date.now();
  const answer = await run();
  expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  return answer;
}

function errorAt(answer: Response<unknown>, path: (string | number)[]): GraphError | undefined {
  return answer.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
}

/** The error names the missing agency, by code and by service, and says so to a person. */
function expectNames(error: GraphError | undefined, slug: AgencySlug): void {
  const agency = agencyBySlug(slug);
  expect(error?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: agency.code, serviceName: slug });
  expect(error?.message).toContain(agency.nameEn);
}

function expectNoneBlameFamily(answer: Response<unknown>): void {
  for (const error of answer.errors ?? []) {
    expect(error.extensions?.agency).not.toBe('FAMILY');
    expect(error.extensions?.serviceName).not.toBe('family');
  }
}

const dependsOn = (action: ActionView, code: AgencyCode) =>
  action.responsibleAgency === code || action.parties.some((p) => p.agency === code);

beforeAll(async () => {
  stack = await startProcessStack('outages', { subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS, today: '2020-06-30' });
  const scheduled = await stack.query<{ family: { scheduleMeeting: { id: string; version: number } } }>(
    'mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id version } } }',
    { input: { bodyId: 'provincial-06', date: '2020-06-20', title: 'Ankara İl Koordinasyon Kurulu, Haziran 2020' } },
    SECRETARIAT,
  );
  expect(scheduled.errors).toBeUndefined();
  meetingId = scheduled.data?.family.scheduleMeeting.id ?? '';
  meetingVersion = scheduled.data?.family.scheduleMeeting.version ?? 0;
  // One at a time: the first answers also plan the queries and warm every process up.
  const actions = await stack.query<{ actions: ActionView[] }>(ACTIONS, undefined, READER);
  const escalations = await stack.query<{ escalations: EscalationView[] }>(ESCALATIONS, undefined, READER);
  const pack = await stack.query<{ boardPack: PackView }>(PACK, { m: meetingId }, READER);
  const matrix = await stack.query<{ statusMatrix: MatrixCell[] }>(MATRIX, undefined, READER);
  for (const answer of [actions, escalations, pack, matrix]) expect(answer.errors).toBeUndefined();
  baseline = {
    actions: actions.data?.actions ?? [],
    escalations: escalations.data?.escalations ?? [],
    pack: pack.data?.boardPack as PackView,
    matrix: matrix.data?.statusMatrix ?? [],
  };
  // The matrix counts every action of the plan once, each in its goal's row and its agency's column.
  expect(baseline.matrix.reduce((n, c) => n + c.total, 0)).toBe(baseline.actions.length);
  for (const cell of baseline.matrix) {
    const own = baseline.actions.filter(
      (a) => a.responsibleAgency === cell.responsibleAgency && a.code.startsWith(`${cell.goal.code}.`),
    );
    expect(cell.total).toBe(own.length);
    expect(cell.counts).toMatchObject({ total: own.length, unavailable: 0 });
    expect(cell.counts?.inProgress).toBe(own.filter((a) => a.status === 'IN_PROGRESS').length);
  }
  expect(baseline.escalations.length).toBeGreaterThan(0);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  console.info(`agency outages: ${figures.handled} of ${figures.tried} view × agency × fault cases handled`);
});

/** Every cross-agency view while `slug` is missing, checked against the answers with everyone up. */
async function checkViews(slug: AgencySlug): Promise<void> {
  const code = agencyBySlug(slug).code;

  const actions = await timed(() => stack.query<{ actions: ActionView[] | null }>(ACTIONS, undefined, READER));
  const escalations = await timed(() =>
    stack.query<{ escalations: EscalationView[] | null }>(ESCALATIONS, undefined, READER),
  );
  const pack = await timed(() => stack.query<{ boardPack: PackView | null }>(PACK, { m: meetingId }, READER));
  const matrix = await timed(() => stack.query<{ statusMatrix: MatrixCell[] | null }>(MATRIX, undefined, READER));
  // A hung family subgraph runs the close once it is resumed, long after the gateway gave up on
  // it; a stale version makes that late run a refusal too, so the meeting stays open either way.
  const expectedVersion = slug === 'family' ? meetingVersion + 100 : meetingVersion;
  const close = await timed(() => stack.query(CLOSE, { input: { meetingId, expectedVersion } }, SECRETARIAT));
  const meeting = await stack.query<{ meeting: { state: string; version: number } }>(
    MEETING,
    { id: meetingId },
    READER,
  );

  if (slug === 'family') {
    // The family ministry's own values are the plan itself: every view is missing, naming it.
    for (const answer of [actions, escalations, pack, matrix]) {
      expect(answer.data ?? null).toBeNull();
      expectNames(answer.errors?.[0], 'family');
    }
    expect((close.data as { family: unknown } | null)?.family ?? null).toBeNull();
    expectNames(close.errors?.[0], 'family');
    return;
  }

  // Action lists: the missing agency's statuses, and every overall status that needs it.
  const list = actions.data?.actions ?? [];
  expect(list.map((a) => a.code)).toEqual(baseline.actions.map((a) => a.code));
  list.forEach((action, i) => {
    const before = baseline.actions[i] as ActionView;
    if (dependsOn(before, code)) {
      expect(action.overallStatus).toBeNull();
      expectNames(errorAt(actions, ['actions', i, 'overallStatus']), slug);
    } else expect(action.overallStatus).toBe(before.overallStatus);
    if (before.responsibleAgency === code) expect(action.status).toBeNull();
    else expect(action.status).toBe(before.status);
  });
  expect(list.some((a) => dependsOn(a, code))).toBe(true);
  expectNoneBlameFamily(actions);

  // Escalations: nothing drops silently; the missing agency's late actions stay, status unknown.
  const late = escalations.data?.escalations ?? [];
  for (const before of baseline.escalations) {
    const i = late.findIndex((e) => e.actionCode === before.actionCode);
    expect(i, `${before.actionCode} is still escalated`).toBeGreaterThanOrEqual(0);
    if (before.responsibleAgency === code) {
      expect(late[i]?.status).toBeNull();
      expectNames(errorAt(escalations, ['escalations', i, 'status']), slug);
    } else expect(late[i]?.status).toBe(before.status);
  }
  for (const [i, entry] of late.entries()) {
    if (entry.responsibleAgency === code) expectNames(errorAt(escalations, ['escalations', i, 'status']), slug);
  }
  expectNoneBlameFamily(escalations);

  // Board pack: the missing agency's counts are unavailable, its statuses and values null, named.
  const board = pack.data?.boardPack;
  expect(board).toBeTruthy();
  for (const row of board?.byAgency ?? []) {
    const before = baseline.pack.byAgency.find((r) => r.key === row.key);
    expect(row.unavailable).toBe(row.key === code ? row.total : before?.unavailable);
  }
  board?.overdue.forEach((entry, i) => {
    if (entry.responsibleAgency === code) {
      expect(entry.status).toBeNull();
      expectNames(errorAt(pack, ['boardPack', 'overdue', i, 'status']), slug);
    } else expect(entry.status).not.toBeNull();
  });
  const ownerOf = new Map(baseline.actions.map((a) => [a.code, a.responsibleAgency]));
  board?.indicators.forEach((indicator, i) => {
    const before = baseline.pack.indicators[i];
    if (ownerOf.get(indicator.actionCode) === code) {
      expect(indicator.latestValue).toBeNull();
      expectNames(errorAt(pack, ['boardPack', 'indicators', i, 'latestValue']), slug);
    } else expect(indicator.latestValue).toBe(before?.latestValue);
  });
  expectNoneBlameFamily(pack);

  // Status matrix: the missing agency's cells keep their plan totals, their counts unknown, named.
  const cells = matrix.data?.statusMatrix ?? [];
  expect(cells.map((c) => [c.goal.code, c.responsibleAgency, c.total])).toEqual(
    baseline.matrix.map((c) => [c.goal.code, c.responsibleAgency, c.total]),
  );
  cells.forEach((cell, i) => {
    if (cell.responsibleAgency === code) {
      expect(cell.counts).toBeNull();
      expectNames(errorAt(matrix, ['statusMatrix', i, 'counts']), slug);
    } else expect(cell.counts).toEqual(baseline.matrix[i]?.counts);
  });
  expect(cells.some((c) => c.responsibleAgency === code)).toBe(true);
  expectNoneBlameFamily(matrix);

  // Closing: refused, naming the agency, and the meeting is as it was.
  expect((close.data as { family: { closeMeeting: unknown } } | null)?.family.closeMeeting ?? null).toBeNull();
  expect(close.errors?.[0]?.extensions).toMatchObject({
    code: 'CONFLICT',
    reason: 'AGENCY_UNAVAILABLE',
    agency: code,
    serviceName: slug,
  });
  expect(close.errors?.[0]?.message).toContain(agencyBySlug(slug).nameEn);
  expect(meeting.data?.meeting).toEqual({ state: 'OPEN', version: meetingVersion });
}

describe.each(AGENCIES.map((a) => a.slug))('with the %s subgraph missing', (slug) => {
  it(`answers every cross-agency view, naming ${slug}, while it is hung`, async () => {
    figures.tried += 4;
    stack.hang(slug);
    try {
      await checkViews(slug);
    } finally {
      stack.resume(slug);
    }
    figures.handled += 4;
  });

  it(`answers every cross-agency view, naming ${slug}, once it is killed`, async () => {
    figures.tried += 4;
    await stack.kill(slug);
    try {
      await checkViews(slug);
    } finally {
      await stack.restart(slug);
    }
    figures.handled += 4;
  });
});

describe('with every agency back', () => {
  it('closes the meeting, freezing a complete board pack; closing again is a CONFLICT', async () => {
    const closed = await stack.query<{ family: { closeMeeting: { state: string; version: number } } }>(
      CLOSE,
      { input: { meetingId, expectedVersion: meetingVersion } },
      SECRETARIAT,
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.family.closeMeeting).toEqual({ state: 'CLOSED', version: meetingVersion + 1 });
    const frozen = await stack.query<{ boardPack: PackView }>(PACK, { m: meetingId }, READER);
    expect(frozen.errors).toBeUndefined();
    for (const row of frozen.data?.boardPack.byAgency ?? []) expect(row.unavailable).toBe(0);
    const again = await stack.query(CLOSE, { input: { meetingId, expectedVersion: meetingVersion + 1 } }, SECRETARIAT);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_CLOSED' });
  });
});
