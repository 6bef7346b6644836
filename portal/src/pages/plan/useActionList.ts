import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { ActionListDocument, type ActionListQuery, type ActionStatus, type AgencyCode } from '../../gql/graphql';
import { compareTr, matchesSearch } from '../../i18n/collate';

export type ActionListItem = ActionListQuery['actions'][number];

export interface ActionFilter {
  agency?: AgencyCode;
  areaCode?: string;
  goalCode?: string;
  /** 'UNKNOWN': actions whose status could not be read. */
  status?: ActionStatus | 'UNKNOWN';
  overdue?: boolean;
  search?: string;
}

export interface ActionList {
  actions: ActionListItem[];
  /** Every action the server-side filters let through, before status, overdue and search. */
  total: number;
  fetching: boolean;
  error: CombinedError | undefined;
}

/**
 * The plan browser's one door to the action list. Agency, area and goal go to the graph; status,
 * overdue and the text search are applied here. When the paged `actionPage(first, after, filter)`
 * connection lands, this hook is the one place that changes: callers keep the same filter and result.
 */
export function useActionList(filter: ActionFilter): ActionList {
  const [result] = useQuery({
    query: ActionListDocument,
    variables: {
      responsible: filter.agency ?? null,
      areaCode: filter.areaCode ?? null,
      goalCode: filter.goalCode ?? null,
    },
  });
  const all = result.data?.actions;
  const actions = useMemo(() => {
    const list = (all ?? []).filter((action) => {
      if (filter.status === 'UNKNOWN' ? action.status !== null : filter.status && action.status !== filter.status)
        return false;
      if (filter.overdue && action.overdue !== true) return false;
      return matchesSearch(filter.search ?? '', [action.code, action.title, action.titleEn]);
    });
    return list.sort((a, b) => compareTr(a.code, b.code));
  }, [all, filter.status, filter.overdue, filter.search]);
  return { actions, total: all?.length ?? 0, fetching: result.fetching, error: result.error };
}
