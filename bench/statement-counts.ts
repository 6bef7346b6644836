/**
 * SQL statements per request per subgraph, read from each subgraph's counter
 * (`/dev/sql-statements`, served under SQL_STATEMENT_COUNTER=1): the counts before and after one
 * request, so nothing else may run against the subgraphs meanwhile.
 */
import { SQL_STATEMENT_COUNTER_PATH, type AgencySlug, type SqlStatementCount } from '@cocuk-koruma/platform';

export type StatementCounts = Record<AgencySlug, number>;

/** `graphqlUrls` are the subgraphs' `/graphql` URLs; the counter is beside it. */
export async function readStatementCounts(graphqlUrls: Record<AgencySlug, string>): Promise<StatementCounts> {
  const entries = await Promise.all(
    Object.entries(graphqlUrls).map(async ([slug, url]) => {
      const response = await fetch(new URL(SQL_STATEMENT_COUNTER_PATH, url));
      if (!response.ok) {
        throw new Error(
          `${slug} does not serve its SQL statement count (HTTP ${response.status}): start it with SQL_STATEMENT_COUNTER=1.`,
        );
      }
      return [slug, ((await response.json()) as SqlStatementCount).statements] as const;
    }),
  );
  return Object.fromEntries(entries) as StatementCounts;
}

/** The statements each subgraph ran while `run` ran. */
export async function statementsDuring(
  graphqlUrls: Record<AgencySlug, string>,
  run: () => Promise<unknown>,
): Promise<StatementCounts> {
  const before = await readStatementCounts(graphqlUrls);
  await run();
  const after = await readStatementCounts(graphqlUrls);
  return Object.fromEntries(
    Object.keys(graphqlUrls).map((slug) => [slug, after[slug as AgencySlug] - before[slug as AgencySlug]]),
  ) as StatementCounts;
}
