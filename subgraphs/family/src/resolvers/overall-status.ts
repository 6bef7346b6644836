import { deriveOverallStatus, type PartyState } from '@cocuk-koruma/domain/progress/overall-status';
import type { AgencyCode } from '@cocuk-koruma/platform';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { FamilyContext } from '../context.js';
import type { ActionRow } from '../db/schema.js';
import type { ActionStatus } from '../generated/resolvers-types.js';
import { graphClientOf } from '../live.js';
import { missingValue, type Missing } from '../unavailable.js';

interface PartyView {
  agency: AgencyCode;
  acceptance: PartyState['acceptance'] | null;
  contributionStatus: PartyState['contributionStatus'] | null;
}
interface ActionView {
  code: string;
  status: ActionStatus | null;
  parties: PartyView[] | null;
}

// Every party's part lives in that party's own subgraph, so the rule is applied to what the
// gateway returns for the caller, in one batched query per request.
const PARTIES_QUERY = `query SecretariatOverallStatus($codes: [ID!]) {
  actions(codes: $codes) { code status parties { agency acceptance contributionStatus } }
}`;

/** The agency whose answer the rule lacks: the responsible one first, then the first silent party. */
function missingOf(action: ActionView | undefined, responsible: AgencyCode): Missing | null {
  if (!action?.status || !action.parties) return responsible;
  return action.parties.find((p) => !p.acceptance || !p.contributionStatus)?.agency ?? null;
}

function statusOrReason(row: ActionRow, action: ActionView | undefined): ActionStatus | Error {
  const missing = missingOf(action, row.responsibleAgency);
  const parties = action?.parties?.map((p) =>
    p.acceptance && p.contributionStatus
      ? { acceptance: p.acceptance, contributionStatus: p.contributionStatus }
      : null,
  );
  const status = !missing && parties ? deriveOverallStatus(action?.status ?? null, parties) : null;
  return (
    status ??
    missingValue(missing ?? row.responsibleAgency, `the overall status of ${row.code} cannot be derived without it`)
  );
}

const loaders = new WeakMap<FamilyContext, DataLoader<ActionRow, ActionStatus, string>>();

function overallStatusLoader(ctx: FamilyContext): DataLoader<ActionRow, ActionStatus, string> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<ActionRow, ActionStatus, string>(
      async (rows): Promise<(ActionStatus | Error)[]> => {
        let answered: (ActionView | null)[] | null = null;
        try {
          const result = await graphClientOf(ctx).query<{ actions: (ActionView | null)[] | null }>(PARTIES_QUERY, {
            codes: rows.map((r) => r.code),
          });
          answered = result.data?.actions ?? null;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
        }
        if (!answered) {
          return rows.map((row) =>
            missingValue('GATEWAY', `the overall status of ${row.code} cannot be derived without them`),
          );
        }
        const byCode = new Map(answered.flatMap((a) => (a ? [[a.code, a] as const] : [])));
        return rows.map((row) => statusOrReason(row, byCode.get(row.code)));
      },
      { cacheKeyFn: (row) => row.code },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

/** Null, with an error naming the agency, when a party the rule needs cannot be read. */
export const overallStatusField = {
  overallStatus: (action: ActionRow, _args: unknown, ctx: FamilyContext) => overallStatusLoader(ctx).load(action),
};
