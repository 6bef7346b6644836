import { createHash } from 'node:crypto';
import { agencyByCode, type AgencyCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import type { MeasuredAction, MeasuredIndicator } from '../measurements.js';
import { checkPeriod, type ReportingPeriods } from '../periods.js';
import { actionStatus, type IndicatorMeasurementRow, type ProgressReportRow } from '../tables.js';
import { say, type ImportProblem, type ImportRow, type ImportRowKind } from './rows.js';

export type ImportOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSE';

/** What the agency's database holds for the rows' natural keys. */
export interface ImportState {
  /** The newest revision of each (action, period), by `reportKey`. */
  reports: ReadonlyMap<string, ProgressReportRow>;
  /** Each measured cell, by `cellKey`. */
  cells: ReadonlyMap<string, IndicatorMeasurementRow>;
}

export interface ReportValues {
  status: ProgressReportRow['status'];
  percentComplete: number;
  narrative: string;
}

export interface MeasurementCell {
  actionCode: string;
  indicatorCode: string;
  period: string;
  provincePlateCode: string | null;
  source: string;
  value: number;
  asOf: string | null;
}

interface Planned {
  line: number;
  kind: ImportRowKind;
  /** The row's natural key, as the preview shows it. */
  key: string;
  reason: string | null;
}
type Accepted = Exclude<ImportOutcome, 'REFUSE'>;
export interface PlannedReport extends Planned {
  kind: 'REPORT';
  outcome: Accepted;
  report: { actionCode: string; period: string; values: ReportValues; current?: ProgressReportRow };
}
export interface PlannedCell extends Planned {
  kind: 'MEASUREMENT';
  outcome: Accepted;
  cell: MeasurementCell;
  current?: IndicatorMeasurementRow;
}
export interface RefusedRow extends Planned {
  outcome: 'REFUSE';
  reason: string;
}
export type PlannedRow = PlannedReport | PlannedCell | RefusedRow;

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<ImportOutcome, number>;
  /**
   * Names the rows and exactly the stored versions they build on: a commit whose digest differs
   * from its preview's is refused, since the data (or the file) changed in between.
   */
  digest: string;
}

export interface PlanContext {
  agency: AgencyCode;
  actions: ReadonlyMap<string, MeasuredAction>;
  periods: ReportingPeriods;
}

export const reportKey = (actionCode: string, period: string) => `${actionCode}/${period}`;
export const cellKey = (c: Pick<MeasurementCell, 'indicatorCode' | 'period' | 'provincePlateCode' | 'source'>) =>
  `${c.indicatorCode}/${c.period}/${c.provincePlateCode ?? 'national'}/${c.source}`;

const PLATE_CODE = /^(0[1-9]|[1-7][0-9]|8[01])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT_UNITS = new Set(['percent']);
const STATUSES = new Set<string>(actionStatus.enumValues);

/** A refusal of one row, carried as an exception so that the first broken rule decides. */
class Refusal extends Error {}
function refuse(tr: string, en: string): never {
  throw new Refusal(say(tr, en));
}

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function ownAction(row: ImportRow, ctx: PlanContext): MeasuredAction {
  const action = ctx.actions.get(row.actionCode);
  if (!action)
    refuse(`${row.actionCode} planda bir eylem kodu değil`, `${row.actionCode} is not an action code of the plan`);
  if (action.responsible !== ctx.agency) {
    const responsible = agencyByCode(action.responsible);
    refuse(
      `${row.actionCode} eyleminden ${responsible.nameTr} sorumludur; yalnızca sorumlu kurum raporlar`,
      `${row.actionCode} belongs to the ${responsible.nameEn}; only the responsible agency reports on it`,
    );
  }
  return action;
}

function period(row: ImportRow, ctx: PlanContext): void {
  try {
    checkPeriod(row.period, ctx.periods, 'period');
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    refuse(
      `dönem planın dönemleri dışında (${ctx.periods.first} ile bu çeyrek arası)`,
      error.message.replace(/^period: /, ''),
    );
  }
}

