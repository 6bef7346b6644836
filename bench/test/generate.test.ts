import { plan } from '@cocuk-koruma/plan';
import { describe, expect, it } from 'vitest';
import {
  generateActions,
  generateIndicators,
  generateReports,
  NATIONAL_SCALE,
  provinceValue,
  randomSeries,
  reportPeople,
} from '../seed/generate.js';
import { measurementCount } from '../seed/write.js';
import { planSeed } from '../seed/run.js';
import { parseSnapshot } from '../../subgraphs/family/src/board-pack.js';

describe('the benchmark data generator', () => {
  const actions = generateActions(NATIONAL_SCALE);
  const indicators = generateIndicators(actions, NATIONAL_SCALE);

  it('generates 5,000 actions over every goal and agency, none with a code of the adopted plan', () => {
    expect(new Set(actions.map((a) => a.code)).size).toBe(5000);
    const planCodes = new Set(plan.actions.map((a) => a.code));
    expect(actions.filter((a) => planCodes.has(a.code))).toEqual([]);
    expect(new Set(actions.map((a) => a.goalCode))).toEqual(new Set(plan.goals.map((g) => g.code)));
    expect(new Set(actions.map((a) => a.responsible))).toEqual(
      new Set(['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']),
    );
    expect(actions.every((a) => !a.collaborators.includes(a.responsible) && a.startDate <= a.dueDate)).toBe(true);
    expect(actions.every((a) => a.title.startsWith('Örnek (üretilmiş)'))).toBe(true);
  });

  it('is the same data on every run', () => {
    expect(generateActions(NATIONAL_SCALE)).toEqual(actions);
    const a = actions[7];
    if (!a) throw new Error('no action');
    expect(generateReports(a, randomSeries(1))).toEqual(generateReports(a, randomSeries(1)));
  });

  it('measures 1,000 indicators in 81 provinces and nationally for 24 quarters, some counts small', () => {
    expect(indicators).toHaveLength(1000);
    expect(measurementCount(indicators.length, NATIONAL_SCALE)).toBe(1000 * 24 * 82);
    const values = indicators
      .slice(0, 50)
      .flatMap((g) => Array.from({ length: 81 }, (_, p) => provinceValue(g, 3, p + 1)));
    expect(values.some((v) => v < 5)).toBe(true);
    expect(values.some((v) => v >= 5)).toBe(true);
  });

  it('files 8 quarters per action, approved by a focal point who did not submit them', () => {
    const random = randomSeries(3);
    for (const action of actions.slice(0, 200)) {
      const reports = generateReports(action, random);
      expect(new Set(reports.map((r) => r.period)).size).toBeGreaterThanOrEqual(7);
      for (const r of reports) {
        if (r.reviewedBy) expect(r.reviewedBy).not.toBe(r.submittedBy);
        expect(reportPeople(action.responsible).filers).toContain(r.reportedBy);
      }
      const percents = reports.map((r) => r.percentComplete);
      expect([...percents].sort((x, y) => x - y)).toEqual(percents);
    }
  });
});

describe('the generated meetings', () => {
  it('freeze snapshots that the family subgraph reads as a closed meeting’s board pack', () => {
    const { meetings } = planSeed({ ...NATIONAL_SCALE, actions: 300, indicators: 30, provinces: 5 });
    expect(meetings).toHaveLength(20);
    for (const m of meetings) {
      const pack = parseSnapshot(m.snapshot.content, m.meeting.id).boardPack;
      expect(pack.byAgency.reduce((n, row) => n + row.total, 0)).toBe(300);
      expect(m.decisions.every((d) => d.text.startsWith('Örnek (üretilmiş)'))).toBe(true);
    }
  });
});
