import { verifyAuditChain } from '@cocuk-koruma/domain';
import type { ImportRow } from '@cocuk-koruma/domain/progress/import/rows';
import { importOperations, type SpreadsheetImportResult } from '@cocuk-koruma/spreadsheet-import/operations';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import type { TestIssuer, TokenOptions } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// The import is shared code; it is exercised here on the justice subgraph's real wiring.
type Server = Awaited<ReturnType<typeof createServer>>;

const people = {
  liaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  focal: { username: 'justice.focal', agency: 'JUSTICE', roles: ['focal-point'] },
  otherFocal: { username: 'justice.focal2', agency: 'JUSTICE', roles: ['focal-point'] },
  healthLiaison: { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] },
} satisfies Record<string, TokenOptions>;
type Person = keyof typeof people;

const operations = importOperations('justice');
let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let server: Server;
let url: string;

async function send(who: Person, query: string, input: unknown) {
  const result = await postGraphQL<{ justice: Record<string, SpreadsheetImportResult | null> | null }>(
    url,
    query,
    { input },
    { authorization: `Bearer ${issuer.token(people[who])}` },
  );
  return { result: Object.values(result.data?.justice ?? {})[0] ?? null, error: result.errors?.[0] };
}
const preview = (who: Person, rows: ImportRow[]) => send(who, operations.preview, { rows });
const commit = (who: Person, rows: ImportRow[], expectedDigest: string) =>
  send(who, operations.commit, { rows, expectedDigest });

async function previewed(who: Person, rows: ImportRow[]): Promise<SpreadsheetImportResult> {
  const { result, error } = await preview(who, rows);
  expect(error, JSON.stringify(error)).toBeUndefined();
  if (!result) throw new Error('expected a preview');
  return result;
}

/** Preview, then commit what the preview saw. */
async function imported(who: Person, rows: ImportRow[]): Promise<SpreadsheetImportResult> {
  const seen = await previewed(who, rows);
  const { result, error } = await commit(who, rows, seen.digest);
  expect(error, JSON.stringify(error)).toBeUndefined();
  if (!result) throw new Error('expected a committed import');
  return result;
}

interface Counts {
  reports: number;
  reportVersions: number;
  cells: number;
  cellVersions: number;
  writes: number;
}

async function stored(): Promise<Counts> {
  const result = (await server.database.db.execute(
    sql`select (select count(*)::int from progress_reports) as reports,
               (select coalesce(sum(version), 0)::int from progress_reports) as "reportVersions",
               (select count(*)::int from indicator_measurements) as cells,
               (select coalesce(sum(version), 0)::int from indicator_measurements) as "cellVersions",
               (select count(*)::int from audit_log where kind = 'WRITE') as writes`,
  )) as unknown as { rows: Counts[] };
  const [counts] = result.rows;
  if (!counts) throw new Error('no counts');
  return counts;
}

async function reportRow(actionCode: string, period: string) {
  const result = (await server.database.db.execute(
    sql`select id, state, version, authors, percent_complete as "percentComplete" from progress_reports
        where action_code = ${actionCode} and period = ${period} order by revision desc limit 1`,
  )) as unknown as {
    rows: { id: string; state: string; version: number; authors: string[]; percentComplete: number }[];
  };
  return result.rows[0];
}

const report = (line: number, extra: Partial<ImportRow> = {}): ImportRow => ({
  line,
  kind: 'REPORT',
  actionCode: 'A1.H1.E2',
  period: '2024-Q1',
  status: 'IN_PROGRESS',
  percentComplete: 50,
  narrative: 'Örnek: içe aktarılan rapor (example)',
  ...extra,
});
const cell = (line: number, extra: Partial<ImportRow> = {}): ImportRow => ({
  line,
  kind: 'MEASUREMENT',
  actionCode: 'A1.H1.E2',
  indicatorCode: 'A1.H1.E2.G1',
  period: '2024-Q1',
  value: 50,
  ...extra,
});

