import { verifyAuditChain } from '@cocuk-koruma/domain/audit/chain';
import { AGENCIES, openDatabase, type AgencySlug, type OpenDatabase } from '@cocuk-koruma/platform';
import { plan } from '@cocuk-koruma/plan';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratorOptions } from '../seed/generate.js';
import { ensureStartSeed, planSeed, SUBGRAPHS } from '../seed/run.js';
import { SeedRefusedError } from '../seed/write.js';

type Opened = OpenDatabase<Record<string, unknown>>;

const SIZE: GeneratorOptions = { actions: 200, indicators: 40, provinces: 6, measurementQuarters: 3, meetings: 4 };
const silent = { advance: () => undefined, note: () => undefined };

async function rows<T>(db: Opened, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('bench:seed into the five agency databases', () => {
  const created: TestDatabase[] = [];
  const opened = {} as Record<AgencySlug, Opened>;
  const databases = () =>
    Object.fromEntries(AGENCIES.map((a) => [a.slug, opened[a.slug].db])) as Record<AgencySlug, Opened['db']>;

  beforeAll(async () => {
    for (const agency of AGENCIES) {
      const database = await createTestDatabase(`seed_${agency.slug}`);
      created.push(database);
      const parts = SUBGRAPHS[agency.slug];
      opened[agency.slug] = await openDatabase(
        { variable: 'TEST', url: database.url },
        parts.tables,
        parts.migrationsFolder,
      );
      expect(await ensureStartSeed(agency.slug, opened[agency.slug].db)).toBe(true);
    }
  });
  afterAll(async () => {
    for (const one of Object.values(opened)) await one.close();
    for (const database of created) await database.drop();
  });

  it('writes every part once, leaves it alone on a second run and refuses a run of another size', async () => {
    const outcomes = await planSeed(SIZE).write(databases(), silent);
    expect(new Set(Object.values(outcomes))).toEqual(new Set(['written']));
    expect(new Set(Object.values(await planSeed(SIZE).write(databases(), silent)))).toEqual(new Set(['present']));
    await expect(planSeed({ ...SIZE, actions: 201 }).write(databases(), silent)).rejects.toThrow(SeedRefusedError);

    const [actions] = await rows<{ n: number }>(
      opened.family,
      sql`select count(*)::int as n from actions where code like 'G-%'`,
    );
    expect(actions?.n).toBe(200);
    let commitments = 0;
    let measurements = 0;
    for (const agency of AGENCIES) {
      const [c] = await rows<{ n: number }>(
        opened[agency.slug],
        sql`select count(*)::int as n from commitments where code like 'G-%'`,
      );
      const [m] = await rows<{ n: number }>(
        opened[agency.slug],
        sql`select count(*)::int as n from indicator_measurements where indicator_code like 'G-%'`,
      );
      commitments += c?.n ?? 0;
      measurements += m?.n ?? 0;
    }
    // Each action in exactly one agency's database; every indicator's provinces and total for every quarter.
    expect(commitments).toBe(200);
    expect(measurements).toBe(40 * 3 * (6 + 1));
  });

  it('keeps the adopted plan as it was and every audit chain intact, with one entry per bulk batch', async () => {
    const [planActions] = await rows<{ n: number }>(
      opened.family,
      sql`select count(*)::int as n from actions where code not like 'G-%'`,
    );
    expect(planActions?.n).toBe(plan.actions.length);
    for (const agency of AGENCIES) {
      expect((await verifyAuditChain(opened[agency.slug].db)).ok, agency.slug).toBe(true);
      const entries = await rows<{ entity_type: string; detail: { rows: number; bulkImport: boolean } }>(
        opened[agency.slug],
        sql`select entity_type, detail from audit_log where operation = 'benchSeed'`,
      );
      expect(entries.map((e) => e.entity_type)).toEqual(
        expect.arrayContaining(['Commitment', 'ProgressReport', 'ActionPart', 'IndicatorMeasurement']),
      );
      expect(entries.every((e) => e.detail.bulkImport)).toBe(true);
    }
  });

  it('labels the generated rows and reviews every report by someone other than its submitter', async () => {
    for (const agency of AGENCIES) {
      const [reports] = await rows<{
        total: number;
        unlabelled: number;
        selfReviewed: number;
        reviewedByAuthor: number;
        withoutAuthors: number;
        states: string[];
      }>(
        opened[agency.slug],
        sql`select count(*)::int as total,
          count(*) filter (where narrative not like 'Örnek (üretilmiş)%')::int as unlabelled,
          count(*) filter (where reviewed_by = submitted_by)::int as "selfReviewed",
          count(*) filter (where reviewed_by = any(authors))::int as "reviewedByAuthor",
          count(*) filter (where cardinality(authors) = 0)::int as "withoutAuthors",
          array_agg(distinct state::text order by state::text) as states
          from progress_reports where action_code like 'G-%'`,
      );
      expect(reports?.total, agency.slug).toBeGreaterThan(0);
      expect(reports?.unlabelled).toBe(0);
      expect(reports?.selfReviewed).toBe(0);
      expect(reports?.reviewedByAuthor).toBe(0);
      expect(reports?.withoutAuthors).toBe(0);
      expect(reports?.states).toEqual(['APPROVED', 'DRAFT', 'RETURNED', 'SUBMITTED']);
    }
    const [meetings] = await rows<{ closed: number; snapshots: number }>(
      opened.family,
      sql`select count(*) filter (where state = 'CLOSED')::int as closed,
        (select count(*)::int from meeting_snapshots where meeting_id like 'G-%') as snapshots
        from meetings where id like 'G-%' and title like 'Örnek (üretilmiş)%'`,
    );
    expect(meetings).toEqual({ closed: 4, snapshots: 4 });
  });
});
