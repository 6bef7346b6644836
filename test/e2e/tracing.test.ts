import { randomBytes } from 'node:crypto';
import type { AgencySlug } from '@cocuk-koruma/platform/agencies';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPAN_KIND, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { createTestDatabase } from '@cocuk-koruma/testing/postgres';
import { freePort, spawnSubgraph } from '../support/processes.js';
import { startProcessStack, type ProcessStack } from '../support/stack.js';

// An agency system of the justice ministry: its client id is what the logs must name.
const JUSTICE_SYSTEM: TokenOptions = {
  username: 'service-account-justice-system',
  agency: 'JUSTICE',
  roles: ['agency-system'],
  clientId: 'justice-system',
};
// A goal's actions come from family, their status from each responsible ministry, and
// overallStatus makes family read the ministries' parts back through the gateway.
const GOAL_PAGE = `query GoalPage { goal(code: "A1.H1") { actions { code title status overallStatus } } }`;

let receiver: OtlpReceiver;
let stack: ProcessStack;
let token: string;
const traceId = randomBytes(16).toString('hex');
const callerSpanId = randomBytes(8).toString('hex');
let trace: ReceivedSpan[] = [];

/** POSTs an operation to `url` as the justice system, as part of the caller's trace when `traceparent` is given. */
async function post(url: string, query: string, traceparent?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(traceparent ? { traceparent } : {}),
    },
    body: JSON.stringify({ query }),
  });
}

/** The spans of the trace once `complete` holds for them (each service exports in its own time). */
async function spansOf(id: string, complete: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const until = Date.now() + 30_000;
  for (;;) {
    const spans = receiver.spans().filter((s) => s.traceId === id);
    if (complete(spans) || Date.now() > until) return spans;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const byId = (spans: ReceivedSpan[]) => new Map(spans.map((s) => [s.spanId, s]));

/** The span's parent, grandparent, … within the trace. */
function ancestors(span: ReceivedSpan, index: Map<string, ReceivedSpan>): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let at = index.get(span.parentSpanId); at; at = index.get(at.parentSpanId)) chain.push(at);
  return chain;
}

const service = (slug: AgencySlug) => `subgraph-${slug}`;
const isSql = (s: ReceivedSpan) => s.scope.includes('instrumentation-pg') && s.name.startsWith('pg.query');
const isServer = (s: ReceivedSpan) => s.kind === SPAN_KIND.SERVER;

/** The server spans of `slug` that the gateway's server span `gatewayRequest` led to. */
function subgraphRequestsUnder(
  gatewayRequest: ReceivedSpan,
  slug: AgencySlug,
  index: Map<string, ReceivedSpan>,
): ReceivedSpan[] {
  return trace.filter(
    (s) =>
      s.service === service(slug) && isServer(s) && ancestors(s, index).find((a) => isServer(a)) === gatewayRequest,
  );
}

function sqlUnder(request: ReceivedSpan, index: Map<string, ReceivedSpan>): ReceivedSpan[] {
  return trace.filter((s) => isSql(s) && s.service === request.service && ancestors(s, index).includes(request));
}

