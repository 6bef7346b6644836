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
  Mutation: { health: () => ({ agency: 'HEALTH' }) },
  HealthMutations: {
    ...progressMutationResolvers({ agency: 'HEALTH', responsibleFor }),
    ...partMutationResolvers({ agency: 'HEALTH' }),
    ...measurementMutationResolvers({ agency: 'HEALTH', actions: plan.actions }),
    ...importMutationResolvers({ agency: 'HEALTH', actions: plan.actions }),
  },
  Query: { health: () => ({ agency: 'HEALTH' }) },
  HealthAgency: { ...agencyRootResolvers, ...partRootResolvers },
  HealthAction: { ...actionProgressResolvers, ...indicatorProgressResolvers(plan.actions) },
  HealthParty: partyEntityResolvers,
  ProgressReport: progressReportResolvers,
};
