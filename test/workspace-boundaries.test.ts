import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';

// The split of the shared code holds only if nothing quietly crosses it again: test helpers stay
// out of production, and the platform never reaches back into the domain.

const PRODUCTION_WORKSPACES = [
  'packages/platform',
  'packages/domain',
  'packages/plan',
  'packages/postgres',
  'packages/dev-identity-provider',
  'packages/client',
  'subgraphs/family',
  'subgraphs/justice',
  'subgraphs/health',
  'subgraphs/education',
  'subgraphs/interior',
  'gateway',
  'schema',
];

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = (workspace: string): Manifest =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, workspace, 'package.json'), 'utf8')) as Manifest;

async function lintErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('workspace boundaries', () => {
  it('keeps the test helpers private and out of every production workspace’s dependencies', () => {
    expect(manifest('packages/testing').private).toBe(true);
    expect(manifest('.').devDependencies?.['@cocuk-koruma/testing']).toBe('*');
    for (const workspace of PRODUCTION_WORKSPACES) {
      expect(Object.keys(manifest(workspace).dependencies ?? {}), workspace).not.toContain('@cocuk-koruma/testing');
    }
    expect(Object.keys(manifest('packages/platform').dependencies ?? {})).not.toContain('@cocuk-koruma/domain');
  });

  it('fails the lint for a test-helper import in production sources, not in tests', async () => {
    const code = "import { freePort } from '@cocuk-koruma/testing/ports';\nexport const port = freePort;\n";
    expect(await lintErrors('subgraphs/justice/src/example.ts', code)).toHaveLength(1);
    expect(await lintErrors('gateway/src/example.ts', code)).toHaveLength(1);
    expect(await lintErrors('subgraphs/justice/test/example.test.ts', code)).toHaveLength(0);
    expect(await lintErrors('test/support/example.ts', code)).toHaveLength(0);
  });

  it('fails the lint for a domain import in the platform', async () => {
    const code = "import { appendAudit } from '@cocuk-koruma/domain';\nexport const append = appendAudit;\n";
    expect(await lintErrors('packages/platform/src/server/example.ts', code)).toHaveLength(1);
    expect(await lintErrors('subgraphs/justice/src/example.ts', code)).toHaveLength(0);
  });
});
