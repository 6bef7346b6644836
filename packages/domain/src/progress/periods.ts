import { badUserInput, quarterOf, type Clock } from '@cocuk-koruma/platform';

export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

/** The quarters a report may be for, as a subgraph is given them. */
export interface ReportingPeriods {
  /** The plan's first quarter, e.g. 2014-Q1. */
  first: string;
  /** Whose date says which quarter is the current one. */
  clock: Clock;
}

/**
 * A period must be a quarter from the plan's first one to the current one. An action still open
 * after its due date keeps reporting, so the plan's end is no limit; a quarter still to come is,
 * since a report for it would become the action's latest and set its status.
 * Quarters in this form compare as strings (2026-Q1 < 2026-Q2 < 2027-Q1).
 */
export function checkPeriod(period: string, periods: ReportingPeriods, field: string): void {
  if (!PERIOD_PATTERN.test(period)) {
    throw badUserInput(`${field}: must be a quarter such as 2026-Q3, not "${period}".`, field);
  }
  if (period < periods.first) {
    throw badUserInput(`${field}: ${period} is before the plan's first quarter, ${periods.first}.`, field);
  }
  const current = quarterOf(periods.clock.today());
  if (period > current) {
    throw badUserInput(
      `${field}: ${period} is after the current quarter, ${current}; report on a quarter once it has begun.`,
      field,
    );
  }
}
