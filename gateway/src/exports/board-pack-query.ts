import type { AgencyCode } from '@cocuk-koruma/platform';

/**
 * The client side of the family subgraph's `boardPack` query. The downloads run this text through
 * the gateway's own pipeline, so the type below must change with it: keep the two side by side.
 */
export const BOARD_PACK_QUERY = /* GraphQL */ `
  query BoardPackExport($meetingId: ID!) {
    boardPack(meetingId: $meetingId) {
      meetingId
      meetingTitle
      meetingDate
      bodyName
      basis
      generatedAt
      byArea {
        ...Counts
      }
      byGoal {
        ...Counts
      }
      byAgency {
        ...Counts
      }
      overdue {
        ...PackAction
      }
      escalated {
        ...PackAction
      }
      indicators {
        indicatorCode
        actionCode
        name
        unit
        baseline
        target
        direction
        latestPeriod
        latestValue
        source
        onTrack
        provincePlateCode
        provinceValue
        provincePeriod
        provinceSource
        provinceSuppressed
      }
      followUps {
        decisionId
        meetingId
        text
        ownerAgency
        dueDate
        status
        overdue
      }
    }
  }

  fragment Counts on StatusCounts {
    key
    label
    total
    notStarted
    inProgress
    atRisk
    delayed
    completed
    unavailable
  }

  fragment PackAction on BoardPackAction {
    actionCode
    title
    responsibleAgency
    status
    dueDate
    originalDueDate
    daysOverdue
    escalated
    reason
  }
`;

export type ActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'AT_RISK' | 'DELAYED' | 'COMPLETED';
export type IndicatorDirection = 'INCREASE' | 'DECREASE' | 'MAINTAIN';
export type FollowUpStatus = 'OPEN' | 'DONE';
export type BoardPackBasis = 'LIVE' | 'SNAPSHOT';

/** How many actions of one area, goal or agency stand in each status. */
export interface StatusCounts {
  key: string;
  label: string;
  total: number;
  notStarted: number;
  inProgress: number;
  atRisk: number;
  delayed: number;
  completed: number;
  /** Actions whose agency could not be reached, so their status is unknown. */
  unavailable: number;
}

export interface BoardPackAction {
  actionCode: string;
  title: string;
  responsibleAgency: AgencyCode;
  status: ActionStatus | null;
  /** `Date` scalar: `YYYY-MM-DD`. */
  dueDate: string;
  originalDueDate: string;
  daysOverdue: number;
  escalated: boolean;
  reason: string | null;
}

export interface BoardPackIndicator {
  indicatorCode: string;
  actionCode: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number;
  direction: IndicatorDirection;
  latestPeriod: string | null;
  latestValue: number | null;
  source: string | null;
  onTrack: boolean | null;
  /** A provincial or district board's province; null (or absent) in the central board's pack. */
  provincePlateCode?: string | null;
  provinceValue?: number | null;
  provincePeriod?: string | null;
  provinceSource?: string | null;
  provinceSuppressed?: boolean | null;
}

export interface BoardPackFollowUp {
  decisionId: string;
  meetingId: string;
  text: string;
  ownerAgency: AgencyCode;
  dueDate: string;
  status: FollowUpStatus;
  overdue: boolean;
}

export interface BoardPack {
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  bodyName: string;
  basis: BoardPackBasis;
  /** `DateTime` scalar: ISO 8601. */
  generatedAt: string;
  byArea: StatusCounts[];
  byGoal: StatusCounts[];
  byAgency: StatusCounts[];
  overdue: BoardPackAction[];
  escalated: BoardPackAction[];
  indicators: BoardPackIndicator[];
  followUps: BoardPackFollowUp[];
}

export interface BoardPackQueryResult {
  boardPack: BoardPack;
}
