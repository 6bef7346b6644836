import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Largest GraphQL request body accepted; a board-pack query is a few kilobytes. */
export const BODY_LIMIT = '1mb';

/**
 * OWASP query limits, one object for the gateway and every subgraph: a subgraph may be called
 * directly and must refuse what the gateway refuses. The deepest legitimate query (a goal's
 * actions with their reports and indicators' measurements) nests 6 levels. The limits are static,
 * on the query's text: the gateway's `_entities` calls carry their representations in a variable,
 * so a batch of many entities costs no more than one.
 */
export const QUERY_LIMITS = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 5000 },
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
 */
export function queryLimits<C extends BaseContext>(): Required<
  Pick<ApolloServerOptions<C>, 'plugins' | 'validationRules' | 'parseOptions'>
> {
  const armor = new ApolloArmor({ ...QUERY_LIMITS, maxTokens: { enabled: false } }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens.n },
  };
}
