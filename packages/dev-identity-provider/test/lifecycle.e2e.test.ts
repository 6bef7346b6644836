import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { freePort } from '@cocuk-koruma/testing/ports';
import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, decodeJwtPayload } from '../src/login-flow.js';
import { createIdentityProvider } from '../src/server.js';
import { signingKeyPath } from '../src/signing-key.js';
import { keycloakConnectFor, startProvider, tempDataDir, type Running } from './support.js';

const ENTRY = path.join(REPO_ROOT, 'packages/dev-identity-provider/src/index.ts');
const TOKEN_SCRIPT = path.join(REPO_ROOT, 'scripts/token.ts');

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('development identity provider lifecycle', () => {
  const started: Running[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((r) => r.idp.close()));
  });

  it('keeps its signing key across a restart so a token from before still validates', async () => {
    const first = await startProvider();
    started.push(first);
    const { access_token } = await clientCredentials({
      realmUrl: first.realmUrl,
      clientId: 'education-system',
      clientSecret: 'local-dev-only-education-system-secret',
    });
    expect(fs.existsSync(signingKeyPath(first.dataDir))).toBe(true);
    const port = first.listening.port;
    await first.idp.close();
    started.pop();

    const second = await startProvider(first.dataDir, port);
    started.push(second);
    expect(second.idp.signingKey.kid).toBe(first.idp.signingKey.kid);
    const grant = await keycloakConnectFor(second.listening.url).grantManager.createGrant({ access_token } as never);
    expect(grant.access_token).toBeDefined();
  });

  it('refuses to start with NODE_ENV=production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => createIdentityProvider({ dataDir: tempDataDir() })).toThrow(/KEYCLOAK_URL at a real Keycloak/);
    } finally {
      process.env.NODE_ENV = previous;
    }
    const result = await run(ENTRY, [], { NODE_ENV: 'production', IDP_PORT: '0', DATA_DIR: tempDataDir() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/NODE_ENV=production.*KEYCLOAK_URL/);
  });

  it('token script prints only an access token for justice.liaison', async () => {
    const provider = await startProvider();
    started.push(provider);
    const result = await run(TOKEN_SCRIPT, ['justice.liaison'], { KEYCLOAK_URL: provider.listening.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = decodeJwtPayload(result.stdout.trim());
    expect(claims).toMatchObject({ preferred_username: 'justice.liaison', agency: 'JUSTICE', azp: 'portal' });
    await keycloakConnectFor(provider.listening.url).grantManager.createGrant({
      access_token: result.stdout.trim(),
    } as never);
  });

  it('token script does client credentials for --client justice-system', async () => {
    const provider = await startProvider();
    started.push(provider);
    const result = await run(TOKEN_SCRIPT, ['--client', 'justice-system'], { KEYCLOAK_URL: provider.listening.url });
    expect(result.code).toBe(0);
    expect(decodeJwtPayload(result.stdout.trim())).toMatchObject({
      azp: 'justice-system',
      preferred_username: 'service-account-justice-system',
    });
  });

  it('token script fails in one line for an unknown user and when no provider runs', async () => {
    const unknown = await run(TOKEN_SCRIPT, ['nobody.here'], { KEYCLOAK_URL: 'http://127.0.0.1:9' });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/Unknown user 'nobody.here'/)]);

    const down = await run(TOKEN_SCRIPT, ['justice.liaison'], { KEYCLOAK_URL: `http://127.0.0.1:${await freePort()}` });
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('');
    expect(down.stderr.trim().split('\n')).toEqual([expect.stringMatching(/npm start/)]);
  });
});
