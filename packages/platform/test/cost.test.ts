import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costLimitMessage, queryCost, type CostLimitOptions } from '../src/server/cost.js';

const schema = buildSchema(`
  type Query {
    items(first: Int = 50, codes: [ID!]): [Item!]!
    page(first: Int = 20): Connection!
    tags: [Tag!]!
    bigList: [Tag!]!
    things: [Thing!]!
  }
  interface Thing { code: ID! }
  type Small implements Thing { code: ID! a: String }
  type Large implements Thing { code: ID! a: String b: String c: String }
  type Connection { totalCount: Int edges: [Edge!]! }
  type Edge { cursor: String! node: Item! }
  type Item { code: ID! title: String! tags: [Tag!]! }
  type Tag { name: String! }
`);

const OPTIONS: CostLimitOptions = {
  maxCost: 1000,
  defaultListSize: 10,
  listSizes: { 'Query.bigList': 500 },
  sizeArguments: ['first', 'codes'],
};

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return queryCost(schema, operation, fragments, variables, OPTIONS);
}

describe('the query cost', () => {
  it('counts each field once per item its lists may return, by first', () => {
    // items 1, then 10 × (code, title).
    expect(cost('{ items(first: 10) { code title } }')).toBe(1 + 10 * 2);
    expect(cost('{ items(first: 100) { code title } }')).toBe(1 + 100 * 2);
  });

  it('reads first from a variable, and the declared default when none is given', () => {
    expect(cost('query ($n: Int) { items(first: $n) { code } }', { n: 7 })).toBe(1 + 7);
    expect(cost('{ items { code } }')).toBe(1 + 50);
  });

  it('sizes a list by the number of codes it names, literal or in a variable', () => {
    expect(cost('{ items(codes: ["a", "b", "c"]) { code } }')).toBe(1 + 3);
    expect(cost('query ($c: [ID!]) { items(codes: $c) { code } }', { c: ['a', 'b'] })).toBe(1 + 2);
  });

  it('sizes a connection’s edges by the connection’s first', () => {
    // page, totalCount, edges; then 5 × (cursor, node, code).
    expect(cost('{ page(first: 5) { totalCount edges { cursor node { code } } } }')).toBe(3 + 5 * 3);
  });

  it('multiplies nested lists, each unsized one by its assumed size', () => {
    expect(cost('{ items(first: 10) { tags { name } } }')).toBe(1 + 10 * (1 + 10));
    expect(cost('{ bigList { name } }')).toBe(1 + 500);
  });

  it('counts fragments where they are spread, and __typename not at all', () => {
    const spread = cost('{ items(first: 4) { ...F __typename } } fragment F on Item { code title }');
    const inline = cost('{ items(first: 4) { ... on Item { code title } } }');
    expect(spread).toBe(1 + 4 * 2);
    expect(inline).toBe(spread);
  });

  it('counts fragments on different concrete types as the dearest one: an object is only one of them', () => {
    const split = cost('{ things { code ... on Small { a } ... on Large { a b c } } }');
    expect(split).toBe(1 + 10 * (1 + 3));
  });

  it('names the limit and what to do in its refusal', () => {
    expect(costLimitMessage(5312, 1000)).toMatch(/^Query Cost limit of 1000 exceeded, found 5312\. .*smaller page/);
  });
});
