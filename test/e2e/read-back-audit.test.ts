import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
// overallStatus needs every party's part: the gateway fetches them from the agencies (`@requires`)
// and sends them to the family subgraph with the actions, in one `_entities` call per action type.
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
  it('are one per subgraph operation of the request, each with the ids it resolved', async () => {
    const before = (await familyReads()).length;
    const result = await graph.query(VIEW, undefined, HEALTH_LIAISON);
    expect(result.errors).toBeUndefined();
    const added = (await familyReads()).slice(before);
    // The root list, then one `_entities` call for each of the five action types.
    expect(added).toHaveLength(6);
    // The gateway names its subgraph operations after the client's; none is logged twice, and no
    // read-back of the family's own goes through the gateway any more.
    for (const entry of added) {
      expect(entry.operation).toMatch(/^Overview__family__\d+$/);
      expect(entry.ids).toBeGreaterThan(0);
    }
    expect(new Set(added.map((e) => e.operation)).size).toBe(added.length);
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
