import { describe, expect, it } from 'vitest';
import { freePort, spawnEntry } from '../support/processes.js';

describe('a subgraph started with a configuration mistake', () => {
  it('exits with one line naming the database variable to fix when its database cannot be reached', async () => {
    const closed = await freePort();
    const justice = spawnEntry('subgraphs/justice/src/index.ts', {
      JUSTICE_DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${closed}/justice`,
      JUSTICE_PORT: String(await freePort()),
    });
    const { code } = await justice.exited;
    expect(code).toBe(1);
    const lines = justice.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot reach the database in JUSTICE_DATABASE_URL .*Fix JUSTICE_DATABASE_URL/);
    expect(lines[0]).not.toContain('secret');
  });

  it('exits with one line naming the port variable when the port is not a number', async () => {
    const health = spawnEntry('subgraphs/health/src/index.ts', { HEALTH_PORT: 'forty-thousand' });
    const { code } = await health.exited;
    expect(code).toBe(1);
    expect(health.stderr().trim()).toBe('HEALTH_PORT="forty-thousand" is not a port number (0-65535).');
  });

  it('exits with one line when TODAY pins the date of a production service', async () => {
    const family = spawnEntry('subgraphs/family/src/index.ts', {
      NODE_ENV: 'production',
      TODAY: '2020-06-30',
      FAMILY_PORT: String(await freePort()),
    });
    const { code } = await family.exited;
    expect(code).toBe(1);
    expect(family.stderr().trim()).toBe(
      'The date is pinned to 2020-06-30 (TODAY), which is only for tests and demos; unset TODAY when NODE_ENV=production.',
    );
  });
});
