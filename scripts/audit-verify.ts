/**
 * `npm run audit:verify -- <agency>` (or `--all`): recomputes an agency's audit chain and says
 * whether it is intact. With `--all` it also holds each chain against the heads the other agencies
 * countersigned in theirs (WITNESS entries), which catches what no chain can catch alone: its
 * newest entries deleted, or the chain rewritten from some entry on. Opens the database exactly as the subgraph does (`<NAME>_DATABASE_URL`,
 * else the agency's database on the embedded PostgreSQL of a running `npm start`). Exit codes:
 * 0 intact, 1 a chain is broken, 2 the check could not run (usage, configuration, database
 * unreachable).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AGENCIES,
  agencyBySlug,
  databaseConfig,
  openDatabase,
  REPO_ROOT,
  type AgencySlug,
} from '@cocuk-koruma/platform';
import { verifyAuditChain } from '@cocuk-koruma/domain/audit/chain';
import { checkWitnessedHeads, witnessedHeads, type WitnessedHead } from '@cocuk-koruma/domain/audit/witness';
import { embeddedAgencyUrl, embeddedPostgresPort } from '@cocuk-koruma/postgres';

class UsageError extends Error {}

function parseTargets(argv: string[]): AgencySlug[] {
  const slugs = AGENCIES.map((a) => a.slug);
  if (argv.length === 1 && argv[0] === '--all') return slugs;
  if (argv.length === 1 && argv[0] && !argv[0].startsWith('-')) {
    try {
      return [agencyBySlug(argv[0]).slug];
    } catch {
      throw new UsageError(`Unknown agency "${argv[0]}". Choose one of ${slugs.join(', ')}, or --all.`);
    }
  }
  throw new UsageError(`Usage: npm run audit:verify -- <${slugs.join('|')}> | --all`);
}

type Opened = Awaited<ReturnType<typeof openDatabase<Record<string, unknown>>>>;

async function open(slug: AgencySlug): Promise<Opened> {
  const configured = databaseConfig(slug);
  // Unset, the agency's database is the embedded PostgreSQL that `npm start` runs; it may be
  // checked while the subgraph runs, since the chain is read in one snapshot.
  const config = configured.url ? configured : { ...configured, url: embeddedAgencyUrl(slug, embeddedPostgresPort()) };
  const subgraphDir = path.join(REPO_ROOT, 'subgraphs', slug);
  // Compiled, this script reads the subgraph's compiled tables; under tsx, its sources.
  const schemaModule = import.meta.url.endsWith('.js') ? 'dist/db/schema.js' : 'src/db/schema.ts';
  const tables = (await import(pathToFileURL(path.join(subgraphDir, schemaModule)).href)) as Record<string, unknown>;
  try {
    return await openDatabase(config, tables, path.join(subgraphDir, 'src/db/migrations'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = configured.url ? '' : ' (Is `npm start` running? It runs the embedded PostgreSQL.)';
    throw new Error(`${slug}: ${reason}${hint}`);
  }
}

async function verifyChain(slug: AgencySlug, opened: Opened): Promise<boolean> {
  const verdict = await verifyAuditChain(opened.db);
  if (verdict.ok) {
    console.log(`${slug}: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact`);
    return true;
  }
  console.log(`${slug}: chain broken at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason}`);
  return false;
}

/** Each agency's chain against the heads the others countersigned; false if any no longer holds. */
async function verifyWitnesses(opened: Map<AgencySlug, Opened>): Promise<boolean> {
  const witnessed: WitnessedHead[] = [];
  for (const [slug, { db }] of opened) witnessed.push(...(await witnessedHeads(db, agencyBySlug(slug).code)));
  let intact = true;
  for (const [slug, { db }] of opened) {
    const code = agencyBySlug(slug).code;
    const about = witnessed.filter((w) => w.agency === code && w.witness !== code);
    const problems = await checkWitnessedHeads(db, about);
    for (const problem of problems) console.log(`${slug}: ${problem}`);
    if (problems.length > 0) {
      intact = false;
    } else {
      console.log(`${slug}: matches the ${about.length} countersignatures the other agencies hold`);
    }
  }
  return intact;
}

async function main(): Promise<number> {
  let targets: AgencySlug[];
  try {
    targets = parseTargets(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  let broken = false;
  let failed = false;
  const opened = new Map<AgencySlug, Opened>();
  try {
    for (const slug of targets) {
      try {
        const one = await open(slug);
        opened.set(slug, one);
        if (!(await verifyChain(slug, one))) broken = true;
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        failed = true;
      }
    }
    if (targets.length > 1 && !failed && !(await verifyWitnesses(opened))) broken = true;
  } finally {
    for (const one of opened.values()) await one.close();
  }
  return broken ? 1 : failed ? 2 : 0;
}

process.exitCode = await main();