function reportValues(row: ImportRow): ReportValues {
  if (!row.status || !STATUSES.has(row.status)) {
    refuse(
      `durum şunlardan biri olmalı: ${[...STATUSES].join(', ')}`,
      `status must be one of ${[...STATUSES].join(', ')}`,
    );
  }
  const percent = row.percentComplete;
  if (percent == null || !Number.isInteger(percent) || percent < 0 || percent > 100) {
    refuse(
      'tamamlanma yüzdesi 0 ile 100 arasında bir tam sayı olmalı',
      'percent complete must be a whole number from 0 to 100',
    );
  }
  const narrative = row.narrative?.trim() ?? '';
  if (!narrative) refuse('açıklama boş olamaz', 'the narrative must not be empty');
  if (narrative.length > 10_000)
    refuse('açıklama en çok 10.000 karakter olabilir', 'the narrative may have at most 10,000 characters');
  return { status: row.status as ReportValues['status'], percentComplete: percent, narrative };
}

function indicatorOf(row: ImportRow, action: MeasuredAction): MeasuredIndicator {
  const indicator = action.indicators.find((i) => i.code === row.indicatorCode);
  if (!indicator) {
    const known = action.indicators.map((i) => i.code).join(', ') || '—';
    refuse(
      `${row.indicatorCode ?? '(boş)'} ${action.code} eyleminin göstergesi değil; göstergeleri: ${known}`,
      `${row.indicatorCode ?? '(empty)'} is not an indicator of ${action.code}; its indicators are ${known}`,
    );
  }
  return indicator;
}

function measurementCell(row: ImportRow, action: MeasuredAction, ctx: PlanContext): MeasurementCell {
  const indicator = indicatorOf(row, action);
  if (indicator.periodType === 'YEAR' && !row.period.endsWith('-Q4')) {
    refuse(
      `${indicator.code} yıllık ölçülür; yılın değerini son çeyreğine (${row.period.slice(0, 4)}-Q4) girin`,
      `${indicator.code} is measured yearly; record a year's figure in its last quarter (${row.period.slice(0, 4)}-Q4)`,
    );
  }
  const plate = row.provincePlateCode?.trim() || null;
  if (plate !== null && !PLATE_CODE.test(plate)) {
    refuse(
      `il plaka kodu 01 ile 81 arasında olmalı (ulusal değer için boş)`,
      `the province must be a plate code from 01 to 81 (empty for national)`,
    );
  }
  const value = row.value;
  if (value == null || !Number.isFinite(value)) refuse('değer bir sayı olmalı', 'the value must be a number');
  if (value < 0) refuse('değer negatif olamaz', 'the value must not be negative');
  if (PERCENT_UNITS.has(indicator.unit) && value > 100) {
    refuse(
      `${indicator.code} bir yüzdedir; değer 0 ile 100 arasında olmalı`,
      `${indicator.code} is a percentage; the value must be from 0 to 100`,
    );
  }
  const asOf = row.asOf?.trim() || null;
  if (asOf !== null && !validDate(asOf))
    refuse('ölçüm tarihi 2026-09-30 gibi bir tarih olmalı', 'the date must be a date such as 2026-09-30');
  if (asOf !== null && asOf > ctx.periods.clock.today())
    refuse(`ölçüm tarihi ${asOf} gelecekte`, `the date ${asOf} is in the future`);
  const source = row.source?.trim() || agencyByCode(ctx.agency).code.toLowerCase();
  if (source.length > 500) refuse('kaynak en çok 500 karakter olabilir', 'the source may have at most 500 characters');
  return {
    actionCode: action.code,
    indicatorCode: indicator.code,
    period: row.period,
    provincePlateCode: plate,
    source,
    value,
    asOf,
  };
}

const sameReport = (current: ProgressReportRow, values: ReportValues) =>
  current.status === values.status &&
  current.percentComplete === values.percentComplete &&
  current.narrative === values.narrative;

function planReport(row: ImportRow, ctx: PlanContext, state: ImportState): PlannedRow {
  const key = reportKey(row.actionCode, row.period);
  const base = { line: row.line, kind: 'REPORT' as const, key };
  ownAction(row, ctx);
  period(row, ctx);
  const values = reportValues(row);
  const current = state.reports.get(key);
  const report = { actionCode: row.actionCode, period: row.period, values, current };
  if (!current) return { ...base, outcome: 'CREATE', reason: null, report };
  if (sameReport(current, values)) {
    return {
      ...base,
      outcome: 'UNCHANGED',
      reason: say('kayıtlı raporla aynı', 'the same as the stored report'),
      report,
    };
  }
  if (current.state === 'SUBMITTED') {
    refuse(
      `${key} raporu onay bekliyor; değiştirmek için önce geri çekin`,
      `the ${key} report is awaiting review; withdraw it before changing it`,
    );
  }
  if (current.state === 'APPROVED') {
    refuse(
      `${key} raporu onaylandı ve kilitli; düzeltme başlatın (correctProgressReport)`,
      `the ${key} report is approved and locked; start a correction (correctProgressReport) to revise it`,
    );
  }
  const reason =
    current.state === 'RETURNED'
      ? say('iade edilen rapor taslak olarak güncellenir', 'the returned report is updated as a draft')
      : say(`taslak güncellenir (sürüm ${current.version})`, `the draft is updated (version ${current.version})`);
  return { ...base, outcome: 'UPDATE', reason, report };
}

