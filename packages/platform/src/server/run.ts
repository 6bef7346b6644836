import { authConfig } from '../auth/config.js';
import { ConfigError, runtimeConfig, subgraphConfig } from '../config.js';
import { DatabaseUnavailableError } from '../db/database.js';
import { sqlStatementCounterEnabled } from '../db/statement-counter.js';
import { stopTelemetry } from '../telemetry/start.js';
import { announceReady } from './readiness.js';
import { stopOn } from './shutdown.js';
import { createSubgraphServer, type CallerContext, type SubgraphDefinition } from './subgraph-server.js';

/** Failures a user fixes by configuration: one line on stderr, no stack trace. */
export function exitOnConfigurationError(error: unknown): never {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/** Process entry of a subgraph: listen on its port; stop cleanly on SIGINT/SIGTERM or when its launcher goes. */
export async function runSubgraph<S extends Record<string, unknown>, C extends CallerContext>(
  definition: SubgraphDefinition<S, C>,
): Promise<void> {
  // Registered before the (slow, on first start) database setup, so that a stop during start-up
  // also ends the process instead of leaving it to finish starting alone.
  let server: Awaited<ReturnType<typeof createSubgraphServer<S, C>>> | undefined;
  stopOn(async () => {
    await server?.stop();
    await stopTelemetry();
    process.exit(0);
  });
  try {
    const config = subgraphConfig(definition.agency.slug);
    // TODAY and GATEWAY_URL are read here, once; the server is handed them, never the environment.
    const runtime = runtimeConfig();
    server = await createSubgraphServer(definition, config.database, authConfig(), {
      ...runtime,
      sqlStatementCounter: sqlStatementCounterEnabled(),
    });
    const listening = await server.listen(config.port, config.host);
    server.logger.info({ url: listening.url }, `${definition.agency.slug} subgraph ready`);
    announceReady();
  } catch (error) {
    exitOnConfigurationError(error);
  }
}
