import {
  AGENCIES,
  agencyByCode,
  badUserInput,
  LIST_LIMITS,
  notFound,
  parseArgs,
  type AgencyCode,
} from '@cocuk-koruma/platform';
import { and, asc, inArray } from 'drizzle-orm';
import { planConditions } from '../action-page.js';
import type { FamilyContext } from '../context.js';
import { actions, institutions, strategicAreas, strategicGoals, type ActionRow } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actionsArgs, codeArgs, goalsArgs, present } from './args.js';

const ACTION_TYPE_NAMES = [
  'FamilyAction',
  'JusticeAction',
  'HealthAction',
  'EducationAction',
  'InteriorAction',
] as const;
type ActionTypeName = (typeof ACTION_TYPE_NAMES)[number];

function isActionTypeName(name: string): name is ActionTypeName {
  return (ACTION_TYPE_NAMES as readonly string[]).includes(name);
}

// Fails at startup, not per request, if the agency list and this schema's types ever drift apart.
for (const agency of AGENCIES) {
  if (!isActionTypeName(agency.actionTypeName)) throw new Error(`No GraphQL type for ${agency.actionTypeName}`);
}

function actionTypeName(agency: AgencyCode): ActionTypeName {
  return agencyByCode(agency).actionTypeName as ActionTypeName;
}

/** The plan fields every action type shares, whichever agency is responsible. */
const planActionFields = {
  goal: async (action: ActionRow, _args: unknown, ctx: FamilyContext) =>
    present(await ctx.family.goal.load(action.goalCode), 'strategic goal', action.goalCode),
  area: async (action: ActionRow, _args: unknown, ctx: FamilyContext) => {
    const goal = present(await ctx.family.goal.load(action.goalCode), 'strategic goal', action.goalCode);
    return present(await ctx.family.area.load(goal.areaCode), 'strategic area', goal.areaCode);
  },
  responsible: async (action: ActionRow, _args: unknown, ctx: FamilyContext) =>
    present(
      await ctx.family.institutionOfAgency.load(action.responsibleAgency),
      'institution of agency',
      action.responsibleAgency,
    ),
  collaborators: (action: ActionRow, _args: unknown, ctx: FamilyContext) => ctx.family.collaborators.load(action.code),
  indicators: (action: ActionRow, _args: unknown, ctx: FamilyContext) => ctx.family.indicators.load(action.code),
};

/**
 * Resolves a `<Agency>Action` representation from the gateway. A code that is not in the plan, or
 * that the plan gives to another agency, is null: the row exists but not as this type. The
 * `status` the gateway sends for `@requires(fields: "status")` is kept for `overdue`.
 */
function referenceOf(agency: AgencyCode) {
  return async (ref: { code: string; status?: unknown }, ctx: FamilyContext) => {
    const action = await ctx.family.action.load(ref.code);
    if (action?.responsibleAgency !== agency) return null;
    return 'status' in ref ? { ...action, status: ref.status } : action;
  };
}

export const planResolvers = {
  Query: {
    areas: async (_parent, _args, ctx) =>
      await ctx.familyDb.select().from(strategicAreas).orderBy(asc(strategicAreas.position)),
    area: async (_parent, args, ctx) => {
      const { code } = parseArgs(codeArgs, args);
      const area = await ctx.family.area.load(code);
      if (!area) throw notFound('strategic area', code);
      return area;
    },
    goals: async (_parent, args, ctx) => {
      const { areaCode } = parseArgs(goalsArgs, args);
      if (areaCode) {
        if (!(await ctx.family.area.load(areaCode))) throw notFound('strategic area', areaCode);
        return ctx.family.goalsByArea.load(areaCode);
      }
      return await ctx.familyDb.select().from(strategicGoals).orderBy(asc(strategicGoals.position));
    },
    goal: async (_parent, args, ctx) => {
      const { code } = parseArgs(codeArgs, args);
      const goal = await ctx.family.goal.load(code);
      if (!goal) throw notFound('strategic goal', code);
      return goal;
    },
    actions: async (_parent, args, ctx) => {
      const { areaCode, goalCode, codes } = parseArgs(actionsArgs, args);
      const conditions = planConditions(ctx, { responsible: args.responsible, areaCode, goalCode });
      if (codes) conditions.push(inArray(actions.code, codes));
      const rows = await ctx.familyDb
        .select()
        .from(actions)
        .where(and(...conditions))
        .orderBy(asc(actions.position))
        .limit(LIST_LIMITS.actionListMax + 1);
      // Refused rather than cut short: a list that silently stops at the cap reads as the whole plan.
      if (rows.length > LIST_LIMITS.actionListMax) {
        throw badUserInput(
          `More than ${LIST_LIMITS.actionListMax} actions match; narrow the filter or page through them with actionPage(first, after, filter).`,
        );
      }
      // A filter naming an area or goal that does not exist is a mistake worth reporting, not an
      // empty list; checked only when nothing matched, so the common case costs one query.
      if (rows.length === 0) {
        if (areaCode && !(await ctx.family.area.load(areaCode))) throw notFound('strategic area', areaCode);
        if (goalCode && !(await ctx.family.goal.load(goalCode))) throw notFound('strategic goal', goalCode);
      }
      return rows;
    },
    action: async (_parent, args, ctx) => {
      const { code } = parseArgs(codeArgs, args);
      const action = await ctx.family.action.load(code);
      if (!action) throw notFound('action', code);
      return action;
    },
    institutions: async (_parent, _args, ctx) =>
      await ctx.familyDb.select().from(institutions).orderBy(asc(institutions.position)),
    institution: async (_parent, args, ctx) => {
      const { code } = parseArgs(codeArgs, args);
      const institution = await ctx.family.institution.load(code);
      if (!institution) throw notFound('institution', code);
      return institution;
    },
  },
  StrategicArea: {
    goals: (area, _args, ctx) => ctx.family.goalsByArea.load(area.code),
  },
  StrategicGoal: {
    area: async (goal, _args, ctx) =>
      present(await ctx.family.area.load(goal.areaCode), 'strategic area', goal.areaCode),
    actions: (goal, _args, ctx) => ctx.family.actionsByGoal.load(goal.code),
  },
  Action: {
    __resolveType: (action) => actionTypeName(action.responsibleAgency),
  },
  FamilyAction: { ...planActionFields, __resolveReference: referenceOf('FAMILY') },
  JusticeAction: { ...planActionFields, __resolveReference: referenceOf('JUSTICE') },
  HealthAction: { ...planActionFields, __resolveReference: referenceOf('HEALTH') },
  EducationAction: { ...planActionFields, __resolveReference: referenceOf('EDUCATION') },
  InteriorAction: { ...planActionFields, __resolveReference: referenceOf('INTERIOR') },
} satisfies Resolvers;
