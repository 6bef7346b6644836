import { PERIOD_PATTERN } from '@cocuk-koruma/domain';
import { LIST_LIMITS, notFound, pageSize, parseArgs, type AgencyCode } from '@cocuk-koruma/platform';
import { z } from 'zod';
import { decodeActionCursor, encodeActionCursor, planConditions, readPlanPage } from '../action-page.js';
import type { FamilyContext } from '../context.js';
import type { ActionRow } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { statusCondition } from '../status-filter.js';
import { missingValue, type Missing } from '../unavailable.js';
import { code } from './args.js';

const { actionPageMax, actionPageDefault } = LIST_LIMITS;
const MAX_SEARCH_WORDS = 5;

const pageArgs = z.object({
  first: pageSize(actionPageMax, actionPageDefault),
  after: z.string().max(300, 'is not a cursor of this list').nullish(),
  filter: z
    .object({
      areaCode: code.nullish(),
      goalCode: code.nullish(),
      period: z.string().regex(PERIOD_PATTERN, 'must be a quarter such as 2026-Q3').nullish(),
      search: z
        .string()
        .max(100, 'is too long')
        .nullish()
        .transform((v) => v?.trim().split(/\s+/).filter(Boolean) ?? [])
        .refine((words) => words.length <= MAX_SEARCH_WORDS, `may hold at most ${MAX_SEARCH_WORDS} words`),
    })
    .nullish(),
});

/** First and last day of a quarter such as 2026-Q3. */
function quarterWindow(period: string): { start: string; end: string } {
  const year = period.slice(0, 4);
  const quarter = Number(period.slice(6));
  const startMonth = String(quarter * 3 - 2).padStart(2, '0');
  const endMonth = String(quarter * 3).padStart(2, '0');
  const lastDay = new Date(Date.UTC(Number(year), quarter * 3, 0)).getUTCDate();
  return { start: `${year}-${startMonth}-01`, end: `${year}-${endMonth}-${lastDay}` };
}

export interface ActionConnectionValue {
  edges: { cursor: string; node: ActionRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
  unavailableAgencies: AgencyCode[];
  /** Whose statuses a status or overdue filter lacks; the count then cannot be given. */
  missing: Missing | null;
}

export const actionPageResolvers = {
  Query: {
    actionPage: async (_parent, args, ctx: FamilyContext) => {
      const { first, after, filter } = parseArgs(pageArgs, args);
      const afterCode = after ? decodeActionCursor(after) : null;
      const responsible = args.filter?.responsible ?? null;
      const conditions = planConditions(ctx, {
        responsible,
        areaCode: filter?.areaCode,
        goalCode: filter?.goalCode,
        window: filter?.period ? quarterWindow(filter.period) : null,
        searchWords: filter?.search,
      });
      const status = await statusCondition(
        ctx,
        { status: args.filter?.status, overdue: args.filter?.overdue },
        responsible,
      );
      if (status) conditions.push(status.condition);
      const page = await readPlanPage(ctx, conditions, first, afterCode);
      // An area or goal that does not exist is a mistake worth naming, not an empty list;
      // checked only when nothing matched, so the common case costs nothing more.
      if (page.totalCount === 0) {
        if (filter?.areaCode && !(await ctx.family.area.load(filter.areaCode)))
          throw notFound('strategic area', filter.areaCode);
        if (filter?.goalCode && !(await ctx.family.goal.load(filter.goalCode)))
          throw notFound('strategic goal', filter.goalCode);
      }
      const edges = page.rows.map((row) => ({ cursor: encodeActionCursor(row.code), node: row }));
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
        unavailableAgencies: [...(status?.unavailable ?? [])],
        missing: status?.missing ?? null,
      } satisfies ActionConnectionValue;
    },
  },
  ActionConnection: {
    // The count is unknown while an agency's statuses are: say whose, as every cross-agency view does.
    totalCount: (connection: ActionConnectionValue) => {
      if (connection.missing) {
        throw missingValue(connection.missing, 'the filtered list leaves its actions out and cannot be counted');
      }
      return connection.totalCount;
    },
  },
} satisfies Resolvers;
