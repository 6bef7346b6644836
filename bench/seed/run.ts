/**
 * The whole generated data set into five open agency databases: what `npm run bench:seed` and the
 * tests both run.
 */
import { AGENCIES, type AgencySlug, type Database } from '@cocuk-koruma/platform';
import { sql } from 'drizzle-orm';
import { definition as education } from '../../subgraphs/education/src/definition.js';
import { definition as family } from '../../subgraphs/family/src/definition.js';
import { definition as health } from '../../subgraphs/health/src/definition.js';
import { definition as interior } from '../../subgraphs/interior/src/definition.js';
import { definition as justice } from '../../subgraphs/justice/src/definition.js';
import {
  generateActions,
  generateIndicators,
  generateReports,
  generateParts,
  randomSeries,
  GENERATED_PREFIX,
  type GeneratedReport,
  type GeneratorOptions,
} from './generate.js';
import { generateMeetings, type GeneratedMeeting } from './meetings.js';
import { measurementCount, writeMeetings, writePlan, writeProgress, type PartOutcome, type Progress } from './write.js';

type Db = Database<Record<string, unknown>>;

interface SubgraphParts {
  tables: Record<string, unknown>;
  migrationsFolder: string;
  seed(db: never): Promise<void>;
}

/** What each subgraph migrates and seeds at start, so a database never started is made ready the same way. */
export const SUBGRAPHS: Record<AgencySlug, SubgraphParts> = { family, justice, health, education, interior };

/** Runs the subgraph's own start-up seed when the database has never been seeded (no plan commitment). */
export async function ensureStartSeed(slug: AgencySlug, db: Db): Promise<boolean> {
  const result = (await db.execute(
    sql`select count(*)::int as n from commitments where code not like ${`${GENERATED_PREFIX}%`}`,
  )) as unknown as { rows: { n: number }[] };
  if ((result.rows[0]?.n ?? 0) > 0) return false;
  await (SUBGRAPHS[slug].seed as (db: Db) => Promise<void>)(db);
  return true;
}

export interface SeedPlan {
  options: GeneratorOptions;
  /** Rows to write in all, for the progress bar. */
  totalRows: number;
  meetings: GeneratedMeeting[];
  write(databases: Record<AgencySlug, Db>, progress: Progress): Promise<Record<string, PartOutcome>>;
}

export function planSeed(options: GeneratorOptions): SeedPlan {
  const actions = generateActions(options);
  const indicators = generateIndicators(actions, options);
  const random = randomSeries(8);
  const reports = new Map<string, GeneratedReport[]>(actions.map((a) => [a.code, generateReports(a, random)]));
  const meetings = generateMeetings(options.meetings, actions, indicators, reports, options.provinces);
  const totalRows =
    actions.length +
    actions.reduce((n, a) => n + a.collaborators.length, 0) +
    indicators.length +
    actions.length +
    [...reports.values()].reduce((n, r) => n + r.length, 0) +
    AGENCIES.reduce((n, a) => n + generateParts(actions, a.code).length, 0) +
    measurementCount(indicators.length, options) +
    meetings.reduce((n, m) => n + 2 + m.decisions.length + m.agendaItems.length, 0);
  return {
    options,
    totalRows,
    meetings,
    async write(databases, progress) {
      const outcomes: Record<string, PartOutcome> = {};
      outcomes['family plan'] = await writePlan(databases.family, actions, indicators, progress);
      for (const agency of AGENCIES) {
        outcomes[`${agency.slug} progress`] = await writeProgress(
          databases[agency.slug],
          agency.code,
          actions,
          indicators,
          reports,
          options,
          progress,
        );
      }
      outcomes['family meetings'] = await writeMeetings(databases.family, meetings, progress);
      return outcomes;
    },
  };
}
