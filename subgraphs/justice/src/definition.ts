import { fileURLToPath } from 'node:url';
import { agencyBySlug, agencySubgraph } from '@cocuk-koruma/common';
import * as tables from './db/schema';
import { resolvers } from './resolvers';
import { seed } from './seed';

export const definition = agencySubgraph({
  agency: agencyBySlug('justice'),
  schemaFile: new URL('./schema.graphql', import.meta.url),
  tables,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers,
  seed,
});
