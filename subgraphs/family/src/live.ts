import type { AgencyCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { createGraphClient, type GraphClient } from './graph-client.js';
import type { FamilyContext } from './context.js';
import type { ActionStatus } from './generated/resolvers-types.js';
import type { Missing } from './unavailable.js';

// Progress lives in each agency's own subgraph, so the secretariat reads it the way any client
// would: through the gateway, as the caller, in one batched query. The agencies' subgraphs then
// apply their own authorisation and audit the read; nothing is copied into the family database.

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
  measurements: LiveMeasurement[];
  reports: LiveReport[];
}

/** What a read-back gives: the actions whose agency answered, and for the rest, whose fault. */
export interface LiveRead {
  actions: Map<string, LiveAction>;
  missing: Map<string, Missing>;
}

const STATUS_QUERY = `query SecretariatStatuses($codes: [ID!]) {
  actions(codes: $codes) { code status latestReport { period narrative } }
}`;

const BOARD_QUERY = `query SecretariatBoardPack($codes: [ID!]) {
  actions(codes: $codes) {
    code status latestReport { period narrative }
    measurements { indicatorCode period provincePlateCode value suppressed source }
  }
}`;

const CHANGES_QUERY = `query SecretariatChanges($codes: [ID!]) {
  actions(codes: $codes) {
    code status latestReport { period narrative }
    measurements { indicatorCode period provincePlateCode value suppressed source }
    progressReports { period revision state status reviewedBy reviewedAt reviewComment }
  }
}`;

interface ReadAction {
  code: string;
  status: ActionStatus | null;
  latestReport: LiveAction['latestReport'];
  measurements?: LiveMeasurement[] | null;
  progressReports?: LiveReport[] | null;
}

export function graphClientOf(ctx: FamilyContext): GraphClient {
  return createGraphClient(ctx.caller.token, ctx.gatewayUrl, ctx.timeouts, ctx.readBack);
}

/**
 * Statuses and latest approved reports (and, for the board pack, measurements; for the changes
 * since the last meeting, also the reports the caller may see) of the given
 * actions. An action whose responsible agency did not answer (its status null, or the action
 * missing from the answer) is in `missing` under that agency; with the gateway unreachable,
 * every action is, under the gateway.
 */
export async function readLiveActions(
  ctx: FamilyContext,
  rows: readonly { code: string; responsibleAgency: AgencyCode }[],
  options: { measurements?: boolean; reports?: boolean } = {},
): Promise<LiveRead> {
  const read: LiveRead = { actions: new Map(), missing: new Map() };
  if (rows.length === 0) return read;
  let answered: (ReadAction | null)[] | null = null;
  try {
    const result = await graphClientOf(ctx).query<{ actions: (ReadAction | null)[] | null }>(
      options.reports ? CHANGES_QUERY : options.measurements ? BOARD_QUERY : STATUS_QUERY,
      { codes: rows.map((r) => r.code) },
    );
    answered = result.data?.actions ?? null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  if (!answered) {
    for (const row of rows) read.missing.set(row.code, 'GATEWAY');
    return read;
  }
  // The gateway nulls a list item whose non-null field failed; it counts as not answered.
  const byCode = new Map(answered.flatMap((a) => (a ? [[a.code, a] as const] : [])));
  for (const row of rows) {
    const action = byCode.get(row.code);
    if (action?.status) {
      read.actions.set(row.code, {
        code: row.code,
        status: action.status,
        latestReport: action.latestReport,
        measurements: action.measurements ?? [],
        reports: action.progressReports ?? [],
      });
    } else read.missing.set(row.code, row.responsibleAgency);
  }
  return read;
}
