import {
  actionProgressResolvers,
  agencyRootResolvers,
  progressMutationResolvers,
  progressReportResolvers,
} from '@cocuk-koruma/domain';
import { indicatorProgressResolvers } from '@cocuk-koruma/domain/progress/indicator-progress';
import { importMutationResolvers } from '@cocuk-koruma/domain/progress/import/resolvers';
import { measurementMutationResolvers } from '@cocuk-koruma/domain/progress/measurements';
import { partMutationResolvers, partRootResolvers, partyEntityResolvers } from '@cocuk-koruma/domain/progress/parts';
import { plan, responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Mutation: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeMutations: {
    ...progressMutationResolvers({ agency: 'JUSTICE', responsibleFor }),
    ...partMutationResolvers({ agency: 'JUSTICE' }),
    ...measurementMutationResolvers({ agency: 'JUSTICE', actions: plan.actions }),
    ...importMutationResolvers({ agency: 'JUSTICE', actions: plan.actions }),
  },
  Query: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeAgency: { ...agencyRootResolvers, ...partRootResolvers },
  JusticeAction: { ...actionProgressResolvers, ...indicatorProgressResolvers(plan.actions) },
  JusticeParty: partyEntityResolvers,
  ProgressReport: progressReportResolvers,
};
