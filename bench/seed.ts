/**
 * `npm run bench:seed`: generated example data at national scale for the benchmarks, written into
 * the databases `npm start` uses: each `<AGENCY>_DATABASE_URL` given, else the agency's database on
 * the embedded PostgreSQL in DATA_DIR/postgres (started here, and stopped again, when `npm start`
 * is not running it). Never run by `npm start`.
 *
 *   npm run bench:seed                     5,000 actions, 1,000 indicators × 81 provinces × 24 quarters, 20 meetings
 *   npm run bench:seed -- --actions 500 --indicators 100 --provinces 10 --quarters 4 --meetings 5
 *
 * A second run of the same size writes nothing ("already there"); a run of another size into the
 * same databases is refused. `npm start` prunes plan rows the adopted plan does not have from the
 * family database at every start, so after a restart a run writes the family's plan part again.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCIES, databaseConfig, openDatabase, type AgencySlug, type OpenDatabase } from '@cocuk-koruma/platform';
import { embeddedAgencyUrl, embeddedPostgresPort, provisionAgencyDatabases } from '@cocuk-koruma/postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { NATIONAL_SCALE, type GeneratorOptions } from './seed/generate.js';
import { progressLine } from './seed/progress-line.js';
import { ensureStartSeed, planSeed, SUBGRAPHS } from './seed/run.js';
import { SeedRefusedError } from './seed/write.js';

type Opened = OpenDatabase<Record<string, unknown>>;

function options(): GeneratorOptions {
  const { values } = parseArgs({
    options: {
      actions: { type: 'string' },
      indicators: { type: 'string' },
      provinces: { type: 'string' },
      quarters: { type: 'string' },
      meetings: { type: 'string' },
    },
  });
  const count = (name: keyof typeof values, fallback: number, max = 1_000_000) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new SeedRefusedError(`--${name} must be a whole number from 0 to ${max}, not "${raw}".`);
    return n;
  };
  return {
    actions: count('actions', NATIONAL_SCALE.actions),
    indicators: count('indicators', NATIONAL_SCALE.indicators),
    provinces: count('provinces', NATIONAL_SCALE.provinces, 81),
    measurementQuarters: count('quarters', NATIONAL_SCALE.measurementQuarters, 48),
    meetings: count('meetings', NATIONAL_SCALE.meetings, 99),
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Each agency's URL, and a stop for the embedded server when this run had to start it. */
async function databaseUrls(): Promise<{ urls: Record<AgencySlug, string>; stop(): Promise<void> }> {
  const urls = {} as Record<AgencySlug, string>;
  const port = embeddedPostgresPort();
  const embedded: AgencySlug[] = [];
  for (const agency of AGENCIES) {
    const configured = databaseConfig(agency.slug).url;
    if (configured) urls[agency.slug] = configured;
    else {
      urls[agency.slug] = embeddedAgencyUrl(agency.slug, port);
      embedded.push(agency.slug);
    }
  }
  const first = embedded[0];
  if (!first || (await answers(urls[first]))) return { urls, stop: async () => undefined };
  // Loaded only when needed: it brings the PostgreSQL binaries' package.
  const { LocalPostgres } = await import('@cocuk-koruma/postgres/local-server');
  const dataDir = path.join(path.resolve(process.env.DATA_DIR ?? '.data'), 'postgres');
  console.error(`The embedded PostgreSQL is not running; starting it on ${dataDir}, port ${port}.`);
  const server = new LocalPostgres({ dataDir, port });
  await server.start();
  try {
    const provisioned = await provisionAgencyDatabases(server.adminUrl, { agencyHost: `127.0.0.1:${port}` });
    for (const db of provisioned) if (embedded.includes(db.slug)) urls[db.slug] = db.url;
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { urls, stop: () => server.stop() };
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main(): Promise<number> {
  const generator = options();
  const { urls, stop } = await databaseUrls();
  const opened = {} as Record<AgencySlug, Opened>;
  try {
    for (const agency of AGENCIES) {
      const parts = SUBGRAPHS[agency.slug];
      opened[agency.slug] = await openDatabase(
        { variable: databaseConfig(agency.slug).variable, url: urls[agency.slug] },
        parts.tables,
        parts.migrationsFolder,
      );
      if (await ensureStartSeed(agency.slug, opened[agency.slug].db)) {
        console.error(`${agency.slug}: never started before; migrated and seeded as \`npm start\` does.`);
      }
    }
    const started = performance.now();
    const seedPlan = planSeed(generator);
    const progress = progressLine(seedPlan.totalRows);
    const databases = Object.fromEntries(AGENCIES.map((a) => [a.slug, opened[a.slug].db])) as Record<
      AgencySlug,
      Opened['db']
    >;
    const outcomes = await seedPlan.write(databases, progress);
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    let total = 0;
    for (const agency of AGENCIES) {
      const result = (await opened[agency.slug].db.execute(
        sql`select pg_database_size(current_database())::bigint as bytes`,
      )) as unknown as { rows: { bytes: string }[] };
      const bytes = Number(result.rows[0]?.bytes ?? 0);
      total += bytes;
      console.log(`${agency.slug.padEnd(10)} database ${mib(bytes).padStart(10)}`);
    }
    for (const [part, outcome] of Object.entries(outcomes)) {
      console.log(`${part.padEnd(20)} ${outcome === 'written' ? 'written' : 'already there, left as it was'}`);
    }
    console.log(
      `Generated example data (${generator.actions} actions, ${generator.indicators} indicators × ${generator.provinces} provinces × ${generator.measurementQuarters} quarters, ${generator.meetings} meetings): ${seconds.toFixed(1)} s, the five databases ${mib(total)} in all.`,
    );
    return 0;
  } finally {
    for (const one of Object.values(opened)) await one.close();
    await stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof SeedRefusedError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
