import {
  authConfig,
  createSubgraphServer,
  databaseConfig,
  type AuthConfig,
  type DatabaseConfig,
} from '@cocuk-koruma/common';
import { definition } from './definition';

/** Builds the interior subgraph without listening; tests and the process entry share it. */
export function createServer(database: DatabaseConfig = databaseConfig('interior'), auth: AuthConfig = authConfig()) {
  return createSubgraphServer(definition, database, auth);
}
