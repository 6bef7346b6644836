import fs from 'node:fs';
import path from 'node:path';
import { queryCost } from '@cocuk-koruma/platform/server/cost';
import { COST_LIMIT, LIST_LIMITS } from '@cocuk-koruma/platform/server/limits';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8'), {
  assumeValidSDL: true,
});
const documents = graphqlFiles(path.join(ROOT, 'portal/src')).map((file) => parse(fs.readFileSync(file, 'utf8')));
const fragments = documents.flatMap((d) =>
  d.definitions.filter((def): def is FragmentDefinitionNode => def.kind === Kind.FRAGMENT_DEFINITION),
);
const operations = documents.flatMap((d) =>
  d.definitions.filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION),
);

// A page asked for at its largest, so the check holds for every page the portal may ask for.
const LARGEST_PAGE = { first: LIST_LIMITS.actionPageMax };

describe("the portal's operations", () => {
  it('are found', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  // The graph refuses an operation over the cost limit before any subgraph is asked: a page whose
  // operation grew past it would show a liaison nothing but an error.
  it.each(operations.map((op) => [op.name?.value ?? '(anonymous)', op] as const))(
    '%s stays within the graph’s cost limit',
    (_name, operation) => {
      expect(queryCost(schema, operation, fragments, LARGEST_PAGE, COST_LIMIT)).toBeLessThanOrEqual(COST_LIMIT.maxCost);
    },
  );
});
