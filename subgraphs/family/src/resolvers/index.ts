import { progressReportResolvers } from '@cocuk-koruma/domain';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actionPageResolvers } from './action-page.js';
import { coordinationResolvers } from './coordination.js';
import { actionDeadlineFields, deadlineResolvers } from './deadlines.js';
import { familyResolvers } from './family.js';
import { indicatorResolvers } from './indicator-progress.js';
import { bodyResolvers } from './bodies.js';
import { meetingResolvers } from './meetings.js';
import { mutationResolvers } from './mutations.js';
import { overallStatusField } from './overall-status.js';
import { partyResolvers } from './parties.js';
import { planResolvers } from './plan.js';
import { statusMatrixResolvers } from './status-matrix.js';
import { strategyResolvers } from './strategy.js';

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
    ...actionPageResolvers.Query,
    ...coordinationResolvers.Query,
    ...familyResolvers.Query,
    ...deadlineResolvers.Query,
    ...meetingResolvers.Query,
    ...statusMatrixResolvers.Query,
  },
  FamilyMutations: {
    ...mutationResolvers.FamilyMutations,
    ...deadlineResolvers.FamilyMutations,
    ...meetingResolvers.FamilyMutations,
    ...bodyResolvers.FamilyMutations,
  },
  Meeting: { ...coordinationResolvers.Meeting, ...meetingResolvers.Meeting },
  AgendaItem: meetingResolvers.AgendaItem,
  Decision: meetingResolvers.Decision,
  Escalation: deadlineResolvers.Escalation,
  StatusMatrixCell: statusMatrixResolvers.StatusMatrixCell,
  ActionConnection: actionPageResolvers.ActionConnection,
  BoardPack: meetingResolvers.BoardPack,
  BoardPackAction: meetingResolvers.BoardPackAction,
  BoardPackIndicator: meetingResolvers.BoardPackIndicator,
  AgencyChanges: meetingResolvers.AgencyChanges,
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
  ProgressReport: progressReportResolvers,
};
