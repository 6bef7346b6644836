import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { PoolStats } from '../metrics/registry.js';

export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface OpenDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  /** Queries sent since start; the batching tests read it. */
  queryCount(): number;
  /** The pool's connections now, for the metrics. */
  poolStats(): PoolStats;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

class CountingLogger implements DrizzleLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
}

/**
 * Opens the agency's database, applies its migrations and hands back a drizzle instance.
 * A PostgreSQL URL that does not answer is a configuration mistake, so the error names the
 * variable to fix instead of surfacing a driver stack trace.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  config: DatabaseConfig,
  schema: TSchema,
  migrationsFolder: string,
): Promise<OpenDatabase<TSchema>> {
  if (!config.url) {
    throw new DatabaseUnavailableError(
      `${config.variable} is not set. Run \`npm start\`, which starts an embedded PostgreSQL for every agency without one, or set ${config.variable} to the agency's database.`,
    );
  }
  const logger = new CountingLogger();
  const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5000 });
  // A client losing its server (a restart, a failover) must not crash the process. The pool
  // listens on idle clients only; one checked out between two queries of a transaction emits
  // its 'error' with no listener, which is an uncaught exception. The query waiting on it fails
  // on its own (DATABASE_UNAVAILABLE), the pool drops the broken client, and the next query
  // reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `Cannot reach the database in ${config.variable} (${redact(config.url)}): ${reason}. Fix ${config.variable}, or unset it and run \`npm start\` to use the embedded PostgreSQL.`,
    );
  }
  const db = drizzle(pool, { schema, logger });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Database<TSchema>,
    queryCount: () => logger.count,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
