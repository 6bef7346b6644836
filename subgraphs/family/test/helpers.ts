import type { DatabaseConfig, SubgraphServer } from '@cocuk-koruma/platform';
import { startTestIssuer } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import type { FamilySchema } from '../src/context.js';
import { createServer } from '../src/server.js';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; id?: string; [key: string]: unknown };
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** A family subgraph on a throwaway PostgreSQL database, spoken to over real HTTP. */
export interface RunningFamily {
  server: SubgraphServer<FamilySchema>;
  url: string;
  config: DatabaseConfig;
  query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody<T>>;
  /** Stops the server and starts a new one on the same database, which runs the seed again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startFamily(label: string): Promise<RunningFamily> {
  const database: TestDatabase = await createTestDatabase(`family_${label}`);
  const config: DatabaseConfig = { variable: 'FAMILY_DATABASE_URL', url: database.url };
  const issuer = await startTestIssuer();
  // The family ministry's own liaison: its reads are not cross-agency, so the query counts of the
  // batching tests hold data queries only (cross-agency reads add an audit entry; see test/e2e).
  const token = issuer.token({ username: 'family.liaison', agency: 'FAMILY', roles: ['liaison'] });
  const running: RunningFamily = {
    server: await createServer(config, issuer.authConfig),
    url: '',
    config,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLBody<T>;
    },
    async restart() {
      await running.server.stop();
      running.server = await createServer(config, issuer.authConfig);
      running.url = (await running.server.listen(0)).url;
    },
    async stop() {
      await running.server.stop();
      await database.drop();
      await issuer.close();
    },
  };
  running.url = (await running.server.listen(0)).url;
  return running;
}

/** Narrows a value the test has already asserted on; fails loudly instead of with a `!`. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what} to be present`);
  return value;
}
