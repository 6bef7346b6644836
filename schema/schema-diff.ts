import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

/** The commit-message trailer that lets a breaking change of the graph through on purpose. */
export const BREAKING_TRAILER = { key: 'Schema-Breaking', value: 'intended' } as const;

/**
 * What clients see of a supergraph: its API schema, without the join__/link__ machinery, so that
 * moving a field between subgraphs, which no client notices, is no change at all.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * Whether a commit message carries `Schema-Breaking: intended` as a trailer: a `Key: value` line
 * of its last paragraph, as `git interpret-trailers` reads them (key case-insensitive).
 */
export function marksBreakingAsIntended(message: string): boolean {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.at(-1) ?? '';
  return last
    .split('\n')
    .map((line) => line.match(/^([A-Za-z0-9-]+):\s*(.*?)\s*$/))
    .some(
      (match) =>
        match !== null &&
        match[1]?.toLowerCase() === BREAKING_TRAILER.key.toLowerCase() &&
        match[2]?.toLowerCase() === BREAKING_TRAILER.value,
    );
}

/** One comparison: the supergraph before and after, and the commits that may mark it intended. */
export interface SchemaComparison {
  /** Says which versions are compared, e.g. `main (1c7b5dd) → working tree`. */
  label: string;
  before: string;
  after: string;
  commits: readonly { sha: string; message: string }[];
}

export interface SchemaVerdict {
  label: string;
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  /** The commits whose message marks the breaking changes as intended. */
  markedBy: string[];
  passes: boolean;
}

export async function checkSchemaChange(comparison: SchemaComparison): Promise<SchemaVerdict> {
  const changes = await diff(apiSchemaOf(comparison.before), apiSchemaOf(comparison.after));
  const at = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level);
  const breaking = at(CriticalityLevel.Breaking);
  const markedBy = comparison.commits.filter((c) => marksBreakingAsIntended(c.message)).map((c) => c.sha);
  return {
    label: comparison.label,
    breaking,
    dangerous: at(CriticalityLevel.Dangerous),
    safe: at(CriticalityLevel.NonBreaking),
    markedBy,
    passes: breaking.length === 0 || markedBy.length > 0,
  };
}

function changeLines(title: string, changes: Change[], shown = changes.length): string[] {
  if (changes.length === 0) return [];
  const more = changes.length - shown;
  return [
    `  ${title} (${changes.length}):`,
    ...changes.slice(0, shown).map((change) => `    - ${change.message}${change.path ? ` (${change.path})` : ''}`),
    ...(more > 0 ? [`    … and ${more} more`] : []),
  ];
}

/** Safe changes past this many are counted, not listed: a new type brings one line per field. */
const SAFE_SHOWN = 25;

/** One line for a comparison that passes, where the history holds many. */
export function summariseVerdict(verdict: SchemaVerdict): string {
  const counts = `${verdict.breaking.length} breaking, ${verdict.dangerous.length} dangerous, ${verdict.safe.length} safe`;
  const marked = verdict.breaking.length > 0 ? `, marked as intended in ${verdict.markedBy.join(', ')}` : '';
  return `${verdict.label}: ${verdict.passes ? 'passes' : 'FAILS'} (${counts}${marked})`;
}

/** The readable list `npm run schema:check` prints for one comparison. */
export function formatVerdict(verdict: SchemaVerdict): string {
  const { breaking, dangerous, safe } = verdict;
  const lines = [`${verdict.label}:`];
  if (breaking.length + dangerous.length + safe.length === 0) lines.push('  no change clients can see');
  lines.push(
    ...changeLines('breaking', breaking),
    ...changeLines('dangerous', dangerous),
    ...changeLines('safe', safe, SAFE_SHOWN),
  );
  const trailer = `${BREAKING_TRAILER.key}: ${BREAKING_TRAILER.value}`;
  if (breaking.length === 0) lines.push('  passes: nothing breaks an existing client');
  else if (verdict.passes) lines.push(`  passes: marked as intended ("${trailer}" in ${verdict.markedBy.join(', ')})`);
  else
    lines.push(
      `  FAILS: ${breaking.length} breaking change(s) not marked as intended. If the break is meant, say so in a`,
      `  commit message's closing trailer "${trailer}" (say too how agency systems are told).`,
    );
  return lines.join('\n');
}
