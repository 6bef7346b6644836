import type { ActionKey, ProgressContext } from './resolvers.js';
import { visibleMeasurements } from './resolvers.js';
import type { MeasurementView } from './suppression.js';

export type IndicatorDirection = 'INCREASE' | 'DECREASE' | 'MAINTAIN';
export type IndicatorTrend = 'IMPROVING' | 'WORSENING' | 'STABLE' | 'UNKNOWN';

/** An indicator as the adopted plan defines it (the plan package's indicators have this shape). */
export interface PlannedIndicator {
  code: string;
  nameTr: string;
  unit: string;
  baseline: number | null;
  target: number;
  direction: IndicatorDirection;
}

/** What the plan says about an action that indicator progress needs. */
export interface PlannedAction {
  code: string;
  startDate: string;
  dueDate: string;
  indicators: readonly PlannedIndicator[];
}

export interface IndicatorProgressModel {
  indicatorCode: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number;
  direction: IndicatorDirection;
  latestPeriod: string | null;
  latest: MeasurementView[];
  progressToTarget: number | null;
  trend: IndicatorTrend;
  onTrack: boolean | null;
}

/** The last day of a quarter such as 2026-Q3, as a UTC midnight. */
export function quarterEnd(period: string): Date {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) throw new Error(`"${period}" is not a quarter such as 2026-Q3.`);
  // Day 0 of the month after the quarter is the quarter's last day.
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) * 3, 0));
}

function verdict(direction: IndicatorDirection, target: number, previous: number, latest: number): IndicatorTrend {
  const change =
    direction === 'MAINTAIN'
      ? Math.abs(previous - target) - Math.abs(latest - target)
      : (latest - previous) * (direction === 'INCREASE' ? 1 : -1);
  return change > 0 ? 'IMPROVING' : change < 0 ? 'WORSENING' : 'STABLE';
}

function reached(direction: IndicatorDirection, target: number, value: number): boolean {
  if (direction === 'INCREASE') return value >= target;
  if (direction === 'DECREASE') return value <= target;
  return value === target;
}

/**
 * One indicator against its target, from its national values (province values do not count: the
 * target is national). Sources that disagree are never averaged: the latest period lists each,
 * progress is not computed from them, and the trend is known only when every pairing of the last
 * two periods' values points the same way.
 */
export function indicatorProgress(
  action: Pick<PlannedAction, 'startDate' | 'dueDate'>,
  indicator: PlannedIndicator,
  measurements: readonly MeasurementView[],
): IndicatorProgressModel {
  const national = measurements.filter(
    (m): m is MeasurementView & { value: number } =>
      m.indicatorCode === indicator.code && m.provincePlateCode === null && m.value !== null,
  );
  const periods = [...new Set(national.map((m) => m.period))].sort();
  const latestPeriod = periods.at(-1) ?? null;
  const valuesOf = (period: string | undefined) => national.filter((m) => m.period === period).map((m) => m.value);
  const latest = national.filter((m) => m.period === latestPeriod).sort((a, b) => a.source.localeCompare(b.source));
  const latestValues = [...new Set(latest.map((m) => m.value))];
  const agreed = latestValues.length === 1 ? (latestValues[0] as number) : null;

  const { baseline, target, direction } = indicator;
  const progressToTarget =
    agreed !== null && baseline !== null && target !== baseline ? (agreed - baseline) / (target - baseline) : null;

  let trend: IndicatorTrend = 'UNKNOWN';
  if (periods.length >= 2) {
    const previous = valuesOf(periods.at(-2));
    const verdicts = new Set(previous.flatMap((p) => latestValues.map((l) => verdict(direction, target, p, l))));
    if (verdicts.size === 1) trend = [...verdicts][0] as IndicatorTrend;
  }

  let onTrack: boolean | null = null;
  if (agreed !== null && latestPeriod !== null) {
    const start = Date.parse(action.startDate);
    const due = Date.parse(action.dueDate);
    const at = quarterEnd(latestPeriod).getTime();
    if (reached(direction, target, agreed)) onTrack = true;
    else if (at >= due) onTrack = false;
    else if (progressToTarget !== null) {
      // The share of the action's time spent by the end of the latest period: progress should keep pace.
      const elapsed = due > start ? Math.min(1, Math.max(0, (at - start) / (due - start))) : 1;
      onTrack = progressToTarget >= elapsed;
    }
  }

  return {
    indicatorCode: indicator.code,
    name: indicator.nameTr,
    unit: indicator.unit,
    baseline,
    target,
    direction,
    latestPeriod,
    latest,
    progressToTarget,
    trend,
    onTrack,
  };
}

/**
 * `indicatorProgress` of an action type. Definitions come from the adopted plan, which every
 * subgraph imports; the values from this agency's measurements (one batched query for all actions).
 */
export function indicatorProgressResolvers(actions: readonly PlannedAction[]) {
  const byCode = new Map(actions.map((a) => [a.code, a]));
  return {
    indicatorProgress: async (
      action: ActionKey,
      _args: unknown,
      ctx: ProgressContext,
    ): Promise<IndicatorProgressModel[]> => {
      const planned = byCode.get(action.code);
      if (!planned) return [];
      const measurements = await visibleMeasurements(action.code, ctx);
      return planned.indicators.map((indicator) => indicatorProgress(planned, indicator, measurements));
    },
  };
}
