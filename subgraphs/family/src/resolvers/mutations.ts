import { appendAudit, progressMutationResolvers } from '@cocuk-koruma/domain';
import { assertSecretariat, conflict, notFound, parseArgs } from '@cocuk-koruma/platform';
import { importMutationResolvers } from '@cocuk-koruma/domain/progress/import/resolvers';
import { measurementMutationResolvers } from '@cocuk-koruma/domain/progress/measurements';
import { partMutationResolvers } from '@cocuk-koruma/domain/progress/parts';
import { plan, responsibleFor } from '@cocuk-koruma/plan';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { meetings } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const meetingInput = z.object({
  bodyId: z.string().trim().min(1).max(64),
  number: z.number().int().min(1).nullish(),
  date: z.iso.date('must be a date such as 2026-12-27'),
  title: z.string().trim().min(1, 'must not be empty').max(500),
  summary: z.string().trim().min(1, 'must not be empty').max(20_000),
  decisions: z.array(z.string().trim().min(1, 'a decision must not be empty').max(2_000)).max(200),
});

export const mutationResolvers: Pick<Resolvers, 'Mutation' | 'FamilyMutations'> = {
  Mutation: { family: () => ({ agency: 'FAMILY' }) },
  FamilyMutations: {
    ...progressMutationResolvers({ agency: 'FAMILY', responsibleFor }),
    ...partMutationResolvers({ agency: 'FAMILY' }),
    ...measurementMutationResolvers({ agency: 'FAMILY', actions: plan.actions }),
    ...importMutationResolvers({ agency: 'FAMILY', actions: plan.actions }),
    recordMeeting: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: meetingInput }), args).input;
      const body = await ctx.family.body.load(input.bodyId);
      if (!body) throw notFound('coordination body', input.bodyId);
      // Numbered bodies are cited by number (central-11); the others by date.
      const id = input.number ? `${body.id}-${input.number}` : `${body.id}-${input.date}`;
      return ctx.familyDb.transaction(async (tx) => {
        const [existing] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id));
        if (existing) throw conflict(`A meeting ${id} is already on record; it was not changed.`, { id });
        const [row] = await tx
          .insert(meetings)
          .values({
            id,
            bodyId: body.id,
            bodyConfirmed: true,
            number: input.number ?? null,
            date: input.date,
            title: input.title,
            summary: input.summary,
            decisions: input.decisions,
            source: `recorded by the secretariat (${ctx.caller.username})`,
          })
          .returning();
        if (!row) throw new Error('Recording the meeting returned no row.');
        await appendAudit(tx, {
          kind: 'WRITE',
          caller: ctx.caller,
          operation: 'recordMeeting',
          entityType: 'Meeting',
          entityIds: [row.id],
          afterVersion: 1,
        });
        return row;
      });
    },
  },
};
