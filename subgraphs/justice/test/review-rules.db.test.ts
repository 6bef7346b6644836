import fs from 'node:fs';
import { verifyAuditChain } from '@cocuk-koruma/domain';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer, TokenOptions } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// The four-eyes rule, withdrawing and the review queues are shared code, exercised on justice.
type Server = Awaited<ReturnType<typeof createServer>>;
interface Report {
  id: string;
  actionCode: string;
  state: string;
  version: number;
  revision: number;
  period: string;
  authors: string[];
  submittedBy: string | null;
  reviewComment: string | null;
  previousApproved: { id: string; period: string; revision: number } | null;
}

const ACTION = 'A1.H1.E2';
const FIELDS =
  'id actionCode state version revision period authors submittedBy reviewComment previousApproved { id period revision }';

const people = {
  liaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  focal: { username: 'justice.focal', agency: 'JUSTICE', roles: ['focal-point'] },
  focal2: { username: 'justice.focal2', agency: 'JUSTICE', roles: ['focal-point'] },
  system: {
    username: 'service-account-justice-system',
    agency: 'JUSTICE',
    roles: ['agency-system'],
    clientId: 'justice-system',
    claims: { sub: '00000000-0000-4000-8000-00000000b001' },
  },
  board: { username: 'justice.board', agency: 'JUSTICE', roles: ['board-member'] },
  healthLiaison: { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] },
} satisfies Record<string, TokenOptions>;
type Person = keyof typeof people;

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let server: Server;
let url: string;

/** The value a test goes on with; a missing one fails the test here, with what was expected. */
function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

