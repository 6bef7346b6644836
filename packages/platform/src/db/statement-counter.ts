import type { Express } from 'express';
import { benchmarkFlag } from '../dev-flag.js';

/**
 * The path where a subgraph says how many SQL statements it has sent since it started, for the
 * benchmarks: read before and after one request, the difference is that request's statements.
 * Development only: it tells an outsider how busy the database is, so it is off unless
 * SQL_STATEMENT_COUNTER=1, and refused with NODE_ENV=production.
 */
export const SQL_STATEMENT_COUNTER_PATH = '/dev/sql-statements';

export interface SqlStatementCount {
  service: string;
  statements: number;
}

/** SQL_STATEMENT_COUNTER: `1` turns the endpoint on; anything else but unset or `0` is a mistake. */
export function sqlStatementCounterEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return benchmarkFlag(env, 'SQL_STATEMENT_COUNTER', 'publishes how many SQL statements the service runs');
}

export function serveStatementCount(app: Express, service: string, count: () => number): void {
  app.get(SQL_STATEMENT_COUNTER_PATH, (_req, res) => {
    res.json({ service, statements: count() } satisfies SqlStatementCount);
  });
}
