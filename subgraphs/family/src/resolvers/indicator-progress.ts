import { indicatorProgressResolvers } from '@cocuk-koruma/domain/progress/indicator-progress';
import { plan } from '@cocuk-koruma/plan';
import type { Resolvers } from '../generated/resolvers-types.js';

// The family ministry's own actions measure their indicators like every agency's do.
export const indicatorResolvers = {
  FamilyAction: indicatorProgressResolvers(plan.actions),
} satisfies Resolvers;
