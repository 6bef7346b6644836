import { AGENCIES, type AgencySlug, type Database } from '@cocuk-koruma/platform';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../../test/support/graph.js';
import {
  generateActions,
  generateIndicators,
  measurementPeriods,
  NATIONAL_SCALE,
  provinceValue,
  quarterIndex,
  type GeneratorOptions,
} from '../seed/generate.js';
import { planSeed } from '../seed/run.js';
import { statementsDuring, type StatementCounts } from '../statement-counts.js';

// The cost of a cross-agency view must not grow with the plan: per-request loaders batch every
// action of a request into one statement per field, so 5,000 actions cost what 50 do; the board
// pack reads each agency's summaries, one statement each, in one read-back request.

const GOAL_ACTIONS = `query GoalActions {
  goal(code: "A1.H1") {
    actions {
      code
      status
      latestReport { period percentComplete }
      parties { agency acceptance contributionStatus }
      overallStatus
    }
  }
}`;

interface GoalActions {
  goal: { actions: { code: string; parties: unknown[]; overallStatus: string | null }[] };
}

const silent = { advance: () => undefined, note: () => undefined };

/** National scale in actions, reports and parts; a small measurement volume, which this query does not read. */
const sized = (actions: number): GeneratorOptions => ({
  ...NATIONAL_SCALE,
  actions,
  indicators: 20,
  provinces: 3,
  measurementQuarters: 2,
  meetings: 2,
});

async function seededGraph(label: string, actions: number): Promise<RunningGraph> {
  const graph = await startGraph(label, { sqlStatementCounter: true });
  const databases = Object.fromEntries(
    AGENCIES.map((a) => [a.slug, graph.subgraphs[a.slug].server.database.db as Database<Record<string, unknown>>]),
  ) as Record<AgencySlug, Database<Record<string, unknown>>>;
  await planSeed(sized(actions)).write(databases, silent);
  return graph;
}

const subgraphUrls = (graph: RunningGraph) =>
  Object.fromEntries(AGENCIES.map((a) => [a.slug, graph.subgraphs[a.slug].listening.url])) as Record<
    AgencySlug,
    string
  >;

/** The second run's statements: the first may fill what a process keeps after its first request. */
async function measure(graph: RunningGraph): Promise<{ counts: StatementCounts; actions: number }> {
  const first = await graph.query<GoalActions>(GOAL_ACTIONS);
  expect(first.errors).toBeUndefined();
  let actions = 0;
  const counts = await statementsDuring(subgraphUrls(graph), async () => {
    const second = await graph.query<GoalActions>(GOAL_ACTIONS);
    expect(second.errors).toBeUndefined();
    actions = second.data?.goal.actions.length ?? 0;
    // The generated actions are read like the plan's: every agency answers for its own.
    const generated = second.data?.goal.actions.filter((a) => a.code.startsWith('G-')) ?? [];
    expect(generated.some((a) => a.parties.length > 0)).toBe(true);
    expect(generated.every((a) => a.overallStatus !== null)).toBe(true);
  });
  return { counts, actions };
}

const SECRETARIAT: TokenOptions = { username: 'chgm.secretariat', agency: 'FAMILY', roles: ['secretariat'] };
const READER: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };

// A provincial board whose province carries generated measurements, so its pack reads that
// province's latest values beside the national ones.
const PACK = `query Pack($m: ID!) { boardPack(meetingId: $m) {
  byAgency { key total unavailable } overdue { actionCode status reason } escalated { actionCode }
  indicators { indicatorCode latestValue provinceValue provinceSuppressed }
} }`;

interface Pack {
  boardPack: {
    byAgency: { key: string; total: number; unavailable: number }[];
    overdue: { actionCode: string; status: string | null; reason: string | null }[];
    indicators: { indicatorCode: string; latestValue: number | null; provinceValue: number | null }[];
  };
}

async function openMeeting(graph: RunningGraph): Promise<string> {
  const scheduled = await graph.query<{ family: { scheduleMeeting: { id: string } } }>(
    'mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id } } }',
    { input: { bodyId: 'provincial-01', date: '2026-12-15', title: 'Adana İl Koordinasyon Kurulu (örnek)' } },
    SECRETARIAT,
  );
  expect(scheduled.errors).toBeUndefined();
  return scheduled.data?.family.scheduleMeeting.id ?? '';
}

/** The second pack's statements per subgraph and requests through the gateway, and that pack. */
async function measurePack(graph: RunningGraph, meetingId: string) {
  const first = await graph.query<Pack>(PACK, { m: meetingId }, READER);
  expect(first.errors).toBeUndefined();
  let pack: Pack['boardPack'] | undefined;
  const requestsBefore = graph.gatewayRequests();
  const counts = await statementsDuring(subgraphUrls(graph), async () => {
    const second = await graph.query<Pack>(PACK, { m: meetingId }, READER);
    expect(second.errors).toBeUndefined();
    pack = second.data?.boardPack;
  });
  return { counts, requests: graph.gatewayRequests() - requestsBefore, pack };
}

