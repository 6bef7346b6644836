import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AGENCIES } from '../agencies.js';
import { costLimitPlugin, type CostLimitOptions } from './cost.js';

/** Largest GraphQL request body accepted; a board-pack query is a few kilobytes. */
export const BODY_LIMIT = '1mb';

/**
 * The sizes of the lists that page, or that refuse to grow past a cap: the resolvers enforce them
 * and the cost limit counts with them, so the two cannot disagree.
 */
export const LIST_LIMITS = {
  /** `actionPage(first:)`: 1 to this many per page. */
  actionPageMax: 100,
  actionPageDefault: 50,
  /** The unpaged `actions(...)` list refuses a filter that matches more than this. */
  actionListMax: 500,
};

/** What the plan gives an action at most in practice: one to three indicators. */
const INDICATORS_PER_ACTION = 3;
const REVISIONS_PER_PERIOD = 3;

/**
 * How the agencies' summaries of the whole plan count (`justice { actionStatuses latestMeasurements
 * reviewedSince }`): each is one SQL statement of flat rows, whatever the plan's size, so it counts
 * as a page does rather than as the thousand rows a ministry may hold. The secretariat's read-back
 * asks all five agencies for all three in one request and stays well within the limit.
 */
export const SUMMARY_LIST_SIZES = { actionStatuses: 100, latestMeasurements: 100, reviewedSince: 50 };

// An agency's own list of actions (`justice { actions }`) is a share of the plan, with no cap of
// its own: counted as large as the capped cross-agency list.
const agencyActionLists = Object.fromEntries(
  AGENCIES.flatMap((a) => {
    const root = a.actionTypeName.replace(/Action$/, 'Agency');
    return [
      [`${root}.actions`, LIST_LIMITS.actionListMax],
      [`${root}.actionsWithStatus`, LIST_LIMITS.actionListMax],
      ...Object.entries(SUMMARY_LIST_SIZES).map(([field, size]) => [`${root}.${field}`, size] as const),
      // An action's parties are the other agencies at most.
      [`${a.actionTypeName}.parties`, AGENCIES.length - 1],
      // The revisions of one period: a report, then rarely a correction or two.
      [`${a.actionTypeName}.reportHistory`, REVISIONS_PER_PERIOD],
      [`${a.actionTypeName}.indicators`, INDICATORS_PER_ACTION],
    ];
  }),
);

/**
 * How the cost limit counts (see `queryCost` in cost.ts): each field once per item of the lists
 * above it. A list sized by `first` or by the codes it names counts that many; the others count
 * what they may plausibly return at national scale. A page of 60 audit entries with every field
 * costs about 1,100 and a page of 50 actions with status, latest report, parts and overall status
 * about 2,100; the whole plan with every report, measurement and part, or any list with
 * `first: 100000`, costs far beyond the limit.
 */
export const COST_LIMIT: CostLimitOptions = {
  maxCost: 10_000,
  defaultListSize: 10,
  sizeArguments: ['first', 'codes', 'representations'],
  listSizes: {
    'Query.actions': LIST_LIMITS.actionListMax,
    'Action.parties': AGENCIES.length - 1,
    'Action.indicators': INDICATORS_PER_ACTION,
    'Action.reportHistory': REVISIONS_PER_PERIOD,
    ...agencyActionLists,
    // A goal's actions at national scale: 5,000 actions over ten areas of ten goals (the defaults).
    'StrategicGoal.actions': 50,
    'Query.provinces': 81,
    'Query.coordinationBodies': 100,
    'Query.escalations': 100,
    // Goals × the agencies responsible within each: a hundred goals at national scale, few agencies each.
    'Query.statusMatrix': 200,
  },
};

/**
 * OWASP query limits, one object for the gateway and every subgraph: a subgraph may be called
 * directly and must refuse what the gateway refuses. The deepest legitimate query (a goal's
 * actions with their reports and indicators' measurements) nests 6 levels. The cost is counted
 * on the query with its variables (`COST_LIMIT`); the gateway's `_entities` calls count their
 * representations, each no more than the gateway counted for it.
 */
export const QUERY_LIMITS = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: COST_LIMIT.maxCost },
  maxAliases: { n: 15 },
  maxTokens: { n: 2000 },
  maxDirectives: { n: 20 },
  blockFieldSuggestion: { enabled: process.env.NODE_ENV === 'production' },
};

/**
 * The limits as Apollo Server options. The token limit is graphql-js's own parser option rather
 * than graphql-armor's plugin: that plugin re-parses in a hook whose errors Apollo answers with
 * HTTP 500, for a syntax error as much as for a long query. The parser's refusal is a
 * GRAPHQL_PARSE_FAILED with 400, and it stops reading at the limit, before any validation runs.
 * graphql-armor's cost limit counts a list as one item whatever its `first`, so a page of 60
 * audit entries cost more than the whole plan: ours (cost.ts) replaces it.
 */
export function queryLimits<C extends BaseContext>(): Required<
  Pick<ApolloServerOptions<C>, 'plugins' | 'validationRules' | 'parseOptions'>
> {
  const armor = new ApolloArmor({
    ...QUERY_LIMITS,
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimitPlugin<C>(COST_LIMIT)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens.n },
  };
}
