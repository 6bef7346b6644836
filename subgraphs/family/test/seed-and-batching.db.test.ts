import { plan } from '@cocuk-koruma/plan';
import { count, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tables from '../src/db/schema.js';
import { defined, startFamily, type RunningFamily } from './helpers.js';

async function rowCounts(family: RunningFamily): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.values(tables)) {
    if (!is(table, PgTable)) continue;
    const [row] = await family.server.database.db.select({ n: count() }).from(table);
    counts[getTableName(table)] = row?.n ?? 0;
  }
  return counts;
}

async function queriesFor(family: RunningFamily, query: string, variables?: Record<string, unknown>) {
  const before = family.server.database.queryCount();
  const body = await family.query<Record<string, unknown>>(query, variables);
  expect(body.errors).toBeUndefined();
  return family.server.database.queryCount() - before;
}

const ACTION_FIELDS = 'code goal { code title } area { code } collaborators { code name } indicators { code target }';

describe('seeding and batching', () => {
  let family: RunningFamily;

  beforeAll(async () => {
    family = await startFamily('seed');
  });
  afterAll(async () => {
    await family?.stop();
  });

  it('adds no rows when the subgraph starts a second time on the same database', async () => {
    const first = await rowCounts(family);
    expect(first).toMatchObject({
      provinces: 81,
      coordination_bodies: 82,
      meetings: 2,
      edition_adoption_dates: 3,
      actions: plan.actions.length,
    });
    await family.restart();
    expect(await rowCounts(family)).toEqual(first);
  });

  it('resolves every plan action with goal, collaborators and indicators in as many queries as one action', async () => {
    const one = await queriesFor(family, `query ($code: ID!) { action(code: $code) { ${ACTION_FIELDS} } }`, {
      code: defined(plan.actions[0]).code,
    });
    const page = (first: number) =>
      queriesFor(family, `{ actionPage(first: ${first}) { totalCount edges { node { ${ACTION_FIELDS} } } } }`);
    expect(plan.actions.length).toBeGreaterThan(1);
    expect(plan.actions.length).toBeLessThanOrEqual(100);
    // One query per level: the action(s), goals, areas, collaborators, indicators.
    expect(one).toBe(5);
    // The whole plan in one page: the page and its count, then the same four levels.
    expect(await page(100)).toBe(one + 1);
    expect(await page(1)).toBe(one + 1);
  });

  it('resolves the representations of all actions in as many queries as one', async () => {
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Action { ${ACTION_FIELDS} } } }`;
    const representation = (a: (typeof plan.actions)[number]) => ({
      __typename: `${a.responsible.charAt(0)}${a.responsible.slice(1).toLowerCase()}Action`,
      code: a.code,
    });
    const one = await queriesFor(family, entities, { r: [representation(defined(plan.actions[0]))] });
    const all = await queriesFor(family, entities, { r: plan.actions.map(representation) });
    expect(all).toBe(one);
  });

  it('walks areas, goals, actions and provinces with their boards in a constant number of queries', async () => {
    // Every action's collaborators too would be a whole-plan dump at national scale, over the cost limit.
    const query = `{ areas { goals { actions { code } } } provinces { coordinationBody { meetings { id } province { name } } } }`;
    const queries = await queriesFor(family, query);
    // areas, goals, actions, provinces, bodies, meetings, body provinces.
    expect(queries).toBe(7);
  });
});
