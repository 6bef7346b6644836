import { verifyAuditChain } from '@cocuk-koruma/domain';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer } from '@cocuk-koruma/testing/issuer';
import type { TestDatabase } from '@cocuk-koruma/testing/postgres';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// The READ audit is shared code; it is exercised here on the justice subgraph, read by health.
type Server = Awaited<ReturnType<typeof createServer>>;
interface ReadEntry {
  operation: string;
  entity_type: string;
  entity_ids: string[];
}

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let database: TestDatabase;
let issuer: TestIssuer;
let server: Server;
let url: string;

const health: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
const justice: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const ACTIONS = ['A1.H1.E2', 'A3.H2.E1'];

function ask(who: TokenOptions, query: string, variables?: Record<string, unknown>) {
  return postGraphQL<Record<string, unknown>>(url, query, variables, {
    authorization: `Bearer ${issuer.token(who)}`,
  });
}

async function readEntries(): Promise<ReadEntry[]> {
  const result = (await server.database.db.execute(
    sql`select operation, entity_type, entity_ids from audit_log where kind = 'READ' order by seq`,
  )) as unknown as { rows: ReadEntry[] };
  return result.rows;
}

/** The READ entries one request adds. */
async function entriesOf(request: () => Promise<unknown>): Promise<ReadEntry[]> {
  const before = (await readEntries()).length;
  await request();
  return (await readEntries()).slice(before);
}

beforeAll(async () => {
  ({ server, url, database, issuer } = subgraph = await startSubgraphUnderTest('read_audit', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('the READ audit of another agency’s caller', () => {
  const ids = ACTIONS.map((code) => `JusticeAction:${code}`);
  const representations = ACTIONS.map((code) => ({ __typename: 'JusticeAction', code }));

  it.each([
    ['a named fragment on Query', `query Frag { ...F } fragment F on Query { justice { actions { code } } }`],
    ['an inline fragment on Query', `query Inline { ... on Query { justice { actions { code } } } }`],
    ['aliases', `query Aliased { a: justice { x: actions { y: code } } }`],
  ])('records what was resolved through %s, with the ids', async (_shape, query) => {
    const [entry, ...more] = await entriesOf(() => ask(health, query));
    expect(more).toEqual([]);
    expect(entry?.entity_type.split(',')).toContain('JusticeAction');
    expect(entry?.entity_ids).toEqual(expect.arrayContaining(ids));
  });

  it.each([
    [
      'written inline',
      `{ _entities(representations: ${JSON.stringify(representations).replace(/"(__typename|code)":/g, '$1:')}) { ... on JusticeAction { status } } }`,
      undefined,
    ],
    [
      'in a variable of another name',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on JusticeAction { status } } }`,
      { r: representations },
    ],
  ])('records `_entities` with the representations %s', async (_shape, query, variables) => {
    const [entry, ...more] = await entriesOf(async () => {
      const result = await ask(health, query, variables);
      expect(result.errors).toBeUndefined();
    });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity_type: 'JusticeAction', entity_ids: ids });
  });

  it('writes one entry per request, however many types it read', async () => {
    const entries = await entriesOf(() =>
      ask(health, `query Page { justice { actions { code status latestReport { id } progressReports { id } } } }`),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.operation).toBe('Page');
  });

  it('writes nothing for the agency’s own staff, nor for a query that reads no agency data', async () => {
    expect(await entriesOf(() => ask(justice, `{ justice { actions { code } } }`))).toEqual([]);
    expect(await entriesOf(() => ask(health, `{ __typename }`))).toEqual([]);
    expect(await entriesOf(() => ask(health, `{ __schema { queryType { name } } }`))).toEqual([]);
  });

  it('keeps one intact chain when many readers arrive at once', async () => {
    const before = (await readEntries()).length;
    await Promise.all(Array.from({ length: 20 }, () => ask(health, `query Burst { justice { actions { code } } }`)));
    expect((await readEntries()).length - before).toBe(20);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });

  it('withholds the data, with AUDIT_UNAVAILABLE, when the entry cannot be written', async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`create function refuse_audit() returns trigger language plpgsql as $$
        begin raise exception 'audit disk full'; end $$`);
      await admin.query(`create trigger refuse_audit before insert on audit_log execute function refuse_audit()`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${issuer.token(health)}` },
        body: JSON.stringify({ query: '{ justice { actions { code status } } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(response.status, JSON.stringify(body)).toBe(503);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(JSON.stringify(body)).not.toContain('A1.H1');
    } finally {
      await admin.query('drop trigger if exists refuse_audit on audit_log');
      await admin.end();
    }
  });
});
