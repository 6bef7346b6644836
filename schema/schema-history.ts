import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SchemaComparison } from './schema-diff.js';

export const SUPERGRAPH_PATH = 'schema/supergraph.graphql';
/** The check's own entry: supergraph changes before it came in were never held to it. */
const CHECK_PATH = 'schema/check.ts';
const MAIN_REFS = ['origin/main', 'main'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function tryGit(cwd: string, ...args: string[]): string | null {
  try {
    return git(cwd, ...args);
  } catch {
    return null;
  }
}

const short = (sha: string) => sha.slice(0, 10);

function commitsIn(cwd: string, range: string): SchemaComparison['commits'] {
  const log = tryGit(cwd, 'log', '--format=%H%x1f%B%x1e', range) ?? '';
  return log
    .split('\x1e')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [sha = '', message = ''] = entry.split('\x1f');
      return { sha: short(sha), message };
    });
}

/**
 * What `npm run schema:check` compares.
 *
 * On a branch (HEAD not on `origin/main`, else `main`): the supergraph where the branch left main
 * against the working tree's, with every commit since as the ones that may mark a break intended.
 *
 * On main itself (CI's fresh clone, where HEAD is main and there is nothing to diff against):
 * every first-parent commit that changed the supergraph since the check came in, each against its
 * parent, a break marked by that commit or any after it. A clean main therefore passes again and
 * again, and a submission of several commits is held to each change of the graph, not only to
 * its last commit's (which HEAD~1 would be).
 */
export function schemaComparisons(cwd: string): SchemaComparison[] {
  const head = git(cwd, 'rev-parse', 'HEAD');
  const mainRef = MAIN_REFS.find((ref) => tryGit(cwd, 'rev-parse', '--verify', '-q', `${ref}^{commit}`) !== null);
  const base = mainRef ? tryGit(cwd, 'merge-base', 'HEAD', mainRef) : null;
  if (mainRef && base && base !== head) {
    const before = tryGit(cwd, 'show', `${base}:${SUPERGRAPH_PATH}`);
    if (before === null) return [];
    return [
      {
        label: `${mainRef} (${short(base)}) → working tree`,
        before,
        after: fs.readFileSync(path.join(cwd, SUPERGRAPH_PATH), 'utf8'),
        commits: commitsIn(cwd, `${base}..HEAD`),
      },
    ];
  }
  const introduced = (tryGit(cwd, 'log', '--diff-filter=A', '--format=%H', '--', CHECK_PATH) ?? '')
    .split('\n')
    .filter(Boolean)
    .at(-1);
  if (!introduced) {
    // The check itself is not committed yet: only what the working tree changes can be held to it.
    const before = tryGit(cwd, 'show', `HEAD:${SUPERGRAPH_PATH}`);
    const after = fs.readFileSync(path.join(cwd, SUPERGRAPH_PATH), 'utf8');
    return before === null || before === after ? [] : [{ label: 'HEAD → working tree', before, after, commits: [] }];
  }
  const range = `${introduced}..HEAD`;
  // Only commits that hold the check: a branch merged into main beside it was never held to it.
  const changed = (tryGit(cwd, 'rev-list', '--first-parent', '--reverse', range, '--', SUPERGRAPH_PATH) ?? '')
    .split('\n')
    .filter((commit) => commit && tryGit(cwd, 'merge-base', '--is-ancestor', introduced, commit) !== null);
  return changed.flatMap((commit) => {
    const parent = tryGit(cwd, 'rev-parse', '--verify', '-q', `${commit}^1`);
    const before = parent ? tryGit(cwd, 'show', `${parent}:${SUPERGRAPH_PATH}`) : null;
    if (!parent || before === null) return [];
    return [
      {
        label: `${short(parent)} → ${short(commit)}`,
        before,
        after: git(cwd, 'show', `${commit}:${SUPERGRAPH_PATH}`),
        commits: commitsIn(cwd, `${parent}..HEAD`),
      },
    ];
  });
}