function planMeasurement(row: ImportRow, ctx: PlanContext, state: ImportState): PlannedRow {
  const action = ownAction(row, ctx);
  period(row, ctx);
  const cell = measurementCell(row, action, ctx);
  const base = { line: row.line, kind: 'MEASUREMENT' as const, key: cellKey(cell), cell };
  const current = state.cells.get(base.key);
  if (!current) return { ...base, outcome: 'CREATE', reason: null };
  if (current.value === cell.value && current.asOf === cell.asOf) {
    return {
      ...base,
      outcome: 'UNCHANGED',
      reason: say('kayıtlı değerle aynı', 'the same as the stored value'),
      current,
    };
  }
  const change = `${current.value} → ${cell.value}`;
  return { ...base, outcome: 'UPDATE', reason: say(change, change), current };
}

/** A refused row is named by as much of its key as it has, since the key itself may be what is wrong. */
function provisionalKey(row: ImportRow): string {
  if (row.kind === 'REPORT') return reportKey(row.actionCode, row.period);
  return `${row.indicatorCode ?? '?'}/${row.period}/${row.provincePlateCode || 'national'}`;
}

function planRow(row: ImportRow, ctx: PlanContext, state: ImportState): PlannedRow {
  try {
    return row.kind === 'MEASUREMENT' ? planMeasurement(row, ctx, state) : planReport(row, ctx, state);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { line: row.line, kind: row.kind, key: provisionalKey(row), outcome: 'REFUSE', reason: error.message };
  }
}

/** Each row's stored base (id and version) and values: what a commit must find unchanged. */
function digestOf(rows: readonly ImportRow[], planned: readonly PlannedRow[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(rows));
  for (const row of planned) {
    const base = row.outcome === 'REFUSE' ? undefined : row.kind === 'REPORT' ? row.report.current : row.current;
    hash.update(JSON.stringify([row.line, row.outcome, row.key, base?.id ?? null, base?.version ?? null]));
  }
  return hash.digest('hex');
}

/**
 * What an import would do with each row, against what the agency's database holds: create,
 * update, leave unchanged (already stored as given), or refuse, with the reason. Matching is on
 * the natural keys: action and period for a report; indicator, period, province and source for a
 * measurement. A key given twice in one file is refused at its second line.
 */
export function planImport(rows: readonly ImportRow[], ctx: PlanContext, state: ImportState): ImportPlan {
  const seen = new Map<string, number>();
  const planned = rows.map((row): PlannedRow => {
    const result = planRow(row, ctx, state);
    const earlier = seen.get(`${result.kind}:${result.key}`);
    if (earlier !== undefined && result.outcome !== 'REFUSE') {
      return {
        line: result.line,
        kind: result.kind,
        key: result.key,
        outcome: 'REFUSE',
        reason: say(`aynı kayıt ${earlier}. satırda da var`, `the same record is on line ${earlier} too`),
      };
    }
    if (result.outcome !== 'REFUSE') seen.set(`${result.kind}:${result.key}`, result.line);
    return result;
  });
  const counts: Record<ImportOutcome, number> = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, REFUSE: 0 };
  for (const row of planned) counts[row.outcome] += 1;
  return { rows: planned, counts, digest: digestOf(rows, planned) };
}

/** The refused rows as the line-numbered problems a refusal of the whole import lists. */
export const problemsOf = (plan: ImportPlan): ImportProblem[] =>
  plan.rows.filter((r): r is RefusedRow => r.outcome === 'REFUSE').map((r) => ({ line: r.line, message: r.reason }));

export const isReport = (row: PlannedRow): row is PlannedReport => row.kind === 'REPORT' && row.outcome !== 'REFUSE';
export const isCell = (row: PlannedRow): row is PlannedCell => row.kind === 'MEASUREMENT' && row.outcome !== 'REFUSE';
