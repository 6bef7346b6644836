import fs from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

// Order matters: the audit types use scalars and enums the progress SDL declares.
const sharedSdl = ['./progress/progress.graphql', './audit/audit.graphql']
  .map((file) => fs.readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');

/** A subgraph's full SDL: its own `schema.graphql` followed by the shared progress and audit types. */
export function subgraphSdl(schemaFile: URL): string {
  return `${fs.readFileSync(schemaFile, 'utf8')}\n${sharedSdl}`;
}

export function subgraphTypeDefs(schemaFile: URL): DocumentNode {
  return parse(subgraphSdl(schemaFile));
}
