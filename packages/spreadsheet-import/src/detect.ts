/** What a file's first bytes say it is, whatever its name claims. */
export type FileKind = 'xlsx' | 'csv' | 'xls' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound document of Excel 97–2003 (.xls). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Documents that are plain enough to pass for text at their start. */
const NOT_SPREADSHEETS = [
  [0x25, 0x50, 0x44, 0x46] /* %PDF */,
  [0x7b, 0x5c, 0x72, 0x74, 0x66] /* {\rtf */,
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * An XLSX is a ZIP (checked again when it is opened); a CSV is UTF-8 text with no NUL byte. A PDF,
 * an image or an executable is neither.
 */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2)) return 'xls';
  if (NOT_SPREADSHEETS.some((magic) => startsWith(bytes, magic)) || bytes.includes(0)) return 'other';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'csv';
  } catch {
    return 'other';
  }
}
