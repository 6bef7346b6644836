import { createSubgraphServer, databaseConfig, type DatabaseConfig } from '@cocuk-koruma/common';
import { definition } from './definition';

/** Builds the interior subgraph without listening; tests and the process entry share it. */
export function createServer(database: DatabaseConfig = databaseConfig('interior')) {
  return createSubgraphServer(definition, database);
}
