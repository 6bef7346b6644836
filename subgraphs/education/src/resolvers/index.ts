import { actionProgressResolvers, agencyRootResolvers } from '@cocuk-koruma/common';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: { education: () => ({ agency: 'EDUCATION' }) },
  EducationAgency: agencyRootResolvers,
  EducationAction: actionProgressResolvers,
};
