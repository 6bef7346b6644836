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
  Mutation: { interior: () => ({ agency: 'INTERIOR' }) },
  InteriorMutations: {
    ...progressMutationResolvers({ agency: 'INTERIOR', responsibleFor }),
    ...partMutationResolvers({ agency: 'INTERIOR' }),
    ...measurementMutationResolvers({ agency: 'INTERIOR', actions: plan.actions }),
    ...importMutationResolvers({ agency: 'INTERIOR', actions: plan.actions }),
  },
  Query: { interior: () => ({ agency: 'INTERIOR' }) },
  InteriorAgency: { ...agencyRootResolvers, ...partRootResolvers },
  InteriorAction: { ...actionProgressResolvers, ...indicatorProgressResolvers(plan.actions) },
  InteriorParty: partyEntityResolvers,
  ProgressReport: progressReportResolvers,
};
