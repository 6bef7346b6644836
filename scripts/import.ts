/**
 * `npm run import -- <file.xlsx|file.csv> --agency justice`: imports a spreadsheet of progress
 * reports and indicator values into the agency's own data through the running graph, as the
 * portal does: the file is read here (a progress bar while its rows are read), the graph previews
 * each row, and if none is refused, commits them all in one transaction, reports as drafts for
 * the four-eyes review. `--dry-run` stops after the preview. The caller is an agency system
 * (`--client <agency>-system`, the default) or an example user (`--user justice.liaison`) of the
 * development identity provider, or whoever the token in IMPORT_TOKEN names (a real Keycloak).
 * `npm run import -- --template file.xlsx|file.csv` writes the empty template.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AGENCIES, type AgencySlug } from '@cocuk-koruma/platform/agencies';
import {
  importOperations,
  parseSpreadsheet,
  templateCsv,
  templateXlsx,
  type SpreadsheetImportResult,
} from '@cocuk-koruma/spreadsheet-import';
import type { ImportProblem, ImportRow } from '@cocuk-koruma/domain/progress/import/rows';
import cliProgress from 'cli-progress';
import { LoginError, ProviderUnreachableError } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { devToken, DevTokenError } from './dev-token.js';

const USAGE = `Kullanım / Usage:
  npm run import -- <dosya.xlsx|dosya.csv> --agency <${AGENCIES.map((a) => a.slug).join('|')}> [--user <kullanıcı> | --client <istemci>] [--dry-run]
  npm run import -- --template <şablon.xlsx|şablon.csv> [--lang tr|en]`;

interface GraphQLAnswer {
  data?: Record<string, Record<string, SpreadsheetImportResult | null> | null> | null;
  errors?: { message: string; extensions?: { code?: string; problems?: ImportProblem[] } }[];
}

class Refused extends Error {}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function printProblems(problems: readonly ImportProblem[]): void {
  for (const p of problems)
    err(p.line === null ? `  dosya / file: ${p.message}` : `  satır / line ${p.line}: ${p.message}`);
}

function printSummary(result: SpreadsheetImportResult, done: boolean): void {
  const verb = done ? ['yazıldı', 'written'] : ['yazılacak', 'to write'];
  out(
    `${result.rowCount} satır / rows: ${result.created} yeni / new, ${result.updated} güncellenen / updated, ` +
      `${result.unchanged} değişmeyen / unchanged, ${result.refused} reddedilen / refused (${verb.join(' / ')})`,
  );
}

async function call(
  gateway: string,
  token: string,
  namespace: string,
  query: string,
  input: unknown,
): Promise<SpreadsheetImportResult> {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  }).catch(() => {
    err(`${gateway} yanıt vermiyor; \`npm start\` çalışıyor mu? / does not answer; is \`npm start\` running?`);
    throw new Refused();
  });
  const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer;
  const result = Object.values(answer.data?.[namespace] ?? {})[0];
  if (result) return result;
  const error = answer.errors?.[0];
  err(`Graf reddetti / The graph refused (HTTP ${response.status}, ${error?.extensions?.code ?? 'no code'}):`);
  err(`  ${error?.message ?? 'no answer'}`);
  if (error?.extensions?.problems) printProblems(error.extensions.problems);
  throw new Refused();
}

async function readRows(file: string): Promise<ImportRow[]> {
  const bytes = fs.readFileSync(file);
  const bar = new cliProgress.SingleBar(
    { format: 'Okunuyor / Reading |{bar}| {value}/{total} satır / rows', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const parsed = await parseSpreadsheet(bytes, {
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  if (parsed.problems.length > 0) {
    err(`${file}: ${parsed.problems.length} sorun, hiçbir şey yazılmadı / problems, nothing was written:`);
    printProblems(parsed.problems);
    throw new Refused();
  }
  return parsed.rows;
}

async function writeTemplate(target: string, lang: 'tr' | 'en'): Promise<void> {
  fs.writeFileSync(target, target.toLowerCase().endsWith('.csv') ? templateCsv(lang) : await templateXlsx(lang));
  out(target);
}

const parseCommandLine = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      user: { type: 'string' },
      client: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      template: { type: 'string' },
      lang: { type: 'string', default: 'tr' },
      gateway: { type: 'string' },
    },
  });

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.template) {
    await writeTemplate(values.template, values.lang === 'en' ? 'en' : 'tr');
    return 0;
  }
  const file = positionals[0];
  const agency = AGENCIES.find((a) => a.slug === values.agency);
  if (!file || positionals.length > 1 || !agency) {
    err(USAGE);
    return 2;
  }
  const slug: AgencySlug = agency.slug;
  const gateway =
    values.gateway ?? process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '4000'}/graphql`;
  const rows = await readRows(file);
  const token =
    process.env.IMPORT_TOKEN?.trim() ||
    (await devToken(values.user ? { username: values.user } : { clientId: values.client ?? `${slug}-system` }));
  const operations = importOperations(slug);

  out(`Önizleme / Preview: ${rows.length} satır / rows → ${gateway}`);
  const preview = await call(gateway, token, slug, operations.preview, { rows });
  printSummary(preview, false);
  if (preview.refused > 0) {
    err('Reddedilen satırlar; hiçbir şey yazılmadı / Refused rows; nothing was written:');
    printProblems(
      preview.rows.filter((r) => r.outcome === 'REFUSE').map((r) => ({ line: r.line, message: r.reason ?? '' })),
    );
    return 1;
  }
  if (values['dry-run']) {
    out('--dry-run: hiçbir şey yazılmadı / nothing was written.');
    return 0;
  }
  const committed = await call(gateway, token, slug, operations.commit, { rows, expectedDigest: preview.digest });
  printSummary(committed, true);
  if (committed.created + committed.updated > 0) {
    out('Raporlar taslak olarak kaydedildi; onaya sunun / Reports were saved as drafts; submit them for review.');
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof Refused) process.exitCode = 1;
  else if (error instanceof DevTokenError || error instanceof LoginError || error instanceof ProviderUnreachableError) {
    err(error.message);
    process.exitCode = 2;
  } else throw error;
}
