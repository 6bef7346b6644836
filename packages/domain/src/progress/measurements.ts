import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  agencyByCode,
  type AgencyCode,
  assertCanWriteAgencyData,
  badUserInput,
  conflict,
  forbidden,
  notFound,
  parseArgs,
} from '@cocuk-koruma/platform';
import { versionedWrite, type Transaction, type Written } from '../audit/versioned-write.js';
import type { PlannedIndicator } from './indicator-progress.js';
import { checkPeriod, PERIOD_PATTERN } from './periods.js';
import type { ProgressContext } from './resolvers.js';
import type { MeasurementView } from './suppression.js';
import { indicatorMeasurements, type IndicatorMeasurementRow, type ProgressSchema } from './tables.js';

/** An indicator as the plan defines it, with how often it is measured. */
export interface MeasuredIndicator extends PlannedIndicator {
  periodType: 'QUARTER' | 'YEAR';
}

/** What the plan says about an action that measurement entry needs (the plan package's actions fit). */
export interface MeasuredAction {
  code: string;
  responsible: AgencyCode;
  indicators: readonly MeasuredIndicator[];
}

/** The 81 provinces' plate codes, 01 to 81. */
export const PLATE_CODE = /^(0[1-9]|[1-7][0-9]|8[01])$/;
/** Units whose values are shares of a whole. */
const PERCENT_UNITS = new Set(['percent']);

const measurementInput = z.object({
  actionCode: z.string().trim().min(1).max(64),
  indicatorCode: z.string().trim().min(1).max(64),
  period: z.string().regex(PERIOD_PATTERN, 'must be a quarter such as 2026-Q3'),
  provincePlateCode: z
    .string()
    .regex(PLATE_CODE, 'must be the two-digit plate code of one of the 81 provinces (01 to 81), or null for national')
    .nullish(),
  value: z
    .number()
    .refine(Number.isFinite, 'must be a finite number')
    .refine((v) => v >= 0, 'must not be negative'),
  asOf: z.iso.date('must be a date such as 2026-09-30').nullish(),
  source: z.string().trim().min(1, 'must not be empty').max(500).nullish(),
  expectedVersion: z.number().int().min(1, 'must be the version you read (1 or more)').nullish(),
});
type MeasurementInput = z.output<typeof measurementInput>;

type Tx = Transaction<ProgressSchema>;

/** One cell as the natural key names it: indicator, period, province (or national) and source. */
const cellName = (cell: Pick<IndicatorMeasurementRow, 'indicatorCode' | 'period' | 'provincePlateCode' | 'source'>) =>
  `${cell.indicatorCode}/${cell.period}/${cell.provincePlateCode ?? 'national'}/${cell.source}`;

function written(row: IndicatorMeasurementRow, previous: number | null): Written<IndicatorMeasurementRow> {
  return { row, entityIds: [row.id, cellName(row)], detail: { value: row.value, previousValue: previous } };
}

/** The indicator's own rules: its period type and its unit's range. */
function checkAgainstIndicator(input: MeasurementInput, indicator: MeasuredIndicator): void {
  // A yearly figure stands for its year, filed in the year's last quarter.
  if (indicator.periodType === 'YEAR' && !input.period.endsWith('-Q4')) {
    throw badUserInput(
      `input.period: ${indicator.code} is measured yearly; record a year's figure in its last quarter (${input.period.slice(0, 4)}-Q4), with asOf for the exact date.`,
      'input.period',
    );
  }
  if (PERCENT_UNITS.has(indicator.unit) && input.value > 100) {
    throw badUserInput(
      `input.value: ${indicator.code} is a percentage; the value must be between 0 and 100.`,
      'input.value',
    );
  }
}

/**
 * Indicator values entered by the responsible agency (`mutation { justice { recordIndicatorMeasurement } }`).
 * A cell is one indicator, period, province (or national) and source: entering it again with the
 * version read changes its value, and different sources stay side by side. Values are not part of
 * the report workflow: a figure often arrives after its quarter's report was approved (yearly
 * figures always do), so an approved period needs nothing more; every change is audited with the
 * value before and after. Readers outside the agency get them through small-number suppression.
 */
