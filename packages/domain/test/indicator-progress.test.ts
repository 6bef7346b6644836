import { describe, expect, it } from 'vitest';
import { indicatorProgress, quarterEnd, type PlannedIndicator } from '../src/progress/indicator-progress.js';
import type { MeasurementView } from '../src/progress/suppression.js';

const action = { startDate: '2020-01-01', dueDate: '2023-12-31' };
const rooms: PlannedIndicator = {
  code: 'X.G1',
  nameTr: 'Oda sayısı',
  unit: 'rooms',
  baseline: 20,
  target: 100,
  direction: 'INCREASE',
};

let id = 0;
const national = (period: string, value: number, source = 'ministry'): MeasurementView => ({
  id: String((id += 1)),
  actionCode: 'X',
  indicatorCode: 'X.G1',
  period,
  asOf: null,
  provincePlateCode: null,
  value,
  source,
  version: 1,
  recordedBy: 'seed',
  recordedAt: new Date('2024-01-01T00:00:00Z'),
  suppressed: false,
});

describe('indicator progress', () => {
  it('measures the latest national value from baseline to target and follows the last two periods', () => {
    const progress = indicatorProgress(action, rooms, [national('2021-Q4', 40), national('2022-Q4', 80)]);
    expect(progress).toMatchObject({
      indicatorCode: 'X.G1',
      latestPeriod: '2022-Q4',
      progressToTarget: 0.75,
      trend: 'IMPROVING',
      onTrack: true,
    });
    expect(progress.latest.map((m) => m.value)).toEqual([80]);
  });

  it('is off track when progress falls behind the time elapsed', () => {
    // Three quarters of the time gone by the end of 2022, a quarter of the way to the target.
    const progress = indicatorProgress(action, rooms, [national('2022-Q4', 40)]);
    expect(progress).toMatchObject({ progressToTarget: 0.25, trend: 'UNKNOWN', onTrack: false });
  });

  it('keeps disagreeing sources side by side and computes no progress from them', () => {
    const progress = indicatorProgress(action, rooms, [
      national('2021-Q4', 30),
      national('2022-Q4', 59, 'press'),
      national('2022-Q4', 61, 'ministry'),
    ]);
    expect(progress.latest.map((m) => [m.source, m.value])).toEqual([
      ['ministry', 61],
      ['press', 59],
    ]);
    expect(progress.progressToTarget).toBeNull();
    expect(progress.onTrack).toBeNull();
    // Both sources rose from 30, so the direction is not in doubt.
    expect(progress.trend).toBe('IMPROVING');
  });

  it('calls the trend unknown when sources disagree about its direction', () => {
    const progress = indicatorProgress(action, rooms, [
      national('2021-Q4', 50),
      national('2022-Q4', 45, 'press'),
      national('2022-Q4', 55, 'ministry'),
    ]);
    expect(progress.trend).toBe('UNKNOWN');
  });

  it('reads a fall as improving for an indicator meant to decrease', () => {
    const share = { ...rooms, baseline: 10, target: 2, direction: 'DECREASE' as const };
    const progress = indicatorProgress(action, share, [national('2021-Q4', 8), national('2022-Q4', 6)]);
    expect(progress).toMatchObject({ trend: 'IMPROVING', progressToTarget: 0.5 });
  });

  it('has no progress without a baseline and no latest period without national values', () => {
    expect(indicatorProgress(action, { ...rooms, baseline: null }, [national('2022-Q4', 50)])).toMatchObject({
      progressToTarget: null,
      onTrack: null,
    });
    const province = { ...national('2022-Q4', 3), provincePlateCode: '06' };
    expect(indicatorProgress(action, rooms, [province])).toMatchObject({
      latestPeriod: null,
      latest: [],
      progressToTarget: null,
      trend: 'UNKNOWN',
      onTrack: null,
    });
  });

  it('is on track once the target is reached, and off track when the due date passed without it', () => {
    expect(indicatorProgress(action, rooms, [national('2021-Q1', 100)]).onTrack).toBe(true);
    expect(indicatorProgress(action, rooms, [national('2024-Q1', 90)]).onTrack).toBe(false);
  });

  it('ends a quarter on its last day', () => {
    expect(quarterEnd('2026-Q1').toISOString().slice(0, 10)).toBe('2026-03-31');
    expect(quarterEnd('2026-Q4').toISOString().slice(0, 10)).toBe('2026-12-31');
  });
});
