import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { COST_LIMIT } from '@cocuk-koruma/platform';
import { plan } from '@cocuk-koruma/plan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_MEMBER, countQueries, queryCounts, startGraph, type RunningGraph } from '../support/graph.js';

const AUDITOR: TokenOptions = { username: 'justice.auditor', agency: 'JUSTICE', roles: ['auditor'] };

interface ActionView {
  code: string;
  responsibleAgency: string;
  status: string | null;
  overdue: boolean | null;
  overallStatus: string | null;
  latestReport: { period: string } | null;
  parties: { agency: string; acceptance: string | null; contributionStatus: string | null }[];
}
interface PageData {
  actionPage: {
    totalCount: number | null;
    unavailableAgencies: string[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ActionView }[];
  };
}

// What the plan browser asks for one page: a page of 50 with everything a list row shows.
const BROWSER_PAGE = `query Browse($first: Int, $after: String, $filter: ActionFilter) {
  actionPage(first: $first, after: $after, filter: $filter) {
    totalCount unavailableAgencies pageInfo { hasNextPage endCursor }
    edges { cursor node {
      code title titleEn responsibleAgency dueDate status overdue overallStatus
      latestReport { period status percentComplete narrative }
      parties { agency acceptance contributionStatus }
    } }
  }
}`;

const AUDIT_PAGE = `{ justice { auditLog(first: 60) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
  seq at kind actor actorSubject actorAgency clientId operation entityType entityIds beforeVersion afterVersion detail prevHash hash
} } } } }`;

const EVERYTHING = `progressReports { id period status percentComplete narrative state }
  measurements { indicatorCode period provincePlateCode value suppressed source }
  indicatorProgress { indicatorCode target }
  parties { agency acceptance contributionStatus evidence }`;

async function post(graph: RunningGraph, query: string, variables: Record<string, unknown> = {}, as = BOARD_MEMBER) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(as)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<PageData> };
}

describe('paging the plan through the gateway', () => {
  let graph: RunningGraph;
  let all: ActionView[];

  beforeAll(async () => {
    graph = await startGraph('action_paging');
    const answer = await post(graph, BROWSER_PAGE, { first: 100 });
    expect(answer.body.errors).toBeUndefined();
    all = answer.body.data?.actionPage.edges.map((e) => e.node) ?? [];
    expect(all).toHaveLength(plan.actions.length);
  });
  afterAll(async () => {
    await graph?.stop();
  });

  describe('the cost limit', () => {
    it('lets a page of 60 audit entries with every field through', async () => {
      const answer = await post(graph, AUDIT_PAGE, {}, AUDITOR);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    });

    it('lets a page of 50 actions with status, latest report, parts and overall status through, whole', async () => {
      const answer = await post(graph, BROWSER_PAGE, { first: 50 });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      const page = answer.body.data?.actionPage;
      expect(page?.edges).toHaveLength(Math.min(50, plan.actions.length));
      expect(page?.edges.every((e) => e.node.status !== null && e.node.overallStatus !== null)).toBe(true);
    });

    it.each([
      ['every report, measurement and part of the whole plan', `{ actions { code ${EVERYTHING} } }`, {}],
      [
        'a page of 100,000 actions',
        `query ($n: Int) { actionPage(first: $n) { edges { node { code title } } } }`,
        { n: 100_000 },
      ],
      [
        'a page of 100 with every report, measurement and part',
        `{ actionPage(first: 100) { edges { node { code ${EVERYTHING} } } } }`,
        {},
      ],
    ])('refuses %s with a 400 naming the limit, before any subgraph is asked', async (_name, query, variables) => {
      const before = queryCounts(graph);
      const answer = await post(graph, query, variables);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.body.errors?.[0]?.message).toMatch(
        new RegExp(`^Query Cost limit of ${COST_LIMIT.maxCost} exceeded, found \\d+.*smaller page`),
      );
      expect(queryCounts(graph)).toEqual(before);
    });
  });

  describe('filters that need the agencies’ statuses', () => {
    it('lists exactly the actions whose own status is one of those asked, across all five agencies', async () => {
      const statuses = [...new Set(all.map((a) => a.status))];
      expect(statuses.length).toBeGreaterThan(1);
      for (const status of statuses) {
        const answer = await post(graph, BROWSER_PAGE, { first: 100, filter: { status: [status] } });
        expect(answer.body.errors).toBeUndefined();
        const page = answer.body.data?.actionPage;
        const expected = all.filter((a) => a.status === status).map((a) => a.code);
        expect(page?.edges.map((e) => e.node.code)).toEqual(expected);
        expect(page?.totalCount).toBe(expected.length);
        expect(page?.unavailableAgencies).toEqual([]);
      }
    });

    it('lists overdue and not-overdue actions as their overdue field says, combined with the agency', async () => {
      for (const overdue of [true, false]) {
        const answer = await post(graph, BROWSER_PAGE, { first: 100, filter: { overdue } });
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data?.actionPage.edges.map((e) => e.node.code)).toEqual(
          all.filter((a) => a.overdue === overdue).map((a) => a.code),
        );
      }
      const justice = await post(graph, BROWSER_PAGE, {
        first: 100,
        filter: { overdue: true, responsible: 'JUSTICE' },
      });
      expect(justice.body.data?.actionPage.edges.map((e) => e.node.code)).toEqual(
        all.filter((a) => a.overdue && a.responsibleAgency === 'JUSTICE').map((a) => a.code),
      );
    });

    it('pages a status-filtered list with the same number of SQL statements at each agency for 10 as for 100', async () => {
      const filter = { status: ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'] };
      const counts = (first: number) => countQueries(graph, () => post(graph, BROWSER_PAGE, { first, filter }));
      // Both pages hold actions of all five agencies (A1.H1.E1 to E5 come first).
      const small = await counts(10);
      const large = await counts(100);
      expect(large).toEqual(small);
    });
  });
});
