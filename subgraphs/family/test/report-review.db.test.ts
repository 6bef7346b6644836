import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer, TokenOptions } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';
import { defined } from './helpers.js';

// The family ministry reports on its own actions with the same workflow as every agency.
interface Report {
  id: string;
  actionCode: string;
  state: string;
  version: number;
  previousApproved: { period: string } | null;
}

const ACTION = 'A4.H2.E1'; // foster care; example reports approved for 2016-Q2 and 2019-Q2
const REPORT = 'id actionCode state version previousApproved { period }';
const people = {
  liaison: { username: 'family.liaison', agency: 'FAMILY', roles: ['liaison'] },
  focal: { username: 'family.focal', agency: 'FAMILY', roles: ['focal-point'] },
  secretariat: { username: 'family.secretariat', agency: 'FAMILY', roles: ['secretariat'] },
} satisfies Record<string, TokenOptions>;
type Person = keyof typeof people;

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let url: string;

const as = <T>(who: Person, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
  postGraphQL<T>(url, query, variables, { authorization: `Bearer ${issuer.token(people[who])}` });

async function family<T>(
  who: Person,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  fields = REPORT,
) {
  const result = await as<{ family: Record<string, T | null> }>(
    who,
    `mutation($input: ${inputType}!) { family { ${field}(input: $input) { ${fields} } } }`,
    { input },
  );
  return { value: result.data?.family?.[field] ?? null, error: result.errors?.[0] };
}

beforeAll(async () => {
  ({ url, issuer } = subgraph = await startSubgraphUnderTest('review', 'family', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('the family ministry’s own reports', () => {
  let report: Report;

  it('cannot be approved by the focal point who saved a draft of it, and can be withdrawn to edit', async () => {
    const draft = await family<Report>('focal', 'saveProgressReport', 'ProgressReportInput', {
      actionCode: ACTION,
      period: '2020-Q1',
      status: 'IN_PROGRESS',
      percentComplete: 80,
      narrative: 'Örnek: koruyucu aile (example)',
    });
    const submitted = await family<Report>('liaison', 'submitProgressReport', 'ReportTransitionInput', {
      id: defined(draft.value, 'the draft').id,
      expectedVersion: defined(draft.value, 'the draft').version,
    });
    report = defined(submitted.value, 'the submitted report');
    expect(report).toMatchObject({ actionCode: ACTION, state: 'SUBMITTED', previousApproved: { period: '2019-Q2' } });
    const transition = { id: report.id, expectedVersion: report.version };
    const refused = await family<Report>('focal', 'approveProgressReport', 'ReportTransitionInput', transition);
    expect(refused.error?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toContain('four-eyes rule');
    const queue = await as<{ family: { pendingReview: Report[] } }>(
      'focal',
      `{ family { pendingReview { ${REPORT} } } }`,
    );
    expect(queue.data?.family.pendingReview.map((r) => r.id)).toEqual([report.id]);

    const withdrawn = await family<Report>('focal', 'withdrawProgressReport', 'ReportTransitionInput', transition);
    expect(withdrawn.value).toMatchObject({ id: report.id, state: 'DRAFT', version: report.version + 1 });
  });

  it('is withdrawn only by the ministry’s writers: the secretariat has no part in its own ministry’s reports', async () => {
    const queue = await as<{ family: { pendingReview: Report[] } }>('focal', `{ family { pendingReview { id } } }`);
    expect(queue.data?.family.pendingReview).toEqual([]);
    const refused = await family<Report>('secretariat', 'withdrawProgressReport', 'ReportTransitionInput', {
      id: report.id,
      expectedVersion: report.version + 1,
    });
    expect(refused.error?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists every revision of a period of its own action in reportHistory, drafts only inside the ministry', async () => {
    const history = `{ family { action(code: "${ACTION}") { reportHistory(period: "2020-Q1") { id state revision } } } }`;
    type History = { family: { action: { reportHistory: { id: string; state: string; revision: number }[] | null } } };
    const inside = await as<History>('liaison', history);
    expect(inside.errors).toBeUndefined();
    expect(inside.data?.family.action.reportHistory).toEqual([{ id: report.id, state: 'DRAFT', revision: 1 }]);
    const approved = await as<History>(
      'liaison',
      `{ family { action(code: "${ACTION}") { reportHistory(period: "2019-Q2") { id state revision } } } }`,
    );
    expect(approved.data?.family.action.reportHistory?.map((r) => r.state)).toEqual(['APPROVED']);
  });

  it('records the values of its own indicators', async () => {
    const { value, error } = await family<{ value: number; version: number; source: string }>(
      'liaison',
      'recordIndicatorMeasurement',
      'IndicatorMeasurementInput',
      { actionCode: ACTION, indicatorCode: 'A4.H2.E1.G1', period: '2020-Q1', value: 9000 },
      'value version source',
    );
    expect(error).toBeUndefined();
    expect(value).toEqual({ value: 9000, version: 1, source: 'family' });
  });
});
