import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientCredentialsTokenSource,
  GraphClient,
  GraphQLRequestError,
  NetworkError,
  ReportHistoryDocument,
  SaveProgressReportDocument,
  TokenRequestError,
  type TokenSource,
} from '../src/index.js';

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server answering each request with the next of `answers` (the last one repeating). */
async function serve(
  answers: ((seen: Seen) => { status: number; body: unknown; headers?: Record<string, string> })[],
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = { headers: req.headers, body };
      seen.push(request);
      const answer = (answers[seen.length - 1] ?? answers[answers.length - 1])?.(request);
      if (!answer) return res.destroy();
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function tokenEndpoint(expiresIn: number) {
  let issued = 0;
  const server = await serve([
    () => ({ status: 200, body: { access_token: `token-${++issued}`, expires_in: expiresIn, token_type: 'Bearer' } }),
  ]);
  servers.push(server);
  return server;
}

describe('the client-credentials token source', () => {
  it('asks once, sends the client’s credentials, and keeps the token until the skew before it expires', async () => {
    const endpoint = await tokenEndpoint(300);
    let now = 1_000_000;
    const tokens = clientCredentialsTokenSource({
      realmUrl: `${endpoint.url}/realms/cocuk-koruma`,
      clientId: 'justice-system',
      clientSecret: 'secret',
      refreshSkewMs: 30_000,
      now: () => now,
    });
    expect(await tokens.getToken()).toBe('token-1');
    now += 269_000;
    expect(await tokens.getToken()).toBe('token-1');
    expect(endpoint.seen).toHaveLength(1);
    expect(endpoint.seen[0]?.body).toBe('grant_type=client_credentials');
    expect(endpoint.seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('justice-system:secret').toString('base64')}`,
    );
    // Within the skew of its expiry: renewed before any request leaves with it.
    now += 2_000;
    expect(await tokens.getToken()).toBe('token-2');
    tokens.invalidate();
    expect(await tokens.getToken()).toBe('token-3');
  });

  it('sends one request for callers that ask at the same time', async () => {
    const endpoint = await tokenEndpoint(300);
    const tokens = clientCredentialsTokenSource({ realmUrl: endpoint.url, clientId: 'c', clientSecret: 's' });
    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(all)).toEqual(new Set(['token-1']));
    expect(endpoint.seen).toHaveLength(1);
  });

  it('renews a short-lived token at half its life rather than at every call', async () => {
    const endpoint = await tokenEndpoint(20);
    let now = 0;
    const tokens = clientCredentialsTokenSource({
      realmUrl: endpoint.url,
      clientId: 'c',
      clientSecret: 's',
      now: () => now,
    });
    await tokens.getToken();
    now = 9_000;
    expect(await tokens.getToken()).toBe('token-1');
    now = 10_000;
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('says why the realm refused, with its status', async () => {
    const endpoint = await serve([
      () => ({ status: 401, body: { error: 'unauthorized_client', error_description: 'Invalid client credentials' } }),
    ]);
    servers.push(endpoint);
    const tokens = clientCredentialsTokenSource({ realmUrl: endpoint.url, clientId: 'c', clientSecret: 'wrong' });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRequestError);
    expect((error as TokenRequestError).status).toBe(401);
    expect((error as Error).message).toContain('Invalid client credentials');
  });
});

const fixedToken: TokenSource = { getToken: () => Promise.resolve('t'), invalidate: () => undefined };
const retry = { retries: 3, minDelayMs: 1, maxDelayMs: 5 };
const report = {
  id: '1',
  actionCode: 'A1.H1.E2',
  period: '2026-Q3',
  revision: 1,
  state: 'DRAFT',
  status: 'IN_PROGRESS',
};
const input = {
  actionCode: 'A1.H1.E2',
  period: '2026-Q3',
  status: 'IN_PROGRESS' as const,
  percentComplete: 40,
  narrative: 'Örnek',
};

describe('the graph client', () => {
  it('retries a write after 503 and 502 under the same Idempotency-Key, and says when the answer was replayed', async () => {
    const graph = await serve([
      () => ({ status: 503, body: { errors: [{ message: 'down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] } }),
      () => ({ status: 502, body: 'Bad gateway' }),
      () => ({
        status: 200,
        body: { data: { justice: { saveProgressReport: report } } },
        headers: { 'idempotent-replayed': 'true' },
      }),
    ]);
    servers.push(graph);
    const client = new GraphClient({ url: graph.url, tokens: fixedToken, retry });
    const result = await client.request(
      SaveProgressReportDocument,
      { input, justice: true },
      { idempotencyKey: 'report-2026-Q3-A1.H1.E2' },
    );
    expect(result.data.justice?.saveProgressReport).toMatchObject({ id: '1' });
    expect(result.replayed).toBe(true);
    expect(result.attempts).toBe(3);
    expect(graph.seen.map((s) => s.headers['idempotency-key'])).toEqual(Array(3).fill('report-2026-Q3-A1.H1.E2'));
    expect(new Set(graph.seen.map((s) => s.body)).size).toBe(1);
  });

  it('gives a write a key of its own when none is given, and a query none', async () => {
    const graph = await serve([() => ({ status: 200, body: { data: { actions: [] } } })]);
    servers.push(graph);
    const client = new GraphClient({ url: graph.url, tokens: fixedToken, retry });
    await client.request(ReportHistoryDocument, { codes: ['A1.H1.E2'], period: '2026-Q3' });
    expect(graph.seen[0]?.headers['idempotency-key']).toBeUndefined();
    const graph2 = await serve([() => ({ status: 200, body: { data: { justice: { saveProgressReport: report } } } })]);
    servers.push(graph2);
    const write = await new GraphClient({ url: graph2.url, tokens: fixedToken, retry }).request(
      SaveProgressReportDocument,
      { input, justice: true },
    );
    expect(write.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(graph2.seen[0]?.headers['idempotency-key']).toBe(write.idempotencyKey);
    expect(write.replayed).toBe(false);
  });

  it('never retries a refusal: a 4xx or GraphQL errors without data throw at once with their code', async () => {
    const graph = await serve([
      () => ({
        status: 409,
        body: {
          errors: [{ message: 'Bu Idempotency-Key başka bir istekle kullanıldı', extensions: { code: 'CONFLICT' } }],
        },
      }),
      () => ({
        status: 200,
        body: { data: null, errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN', rule: 'x' } }] },
      }),
    ]);
    servers.push(graph);
    const client = new GraphClient({ url: graph.url, tokens: fixedToken, retry });
    const conflict = await client
      .request(SaveProgressReportDocument, { input, justice: true })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(GraphQLRequestError);
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409 });
    const forbidden = await client
      .request(SaveProgressReportDocument, { input, justice: true })
      .catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', status: 200 });
    expect((forbidden as GraphQLRequestError).errors[0]?.extensions?.rule).toBe('x');
    expect(graph.seen).toHaveLength(2);
  });

  it('renews the token once after a 401, then reports the refusal', async () => {
    const graph = await serve([
      () => ({ status: 401, body: { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] } }),
    ]);
    servers.push(graph);
    let invalidated = 0;
    const tokens: TokenSource = {
      getToken: () => Promise.resolve(`t${invalidated}`),
      invalidate: () => void invalidated++,
    };
    const error = await new GraphClient({ url: graph.url, tokens, retry })
      .request(ReportHistoryDocument, { codes: [], period: '2026-Q3' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(graph.seen.map((s) => s.headers.authorization)).toEqual(['Bearer t0', 'Bearer t1']);
  });

  it('retries a graph it cannot reach, then says so', async () => {
    const gone = await serve([() => ({ status: 200, body: {} })]);
    await gone.close();
    const error = await new GraphClient({
      url: gone.url,
      tokens: fixedToken,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    })
      .request(ReportHistoryDocument, { codes: [], period: '2026-Q3' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('sends only the hash of a document when held to the manifest', async () => {
    const graph = await serve([() => ({ status: 200, body: { data: { actions: [] } } })]);
    servers.push(graph);
    await new GraphClient({ url: graph.url, tokens: fixedToken, documents: 'hash' }).request(ReportHistoryDocument, {
      codes: [],
      period: '2026-Q3',
    });
    const body = JSON.parse(graph.seen[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body.query).toBeUndefined();
    expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