describe('SQL statements per request per subgraph', () => {
  let small: RunningGraph;
  let large: RunningGraph;
  beforeAll(async () => {
    [small, large] = await Promise.all([seededGraph('stmts_small', 50), seededGraph('stmts_large', 5000)]);
  });
  afterAll(async () => {
    await small?.stop();
    await large?.stop();
  });

  it("are the same for a goal's actions with 50 and with 5,000 actions in the plan", async () => {
    const fifty = await measure(small);
    const fiveThousand = await measure(large);
    expect(fiveThousand.actions).toBeGreaterThan(300);
    expect(fifty.actions).toBeLessThan(20);
    for (const agency of AGENCIES) expect(fifty.counts[agency.slug], agency.slug).toBeGreaterThan(0);
    expect(fiveThousand.counts).toEqual(fifty.counts);
  });

  it('are the same for a live board pack with 50 and with 5,000 actions, which is answered in full', async () => {
    const fifty = await measurePack(small, await openMeeting(small));
    const fiveThousand = await measurePack(large, await openMeeting(large));
    // The reader's pack and the family's one read-back of every agency's summaries.
    expect(fifty.requests).toBe(2);
    expect(fiveThousand.requests).toBe(2);
    for (const agency of AGENCIES) expect(fifty.counts[agency.slug], agency.slug).toBeGreaterThan(0);
    expect(fiveThousand.counts).toEqual(fifty.counts);

    const pack = fiveThousand.pack;
    expect(pack?.byAgency.reduce((n, row) => n + row.total, 0)).toBeGreaterThan(5000);
    // Not refused by the cost limit, nor lost to a timeout: every agency's status was read.
    for (const row of pack?.byAgency ?? []) expect(row.unavailable, row.key).toBe(0);
    expect(pack?.overdue.length).toBeGreaterThan(500);
    expect(pack?.overdue.every((a) => a.status !== null)).toBe(true);
    expect(pack?.overdue.some((a) => a.reason !== null)).toBe(true);
    const generated = pack?.indicators.filter((i) => i.indicatorCode.startsWith('G-')) ?? [];
    expect(generated.some((i) => i.latestValue !== null)).toBe(true);
    expect(generated.some((i) => i.provinceValue !== null)).toBe(true);
  });

  it('serves a generated closed meeting’s board pack from its snapshot', async () => {
    const answer = await large.query<{ boardPack: { basis: string; byAgency: { total: number }[] } }>(
      `{ boardPack(meetingId: "G-meeting-02") { basis byAgency { total } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.boardPack.basis).toBe('SNAPSHOT');
    expect(answer.data?.boardPack.byAgency.reduce((n, row) => n + row.total, 0)).toBe(5000);
  });

  it('withholds small generated province counts from readers outside the measuring agency', async () => {
    const options = sized(5000);
    const periods = measurementPeriods(options.measurementQuarters);
    const epoch = quarterIndex('2020-Q1');
    // A non-family indicator with a small province count in a measured quarter.
    const small = generateIndicators(generateActions(options), options)
      .filter((g) => g.responsible !== 'FAMILY')
      .flatMap((g) =>
        periods.flatMap((period) =>
          [1, 2, 3]
            .filter((p) => provinceValue(g, quarterIndex(period) - epoch, p) < 5)
            .map((p) => ({ g, period, plate: String(p).padStart(2, '0') })),
        ),
      )[0];
    if (!small) throw new Error('the generated indicators hold no small count');
    const query = `{ action(code: "${small.g.actionCode}") { measurements { period provincePlateCode value suppressed } } }`;
    type Answer = {
      action: {
        measurements: { period: string; provincePlateCode: string | null; value: number | null; suppressed: boolean }[];
      };
    };
    const cell = (answer: Answer | null | undefined) =>
      answer?.action.measurements.find((m) => m.period === small.period && m.provincePlateCode === small.plate);
    const outsider = await large.query<Answer>(query);
    expect(outsider.errors).toBeUndefined();
    expect(cell(outsider.data)).toMatchObject({ value: null, suppressed: true });
    const slug = small.g.responsible.toLowerCase();
    const owner = await large.query<Answer>(query, undefined, {
      username: `${slug}.liaison`,
      agency: small.g.responsible,
      roles: ['liaison'],
    });
    expect(owner.errors).toBeUndefined();
    expect(cell(owner.data)).toMatchObject({ suppressed: false });
    expect(cell(owner.data)?.value).toBeLessThan(5);
  });
});
