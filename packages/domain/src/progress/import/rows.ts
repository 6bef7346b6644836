/**
 * One row of a spreadsheet import as the parser hands it to the graph (`ImportRowInput`): a
 * progress report of an action for a period, or one indicator value of an action for a period and
 * province. `line` is the row's line in the file (the header is line 1), so that every refusal
 * names it.
 */
export type ImportRowKind = 'REPORT' | 'MEASUREMENT';

export interface ImportRow {
  line: number;
  kind: ImportRowKind;
  actionCode: string;
  period: string;
  /** REPORT: one of ActionStatus. */
  status?: string | null;
  percentComplete?: number | null;
  narrative?: string | null;
  /** MEASUREMENT. */
  indicatorCode?: string | null;
  /** Two-digit plate code; null or absent for the national figure. */
  provincePlateCode?: string | null;
  value?: number | null;
  asOf?: string | null;
  source?: string | null;
}

/** A refusal of the whole import, or of one line of it (`line` null for the file as a whole). */
export interface ImportProblem {
  line: number | null;
  message: string;
}

/** Turkish first, English second, as every import message is written. */
export const say = (tr: string, en: string): string => `${tr} / ${en}`;
