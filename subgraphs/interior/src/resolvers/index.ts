import { actionProgressResolvers, agencyRootResolvers, progressMutationResolvers } from '@cocuk-koruma/common';
import { responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: { interior: () => ({ agency: 'INTERIOR' }) },
  InteriorMutations: progressMutationResolvers({ agency: 'INTERIOR', responsibleFor }),
  Query: { interior: () => ({ agency: 'INTERIOR' }) },
  InteriorAgency: agencyRootResolvers,
  InteriorAction: actionProgressResolvers,
};
