import { AGENCIES } from '@cocuk-koruma/platform';
import { commitmentsOf, plan } from '@cocuk-koruma/plan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined, startFamily, type RunningFamily } from './helpers.js';

interface GoalData {
  goal: {
    code: string;
    area: { code: string };
    actions: { code: string; responsibleAgency: string; collaborators: { code: string; agency: string | null }[] }[];
  };
}

interface EntitiesData {
  _entities: ({ __typename: string; code: string; title: string; status?: string } | null)[];
}

const goal = defined(plan.goals[0], 'a goal');
const familyAction = defined(commitmentsOf('FAMILY')[0], 'a family action');
const justiceAction = defined(commitmentsOf('JUSTICE')[0], 'a justice action');

describe('the adopted plan', () => {
  let family: RunningFamily;

  beforeAll(async () => {
    family = await startFamily('plan');
  });
  afterAll(async () => {
    await family?.stop();
  });

  it("lists a goal's actions with their collaborating institutions in the plan's order", async () => {
    const body = await family.query<GoalData>(
      'query ($code: ID!) { goal(code: $code) { code area { code } actions { code responsibleAgency collaborators { code agency } } } }',
      { code: goal.code },
    );
    expect(body.errors).toBeUndefined();
    const expected = plan.actions.filter((a) => a.goal === goal.code);
    expect(body.data?.goal.area.code).toBe(goal.area);
    expect(body.data?.goal.actions.map((a) => a.code)).toEqual(expected.map((a) => a.code));
    for (const [i, action] of (body.data?.goal.actions ?? []).entries()) {
      expect(action.responsibleAgency).toBe(expected[i]?.responsible);
      expect(action.collaborators.map((c) => c.code)).toEqual(expected[i]?.collaborators);
    }
  });

  it('answers action(code) with the concrete type of the responsible agency', async () => {
    for (const agency of AGENCIES) {
      const action = commitmentsOf(agency.code)[0];
      if (!action) continue;
      const body = await family.query<{
        action: { __typename: string; code: string; responsible: { agency: string } };
      }>('query ($code: ID!) { action(code: $code) { __typename code responsible { agency } } }', {
        code: action.code,
      });
      expect(body.data?.action).toEqual({
        __typename: agency.actionTypeName,
        code: action.code,
        responsible: { agency: agency.code },
      });
    }
  });

  it('gives every action its goal, area, dates and indicators from the plan', async () => {
    const body = await family.query<{
      actions: {
        code: string;
        startDate: string;
        dueDate: string;
        area: { code: string };
        indicators: { code: string }[];
      }[];
    }>('{ actions { code startDate dueDate area { code } indicators { code } } }');
    expect(body.data?.actions).toHaveLength(plan.actions.length);
    for (const action of body.data?.actions ?? []) {
      const planned = defined(plan.actions.find((a) => a.code === action.code));
      expect(action.startDate).toBe(planned.startDate);
      expect(action.dueDate).toBe(planned.dueDate);
      expect(action.area.code).toBe(plan.goals.find((g) => g.code === planned.goal)?.area);
      expect(action.indicators.map((i) => i.code)).toEqual(planned.indicators.map((i) => i.code));
    }
  });

  it('filters actions by responsible agency, area and goal', async () => {
    const body = await family.query<{ justice: { code: string }[]; inArea: { code: string }[] }>(
      'query ($area: ID!) { justice: actions(responsible: JUSTICE) { code } inArea: actions(areaCode: $area) { code } }',
      { area: goal.area },
    );
    expect(body.data?.justice.map((a) => a.code)).toEqual(commitmentsOf('JUSTICE').map((a) => a.code));
    const goalsOfArea = new Set(plan.goals.filter((g) => g.area === goal.area).map((g) => g.code));
    expect(body.data?.inArea.map((a) => a.code)).toEqual(
      plan.actions.filter((a) => goalsOfArea.has(a.goal)).map((a) => a.code),
    );
  });

  it('lists the thirteen working-group members, the eight without a subgraph having no agency', async () => {
    const body = await family.query<{ institutions: { code: string; agency: string | null; role: string }[] }>(
      '{ institutions { code agency role } }',
    );
    expect(body.data?.institutions).toHaveLength(plan.institutions.length);
    expect(body.data?.institutions.filter((i) => i.agency === null)).toHaveLength(8);
    expect(body.data?.institutions.find((i) => i.role === 'COORDINATOR')?.code).toBe('FAMILY');
  });

  it.each([
    ['action', '{ action(code: "Z9.H9.E9") { code } }', 'Z9.H9.E9'],
    ['goal', '{ goal(code: "Z9.H9") { code } }', 'Z9.H9'],
    ['area', '{ area(code: "Z9") { code } }', 'Z9'],
    ['filter goal', '{ actions(goalCode: "Z9.H9") { code } }', 'Z9.H9'],
  ])('answers NOT_FOUND with the id for an unknown %s', async (_kind, query, id) => {
    const body = await family.query(query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id });
    expect(body.errors?.[0]?.message).toContain(id);
  });

  it('answers BAD_USER_INPUT for an empty code', async () => {
    const body = await family.query('{ action(code: "  ") { code } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("resolves the gateway's FamilyAction and JusticeAction representations, and null for an unknown code", async () => {
    const body = await family.query<EntitiesData>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on FamilyAction { code title status }
          ... on JusticeAction { code title }
        }
      }`,
      {
        representations: [
          { __typename: 'FamilyAction', code: familyAction.code },
          { __typename: 'JusticeAction', code: justiceAction.code },
          { __typename: 'JusticeAction', code: 'Z9.H9.E9' },
          // A family action asked for as a justice action is not one.
          { __typename: 'JusticeAction', code: familyAction.code },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { __typename: 'FamilyAction', code: familyAction.code, title: familyAction.titleTr, status: expect.any(String) },
      { __typename: 'JusticeAction', code: justiceAction.code, title: justiceAction.titleTr },
      null,
      null,
    ]);
  });

  it("keeps the family ministry's own actions with their progress under family", async () => {
    const body = await family.query<{
      family: { code: string; actions: { code: string; status: string; progressReports: unknown[] }[] };
    }>('{ family { code actions { code status progressReports { period } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.family.code).toBe('FAMILY');
    expect(body.data?.family.actions.map((a) => a.code)).toEqual(commitmentsOf('FAMILY').map((a) => a.code));
    const notFamily = await family.query('query ($c: ID!) { family { action(code: $c) { code } } }', {
      c: justiceAction.code,
    });
    expect(notFamily.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
