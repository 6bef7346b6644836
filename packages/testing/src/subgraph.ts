import type { AuthConfig, DatabaseConfig, SubgraphServer } from '@cocuk-koruma/platform';
import { startTestIssuer, type TestIssuer } from './issuer.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export interface SubgraphUnderTest<S extends Record<string, unknown>> {
  server: SubgraphServer<S>;
  /** Its GraphQL endpoint. */
  url: string;
  database: TestDatabase;
  /** The issuer it trusts: `issuer.token(...)` signs in as anyone. */
  issuer: TestIssuer;
  stop(): Promise<void>;
}

/**
 * One agency's subgraph, listening on a free port, on a fresh database of its own and trusting a
 * test issuer: what a test of that subgraph over HTTP starts in `beforeAll` and stops in `afterAll`.
 */
export async function startSubgraphUnderTest<S extends Record<string, unknown>>(
  label: string,
  slug: string,
  createServer: (database: DatabaseConfig, auth: AuthConfig) => Promise<SubgraphServer<S>>,
): Promise<SubgraphUnderTest<S>> {
  const database = await createTestDatabase(label);
  const issuer = await startTestIssuer();
  const server = await createServer(
    { variable: `${slug.toUpperCase()}_DATABASE_URL`, url: database.url },
    issuer.authConfig,
  );
  const { url } = await server.listen(0);
  return {
    server,
    url,
    database,
    issuer,
    async stop() {
      await server.stop();
      await database.drop();
      await issuer.close();
    },
  };
}
