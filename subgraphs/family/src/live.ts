import { agencyByCode, type AgencyCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { createGraphClient, type GraphClient } from './graph-client.js';
import type { FamilyContext } from './context.js';
import type { ActionStatus } from './generated/resolvers-types.js';
import type { Missing } from './unavailable.js';

// Progress lives in each agency's own subgraph, so the secretariat reads it the way any client
// would: through the gateway, as the caller. The agencies' subgraphs then apply their own
// authorisation and suppression and audit the read; nothing is copied into the family database.
// The views that span the plan read each agency's summaries (`justice { actionStatuses … }`), one
// SQL statement per summary there, all agencies in one request: what they cost, and what crosses
// the gateway, does not grow with the number of actions or measurements.

export interface LiveMeasurement {
  indicatorCode: string;
  period: string;
  provincePlateCode: string | null;
  // Null where the agency suppressed a small count.
  value: number | null;
  suppressed: boolean;
  source: string;
}

/** A report as another agency's subgraph shows it to the caller (approved ones, or all for the owner). */
export interface LiveReport {
  period: string;
  revision: number;
  state: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  status: ActionStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface LiveAction {
  code: string;
  status: ActionStatus;
  latestReport: { period: string; narrative: string } | null;
  /** With `reviewedSince`: the action's reports approved or returned since then. */
  reports: LiveReport[];
}

/** What a read-back gives: the actions whose agency answered, and for the rest, whose fault. */
export interface LiveRead {
  actions: Map<string, LiveAction>;
  missing: Map<string, Missing>;
  /**
   * With `measurements`: per indicator of an agency that answered, the cells of its latest national
   * period and (with a plate code) of that province's latest period, as the caller may see them.
   */
  measurements: Map<string, LiveMeasurement[]>;
}

export interface ReadOptions {
  /** Each action's latest approved report (period and narrative) besides its status; default true. */
  latestReport?: boolean;
  /** The latest indicator values; `plateCode` adds that province's. */
  measurements?: { plateCode: string | null };
  /** Reports approved or returned after this moment. */
  reviewedSince?: Date;
}

interface AgencyAnswer {
  actionStatuses?: { code: string; status: ActionStatus; latestReport?: LiveAction['latestReport'] }[] | null;
  latestMeasurements?: LiveMeasurement[] | null;
  reviewedSince?: (LiveReport & { actionCode: string })[] | null;
}

/**
 * The one read-back query: each agency's root asked for its summaries, under the operation name
 * the agencies' READ entries carry (`SecretariatBoardPack__justice__0`, …).
 */
function readBackQuery(slugs: readonly string[], options: ReadOptions): string {
  const variables: string[] = [];
  const fields = [
    options.latestReport === false
      ? 'actionStatuses { code status }'
      : 'actionStatuses { code status latestReport { period narrative } }',
  ];
  if (options.measurements) {
    variables.push('$plate: String');
    fields.push(
      'latestMeasurements(plateCode: $plate) { indicatorCode period provincePlateCode value suppressed source }',
    );
  }
  if (options.reviewedSince) {
    variables.push('$since: DateTime!');
    fields.push(
      'reviewedSince(at: $since) { actionCode period revision state status reviewedBy reviewedAt reviewComment }',
    );
  }
  const name = options.reviewedSince
    ? 'SecretariatChanges'
    : options.measurements
      ? 'SecretariatBoardPack'
      : options.latestReport === false
        ? 'SecretariatStatusMatrix'
        : 'SecretariatStatuses';
  const signature = variables.length > 0 ? `(${variables.join(', ')})` : '';
  return `query ${name}${signature} { ${slugs.map((s) => `${s} { ${fields.join(' ')} }`).join(' ')} }`;
}

export function graphClientOf(ctx: FamilyContext): GraphClient {
  return createGraphClient(ctx.caller.token, ctx.gatewayUrl, ctx.timeouts, ctx.readBack);
}

/**
 * Statuses and latest approved reports of the given actions (and, as `options` asks, the latest
 * indicator values and the reports reviewed since a moment), read from every agency responsible
 * for one of them in one request. An action whose agency did not answer (its root or one of its
 * summaries null, or the action missing from its answer) is in `missing` under that agency; with
 * the gateway unreachable, every action is, under the gateway.
 */
export async function readLiveActions(
  ctx: FamilyContext,
  rows: readonly { code: string; responsibleAgency: AgencyCode }[],
  options: ReadOptions = {},
): Promise<LiveRead> {
  const read: LiveRead = { actions: new Map(), missing: new Map(), measurements: new Map() };
  if (rows.length === 0) return read;
  const agencies = [...new Set(rows.map((r) => r.responsibleAgency))].map((code) => agencyByCode(code));
  let data: Record<string, AgencyAnswer | null> | null = null;
  try {
    const variables: Record<string, unknown> = {};
    if (options.measurements) variables.plate = options.measurements.plateCode;
    if (options.reviewedSince) variables.since = options.reviewedSince.toISOString();
    const result = await graphClientOf(ctx).query<Record<string, AgencyAnswer | null>>(
      readBackQuery(
        agencies.map((a) => a.slug),
        options,
      ),
      variables,
    );
    data = result.data;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  if (!data) {
    for (const row of rows) read.missing.set(row.code, 'GATEWAY');
    return read;
  }
  const answered = new Map<AgencyCode, Map<string, NonNullable<AgencyAnswer['actionStatuses']>[number]>>();
  const reports = new Map<string, LiveReport[]>();
  const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const agency of agencies) {
    const answer = data[agency.slug];
    if (
      !answer?.actionStatuses ||
      (options.measurements && !answer.latestMeasurements) ||
      (options.reviewedSince && !answer.reviewedSince)
    )
      continue;
    answered.set(agency.code, new Map(answer.actionStatuses.map((a) => [a.code, a])));
    for (const m of answer.latestMeasurements ?? []) push(read.measurements, m.indicatorCode, m);
    for (const { actionCode, ...report } of answer.reviewedSince ?? []) push(reports, actionCode, report);
  }
  for (const row of rows) {
    const action = answered.get(row.responsibleAgency)?.get(row.code);
    if (action) {
      read.actions.set(row.code, {
        code: row.code,
        status: action.status,
        latestReport: action.latestReport ?? null,
        reports: reports.get(row.code) ?? [],
      });
    } else read.missing.set(row.code, row.responsibleAgency);
  }
  return read;
}
