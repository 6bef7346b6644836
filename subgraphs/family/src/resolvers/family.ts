import { actionProgressResolvers, actionsWithStatus, agencyRootResolvers } from '@cocuk-koruma/domain';
import { notFound, parseArgs } from '@cocuk-koruma/platform';
import { asc, eq } from 'drizzle-orm';
import { actions, type ActionRow } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { codeArgs } from './args.js';

// The family ministry as one of the five agencies: its own actions carry progress, like every
// agency's. Its actions come from the plan rows rather than the bare commitments the shared root
// resolvers read, because here FamilyAction also answers the plan fields (goal, indicators, ...).
// Query builders are awaited rather than returned: a returned drizzle builder is a thenable that
// GraphQL execution may `then` more than once, and each `then` sends the query again.
export const familyResolvers = {
  Query: {
    family: () => ({ agency: 'FAMILY' as const }),
  },
  FamilyAgency: {
    ...agencyRootResolvers,
    actions: async (_root, _args, ctx) =>
      await ctx.familyDb
        .select()
        .from(actions)
        .where(eq(actions.responsibleAgency, 'FAMILY'))
        .orderBy(asc(actions.position)),
    // The shared resolver's commitments, as plan rows (one batched query): FamilyAction answers plan fields too.
    actionsWithStatus: async (_root, args, ctx) => {
      const codes = (await actionsWithStatus(ctx.familyDb, args.status)).map((c) => c.code);
      const rows = await ctx.family.action.loadMany(codes);
      return rows.filter((r): r is ActionRow => r !== null && !(r instanceof Error));
    },
    serviceFigures: async (root, args, ctx) => await agencyRootResolvers.serviceFigures(root, args, ctx),
    action: async (_root, args, ctx) => {
      const { code } = parseArgs(codeArgs, args);
      const action = await ctx.family.action.load(code);
      if (action?.responsibleAgency !== 'FAMILY') throw notFound('action of this agency', code);
      return action;
    },
  },
  FamilyAction: {
    status: actionProgressResolvers.status,
    latestReport: actionProgressResolvers.latestReport,
    progressReports: actionProgressResolvers.progressReports,
    reportHistory: actionProgressResolvers.reportHistory,
    measurements: actionProgressResolvers.measurements,
  },
} satisfies Resolvers;
