import type { ImportRow } from '@cocuk-koruma/domain/progress/import/rows';

export type ColumnKey = Exclude<keyof ImportRow, 'line'>;

export interface Column {
  key: ColumnKey;
  tr: string;
  en: string;
  /** Which rows use it. */
  for: 'both' | 'REPORT' | 'MEASUREMENT';
  required: boolean;
  /** What goes in it, for the template's explanation sheet. */
  helpTr: string;
  helpEn: string;
}

/**
 * The template's columns, in order. One table holds both kinds of row, told apart by the first
 * column, so that a CSV (one sheet) carries a quarter's reports and values together. Headers are
 * Turkish; the English ones are accepted too, in any case and with or without Turkish letters.
 */
export const COLUMNS: readonly Column[] = [
  {
    key: 'kind',
    tr: 'Kayıt türü',
    en: 'Record type',
    for: 'both',
    required: true,
    helpTr: 'RAPOR (ilerleme raporu) ya da ÖLÇÜM (gösterge değeri)',
    helpEn: 'REPORT (progress report) or MEASUREMENT (indicator value)',
  },
  {
    key: 'actionCode',
    tr: 'Eylem kodu',
    en: 'Action code',
    for: 'both',
    required: true,
    helpTr: 'ör. A1.H1.E2',
    helpEn: 'e.g. A1.H1.E2',
  },
  {
    key: 'period',
    tr: 'Dönem',
    en: 'Period',
    for: 'both',
    required: true,
    helpTr: 'çeyrek, ör. 2026-Q3; yıllık göstergeler yılın son çeyreğine (2025-Q4)',
    helpEn: 'a quarter, e.g. 2026-Q3; yearly indicators in the year’s last quarter (2025-Q4)',
  },
  {
    key: 'status',
    tr: 'Durum',
    en: 'Status',
    for: 'REPORT',
    required: false,
    helpTr: 'Başlanmadı, Sürüyor, Risk altında, Gecikmede, Tamamlandı (ya da NOT_STARTED … COMPLETED)',
    helpEn: 'NOT_STARTED, IN_PROGRESS, AT_RISK, DELAYED, COMPLETED (or the Turkish words)',
  },
  {
    key: 'percentComplete',
    tr: 'Tamamlanma yüzdesi',
    en: 'Percent complete',
    for: 'REPORT',
    required: false,
    helpTr: '0 ile 100 arasında tam sayı',
    helpEn: 'a whole number from 0 to 100',
  },
  {
    key: 'narrative',
    tr: 'Açıklama',
    en: 'Narrative',
    for: 'REPORT',
    required: false,
    helpTr: 'boş olamaz',
    helpEn: 'not empty',
  },
  {
    key: 'indicatorCode',
    tr: 'Gösterge kodu',
    en: 'Indicator code',
    for: 'MEASUREMENT',
    required: false,
    helpTr: 'eylemin göstergelerinden biri, ör. A1.H1.E2.G1',
    helpEn: 'one of the action’s indicators, e.g. A1.H1.E2.G1',
  },
  {
    key: 'provincePlateCode',
    tr: 'İl plaka kodu',
    en: 'Province plate code',
    for: 'MEASUREMENT',
    required: false,
    helpTr: '01 ile 81 arası; ulusal değer için boş',
    helpEn: '01 to 81; empty for the national figure',
  },
  {
    key: 'value',
    tr: 'Değer',
    en: 'Value',
    for: 'MEASUREMENT',
    required: false,
    helpTr: 'negatif olmayan sayı; yüzde göstergelerde en çok 100',
    helpEn: 'a number, not negative; at most 100 for a percentage',
  },
  {
    key: 'asOf',
    tr: 'Ölçüm tarihi',
    en: 'As of',
    for: 'MEASUREMENT',
    required: false,
    helpTr: 'isteğe bağlı, ör. 2026-09-30',
    helpEn: 'optional, e.g. 2026-09-30',
  },
  {
    key: 'source',
    tr: 'Kaynak',
    en: 'Source',
    for: 'MEASUREMENT',
    required: false,
    helpTr: 'isteğe bağlı; boşsa kurumun kendi kayıtları',
    helpEn: 'optional; empty for the agency’s own records',
  },
];

/** Case, spaces, punctuation and Turkish letters aside, so "ÖLÇÜM", "olcum" and "Ölçüm" match. */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('tr-TR')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .replace(/ğ/g, 'g')
    .replace(/ü/g, 'u')
    .replace(/ö/g, 'o')
    .replace(/ç/g, 'c')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

const BY_HEADER = new Map<string, Column>(
  COLUMNS.flatMap((c) => [fold(c.tr), fold(c.en), fold(c.key)].map((name) => [name, c] as const)),
);

export const columnForHeader = (header: string): Column | undefined => BY_HEADER.get(fold(header));

const KINDS = new Map<string, ImportRow['kind']>([
  ['rapor', 'REPORT'],
  ['report', 'REPORT'],
  ['olcum', 'MEASUREMENT'],
  ['measurement', 'MEASUREMENT'],
]);
export const kindOf = (text: string): ImportRow['kind'] | undefined => KINDS.get(fold(text));

const STATUSES = new Map<string, string>([
  ['baslanmadi', 'NOT_STARTED'],
  ['suruyor', 'IN_PROGRESS'],
  ['riskaltinda', 'AT_RISK'],
  ['gecikmede', 'DELAYED'],
  ['tamamlandi', 'COMPLETED'],
  ...['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'].map((s) => [fold(s), s] as [string, string]),
]);
/** The ActionStatus a cell names, or the cell itself (for the graph to refuse by line). */
export const statusOf = (text: string): string => STATUSES.get(fold(text)) ?? text;
