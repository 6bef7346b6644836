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
  Mutation: { education: () => ({ agency: 'EDUCATION' }) },
  EducationMutations: {
    ...progressMutationResolvers({ agency: 'EDUCATION', responsibleFor }),
    ...partMutationResolvers({ agency: 'EDUCATION' }),
    ...measurementMutationResolvers({ agency: 'EDUCATION', actions: plan.actions }),
    ...importMutationResolvers({ agency: 'EDUCATION', actions: plan.actions }),
  },
  Query: { education: () => ({ agency: 'EDUCATION' }) },
  EducationAgency: { ...agencyRootResolvers, ...partRootResolvers },
  EducationAction: { ...actionProgressResolvers, ...indicatorProgressResolvers(plan.actions) },
  EducationParty: partyEntityResolvers,
  ProgressReport: progressReportResolvers,
};
