import pg from 'pg';

/** The agencies that own a database; the names match the subgraphs' folders. */
export const AGENCY_DATABASE_SLUGS = ['family', 'justice', 'health', 'education', 'interior'] as const;
export type AgencyDatabaseSlug = (typeof AGENCY_DATABASE_SLUGS)[number];

export interface AgencyDatabase {
  slug: AgencyDatabaseSlug;
  role: string;
  database: string;
  /** What the agency's subgraph connects with: its own role, its own database. */
  url: string;
}

export interface ProvisionOptions {
  /** Put before every role and database name; tests use it for throwaway names. */
  prefix?: string;
  /** Each role's password: `<SLUG>_DB_PASSWORD`, else `<slug>-local-only` (a developer's machine only). */
  passwordFor?: (slug: AgencyDatabaseSlug) => string;
  /** `host:port` the agencies reach the server on, when the admin connection goes another way (a socket). */
  agencyHost?: string;
}

export class ProvisionError extends Error {
  override name = 'ProvisionError';
}

export function passwordFromEnv(env: NodeJS.ProcessEnv = process.env): (slug: AgencyDatabaseSlug) => string {
  return (slug) => env[`${slug.toUpperCase()}_DB_PASSWORD`]?.trim() || `${slug}-local-only`;
}

/** Names: role `<prefix><slug>`, database `<prefix><slug>_db` (family → family / family_db). */
export function agencyDatabaseNames(slug: AgencyDatabaseSlug, prefix = ''): { role: string; database: string } {
  return { role: `${prefix}${slug}`, database: `${prefix}${slug}_db` };
}

/**
 * Creates one login role and one database per agency, and makes each database reachable only by
 * its own role, as production has it. Idempotent: a re-run re-applies passwords and privileges,
 * and takes back any privilege on another agency's database granted by hand since.
 * `adminUrl` is a superuser connection; the embedded server, docker-compose's init job and the
 * tests all provision through this one function.
 */
export async function provisionAgencyDatabases(
  adminUrl: string,
  options: ProvisionOptions = {},
): Promise<AgencyDatabase[]> {
  const prefix = options.prefix ?? '';
  if (prefix && !/^[a-z_][a-z0-9_]*$/.test(prefix)) {
    throw new ProvisionError(
      `Database name prefix "${prefix}" must be lower-case letters, digits and underscores, not starting with a digit.`,
    );
  }
  const passwordFor = options.passwordFor ?? passwordFromEnv();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const id = (name: string) => admin.escapeIdentifier(name);
    const literal = (value: string) => admin.escapeLiteral(value);
    const created: AgencyDatabase[] = [];
    for (const slug of AGENCY_DATABASE_SLUGS) {
      const { role, database } = agencyDatabaseNames(slug, prefix);
      const password = passwordFor(slug);
      const roleExists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
      if (roleExists.rowCount === 0) await admin.query(`create role ${id(role)} login`);
      await admin.query(
        `alter role ${id(role)} with login nosuperuser nocreatedb nocreaterole password ${literal(password)}`,
      );
      const databaseExists = await admin.query('select 1 from pg_database where datname = $1', [database]);
      // CREATE DATABASE cannot run in a transaction block, so each statement stands alone.
      if (databaseExists.rowCount === 0) await admin.query(`create database ${id(database)} owner ${id(role)}`);
      await admin.query(`alter database ${id(database)} owner to ${id(role)}`);
      await admin.query(`revoke all on database ${id(database)} from public`);
      await admin.query(`grant connect, temporary on database ${id(database)} to ${id(role)}`);
      const url = new URL(adminUrl);
      url.username = encodeURIComponent(role);
      url.password = encodeURIComponent(password);
      url.pathname = `/${database}`;
      url.searchParams.delete('host');
      if (options.agencyHost) url.host = options.agencyHost;
      created.push({ slug, role, database, url: url.toString() });
    }
    // Belt and braces: no agency role keeps any privilege on another agency's database.
    for (const own of created) {
      for (const other of created) {
        if (other.slug !== own.slug)
          await admin.query(`revoke all on database ${id(other.database)} from ${id(own.role)}`);
      }
    }
    return created;
  } finally {
    await admin.end();
  }
}

/**
 * Where an agency's database is on the embedded server that `npm start` runs, for tools that
 * reach it while it runs (`npm run audit:verify`): the same names and passwords it provisioned.
 */
export function embeddedAgencyUrl(
  slug: AgencyDatabaseSlug,
  port: number,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const { role, database } = agencyDatabaseNames(slug);
  const password = passwordFromEnv(env)(slug);
  return `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
