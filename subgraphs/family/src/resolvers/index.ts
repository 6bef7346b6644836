import type { Resolvers } from '../generated/resolvers-types';
import { coordinationResolvers } from './coordination';
import { actionDeadlineFields, deadlineResolvers } from './deadlines';
import { familyResolvers } from './family';
import { indicatorResolvers } from './indicator-progress';
import { meetingResolvers } from './meetings';
import { mutationResolvers } from './mutations';
import { overallStatusField } from './overall-status';
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
    ...overallStatusField,
  },
  JusticeAction: {
    ...planResolvers.JusticeAction,
    ...partyResolvers.JusticeAction,
    ...actionDeadlineFields,
    ...overallStatusField,
  },
  HealthAction: {
    ...planResolvers.HealthAction,
    ...partyResolvers.HealthAction,
    ...actionDeadlineFields,
    ...overallStatusField,
  },
  EducationAction: {
    ...planResolvers.EducationAction,
    ...partyResolvers.EducationAction,
    ...actionDeadlineFields,
    ...overallStatusField,
  },
  InteriorAction: {
    ...planResolvers.InteriorAction,
    ...partyResolvers.InteriorAction,
    ...actionDeadlineFields,
    ...overallStatusField,
  },
  FamilyAgency: { ...familyResolvers.FamilyAgency, ...partyResolvers.FamilyAgency },
};
