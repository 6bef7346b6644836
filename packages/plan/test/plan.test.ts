import fs from 'node:fs';
import { AGENCY_CODES } from '@cocuk-koruma/platform/agencies';
import { describe, expect, it } from 'vitest';
import { type AdoptedPlan, checkPlan, commitmentsOf, parsePlan, plan } from '../src/index.js';

const raw: unknown = JSON.parse(fs.readFileSync(new URL('../action-plan.json', import.meta.url), 'utf8'));

/** A deep copy of the adopted plan that a test may break without touching the shared one. */
const copy = (): AdoptedPlan => structuredClone(plan);

const firstAction = (p: AdoptedPlan) => {
  const action = p.actions[0];
  if (!action) throw new Error('the plan has no actions');
  return action;
};

describe('the adopted action plan', () => {
  it('parses against the schema and passes every consistency check', () => {
    expect(() => parsePlan(raw)).not.toThrow();
    expect(checkPlan(plan)).toEqual([]);
  });

  it('carries the second example version of the 2014-2019 plan', () => {
    expect(plan.planVersion).toBe('2014-2019.example-2');
  });

  it('holds at least 30 actions', () => {
    expect(plan.actions.length).toBeGreaterThanOrEqual(30);
  });

  it('makes each of the five agencies responsible for five to seven actions', () => {
    for (const agency of AGENCY_CODES) {
      expect(commitmentsOf(agency).length, agency).toBeGreaterThanOrEqual(5);
      expect(commitmentsOf(agency).length, agency).toBeLessThanOrEqual(7);
    }
  });

  it('labels every goal, action and indicator as example content', () => {
    for (const g of plan.goals) {
      expect(g.source, g.code).toBe('example');
      expect(g.titleTr, g.code).toMatch(/\(örnek\)$/);
      expect(g.titleEn, g.code).toMatch(/\(example\)$/);
    }
    for (const a of plan.actions) {
      expect(a.source, a.code).toBe('example');
      expect(a.titleTr, a.code).toMatch(/ \(örnek\)$/);
      expect(a.titleEn, a.code).toMatch(/ \(example\)$/);
    }
  });

  it('gives every one of the seven strategic areas at least one goal, and every goal at least one action', () => {
    expect(plan.areas).toHaveLength(7);
    for (const area of plan.areas)
      expect(
        plan.goals.some((g) => g.area === area.code),
        area.code,
      ).toBe(true);
    for (const goal of plan.goals)
      expect(
        plan.actions.some((a) => a.goal === goal.code),
        goal.code,
      ).toBe(true);
  });

  it('numbers goals, actions and indicators under their parents', () => {
    for (const g of plan.goals) expect(g.code).toMatch(new RegExp(`^${g.area}\\.H\\d+$`));
    for (const a of plan.actions) {
      expect(a.code).toMatch(new RegExp(`^${a.goal.replace('.', '\\.')}\\.E\\d+$`));
      expect(a.indicators.length, a.code).toBeGreaterThanOrEqual(1);
      a.indicators.forEach((ind, i) => expect(ind.code).toBe(`${a.code}.G${i + 1}`));
    }
  });

  it('names only known institutions as collaborators, never the responsible agency itself', () => {
    const known = new Set(plan.institutions.map((i) => i.code));
    for (const a of plan.actions) {
      expect(a.collaborators.length, a.code).toBeGreaterThanOrEqual(1);
      expect(a.collaborators.length, a.code).toBeLessThanOrEqual(4);
      for (const c of a.collaborators) expect(known.has(c), `${a.code} → ${c}`).toBe(true);
      expect(a.collaborators, a.code).not.toContain(a.responsible);
    }
  });

  it('schedules every action inside 2014-2019', () => {
    for (const a of plan.actions) {
      expect(a.startDate >= '2014-01-01', a.code).toBe(true);
      expect(a.dueDate <= '2019-12-31', a.code).toBe(true);
    }
  });

  it('keeps the five original actions that other seeds depend on', () => {
    const codes = plan.actions.map((a) => a.code);
    for (const code of ['A1.H1.E1', 'A1.H1.E2', 'A1.H1.E3', 'A1.H1.E4', 'A1.H1.E5']) expect(codes).toContain(code);
  });
});

describe('checkPlan', () => {
  it('reports an action that names an unknown goal', () => {
    const broken = copy();
    firstAction(broken).goal = 'A9.H9';
    expect(checkPlan(broken)).toContain('action A1.H1.E1 names unknown goal A9.H9');
  });

  it('reports an unknown collaborator', () => {
    const broken = copy();
    firstAction(broken).collaborators.push('NOBODY');
    expect(checkPlan(broken)).toContain('action A1.H1.E1 names unknown collaborator NOBODY');
  });

  it('reports a responsible agency listed as its own collaborator', () => {
    const broken = copy();
    const action = firstAction(broken);
    action.collaborators.push(action.responsible);
    expect(checkPlan(broken)).toContain('action A1.H1.E1 lists its responsible agency as a collaborator');
  });

  it('reports an action due before it starts', () => {
    const broken = copy();
    const action = firstAction(broken);
    action.startDate = '2019-01-01';
    action.dueDate = '2018-12-31';
    expect(checkPlan(broken)).toContain('action A1.H1.E1 is due before it starts');
  });

  it('reports a duplicate action code', () => {
    const broken = copy();
    broken.actions.push(structuredClone(firstAction(broken)));
    const problems = checkPlan(broken);
    expect(problems).toContain('action A1.H1.E1 appears twice');
    expect(problems).toContain('indicator A1.H1.E1.G1 appears twice');
  });

  it('reports a goal in an unknown area', () => {
    const broken = copy();
    const goal = broken.goals[0];
    if (!goal) throw new Error('the plan has no goals');
    goal.area = 'A8';
    expect(checkPlan(broken)).toContain('goal A1.H1 names unknown area A8');
  });

  it('makes parsePlan refuse a broken plan', () => {
    const broken = copy();
    firstAction(broken).goal = 'A9.H9';
    expect(() => parsePlan(broken)).toThrow(/inconsistent/);
  });
});