beforeAll(async () => {
  ({ server, url, issuer } = subgraph = await startSubgraphUnderTest('import', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('a spreadsheet import', () => {
  const rows = [
    report(2),
    report(3, { actionCode: 'A4.H2.E3', status: 'AT_RISK', percentComplete: 10 }),
    cell(4),
    cell(5, { provincePlateCode: '06', value: 7 }),
    cell(6, {
      actionCode: 'A4.H2.E3',
      indicatorCode: 'A4.H2.E3.G1',
      period: '2023-Q4',
      value: 64.5,
      asOf: '2023-12-31',
    }),
  ];

  it('previews what each row would create, writing nothing', async () => {
    const before = await stored();
    const seen = await previewed('liaison', rows);
    expect(seen).toMatchObject({ committed: false, rowCount: 5, created: 5, updated: 0, unchanged: 0, refused: 0 });
    expect(seen.rows.map((r) => [r.line, r.outcome, r.key])).toEqual([
      [2, 'CREATE', 'A1.H1.E2/2024-Q1'],
      [3, 'CREATE', 'A4.H2.E3/2024-Q1'],
      [4, 'CREATE', 'A1.H1.E2.G1/2024-Q1/national/justice'],
      [5, 'CREATE', 'A1.H1.E2.G1/2024-Q1/06/justice'],
      [6, 'CREATE', 'A4.H2.E3.G1/2023-Q4/national/justice'],
    ]);
    expect(await stored()).toEqual(before);
  });

  it('commits every row in one go, reports as drafts by the importer, each row audited', async () => {
    const before = await stored();
    const done = await imported('liaison', rows);
    expect(done).toMatchObject({ committed: true, created: 5, updated: 0, unchanged: 0, refused: 0 });
    expect(await stored()).toEqual({
      reports: before.reports + 2,
      reportVersions: before.reportVersions + 2,
      cells: before.cells + 3,
      cellVersions: before.cellVersions + 3,
      writes: before.writes + 5,
    });
    expect(await reportRow('A1.H1.E2', '2024-Q1')).toMatchObject({
      state: 'DRAFT',
      version: 1,
      authors: ['justice.liaison'],
    });
    const entries = (await server.database.db.execute(
      sql`select operation, entity_type as "entityType", actor, before_version as "before", after_version as "after", detail
          from audit_log where operation = 'commitImport' order by seq`,
    )) as unknown as {
      rows: { entityType: string; actor: string; before: number | null; after: number; detail: { line: number } }[];
    };
    expect(entries.rows.map((e) => [e.entityType, e.actor, e.before, e.after, e.detail.line])).toEqual([
      ['ProgressReport', 'justice.liaison', null, 1, 2],
      ['ProgressReport', 'justice.liaison', null, 1, 3],
      ['IndicatorMeasurement', 'justice.liaison', null, 1, 4],
      ['IndicatorMeasurement', 'justice.liaison', null, 1, 5],
      ['IndicatorMeasurement', 'justice.liaison', null, 1, 6],
    ]);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });

  it('counts rows that match the stored data as unchanged and writes nothing for them', async () => {
    const before = await stored();
    const again = await imported('liaison', rows);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, refused: 0 });
    expect(await stored()).toEqual(before);
  });

  it('updates a draft and a value that changed, with the versions before and after in the audit', async () => {
    const before = await stored();
    const changed = [
      report(2, { percentComplete: 60 }),
      ...rows.slice(1, 3),
      cell(5, { provincePlateCode: '06', value: 8 }),
      rows[4] as ImportRow,
    ];
    const seen = await previewed('liaison', changed);
    expect(seen.rows.map((r) => r.outcome)).toEqual(['UPDATE', 'UNCHANGED', 'UNCHANGED', 'UPDATE', 'UNCHANGED']);
    expect(seen.rows[3]?.reason).toContain('7 → 8');
    const done = await commit('liaison', changed, seen.digest);
    expect(done.result).toMatchObject({ created: 0, updated: 2, unchanged: 3 });
    expect(await stored()).toMatchObject({
      reportVersions: before.reportVersions + 1,
      cellVersions: before.cellVersions + 1,
      writes: before.writes + 2,
    });
    expect(await reportRow('A1.H1.E2', '2024-Q1')).toMatchObject({ state: 'DRAFT', version: 2, percentComplete: 60 });
  });

  it('keeps imported reports in the four-eyes workflow: the importer may not approve what it imported', async () => {
    const row = report(2, { period: '2024-Q2' });
    await imported('focal', [row]);
    const draft = await reportRow('A1.H1.E2', '2024-Q2');
    expect(draft).toMatchObject({ state: 'DRAFT', authors: ['justice.focal'] });
    const transition = (who: Person, field: string, version: number) =>
      postGraphQL<{ justice: Record<string, { version: number; state: string } | null> }>(
        url,
        `mutation($input: ReportTransitionInput!) { justice { ${field}(input: $input) { version state } } }`,
        { input: { id: draft?.id, expectedVersion: version } },
        { authorization: `Bearer ${issuer.token(people[who])}` },
      );
    const submitted = await transition('focal', 'submitProgressReport', 1);
    expect(submitted.data?.justice.submitProgressReport).toMatchObject({ state: 'SUBMITTED', version: 2 });
    const own = await transition('focal', 'approveProgressReport', 2);
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0]?.message).toContain('four-eyes');
    const other = await transition('otherFocal', 'approveProgressReport', 2);
    expect(other.data?.justice.approveProgressReport).toMatchObject({ state: 'APPROVED' });

    // Approved and locked: the same figures are unchanged, different ones refused.
    const same = await previewed('liaison', [row]);
    expect(same.rows[0]?.outcome).toBe('UNCHANGED');
    const different = await previewed('liaison', [{ ...row, percentComplete: 99 }]);
    expect(different.rows[0]).toMatchObject({
      outcome: 'REFUSE',
      reason: expect.stringContaining('approved and locked'),
    });
  });

  it('refuses bad rows by line and writes none of the file, the good rows included', async () => {
    const before = await stored();
    const bad = [
      report(2, { period: '2024-Q3' }),
      report(3, { actionCode: 'Z9.H9.E9' }),
      report(4, { actionCode: 'A1.H1.E1' }),
      report(5, { period: '2013-Q4' }),
      report(6, { period: '2099-Q1' }),
      report(7, { period: '2024-Q4', percentComplete: 150 }),
      cell(8, { actionCode: 'A4.H2.E3', indicatorCode: 'A4.H2.E3.G1', period: '2023-Q4', value: 120 }),
      cell(9, { actionCode: 'A4.H2.E3', indicatorCode: 'A4.H2.E3.G1', period: '2023-Q2', value: 20 }),
      cell(10, { indicatorCode: 'A4.H2.E3.G1' }),
      cell(11, { value: -1, period: '2024-Q3' }),
      cell(12, { provincePlateCode: '82', period: '2024-Q3' }),
      report(13, { period: '2024-Q3', percentComplete: 20 }),
    ];
    const seen = await previewed('liaison', bad);
    expect(seen).toMatchObject({ created: 1, refused: 11 });
    const reasons = Object.fromEntries(seen.rows.map((r) => [r.line, r.reason ?? '']));
    expect(reasons[3]).toContain('Z9.H9.E9 is not an action code of the plan');
    expect(reasons[4]).toMatch(/belongs to the Ministry of/);
    expect(reasons[5]).toContain("before the plan's first quarter");
    expect(reasons[6]).toContain('after the current quarter');
    expect(reasons[7]).toContain('from 0 to 100');
    expect(reasons[8]).toContain('is a percentage');
    expect(reasons[9]).toContain('measured yearly');
    expect(reasons[10]).toContain('is not an indicator of A1.H1.E2');
    expect(reasons[11]).toContain('not be negative');
    expect(reasons[12]).toContain('plate code');
    expect(reasons[13]).toContain('line 2');

    const { result, error } = await commit('liaison', bad, seen.digest);
    expect(result).toBeNull();
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((error?.extensions?.problems as { line: number }[]).map((p) => p.line)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a commit with CONFLICT when the data changed since the preview, writing nothing', async () => {
    const batch = [report(2, { period: '2024-Q3' }), cell(3, { period: '2024-Q3', value: 5 })];
    const seen = await previewed('liaison', batch);
    // Someone types the same cell in meanwhile.
    const typed = await postGraphQL(
      url,
      `mutation($input: IndicatorMeasurementInput!) { justice { recordIndicatorMeasurement(input: $input) { version } } }`,
      { input: { actionCode: 'A1.H1.E2', indicatorCode: 'A1.H1.E2.G1', period: '2024-Q3', value: 4 } },
      { authorization: `Bearer ${issuer.token(people.focal)}` },
    );
    expect(typed.errors).toBeUndefined();
    const before = await stored();
    const { result, error } = await commit('liaison', batch, seen.digest);
    expect(result).toBeNull();
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IMPORT_CHANGED' });
    expect(await stored()).toEqual(before);
    // Previewed again, the cell is an update of the typed-in value.
    expect((await previewed('liaison', batch)).rows[1]).toMatchObject({
      outcome: 'UPDATE',
      reason: expect.stringContaining('4 → 5'),
    });
  });

  it('rolls the whole import back when a write fails half-way', async () => {
    await server.database.db.execute(sql`
      create function refuse_plate_81() returns trigger language plpgsql as $$
      begin raise exception 'test: plate 81 refused'; end $$;
      create trigger refuse_plate_81 before insert on indicator_measurements
        for each row when (new.province_plate_code = '81') execute function refuse_plate_81();`);
    try {
      const batch = [
        report(2, { period: '2024-Q4' }),
        cell(3, { period: '2024-Q4' }),
        cell(4, { period: '2024-Q4', provincePlateCode: '81' }),
      ];
      const seen = await previewed('liaison', batch);
      const before = await stored();
      const { result, error } = await commit('liaison', batch, seen.digest);
      expect(result).toBeNull();
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await stored()).toEqual(before);
      expect(await reportRow('A1.H1.E2', '2024-Q4')).toBeUndefined();
    } finally {
      await server.database.db.execute(
        sql`drop trigger refuse_plate_81 on indicator_measurements; drop function refuse_plate_81();`,
      );
    }
  });

  it('lets only the agency’s own writers import, under the same rule as typed-in reports', async () => {
    const { result, error } = await preview('healthLiaison', rows);
    expect(result).toBeNull();
    expect(error?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses more rows than one import takes with BAD_USER_INPUT', async () => {
    const many = Array.from({ length: 5_001 }, (_, i) => cell(i + 2, { provincePlateCode: null, value: i }));
    const { result, error } = await preview('liaison', many);
    expect(result).toBeNull();
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('5000');
  });
});
