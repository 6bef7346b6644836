import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES } from '@cocuk-koruma/platform/agencies';
import { testServerUrl } from '@cocuk-koruma/testing/postgres';
import { provisionAgencyDatabases, ProvisionError, type AgencyDatabase } from '../src/provision.js';

const prefix = `ckp_test_${randomBytes(4).toString('hex')}_`;
const roleOf = (slug: string) => `${prefix}${slug}`;
const databaseOf = (slug: string) => `${prefix}${slug}_db`;
let provisioned: AgencyDatabase[] = [];

/** Provisions on the test server, as the embedded server and docker-compose's init job do on theirs. */
function provision(passwords: Record<string, string> = {}) {
  return provisionAgencyDatabases(testServerUrl(), {
    prefix,
    passwordFor: (slug) => passwords[slug] ?? `${slug}-test-only`,
  });
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Connects with the URL provisioning handed out for `slug`, to `database` (its own by default). */
async function connectAs(slug: string, database = databaseOf(slug)): Promise<string> {
  const entry = provisioned.find((p) => p.slug === slug);
  if (!entry) throw new Error(`no URL for ${slug}`);
  const url = new URL(entry.url);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ who: string; db: string }>(
      'select current_user as who, current_database() as db',
    );
    return `${rows[0]?.who}@${rows[0]?.db}`;
  } finally {
    await client.end();
  }
}

async function canConnect(role: string, database: string): Promise<boolean> {
  return asAdmin(async (client) => {
    const { rows } = await client.query<{ ok: boolean }>(`select has_database_privilege($1, $2, 'CONNECT') as ok`, [
      role,
      database,
    ]);
    return rows[0]?.ok === true;
  });
}

async function passwordHash(role: string): Promise<string | null> {
  return asAdmin(async (client) => {
    const { rows } = await client.query<{ hash: string | null }>(
      'select rolpassword as hash from pg_authid where rolname = $1',
      [role],
    );
    return rows[0]?.hash ?? null;
  });
}

describe("provisioning the agencies' databases", () => {
  beforeAll(async () => {
    provisioned = await provision();
  });

  afterAll(async () => {
    await asAdmin(async (client) => {
      const databases = await client.query<{ name: string }>(
        'select datname as name from pg_database where starts_with(datname, $1)',
        [prefix],
      );
      for (const { name } of databases.rows) await client.query(`drop database if exists "${name}" with (force)`);
      const roles = await client.query<{ name: string }>(
        'select rolname as name from pg_roles where starts_with(rolname, $1)',
        [prefix],
      );
      for (const { name } of roles.rows) await client.query(`drop role if exists "${name}"`);
    });
  });

  it('creates a login role and a database owned by it for every agency', async () => {
    const found = await asAdmin(async (client) => {
      const { rows } = await client.query<{ database: string; owner: string; login: boolean }>(
        `select d.datname as database, r.rolname as owner, r.rolcanlogin as login
           from pg_database d join pg_roles r on r.oid = d.datdba
          where starts_with(d.datname, $1) order by d.datname`,
        [prefix],
      );
      return rows;
    });
    const expected = AGENCIES.map((a) => ({ database: databaseOf(a.slug), owner: roleOf(a.slug), login: true }));
    expect(found).toEqual(expected.sort((x, y) => x.database.localeCompare(y.database)));
  });

  it("lets each agency's role connect to its own database", async () => {
    for (const { slug } of AGENCIES) {
      expect(await canConnect(roleOf(slug), databaseOf(slug))).toBe(true);
      expect(await connectAs(slug)).toBe(`${roleOf(slug)}@${databaseOf(slug)}`);
    }
  });

  it("keeps every agency's role out of every other agency's database", async () => {
    for (const own of AGENCIES) {
      for (const other of AGENCIES) {
        if (other.slug === own.slug) continue;
        expect(await canConnect(roleOf(own.slug), databaseOf(other.slug)), `${own.slug} -> ${other.slug}`).toBe(false);
      }
    }
    await expect(connectAs('family', databaseOf('justice'))).rejects.toThrow(/permission denied for database/);
  });

  it('gives PUBLIC no CONNECT on any agency database', async () => {
    const publicAccess = await asAdmin(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `select datname as name from pg_database
          where starts_with(datname, $1) and datacl is not null
            and not exists (select 1 from aclexplode(datacl) a where a.grantee = 0 and a.privilege_type = 'CONNECT')`,
        [prefix],
      );
      return rows.map((r) => r.name);
    });
    expect(publicAccess.sort()).toEqual(AGENCIES.map((a) => databaseOf(a.slug)).sort());
  });

  it('sets a password on every role', async () => {
    for (const { slug } of AGENCIES) expect(await passwordHash(roleOf(slug))).toMatch(/\S/);
  });

  it('succeeds when run a second time, re-applying passwords and revoking hand-made grants', async () => {
    const before = await passwordHash(roleOf('health'));
    await asAdmin((client) =>
      client.query(`grant connect on database "${databaseOf('justice')}" to "${roleOf('family')}"`),
    );
    expect(await canConnect(roleOf('family'), databaseOf('justice'))).toBe(true);

    provisioned = await provision({ health: 'a-different-secret' });

    expect(await canConnect(roleOf('family'), databaseOf('justice'))).toBe(false);
    expect(await canConnect(roleOf('family'), databaseOf('family'))).toBe(true);
    expect(await passwordHash(roleOf('health'))).not.toEqual(before);
  });

  it('hands each agency a URL with its own role, password and database', () => {
    expect(provisioned.map((p) => p.slug)).toEqual(AGENCIES.map((a) => a.slug));
    for (const entry of provisioned) {
      const url = new URL(entry.url);
      expect(decodeURIComponent(url.username)).toBe(roleOf(entry.slug));
      expect(url.pathname).toBe(`/${databaseOf(entry.slug)}`);
      expect(url.searchParams.has('host')).toBe(false);
    }
    expect(new URL(provisioned.find((p) => p.slug === 'health')?.url ?? '').password).toBe('a-different-secret');
  });

  it('refuses a name prefix that is not a lower-case SQL identifier, and creates nothing', async () => {
    const before = await asAdmin((c) => c.query('select count(*)::int as n from pg_roles'));
    await expect(provisionAgencyDatabases(testServerUrl(), { prefix: 'Bad-Prefix"; drop' })).rejects.toThrow(
      ProvisionError,
    );
    const after = await asAdmin((c) => c.query('select count(*)::int as n from pg_roles'));
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
