import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type Express } from 'express';
import type { DocumentNode } from 'graphql';
import type { Agency } from '../agencies.js';
import type { Caller } from '../auth/caller.js';
import { authConfig, type AuthConfig } from '../auth/config.js';
import { callerOf, requireBearerToken } from '../auth/http.js';
import { createTokenVerifier } from '../auth/verifier.js';
import { systemClock } from '../clock.js';
import {
  databaseConfig,
  gatewayUrl,
  refusePinnedClockInProduction,
  timeoutsFrom,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  type DatabaseConfig,
  type RuntimeConfig,
} from '../config.js';
import { openDatabase, type Database, type OpenDatabase } from '../db/database.js';
import { serveStatementCount } from '../db/statement-counter.js';
import { createLogger, type Logger } from '../logger.js';
import { createServiceMetrics } from '../metrics/registry.js';
import { scalarResolvers } from '../scalars.js';
import { guardEntityRepresentations } from './entity-representations.js';
import { hardenedServerOptions, httpErrorHandler } from './hardening.js';
import { listeners, type Listening } from './http.js';
import { BODY_LIMIT, queryLimits } from './limits.js';
import { operationObservability } from './operation-log.js';

/** What every subgraph's request context carries: the authenticated caller. */
export interface CallerContext extends BaseContext {
  caller: Caller;
}

export interface SubgraphDefinition<S extends Record<string, unknown>, C extends CallerContext> {
  agency: Agency;
  typeDefs: DocumentNode;
  resolvers: object;
  tables: S;
  migrationsFolder: string;
  seed(db: Database<S>): Promise<void>;
  /** Called once per request: loaders live for one request so batches never leak between callers. */
  context(db: Database<S>, caller: Caller, runtime: RuntimeConfig): C;
  /**
   * Request hooks the domain adds on the subgraph's own database, such as the audit of reads by
   * other agencies; they run after the server's own plugins, in the order given.
   */
  plugins?(db: Database<S>, logger: Logger, runtime: RuntimeConfig): ApolloServerPlugin<C>[];
  /** Plain HTTP routes beside /graphql and /health, such as the published audit head. */
  routes?(db: Database<S>, logger: Logger, runtime: RuntimeConfig): express.Router;
}

/** What the process entry reads from the environment once, and a test passes explicitly. */
export type SubgraphOptions = Partial<RuntimeConfig> & {
  /** Serve the SQL statement count for benchmarks (`SQL_STATEMENT_COUNTER`); off by default. */
  sqlStatementCounter?: boolean;
};

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
export async function createSubgraphServer<S extends Record<string, unknown>, C extends CallerContext>(
  definition: SubgraphDefinition<S, C>,
  databaseConfig: DatabaseConfig,
  auth: AuthConfig,
  options: SubgraphOptions = {},
): Promise<SubgraphServer<S>> {
  // The defaults read nothing from the environment: the real calendar and the gateway on its
  // default port, so a test never depends on variables another test may have left set.
  const runtime: RuntimeConfig = {
    clock: options.clock ?? systemClock,
    gatewayUrl: options.gatewayUrl ?? gatewayUrl({}),
    timeouts: options.timeouts ?? timeoutsFrom(DEFAULT_SUBGRAPH_TIMEOUT_MS),
    smallNumberThreshold: options.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD,
    // Off unless asked for: a test's subgraphs must not write entries of their own accord.
    auditWitnessIntervalMs: options.auditWitnessIntervalMs ?? 0,
  };
  refusePinnedClockInProduction(runtime.clock);
  const service = `subgraph-${definition.agency.slug}`;
  const logger = createLogger(service);
  const metrics = createServiceMetrics(service);
  const database = await openDatabase(databaseConfig, definition.tables, definition.migrationsFolder);
  metrics.watchPool(definition.agency.slug, database.poolStats);
  try {
    await definition.seed(database.db);
    const schema = buildSubgraphSchema({
      typeDefs: definition.typeDefs,
      resolvers: { ...scalarResolvers, ...definition.resolvers } as GraphQLResolverMap<unknown>,
    });
    guardEntityRepresentations(schema);
    const hardening = hardenedServerOptions<C>(logger);
    // The gateway's limits here too: a subgraph reached directly must refuse what the gateway refuses.
    const limits = queryLimits<C>();
    const apollo = new ApolloServer<C>({
      schema,
      logger,
      ...hardening,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      plugins: [
        ...hardening.plugins,
        ...limits.plugins,
        // Traces are for Apollo's hosted reporting, which this deployment never uses.
        ApolloServerPluginInlineTraceDisabled(),
        ...(definition.plugins?.(database.db, logger, runtime) ?? []),
        // Last, so that it sees the status and errors the others settled.
        operationObservability<C>(logger, metrics),
      ],
    });
    await apollo.start();

    const app = express();
    app.disable('x-powered-by');
    app.get('/health', async (_req, res) => {
      const up = await database.ping();
      res.status(up ? 200 : 503).json({
        service: definition.agency.slug,
        status: up ? 'ok' : 'degraded',
        database: { status: up ? 'up' : 'down' },
      });
    });
    // Unauthenticated, like /health, for the cluster's scraper: it holds counts, never data (see metrics/).
    app.get('/metrics', metrics.handler);
    if (options.sqlStatementCounter) serveStatementCount(app, definition.agency.slug, database.queryCount);
    if (definition.routes) app.use(definition.routes(database.db, logger, runtime));
    // Every request is authenticated here too, not only at the gateway: a subgraph reached
    // directly must refuse anyone without a valid token.
    app.use(
      '/graphql',
      requireBearerToken(createTokenVerifier(auth), auth.realm),
      express.json({ limit: BODY_LIMIT }),
      expressMiddleware(apollo, {
        context: async ({ res }) => definition.context(database.db, callerOf(res), runtime),
      }),
    );
    app.use(httpErrorHandler(logger));

    const http = listeners(app, '/graphql');
    return {
      app,
      database,
      logger,
      listen: http.listen,
      async stop() {
        await http.closeAll();
        await apollo.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * A subgraph's `createServer`: builds it without listening, on its configured database and
 * Keycloak unless a test passes its own, with the clock and gateway URL it is given.
 */
export function subgraphServerFactory<S extends Record<string, unknown>, C extends CallerContext>(
  definition: SubgraphDefinition<S, C>,
) {
  return (
    database: DatabaseConfig = databaseConfig(definition.agency.slug),
    auth: AuthConfig = authConfig(),
    options: SubgraphOptions = {},
  ): Promise<SubgraphServer<S>> => createSubgraphServer(definition, database, auth, options);
}
