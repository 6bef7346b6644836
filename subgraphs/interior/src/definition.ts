import { fileURLToPath } from 'node:url';
import { agencyBySlug } from '@cocuk-koruma/platform';
import { agencySubgraph } from '@cocuk-koruma/domain';
import { firstPlanQuarter } from '@cocuk-koruma/plan';
import * as tables from './db/schema.js';
import { resolvers } from './resolvers/index.js';
import { seed } from './seed/index.js';

export const definition = agencySubgraph({
  agency: agencyBySlug('interior'),
  schemaFile: new URL('./schema.graphql', import.meta.url),
  tables,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers,
  seed,
  firstPeriod: firstPlanQuarter,
});
