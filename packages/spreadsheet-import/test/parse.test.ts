import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '@cocuk-koruma/domain/progress/import/limits';
import { BODY_LIMIT } from '@cocuk-koruma/platform/server/limits';
import { describe, expect, it } from 'vitest';
import { parseSpreadsheet, SAMPLE_ROWS, sampleWorkbook, templateCsv, templateXlsx } from '../src/index.js';

const SAMPLE = new URL('../examples/ornek-adalet.xlsx', import.meta.url);
const HEADER_TR =
  'Kayıt türü,Eylem kodu,Dönem,Durum,Tamamlanma yüzdesi,Açıklama,Gösterge kodu,İl plaka kodu,Değer,Ölçüm tarihi,Kaynak';
const csv = (text: string) => new TextEncoder().encode(text);
const messages = (parsed: Awaited<ReturnType<typeof parseSpreadsheet>>) =>
  parsed.problems.map((p) => `${p.line ?? '-'}: ${p.message}`);

async function workbook(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Veri');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('reading an import file', () => {
  it('reads the committed sample workbook into its example rows, numbered by line', async () => {
    const parsed = await parseSpreadsheet(fs.readFileSync(SAMPLE));
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows).toEqual(
      SAMPLE_ROWS.map((row, i) => ({
        line: i + 2,
        ...(row.kind === 'REPORT'
          ? { status: row.status, percentComplete: row.percentComplete, narrative: row.narrative }
          : {
              indicatorCode: row.indicatorCode,
              provincePlateCode: row.provincePlateCode ?? null,
              value: row.value,
              asOf: row.asOf ?? null,
              source: row.source ?? null,
            }),
        kind: row.kind,
        actionCode: row.actionCode,
        period: row.period,
      })),
    );
    // Example content says so, and holds no record of a child: every row is an aggregate.
    expect(parsed.rows.filter((r) => r.kind === 'REPORT').every((r) => r.narrative?.startsWith('Örnek'))).toBe(true);
  });

  it('writes a sample workbook that reads back the same as the committed one', async () => {
    const fresh = await parseSpreadsheet(await sampleWorkbook());
    const committed = await parseSpreadsheet(fs.readFileSync(SAMPLE));
    expect(fresh.rows).toEqual(committed.rows);
  });

  it('offers templates whose columns it reads, with nothing in them yet', async () => {
    for (const file of [
      await templateXlsx('tr'),
      await templateXlsx('en'),
      csv(templateCsv('tr')),
      csv(templateCsv('en')),
    ]) {
      const parsed = await parseSpreadsheet(file);
      expect(messages(parsed)).toEqual(['-: dosyada veri satırı yok / the file has no data rows']);
    }
  });

  it('accepts English headers, any case, semicolons and decimal commas as Excel in Turkish saves them', async () => {
    const text = [
      'RECORD TYPE;action code;PERIOD;indicator_code;Province Plate Code;value;Source',
      'measurement;A1.H1.E2;2025-q3;A1.H1.E2.G1;6;12,5;',
      '',
      'ÖLÇÜM;A1.H1.E2;2025-Q3;A1.H1.E2.G1;;1.250,75;Örnek kaynak',
    ].join('\r\n');
    const parsed = await parseSpreadsheet(csv(text));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toMatchObject([
      { line: 2, kind: 'MEASUREMENT', period: '2025-Q3', provincePlateCode: '6', value: 12.5, source: null },
      { line: 4, kind: 'MEASUREMENT', provincePlateCode: null, value: 1250.75, source: 'Örnek kaynak' },
    ]);
  });

  it('turns the number a spreadsheet makes of a plate code back into two digits, and reads Turkish statuses', async () => {
    const parsed = await parseSpreadsheet(
      await workbook([
        HEADER_TR.split(','),
        ['ÖLÇÜM', 'A1.H1.E2', '2025-Q3', null, null, null, 'A1.H1.E2.G1', 6, 3, null, null],
        ['Rapor', 'A1.H1.E2', '2025-Q3', 'Risk altında', 30, 'Örnek', null, null, null, null, null],
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toMatchObject([
      { line: 2, provincePlateCode: '06', value: 3 },
      { line: 3, kind: 'REPORT', status: 'AT_RISK', percentComplete: 30 },
    ]);
  });

  it('names wrong, missing and repeated columns on line 1, and reads no row', async () => {
    const parsed = await parseSpreadsheet(csv('Eylem kodu,Dönem,Renk,Dönem\nA1.H1.E2,2025-Q3,mavi,2025-Q3\n'));
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([
      '1: "Renk" şablonun sütunlarından biri değil / "Renk" is not one of the template\'s columns',
      '1: "Dönem" sütunu iki kez var / the column "Dönem" appears twice',
      '1: "Kayıt türü" sütunu eksik / the column "Record type" is missing',
      expect.stringMatching(/^1: şablonun sütunları: Kayıt türü, Eylem kodu/),
    ]);
  });

  it('lists every bad cell by its line and hands over no rows', async () => {
    const text = [
      HEADER_TR,
      'RAPOR,A1.H1.E2,2025-Q3,IN_PROGRESS,yarım,Örnek,,,,,',
      'ÖLÇÜM,A1.H1.E2,2025-Q3,,,,A1.H1.E2.G1,,çok,,',
      'TABLO,A1.H1.E2,2025-Q3,,,,,,,,',
      'ÖLÇÜM,,,,,,A1.H1.E2.G1,,4,,',
    ].join('\n');
    const parsed = await parseSpreadsheet(csv(text));
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([
      '2: tamamlanma yüzdesi bir sayı olmalı / the percent complete must be a number',
      '3: değer bir sayı olmalı / the value must be a number',
      '4: kayıt türü RAPOR ya da ÖLÇÜM olmalı, "TABLO" değil / the record type must be REPORT or MEASUREMENT, not "TABLO"',
      '5: eylem kodu boş / the action code is empty',
      '5: dönem boş / the period is empty',
    ]);
  });

  it('refuses a file of 50,000 rows before reading them', async () => {
    const line = 'ÖLÇÜM,A1.H1.E2,2025-Q3,,,,A1.H1.E2.G1,,3,,';
    const text = `${HEADER_TR}\n${Array.from({ length: 50_000 }, () => line).join('\n')}\n`;
    const parsed = await parseSpreadsheet(csv(text));
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([
      '-: dosyada 50.000 veri satırı var; bir içe aktarma en çok 5.000 satır olabilir, dosyayı bölün / the file has 50,000 data rows; an import may have at most 5,000, split the file',
    ]);
  });

  it('refuses a workbook with more rows than one import takes', async () => {
    const rows = Array.from({ length: 5_001 }, () => [
      'ÖLÇÜM',
      'A1.H1.E2',
      '2025-Q3',
      null,
      null,
      null,
      'A1.H1.E2.G1',
      null,
      3,
    ]);
    const parsed = await parseSpreadsheet(await workbook([HEADER_TR.split(','), ...rows]));
    expect(messages(parsed)).toEqual([expect.stringContaining('5.001 veri satırı')]);
  });

  it('refuses what is not a spreadsheet, whatever its name: a PDF, an image, an old .xls, a ZIP, an empty file', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([...csv('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), 'not a spreadsheet'],
      [csv('%PDF-1.4\n1 0 obj\n'), 'not a spreadsheet'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not a spreadsheet'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '.xls'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'not an XLSX workbook'],
      [new Uint8Array(), 'empty'],
    ];
    for (const [bytes, message] of cases) {
      const parsed = await parseSpreadsheet(bytes);
      expect(parsed.rows).toEqual([]);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]?.message).toContain(message);
    }
  });

  it('refuses a file over the size limit without opening it', async () => {
    const parsed = await parseSpreadsheet(new Uint8Array(10 * 1024 * 1024 + 1));
    expect(messages(parsed)).toEqual([expect.stringContaining('at most 10 MB')]);
  });

  it('hands over no more rows than fit, as GraphQL variables, in the graph’s request body limit', async () => {
    expect(BODY_LIMIT).toBe('1mb');
    expect(IMPORT_LIMITS.maxPayloadBytes).toBeLessThan(1024 * 1024 - 50_000);
    const narrative = 'Örnek: uzun açıklama (example). '.repeat(10);
    const line = `RAPOR,A1.H1.E2,2025-Q3,IN_PROGRESS,5,${narrative},,,,,`;
    const parsed = await parseSpreadsheet(
      csv(`${HEADER_TR}\n${Array.from({ length: 3_000 }, () => line).join('\n')}\n`),
    );
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([expect.stringContaining('too long for one import')]);
  });

  it('tells where a CSV breaks', async () => {
    const parsed = await parseSpreadsheet(csv(`${HEADER_TR}\nRAPOR,A1.H1.E2,2025-Q3,IN_PROGRESS,5,"unterminated\n`));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems[0]?.message).toContain('CSV okunamadı');
  });
});