const as = <T>(who: Person, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
  postGraphQL<T>(url, query, variables, { authorization: `Bearer ${issuer.token(people[who])}` });

const INPUT_TYPES: Record<string, string> = {
  saveProgressReport: 'ProgressReportInput',
  returnProgressReport: 'ReturnReportInput',
  correctProgressReport: 'CorrectionInput',
};

async function mutate(who: Person, field: string, input: Record<string, unknown>) {
  const result = await as<{ justice: Record<string, Report | null> }>(
    who,
    `mutation($input: ${INPUT_TYPES[field] ?? 'ReportTransitionInput'}!) { justice { ${field}(input: $input) { ${FIELDS} } } }`,
    { input },
  );
  return { report: result.data?.justice?.[field] ?? undefined, error: result.errors?.[0] };
}

async function ok(who: Person, field: string, input: Record<string, unknown>): Promise<Report> {
  const { report, error } = await mutate(who, field, input);
  expect(error, JSON.stringify(error)).toBeUndefined();
  return report as Report;
}

const save = (who: Person, period: string, extra: Record<string, unknown> = {}) =>
  ok(who, 'saveProgressReport', {
    actionCode: ACTION,
    period,
    status: 'IN_PROGRESS',
    percentComplete: 40,
    narrative: 'Review rules test (example)',
    ...extra,
  });
const step = (who: Person, field: string, report: Report, extra: Record<string, unknown> = {}) =>
  mutate(who, field, { id: report.id, expectedVersion: report.version, ...extra });
const okStep = async (who: Person, field: string, report: Report, extra: Record<string, unknown> = {}) =>
  ok(who, field, { id: report.id, expectedVersion: report.version, ...extra });

async function snapshot() {
  const result = (await server.database.db.execute(
    sql`select id, state, version, revision, authors, submitted_by, (select count(*)::int from audit_log) as entries
        from progress_reports where source <> 'example' order by period, revision`,
  )) as unknown as { rows: unknown[] };
  return result.rows;
}

beforeAll(async () => {
  ({ server, url, issuer } = subgraph = await startSubgraphUnderTest('reviews', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('the four-eyes rule', () => {
  it('keeps a focal point who saved a draft from approving or returning it after a liaison submits it', async () => {
    let report = await save('focal', '2015-Q1');
    report = await save('liaison', '2015-Q1', { percentComplete: 45, expectedVersion: report.version });
    report = await okStep('liaison', 'submitProgressReport', report);
    expect(report).toMatchObject({ actionCode: ACTION, submittedBy: 'justice.liaison' });
    expect([...report.authors].sort()).toEqual(['justice.focal', 'justice.liaison']);

    const before = await snapshot();
    const approve = await step('focal', 'approveProgressReport', report);
    expect(approve.error?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(approve.error?.message).toContain('four-eyes rule');
    expect(approve.error?.message).toContain('justice.focal wrote or submitted revision 1');
    const ret = await step('focal', 'returnProgressReport', report, { comment: 'Looks fine to me' });
    expect(ret.error?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    expect((await okStep('focal2', 'approveProgressReport', report)).state).toBe('APPROVED');
  });

  it('keeps whoever submitted an earlier round from reviewing it after someone else resubmits it', async () => {
    let report = await save('liaison', '2015-Q2');
    report = await okStep('focal', 'submitProgressReport', report);
    report = await okStep('focal2', 'returnProgressReport', report, { comment: 'Name the courthouses' });
    report = await save('liaison', '2015-Q2', { expectedVersion: report.version });
    report = await okStep('liaison', 'submitProgressReport', report);
    const refused = await step('focal', 'approveProgressReport', report);
    expect(refused.error?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toContain('four-eyes rule');
  });

  it('keeps the focal point who opened a correction from approving it', async () => {
    const [first] =
      (
        await as<{ justice: { action: { reportHistory: Report[] } } }>(
          'focal',
          `{ justice { action(code: "${ACTION}") { reportHistory(period: "2015-Q1") { ${FIELDS} } } } }`,
        )
      ).data?.justice.action.reportHistory ?? [];
    const approved = defined(first, 'the approved 2015-Q1 report');
    let correction = await ok('focal', 'correctProgressReport', {
      actionCode: ACTION,
      period: '2015-Q1',
      expectedVersion: approved.version,
    });
    expect(correction.authors).toEqual(['justice.focal']);
    correction = await save('liaison', '2015-Q1', { percentComplete: 50, expectedVersion: correction.version });
    correction = await okStep('liaison', 'submitProgressReport', correction);
    expect((await step('focal', 'approveProgressReport', correction)).error?.extensions?.code).toBe('FORBIDDEN');
    // What the reviewer compares the correction with: the revision it corrects.
    expect(correction.previousApproved).toMatchObject({ id: approved.id, revision: 1 });
    expect((await okStep('focal2', 'approveProgressReport', correction)).revision).toBe(2);
  });
});

describe('withdrawing a report under review', () => {
  let report: Report;

  it('is refused for another agency and for a reader of the same agency, changing nothing', async () => {
    report = await okStep('liaison', 'submitProgressReport', await save('liaison', '2015-Q3'));
    const before = await snapshot();
    const other = await step('healthLiaison', 'withdrawProgressReport', report);
    expect(other.error?.extensions?.code).toBe('FORBIDDEN');
    expect(other.error?.message).toContain('Ministry of Justice');
    expect((await step('board', 'withdrawProgressReport', report)).error?.extensions?.code).toBe('FORBIDDEN');
    const stale = await mutate('liaison', 'withdrawProgressReport', { id: report.id, expectedVersion: 1 });
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: report.version });
    expect(await snapshot()).toEqual(before);
  });

  it('brings it back to a draft of the same revision, once, for an agency system retrying with its key', async () => {
    const send = async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${issuer.token(people.system)}`,
          'idempotency-key': 'withdraw-2015-Q3',
        },
        body: JSON.stringify({
          query: `mutation($input: ReportTransitionInput!) { justice { withdrawProgressReport(input: $input) { ${FIELDS} } } }`,
          variables: { input: { id: report.id, expectedVersion: report.version } },
        }),
      });
      const body = (await response.json()) as GraphQLResponse<{ justice: { withdrawProgressReport: Report } }>;
      return { replayed: response.headers.get('idempotent-replayed'), body };
    };
    const first = await send();
    expect(first.body.errors).toBeUndefined();
    const withdrawn = defined(first.body.data?.justice.withdrawProgressReport, 'the withdrawn report');
    expect(withdrawn).toMatchObject({ id: report.id, state: 'DRAFT', revision: 1, version: report.version + 1 });
    expect(withdrawn.submittedBy).toBeNull();
    // The submitter stays an author: withdrawing does not launder who wrote it.
    expect(withdrawn.authors).toContain('justice.liaison');

    const retry = await send();
    expect(retry.replayed).toBe('true');
    expect(retry.body.data).toEqual(first.body.data);
    const entries = (await server.database.db.execute(
      sql`select count(*)::int as n from audit_log where operation = 'withdrawProgressReport'`,
    )) as unknown as { rows: { n: number }[] };
    expect(entries.rows[0]?.n).toBe(1);
    report = withdrawn;
  });

  it('refuses a draft with CONFLICT WRONG_STATE and an approved report with CONFLICT PERIOD_LOCKED', async () => {
    const draft = await step('liaison', 'withdrawProgressReport', report);
    expect(draft.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE', state: 'DRAFT' });
    report = await save('liaison', '2015-Q3', { percentComplete: 55, expectedVersion: report.version });
    report = await okStep('liaison', 'submitProgressReport', report);
    report = await okStep('focal', 'approveProgressReport', report);
    const locked = await step('focal', 'withdrawProgressReport', report);
    expect(locked.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_LOCKED' });
  });

  it('lets an agency’s only focal point, who wrote and submitted a report, take it back to edit', async () => {
    let own = await save('focal', '2015-Q4');
    own = await okStep('focal', 'submitProgressReport', own);
    expect((await step('focal', 'approveProgressReport', own)).error?.extensions?.code).toBe('FORBIDDEN');
    own = await okStep('focal', 'withdrawProgressReport', own);
    own = await save('focal', '2015-Q4', { percentComplete: 60, expectedVersion: own.version });
    expect(own).toMatchObject({ state: 'DRAFT', revision: 1 });
  });
});

describe('the review queues', () => {
  const QUEUES = `{ justice { pendingReview { ${FIELDS} } returnedReports { ${FIELDS} } } }`;
  type Queues = { justice: { pendingReview: Report[]; returnedReports: Report[] } };

  it('list the reports awaiting a focal point and those sent back, each with what it is compared with', async () => {
    const pending = await okStep('liaison', 'submitProgressReport', await save('liaison', '2016-Q1'));
    const returned = await okStep(
      'focal',
      'returnProgressReport',
      await okStep('liaison', 'submitProgressReport', await save('liaison', '2016-Q2')),
      { comment: 'Add the 2016 room count' },
    );
    const { data, errors } = await as<Queues>('focal', QUEUES);
    expect(errors).toBeUndefined();
    const queues = defined(data, 'the queues').justice;
    expect(queues.pendingReview.map((r) => [r.actionCode, r.period, r.state])).toEqual([
      [ACTION, '2015-Q2', 'SUBMITTED'],
      [ACTION, '2016-Q1', 'SUBMITTED'],
    ]);
    // 2015-Q3 is the action's latest approved report before 2016-Q1.
    expect(queues.pendingReview.find((r) => r.id === pending.id)?.previousApproved?.period).toBe('2015-Q3');
    expect(queues.returnedReports).toEqual([
      expect.objectContaining({ id: returned.id, state: 'RETURNED', reviewComment: 'Add the 2016 room count' }),
    ]);
  });

  it('are empty for readers outside the ministry, who see approved reports only', async () => {
    const { data } = await as<Queues>('healthLiaison', QUEUES);
    expect(data?.justice).toEqual({ pendingReview: [], returnedReports: [] });
  });

  it('cost the same number of SQL statements however many reports they hold', async () => {
    const statements = async () => {
      const before = server.database.queryCount();
      expect((await as<Queues>('focal', QUEUES)).errors).toBeUndefined();
      return server.database.queryCount() - before;
    };
    const few = await statements();
    for (const period of ['2016-Q3', '2016-Q4', '2017-Q1', '2017-Q3']) {
      await okStep('liaison', 'submitProgressReport', await save('liaison', period));
    }
    expect(await statements()).toBe(few);
    expect((await as<Queues>('focal', QUEUES)).data?.justice.pendingReview).toHaveLength(6);
  });

  it('leave every step in the audit log, and the chain verifies', async () => {
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });
});

describe('revisions written before authors were kept', () => {
  it('get their authors from the audit log, their last writer and their submitter', async () => {
    const file = new URL('../src/db/migrations/0009_four_eyes_and_measurement_versions.sql', import.meta.url);
    const backfill = defined(fs.readFileSync(file, 'utf8').split('--> statement-breakpoint').at(-1), 'the backfill');
    const ids = (
      (await server.database.db.execute(
        sql`select id, authors from progress_reports where source <> 'example' order by id`,
      )) as unknown as { rows: { id: string; authors: string[] }[] }
    ).rows;
    await server.database.db.execute(sql`update progress_reports set authors = '{}'`);
    await server.database.db.execute(sql.raw(backfill));
    const after = (
      (await server.database.db.execute(
        sql`select id, authors from progress_reports where source <> 'example' order by id`,
      )) as unknown as { rows: { id: string; authors: string[] }[] }
    ).rows;
    expect(after.map((r) => [r.id, [...r.authors].sort()])).toEqual(ids.map((r) => [r.id, [...r.authors].sort()]));
    const seeded = (await server.database.db.execute(
      sql`select count(*)::int as n from progress_reports where source = 'example' and authors <> '{}'`,
    )) as unknown as { rows: { n: number }[] };
    expect(seeded.rows[0]?.n).toBe(0);
  });
});
