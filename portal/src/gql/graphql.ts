/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the responsible agency assesses an action in its latest progress report. */
export type ActionStatus = 'AT_RISK' | 'COMPLETED' | 'DELAYED' | 'IN_PROGRESS' | 'NOT_STARTED';

/** The five agencies that serve a subgraph of their own. */
export type AgencyCode = 'EDUCATION' | 'FAMILY' | 'HEALTH' | 'INTERIOR' | 'JUSTICE';

/** How exact an event's date is: MONTH means the source gives only the month (the date is its first day). */
export type DatePrecision = 'DAY' | 'MONTH';

/** Whether a rising, falling or steady value means the action is on track. */
export type IndicatorDirection = 'DECREASE' | 'INCREASE' | 'MAINTAIN';

/** How an indicator moved between its last two national periods, read in the indicator's direction. */
export type IndicatorTrend =
  | 'IMPROVING'
  | 'STABLE'
  /** Fewer than two national periods, or sources that disagree about the direction of the change. */
  | 'UNKNOWN'
  | 'WORSENING';

/** Where an agency stands on the part the plan gives it in another agency's action. */
export type PartAcceptance =
  | 'ACCEPTED'
  | 'DECLINED'
  /** Not answered yet. */
  | 'PENDING';

/** How often an indicator is measured. */
export type PeriodType = 'QUARTER' | 'YEAR';

/** Where a report stands in the approval workflow. */
export type ReportState =
  /** Approved by a focal point: locked, and visible to every reader. */
  | 'APPROVED'
  /** Being written; visible only inside the agency. */
  | 'DRAFT'
  /** Sent back by a focal point with a comment; can be edited and submitted again. */
  | 'RETURNED'
  /** Waiting for a focal point of the agency; visible only inside the agency. */
  | 'SUBMITTED';

export type StrategyEventKind =
  'ADOPTED' | 'APPROVED' | 'REVISION_DECIDED' | 'WORKING_GROUP_MEETING' | 'WORKING_GROUP_MEETING_PLANNED' | 'WORKSHOPS';

export type InstitutionFieldsFragment = { code: string; name: string; nameEn: string; agency: AgencyCode | null };

export type ReportFieldsFragment = {
  id: string;
  state: ReportState;
  revision: number;
  period: string;
  status: ActionStatus;
  percentComplete: number;
  narrative: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  reportedBy: string;
  reportedAt: string;
  source: string;
};

export type ActionDetailQueryVariables = Exact<{
  code: string | number;
}>;

