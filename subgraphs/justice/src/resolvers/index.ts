import { actionProgressResolvers, agencyRootResolvers, progressMutationResolvers } from '@cocuk-koruma/common';
import { responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeMutations: progressMutationResolvers({ agency: 'JUSTICE', responsibleFor }),
  Query: { justice: () => ({ agency: 'JUSTICE' }) },
  JusticeAgency: agencyRootResolvers,
  JusticeAction: actionProgressResolvers,
};
