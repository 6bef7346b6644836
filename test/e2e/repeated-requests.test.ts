import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import { commitmentsOf } from '@cocuk-koruma/plan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const ACTION = commitmentsOf('JUSTICE')[0]?.code ?? 'missing justice action';
const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
// Drafts are visible to their own agency only: the two callers must get different answers.
const REPORTS = `query Reports($code: ID!) { justice { action(code: $code) { code progressReports { state period } } } }`;

interface Reports {
  justice: { action: { code: string; progressReports: { state: string; period: string }[] } };
}

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph('dedup');
  const saved = await graph.query(
    `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id state } } }`,
    {
      input: {
        actionCode: ACTION,
        period: '2026-Q3',
        status: 'IN_PROGRESS',
        percentComplete: 20,
        narrative: 'Example draft',
      },
    },
    JUSTICE_LIAISON,
  );
  expect(saved.errors).toBeUndefined();
});

afterAll(async () => {
  await graph?.stop();
});

describe('identical reads in flight at the gateway', () => {
  it('share one subgraph call per caller, and never another caller’s answer', async () => {
    // One token per person, as a signed-in session has: only the same token may share.
    const tokens = { justice: graph.issuer.token(JUSTICE_LIAISON), health: graph.issuer.token(HEALTH_LIAISON) };
    const sharedBefore = graph.gateway.sharedSubgraphCalls();
    const askers = Array.from({ length: 24 }, (_, i): 'justice' | 'health' => (i % 2 === 0 ? 'justice' : 'health'));
    const answers = await Promise.all(
      askers.map(async (who) => ({
        who,
        result: await postGraphQL<Reports>(
          graph.gatewayUrl,
          REPORTS,
          { code: ACTION },
          {
            authorization: `Bearer ${tokens[who]}`,
          },
        ),
      })),
    );
    for (const { who, result } of answers) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const states = result.data?.justice.action.progressReports.map((r) => r.state) ?? [];
      if (who === 'justice') expect(states).toContain('DRAFT');
      else expect(states).not.toContain('DRAFT');
    }
    expect(graph.gateway.sharedSubgraphCalls()).toBeGreaterThan(sharedBefore);
  });

  it('never shares a write: each mutation reaches the subgraph', async () => {
    const token = graph.issuer.token(JUSTICE_LIAISON);
    const sharedBefore = graph.gateway.sharedSubgraphCalls();
    const save = (n: number) =>
      postGraphQL<{ justice: { saveProgressReport: { version: number } | null } }>(
        graph.gatewayUrl,
        `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { version } } }`,
        {
          input: {
            actionCode: ACTION,
            period: '2026-Q2',
            status: 'IN_PROGRESS',
            percentComplete: 10 + n,
            narrative: 'Example draft',
          },
        },
        { authorization: `Bearer ${token}` },
      );
    const first = await save(0);
    expect(first.errors).toBeUndefined();
    const results = await Promise.all([1, 1, 1].map((n) => save(n)));
    expect(graph.gateway.sharedSubgraphCalls()).toBe(sharedBefore);
    // Three identical saves without expectedVersion: each ran, so the version moved three times
    // or the later ones were refused as stale; none was answered with another's result.
    const versions = results.flatMap((r) => {
      const saved = r.data?.justice.saveProgressReport;
      return saved ? [saved.version] : [];
    });
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('a write retried through the gateway with the same Idempotency-Key', () => {
  it('reaches the agency with its key, and the retry gets the first answer without writing again', async () => {
    const system: TokenOptions = {
      username: 'service-account-justice-system',
      agency: 'JUSTICE',
      roles: ['agency-system'],
      claims: { sub: '00000000-0000-4000-8000-00000000b001' },
    };
    const send = async () => {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${graph.issuer.token(system)}`,
          'idempotency-key': 'justice-2026-Q1-A1',
        },
        body: JSON.stringify({
          query: `mutation($input: ProgressReportInput!) { justice { saveProgressReport(input: $input) { id version } } }`,
          variables: {
            input: {
              actionCode: ACTION,
              period: '2026-Q1',
              status: 'IN_PROGRESS',
              percentComplete: 30,
              narrative: 'Example report from an agency system',
            },
          },
        }),
      });
      return (await response.json()) as { data?: unknown; errors?: unknown[] };
    };
    const first = await send();
    expect(first.errors).toBeUndefined();
    const retry = await send();
    // Without the key the second save would be refused as stale (no expectedVersion).
    expect(retry).toEqual(first);
  });
});