export type ActionDetailQuery = {
  action:
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        startDate: string;
        dueDate: string;
        originalDueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        source: string;
        area: { code: string; name: string; nameEn: string };
        goal: { code: string; title: string; titleEn: string };
        responsible: { code: string; name: string; nameEn: string; agency: AgencyCode | null };
        collaborators: Array<{ code: string; name: string; nameEn: string; agency: AgencyCode | null }>;
        parties: Array<
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
        >;
        dueDateHistory: Array<{
          revision: number;
          dueDate: string;
          previousDueDate: string;
          reason: string;
          changedBy: string;
          changedAt: string;
        }>;
        indicators: Array<{
          code: string;
          name: string;
          nameEn: string;
          unit: string;
          baseline: number | null;
          target: number;
          direction: IndicatorDirection;
          periodType: PeriodType;
          source: string;
        }>;
        progressReports: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
        measurements: Array<{
          id: string;
          indicatorCode: string;
          period: string;
          asOf: string | null;
          provincePlateCode: string | null;
          value: number | null;
          suppressed: boolean;
          source: string;
        }> | null;
        indicatorProgress: Array<{
          indicatorCode: string;
          latestPeriod: string | null;
          progressToTarget: number | null;
          trend: IndicatorTrend;
          onTrack: boolean | null;
        }> | null;
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        startDate: string;
        dueDate: string;
        originalDueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        source: string;
        area: { code: string; name: string; nameEn: string };
        goal: { code: string; title: string; titleEn: string };
        responsible: { code: string; name: string; nameEn: string; agency: AgencyCode | null };
        collaborators: Array<{ code: string; name: string; nameEn: string; agency: AgencyCode | null }>;
        parties: Array<
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
        >;
        dueDateHistory: Array<{
          revision: number;
          dueDate: string;
          previousDueDate: string;
          reason: string;
          changedBy: string;
          changedAt: string;
        }>;
        indicators: Array<{
          code: string;
          name: string;
          nameEn: string;
          unit: string;
          baseline: number | null;
          target: number;
          direction: IndicatorDirection;
          periodType: PeriodType;
          source: string;
        }>;
        progressReports: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
        measurements: Array<{
          id: string;
          indicatorCode: string;
          period: string;
          asOf: string | null;
          provincePlateCode: string | null;
          value: number | null;
          suppressed: boolean;
          source: string;
        }> | null;
        indicatorProgress: Array<{
          indicatorCode: string;
          latestPeriod: string | null;
          progressToTarget: number | null;
          trend: IndicatorTrend;
          onTrack: boolean | null;
        }> | null;
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        startDate: string;
        dueDate: string;
        originalDueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        source: string;
        area: { code: string; name: string; nameEn: string };
        goal: { code: string; title: string; titleEn: string };
        responsible: { code: string; name: string; nameEn: string; agency: AgencyCode | null };
        collaborators: Array<{ code: string; name: string; nameEn: string; agency: AgencyCode | null }>;
        parties: Array<
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
        >;
        dueDateHistory: Array<{
          revision: number;
          dueDate: string;
          previousDueDate: string;
          reason: string;
          changedBy: string;
          changedAt: string;
        }>;
        indicators: Array<{
          code: string;
          name: string;
          nameEn: string;
          unit: string;
          baseline: number | null;
          target: number;
          direction: IndicatorDirection;
          periodType: PeriodType;
          source: string;
        }>;
        progressReports: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
        measurements: Array<{
          id: string;
          indicatorCode: string;
          period: string;
          asOf: string | null;
          provincePlateCode: string | null;
          value: number | null;
          suppressed: boolean;
          source: string;
        }> | null;
        indicatorProgress: Array<{
          indicatorCode: string;
          latestPeriod: string | null;
          progressToTarget: number | null;
          trend: IndicatorTrend;
          onTrack: boolean | null;
        }> | null;
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        startDate: string;
        dueDate: string;
        originalDueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        source: string;
        area: { code: string; name: string; nameEn: string };
        goal: { code: string; title: string; titleEn: string };
        responsible: { code: string; name: string; nameEn: string; agency: AgencyCode | null };
        collaborators: Array<{ code: string; name: string; nameEn: string; agency: AgencyCode | null }>;
        parties: Array<
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
        >;
        dueDateHistory: Array<{
          revision: number;
          dueDate: string;
          previousDueDate: string;
          reason: string;
          changedBy: string;
          changedAt: string;
        }>;
        indicators: Array<{
          code: string;
          name: string;
          nameEn: string;
          unit: string;
          baseline: number | null;
          target: number;
          direction: IndicatorDirection;
          periodType: PeriodType;
          source: string;
        }>;
        progressReports: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
        measurements: Array<{
          id: string;
          indicatorCode: string;
          period: string;
          asOf: string | null;
          provincePlateCode: string | null;
          value: number | null;
          suppressed: boolean;
          source: string;
        }> | null;
        indicatorProgress: Array<{
          indicatorCode: string;
          latestPeriod: string | null;
          progressToTarget: number | null;
          trend: IndicatorTrend;
          onTrack: boolean | null;
        }> | null;
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        startDate: string;
        dueDate: string;
        originalDueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        source: string;
        area: { code: string; name: string; nameEn: string };
        goal: { code: string; title: string; titleEn: string };
        responsible: { code: string; name: string; nameEn: string; agency: AgencyCode | null };
        collaborators: Array<{ code: string; name: string; nameEn: string; agency: AgencyCode | null }>;
        parties: Array<
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
          | {
              agency: AgencyCode;
              acceptance: PartAcceptance | null;
              reason: string | null;
              contributionStatus: ActionStatus | null;
              evidence: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            }
        >;
        dueDateHistory: Array<{
          revision: number;
          dueDate: string;
          previousDueDate: string;
          reason: string;
          changedBy: string;
          changedAt: string;
        }>;
        indicators: Array<{
          code: string;
          name: string;
          nameEn: string;
          unit: string;
          baseline: number | null;
          target: number;
          direction: IndicatorDirection;
          periodType: PeriodType;
          source: string;
        }>;
        progressReports: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
        measurements: Array<{
          id: string;
          indicatorCode: string;
          period: string;
          asOf: string | null;
          provincePlateCode: string | null;
          value: number | null;
          suppressed: boolean;
          source: string;
        }> | null;
        indicatorProgress: Array<{
          indicatorCode: string;
          latestPeriod: string | null;
          progressToTarget: number | null;
          trend: IndicatorTrend;
          onTrack: boolean | null;
        }> | null;
      };
  provinces: Array<{ plateCode: string; name: string }>;
};

export type ActionReportHistoryQueryVariables = Exact<{
  code: string | number;
  period: string;
}>;

