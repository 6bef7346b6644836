import type { IndicatorMeasurementRow } from './tables.js';

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

const groupKey = (cell: Cell) => JSON.stringify([cell.indicatorCode, cell.period]);

function groupsOf<T extends Cell>(cells: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const cell of cells) {
    const group = groups.get(groupKey(cell));
    if (group) group.push(cell);
    else groups.set(groupKey(cell), [cell]);
  }
  return [...groups.values()];
}

/** The cells of one (indicator, period) group, across all its sources, that a reader must not see. */
function withheldIn<T extends Cell>(group: readonly T[], threshold: number): T[] {
  const totals = group.filter((c) => c.provincePlateCode === null);
  const byPlate = new Map<string, T[]>();
  for (const cell of group) {
    if (cell.provincePlateCode === null) continue;
    const cells = byPlate.get(cell.provincePlateCode);
    if (cells) cells.push(cell);
    else byPlate.set(cell.provincePlateCode, [cell]);
  }
  // A province small in any source is withheld in every source: another source's figure for the
  // same province would give it away.
  const hidden = new Set([...byPlate].filter(([, cells]) => cells.some((c) => c.value < threshold)).map(([p]) => p));
  if (hidden.size === 0) return [];

  // What a reader gets by taking a published total and subtracting every province still shown, in
  // that total's source where it publishes the province, else the largest figure another source
  // gives: the sum of the withheld cells, as far as the published figures tell.
  const shownFigure = (plate: string, source: string): number => {
    const cells = byPlate.get(plate) ?? [];
    return cells.find((c) => c.source === source)?.value ?? Math.max(...cells.map((c) => c.value));
  };
  const remainder = (total: T) =>
    [...byPlate.keys()]
      .filter((plate) => !hidden.has(plate))
      .reduce((rest, plate) => rest - shownFigure(plate, total.source), total.value);
  const exposed = () => totals.filter((total) => remainder(total) < threshold);

  // Ties broken by plate code, so every reader sees the same cells withheld.
  const candidates = [...byPlate]
    .filter(([plate]) => !hidden.has(plate))
    .map(([plate, cells]) => ({ plate, smallest: Math.min(...cells.map((c) => c.value)) }))
    .sort((a, b) => a.smallest - b.smallest || a.plate.localeCompare(b.plate));
  for (const { plate } of candidates) {
    if (exposed().length === 0) break;
    hidden.add(plate);
  }
  const withheld = group.filter((c) => c.provincePlateCode !== null && hidden.has(c.provincePlateCode));
  // Every province withheld and the total still small: the total itself is the small sum.
  return [...withheld, ...exposed()];
}

/**
 * Small-number suppression, per (indicator, period) group across all its sources, so that the
 * withheld cells together can never be worked out as a small number:
 * 1. primary: a province whose count is below the threshold in any source (zero included) is
 *    withheld, in every source;
 * 2. complementary: while any published total, less the province cells still shown, leaves less
 *    than the threshold (the withheld cells' sum, as a reader can work it out), the smallest
 *    shown province is withheld too;
 * 3. only when every province is withheld and a total still is below the threshold is that
 *    total withheld: it is then itself the small sum. Otherwise national figures are shown.
 * Without a total there is nothing to subtract from, and only the small cells are withheld.
 * Returns the cells in the order given.
 */
export function suppressSmallCells<T extends Cell>(cells: readonly T[], options: SuppressionOptions): Suppressed<T>[] {
  const hidden = new Set<T>();
  if (!options.reveal) {
    for (const group of groupsOf(cells)) for (const cell of withheldIn(group, options.threshold)) hidden.add(cell);
  }
  return cells.map((cell) =>
    hidden.has(cell) ? { ...cell, value: null, suppressed: true } : { ...cell, suppressed: false },
  );
}
