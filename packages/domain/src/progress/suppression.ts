import type { IndicatorMeasurementRow } from './tables.js';

/** Province counts below this are withheld from readers outside the measuring agency. */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** `SMALL_NUMBER_THRESHOLD` from the environment; a value that is not a positive integer stops the service. */
export function smallNumberThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SMALL_NUMBER_THRESHOLD?.trim();
  if (!raw) return DEFAULT_SMALL_NUMBER_THRESHOLD;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`SMALL_NUMBER_THRESHOLD must be a whole number of 1 or more, got "${raw}".`);
  }
  return value;
}

/** The fields the rule looks at; measurement rows have them. */
export interface Cell {
  indicatorCode: string;
  period: string;
  source: string;
  /** Null for a national figure. */
  provincePlateCode: string | null;
  value: number;
}

export type Suppressed<T extends Cell> = Omit<T, 'value'> & { value: number | null; suppressed: boolean };

/** What `IndicatorMeasurement` resolves from: a stored row as one reader may see it. */
export type MeasurementView = Suppressed<IndicatorMeasurementRow>;

export interface SuppressionOptions {
  threshold: number;
  /** The measuring agency itself sees every value. */
  reveal: boolean;
}

const groupKey = (cell: Cell) => JSON.stringify([cell.indicatorCode, cell.period, cell.source]);

/**
 * Small-number suppression of province cells, per (indicator, period, source) group:
 * 1. primary: a province cell below the threshold is withheld;
 * 2. complementary: where that leaves exactly one withheld cell and the group also has a national
 *    total or another province cell, the smallest other province cell is withheld too, so the
 *    total minus the visible cells no longer gives the small one away.
 * National figures are never withheld. Returns the cells in the order given.
 */
export function suppressSmallCells<T extends Cell>(cells: readonly T[], options: SuppressionOptions): Suppressed<T>[] {
  const hidden = new Set<T>();
  if (!options.reveal) {
    const groups = new Map<string, T[]>();
    for (const cell of cells) {
      const group = groups.get(groupKey(cell));
      if (group) group.push(cell);
      else groups.set(groupKey(cell), [cell]);
    }
    for (const group of groups.values()) {
      const provinces = group.filter((c) => c.provincePlateCode !== null);
      const primary = provinces.filter((c) => c.value < options.threshold);
      for (const cell of primary) hidden.add(cell);
      if (primary.length !== 1) continue;
      const hasTotal = group.some((c) => c.provincePlateCode === null);
      const others = provinces.filter((c) => !hidden.has(c));
      if (!hasTotal && others.length === 0) continue;
      // Ties broken by plate code, so every reader sees the same cell withheld.
      const smallest = others.sort(
        (a, b) => a.value - b.value || (a.provincePlateCode ?? '').localeCompare(b.provincePlateCode ?? ''),
      )[0];
      if (smallest) hidden.add(smallest);
    }
  }
  return cells.map((cell) =>
    hidden.has(cell) ? { ...cell, value: null, suppressed: true } : { ...cell, suppressed: false },
  );
}
