/**
 * `npm run audit:verify -- <agency>` (or `--all`): recomputes an agency's audit chain and says
 * whether it is intact. Opens the database exactly as the subgraph does (`<NAME>_DATABASE_URL`,
 * else the embedded database under .data/<agency>). Exit codes: 0 intact, 1 a chain is broken,
 * 2 the check could not run (usage, configuration, database unreachable).
 */
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AGENCIES,
  agencyBySlug,
  databaseConfig,
  openDatabase,
  REPO_ROOT,
  subgraphConfig,
  type AgencySlug,
} from '@cocuk-koruma/platform';
import { verifyAuditChain } from '@cocuk-koruma/domain/audit/chain';

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

/** Whether something answers on the subgraph's port, i.e. the subgraph is probably running. */
function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function verify(slug: AgencySlug): Promise<boolean> {
  const config = databaseConfig(slug);
  if (!config.url) {
    // PGlite does not lock its data directory: a second process opening it while the subgraph
    // runs can corrupt it. Refuse when the subgraph answers on its port.
    const { host, port } = subgraphConfig(slug);
    if (await portAnswers(host, port)) {
      throw new Error(
        `${slug}: the ${slug} subgraph seems to be running (something answers on ${host}:${port}). The embedded database in ${config.dataDir} can be opened by only one process at a time: stop the subgraph first, or set ${config.variable} to verify a PostgreSQL database.`,
      );
    }
  }
  const subgraphDir = path.join(REPO_ROOT, 'subgraphs', slug);
  const tables = (await import(pathToFileURL(path.join(subgraphDir, 'src/db/schema.ts')).href)) as Record<
    string,
    unknown
  >;
  let opened;
  try {
    opened = await openDatabase(config, tables, path.join(subgraphDir, 'src/db/migrations'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = config.url ? '' : ' (If the subgraph is running on the embedded database, stop it first.)';
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
