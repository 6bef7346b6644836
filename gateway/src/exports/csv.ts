import { stringify } from 'csv-stringify/sync';
import type { BoardPack } from './board-pack-query.js';
import { LABELS, neutraliseFormula, type Lang } from './i18n.js';
import { boardPackSections, type Cell } from './sections.js';

/**
 * One line item per row: the section, `key`, `label`, then every value column any section has,
 * left empty where a section has no such value. One flat table (rather than one block per
 * section) is what filters and pivot tables in a spreadsheet can work on. Headings, section names
 * and enum values are in the reader's language; dates stay ISO (`YYYY-MM-DD`) and numbers keep a
 * dot decimal, so the file reads the same into any program whatever the locale.
 */
export function renderBoardPackCsv(pack: BoardPack, lang: Lang = 'tr'): string {
  const labels = LABELS[lang];
  const sections = boardPackSections(pack, lang);
  const columns = ['section'];
  for (const section of sections) {
    for (const { key } of section.columns) if (!columns.includes(key)) columns.push(key);
  }
  // `key` and `label` head different things per section; the flat table names them generically.
  const header = columns.map((key) => labels.columns[key] ?? key);
  const records = sections.flatMap((section) =>
    section.rows.map((row) =>
      columns.map((column): Cell => neutraliseFormula(column === 'section' ? section.title : (row[column] ?? null))),
    ),
  );
  return stringify([header, ...records], {
    // Without a BOM, Excel reads the file as the ANSI code page and mangles ç, ğ, ı, İ, ş.
    bom: true,
    // RFC 4180 ends records with CRLF.
    record_delimiter: 'windows',
    // A value holding the delimiter, a quote or a line break is quoted (csv-stringify's rule).
    quoted_match: /[\r\n]/,
    // The default writes true as "1" and false as "", which reads as "unknown" for onTrack.
    cast: { boolean: (value) => String(value) },
  });
}
