import { AGENCIES, type AgencySlug } from '@cocuk-koruma/platform';
import { indicatorMeasurements } from '@cocuk-koruma/domain';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries, startGraph, type RunningGraph } from '../support/graph.js';

interface Party {
  __typename: string;
  agency: string;
  acceptance: string | null;
  reason: string | null;
  contributionStatus: string | null;
}
interface Measurement {
  period: string;
  provincePlateCode: string | null;
  value: number | null;
  suppressed: boolean;
}

// A5.H1.E1 is the interior ministry's; the plan names FAMILY, EDUCATION, HEALTH, JUSTICE as
// collaborators, all with subgraphs of their own.
const SHARED = 'A5.H1.E1';
const PARTY_FIELDS = '__typename agency acceptance reason contributionStatus';

const liaison = (slug: AgencySlug): TokenOptions => {
  const agency = AGENCIES.find((a) => a.slug === slug);
  if (!agency) throw new Error(slug);
  return { username: `${slug}.liaison`, agency: agency.code, roles: ['liaison'] };
};

let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph('shared');
});

afterAll(async () => {
  await graph?.stop();
});

async function mutate(slug: AgencySlug, field: string, inputType: string, input: Record<string, unknown>) {
  const result = await graph.query(
    `mutation M($input: ${inputType}!) { ${slug} { ${field}(input: $input) { version } } }`,
    { input },
    liaison(slug),
  );
  expect(result.errors, `${slug} ${field}`).toBeUndefined();
}

