import { IMPORT_LIMITS } from '@cocuk-koruma/domain/progress/import/limits';
import { say, type ImportProblem, type ImportRow } from '@cocuk-koruma/domain/progress/import/rows';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnForHeader, COLUMNS, kindOf, statusOf, type Column, type ColumnKey } from './columns.js';
import { detectFileKind } from './detect.js';

export interface ParsedSpreadsheet {
  format: 'xlsx' | 'csv' | null;
  rows: ImportRow[];
  /** Line-numbered problems; while there is any, the rows are not to be sent. */
  problems: ImportProblem[];
}

export interface ParseOptions {
  /** Called as data rows are read, e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A cell as read: text, a number, a date, or nothing. */
type Cell = string | number | Date | null;

const fileProblem = (tr: string, en: string): ParsedSpreadsheet => ({
  format: null,
  rows: [],
  problems: [{ line: null, message: say(tr, en) }],
});

const tooManyRows = (count: number) =>
  say(
    `dosyada ${count.toLocaleString('tr-TR')} veri satırı var; bir içe aktarma en çok ${IMPORT_LIMITS.maxRows.toLocaleString('tr-TR')} satır olabilir, dosyayı bölün`,
    `the file has ${count.toLocaleString('en-GB')} data rows; an import may have at most ${IMPORT_LIMITS.maxRows.toLocaleString('en-GB')}, split the file`,
  );

/** exceljs's cell values (rich text, formulas, hyperlinks) as plain values. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Cell[][] | ParsedSpreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return fileProblem(
      'dosya açılamadı: bir XLSX çalışma kitabı değil',
      'the file could not be opened: it is not an XLSX workbook',
    );
  }
  // The template's data sheet, by either name; else the first sheet.
  const sheet =
    workbook.worksheets.find((s) => ['veri', 'data'].includes(s.name.toLocaleLowerCase('tr-TR'))) ??
    workbook.worksheets[0];
  if (!sheet) return fileProblem('çalışma kitabında sayfa yok', 'the workbook has no sheet');
  if (sheet.actualRowCount - 1 > IMPORT_LIMITS.maxRows) {
    return { format: 'xlsx', rows: [], problems: [{ line: null, message: tooManyRows(sheet.actualRowCount - 1) }] };
  }
  const lines: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    lines[number - 1] = values.map((v) => plainCell(v as ExcelJS.CellValue));
  });
  return Array.from(lines, (line) => line ?? []);
}

function readCsv(bytes: Uint8Array): Cell[][] | ParsedSpreadsheet {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel in a Turkish locale saves CSV with semicolons, since the comma is the decimal mark.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // One past the limit is enough to know the file is too long.
      to_line: IMPORT_LIMITS.maxRows + 2,
    }) as string[][];
    if (records.length > IMPORT_LIMITS.maxRows + 1) {
      const count = text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
      return { format: 'csv', rows: [], problems: [{ line: null, message: tooManyRows(count) }] };
    }
    return records.map((record) => record.map((cell) => (cell.trim() === '' ? null : cell)));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return {
      format: 'csv',
      rows: [],
      problems: [
        {
          line,
          message: say(
            'CSV okunamadı (kapanmayan tırnak ya da bozuk satır)',
            `the CSV could not be read (${error instanceof Error ? error.message : 'malformed line'})`,
          ),
        },
      ],
    };
  }
}

const isEmpty = (cells: readonly Cell[]) => cells.every((c) => c === null || String(c).trim() === '');

/** Numbers as a Turkish spreadsheet writes them ("12,5") or as a machine does ("12.5"). */
function numberOf(cell: Cell): number | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return undefined;
  const text = cell.trim().replace(/\s/g, '');
  const normalised = text.includes(',') ? text.replace(/\./g, '').replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function textOf(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDate(cell);
  const text = String(cell).trim();
  return text === '' ? null : text;
}

function headerProblems(header: readonly Cell[]): { columns: (Column | null)[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const seen = new Set<ColumnKey>();
  const columns = header.map((cell) => {
    const name = textOf(cell);
    if (name === null) return null;
    const column = columnForHeader(name);
    if (!column) {
      problems.push({
        line: 1,
        message: say(`"${name}" şablonun sütunlarından biri değil`, `"${name}" is not one of the template's columns`),
      });
      return null;
    }
    if (seen.has(column.key)) {
      problems.push({ line: 1, message: say(`"${name}" sütunu iki kez var`, `the column "${name}" appears twice`) });
      return null;
    }
    seen.add(column.key);
    return column;
  });
  for (const column of COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      problems.push({
        line: 1,
        message: say(`"${column.tr}" sütunu eksik`, `the column "${column.en}" is missing`),
      });
    }
  }
  if (problems.length > 0) {
    const expected = COLUMNS.map((c) => c.tr).join(', ');
    problems.push({
      line: 1,
      message: say(`şablonun sütunları: ${expected}`, `the template's columns: ${COLUMNS.map((c) => c.en).join(', ')}`),
    });
  }
  return { columns, problems };
}

function rowOf(line: number, cells: readonly Cell[], columns: readonly (Column | null)[], problems: ImportProblem[]) {
  const byKey = new Map<ColumnKey, Cell>();
  columns.forEach((column, i) => {
    if (column) byKey.set(column.key, cells[i] ?? null);
  });
  const text = (key: ColumnKey) => textOf(byKey.get(key) ?? null);
  const problem = (tr: string, en: string) => problems.push({ line, message: say(tr, en) });
  const number = (key: ColumnKey, tr: string, en: string) => {
    const value = numberOf(byKey.get(key) ?? null);
    if (value === undefined) problem(`${tr} bir sayı olmalı`, `${en} must be a number`);
    return value ?? null;
  };

  const kindText = text('kind');
  const kind = kindText === null ? undefined : kindOf(kindText);
  if (!kind) {
    problem(
      `kayıt türü RAPOR ya da ÖLÇÜM olmalı, "${kindText ?? ''}" değil`,
      `the record type must be REPORT or MEASUREMENT, not "${kindText ?? ''}"`,
    );
    return null;
  }
  const actionCode = text('actionCode');
  const period = text('period');
  if (!actionCode) problem('eylem kodu boş', 'the action code is empty');
  if (!period) problem('dönem boş', 'the period is empty');
  const row: ImportRow = { line, kind, actionCode: actionCode ?? '', period: (period ?? '').toUpperCase() };
  if (kind === 'REPORT') {
    const status = text('status');
    row.status = status === null ? null : statusOf(status);
    row.percentComplete = number('percentComplete', 'tamamlanma yüzdesi', 'the percent complete');
    row.narrative = text('narrative');
  } else {
    row.indicatorCode = text('indicatorCode');
    const plate = byKey.get('provincePlateCode') ?? null;
    // A spreadsheet turns "06" into the number 6.
    row.provincePlateCode =
      typeof plate === 'number' && Number.isInteger(plate) ? String(plate).padStart(2, '0') : textOf(plate);
    row.value = number('value', 'değer', 'the value');
    row.asOf = text('asOf');
    row.source = text('source');
  }
  return row;
}

/**
 * Reads an import file (XLSX or CSV, told by its bytes, not its name) into rows for the graph's
 * `previewImport`, with every problem the file itself shows, by line: not a spreadsheet, too large,
 * too many rows, wrong columns, a cell that is not a number. The rules of the plan (codes,
 * periods, ranges) are the graph's to check, in the preview.
 */
export async function parseSpreadsheet(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedSpreadsheet> {
  if (bytes.length === 0) return fileProblem('dosya boş', 'the file is empty');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return fileProblem(
      `dosya ${Math.ceil(bytes.length / 1048576)} MB; en çok ${IMPORT_LIMITS.maxFileBytes / 1048576} MB olabilir`,
      `the file is ${Math.ceil(bytes.length / 1048576)} MB; at most ${IMPORT_LIMITS.maxFileBytes / 1048576} MB is accepted`,
    );
  }
  const kind = detectFileKind(bytes);
  if (kind === 'xls') {
    return fileProblem(
      'eski Excel biçimi (.xls) okunmaz; dosyayı .xlsx ya da .csv olarak kaydedin',
      'the old Excel format (.xls) is not read; save the file as .xlsx or .csv',
    );
  }
  if (kind === 'other') {
    return fileProblem('dosya bir hesap tablosu değil (XLSX ya da CSV)', 'the file is not a spreadsheet (XLSX or CSV)');
  }
  const read = kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (!Array.isArray(read)) return read;
  const [header = [], ...data] = read;
  const { columns, problems } = headerProblems(header);
  if (problems.length > 0) return { format: kind, rows: [], problems };

  const rows: ImportRow[] = [];
  const lines = data.length;
  data.forEach((cells, i) => {
    if (!isEmpty(cells)) {
      const row = rowOf(i + 2, cells, columns, problems);
      if (row) rows.push(row);
    }
    if (i % 250 === 0 || i === lines - 1) options.onProgress?.(i + 1, lines);
  });
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ line: null, message: say('dosyada veri satırı yok', 'the file has no data rows') });
  }
  const payload = Buffer.byteLength(JSON.stringify(rows));
  if (problems.length === 0 && payload > IMPORT_LIMITS.maxPayloadBytes) {
    problems.push({
      line: null,
      message: say(
        'satırlar bir içe aktarma için fazla uzun (açıklamalar); dosyayı bölün',
        'the rows are too long for one import (the narratives); split the file',
      ),
    });
  }
  return { format: kind, rows: problems.length > 0 ? [] : rows, problems };
}
