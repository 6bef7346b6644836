import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { ActionPageDocument, type ActionPageQuery, type ActionStatus, type AgencyCode } from '../../gql/graphql';

export type ActionListItem = ActionPageQuery['actionPage']['edges'][number]['node'];

/** A page holds this many actions: a screen's worth, and well inside the graph's cost limit. */
export const PAGE_SIZE = 50;

export interface ActionFilter {
  agency?: AgencyCode;
  areaCode?: string;
  goalCode?: string;
  /** A quarter such as 2026-Q3: the actions planned to run during it. */
  period?: string;
  /** 'UNKNOWN': actions whose status could not be read. */
  status?: ActionStatus | 'UNKNOWN';
  overdue?: boolean;
  search?: string;
}

export interface ActionList {
  actions: ActionListItem[];
  /** Every action matching the filter, across pages; null when an agency's statuses were missing. */
  total: number | null;
  /** Agencies left out of a status or overdue filter because they could not be read. */
  unavailableAgencies: readonly AgencyCode[];
  nextCursor: string | null;
  fetching: boolean;
  error: CombinedError | undefined;
}

/**
 * The plan browser's one door to the action list: one page at a time from the graph's
 * `actionPage`, which applies every filter itself (the statuses in each agency's own subgraph).
 * "Unknown status" cannot be asked of the graph (an agency that cannot be read has no status to
 * match), so it filters the page shown, and the page says so.
 */
export function useActionList(filter: ActionFilter, after: string | null): ActionList {
  const status = filter.status && filter.status !== 'UNKNOWN' ? [filter.status] : null;
  const [result] = useQuery({
    query: ActionPageDocument,
    variables: {
      first: PAGE_SIZE,
      after,
      filter: {
        responsible: filter.agency ?? null,
        areaCode: filter.areaCode ?? null,
        goalCode: filter.goalCode ?? null,
        period: filter.period ?? null,
        search: filter.search?.trim() || null,
        status,
        overdue: filter.overdue ? true : null,
      },
    },
  });
  const page = result.data?.actionPage;
  const actions = useMemo(() => {
    const nodes = (page?.edges ?? []).map((edge) => edge.node);
    return filter.status === 'UNKNOWN' ? nodes.filter((action) => action.status === null) : nodes;
  }, [page, filter.status]);
  return {
    actions,
    total: page ? (page.totalCount ?? null) : null,
    unavailableAgencies: page?.unavailableAgencies ?? [],
    nextCursor: page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
    fetching: result.fetching,
    error: result.error,
  };
}
