/**
 * `npm run audit:verify -- <agency>` (or `--all`): recomputes an agency's audit chain and says
 * whether it is intact. Opens the database exactly as the subgraph does (`<NAME>_DATABASE_URL`,
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

async function verify(slug: AgencySlug): Promise<boolean> {
  const configured = databaseConfig(slug);
  // Unset, the agency's database is the embedded PostgreSQL that `npm start` runs; it may be
  // checked while the subgraph runs, since the chain is read in one snapshot.
  const config = configured.url ? configured : { ...configured, url: embeddedAgencyUrl(slug, embeddedPostgresPort()) };
  const subgraphDir = path.join(REPO_ROOT, 'subgraphs', slug);
  // Compiled, this script reads the subgraph's compiled tables; under tsx, its sources.
  const schemaModule = import.meta.url.endsWith('.js') ? 'dist/db/schema.js' : 'src/db/schema.ts';
  const tables = (await import(pathToFileURL(path.join(subgraphDir, schemaModule)).href)) as Record<string, unknown>;
  let opened;
  try {
    opened = await openDatabase(config, tables, path.join(subgraphDir, 'src/db/migrations'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = configured.url ? '' : ' (Is `npm start` running? It runs the embedded PostgreSQL.)';
    throw new Error(`${slug}: ${reason}${hint}`);
  }
  try {
    const verdict = await verifyAuditChain(opened.db);
    if (verdict.ok) {
      console.log(`${slug}: ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact`);
      return true;
    }
    console.log(`${slug}: chain broken at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason}`);
    return false;
  } finally {
    await opened.close();
  }
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
  for (const slug of targets) {
    try {
      if (!(await verify(slug))) broken = true;
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      failed = true;
    }
  }
  return broken ? 1 : failed ? 2 : 0;
}

process.exitCode = await main();
