import { fileURLToPath } from 'node:url';
import {
  agencyBySlug,
  READ_BACK_HEADER,
  readBackKey,
  readBackMarker,
  type SubgraphDefinition,
} from '@cocuk-koruma/platform';
import {
  auditWitness,
  crossAgencyReadAudit,
  idempotentMutations,
  subgraphTypeDefs,
  witnessOptions,
} from '@cocuk-koruma/domain';
import { createFamilyContext, type FamilyContext, type FamilySchema } from './context.js';
import * as tables from './db/schema.js';
import { resolvers } from './resolvers/index.js';
import { seed } from './seed/index.js';

const agency = agencyBySlug('family');
const readBack = readBackMarker(readBackKey());

/** The secretariat: the plan, the strategy and the coordination bodies, plus the family's own progress. */
export const definition: SubgraphDefinition<FamilySchema, FamilyContext> = {
  agency,
  typeDefs: subgraphTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  tables,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  seed,
  context: (db, caller, runtime) => createFamilyContext(db, caller, runtime, readBack),
  routes: (db, logger, runtime) => auditWitness(agency, db, witnessOptions(runtime, logger)).routes,
  plugins: (db, logger, runtime) => [
    auditWitness(agency, db, witnessOptions(runtime, logger)).plugin,
    idempotentMutations(db, logger),
    crossAgencyReadAudit(agency, db, logger, {
      // The request this read-back serves has logged its own READ entry already.
      alreadyLogged: (headers, caller) => readBack.verify(headers.get(READ_BACK_HEADER), caller.token),
    }),
  ],
};
