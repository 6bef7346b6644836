import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchemaChange, formatVerdict, marksBreakingAsIntended, type SchemaComparison } from '../schema-diff.js';
import { schemaComparisons, SUPERGRAPH_PATH } from '../schema-history.js';
import { readCommittedSupergraph } from '../supergraph.js';

const supergraph = readCommittedSupergraph();

/** The supergraph with `edit` applied to the body of `type ProgressReport` alone. */
function inProgressReport(sdl: string, edit: (body: string) => string): string {
  const start = sdl.indexOf('\ntype ProgressReport\n');
  const end = sdl.indexOf('\n}\n', start);
  return sdl.slice(0, start) + edit(sdl.slice(start, end)) + sdl.slice(end);
}
/** The field's line gone, with the description printed above it, if it has one. */
const withoutField = (body: string, field: string) =>
  body.replace(new RegExp(`(\\n\\n {2}"""[^\\n]*""")?\\n {2}${field}: String\\n`), '\n');
const withoutSubmittedBy = inProgressReport(supergraph, (body) => withoutField(body, 'submittedBy'));
const withoutReviewedBy = (sdl: string) => inProgressReport(sdl, (body) => withoutField(body, 'reviewedBy'));
const withNewOptionalField = inProgressReport(supergraph, (body) =>
  body.replace('\n  submittedAt: DateTime\n', '\n  submittedAt: DateTime\n  reviewNote: String\n'),
);
const withNewStatus = supergraph.replace(
  /\n {2}COMPLETED @join__enumValue/,
  '\n  CANCELLED @join__enumValue(graph: EDUCATION) @join__enumValue(graph: FAMILY) @join__enumValue(graph: HEALTH) @join__enumValue(graph: INTERIOR) @join__enumValue(graph: JUSTICE)\n  COMPLETED @join__enumValue',
);
const withFamilyElsewhere = supergraph.replace(
  'url: "http://127.0.0.1:4001/graphql"',
  'url: "http://family.internal:4001/graphql"',
);

const comparison = (after: string, ...messages: string[]): SchemaComparison => ({
  label: 'test',
  before: supergraph,
  after,
  commits: messages.map((message, i) => ({ sha: `c${i}`, message })),
});

describe('the schema check', () => {
  it('sees that each edit of the supergraph in these tests took effect', () => {
    for (const edited of [
      withoutSubmittedBy,
      withoutReviewedBy(supergraph),
      withNewOptionalField,
      withNewStatus,
      withFamilyElsewhere,
    ]) {
      expect(edited).not.toBe(supergraph);
    }
  });

  it('fails on a removed field that no commit marks as intended, naming the field', async () => {
    const verdict = await checkSchemaChange(comparison(withoutSubmittedBy, 'Drop who submitted'));
    expect(verdict.passes).toBe(false);
    expect(verdict.breaking.map((c) => c.message)).toEqual([
      "Field 'submittedBy' was removed from object type 'ProgressReport'",
    ]);
    expect(formatVerdict(verdict)).toContain('FAILS: 1 breaking change(s) not marked as intended');
  });

  it('passes the same removal when a commit ends with the trailer Schema-Breaking: intended', async () => {
    const verdict = await checkSchemaChange(
      comparison(
        withoutSubmittedBy,
        'Unrelated work',
        'Drop who submitted\n\nAgency systems were told.\n\nSchema-Breaking: intended\n',
      ),
    );
    expect(verdict).toMatchObject({ passes: true, markedBy: ['c1'] });
    expect(formatVerdict(verdict)).toContain('passes: marked as intended ("Schema-Breaking: intended" in c1)');
  });

  it('does not take the words in the middle of a message, or another value, for the trailer', () => {
    expect(marksBreakingAsIntended('Drop it\n\nSchema-Breaking: intended\n\nSigned-off-by: x <x@example.org>')).toBe(
      false,
    );
    expect(marksBreakingAsIntended('Drop it\n\nSchema-Breaking: maybe')).toBe(false);
    expect(marksBreakingAsIntended('Drop it\n\nSigned-off-by: x <x@example.org>\nschema-breaking: Intended')).toBe(
      true,
    );
  });

  it('passes an added field as safe and an added enum value as dangerous, listing both', async () => {
    const added = await checkSchemaChange(comparison(withNewOptionalField));
    expect(added).toMatchObject({ passes: true, breaking: [], dangerous: [] });
    expect(added.safe.map((c) => c.message)).toEqual(["Field 'reviewNote' was added to object type 'ProgressReport'"]);
    const status = await checkSchemaChange(comparison(withNewStatus));
    expect(status).toMatchObject({ passes: true, breaking: [] });
    expect(status.dangerous.map((c) => c.message)).toEqual(["Enum value 'CANCELLED' was added to enum 'ActionStatus'"]);
    expect(formatVerdict(status)).toMatch(/dangerous \(1\):\n {4}- Enum value 'CANCELLED' was added/);
  });

  it('sees no change where only the gateway sees one (a subgraph moved to another address)', async () => {
    const verdict = await checkSchemaChange(comparison(withFamilyElsewhere));
    expect([...verdict.breaking, ...verdict.dangerous, ...verdict.safe]).toEqual([]);
  });
});

describe('what the schema check compares, in a git repository', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-check-'));
  const clone = `${dir}-clone`;
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(clone, { recursive: true, force: true });
  });
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const commit = (sdl: string | null, message: string) => {
    if (sdl !== null) fs.writeFileSync(path.join(dir, SUPERGRAPH_PATH), sdl);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  };
  const verdicts = async (cwd: string) =>
    Promise.all(
      schemaComparisons(cwd).map(async (c) => ({ label: c.label, passes: (await checkSchemaChange(c)).passes })),
    );

  it('holds a branch to what it changed since main, marked by any of its commits', async () => {
    git(dir, 'init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(path.join(dir, 'schema/check.ts'), '// the check\n');
    commit(supergraph, 'The schema check');
    commit(withNewOptionalField, 'A field before the branch');
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(withoutSubmittedBy, 'Drop who submitted');
    const unmarked = await verdicts(dir);
    expect(unmarked).toEqual([{ label: expect.stringMatching(/^main \(\w+\) → working tree$/), passes: false }]);
    commit(null, 'Say why\n\nSchema-Breaking: intended');
    expect(await verdicts(dir)).toEqual([{ label: unmarked[0]?.label, passes: true }]);
  });

  it('on main itself, as in a fresh clone, holds each change of the supergraph since the check came in to its own mark', async () => {
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '--ff-only', 'feature');
    commit(withoutReviewedBy(withoutSubmittedBy), 'Drop who reviewed too, unmarked');
    git(dir, 'clone', '-q', dir, clone);
    for (const cwd of [dir, clone]) {
      const steps = await verdicts(cwd);
      // The field added before the branch, the marked removal, and the unmarked one.
      expect(steps.map((s) => s.passes)).toEqual([true, true, false]);
    }
  });

  it('on main, leaves alone a change that landed beside the check, before it was merged', async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'schema'), { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    commit(supergraph, 'Start');
    git(dir, 'checkout', '-q', '-b', 'check');
    fs.writeFileSync(path.join(dir, 'schema/check.ts'), '// the check\n');
    commit(null, 'The schema check');
    git(dir, 'checkout', '-q', 'main');
    commit(withoutSubmittedBy, 'A break that landed before the check existed');
    git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge the check', 'check');
    expect(await verdicts(dir)).toEqual([]);
    commit(withoutReviewedBy(withoutSubmittedBy), 'A break after it');
    expect((await verdicts(dir)).map((s) => s.passes)).toEqual([false]);
  });
});