export type ActionReportHistoryQuery = {
  action:
    | {
        code: string;
        reportHistory: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
      }
    | {
        code: string;
        reportHistory: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
      }
    | {
        code: string;
        reportHistory: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
      }
    | {
        code: string;
        reportHistory: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
      }
    | {
        code: string;
        reportHistory: Array<{
          id: string;
          state: ReportState;
          revision: number;
          period: string;
          status: ActionStatus;
          percentComplete: number;
          narrative: string;
          submittedBy: string | null;
          submittedAt: string | null;
          reviewedBy: string | null;
          reviewedAt: string | null;
          reviewComment: string | null;
          reportedBy: string;
          reportedAt: string;
          source: string;
        }> | null;
      };
};

export type PlanOverviewQueryVariables = Exact<{ [key: string]: never }>;

export type PlanOverviewQuery = {
  strategy: {
    code: string;
    title: string;
    titleEn: string;
    legalBasis: Array<{ title: string; reference: string; date: string | null; source: string }>;
    editions: Array<{
      code: string;
      title: string;
      titleEn: string;
      periodStart: number;
      periodEnd: number;
      adoptionDateDisputed: boolean;
      note: string | null;
      adoptionDates: Array<{ date: string; source: string }>;
      events: Array<{
        date: string;
        datePrecision: DatePrecision;
        kind: StrategyEventKind;
        description: string;
        source: string;
      }>;
    }>;
  };
  areas: Array<{
    code: string;
    name: string;
    nameEn: string;
    goals: Array<{ code: string; title: string; titleEn: string }>;
  }>;
};

export type ActionListQueryVariables = Exact<{
  responsible?: AgencyCode | null | undefined;
  areaCode?: string | number | null | undefined;
  goalCode?: string | number | null | undefined;
}>;

export type ActionListQuery = {
  actions: Array<
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        dueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        area: { code: string };
        goal: { code: string };
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        dueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        area: { code: string };
        goal: { code: string };
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        dueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        area: { code: string };
        goal: { code: string };
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        dueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        area: { code: string };
        goal: { code: string };
      }
    | {
        code: string;
        title: string;
        titleEn: string;
        responsibleAgency: AgencyCode;
        status: ActionStatus | null;
        overallStatus: ActionStatus | null;
        dueDate: string;
        overdue: boolean | null;
        daysOverdue: number | null;
        area: { code: string };
        goal: { code: string };
      }
  >;
};

export const InstitutionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InstitutionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Institution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nameEn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'agency' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InstitutionFieldsFragment, unknown>;
export const ReportFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProgressReport' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percentComplete' } },
          { kind: 'Field', name: { kind: 'Name', value: 'narrative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewComment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'source' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportFieldsFragment, unknown>;
export const ActionDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ActionDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'action' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'area' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nameEn' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'goal' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'responsibleAgency' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'responsible' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InstitutionFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'collaborators' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'InstitutionFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'parties' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'agency' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'acceptance' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'contributionStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'evidence' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'originalDueDate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dueDateHistory' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dueDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'previousDueDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'changedBy' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'changedAt' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysOverdue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'indicators' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nameEn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'baseline' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'progressReports' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'measurements' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'indicatorCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'period' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'provincePlateCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'suppressed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'indicatorProgress' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'indicatorCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'latestPeriod' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'progressToTarget' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'trend' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'onTrack' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'provinces' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'plateCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'InstitutionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Institution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nameEn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'agency' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProgressReport' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percentComplete' } },
          { kind: 'Field', name: { kind: 'Name', value: 'narrative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewComment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'source' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ActionDetailQuery, ActionDetailQueryVariables>;
export const ActionReportHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ActionReportHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'period' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'action' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'reportHistory' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'period' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'period' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReportFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReportFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProgressReport' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'revision' } },
          { kind: 'Field', name: { kind: 'Name', value: 'period' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percentComplete' } },
          { kind: 'Field', name: { kind: 'Name', value: 'narrative' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reviewComment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reportedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'source' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ActionReportHistoryQuery, ActionReportHistoryQueryVariables>;
export const PlanOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PlanOverview' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'strategy' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'legalBasis' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'editions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodStart' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'periodEnd' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'adoptionDates' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'adoptionDateDisputed' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'events' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'datePrecision' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'areas' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nameEn' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'goals' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlanOverviewQuery, PlanOverviewQueryVariables>;
export const ActionListDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ActionList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'responsible' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'AgencyCode' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'areaCode' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'goalCode' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'actions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'responsible' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'responsible' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'areaCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'areaCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'goalCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'goalCode' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'titleEn' } },
                { kind: 'Field', name: { kind: 'Name', value: 'responsibleAgency' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'area' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'goal' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overallStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueDate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'daysOverdue' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ActionListQuery, ActionListQueryVariables>;
