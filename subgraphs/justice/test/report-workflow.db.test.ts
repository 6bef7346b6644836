import { verifyAuditChain } from '@cocuk-koruma/domain';
import type { Role } from '@cocuk-koruma/platform';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// The reporting workflow is shared code; it is exercised here on the justice subgraph.
type Server = Awaited<ReturnType<typeof createServer>>;
interface Report {
  id: string;
  state: string;
  version: number;
  revision: number;
  percentComplete: number;
  reviewComment: string | null;
}

const ACTION = 'A1.H1.E2';
const PERIOD = '2014-Q3';
const FIELDS = 'id state version revision percentComplete reviewComment';

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let server: Server;
let url: string;

const people = {
  liaison: { username: 'justice.liaison', agency: 'JUSTICE' as const, roles: ['liaison'] as Role[] },
  focal: { username: 'justice.focal', agency: 'JUSTICE' as const, roles: ['focal-point'] as Role[] },
  focal2: { username: 'justice.focal2', agency: 'JUSTICE' as const, roles: ['focal-point'] as Role[] },
  healthLiaison: { username: 'health.liaison', agency: 'HEALTH' as const, roles: ['liaison'] as Role[] },
};
type Person = keyof typeof people;

async function as<T>(who: Person, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, query, variables, { authorization: `Bearer ${issuer.token(people[who])}` });
}

async function mutate(who: Person, field: string, inputType: string, input: Record<string, unknown>) {
  const result = await as<{ justice: Record<string, Report> }>(
    who,
    `mutation($input: ${inputType}!) { justice { ${field}(input: $input) { ${FIELDS} } } }`,
    { input },
  );
  return { report: result.data?.justice?.[field], error: result.errors?.[0] };
}

const save = (who: Person, input: Record<string, unknown>) =>
  mutate(who, 'saveProgressReport', 'ProgressReportInput', {
    actionCode: ACTION,
    period: PERIOD,
    status: 'IN_PROGRESS',
    percentComplete: 30,
    narrative: 'Workflow test',
    ...input,
  });
const step = (who: Person, field: string, report: Report, extra: Record<string, unknown> = {}) =>
  mutate(who, field, field === 'returnProgressReport' ? 'ReturnReportInput' : 'ReportTransitionInput', {
    id: report.id,
    expectedVersion: report.version,
    ...extra,
  });

async function visibleTo(who: Person) {
  const result = await as<{
    justice: { action: { status: string; latestReport: Report | null; progressReports: Report[]; history: Report[] } };
  }>(
    who,
    `query($period: String!) { justice { action(code: "${ACTION}") {
      status latestReport { ${FIELDS} } progressReports { ${FIELDS} } history: reportHistory(period: $period) { ${FIELDS} }
    } } }`,
    { period: PERIOD },
  );
  const action = result.data?.justice.action;
  if (!action) throw new Error(JSON.stringify(result.errors));
  return action;
}

async function snapshot() {
  const result = (await server.database.db.execute(
    sql`select id, state, version, revision, percent_complete from progress_reports where period = ${PERIOD} order by revision`,
  )) as unknown as { rows: unknown[] };
  return result.rows;
}

