import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../gateway/src/gateway.js';
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
      `{ justice { auditLog(first: 200) { totalCount edges { cursor node { seq at kind actor operation entityType } } } } }`,
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
    graph = await startGraph('hardening_prod');
  });

  afterAll(async () => {
    await graph?.stop();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
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
    const MASKED = /^Internal server error\. Quote error id [0-9a-f-]{36} to the operators\.$/;
    const QUERY = JSON.stringify({ query: '{ justice { actions { code status } } }' });

    beforeAll(async () => {
      await graph.subgraphs.justice.server.database.close();
    });

    it('answers a justice liaison’s read only with "Internal server error" and an error id, no stack trace or SQL', async () => {
      const answer = await postBody(graph, QUERY, JUSTICE_LIAISON);
      const body = parsed(answer);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.message).toMatch(MASKED);
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(answer.text).not.toMatch(LEAK);
    });

    it('masks the error the same way at the justice subgraph called directly', async () => {
      const answer = await send(graph.subgraphs.justice.listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.issuer.token(JUSTICE_LIAISON)}` },
        body: QUERY,
      });
      const body = parsed(answer);
      expect(body.errors?.[0]?.message).toMatch(MASKED);
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.text).not.toMatch(LEAK);
    });

    it('tells another agency’s reader only that the justice service is unavailable (its read cannot be audited)', async () => {
      const answer = await postBody(graph, QUERY, BOARD_MEMBER);
      const body = parsed(answer);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('Ministry of Justice service (justice subgraph) is unavailable'),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency: 'JUSTICE' },
      });
      expect(answer.text).not.toMatch(LEAK);
    });
  });
});
