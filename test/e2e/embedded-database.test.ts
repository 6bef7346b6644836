import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { progressReports } from '@cocuk-koruma/domain';
import type { DatabaseConfig } from '@cocuk-koruma/platform';
import { startTestIssuer } from '@cocuk-koruma/testing/issuer';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../subgraphs/justice/src/server.js';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-pglite-'));
const config: DatabaseConfig = { variable: 'JUSTICE_DATABASE_URL', dataDir: path.join(dataDir, 'justice') };

const issuer = await startTestIssuer();

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await issuer.close();
});

describe('a subgraph with no database configured', () => {
  it('runs on an embedded database under its data folder that keeps its data across restarts', async () => {
    const first = await createServer(config, issuer.authConfig);
    expect(first.database.kind).toBe('pglite');
    await first.database.db.insert(progressReports).values({
      actionCode: 'A1.H1.E2',
      period: '2024-Q1',
      status: 'COMPLETED',
      percentComplete: 100,
      narrative: 'Written before the restart',
      source: 'test',
    });
    await first.stop();
    expect(fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))).toBe(true);

    const second = await createServer(config, issuer.authConfig);
    const listening = await second.listen(0);
    try {
      const result = await postGraphQL<{ justice: { action: { status: string; progressReports: unknown[] } } }>(
        listening.url,
        '{ justice { action(code: "A1.H1.E2") { status latestReport { narrative } progressReports { period } } } }',
        undefined,
        {
          authorization: `Bearer ${issuer.token({ username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] })}`,
        },
      );
      expect(result.data?.justice.action).toMatchObject({
        status: 'COMPLETED',
        latestReport: { narrative: 'Written before the restart' },
      });
      const periods = (result.data?.justice.action.progressReports as { period: string }[]).map((r) => r.period);
      expect(periods.filter((p) => p === '2024-Q1')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
