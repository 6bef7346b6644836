import type { Resolvers } from '../generated/resolvers-types';
import { coordinationResolvers } from './coordination';
import { actionDeadlineFields, deadlineResolvers } from './deadlines';
import { familyResolvers } from './family';
import { indicatorResolvers } from './indicator-progress';
import { meetingResolvers } from './meetings';
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
    ...deadlineResolvers.Query,
    ...meetingResolvers.Query,
  },
  FamilyMutations: {
    ...mutationResolvers.FamilyMutations,
    ...deadlineResolvers.FamilyMutations,
    ...meetingResolvers.FamilyMutations,
  },
  Meeting: { ...coordinationResolvers.Meeting, ...meetingResolvers.Meeting },
  AgendaItem: meetingResolvers.AgendaItem,
  Decision: meetingResolvers.Decision,
  Escalation: deadlineResolvers.Escalation,
  FamilyAction: {
    ...planResolvers.FamilyAction,
    ...familyResolvers.FamilyAction,
    ...partyResolvers.FamilyAction,
    ...indicatorResolvers.FamilyAction,
    ...actionDeadlineFields,
  },
  JusticeAction: { ...planResolvers.JusticeAction, ...partyResolvers.JusticeAction, ...actionDeadlineFields },
  HealthAction: { ...planResolvers.HealthAction, ...partyResolvers.HealthAction, ...actionDeadlineFields },
  EducationAction: { ...planResolvers.EducationAction, ...partyResolvers.EducationAction, ...actionDeadlineFields },
  InteriorAction: { ...planResolvers.InteriorAction, ...partyResolvers.InteriorAction, ...actionDeadlineFields },
  FamilyAgency: { ...familyResolvers.FamilyAgency, ...partyResolvers.FamilyAgency },
};
