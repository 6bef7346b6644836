import fs from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

const sharedProgressSdl = fs.readFileSync(new URL('./progress/progress.graphql', import.meta.url), 'utf8');

/** A subgraph's full SDL: its own `schema.graphql` followed by the shared progress types. */
export function subgraphSdl(schemaFile: URL): string {
  return `${fs.readFileSync(schemaFile, 'utf8')}\n${sharedProgressSdl}`;
}

export function subgraphTypeDefs(schemaFile: URL): DocumentNode {
  return parse(subgraphSdl(schemaFile));
}
