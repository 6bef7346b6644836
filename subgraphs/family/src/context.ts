import { createProgressContext, type ProgressContext } from '@cocuk-koruma/domain';
import type { Caller, Clock, Database, ReadBackMarker, RuntimeConfig, Timeouts } from '@cocuk-koruma/platform';
import { firstPlanQuarter } from '@cocuk-koruma/plan';
import type * as tables from './db/schema.js';
import { createFamilyLoaders, type FamilyLoaders } from './loaders.js';

/** The family database's drizzle schema: the secretariat's tables plus the shared progress tables. */
export type FamilySchema = typeof tables;

/** The shared progress context (the family's own actions) plus the secretariat's plan and places. */
export interface FamilyContext extends ProgressContext {
  familyDb: Database<FamilySchema>;
  family: FamilyLoaders;
  clock: Clock;
  /** Where the other agencies' data is read from, as the caller. */
  gatewayUrl: string;
  /** How long the other agencies' data is waited for (README: SUBGRAPH_TIMEOUT_MS). */
  timeouts: Timeouts;
  /** Signs the read-back, so that its return to this subgraph is not logged as a second read. */
  readBack: ReadBackMarker;
}

export function createFamilyContext(
  db: Database<FamilySchema>,
  caller: Caller,
  runtime: RuntimeConfig,
  readBack: ReadBackMarker,
): FamilyContext {
  return {
    ...createProgressContext(
      db,
      caller,
      'FAMILY',
      { first: firstPlanQuarter, clock: runtime.clock },
      runtime.smallNumberThreshold,
    ),
    familyDb: db,
    family: createFamilyLoaders(db),
    clock: runtime.clock,
    gatewayUrl: runtime.gatewayUrl,
    timeouts: runtime.timeouts,
    readBack,
  };
}
