import { verifyAuditChain } from '@cocuk-koruma/domain';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer, TokenOptions } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// Measurement entry is shared code; it is exercised here on the justice subgraph.
type Server = Awaited<ReturnType<typeof createServer>>;
interface Measurement {
  id: string;
  indicatorCode: string;
  period: string;
  provincePlateCode: string | null;
  value: number | null;
  suppressed: boolean;
  source: string;
  version: number;
  recordedBy: string;
}

const ROOMS = { actionCode: 'A1.H1.E2', indicatorCode: 'A1.H1.E2.G1' }; // quarterly, rooms
const PERCENT = { actionCode: 'A4.H2.E3', indicatorCode: 'A4.H2.E3.G1' }; // yearly, percent
const FIELDS = 'id indicatorCode period provincePlateCode value suppressed source version recordedBy';

const people = {
  liaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  board: { username: 'justice.board', agency: 'JUSTICE', roles: ['board-member'] },
  healthLiaison: { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] },
} satisfies Record<string, TokenOptions>;
type Person = keyof typeof people;

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let server: Server;
let url: string;

async function record(who: Person, input: Record<string, unknown>) {
  const result = await postGraphQL<{ justice: { recordIndicatorMeasurement: Measurement | null } }>(
    url,
    `mutation($input: IndicatorMeasurementInput!) { justice { recordIndicatorMeasurement(input: $input) { ${FIELDS} } } }`,
    { input },
    { authorization: `Bearer ${issuer.token(people[who])}` },
  );
  return { measurement: result.data?.justice?.recordIndicatorMeasurement ?? null, error: result.errors?.[0] };
}

async function recorded(who: Person, input: Record<string, unknown>): Promise<Measurement> {
  const { measurement, error } = await record(who, input);
  expect(error, JSON.stringify(error)).toBeUndefined();
  if (!measurement) throw new Error('expected the recorded measurement');
  return measurement;
}

async function measurementsSeenBy(who: Person, actionCode: string, period: string): Promise<Measurement[]> {
  const result = await postGraphQL<{ justice: { action: { measurements: Measurement[] } } }>(
    url,
    `query($code: ID!) { justice { action(code: $code) { measurements { ${FIELDS} } } } }`,
    { code: actionCode },
    { authorization: `Bearer ${issuer.token(people[who])}` },
  );
  return (result.data?.justice.action.measurements ?? []).filter((m) => m.period === period);
}

async function stored() {
  const result = (await server.database.db.execute(
    sql`select (select count(*)::int from indicator_measurements) as cells,
               (select coalesce(sum(version), 0)::int from indicator_measurements) as versions,
               (select count(*)::int from audit_log where kind = 'WRITE') as writes`,
  )) as unknown as { rows: unknown[] };
  return result.rows[0];
}

