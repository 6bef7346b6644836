import { createGraphClient, type GraphClient } from './graph-client.js';
import { GraphQLError } from 'graphql';
import type { FamilyContext } from './context.js';
import type { ActionStatus } from './generated/resolvers-types.js';

// Progress lives in each agency's own subgraph, so the secretariat reads it the way any client
// would: through the gateway, as the caller, in one batched query. The agencies' subgraphs then
// apply their own authorisation and audit the read; nothing is copied into the family database.

export interface LiveMeasurement {
  indicatorCode: string;
  period: string;
  provincePlateCode: string | null;
  // Null where the agency suppressed a small count.
  value: number | null;
  source: string;
}

export interface LiveAction {
  code: string;
  /** Null when the responsible agency's subgraph could not be read. */
  status: ActionStatus | null;
  latestReport: { period: string; narrative: string } | null;
  measurements: LiveMeasurement[] | null;
}

const STATUS_QUERY = `query SecretariatStatuses($codes: [ID!]) {
  actions(codes: $codes) { code status latestReport { period narrative } }
}`;

const BOARD_QUERY = `query SecretariatBoardPack($codes: [ID!]) {
  actions(codes: $codes) {
    code status latestReport { period narrative }
    measurements { indicatorCode period provincePlateCode value source }
  }
}`;

export function graphClientOf(ctx: FamilyContext): GraphClient {
  return createGraphClient(ctx.caller.token, ctx.gatewayUrl);
}

/**
 * Statuses and latest approved reports (and, for the board pack, measurements) of the given
 * actions. An action missing from the answer, or whose agency was down, has a null status; a
 * gateway that cannot be reached at all makes every status null when `tolerateOutage` is set.
 */
export async function readLiveActions(
  ctx: FamilyContext,
  codes: readonly string[],
  options: { measurements?: boolean; tolerateOutage?: boolean } = {},
): Promise<Map<string, LiveAction>> {
  const live = new Map<string, LiveAction>();
  if (codes.length === 0) return live;
  let data: { actions: LiveAction[] | null } | null = null;
  try {
    const result = await graphClientOf(ctx).query<{ actions: LiveAction[] | null }>(
      options.measurements ? BOARD_QUERY : STATUS_QUERY,
      { codes: [...codes] },
    );
    data = result.data;
    if (!data && !options.tolerateOutage) {
      throw new GraphQLError(
        `The agencies' progress could not be read: ${result.errors[0]?.message ?? 'the gateway gave no data'}`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'gateway' } },
      );
    }
  } catch (error) {
    if (!(options.tolerateOutage && error instanceof GraphQLError)) throw error;
  }
  for (const action of data?.actions ?? []) {
    // The gateway nulls a list item whose non-null field failed; skip it like a missing one.
    if (action) live.set(action.code, { ...action, measurements: action.measurements ?? null });
  }
  return live;
}
