import type { Resolvers } from '../generated/resolvers-types';
import { coordinationResolvers } from './coordination';
import { familyResolvers } from './family';
import { indicatorResolvers } from './indicator-progress';
import { mutationResolvers } from './mutations';
import { partyResolvers } from './parties';
import { planResolvers } from './plan';
import { strategyResolvers } from './strategy';

export const resolvers: Resolvers = {
  ...strategyResolvers,
  ...planResolvers,
  ...coordinationResolvers,
  ...familyResolvers,
  ...mutationResolvers,
  ...partyResolvers,
  Query: {
    ...strategyResolvers.Query,
    ...planResolvers.Query,
    ...coordinationResolvers.Query,
    ...familyResolvers.Query,
  },
  FamilyAction: {
    ...planResolvers.FamilyAction,
    ...familyResolvers.FamilyAction,
    ...partyResolvers.FamilyAction,
    ...indicatorResolvers.FamilyAction,
  },
  JusticeAction: { ...planResolvers.JusticeAction, ...partyResolvers.JusticeAction },
  HealthAction: { ...planResolvers.HealthAction, ...partyResolvers.HealthAction },
  EducationAction: { ...planResolvers.EducationAction, ...partyResolvers.EducationAction },
  InteriorAction: { ...planResolvers.InteriorAction, ...partyResolvers.InteriorAction },
  FamilyAgency: { ...familyResolvers.FamilyAgency, ...partyResolvers.FamilyAgency },
};
