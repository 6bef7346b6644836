import { authConfig } from '../auth/config';
import { ConfigError, subgraphConfig } from '../config';
import { DatabaseUnavailableError } from '../db/database';
import type { CallerContext } from './read-audit';
import { createSubgraphServer, type SubgraphDefinition } from './subgraph-server';

/** Failures a user fixes by configuration: one line on stderr, no stack trace. */
export function exitOnConfigurationError(error: unknown): never {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/** Process entry of a subgraph: listen on its port and stop cleanly on SIGINT/SIGTERM. */
export async function runSubgraph<S extends Record<string, unknown>, C extends CallerContext>(
  definition: SubgraphDefinition<S, C>,
): Promise<void> {
  try {
    const config = subgraphConfig(definition.agency.slug);
    const server = await createSubgraphServer(definition, config.database, authConfig());
    const listening = await server.listen(config.port, config.host);
    server.logger.info(
      { url: listening.url, database: server.database.kind },
      `${definition.agency.slug} subgraph ready`,
    );
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    exitOnConfigurationError(error);
  }
}
