import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@cocuk-koruma/platform';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { parseSpreadsheet } from '@cocuk-koruma/spreadsheet-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

// `npm run import` against the real graph: the sample workbook previews, commits as drafts, reads
// back through the gateway, and a second run finds it all unchanged; a bad file writes nothing.
const SAMPLE = path.join(REPO_ROOT, 'packages/spreadsheet-import/examples/ornek-adalet.xlsx');
const who = {
  system: {
    username: 'service-account-justice-system',
    agency: 'JUSTICE',
    roles: ['agency-system'],
    clientId: 'justice-system',
  },
  liaison: { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] },
  familyBoard: { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] },
} satisfies Record<string, TokenOptions>;

let graph: RunningGraph;
let scratch: string;

async function runImport(args: string[], as: TokenOptions = who.system) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'scripts/import.ts', ...args, '--gateway', graph.gatewayUrl],
      { cwd: REPO_ROOT, env: { ...process.env, IMPORT_TOKEN: graph.issuer.token(as) }, encoding: 'utf8' },
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

interface Seen {
  reportHistory: { state: string; percentComplete: number; authors?: string[] }[] | null;
  measurements: { period: string; provincePlateCode: string | null; value: number | null; source: string }[] | null;
}
async function actionSeenBy(as: TokenOptions, code: string, period: string, authors = true): Promise<Seen> {
  const result = await graph.query<{ action: Seen }>(
    `query($code: ID!, $period: String!) { action(code: $code) { reportHistory(period: $period) { state percentComplete ${authors ? 'authors' : ''} } measurements { period provincePlateCode value source } } }`,
    { code, period },
    as,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.action ?? { reportHistory: null, measurements: null };
}
const cellsOf = (seen: Seen, period: string) =>
  (seen.measurements ?? [])
    .filter((m) => m.period === period)
    .map((m) => [m.provincePlateCode, m.value])
    .sort();

beforeAll(async () => {
  graph = await startGraph('e2e_import');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'import-e2e-'));
});

afterAll(async () => {
  await graph?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('previews the sample workbook with --dry-run and writes nothing', async () => {
    const run = await runImport([SAMPLE, '--agency', 'justice', '--dry-run']);
    expect(run.err).not.toContain('reddetti');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '6 satır / rows: 6 yeni / new, 0 güncellenen / updated, 0 değişmeyen / unchanged, 0 reddedilen / refused',
    );
    expect(run.out).toContain('nothing was written');
    const seen = await actionSeenBy(who.liaison, 'A1.H1.E2', '2025-Q3');
    expect(seen.reportHistory).toEqual([]);
    expect(cellsOf(seen, '2025-Q3')).toEqual([]);
  });

  it('commits the sample workbook: reports as drafts of the importer, values read back through the gateway', async () => {
    const run = await runImport([SAMPLE, '--agency', 'justice']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('6 yeni / new');
    expect(run.out).toContain('submit them for review');

    const own = await actionSeenBy(who.liaison, 'A1.H1.E2', '2025-Q3');
    expect(own.reportHistory).toEqual([
      { state: 'DRAFT', percentComplete: 80, authors: ['service-account-justice-system'] },
    ]);
    expect(cellsOf(own, '2025-Q3')).toEqual([
      [null, 92],
      ['06', 7],
      ['34', 12],
    ]);
    const yearly = await actionSeenBy(who.liaison, 'A4.H2.E3', '2025-Q4');
    expect(yearly.measurements?.find((m) => m.period === '2025-Q4')).toMatchObject({
      value: 64.5,
      source: 'Örnek kaynak (example source)',
    });
    // A draft stays inside the ministry until a focal point approves it.
    const outside = await actionSeenBy(who.familyBoard, 'A1.H1.E2', '2025-Q3', false);
    expect(outside.reportHistory).toEqual([]);
  });

  it('finds the same workbook unchanged the second time and writes nothing again', async () => {
    const run = await runImport([SAMPLE, '--agency', 'justice']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('0 yeni / new, 0 güncellenen / updated, 6 değişmeyen / unchanged');
  });

  it('lists a bad file’s problems by line and writes none of its rows', async () => {
    const file = path.join(scratch, 'hatali.csv');
    fs.writeFileSync(
      file,
      [
        'Kayıt türü,Eylem kodu,Dönem,Durum,Tamamlanma yüzdesi,Açıklama,Gösterge kodu,İl plaka kodu,Değer',
        'RAPOR,A1.H1.E2,2025-Q2,IN_PROGRESS,75,Örnek (example),,,',
        'RAPOR,Z9.H9.E9,2025-Q2,IN_PROGRESS,10,Örnek (example),,,',
        'ÖLÇÜM,A1.H1.E2,2012-Q1,,,,A1.H1.E2.G1,,5',
        'ÖLÇÜM,A4.H2.E3,2025-Q4,,,,A4.H2.E3.G1,,140',
      ].join('\n'),
    );
    const run = await runImport([file, '--agency', 'justice']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('satır / line 3:');
    expect(run.err).toContain('Z9.H9.E9 is not an action code of the plan');
    expect(run.err).toContain('satır / line 4:');
    expect(run.err).toContain("before the plan's first quarter");
    expect(run.err).toContain('satır / line 5:');
    expect(run.err).toContain('is a percentage');
    expect(run.err).not.toContain('line 2:');
    expect((await actionSeenBy(who.liaison, 'A1.H1.E2', '2025-Q2')).reportHistory).toEqual([]);
  });

  it('refuses a file that is not a spreadsheet before asking the graph', async () => {
    const file = path.join(scratch, 'rapor.xlsx');
    fs.writeFileSync(file, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    const run = await runImport([file, '--agency', 'justice']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('not a spreadsheet');
  });
});

describe('the gateway’s import routes', () => {
  it('serves the template as XLSX and CSV, with the columns the parser reads', async () => {
    for (const [format, type] of [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['csv', 'text/csv; charset=utf-8'],
    ] as const) {
      const response = await fetch(new URL(`/imports/template.${format}?lang=en`, graph.gatewayUrl));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      const parsed = await parseSpreadsheet(new Uint8Array(await response.arrayBuffer()));
      expect(parsed.problems.map((p) => p.message)).toEqual(['dosyada veri satırı yok / the file has no data rows']);
    }
    expect((await fetch(new URL('/imports/template.pdf', graph.gatewayUrl))).status).toBe(404);
  });

  it('parses an upload for a signed-in caller only, and names a file that is not a spreadsheet', async () => {
    const upload = (body: Uint8Array<ArrayBuffer>, token?: string) =>
      fetch(new URL('/imports/parse', graph.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    const sample = new Uint8Array(fs.readFileSync(SAMPLE));
    expect((await upload(sample)).status).toBe(401);
    const ok = await upload(sample, graph.issuer.token(who.liaison));
    expect(ok.status).toBe(200);
    const parsed = (await ok.json()) as { rows: { line: number }[]; problems: unknown[] };
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    const bad = await upload(new TextEncoder().encode('%PDF-1.4\n'), graph.issuer.token(who.liaison));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { problems: { message: string }[] }).problems[0]?.message).toContain(
      'not a spreadsheet',
    );
  });
});
