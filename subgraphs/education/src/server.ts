import { createSubgraphServer, databaseConfig, type DatabaseConfig } from '@cocuk-koruma/common';
import { definition } from './definition';

/** Builds the education subgraph without listening; tests and the process entry share it. */
export function createServer(database: DatabaseConfig = databaseConfig('education')) {
  return createSubgraphServer(definition, database);
}