beforeAll(async () => {
  ({ server, url, issuer } = subgraph = await startSubgraphUnderTest('workflow', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('a quarter’s progress report', () => {
  let report: Report;

  it('starts as a draft that only the agency itself can see', async () => {
    const created = await save('liaison', {});
    expect(created.error).toBeUndefined();
    report = created.report as Report;
    expect(report).toMatchObject({ state: 'DRAFT', version: 1, revision: 1 });
    const inside = await visibleTo('focal');
    expect(inside.history.map((r) => r.state)).toEqual(['DRAFT']);
    const outside = await visibleTo('healthLiaison');
    expect(outside.history).toEqual([]);
    expect(outside.progressReports.map((r) => r.id)).not.toContain(report.id);
  });

  it('refuses a malformed period and a percentage outside 0–100 with BAD_USER_INPUT, writing nothing', async () => {
    const before = await snapshot();
    expect((await save('liaison', { period: '2031-Q5' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await save('liaison', { percentComplete: 101, expectedVersion: 1 })).error?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a report on another ministry’s action with FORBIDDEN naming the owner', async () => {
    const result = await save('liaison', { actionCode: 'A1.H1.E3' });
    expect(result.error?.extensions?.code).toBe('FORBIDDEN');
    expect(result.error?.message).toContain('Ministry of Health');
  });

  it('refuses a stale version with CONFLICT and keeps the stored draft', async () => {
    const updated = await save('liaison', { percentComplete: 35, expectedVersion: 1 });
    report = updated.report as Report;
    expect(report.version).toBe(2);
    const before = await snapshot();
    const stale = await save('liaison', { percentComplete: 99, expectedVersion: 1 });
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('goes back to its authors with a comment, and is edited and submitted again', async () => {
    report = (await step('liaison', 'submitProgressReport', report)).report as Report;
    expect(report.state).toBe('SUBMITTED');
    expect((await save('liaison', { expectedVersion: report.version })).error?.extensions?.code).toBe('CONFLICT');
    const noComment = await step('focal', 'returnProgressReport', report, { comment: '  ' });
    expect(noComment.error?.extensions?.code).toBe('BAD_USER_INPUT');
    report = (await step('focal', 'returnProgressReport', report, { comment: 'Add the second court' }))
      .report as Report;
    expect(report).toMatchObject({ state: 'RETURNED', reviewComment: 'Add the second court' });
    report = (await save('liaison', { percentComplete: 40, expectedVersion: report.version })).report as Report;
    expect(report.state).toBe('DRAFT');
    report = (await step('liaison', 'submitProgressReport', report)).report as Report;
    expect(report.state).toBe('SUBMITTED');
  });

  it('cannot be approved by a liaison, nor by the focal point who submitted it', async () => {
    const before = await snapshot();
    const byLiaison = await step('liaison', 'approveProgressReport', report);
    expect(byLiaison.error?.extensions?.code).toBe('FORBIDDEN');
    // A focal point who submits their own report may not approve it.
    const draft = (await step('focal', 'returnProgressReport', report, { comment: 'Let me file it' })).report as Report;
    const submittedByFocal = (await step('focal', 'submitProgressReport', draft)).report as Report;
    const own = await step('focal', 'approveProgressReport', submittedByFocal);
    expect(own.error?.extensions?.code).toBe('FORBIDDEN');
    expect(own.error?.message).toContain('four-eyes rule');
    report = submittedByFocal;
    expect((await snapshot()).length).toBe(before.length);
  });

  it('once approved by another focal point, is visible to every reader, sets the status and is locked', async () => {
    report = (await step('focal2', 'approveProgressReport', report)).report as Report;
    expect(report.state).toBe('APPROVED');
    const outside = await visibleTo('healthLiaison');
    expect(outside.history.map((r) => r.id)).toEqual([report.id]);
    expect(outside.status).toBe('IN_PROGRESS');
    const before = await snapshot();
    const edit = await save('liaison', { percentComplete: 50, expectedVersion: report.version });
    expect(edit.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_LOCKED' });
    expect(await snapshot()).toEqual(before);
  });

  it('is corrected through a new revision while the approved one stays in force, and the history stays readable', async () => {
    const correction = await mutate('liaison', 'correctProgressReport', 'CorrectionInput', {
      actionCode: ACTION,
      period: PERIOD,
      expectedVersion: report.version,
    });
    expect(correction.report).toMatchObject({ state: 'DRAFT', revision: 2, version: 1 });
    const outside = await visibleTo('healthLiaison');
    expect(outside.history.map((r) => r.revision)).toEqual([1]);
    const inside = await visibleTo('focal');
    expect(inside.history.map((r) => [r.revision, r.state])).toEqual([
      [1, 'APPROVED'],
      [2, 'DRAFT'],
    ]);
  });

  it('leaves every step in the justice audit log with its versions, and the chain verifies', async () => {
    const result = (await server.database.db.execute(
      sql`select operation, before_version, after_version from audit_log where kind = 'WRITE' order by seq`,
    )) as unknown as { rows: { operation: string }[] };
    expect(result.rows.map((r) => r.operation)).toEqual([
      'saveProgressReport',
      'saveProgressReport',
      'submitProgressReport',
      'returnProgressReport',
      'saveProgressReport',
      'submitProgressReport',
      'returnProgressReport',
      'submitProgressReport',
      'approveProgressReport',
      'correctProgressReport',
    ]);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });
});
