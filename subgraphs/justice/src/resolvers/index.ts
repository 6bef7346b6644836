import { actionProgressResolvers, agencyRootResolvers, progressMutationResolvers } from '@cocuk-koruma/common';
import { indicatorProgressResolvers } from '@cocuk-koruma/common/progress/indicator-progress';
import { partMutationResolvers, partRootResolvers, partyEntityResolvers } from '@cocuk-koruma/common/progress/parts';
import { plan, responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  Mutation: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeMutations: {
    ...progressMutationResolvers({ agency: 'JUSTICE', responsibleFor }),
    ...partMutationResolvers({ agency: 'JUSTICE' }),
  },
  Query: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeAgency: { ...agencyRootResolvers, ...partRootResolvers },
  JusticeAction: { ...actionProgressResolvers, ...indicatorProgressResolvers(plan.actions) },
  JusticeParty: partyEntityResolvers,
};
