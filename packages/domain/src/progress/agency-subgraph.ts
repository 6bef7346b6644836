import type { Agency, AgencyCode, Caller, Database, SubgraphDefinition } from '@cocuk-koruma/platform';
import { crossAgencyReadAudit } from '../audit/read-audit.js';
import { auditWitness, witnessOptions } from '../audit/witness-service.js';
import { idempotentMutations } from '../idempotency/plugin.js';
import { subgraphTypeDefs } from '../typedefs.js';
import { createProgressLoaders } from './loaders.js';
import type { ReportingPeriods } from './periods.js';
import type { ProgressContext } from './resolvers.js';
import { seedProgress, type ProgressSeed } from './seed.js';
import type { ProgressSchema } from './tables.js';

export interface AgencySubgraphOptions<S extends ProgressSchema> {
  agency: Agency;
  schemaFile: URL;
  tables: S;
  migrationsFolder: string;
  resolvers: object;
  seed: ProgressSeed;
  /** The plan's first quarter: no report may be for an earlier one. */
  firstPeriod: string;
}

export function createProgressContext<S extends ProgressSchema>(
  db: Database<S>,
  caller: Caller,
  owner: AgencyCode,
  periods: ReportingPeriods,
  smallNumberThreshold: number,
): ProgressContext {
  return {
    caller,
    owner,
    periods,
    db: db as unknown as Database<ProgressSchema>,
    progress: createProgressLoaders(db),
    smallNumberThreshold,
  };
}

/**
 * The definition of a subgraph that serves only its agency's progress data (justice, health,
 * education, interior). The family subgraph adds the secretariat's plan on top of the same parts.
 */
export function agencySubgraph<S extends ProgressSchema>(
  options: AgencySubgraphOptions<S>,
): SubgraphDefinition<S, ProgressContext> {
  return {
    agency: options.agency,
    typeDefs: subgraphTypeDefs(options.schemaFile),
    resolvers: options.resolvers,
    tables: options.tables,
    migrationsFolder: options.migrationsFolder,
    seed: (db) => seedProgress(db, options.seed),
    context: (db, caller, runtime) =>
      createProgressContext(
        db,
        caller,
        options.agency.code,
        { first: options.firstPeriod, clock: runtime.clock },
        runtime.smallNumberThreshold,
      ),
    plugins: (db, logger, runtime) => [
      idempotentMutations(db, logger),
      crossAgencyReadAudit(options.agency, db, logger),
      auditWitness(options.agency, db, witnessOptions(runtime, logger)).plugin,
    ],
    routes: (db, logger, runtime) => auditWitness(options.agency, db, witnessOptions(runtime, logger)).routes,
  };
}
