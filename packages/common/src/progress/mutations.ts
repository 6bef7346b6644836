import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyByCode, type AgencyCode } from '../agencies';
import { appendAudit } from '../audit/chain';
import { assertCanWriteAgencyData, forbidden } from '../auth/policy';
import { conflict, notFound, parseArgs } from '../errors';
import type { ProgressContext } from './resolvers';
import { actionStatus, progressReports, type ProgressReportRow } from './tables';

export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

const progressReportInput = z.object({
  actionCode: z.string().trim().min(1).max(64),
  period: z.string().regex(PERIOD_PATTERN, 'must be a quarter such as 2026-Q3'),
  status: z.enum(actionStatus.enumValues),
  percentComplete: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  narrative: z.string().trim().min(1, 'must not be empty').max(10_000),
  expectedVersion: z.number().int().min(1).nullish(),
});

export interface MutationOptions {
  agency: AgencyCode;
  /** The agency the adopted plan makes responsible for an action code, from the plan in the repo. */
  responsibleFor(actionCode: string): AgencyCode | undefined;
}

/** Mutations every agency has on its own progress data (`mutation { justice { ... } }`). */
export function progressMutationResolvers(options: MutationOptions) {
  const owner = agencyByCode(options.agency);
  return {
    saveProgressReport: async (
      _root: unknown,
      args: { input: unknown },
      ctx: ProgressContext,
    ): Promise<ProgressReportRow> => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: progressReportInput }), args).input;
      if (!(await ctx.progress.commitment.load(input.actionCode))) {
        const responsible = options.responsibleFor(input.actionCode);
        if (!responsible) throw notFound('action', input.actionCode);
        throw forbidden(
          `action ${input.actionCode} is the ${agencyByCode(responsible).nameEn}'s; only the responsible agency reports on it.`,
        );
      }
      return ctx.db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(progressReports)
          .where(and(eq(progressReports.actionCode, input.actionCode), eq(progressReports.period, input.period)))
          .for('update');
        const values = {
          status: input.status,
          percentComplete: input.percentComplete,
          narrative: input.narrative,
          source: `${owner.code.toLowerCase()}:${ctx.caller.username}`,
          reportedBy: ctx.caller.username,
          reportedAt: new Date(),
        };
        let saved: ProgressReportRow | undefined;
        if (existing) {
          if (input.expectedVersion == null || input.expectedVersion !== existing.version) {
            throw conflict(
              `The ${input.period} report on ${input.actionCode} is at version ${existing.version}` +
                (input.expectedVersion == null
                  ? '; send expectedVersion with the version you read to change it.'
                  : `, not ${input.expectedVersion}: someone changed it since you read it. Reload and try again.`),
              { currentVersion: existing.version },
            );
          }
          [saved] = await tx
            .update(progressReports)
            .set({ ...values, version: existing.version + 1 })
            .where(eq(progressReports.id, existing.id))
            .returning();
        } else {
          if (input.expectedVersion != null) {
            throw conflict(
              `There is no ${input.period} report on ${input.actionCode} yet; leave expectedVersion out to create it.`,
            );
          }
          [saved] = await tx
            .insert(progressReports)
            .values({ ...values, actionCode: input.actionCode, period: input.period, version: 1 })
            .returning();
        }
        if (!saved) throw new Error('Saving the progress report returned no row.');
        await appendAudit(tx, {
          kind: 'WRITE',
          caller: ctx.caller,
          operation: 'saveProgressReport',
          entityType: 'ProgressReport',
          entityIds: [saved.id, `${saved.actionCode}/${saved.period}`],
          beforeVersion: existing?.version ?? null,
          afterVersion: saved.version,
        });
        return saved;
      });
    },
  };
}
