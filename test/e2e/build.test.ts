import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The build script on a small repository of its own, so that rebuilding never pulls a dist/
// folder from under another test's running services.
let repo: string;
const build = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), ...args], { encoding: 'utf8' });
const built = (workspace: string) => path.join(repo, workspace, 'dist/index.js');

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-build-'));
  fs.mkdirSync(path.join(repo, 'scripts'));
  fs.copyFileSync(path.join(REPO_ROOT, 'scripts/build.mjs'), path.join(repo, 'scripts/build.mjs'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'));
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
  for (const name of ['a', 'b']) {
    fs.mkdirSync(path.join(repo, 'packages', name, 'src'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'packages', name, 'package.json'), JSON.stringify({ name }));
    fs.writeFileSync(path.join(repo, 'packages', name, 'src/index.ts'), `export const name: string = '${name}';\n`);
  }
});

afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('npm start’s build (--if-stale)', () => {
  it('compiles everything the first time, then nothing while the sources are unchanged', () => {
    expect(build('--if-stale')).toMatch(/^built 2 modules/);
    expect(fs.readFileSync(built('packages/a'), 'utf8')).toContain('"a"');
    expect(build('--if-stale')).toMatch(/^built 0 modules/);
  });

  it('rebuilds the one tree whose source changed, and only it', () => {
    const untouched = fs.statSync(built('packages/b')).mtimeMs;
    fs.writeFileSync(path.join(repo, 'packages/a/src/index.ts'), `export const name: string = 'a, changed';\n`);
    expect(build('--if-stale')).toMatch(/^built 1 modules/);
    expect(fs.readFileSync(built('packages/a'), 'utf8')).toContain('a, changed');
    expect(fs.statSync(built('packages/b')).mtimeMs).toBe(untouched);
  });

  it('drops the output of a deleted source', () => {
    fs.writeFileSync(path.join(repo, 'packages/a/src/extra.ts'), `export const extra = 1;\n`);
    build('--if-stale');
    expect(fs.existsSync(path.join(repo, 'packages/a/dist/extra.js'))).toBe(true);
    fs.rmSync(path.join(repo, 'packages/a/src/extra.ts'));
    build('--if-stale');
    expect(fs.existsSync(path.join(repo, 'packages/a/dist/extra.js'))).toBe(false);
  });

  it('always rebuilds without --if-stale, as npm run build does', () => {
    expect(build()).toMatch(/^built 2 modules/);
  });
});
