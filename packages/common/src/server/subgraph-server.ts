import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type Express, type Request } from 'express';
import type { DocumentNode } from 'graphql';
import type { Agency } from '../agencies';
import type { DatabaseConfig } from '../config';
import { openDatabase, type Database, type OpenDatabase } from '../db/database';
import { createLogger, type Logger } from '../logger';
import { scalarResolvers } from '../scalars';
import { listen, type Listening } from './http';

export interface SubgraphDefinition<S extends Record<string, unknown>, C extends BaseContext> {
  agency: Agency;
  typeDefs: DocumentNode;
  resolvers: object;
  tables: S;
  migrationsFolder: string;
  seed(db: Database<S>): Promise<void>;
  /** Called once per request: loaders live for one request so batches never leak between callers. */
  context(db: Database<S>, req: Request): C;
}

export interface SubgraphServer<S extends Record<string, unknown>> {
  app: Express;
  database: OpenDatabase<S>;
  logger: Logger;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

/**
 * Builds the subgraph without listening, so the process entry, unit tests and end-to-end tests
 * all run the same wiring: migrations, seed, GraphQL at /graphql and /health.
 */
export async function createSubgraphServer<S extends Record<string, unknown>, C extends BaseContext>(
  definition: SubgraphDefinition<S, C>,
  databaseConfig: DatabaseConfig,
): Promise<SubgraphServer<S>> {
  const logger = createLogger(`subgraph-${definition.agency.slug}`);
  const database = await openDatabase(databaseConfig, definition.tables, definition.migrationsFolder);
  try {
    await definition.seed(database.db);
    const schema = buildSubgraphSchema({
      typeDefs: definition.typeDefs,
      resolvers: { ...scalarResolvers, ...definition.resolvers } as GraphQLResolverMap<unknown>,
    });
    const apollo = new ApolloServer<C>({
      schema,
      introspection: process.env.NODE_ENV !== 'production',
      logger,
      // Traces are for Apollo's hosted reporting, which this deployment never uses.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    app.get('/health', async (_req, res) => {
      const up = await database.ping();
      res.status(up ? 200 : 503).json({
        service: definition.agency.slug,
        status: up ? 'ok' : 'degraded',
        database: { kind: database.kind, status: up ? 'up' : 'down' },
      });
    });
    app.use(
      '/graphql',
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, { context: async ({ req }) => definition.context(database.db, req) }),
    );

    const listening: Listening[] = [];
    return {
      app,
      database,
      logger,
      async listen(port, host = '127.0.0.1') {
        const l = await listen(app, port, host, '/graphql');
        listening.push(l);
        return l;
      },
      async stop() {
        await Promise.all(listening.map((l) => l.close()));
        await apollo.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
