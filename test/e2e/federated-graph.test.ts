import { AGENCIES } from '@cocuk-koruma/platform';
import { progressReports } from '@cocuk-koruma/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries, startGraph, type RunningGraph } from '../support/graph.js';

interface ActionView {
  __typename: string;
  code: string;
  title: string;
  responsibleAgency: string;
  status: string | null;
  latestReport: { period: string; percentComplete: number; narrative: string } | null;
  collaborators: { code: string }[];
}

const ACTION_FIELDS = `
  __typename code title responsibleAgency status
  latestReport { period percentComplete narrative }
  collaborators { code }
`;

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph('e2e');
});

afterAll(async () => {
  await graph?.stop();
});

describe('one query through the gateway', () => {
  it('returns the plan from the secretariat and each action’s progress from the agency that owns it', async () => {
    // A report written straight into the justice database, where only justice can serve it.
    await graph.subgraphs.justice.server.database.db.insert(progressReports).values({
      actionCode: 'A1.H1.E2',
      period: '2025-Q4',
      status: 'AT_RISK',
      percentComplete: 61,
      narrative: 'Test report written in the justice database',
      source: 'test',
    });

    const result = await graph.query<{ goal: { title: string; actions: ActionView[] } }>(
      `query Goal($code: ID!) { goal(code: $code) { title actions { ${ACTION_FIELDS} } } }`,
      { code: 'A1.H1' },
    );

    expect(result.errors).toBeUndefined();
    const actions = result.data?.goal.actions ?? [];
    const justiceAction = actions.find((a) => a.code === 'A1.H1.E2');
    expect(justiceAction).toMatchObject({
      __typename: 'JusticeAction',
      responsibleAgency: 'JUSTICE',
      status: 'AT_RISK',
      latestReport: {
        period: '2025-Q4',
        percentComplete: 61,
        narrative: 'Test report written in the justice database',
      },
    });
    expect(justiceAction?.title).toMatch(/\S/);
    expect(new Set(actions.map((a) => a.__typename))).toEqual(
      new Set(['FamilyAction', 'JusticeAction', 'HealthAction', 'EducationAction', 'InteriorAction']),
    );
  });

  it('brings data from all five agencies into one response', async () => {
    const result = await graph.query<Record<string, unknown>>(`{
      strategy { title editions { code adoptionDateDisputed adoptionDates { date source } } }
      family { actions { code status } serviceFigures { metric value source } }
      justice { actions { code title status } serviceFigures { metric value asOf source } }
      health { actions { code title status latestReport { percentComplete } } serviceFigures { metric value source } }
      education { actions { code title dueDate status } }
      interior { actions { code title responsible { nameEn } status } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, { actions: { code: string; status: string }[] }> & {
      strategy: { editions: { code: string; adoptionDateDisputed: boolean; adoptionDates: unknown[] }[] };
      justice: { serviceFigures: { metric: string; value: number; source: string }[] };
    };
    for (const slug of ['family', 'justice', 'health', 'education', 'interior']) {
      expect(data[slug]?.actions.length, `${slug} actions`).toBeGreaterThan(0);
      for (const action of data[slug]?.actions ?? []) expect(action.status).toMatch(/^[A-Z_]+$/);
    }
    const disputed = data.strategy.editions.find((e) => e.adoptionDateDisputed);
    expect(disputed?.adoptionDates).toHaveLength(2);
    // Disagreeing sources stand side by side: 32 rooms (bar association) and 30 (press).
    const rooms2017 = data.justice.serviceFigures.filter((f) => f.metric === 'forensic-interview-rooms');
    expect(rooms2017.map((f) => f.value)).toEqual(expect.arrayContaining([32, 30]));
  });

  it('costs each agency a constant number of SQL queries however many actions it resolves', async () => {
    const goalCodes = await graph.query<{ goals: { code: string }[] }>('{ goals { code } }');
    const firstGoal = goalCodes.data?.goals[0]?.code;
    let manyCount = 0;
    let fewCount = 0;
    const many = await countQueries(graph, async () => {
      const r = await graph.query<{ actions: ActionView[] }>(`{ actions { ${ACTION_FIELDS} } }`);
      expect(r.errors).toBeUndefined();
      manyCount = r.data?.actions.length ?? 0;
    });
    const few = await countQueries(graph, async () => {
      const r = await graph.query<{ actions: ActionView[] }>(
        `query Few($goal: ID) { actions(goalCode: $goal) { ${ACTION_FIELDS} } }`,
        { goal: firstGoal },
      );
      expect(r.errors).toBeUndefined();
      fewCount = r.data?.actions.length ?? 0;
    });
    expect(manyCount).toBeGreaterThanOrEqual(30);
    expect(fewCount).toBeLessThan(manyCount);
    expect(many).toEqual(few);
    // The caller is a family board member: each other agency also writes one READ audit entry
    // (five statements: begin, advisory lock, last hash, insert, commit) besides its data queries.
    expect(many.family).toBeLessThanOrEqual(4);
    for (const agency of AGENCIES.filter((a) => a.code !== 'FAMILY')) {
      expect(many[agency.slug], agency.slug).toBeLessThanOrEqual(4 + 5);
    }
    console.info(
      `SQL queries for ${manyCount} actions: ${JSON.stringify(many)}; for ${fewCount}: ${JSON.stringify(few)}`,
    );
  });

  it('answers an unknown action code with NOT_FOUND naming the code', async () => {
    const result = await graph.query('query A($code: ID!) { action(code: $code) { code title } }', {
      code: 'Z9.H9.E9',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(result.errors?.[0])).toContain('Z9.H9.E9');
  });

  it('answers a malformed province plate code with BAD_USER_INPUT', async () => {
    const result = await graph.query('{ province(plateCode: "99") { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('when one agency’s subgraph is down', () => {
  it('still answers with the other agencies’ data and an error naming the missing agency', async () => {
    await graph.subgraphs.justice.listening.close();

    const result = await graph.query<{ actions: ActionView[] }>(`{ actions { ${ACTION_FIELDS} } }`);

    const actions = result.data?.actions ?? [];
    const justice = actions.filter((a) => a.responsibleAgency === 'JUSTICE');
    const others = actions.filter((a) => a.responsibleAgency !== 'JUSTICE');
    expect(justice.length).toBeGreaterThan(0);
    for (const action of justice) {
      expect(action.title).toMatch(/\S/); // the plan itself comes from the secretariat
      expect(action.status).toBeNull();
    }
    for (const action of others) expect(action.status).not.toBeNull();
    const unavailable = result.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(unavailable?.extensions?.agency).toBe('JUSTICE');
    expect(unavailable?.message).toContain('Ministry of Justice');
  });

  it('reports the gateway as degraded on /health, naming the subgraph that is down', async () => {
    const response = await fetch(new URL('/health', graph.gatewayUrl));
    const body = (await response.json()) as { status: string; subgraphs: Record<string, string> };
    expect(body.status).toBe('degraded');
    expect(body.subgraphs).toMatchObject({ justice: 'down', family: 'up', health: 'up' });
  });
});
