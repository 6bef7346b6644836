import type { ImportRow } from '@cocuk-koruma/domain/progress/import/rows';
import ExcelJS from 'exceljs';
import { COLUMNS, type ColumnKey } from './columns.js';

export type TemplateLang = 'tr' | 'en';

const header = (lang: TemplateLang) => COLUMNS.map((c) => (lang === 'tr' ? c.tr : c.en));

/** A spreadsheet cell that starts like a formula is written as text, against formula injection. */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const KIND_WORDS: Record<TemplateLang, Record<ImportRow['kind'], string>> = {
  tr: { REPORT: 'RAPOR', MEASUREMENT: 'ÖLÇÜM' },
  en: { REPORT: 'REPORT', MEASUREMENT: 'MEASUREMENT' },
};

function cellsOf(row: Omit<ImportRow, 'line'>, lang: TemplateLang): (string | number | null)[] {
  return COLUMNS.map((c) => {
    const value = c.key === 'kind' ? KIND_WORDS[lang][row.kind] : row[c.key as ColumnKey];
    if (value === undefined || value === null) return null;
    return typeof value === 'number' ? value : safe(String(value));
  });
}

/**
 * The import workbook: a "Veri" (data) sheet with the columns and any rows given, and an
 * "Açıklama" (explanation) sheet saying what each column takes, in Turkish and English.
 */
export async function templateXlsx(
  lang: TemplateLang = 'tr',
  rows: readonly Omit<ImportRow, 'line'>[] = [],
  note?: string,
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Çocuk koruma koordinasyon portalı';
  const data = workbook.addWorksheet('Veri', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(header(lang)).font = { bold: true };
  for (const row of rows) data.addRow(cellsOf(row, lang));
  data.columns.forEach((column, i) => {
    column.width = COLUMNS[i]?.key === 'narrative' ? 50 : 18;
    // Plate codes and periods stay text, so "06" keeps its zero.
    if (['provincePlateCode', 'period', 'actionCode', 'indicatorCode'].includes(COLUMNS[i]?.key ?? '')) {
      column.numFmt = '@';
    }
  });
  const help = workbook.addWorksheet('Açıklama');
  help.addRow(['Sütun', 'Column', 'Satır türü / Row type', 'Açıklama', 'Explanation']).font = { bold: true };
  for (const c of COLUMNS) {
    const used = c.for === 'both' ? 'RAPOR, ÖLÇÜM' : c.for === 'REPORT' ? 'RAPOR / REPORT' : 'ÖLÇÜM / MEASUREMENT';
    help.addRow([c.tr, c.en, used, c.helpTr, c.helpEn]);
  }
  if (note) help.addRow([]).getCell(1).value = note;
  help.columns.forEach((column) => (column.width = 30));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same columns as CSV (UTF-8 with a byte-order mark, which Excel needs to read Turkish letters). */
export function templateCsv(lang: TemplateLang = 'tr'): string {
  return `\uFEFF${header(lang).join(',')}\r\n`;
}

const NOTE =
  'Örnek veri: gerçek bir rapor değildir; yalnızca toplam sayılar, hiçbir çocuğa ait kayıt yok. / Example data: not a real report; aggregates only, no record of any child.';

/** Example rows for the Ministry of Justice's actions in the plan, labelled as examples. */
export const SAMPLE_ROWS: readonly Omit<ImportRow, 'line'>[] = [
  {
    kind: 'REPORT',
    actionCode: 'A1.H1.E2',
    period: '2025-Q3',
    status: 'IN_PROGRESS',
    percentComplete: 80,
    narrative: 'Örnek: adli görüşme odaları yeni adliyelerde hizmete girdi. (example)',
  },
  {
    kind: 'REPORT',
    actionCode: 'A4.H2.E3',
    period: '2025-Q3',
    status: 'AT_RISK',
    percentComplete: 40,
    narrative: 'Örnek: eğitim takvimi ertelendi. (example)',
  },
  { kind: 'MEASUREMENT', actionCode: 'A1.H1.E2', indicatorCode: 'A1.H1.E2.G1', period: '2025-Q3', value: 92 },
  {
    kind: 'MEASUREMENT',
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2025-Q3',
    provincePlateCode: '06',
    value: 7,
  },
  {
    kind: 'MEASUREMENT',
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2025-Q3',
    provincePlateCode: '34',
    value: 12,
  },
  {
    kind: 'MEASUREMENT',
    actionCode: 'A4.H2.E3',
    indicatorCode: 'A4.H2.E3.G1',
    period: '2025-Q4',
    value: 64.5,
    asOf: '2025-12-31',
    source: 'Örnek kaynak (example source)',
  },
];

/** The sample workbook (`examples/ornek-adalet.xlsx`): the template with SAMPLE_ROWS. */
export const sampleWorkbook = () => templateXlsx('tr', SAMPLE_ROWS, NOTE);
