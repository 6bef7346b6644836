/**
 * `node packages/postgres/dist/provision-main.js`: docker-compose's (and a cluster's) one-shot
 * init job. Provisions the agencies' roles and databases on the server in DATABASE_ADMIN_URL, a
 * superuser connection, with the passwords in `<SLUG>_DB_PASSWORD`. Idempotent, so it runs at
 * every `docker compose up`. Exit 0 done, 1 the server refused, 2 misconfigured.
 */
import { provisionAgencyDatabases, ProvisionError } from './provision.js';

const adminUrl = process.env.DATABASE_ADMIN_URL?.trim();
if (!adminUrl) {
  process.stderr.write('DATABASE_ADMIN_URL is not set: give it a superuser connection URL of the PostgreSQL server.\n');
  process.exit(2);
}
try {
  for (const { role, database } of await provisionAgencyDatabases(adminUrl, {
    prefix: process.env.DB_NAME_PREFIX?.trim() || undefined,
  })) {
    process.stdout.write(`provision: role ${role} owns database ${database}, and no other agency's role reaches it\n`);
  }
} catch (error) {
  process.stderr.write(`provision: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ProvisionError ? 2 : 1);
}
