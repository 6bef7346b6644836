import { stringify } from 'csv-stringify/sync';
import type { BoardPack } from './board-pack-query.js';
import { boardPackSections, type Cell } from './sections.js';

/**
 * One line item per row: `section`, `key`, `label`, then every value column any section has,
 * left empty where a section has no such value. One flat table (rather than one block per
 * section) is what filters and pivot tables in a spreadsheet can work on.
 */
export function renderBoardPackCsv(pack: BoardPack): string {
  const sections = boardPackSections(pack);
  const columns = ['section'];
  for (const section of sections) {
    for (const { key } of section.columns) if (!columns.includes(key)) columns.push(key);
  }
  const records = sections.flatMap((section) =>
    section.rows.map((row) =>
      columns.map((column): Cell => (column === 'section' ? section.id : (row[column] ?? null))),
    ),
  );
  return stringify([columns, ...records], {
    // Without a BOM, Excel reads the file as the ANSI code page and mangles ç, ğ, ı, İ, ş.
    bom: true,
    // RFC 4180 ends records with CRLF.
    record_delimiter: 'windows',
    // The default writes true as "1" and false as "", which reads as "unknown" for onTrack.
    cast: { boolean: (value) => String(value) },
  });
}
