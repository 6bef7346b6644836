import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS, type AgencySlug } from '@cocuk-koruma/platform';
import { plan } from '@cocuk-koruma/plan';
import { BOARD_MEMBER, queryCounts, startGraph, type RunningGraph } from '../support/graph.js';

const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };

interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

async function send(url: string, init: RequestInit): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function postBody(graph: RunningGraph, body: string, as: TokenOptions = BOARD_MEMBER): Promise<HttpAnswer> {
  return send(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(as)}` },
    body,
  });
}

const parsed = (answer: HttpAnswer) => JSON.parse(answer.text) as GraphQLResponse;

/** `{ areas { goals { area { goals { … { code } } } } } }`, `levels` fields deep before `code`. */
function nestedQuery(levels: number): string {
  let selection = 'code';
  for (let level = levels; level >= 1; level--) {
    const field = level === 1 ? 'areas' : level % 2 === 0 ? 'goals' : 'area';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

describe('the gateway’s query limits', () => {
  let graph: RunningGraph;

  beforeAll(async () => {
    graph = await startGraph('hardening');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('lets an ordinary query through to the subgraphs (the control for the refusals below)', async () => {
    const before = queryCounts(graph);
    const answer = await postBody(graph, JSON.stringify({ query: nestedQuery(4) }));
    expect(answer.status).toBe(200);
    expect(parsed(answer).errors).toBeUndefined();
    expect(queryCounts(graph).family).toBeGreaterThan(before.family);
  });

  const overLimit: [string, string, RegExp][] = [
    [
      `a query deeper than ${QUERY_LIMITS.maxDepth.n} levels`,
      nestedQuery(QUERY_LIMITS.maxDepth.n + 2),
      new RegExp(`Query depth limit of ${QUERY_LIMITS.maxDepth.n} exceeded`),
    ],
    [
      `a query costing more than ${QUERY_LIMITS.costLimit.maxCost}`,
      // Every report and measurement of an agency's whole share of the plan.
      `{ justice { actions { code progressReports { id period status } measurements { indicatorCode period value } } } }`,
      new RegExp(`Query Cost limit of ${QUERY_LIMITS.costLimit.maxCost} exceeded`),
    ],
    [
      `a query with more than ${QUERY_LIMITS.maxAliases.n} aliases`,
      `{ ${Array.from({ length: QUERY_LIMITS.maxAliases.n + 1 }, (_, i) => `a${i}: strategy { title }`).join(' ')} }`,
      new RegExp(`Aliases limit of ${QUERY_LIMITS.maxAliases.n} exceeded`),
    ],
  ];

  for (const [name, query, message] of overLimit) {
    it(`refuses ${name} with GRAPHQL_VALIDATION_FAILED before any subgraph is called`, async () => {
      const before = queryCounts(graph);
      const answer = await postBody(graph, JSON.stringify({ query }));
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/application\/json/);
      const body = parsed(answer);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.message).toMatch(message);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(queryCounts(graph)).toEqual(before);
    });
  }

  // The same limits at every subgraph: it may be called directly, past the gateway.
  const direct: [string, AgencySlug][] = [
    [overLimit[0]?.[1] ?? '', 'family'],
    [overLimit[1]?.[1] ?? '', 'justice'],
    [overLimit[2]?.[1] ?? '', 'family'],
  ];
  for (const [index, [query, slug]] of direct.entries()) {
    it(`refuses ${overLimit[index]?.[0]} at the ${slug} subgraph called directly, before its database is asked`, async () => {
      const before = queryCounts(graph);
      const answer = await send(graph.subgraphs[slug].listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(BOARD_MEMBER)}` },
        body: JSON.stringify({ query }),
      });
      expect(answer.status).toBe(400);
      expect(parsed(answer).errors?.[0]?.message).toMatch(overLimit[index]?.[2] ?? /never/);
      expect(queryCounts(graph)).toEqual(before);
    });
  }

  it('refuses 3,000 aliases sent straight to a subgraph with a quick 400, and /health stays responsive', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: justice { actions { code status } }`).join(' ')} }`;
    const started = Date.now();
    const [answer, health] = await Promise.all([
      send(graph.subgraphs.justice.listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(BOARD_MEMBER)}` },
        body: JSON.stringify({ query }),
      }),
      fetch(new URL('/health', graph.subgraphs.justice.listening.url)),
    ]);
    expect(answer.status).toBe(400);
    expect(parsed(answer).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.text.length).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(health.status).toBe(200);
  });

  it('still answers the gateway’s own _entities calls for every action of the plan (a cross-agency list)', async () => {
    const answer = await postBody(
      graph,
      JSON.stringify({
        query: '{ actions { code title status overallStatus latestReport { period } parties { agency acceptance } } }',
      }),
    );
    expect(answer.status).toBe(200);
    const body = parsed(answer) as GraphQLResponse<{ actions: { code: string; status: string | null }[] }>;
    expect(body.errors).toBeUndefined();
    expect(body.data?.actions).toHaveLength(plan.actions.length);
    expect(body.data?.actions.every((a) => typeof a.status === 'string')).toBe(true);
  });

  it('resolves every one of an agency’s actions in one _entities call straight to its subgraph', async () => {
    const representations = plan.actions.map((a) => ({ __typename: 'FamilyAction', code: a.code }));
    const answer = await send(graph.subgraphs.family.listening.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(BOARD_MEMBER)}` },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on FamilyAction { code title } } }',
        variables: { r: representations },
      }),
    });
    expect(answer.status).toBe(200);
    const body = parsed(answer) as GraphQLResponse<{ _entities: unknown[] }>;
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toHaveLength(plan.actions.length);
  });

  it('refuses a request body over 1 MB with 413 and a GraphQL-shaped JSON error', async () => {
    const before = queryCounts(graph);
    const body = JSON.stringify({
      query: '{ strategy { title } }',
      variables: { padding: 'x'.repeat(1024 * 1024 + 1) },
    });
    const answer = await postBody(graph, body);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/application\/json/);
    expect(parsed(answer).errors?.[0]).toMatchObject({
      message: expect.stringContaining('larger than the 1mb limit'),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(queryCounts(graph)).toEqual(before);
  });

  it('refuses malformed JSON with 400 and a GraphQL-shaped JSON error', async () => {
    const answer = await postBody(graph, '{"query": "{ strategy { title } }"');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/application\/json/);
    expect(parsed(answer).errors?.[0]).toMatchObject({
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('serves Apollo’s landing page in development (the control for production)', async () => {
    const answer = await send(graph.gatewayUrl, {
      headers: { accept: 'text/html', authorization: `Bearer ${graph.issuer.token(BOARD_MEMBER)}` },
    });
    expect(answer.contentType).toMatch(/text\/html/);
  });
});

describe('in production', () => {
  let graph: RunningGraph;
  let nodeEnv: string | undefined;

  beforeAll(async () => {
    nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    // The limits below hold for any client's text; the portal's own client is held to its
    // manifest in production (test/e2e/agency-systems.test.ts), so here it sends text as others may.
    process.env.TRUSTED_DOCUMENTS = 'portal=free-form';
    graph = await startGraph('hardening_prod');
  });

  afterAll(async () => {
    await graph?.stop();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    delete process.env.TRUSTED_DOCUMENTS;
  });

  it('refuses introspection', async () => {
    const answer = await postBody(graph, JSON.stringify({ query: '{ __schema { types { name } } }' }));
    const body = parsed(answer);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(answer.text).not.toContain('StrategicGoal');
  });

  it('does not serve Apollo’s landing page to a browser', async () => {
    const requests: Record<string, string>[] = [
      { accept: 'text/html' },
      { accept: 'text/html', authorization: `Bearer ${graph.issuer.token(BOARD_MEMBER)}` },
    ];
    for (const headers of requests) {
      const answer = await send(graph.gatewayUrl, { headers });
      expect(answer.contentType).not.toMatch(/text\/html/);
      expect(answer.text).not.toMatch(/<html|<!doctype|<script|embeddable|sandbox/i);
      expect(parsed(answer).errors?.[0]?.extensions?.code).toEqual(expect.any(String));
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
  });

  // Last: it closes the justice subgraph's database pool.
  describe('once the justice database has gone away', () => {
    const LEAK = /stacktrace|\bat \S+ \(|select |from "|pool|postgres|\.ts:\d+/i;
    const QUERY = JSON.stringify({ query: '{ justice { actions { code status } } }' });

    beforeAll(async () => {
      await graph.subgraphs.justice.server.database.close();
    });

    it('answers at the justice subgraph with 503 DATABASE_UNAVAILABLE and an error id, no stack trace or SQL', async () => {
      const answer = await send(graph.subgraphs.justice.listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(JUSTICE_LIAISON)}` },
        body: QUERY,
      });
      expect(answer.status).toBe(503);
      const body = parsed(answer);
      expect(body.errors?.[0]?.message).toMatch(/database is not answering right now.*error id [0-9a-f-]{36}/);
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(answer.text).not.toMatch(LEAK);
    });

    for (const [who, as] of [
      ['a justice liaison', JUSTICE_LIAISON],
      ['another agency’s reader (whose read cannot be audited)', BOARD_MEMBER],
    ] as const) {
      it(`tells ${who} through the gateway only that the justice service is unavailable`, async () => {
        const answer = await postBody(graph, QUERY, as);
        const body = parsed(answer);
        // The agency's root is null, nothing of justice's: another agency in the same query would still answer.
        expect(body.data?.justice ?? null).toBeNull();
        expect(body.errors?.[0]).toMatchObject({
          message: expect.stringContaining('Ministry of Justice service (justice subgraph) is unavailable'),
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency: 'JUSTICE' },
        });
        expect(answer.text).not.toMatch(LEAK);
      });
    }
  });
});
