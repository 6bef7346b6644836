import type { ActionStatus, AgencyCode } from '../../gql/graphql';
import type { ActionFilter } from './useActionList';

export const AGENCY_CODES: readonly AgencyCode[] = ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'];
export const STATUSES: readonly ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'];

/** The plan browser's filters live in the address, so a filtered list can be bookmarked and shared. */
export function filterFromParams(params: URLSearchParams): ActionFilter {
  const agency = params.get('agency');
  const status = params.get('status');
  return {
    agency: AGENCY_CODES.find((code) => code === agency),
    status: status === 'UNKNOWN' ? 'UNKNOWN' : STATUSES.find((code) => code === status),
    overdue: params.get('overdue') === '1',
    areaCode: params.get('area') || undefined,
    goalCode: params.get('goal') || undefined,
    period: params.get('period') || undefined,
    search: params.get('q') ?? '',
  };
}

export const PARAM_OF = {
  agency: 'agency',
  status: 'status',
  overdue: 'overdue',
  areaCode: 'area',
  goalCode: 'goal',
  period: 'period',
  search: 'q',
} as const satisfies Record<keyof ActionFilter, string>;