/** The value of the sample `name` whose labels include `labels`, in Prometheus's text format. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

interface LogLine {
  msg: string;
  name: string;
  level: number;
  trace_id?: string;
  span_id?: string;
  clientId?: string | null;
  operation?: string | null;
  durationMs?: number;
  errors?: string[];
}

function logLines(of: AgencySlug | 'gateway'): LogLine[] {
  return stack
    .stdout(of)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  stack = await startProcessStack('tracing', {
    subgraphTimeoutMs: 10_000,
    today: '2026-09-15',
    // The standard variables, as an operator sets them to point the services at a collector.
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      LOG_LEVEL: 'info',
    },
  });
  token = stack.issuer.token(JUSTICE_SYSTEM);
  const response = await post(stack.gatewayUrl, GOAL_PAGE, `00-${traceId}-${callerSpanId}-01`);
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  trace = await spansOf(traceId, (spans) => {
    const services = new Set(spans.map((s) => s.service));
    const index = byId(spans);
    // Complete once every span that names a parent has it, and every service has answered.
    return (
      ['gateway', 'family', 'justice', 'health', 'education', 'interior'].every((s) =>
        services.has(s === 'gateway' ? s : service(s as AgencySlug)),
      ) && spans.every((s) => s.parentSpanId === callerSpanId || index.has(s.parentSpanId))
    );
  });
  // Six processes started one after another: on a busy machine that takes minutes.
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
});

describe('one request through the gateway', () => {
  it('is one trace, continuing the caller’s, across the gateway, the subgraphs and their SQL', () => {
    const index = byId(trace);
    const roots = trace.filter((s) => !index.has(s.parentSpanId));
    // The caller's traceparent is honoured: the gateway's request is the only span under it.
    expect(roots.map((r) => [r.service, r.kind, r.parentSpanId])).toEqual([
      ['gateway', SPAN_KIND.SERVER, callerSpanId],
    ]);
    const services = new Set(trace.map((s) => s.service));
    expect(services).toEqual(
      new Set([
        'gateway',
        'subgraph-family',
        'subgraph-justice',
        'subgraph-health',
        'subgraph-education',
        'subgraph-interior',
      ]),
    );
    // @apollo/gateway's own spans join the trace: the plan and each fetch of it.
    const gatewayNames = new Set(trace.filter((s) => s.service === 'gateway').map((s) => s.name));
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) {
      expect(gatewayNames).toContain(name);
    }

    const [request] = roots;
    if (!request) throw new Error('no root span');
    for (const slug of ['family', 'justice'] as const) {
      const served = subgraphRequestsUnder(request, slug, index);
      expect(served.length, `${slug} requests under the gateway's`).toBeGreaterThan(0);
      // Each subgraph request was sent by the gateway (its HTTP client span)…
      for (const s of served) expect(index.get(s.parentSpanId)?.service).toBe('gateway');
      // …and its SQL hangs under it, with the statement but never its parameters.
      const sql = served.flatMap((s) => sqlUnder(s, index));
      expect(sql.length, `${slug} SQL under its request`).toBeGreaterThan(0);
      for (const s of sql) {
        expect(s.attributes['db.system'] ?? s.attributes['db.system.name']).toBe('postgresql');
        expect(Object.keys(s.attributes).some((k) => k.includes('parameters') || k.includes('values'))).toBe(false);
      }
    }
  });

  it('carries the trace through the family’s read-back, gateway to gateway', () => {
    const index = byId(trace);
    // The family's read-back is a second request to the gateway, sent from within family's request…
    const readBacks = trace.filter(
      (s) => s.service === 'gateway' && isServer(s) && index.get(s.parentSpanId)?.service === 'subgraph-family',
    );
    expect(readBacks).toHaveLength(1);
    const [readBack] = readBacks;
    if (!readBack) throw new Error('no read-back');
    expect(ancestors(readBack, index).some((a) => a.service === 'subgraph-family' && isServer(a))).toBe(true);
    // …which reaches the responsible ministry's subgraph and its SQL within the same trace.
    const justice = subgraphRequestsUnder(readBack, 'justice', index);
    expect(justice.length).toBeGreaterThan(0);
    expect(justice.flatMap((s) => sqlUnder(s, index)).length).toBeGreaterThan(0);
  });

  it('is logged once per operation by each service, with the trace id and the client, never the token', () => {
    const gateway = logLines('gateway').filter((l) => l.msg === 'graphql operation' && l.trace_id === traceId);
    // The caller's request and the family's read-back.
    expect(gateway.map((l) => l.operation).sort()).toEqual(['GoalPage', expect.stringMatching(/^Secretariat/)].sort());
    for (const slug of ['gateway', 'family', 'justice'] as const) {
      const lines = logLines(slug).filter((l) => l.msg === 'graphql operation' && l.trace_id === traceId);
      expect(lines.length, slug).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).toMatchObject({ clientId: 'justice-system', errors: [], level: 30 });
        expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
        expect(line.durationMs).toBeGreaterThanOrEqual(0);
      }
    }
    const justice = logLines('justice').filter((l) => l.msg === 'graphql operation' && l.trace_id === traceId);
    expect(justice.map((l) => l.operation)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GoalPage__justice__\d+$/)]),
    );
    for (const slug of ['gateway', 'family', 'justice', 'health', 'education', 'interior'] as const) {
      expect(stack.stdout(slug)).not.toContain(token);
      expect(stack.stdout(slug)).not.toContain(token.split('.')[2]);
    }
  });
});

describe('/metrics on each service', () => {
  it('counts operations, errors, subgraph fetches and pool connections, and holds no caller data', async () => {
    const refused = await post(stack.gatewayUrl, 'query FirstOutOfRange { actionPage(first: 0) { totalCount } }');
    expect(refused.status).toBe(200);
    expect(
      ((await refused.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');

    const gateway = await fetch(new URL('/metrics', stack.gatewayUrl));
    expect(gateway.status).toBe(200);
    expect(gateway.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await gateway.text();
    const ran = { service: 'gateway', type: 'query' };
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', { ...ran, operation: 'GoalPage', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', {
        ...ran,
        operation: 'FirstOutOfRange',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(
      sample(text, 'graphql_operation_errors_total', { operation: 'FirstOutOfRange', code: 'BAD_USER_INPUT' }),
    ).toBe(1);
    for (const subgraph of ['family', 'justice', 'health', 'education', 'interior']) {
      const fetches = sample(text, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' });
      expect(fetches, subgraph).toBeGreaterThan(0);
    }

    const justice = await (await fetch(new URL('/metrics', stack.subgraphUrls.justice))).text();
    const operation = /operation="(GoalPage__justice__\d+)"/.exec(justice)?.[1] ?? 'GoalPage__justice';
    expect(
      sample(justice, 'graphql_operation_duration_seconds_count', {
        service: 'subgraph-justice',
        operation,
        outcome: 'ok',
      }),
    ).toBe(1);
    const pool = { service: 'subgraph-justice', pool: 'justice' };
    expect(sample(justice, 'db_pool_connections', { ...pool, state: 'total' })).toBeGreaterThan(0);
    expect(sample(justice, 'db_pool_connections', { ...pool, state: 'waiting' })).toBe(0);

    for (const metrics of [text, justice]) {
      expect(metrics).not.toContain('justice-system');
      expect(metrics).not.toContain(token);
    }
  });
});

describe('a traced service told to stop', () => {
  it('sends the spans it still holds before it exits, and exits cleanly when no collector answers', async () => {
    const database = await createTestDatabase('tracing_stop');
    try {
      // Spans wait a minute in the batch: only the flush on stopping can send them now.
      const held = { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '60000' };
      const justice = await spawnSubgraph('justice', database.url, stack.issuer.authConfig.keycloakUrl, {
        ...held,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      });
      const id = randomBytes(16).toString('hex');
      const response = await post(justice.url, '{ justice { actions { code } } }', `00-${id}-${callerSpanId}-01`);
      expect(response.status).toBe(200);
      justice.child.kill('SIGTERM');
      expect(await justice.exited).toEqual({ code: 0, signal: null });
      const spans = receiver.spans().filter((s) => s.traceId === id);
      expect(spans.some((s) => s.service === 'subgraph-justice' && isServer(s))).toBe(true);
      expect(spans.some(isSql)).toBe(true);

      // A collector that is gone costs the stop a bounded wait, not its clean exit.
      const unanswered = await spawnSubgraph('justice', database.url, stack.issuer.authConfig.keycloakUrl, {
        ...held,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      });
      expect((await post(unanswered.url, '{ justice { actions { code } } }')).status).toBe(200);
      unanswered.child.kill('SIGTERM');
      expect(await unanswered.exited).toEqual({ code: 0, signal: null });
    } finally {
      await database.drop();
    }
  }, 180_000);
});
