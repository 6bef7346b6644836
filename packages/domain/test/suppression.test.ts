import { describe, expect, it } from 'vitest';
import { suppressSmallCells, type Cell } from '../src/progress/suppression.js';

const cell = (provincePlateCode: string | null, value: number, extra: Partial<Cell> = {}): Cell => ({
  indicatorCode: 'A1.H1.E1.G1',
  period: '2026-Q1',
  source: 'test',
  provincePlateCode,
  value,
  ...extra,
});

const outsider = { threshold: 5, reveal: false };
const hiddenPlates = (cells: ReturnType<typeof suppressSmallCells>) =>
  cells.filter((c) => c.suppressed).map((c) => c.provincePlateCode);

describe('small-number suppression', () => {
  it('withholds a single small province cell next to a total, and the smallest other province cell with it', () => {
    const result = suppressSmallCells([cell(null, 60), cell('06', 3), cell('34', 40), cell('35', 17)], outsider);
    expect(hiddenPlates(result)).toEqual(['06', '35']);
    expect(result.find((c) => c.provincePlateCode === '06')).toMatchObject({ value: null, suppressed: true });
    expect(result.find((c) => c.provincePlateCode === '35')).toMatchObject({ value: null, suppressed: true });
    expect(result.find((c) => c.provincePlateCode === '34')).toMatchObject({ value: 40, suppressed: false });
  });

  it('needs no complementary cell when two province cells are already small', () => {
    const result = suppressSmallCells([cell(null, 50), cell('06', 2), cell('34', 4), cell('35', 44)], outsider);
    expect(hiddenPlates(result)).toEqual(['06', '34']);
  });

  it('never withholds a national figure, however small', () => {
    const result = suppressSmallCells([cell(null, 2)], outsider);
    expect(result).toEqual([{ ...cell(null, 2), suppressed: false }]);
  });

  it('withholds only the small cell when nothing else in the group could give it away', () => {
    expect(hiddenPlates(suppressSmallCells([cell('06', 1)], outsider))).toEqual(['06']);
    // A total but no other province: there is no further province cell to withhold.
    expect(hiddenPlates(suppressSmallCells([cell(null, 9), cell('06', 1)], outsider))).toEqual(['06']);
  });

  it('withholds only the small cells where no total is published, since there is nothing to subtract from', () => {
    expect(hiddenPlates(suppressSmallCells([cell('06', 1), cell('34', 12), cell('35', 9)], outsider))).toEqual(['06']);
  });

  it('treats each indicator and period as one group across all its sources, and each period apart', () => {
    const result = suppressSmallCells(
      [
        cell(null, 30),
        cell('06', 4),
        cell('34', 26),
        cell(null, 30, { period: '2026-Q2' }),
        cell('06', 10, { period: '2026-Q2' }),
        cell('34', 20, { period: '2026-Q2' }),
        cell('06', 25, { source: 'other' }),
      ],
      outsider,
    );
    // 06 is small in one source, so the other source's 06 is withheld too; 30 - 26 would leave 4,
    // so 34 goes with it. The second period has no small cell.
    expect(result.map((c) => c.suppressed)).toEqual([false, true, true, false, false, false, true]);
  });

  it('total 98, one province 98, two provinces 0: withholds the 98 too, so the total minus the shown is not 0', () => {
    const result = suppressSmallCells([cell(null, 98), cell('06', 98), cell('34', 0), cell('35', 0)], outsider);
    expect(hiddenPlates(result)).toEqual(['06', '34', '35']);
    const shown = result.filter((c) => c.provincePlateCode !== null && !c.suppressed);
    expect(shown).toEqual([]);
    // What a reader can work out: the total less every province shown, 98: not a small number.
    expect(result.find((c) => c.provincePlateCode === null)).toMatchObject({ value: 98, suppressed: false });
  });

  it('counts zero as small, and two zeros next to a total are not enough cover for each other', () => {
    const result = suppressSmallCells([cell(null, 40), cell('06', 0), cell('34', 0), cell('35', 40)], outsider);
    expect(hiddenPlates(result)).toEqual(['06', '34', '35']);
  });

  it('withholds enough cells when a second source publishes the other provinces beside a first source’s total', () => {
    // The first source gives the total and the small cell; the second, the other provinces.
    const result = suppressSmallCells(
      [cell(null, 60), cell('06', 3), cell('34', 40, { source: 'second' }), cell('35', 17, { source: 'second' })],
      outsider,
    );
    expect(hiddenPlates(result)).toEqual(['06', '35']);
    // 60 - 40 = 20: the two withheld cells together, at or above the threshold.
    const shown = result.filter((c) => c.provincePlateCode !== null && !c.suppressed);
    expect(60 - shown.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBeGreaterThanOrEqual(5);
  });

  it('keeps every total of two sources from leaving a small remainder', () => {
    const result = suppressSmallCells(
      [
        cell(null, 50),
        cell('06', 2),
        cell('34', 30),
        cell('35', 18),
        cell(null, 52, { source: 'second' }),
        cell('06', 6, { source: 'second' }),
        cell('34', 29, { source: 'second' }),
        cell('35', 17, { source: 'second' }),
      ],
      outsider,
    );
    // 06 is small in the first source: withheld in both. 50 - 30 - 18 = 2 and 52 - 29 - 17 = 6
    // would give it away, so the smallest other province, 35, goes in both sources too.
    expect(hiddenPlates(result)).toEqual(['06', '35', '06', '35']);
    for (const source of ['test', 'second']) {
      const total = result.find((c) => c.provincePlateCode === null && c.source === source)?.value ?? 0;
      const shown = result.filter((c) => c.source === source && c.provincePlateCode !== null && !c.suppressed);
      expect(total - shown.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBeGreaterThanOrEqual(5);
    }
  });

  it('withholds a small total only when every province is withheld and the total would be their small sum', () => {
    const result = suppressSmallCells([cell(null, 3), cell('06', 3)], outsider);
    expect(result.map((c) => c.suppressed)).toEqual([true, true]);
  });

  it('counts a value at the threshold as large enough', () => {
    expect(hiddenPlates(suppressSmallCells([cell(null, 20), cell('06', 5), cell('34', 15)], outsider))).toEqual([]);
  });

  it('lets the owning agency see every value', () => {
    const cells = [cell(null, 60), cell('06', 3), cell('34', 40), cell('35', 17)];
    const result = suppressSmallCells(cells, { threshold: 5, reveal: true });
    expect(result).toEqual(cells.map((c) => ({ ...c, suppressed: false })));
  });
});
