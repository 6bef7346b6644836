import { actionProgressResolvers, agencyRootResolvers, progressMutationResolvers } from '@cocuk-koruma/common';
import { responsibleFor } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: { education: () => ({ agency: 'EDUCATION' }) },
  EducationMutations: progressMutationResolvers({ agency: 'EDUCATION', responsibleFor }),
  Query: { education: () => ({ agency: 'EDUCATION' }) },
  EducationAgency: agencyRootResolvers,
  EducationAction: actionProgressResolvers,
};
