import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AGENCIES } from '@cocuk-koruma/platform/agencies';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnEntry, type Spawned } from '../support/processes.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-start-'));
let started: Spawned | undefined;

afterAll(async () => {
  if (started && started.child.exitCode === null) {
    started.child.kill('SIGKILL');
    await started.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

describe('npm start', () => {
  it('runs five subgraphs on embedded databases and the gateway, answers across agencies, and stops on Ctrl-C', async () => {
    const ports: Record<string, number> = {};
    for (const name of [...AGENCIES.map((a) => a.slug), 'gateway', 'idp']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, KEYCLOAK_URL: '' };
    for (const [name, port] of Object.entries(ports)) env[`${name.toUpperCase()}_PORT`] = String(port);
    for (const agency of AGENCIES) env[`${agency.slug.toUpperCase()}_DATABASE_URL`] = '';

    started = spawnEntry('scripts/start.ts', env);
    await started.waitForOutput(/graph is up/, 170_000);
    for (const agency of AGENCIES) expect(started.stdout()).toContain(`http://127.0.0.1:${ports[agency.slug]}/graphql`);
    expect(started.stdout()).toContain(`http://127.0.0.1:${ports.idp}/realms/cocuk-koruma`);

    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    const unauthenticated = await postGraphQL(gatewayUrl, '{ areas { code } }');
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The token a user gets with `npm run token -- justice.liaison`, from the embedded provider.
    const tokenScript = spawnEntry('scripts/token.ts', { KEYCLOAK_URL: `http://127.0.0.1:${ports.idp}` }, [
      'justice.liaison',
    ]);
    expect((await tokenScript.exited).code).toBe(0);
    const token = tokenScript.stdout().trim();

    const result = await postGraphQL<{ goal: { actions: { __typename: string; status: string | null }[] } }>(
      gatewayUrl,
      '{ goal(code: "A1.H1") { title actions { __typename code title status latestReport { percentComplete } } } }',
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(result.errors).toBeUndefined();
    const actions = result.data?.goal.actions ?? [];
    expect(new Set(actions.map((a) => a.__typename)).size).toBe(5);
    for (const action of actions) expect(action.status).not.toBeNull();
    for (const agency of AGENCIES) expect(fs.existsSync(path.join(dataDir, agency.slug, 'PG_VERSION'))).toBe(true);

    started.child.kill('SIGINT');
    const { code } = await started.exited;
    expect(code).toBe(0);
    for (const port of Object.values(ports)) expect(await refused(port)).toBe(true);
  }, 240_000);

  it('takes every service down with it when the launcher itself is killed outright', async () => {
    const ports: Record<string, number> = {};
    for (const name of [...AGENCIES.map((a) => a.slug), 'gateway', 'idp']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, KEYCLOAK_URL: '' };
    for (const [name, port] of Object.entries(ports)) env[`${name.toUpperCase()}_PORT`] = String(port);
    for (const agency of AGENCIES) env[`${agency.slug.toUpperCase()}_DATABASE_URL`] = '';

    // Second start on the same embedded databases: they open, migrate and seed again.
    started = spawnEntry('scripts/start.ts', env);
    await started.waitForOutput(/graph is up/, 170_000);
    started.child.kill('SIGKILL');
    await started.exited;

    // SIGKILL gives the launcher no chance to pass a signal on; the services notice their
    // launcher is gone and stop. Poll until every port is closed (bounded, not a timing claim).
    const deadline = Date.now() + 30_000;
    let open = Object.values(ports);
    while (open.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const stillOpen: number[] = [];
      for (const port of open) if (!(await refused(port))) stillOpen.push(port);
      open = stillOpen;
    }
    expect(open).toEqual([]);
  }, 240_000);
});
