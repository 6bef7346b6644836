import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AGENCIES } from '@cocuk-koruma/platform/agencies';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnEntry, type Spawned } from '../support/processes.js';

// `npm start` as a user runs it: the launcher, the embedded PostgreSQL, the identity provider,
// five subgraphs and the gateway, each its own process, on free ports and a data folder of its own.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ckp-start-'));
// Run as root, PostgreSQL runs as the postgres user, which must be able to enter the folder.
fs.chmodSync(root, 0o755);
const running: Spawned[] = [];
const databases: TestDatabase[] = [];

afterEach(async () => {
  for (const launcher of running.splice(0)) {
    if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
      launcher.child.kill('SIGINT');
      await launcher.exited;
    }
  }
});

afterAll(async () => {
  for (const database of databases) await database.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Stack {
  dataDir: string;
  ports: Record<string, number>;
  env: NodeJS.ProcessEnv;
}

async function stack(name: string, env: NodeJS.ProcessEnv = {}): Promise<Stack> {
  const dataDir = path.join(root, name);
  const ports: Record<string, number> = {};
  for (const service of [...AGENCIES.map((a) => a.slug), 'gateway', 'idp', 'embedded_postgres']) {
    ports[service] = await freePort();
  }
  const all: NodeJS.ProcessEnv = { DATA_DIR: dataDir, KEYCLOAK_URL: '', ...env };
  for (const [service, port] of Object.entries(ports)) all[`${service.toUpperCase()}_PORT`] = String(port);
  for (const agency of AGENCIES) {
    const variable = `${agency.slug.toUpperCase()}_DATABASE_URL`;
    all[variable] = env[variable] ?? '';
  }
  return { dataDir, ports, env: all };
}

function launch(target: Stack): Spawned {
  const launcher = spawnEntry('scripts/start.ts', target.env);
  running.push(launcher);
  return launcher;
}

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}

/** Processes whose command line names `text` (the data folder identifies a stack's postmaster). */
function processesNaming(text: string): string[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .map((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        return '';
      }
    })
    .filter((command) => command.includes(text));
}

