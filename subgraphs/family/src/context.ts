import { createProgressContext, type ProgressContext } from '@cocuk-koruma/domain';
import type { Caller, Database } from '@cocuk-koruma/platform';
import { systemClock, type Clock } from './clock.js';
import type * as tables from './db/schema.js';
import { createFamilyLoaders, type FamilyLoaders } from './loaders.js';

/** The family database's drizzle schema: the secretariat's tables plus the shared progress tables. */
export type FamilySchema = typeof tables;

/** The shared progress context (the family's own actions) plus the secretariat's plan and places. */
export interface FamilyContext extends ProgressContext {
  familyDb: Database<FamilySchema>;
  family: FamilyLoaders;
  clock: Clock;
}

export function createFamilyContext(db: Database<FamilySchema>, caller: Caller): FamilyContext {
  return {
    ...createProgressContext(db, caller, 'FAMILY'),
    familyDb: db,
    family: createFamilyLoaders(db),
    clock: systemClock,
  };
}
