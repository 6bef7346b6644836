import { actionProgressResolvers, agencyRootResolvers, progressMutationResolvers } from '@cocuk-koruma/common';
import { responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: { health: () => ({ agency: 'HEALTH' }) },
  HealthMutations: progressMutationResolvers({ agency: 'HEALTH', responsibleFor }),
  Query: { health: () => ({ agency: 'HEALTH' }) },
  HealthAgency: agencyRootResolvers,
  HealthAction: actionProgressResolvers,
};
