import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { AGENCIES } from '@cocuk-koruma/platform';
import { subgraphSdl } from '@cocuk-koruma/domain';
import { parse } from 'graphql';

export const SUPERGRAPH_FILE = new URL('./supergraph.graphql', import.meta.url);

/**
 * Hints composition gives by design. The Action interface is split: the secretariat declares the
 * plan fields, each agency the progress fields, so every subgraph's interface lacks the others'.
 */
export const EXPECTED_HINT_CODES = new Set(['INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD']);

export function subgraphSchemaFile(slug: string): URL {
  return new URL(`../subgraphs/${slug}/src/schema.graphql`, import.meta.url);
}

export interface Composition {
  supergraphSdl: string;
  hints: NonNullable<ReturnType<typeof composeServices>['hints']>;
}

/** Composes the five subgraphs' SDL; the URLs are defaults the gateway overrides from its config. */
export function composeSupergraph(): Composition {
  const result = composeServices(
    AGENCIES.map((agency) => ({
      name: agency.slug,
      url: `http://127.0.0.1:${agency.defaultPort}/graphql`,
      typeDefs: parse(subgraphSdl(subgraphSchemaFile(agency.slug))),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints };
}

export function readCommittedSupergraph(): string {
  return fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
}
