import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

// What the portal's inbox and approval queue do, through the gateway: a focal point who wrote a
// report is refused, the queue shows what changed since the last approved report, a report nobody
// may review is withdrawn by an agency system retrying with its key, and values entered by the
// ministry reach other agencies under the small-number rule.
const who = {
  liaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  focal: { username: 'justice.focal', agency: 'JUSTICE', roles: ['focal-point'] },
  system: {
    username: 'service-account-justice-system',
    agency: 'JUSTICE',
    roles: ['agency-system'],
    clientId: 'justice-system',
    claims: { sub: '00000000-0000-4000-8000-00000000c001' },
  },
  familyBoard: { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] },
} satisfies Record<string, TokenOptions>;

const ACTION = 'A1.H1.E2'; // forensic interview rooms; example reports approved for 2017-Q2, 2018-Q2, 2019-Q2
const PERIOD = '2020-Q1';
interface Report {
  id: string;
  version: number;
  state: string;
  actionCode: string;
  period: string;
  previousApproved: { period: string; percentComplete: number } | null;
}
const REPORT = 'id version state actionCode period previousApproved { period percentComplete }';

let graph: RunningGraph;

async function justice<T>(as: TokenOptions, field: string, inputType: string, input: Record<string, unknown>) {
  const result = await graph.query<{ justice: Record<string, T | null> | null }>(
    `mutation($input: ${inputType}!) { justice { ${field}(input: $input) { ${REPORT} } } }`,
    { input },
    as,
  );
  return { value: result.data?.justice?.[field] ?? null, errors: result.errors };
}

async function step(as: TokenOptions, field: string, inputType: string, input: Record<string, unknown>) {
  const { value, errors } = await justice<Report>(as, field, inputType, input);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  if (!value) throw new Error(`expected ${field} to answer a report`);
  return value;
}

beforeAll(async () => {
  graph = await startGraph('review');
});

afterAll(async () => {
  await graph?.stop();
});

describe('reviewing reports through the gateway', () => {
  let report: Report;

  it('refuses the focal point who wrote a draft, once a liaison submitted it, with FORBIDDEN on its path', async () => {
    const draft = await step(who.focal, 'saveProgressReport', 'ProgressReportInput', {
      actionCode: ACTION,
      period: PERIOD,
      status: 'IN_PROGRESS',
      percentComplete: 80,
      narrative: 'Örnek: yeni odalar (example)',
    });
    report = await step(who.liaison, 'submitProgressReport', 'ReportTransitionInput', {
      id: draft.id,
      expectedVersion: draft.version,
    });
    const refused = await justice<Report>(who.focal, 'approveProgressReport', 'ReportTransitionInput', {
      id: report.id,
      expectedVersion: report.version,
    });
    expect(refused.value).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      path: ['justice', 'approveProgressReport'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(refused.errors?.[0]?.message).toContain('four-eyes rule');
  });

  it('lists the report for review beside the last approved one, to the ministry only', async () => {
    const inside = await graph.query<{ justice: { pendingReview: Report[] } }>(
      `{ justice { pendingReview { ${REPORT} } } }`,
      {},
      who.focal,
    );
    expect(inside.data?.justice.pendingReview).toEqual([
      expect.objectContaining({
        id: report.id,
        actionCode: ACTION,
        previousApproved: { period: '2019-Q2', percentComplete: 70 },
      }),
    ]);
    const outside = await graph.query<{ justice: { pendingReview: Report[]; returnedReports: Report[] } }>(
      `{ justice { pendingReview { id } returnedReports { id } } }`,
      {},
      who.familyBoard,
    );
    expect(outside.data?.justice).toEqual({ pendingReview: [], returnedReports: [] });
  });

  it('resolves the new report fields on an action the family ministry lists', async () => {
    const result = await graph.query<{ action: { latestReport: Report } }>(
      `query($code: ID!) { action(code: $code) { latestReport { ${REPORT} } } }`,
      { code: ACTION },
      who.familyBoard,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.action.latestReport).toMatchObject({
      actionCode: ACTION,
      period: '2019-Q2',
      previousApproved: { period: '2018-Q2' },
    });
  });

  it('lets an agency system withdraw it once, however often it retries with the same key', async () => {
    const send = async () => {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${graph.issuer.token(who.system)}`,
          'idempotency-key': 'withdraw-A1.H1.E2-2020-Q1',
        },
        body: JSON.stringify({
          query: `mutation($input: ReportTransitionInput!) { justice { withdrawProgressReport(input: $input) { ${REPORT} } } }`,
          variables: { input: { id: report.id, expectedVersion: report.version } },
        }),
      });
      return {
        replayed: response.headers.get('idempotent-replayed'),
        body: (await response.json()) as GraphQLResponse<{ justice: { withdrawProgressReport: Report } }>,
      };
    };
    const first = await send();
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.justice.withdrawProgressReport).toMatchObject({
      id: report.id,
      state: 'DRAFT',
      version: report.version + 1,
    });
    expect(first.replayed).toBeNull();
    const retry = await send();
    expect(retry.body.data).toEqual(first.body.data);
    // The agency's replay mark reaches the agency system through the gateway.
    expect(retry.replayed).toBe('true');
    const entries = (await graph.subgraphs.justice.server.database.db.execute(
      sql`select count(*)::int as n from audit_log where operation = 'withdrawProgressReport'`,
    )) as unknown as { rows: { n: number }[] };
    expect(entries.rows[0]?.n).toBe(1);
    const stale = await justice<Report>(who.liaison, 'withdrawProgressReport', 'ReportTransitionInput', {
      id: report.id,
      expectedVersion: report.version,
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('shows the values the ministry records to other agencies with small province counts withheld', async () => {
    const cells = [
      { provincePlateCode: null, value: 40 },
      { provincePlateCode: '06', value: 2 },
      { provincePlateCode: '34', value: 30 },
    ];
    for (const cell of cells) {
      const result = await graph.query<{ justice: { recordIndicatorMeasurement: { version: number } } }>(
        `mutation($input: IndicatorMeasurementInput!) { justice { recordIndicatorMeasurement(input: $input) { version } } }`,
        { input: { actionCode: ACTION, indicatorCode: 'A1.H1.E2.G1', period: PERIOD, ...cell } },
        who.liaison,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    }
    const seen = await graph.query<{
      action: { measurements: { period: string; provincePlateCode: string | null; value: number | null }[] };
    }>(
      `query($code: ID!) { action(code: $code) { measurements { period provincePlateCode value suppressed } } }`,
      { code: ACTION },
      who.familyBoard,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.action.measurements.filter((m) => m.period === PERIOD)).toEqual(
      expect.arrayContaining([
        { period: PERIOD, provincePlateCode: null, value: 40, suppressed: false },
        { period: PERIOD, provincePlateCode: '06', value: null, suppressed: true },
        { period: PERIOD, provincePlateCode: '34', value: 30, suppressed: false },
      ]),
    );
  });
});
