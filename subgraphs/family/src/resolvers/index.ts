import type { Resolvers } from '../generated/resolvers-types';
import { coordinationResolvers } from './coordination';
import { familyResolvers } from './family';
import { mutationResolvers } from './mutations';
import { planResolvers } from './plan';
import { strategyResolvers } from './strategy';

export const resolvers: Resolvers = {
  ...strategyResolvers,
  ...planResolvers,
  ...coordinationResolvers,
  ...familyResolvers,
  ...mutationResolvers,
  Query: {
    ...strategyResolvers.Query,
    ...planResolvers.Query,
    ...coordinationResolvers.Query,
    ...familyResolvers.Query,
  },
  FamilyAction: { ...planResolvers.FamilyAction, ...familyResolvers.FamilyAction },
};
