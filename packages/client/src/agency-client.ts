import { GraphQLRequestError, type GraphQLErrorEntry } from './errors.js';
import {
  AgencyActionsDocument,
  RecordIndicatorMeasurementDocument,
  ReportHistoryDocument,
  SaveProgressReportDocument,
  SubmitProgressReportDocument,
  type AgencyActionsQuery,
  type AgencyCode,
  type IndicatorMeasurementInput,
  type MeasurementFieldsFragment,
  type ProgressReportInput,
  type ReportFieldsFragment,
  type ReportTransitionInput,
} from './generated/graphql.js';
import { GraphClient, type GraphClientOptions, type GraphResult, type RequestOptions } from './graph-client.js';

export type AgencyAction = AgencyActionsQuery['actionPage']['edges'][number]['node'];
export type ProgressReport = ReportFieldsFragment;
export type IndicatorMeasurement = MeasurementFieldsFragment;

/** The result of one write: the record as the graph stored it, and whether this was a replay. */
export interface WriteResult<T> {
  value: T;
  replayed: boolean;
  idempotencyKey: string;
  attempts: number;
}

const SLUGS = {
  FAMILY: 'family',
  JUSTICE: 'justice',
  HEALTH: 'health',
  EDUCATION: 'education',
  INTERIOR: 'interior',
} as const satisfies Record<AgencyCode, string>;
type Slug = (typeof SLUGS)[AgencyCode];

export interface AgencyClientOptions extends GraphClientOptions {
  /** The agency the system writes for: its token's `agency` claim. */
  agency: AgencyCode;
}

/**
 * What an agency's own system does with the graph: read its actions, keep its progress reports
 * and record its indicator values, each write under its own mutation namespace. A write that the
 * graph refused (FORBIDDEN, BAD_USER_INPUT, CONFLICT, …) throws a GraphQLRequestError with the code.
 */
export class AgencyClient {
  readonly graph: GraphClient;
  readonly agency: AgencyCode;
  private readonly slug: Slug;

  constructor(options: AgencyClientOptions) {
    this.graph = new GraphClient(options);
    this.agency = options.agency;
    this.slug = SLUGS[options.agency];
  }

  /** Every action the plan assigns to the agency, with the reports of `period` the system may see. */
  async actions(period: string): Promise<AgencyAction[]> {
    const found: AgencyAction[] = [];
    let after: string | null = null;
    do {
      const { data }: GraphResult<AgencyActionsQuery> = await this.graph.request(AgencyActionsDocument, {
        agency: this.agency,
        period,
        first: 100,
        after,
      });
      found.push(...data.actionPage.edges.map((edge) => edge.node));
      after = data.actionPage.pageInfo.hasNextPage ? data.actionPage.pageInfo.endCursor : null;
    } while (after);
    return found;
  }

  /** Every revision of one period's report of the given actions, oldest first, by action code. */
  async reportHistory(codes: readonly string[], period: string): Promise<Map<string, ProgressReport[]>> {
    const { data } = await this.graph.request(ReportHistoryDocument, { codes: [...codes], period });
    return new Map(data.actions.map((action) => [action.code, action.reportHistory ?? []]));
  }

  /** Creates the period's draft (no `expectedVersion`) or changes it (the version read). */
  async saveProgressReport(input: ProgressReportInput, options?: RequestOptions): Promise<WriteResult<ProgressReport>> {
    const result = await this.graph.request(SaveProgressReportDocument, { input, [this.slug]: true }, options);
    return this.written(result, result.data[this.slug]?.saveProgressReport);
  }

  /** Sends a draft for review by the ministry's focal point. */
  async submitProgressReport(
    input: ReportTransitionInput,
    options?: RequestOptions,
  ): Promise<WriteResult<ProgressReport>> {
    const result = await this.graph.request(SubmitProgressReportDocument, { input, [this.slug]: true }, options);
    return this.written(result, result.data[this.slug]?.submitProgressReport);
  }

  /** Records or changes one indicator value (national, or a province's by plate code). */
  async recordIndicatorMeasurement(
    input: IndicatorMeasurementInput,
    options?: RequestOptions,
  ): Promise<WriteResult<IndicatorMeasurement>> {
    const result = await this.graph.request(RecordIndicatorMeasurementDocument, { input, [this.slug]: true }, options);
    return this.written(result, result.data[this.slug]?.recordIndicatorMeasurement);
  }

  /** The written record, or the error that left it null (the graph answers 200 with a null change and its error). */
  private written<T>(result: GraphResult<unknown>, value: T | null | undefined): WriteResult<T> {
    if (value === null || value === undefined) {
      const errors: readonly GraphQLErrorEntry[] =
        result.errors.length > 0 ? result.errors : [{ message: 'The graph wrote nothing and gave no reason.' }];
      throw new GraphQLRequestError(200, errors);
    }
    return {
      value,
      replayed: result.replayed,
      idempotencyKey: result.idempotencyKey ?? '',
      attempts: result.attempts,
    };
  }
}
