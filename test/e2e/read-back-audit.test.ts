import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
// overallStatus needs every party's part: the family subgraph reads them back through the gateway,
// which routes the `actions` root of that read-back to the family subgraph again.
const VIEW = `query Overview { actions { code overallStatus } }`;

let graph: RunningGraph;

async function familyReads(): Promise<{ operation: string; ids: number }[]> {
  const result = (await graph.subgraphs.family.server.database.db.execute(
    sql`select operation, cardinality(entity_ids) as ids from audit_log where kind = 'READ' order by seq`,
  )) as unknown as { rows: { operation: string; ids: number }[] };
  return result.rows;
}

beforeAll(async () => {
  graph = await startGraph('read_back_audit');
});

afterAll(async () => {
  await graph?.stop();
});

describe('the family’s READ entries for a view that reads the other agencies back', () => {
  it('are one per request, with the ids the view resolved', async () => {
    const before = (await familyReads()).length;
    const result = await graph.query(VIEW, undefined, HEALTH_LIAISON);
    expect(result.errors).toBeUndefined();
    const added = (await familyReads()).slice(before);
    expect(added).toHaveLength(1);
    // The gateway names its subgraph operations after the client's.
    expect(added[0]?.operation).toMatch(/^Overview__family__/);
    expect(added[0]?.ids).toBeGreaterThan(0);
  });

  it('are not skipped for a client that sends a forged read-back marker', async () => {
    const before = (await familyReads()).length;
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${graph.issuer.token(HEALTH_LIAISON)}`,
        'x-family-read-back': `${Date.now()}.forged`,
      },
      body: JSON.stringify({ query: `query Plain { actions { code title } }` }),
    });
    expect(response.status).toBe(200);
    expect((await familyReads()).slice(before).map((r) => r.operation)).toEqual(['Plain__family__0']);
  });
});