describe('an action shared between agencies', () => {
  it('lists each collaborator’s answer, each from that collaborator’s own subgraph', async () => {
    await mutate('health', 'respondToPart', 'PartResponseInput', {
      actionCode: SHARED,
      acceptance: 'ACCEPTED',
      expectedVersion: 1,
    });
    await mutate('health', 'recordContribution', 'ContributionInput', {
      actionCode: SHARED,
      contributionStatus: 'IN_PROGRESS',
      evidence: 'ÇİM reports shared with four provincial boards (test).',
      expectedVersion: 2,
    });
    await mutate('justice', 'respondToPart', 'PartResponseInput', {
      actionCode: SHARED,
      acceptance: 'DECLINED',
      reason: 'Board attendance is a matter for the chief prosecutors (test).',
      expectedVersion: 1,
    });

    const result = await graph.query<{ action: { code: string; parties: Party[] } }>(
      `query A($code: ID!) { action(code: $code) { code parties { ${PARTY_FIELDS} } } }`,
      { code: SHARED },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.action.parties).toEqual([
      {
        __typename: 'FamilyParty',
        agency: 'FAMILY',
        acceptance: 'PENDING',
        reason: null,
        contributionStatus: 'NOT_STARTED',
      },
      {
        __typename: 'EducationParty',
        agency: 'EDUCATION',
        acceptance: 'PENDING',
        reason: null,
        contributionStatus: 'NOT_STARTED',
      },
      {
        __typename: 'HealthParty',
        agency: 'HEALTH',
        acceptance: 'ACCEPTED',
        reason: null,
        contributionStatus: 'IN_PROGRESS',
      },
      {
        __typename: 'JusticeParty',
        agency: 'JUSTICE',
        acceptance: 'DECLINED',
        reason: 'Board attendance is a matter for the chief prosecutors (test).',
        contributionStatus: 'NOT_STARTED',
      },
    ]);
  });

  it('leaves out collaborators without a subgraph of their own', async () => {
    // A1.H1.E2: the family ministry, the judicial council (HSYK) and the bar associations (TBB).
    const result = await graph.query<{ action: { collaborators: { code: string }[]; parties: Party[] } }>(
      `query A($code: ID!) { action(code: $code) { collaborators { code } parties { __typename agency } } }`,
      { code: 'A1.H1.E2' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.action.collaborators.map((c) => c.code)).toEqual(['FAMILY', 'HSYK', 'TBB']);
    expect(result.data?.action.parties).toEqual([{ __typename: 'FamilyParty', agency: 'FAMILY' }]);
  });

  it('costs each agency a constant number of SQL queries however many parties it answers for', async () => {
    let manyParties = 0;
    let fewParties = 0;
    const count = (actions: { parties: Party[] }[] | undefined) =>
      (actions ?? []).reduce((sum, a) => sum + a.parties.length, 0);
    const many = await countQueries(graph, async () => {
      const r = await graph.query<{ actions: { parties: Party[] }[] }>(
        `{ actions { code parties { ${PARTY_FIELDS} } } }`,
      );
      expect(r.errors).toBeUndefined();
      manyParties = count(r.data?.actions);
    });
    // Goal A1.H1's five actions give every agency at least one part, so each subgraph is called.
    const few = await countQueries(graph, async () => {
      const r = await graph.query<{ actions: { parties: Party[] }[] }>(
        `query Few($goal: ID) { actions(goalCode: $goal) { code parties { ${PARTY_FIELDS} } } }`,
        { goal: 'A1.H1' },
      );
      expect(r.errors).toBeUndefined();
      fewParties = count(r.data?.actions);
    });
    expect(fewParties).toBeGreaterThanOrEqual(5);
    expect(manyParties).toBeGreaterThan(fewParties * 3);
    expect(many).toEqual(few);
    console.info(
      `SQL queries for ${manyParties} parties: ${JSON.stringify(many)}; for ${fewParties}: ${JSON.stringify(few)}`,
    );
  });
});

describe('small counts that arithmetic could reveal, through the gateway', () => {
  // Written straight into the justice database for A4.H1.E1's indicator, which nothing else measures.
  const query = `query A($code: ID!) { action(code: $code) { measurements { period provincePlateCode value suppressed source } } }`;
  const cell = (period: string, provincePlateCode: string | null, value: number, source = 'test') => ({
    actionCode: 'A4.H1.E1',
    indicatorCode: 'A4.H1.E1.G1',
    period,
    provincePlateCode,
    value,
    source,
  });
  const measurementsIn = async (period: string) => {
    const result = await graph.query<{ action: { measurements: (Measurement & { source: string })[] } }>(query, {
      code: 'A4.H1.E1',
    });
    expect(result.errors).toBeUndefined();
    return (result.data?.action.measurements ?? []).filter((m) => m.period === period);
  };
  /** What a reader works out from the figures shown: the total less every province it can see. */
  const remainder = (cells: (Measurement & { source: string })[]) => {
    const total = cells.find((c) => c.provincePlateCode === null)?.value ?? 0;
    return cells.reduce((rest, c) => (c.provincePlateCode && !c.suppressed ? rest - (c.value ?? 0) : rest), total);
  };

  beforeAll(async () => {
    await graph.subgraphs.justice.server.database.db
      .insert(indicatorMeasurements)
      .values([
        cell('2030-Q1', null, 98),
        cell('2030-Q1', '06', 98),
        cell('2030-Q1', '34', 0),
        cell('2030-Q1', '35', 0),
        cell('2030-Q2', null, 60),
        cell('2030-Q2', '06', 3),
        cell('2030-Q2', '34', 40, 'second'),
        cell('2030-Q2', '35', 17, 'second'),
      ]);
  });

  it('total 98, one province 98, two provinces 0: the 98 is withheld too, so the shown figures leave 98, not 0', async () => {
    const cells = await measurementsIn('2030-Q1');
    expect(cells.map(({ provincePlateCode, value }) => ({ provincePlateCode, value }))).toEqual([
      { provincePlateCode: null, value: 98 },
      { provincePlateCode: '06', value: null },
      { provincePlateCode: '34', value: null },
      { provincePlateCode: '35', value: null },
    ]);
    expect(remainder(cells)).toBe(98);
  });

  it('withholds a second cell when another source publishes the provinces beside the first source’s total', async () => {
    const cells = await measurementsIn('2030-Q2');
    expect(cells.filter((c) => c.suppressed).map((c) => c.provincePlateCode)).toEqual(['06', '35']);
    // 60 - 40 = 20: the withheld cells together, not the small 3.
    expect(remainder(cells)).toBe(20);
  });
});

describe('indicator measurements through the gateway', () => {
  // Written straight into the health database: the ÇİM indicator of A1.H1.E3, one quarter, one
  // source, a national total and three provinces, one of them below the threshold of 5.
  const PERIOD = '2030-Q1';
  const query = `query A($code: ID!) { action(code: $code) {
    measurements { period provincePlateCode value suppressed }
    indicatorProgress { indicatorCode latestPeriod latest { value source } progressToTarget trend onTrack }
  } }`;
  const inPeriod = (measurements: Measurement[] | undefined) =>
    (measurements ?? [])
      .filter((m) => m.period === PERIOD)
      .map(({ provincePlateCode, value, suppressed }) => ({ provincePlateCode, value, suppressed }));

  beforeAll(async () => {
    const cell = (provincePlateCode: string | null, value: number) => ({
      actionCode: 'A1.H1.E3',
      indicatorCode: 'A1.H1.E3.G1',
      period: PERIOD,
      provincePlateCode,
      value,
      source: 'test',
    });
    await graph.subgraphs.health.server.database.db
      .insert(indicatorMeasurements)
      .values([cell(null, 40), cell('06', 3), cell('34', 25), cell('35', 12)]);
  });

  it('withholds a small province count, and the cell that would give it away, from another agency', async () => {
    const result = await graph.query<{ action: { measurements: Measurement[] } }>(query, { code: 'A1.H1.E3' });
    expect(result.errors).toBeUndefined();
    expect(inPeriod(result.data?.action.measurements)).toEqual([
      { provincePlateCode: null, value: 40, suppressed: false },
      { provincePlateCode: '06', value: null, suppressed: true },
      { provincePlateCode: '34', value: 25, suppressed: false },
      { provincePlateCode: '35', value: null, suppressed: true },
    ]);
  });

  it('shows every value to the measuring agency’s own liaison', async () => {
    const result = await graph.query<{ action: { measurements: Measurement[] } }>(
      query,
      { code: 'A1.H1.E3' },
      liaison('health'),
    );
    expect(result.errors).toBeUndefined();
    expect(inPeriod(result.data?.action.measurements)).toEqual([
      { provincePlateCode: null, value: 40, suppressed: false },
      { provincePlateCode: '06', value: 3, suppressed: false },
      { provincePlateCode: '34', value: 25, suppressed: false },
      { provincePlateCode: '35', value: 12, suppressed: false },
    ]);
  });

  it('sets the latest national value against the plan’s baseline and target', async () => {
    const result = await graph.query<{ action: { indicatorProgress: Record<string, unknown>[] } }>(query, {
      code: 'A1.H1.E3',
    });
    expect(result.errors).toBeUndefined();
    const [progress] = result.data?.action.indicatorProgress ?? [];
    // Baseline 30 centres, target 81: 40 is 10/51 of the way; up from 30 in 2016; due in 2018.
    expect(progress).toMatchObject({
      indicatorCode: 'A1.H1.E3.G1',
      latestPeriod: PERIOD,
      latest: [{ value: 40, source: 'test' }],
      trend: 'IMPROVING',
      onTrack: false,
    });
    expect(progress?.progressToTarget).toBeCloseTo(10 / 51);
  });
});
