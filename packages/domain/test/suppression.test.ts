import { describe, expect, it } from 'vitest';
import { smallNumberThreshold, suppressSmallCells, type Cell } from '../src/progress/suppression.js';

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

  it('also withholds another province cell when there is no total but another province', () => {
    expect(hiddenPlates(suppressSmallCells([cell('06', 1), cell('34', 12), cell('35', 9)], outsider))).toEqual([
      '06',
      '35',
    ]);
  });

  it('treats each indicator, period and source as a group of its own', () => {
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
    expect(result.map((c) => c.suppressed)).toEqual([false, true, true, false, false, false, false]);
  });

  it('counts a value at the threshold as large enough', () => {
    expect(hiddenPlates(suppressSmallCells([cell(null, 20), cell('06', 5), cell('34', 15)], outsider))).toEqual([]);
  });

  it('lets the owning agency see every value', () => {
    const cells = [cell(null, 60), cell('06', 3), cell('34', 40), cell('35', 17)];
    const result = suppressSmallCells(cells, { threshold: 5, reveal: true });
    expect(result).toEqual(cells.map((c) => ({ ...c, suppressed: false })));
  });

  it('reads the threshold from SMALL_NUMBER_THRESHOLD, 5 by default, and refuses a malformed one', () => {
    expect(smallNumberThreshold({})).toBe(5);
    expect(smallNumberThreshold({ SMALL_NUMBER_THRESHOLD: '10' })).toBe(10);
    expect(() => smallNumberThreshold({ SMALL_NUMBER_THRESHOLD: 'five' })).toThrow(/SMALL_NUMBER_THRESHOLD/);
    expect(() => smallNumberThreshold({ SMALL_NUMBER_THRESHOLD: '0' })).toThrow(/SMALL_NUMBER_THRESHOLD/);
  });
});