beforeAll(async () => {
  ({ server, url, issuer } = subgraph = await startSubgraphUnderTest('measure', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('recording an indicator measurement', () => {
  let national: Measurement;

  it('records a new national cell at version 1, in the agency’s own name when no source is given', async () => {
    national = await recorded('liaison', { ...ROOMS, period: '2020-Q1', value: 40 });
    expect(national).toMatchObject({
      indicatorCode: ROOMS.indicatorCode,
      provincePlateCode: null,
      value: 40,
      suppressed: false,
      source: 'justice',
      version: 1,
      recordedBy: 'justice.liaison',
    });
  });

  it('changes a cell only with the version read: none, stale or for a cell not yet recorded is a CONFLICT', async () => {
    const before = await stored();
    const unnamed = await record('liaison', { ...ROOMS, period: '2020-Q1', value: 41 });
    expect(unnamed.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 1 });
    const missing = await record('liaison', { ...ROOMS, period: '2020-Q2', value: 41, expectedVersion: 1 });
    expect(missing.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await stored()).toEqual(before);

    national = await recorded('liaison', { ...ROOMS, period: '2020-Q1', value: 42, expectedVersion: 1 });
    expect(national).toMatchObject({ value: 42, version: 2 });
    const stale = await record('liaison', { ...ROOMS, period: '2020-Q1', value: 43, expectedVersion: 1 });
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await measurementsSeenBy('liaison', ROOMS.actionCode, '2020-Q1')).map((m) => m.value)).toEqual([42]);
  });

  it('keeps another source’s figure for the same cell beside it', async () => {
    await recorded('liaison', { ...ROOMS, period: '2020-Q1', value: 45, source: 'Example bulletin (example)' });
    const seen = await measurementsSeenBy('healthLiaison', ROOMS.actionCode, '2020-Q1');
    expect(seen.map((m) => [m.source, m.value]).sort()).toEqual([
      ['Example bulletin (example)', 45],
      ['justice', 42],
    ]);
  });

  it('refuses what the indicator or the plan does not allow with BAD_USER_INPUT, writing nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ROOMS, indicatorCode: 'A4.H2.E3.G1', period: '2020-Q1', value: 1 }, 'not an indicator of A1.H1.E2'],
      [{ ...PERCENT, period: '2019-Q2', value: 50 }, 'measured yearly'],
      [{ ...PERCENT, period: '2019-Q4', value: 120 }, 'between 0 and 100'],
      [{ ...ROOMS, period: '2020-Q1', value: -1 }, 'must not be negative'],
      [{ ...ROOMS, period: '2020-Q1', provincePlateCode: '82', value: 3 }, '81 provinces'],
      [{ ...ROOMS, period: '2099-Q1', value: 3 }, 'after the current quarter'],
      [{ ...ROOMS, period: '2013-Q4', value: 3 }, "before the plan's first quarter"],
      [{ ...ROOMS, period: '2020-Q5', value: 3 }, 'quarter such as'],
      [{ ...ROOMS, period: '2020-Q1', asOf: '2099-01-01', value: 3 }, 'in the future'],
    ];
    for (const [input, message] of cases) {
      const { error } = await record('liaison', input);
      expect(error?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain(message);
    }
    expect(await stored()).toEqual(before);
  });

  it('is the responsible agency’s alone: another agency’s action, another agency’s staff and readers are refused', async () => {
    const before = await stored();
    const healthAction = await record('liaison', {
      actionCode: 'A1.H1.E3',
      indicatorCode: 'A1.H1.E3.G1',
      period: '2019-Q4',
      value: 3,
    });
    expect(healthAction.error?.extensions?.code).toBe('FORBIDDEN');
    expect(healthAction.error?.message).toContain('Ministry of Health');
    expect((await record('healthLiaison', { ...ROOMS, period: '2020-Q2', value: 3 })).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await record('board', { ...ROOMS, period: '2020-Q2', value: 3 })).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const unknown = await record('liaison', { ...ROOMS, actionCode: 'Z9.H9.E9', period: '2020-Q2', value: 3 });
    expect(unknown.error?.extensions?.code).toBe('NOT_FOUND');
    expect(await stored()).toEqual(before);
  });

  it('accepts a yearly percentage in its year’s last quarter', async () => {
    expect(await recorded('liaison', { ...PERCENT, period: '2019-Q4', value: 100, asOf: '2019-12-31' })).toMatchObject({
      value: 100,
      version: 1,
    });
  });

  it('withholds a small province count from readers outside the ministry, as for every measurement', async () => {
    await recorded('liaison', { ...ROOMS, period: '2020-Q1', provincePlateCode: '06', value: 3 });
    await recorded('liaison', { ...ROOMS, period: '2020-Q1', provincePlateCode: '34', value: 30 });
    const outside = await measurementsSeenBy('healthLiaison', ROOMS.actionCode, '2020-Q1');
    expect(outside.find((m) => m.provincePlateCode === '06')).toMatchObject({ value: null, suppressed: true });
    expect(outside.find((m) => m.provincePlateCode === '34')).toMatchObject({ value: 30, suppressed: false });
    const inside = await measurementsSeenBy('liaison', ROOMS.actionCode, '2020-Q1');
    expect(inside.find((m) => m.provincePlateCode === '06')).toMatchObject({ value: 3, suppressed: false });
  });

  it('audits every recorded value with the versions and the value before and after', async () => {
    const result = (await server.database.db.execute(
      sql`select before_version, after_version, detail from audit_log
          where operation = 'recordIndicatorMeasurement' and entity_ids[1] = ${national.id} order by seq`,
    )) as unknown as { rows: { before_version: number | null; after_version: number; detail: unknown }[] };
    expect(result.rows).toEqual([
      { before_version: null, after_version: 1, detail: { value: 40, previousValue: null } },
      { before_version: 1, after_version: 2, detail: { value: 42, previousValue: 40 } },
    ]);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });
});
