import ExcelJS from 'exceljs';
import type { BoardPack } from './board-pack-query.js';
import { LABELS, neutraliseFormula, type Lang } from './i18n.js';
import { boardPackSections, type Cell } from './sections.js';

const MIN_WIDTH = 8;
/** Past this, a column wraps its text instead of pushing the next one off screen. */
const MAX_WIDTH = 60;

function displayLength(value: Cell): number {
  return value === null ? 0 : String(value).length;
}

/**
 * One worksheet per section, the header row bold and frozen with a filter on it. Dates stay
 * ISO text (`YYYY-MM-DD`): as Excel dates they would shift with the reader's time zone.
 */
export async function renderBoardPackXlsx(pack: BoardPack, lang: Lang = 'tr'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cocuk-koruma gateway';
  // The workbook's own timestamps say when the figures were drawn, not when the file was built.
  workbook.created = new Date(pack.generatedAt);
  workbook.modified = workbook.created;
  workbook.title = `${LABELS[lang].boardPack} — ${pack.meetingTitle}`;

  for (const section of boardPackSections(pack, lang)) {
    const sheet = workbook.addWorksheet(section.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = section.columns.map(({ key, header }) => {
      const longest = Math.max(header.length, ...section.rows.map((row) => displayLength(row[key] ?? null)));
      return { key, header, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) };
    });
    for (const row of section.rows) {
      // exceljs writes a string as text, never as a formula, but the spreadsheet a reader copies
      // it into, or saves it to CSV from, would not: the same neutralising as the CSV.
      sheet.addRow(Object.fromEntries(section.columns.map(({ key }) => [key, neutraliseFormula(row[key] ?? null)])));
    }
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: section.columns.length } };
    sheet.columns.forEach((column) => {
      if ((column.width ?? 0) >= MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
