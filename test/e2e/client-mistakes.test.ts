import { gzipSync } from 'node:zlib';
import { agencyByCode } from '@cocuk-koruma/platform';
import { testClock } from '@cocuk-koruma/testing/clock';
import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { commitmentsOf } from '@cocuk-koruma/plan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_MEMBER, queryCounts, startGraph, type RunningGraph } from '../support/graph.js';

const JUSTICE_ACTION = commitmentsOf('JUSTICE')[0]?.code ?? 'missing justice action';
const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
const SECRETARIAT: TokenOptions = { username: 'family.secretariat', agency: 'FAMILY', roles: ['secretariat'] };
const JUSTICE_SYSTEM: TokenOptions = {
  username: 'service-account-justice-system',
  agency: 'JUSTICE',
  roles: ['agency-system'],
  clientId: 'justice-system',
};

/** Anything a response must never show a caller: stack frames, file paths, SQL, internal URLs. */
const LEAK = /stacktrace|\bat \S+ \(|node_modules|\.ts:\d+|\.js:\d+|select |from "|params:|http:\/\/127\.0\.0\.1/i;

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: GraphQLResponse;
}

let graph: RunningGraph;

async function send(url: string, body: string | Buffer, headers: Record<string, string> = {}, as = BOARD_MEMBER) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(as)}`, ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let parsed: GraphQLResponse = {};
  try {
    parsed = JSON.parse(text) as GraphQLResponse;
  } catch {
    // left empty: the assertions on the content type say what came instead
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body: parsed };
}

const post = (url: string, payload: Record<string, unknown>, as?: TokenOptions): Promise<Answer> =>
  send(url, JSON.stringify(payload), {}, as);

function expectRefused(answer: Answer, status: number, code: string, message?: RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contentType).toMatch(/application\/json/);
  expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe(code);
  if (message) expect(answer.body.errors?.[0]?.message).toMatch(message);
  expect(answer.text).not.toMatch(LEAK);
}

beforeAll(async () => {
  graph = await startGraph('mistakes', { clock: testClock('2026-11-15') });
});

afterAll(async () => {
  await graph?.stop();
});

describe('a malformed request at the gateway', () => {
  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    expectRefused(await post(graph.gatewayUrl, { query: '{ strategy { title ' }), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('answers a query over the token limit with 400 GRAPHQL_PARSE_FAILED, before any subgraph is called', async () => {
    const before = queryCounts(graph);
    const answer = await post(graph.gatewayUrl, { query: `{ strategy { ${'title '.repeat(2100)} } }` });
    expectRefused(answer, 400, 'GRAPHQL_PARSE_FAILED', /2000 tokens/);
    expect(queryCounts(graph)).toEqual(before);
  });

  it('answers several operations without an operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'query A { strategy { title } } query B { areas { code } }';
    expectRefused(await post(graph.gatewayUrl, { query }), 400, 'OPERATION_RESOLUTION_FAILURE', /operationName/);
  });

  it('answers an unknown operationName with 400 OPERATION_RESOLUTION_FAILURE naming it', async () => {
    const answer = await post(graph.gatewayUrl, { query: 'query A { strategy { title } }', operationName: 'Z' });
    expectRefused(answer, 400, 'OPERATION_RESOLUTION_FAILURE', /"Z"/);
  });

  it('still runs the operation a multi-operation document names (the control)', async () => {
    const answer = await post(graph.gatewayUrl, {
      query: 'query A { strategy { title } } query B { areas { code } }',
      operationName: 'B',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('areas');
  });

  for (const [where, url] of [
    ['the gateway', () => graph.gatewayUrl],
    ['a subgraph called directly', () => graph.subgraphs.justice.listening.url],
  ] as const) {
    it(`answers a gzip body that does not inflate with a JSON 400 at ${where}, not an HTML stack trace`, async () => {
      const answer = await send(url(), Buffer.from('certainly not gzip'), { 'content-encoding': 'gzip' });
      expectRefused(answer, 400, 'BAD_REQUEST');
      const good = await send(url(), gzipSync(JSON.stringify({ query: '{ justice { code } }' })), {
        'content-encoding': 'gzip',
      });
      expect(good.body).toEqual({ data: { justice: { code: 'JUSTICE' } } });
    });
  }
});

describe('values that are not what they claim to be', () => {
  const REBASELINE = `mutation($input: RebaselineInput!) { family { rebaselineAction(input: $input) { code } } }`;
  const rebaseline = (newDueDate: unknown) => ({
    query: REBASELINE,
    variables: { input: { actionCode: JUSTICE_ACTION, newDueDate, reason: 'Bina gecikti', expectedVersion: 1 } },
  });

  for (const date of ['2027-02-30', 'tomorrow', '2027-13-01', 20270101]) {
    it(`refuses the due date ${JSON.stringify(date)} in a variable with 400 BAD_USER_INPUT, naming no internal URL`, async () => {
      const before = queryCounts(graph);
      const answer = await post(graph.gatewayUrl, rebaseline(date), SECRETARIAT);
      expectRefused(answer, 400, 'BAD_USER_INPUT', /is not a date: write a calendar date as YYYY-MM-DD/);
      expect(queryCounts(graph)).toEqual(before);
    });
  }

  it('refuses an impossible date written in the query as BAD_USER_INPUT, at the gateway and at the subgraph', async () => {
    const query = `mutation { family { rebaselineAction(input: { actionCode: "${JUSTICE_ACTION}", newDueDate: "2027-02-30", reason: "x", expectedVersion: 1 }) { code } } }`;
    for (const url of [graph.gatewayUrl, graph.subgraphs.family.listening.url]) {
      expectRefused(await post(url, { query }, SECRETARIAT), 400, 'BAD_USER_INPUT', /"2027-02-30" is not a date/);
    }
  });

  it('refuses "tomorrow" as a decision’s due date with BAD_USER_INPUT', async () => {
    const answer = await post(
      graph.gatewayUrl,
      {
        query: `mutation($input: RecordDecisionInput!) { family { recordDecision(input: $input) { id } } }`,
        variables: { input: { meetingId: 'central-11', text: 'x', ownerAgency: 'JUSTICE', dueDate: 'tomorrow' } },
      },
      SECRETARIAT,
    );
    expectRefused(answer, 400, 'BAD_USER_INPUT', /"tomorrow" is not a date/);
  });

  it('accepts a real date (the control), for 29 February of a leap year too', async () => {
    const answer = await post(graph.gatewayUrl, rebaseline('2028-02-29'), SECRETARIAT);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ family: { rebaselineAction: { code: JUSTICE_ACTION } } });
  });

  for (const [where, url] of [
    ['the gateway', () => graph.gatewayUrl],
    ['the justice subgraph', () => graph.subgraphs.justice.listening.url],
  ] as const) {
    it(`answers a NUL character in an action code at ${where} with BAD_USER_INPUT and no SQL`, async () => {
      const answer = await post(url(), { query: '{ justice { action(code: "\\u0000") { code } } }' }, JUSTICE_LIAISON);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(/cannot be stored/);
      expect(answer.text).not.toMatch(LEAK);
      expect(answer.text).not.toContain('commitments');
    });
  }

  it('answers _entities representations without their key, or of no entity type, with BAD_USER_INPUT', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on JusticeAction { status } } }';
    const cases: [unknown[], RegExp][] = [
      [[{ __typename: 'JusticeAction' }], /representations\[0\]: a JusticeAction is looked up by its "code"/],
      [[{ __typename: 'JusticeAction', code: 7 }], /looked up by its "code", a non-empty string/],
      [[{ code: JUSTICE_ACTION }], /representations\[0\] has no __typename/],
      [[{ __typename: 'HealthAction', code: 'A1' }], /names "HealthAction", no entity of this service/],
      [['A1.H1.E2'], /must be an object/],
    ];
    for (const [representations, message] of cases) {
      const answer = await post(graph.subgraphs.justice.listening.url, { query, variables: { r: representations } });
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.text).not.toMatch(LEAK);
    }
  });
});

describe('errors under development settings (NODE_ENV is not production)', () => {
  it('carry no stack trace: a NOT_FOUND through the gateway and at the subgraph', async () => {
    for (const url of [graph.gatewayUrl, graph.subgraphs.justice.listening.url]) {
      const answer = await post(url, { query: '{ justice { action(code: "Z9.H9.E9") { code } } }' });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
      expect(answer.text).not.toMatch(LEAK);
    }
  });
});

describe('periods', () => {
  const SAVE = `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { period version } } }`;
  const save = (period: string) =>
    post(
      graph.gatewayUrl,
      {
        query: SAVE,
        variables: {
          input: { actionCode: JUSTICE_ACTION, period, status: 'IN_PROGRESS', percentComplete: 10, narrative: 'x' },
        },
      },
      JUSTICE_LIAISON,
    );

  // The test clock stands on 2026-11-15: the current quarter is 2026-Q4; the plan starts in 2014.
  for (const [period, reason] of [
    ['1900-Q1', /before the plan's first quarter, 2014-Q1/],
    ['2013-Q4', /before the plan's first quarter, 2014-Q1/],
    ['2027-Q1', /after the current quarter, 2026-Q4/],
    ['2031-Q4', /after the current quarter, 2026-Q4/],
    ['2026-Q9', /must be a quarter such as 2026-Q3/],
  ] as const) {
    it(`refuses a report for ${period} with BAD_USER_INPUT and writes nothing`, async () => {
      const before = queryCounts(graph).justice;
      const answer = await save(period);
      expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(reason);
      // Only the caller's own commitment may have been read; no report was locked or written.
      expect(queryCounts(graph).justice - before).toBeLessThanOrEqual(1);
    });
  }

  it('accepts the plan’s first quarter and the current quarter (the controls)', async () => {
    for (const period of ['2014-Q1', '2026-Q4']) {
      const answer = await save(period);
      expect(answer.body.errors, answer.text).toBeUndefined();
      expect(answer.body.data).toEqual({ justice: { saveProgressReport: { period, version: 1 } } });
    }
  });

  it('refuses reportHistory for a period that is no quarter, and answers a real one', async () => {
    const history = (period: string) =>
      post(graph.gatewayUrl, {
        query: `query($c: ID!, $p: String!) { justice { action(code: $c) { reportHistory(period: $p) { period } } } }`,
        variables: { c: JUSTICE_ACTION, p: period },
      });
    const bad = await history('2026-Q9');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toMatch(/period: must be a quarter such as 2026-Q3/);
    const good = await history('2014-Q1');
    expect(good.body.errors).toBeUndefined();
  });
});

describe('the words of refusals', () => {
  const SAVE_HEALTH = `mutation($input: ProgressReportInput!) { health { saveProgressReport(input: $input) { id } } }`;
  const HEALTH_ACTION = commitmentsOf('HEALTH')[0]?.code ?? 'missing health action';
  const input = {
    actionCode: HEALTH_ACTION,
    period: '2026-Q3',
    status: 'IN_PROGRESS',
    percentComplete: 1,
    narrative: 'x',
  };

  it('tells a person "you act for", an agency system that it "acts for"', async () => {
    const person = await post(graph.gatewayUrl, { query: SAVE_HEALTH, variables: { input } }, JUSTICE_LIAISON);
    expect(person.body.errors?.[0]?.message).toBe(
      'Not allowed: you act for the Ministry of Justice; only the Ministry of Health may change its data.',
    );
    const system = await post(graph.gatewayUrl, { query: SAVE_HEALTH, variables: { input } }, JUSTICE_SYSTEM);
    expect(system.body.errors?.[0]?.message).toBe(
      'Not allowed: the agency system "justice-system" acts for the Ministry of Justice; only the Ministry of Health may change its data.',
    );
  });

  it('names the ministry without a doubled possessive ("Services\'s")', async () => {
    const family = agencyByCode('FAMILY').nameEn;
    const board = await post(
      graph.gatewayUrl,
      {
        query: `mutation($input: ProgressReportInput!) { family { saveProgressReport(input: $input) { id } } }`,
        variables: { input: { ...input, actionCode: commitmentsOf('FAMILY')[0]?.code } },
      },
      { ...BOARD_MEMBER },
    );
    expect(board.body.errors?.[0]?.message).toBe(
      `Not allowed: changing the data of the ${family} needs one of the roles liaison, focal-point, agency-system.`,
    );
    const wrongAction = await post(
      graph.gatewayUrl,
      { query: SAVE_HEALTH, variables: { input: { ...input, actionCode: JUSTICE_ACTION } } },
      HEALTH_LIAISON,
    );
    expect(wrongAction.body.errors?.[0]?.message).toBe(
      `Not allowed: action ${JUSTICE_ACTION} belongs to the Ministry of Justice; only the responsible agency reports on it.`,
    );
  });

  it('tells a decision without a due date that it needs one, not that it falls due before its meeting', async () => {
    const scheduled = await post(
      graph.gatewayUrl,
      {
        query: `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id } } }`,
        variables: { input: { bodyId: 'central', number: 70, date: '2026-11-20', title: 'Test meeting' } },
      },
      SECRETARIAT,
    );
    expect(scheduled.body.errors).toBeUndefined();
    for (const dueDate of [undefined, null]) {
      const answer = await post(
        graph.gatewayUrl,
        {
          query: `mutation($input: RecordDecisionInput!) { family { recordDecision(input: $input) { id } } }`,
          variables: { input: { meetingId: 'central-70', text: 'Rapor sunulsun', ownerAgency: 'JUSTICE', dueDate } },
        },
        SECRETARIAT,
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toBe(
        'input.dueDate: a decision needs a due date, so its follow-up can fall due',
      );
    }
  });
});