/** Waits until nothing answers on the stack's ports and no process of it is left (bounded polling, not a timing claim). */
async function everythingGone(target: Stack): Promise<{ open: number[]; left: string[] }> {
  const deadline = Date.now() + 30_000;
  let open = Object.values(target.ports);
  let left = processesNaming(target.dataDir);
  while ((open.length > 0 || left.length > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const stillOpen: number[] = [];
    for (const port of open) if (!(await refused(port))) stillOpen.push(port);
    open = stillOpen;
    left = processesNaming(target.dataDir);
  }
  return { open, left };
}

async function token(target: Stack, username: string): Promise<string> {
  const script = spawnEntry('scripts/token.ts', { KEYCLOAK_URL: `http://127.0.0.1:${target.ports.idp}` }, [username]);
  expect((await script.exited).code).toBe(0);
  return script.stdout().trim();
}

const gatewayOf = (target: Stack) => `http://127.0.0.1:${target.ports.gateway}/graphql`;
const NARRATIVE = 'Written before the restart (example)';

describe('npm start', () => {
  const first = stack('main');

  it('runs every service on one embedded PostgreSQL, answers across agencies, and stops on Ctrl-C with nothing left running', async () => {
    const target = await first;
    // A PGlite folder that an earlier version left: reported, neither read nor deleted.
    fs.mkdirSync(path.join(target.dataDir, 'justice'), { recursive: true });
    fs.writeFileSync(path.join(target.dataDir, 'justice', 'PG_VERSION'), '17\n');

    const launcher = launch(target);
    await launcher.waitForOutput(/graph is up/, 120_000);
    for (const agency of AGENCIES)
      expect(launcher.stdout()).toContain(`http://127.0.0.1:${target.ports[agency.slug]}/graphql`);
    expect(launcher.stdout()).toContain(`http://127.0.0.1:${target.ports.idp}/realms/cocuk-koruma`);
    expect(launcher.stderr()).toMatch(/PGlite databases in \S+justice are no longer read/);
    expect(fs.existsSync(path.join(target.dataDir, 'justice', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(target.dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const unauthenticated = await postGraphQL(gatewayOf(target), '{ areas { code } }');
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const auth = { authorization: `Bearer ${await token(target, 'justice.liaison')}` };
    const result = await postGraphQL<{ goal: { actions: { __typename: string; status: string | null }[] } }>(
      gatewayOf(target),
      '{ goal(code: "A1.H1") { title actions { __typename code title status latestReport { percentComplete } } } }',
      undefined,
      auth,
    );
    expect(result.errors).toBeUndefined();
    const actions = result.data?.goal.actions ?? [];
    expect(new Set(actions.map((a) => a.__typename)).size).toBe(5);
    for (const action of actions) expect(action.status).not.toBeNull();

    // An acknowledged write, read back after the restart below.
    const saved = await postGraphQL<{ justice: { saveProgressReport: { id: string } } }>(
      gatewayOf(target),
      `mutation { justice { saveProgressReport(input: {actionCode: "A1.H1.E2", period: "2026-Q2", status: IN_PROGRESS, percentComplete: 40, narrative: "${NARRATIVE}"}) { id version } } }`,
      undefined,
      auth,
    );
    expect(saved.errors).toBeUndefined();

    launcher.child.kill('SIGINT');
    expect((await launcher.exited).code).toBe(0);
    // Every service stopped by itself on SIGTERM; none had to be killed.
    expect(launcher.stderr()).not.toMatch(/did not stop/);
    expect(await everythingGone(target)).toEqual({ open: [], left: [] });
    fs.rmSync(path.join(target.dataDir, 'justice'), { recursive: true });
  }, 240_000);

  it('keeps what was acknowledged across a restart, and leaves no process behind when the launcher is killed outright', async () => {
    const target = await first;
    const launcher = launch(target);
    await launcher.waitForOutput(/graph is up/, 120_000);
    const read = await postGraphQL<{ justice: { action: { reportHistory: { narrative: string }[] } } }>(
      gatewayOf(target),
      '{ justice { action(code: "A1.H1.E2") { reportHistory(period: "2026-Q2") { narrative } } } }',
      undefined,
      { authorization: `Bearer ${await token(target, 'justice.liaison')}` },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.justice.action.reportHistory.map((r) => r.narrative)).toEqual([NARRATIVE]);

    // SIGKILL gives the launcher no chance to pass a signal on; the services and the database
    // process notice their launcher is gone and stop, PostgreSQL included.
    launcher.child.kill('SIGKILL');
    await launcher.exited;
    expect(await everythingGone(target)).toEqual({ open: [], left: [] });
  }, 240_000);

  it('starts over a stale postmaster.pid that a kill -9 left, even when its pid now belongs to another process', async () => {
    const target = await first;
    // What a SIGKILLed postmaster leaves: its pid file, naming a pid that something else now has.
    const pidFile = path.join(target.dataDir, 'postgres', 'postmaster.pid');
    fs.writeFileSync(
      pidFile,
      `${process.pid}\n${path.join(target.dataDir, 'postgres')}\n0\n${target.ports.embedded_postgres}\n`,
    );
    const launcher = launch(target);
    await launcher.waitForOutput(/graph is up/, 120_000);
    expect(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])).not.toBe(process.pid);
  }, 240_000);

  it('says in one line that the port is taken, and deletes nothing', async () => {
    const target = await first;
    const files = fs.readdirSync(path.join(target.dataDir, 'postgres')).sort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(target.ports.embedded_postgres, '127.0.0.1', resolve));
    try {
      const launcher = launch(target);
      expect((await launcher.exited).code).toBe(1);
      expect(launcher.stderr().trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^Port ${target.ports.embedded_postgres} .* is taken.*EMBEDDED_POSTGRES_PORT`),
        ),
      ]);
      expect(fs.readdirSync(path.join(target.dataDir, 'postgres')).sort()).toEqual(files);
    } finally {
      holder.close();
    }
    expect(await everythingGone(target)).toEqual({ open: [], left: [] });
  }, 240_000);

  it('leaves nothing running when Ctrl-C comes in the middle of a first start', async () => {
    const target = await stack('interrupted');
    const launcher = launch(target);
    // The signal lands while the postmaster is starting, before it accepts connections: the
    // window in which the database process had no server to stop yet.
    const postmaster = `postgres -D ${path.join(target.dataDir, 'postgres')}`;
    const deadline = Date.now() + 30_000;
    while (processesNaming(postmaster).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    launcher.child.kill('SIGINT');
    await launcher.exited;
    expect(await everythingGone(target)).toEqual({ open: [], left: [] });
  }, 240_000);

  it('says in one line that a data folder holds something else, and deletes nothing', async () => {
    const target = await stack('not-postgres');
    fs.mkdirSync(path.join(target.dataDir, 'postgres'), { recursive: true });
    fs.writeFileSync(path.join(target.dataDir, 'postgres', 'notes.txt'), 'mine');
    const launcher = launch(target);
    expect((await launcher.exited).code).toBe(1);
    expect(launcher.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/postgres is not empty and holds no PostgreSQL data: .*DATA_DIR/),
    ]);
    expect(fs.readdirSync(path.join(target.dataDir, 'postgres'))).toEqual(['notes.txt']);
    expect(await everythingGone(target)).toEqual({ open: [], left: [] });
  }, 240_000);

  it('starts nothing embedded when every agency has a database URL of its own', async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const agency of AGENCIES) {
      const database = await createTestDatabase(`start_${agency.slug}`);
      databases.push(database);
      env[`${agency.slug.toUpperCase()}_DATABASE_URL`] = database.url;
    }
    const target = await stack('configured', env);
    const launcher = launch(target);
    await launcher.waitForOutput(/graph is up/, 120_000);
    expect(fs.existsSync(path.join(target.dataDir, 'postgres'))).toBe(false);
    expect(processesNaming('packages/postgres/')).toEqual([]);
  }, 240_000);
});