export function measurementMutationResolvers(options: { agency: AgencyCode; actions: readonly MeasuredAction[] }) {
  const owner = agencyByCode(options.agency);
  const byCode = new Map(options.actions.map((a) => [a.code, a]));

  function indicatorOf(input: MeasurementInput): MeasuredIndicator {
    const action = byCode.get(input.actionCode);
    if (!action) throw notFound('action', input.actionCode);
    if (action.responsible !== options.agency) {
      throw forbidden(
        `action ${action.code} belongs to the ${agencyByCode(action.responsible).nameEn}; only the responsible agency measures its indicators.`,
      );
    }
    const indicator = action.indicators.find((i) => i.code === input.indicatorCode);
    if (!indicator) {
      throw badUserInput(
        `input.indicatorCode: ${input.indicatorCode} is not an indicator of ${action.code}; its indicators are ${action.indicators.map((i) => i.code).join(', ') || 'none'}.`,
        'input.indicatorCode',
      );
    }
    return indicator;
  }

  return {
    recordIndicatorMeasurement: async (
      _root: unknown,
      args: { input: unknown },
      ctx: ProgressContext,
    ): Promise<MeasurementView> => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: measurementInput }), args).input;
      checkPeriod(input.period, ctx.periods, 'input.period');
      checkAgainstIndicator(input, indicatorOf(input));
      if (input.asOf && input.asOf > ctx.periods.clock.today()) {
        throw badUserInput(
          `input.asOf: ${input.asOf} is in the future; a measurement refers to a date that has passed.`,
          'input.asOf',
        );
      }
      const plate = input.provincePlateCode ?? null;
      const source = input.source ?? owner.code.toLowerCase();
      const cell = { indicatorCode: input.indicatorCode, period: input.period, provincePlateCode: plate, source };
      const values = () => ({
        value: input.value,
        asOf: input.asOf ?? null,
        recordedBy: ctx.caller.username,
        recordedAt: new Date(),
      });
      const { row } = await versionedWrite(ctx.db, {
        caller: ctx.caller,
        operation: 'recordIndicatorMeasurement',
        entityType: 'IndicatorMeasurement',
        lock: async (tx: Tx) =>
          (
            await tx
              .select()
              .from(indicatorMeasurements)
              .where(
                and(
                  eq(indicatorMeasurements.indicatorCode, cell.indicatorCode),
                  eq(indicatorMeasurements.period, cell.period),
                  plate === null
                    ? isNull(indicatorMeasurements.provincePlateCode)
                    : eq(indicatorMeasurements.provincePlateCode, plate),
                  eq(indicatorMeasurements.source, source),
                ),
              )
              .for('update')
          )[0],
        check: (current) => {
          if (input.expectedVersion != null) return;
          throw conflict(
            `The measurement ${cellName(current)} is at version ${current.version}; send expectedVersion with the version you read to change it.`,
            { reason: 'STALE_VERSION', currentVersion: current.version },
          );
        },
        expectedVersion: input.expectedVersion ?? null,
        describe: (current) => `The measurement ${cellName(current)}`,
        write: async (tx, current) => {
          const [saved] = await tx
            .update(indicatorMeasurements)
            .set({ ...values(), version: current.version + 1 })
            .where(eq(indicatorMeasurements.id, current.id))
            .returning();
          if (!saved) throw new Error('Updating the measurement returned no row.');
          return written(saved, current.value);
        },
        create: async (tx) => {
          const missing = () =>
            conflict(`There is no measurement ${cellName(cell)} yet; leave expectedVersion out to record it.`, {
              reason: 'STALE_VERSION',
            });
          if (input.expectedVersion != null) throw missing();
          // Two first entries of one cell at once: the second is told to read the first.
          const [created] = await tx
            .insert(indicatorMeasurements)
            .values({ ...values(), ...cell, actionCode: input.actionCode, version: 1 })
            .onConflictDoNothing()
            .returning();
          if (!created) {
            throw conflict(
              `The measurement ${cellName(cell)} was just recorded by someone else; read it and try again.`,
              {
                reason: 'STALE_VERSION',
              },
            );
          }
          return written(created, null);
        },
      });
      ctx.progress.measurements.clear(input.actionCode);
      // Only the measuring agency writes, and it sees every value.
      return { ...row, suppressed: false };
    },
  };
}
