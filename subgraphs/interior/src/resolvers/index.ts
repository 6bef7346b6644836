import { actionProgressResolvers, agencyRootResolvers } from '@cocuk-koruma/common';
import type { Resolvers } from '../generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: { interior: () => ({ agency: 'INTERIOR' }) },
  InteriorAgency: agencyRootResolvers,
  InteriorAction: actionProgressResolvers,
};
