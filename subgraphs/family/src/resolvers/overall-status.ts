import { deriveOverallStatus, type PartyState } from '@cocuk-koruma/domain/progress/overall-status';
import DataLoader from 'dataloader';
import type { FamilyContext } from '../context.js';
import type { ActionRow } from '../db/schema.js';
import type { ActionStatus } from '../generated/resolvers-types.js';
import { graphClientOf } from '../live.js';

interface PartyView {
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
  actions(codes: $codes) { code status parties { acceptance contributionStatus } }
}`;

const loaders = new WeakMap<FamilyContext, DataLoader<string, ActionStatus | null>>();

function overallStatusLoader(ctx: FamilyContext): DataLoader<string, ActionStatus | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (codes) => {
      const result = await graphClientOf(ctx).query<{ actions: (ActionView | null)[] | null }>(PARTIES_QUERY, {
        codes: [...codes],
      });
      const byCode = new Map((result.data?.actions ?? []).flatMap((a) => (a ? [[a.code, a] as const] : [])));
      return codes.map((code) => {
        const action = byCode.get(code);
        if (!action?.parties) return null;
        const parties = action.parties.map((p) =>
          p.acceptance && p.contributionStatus
            ? { acceptance: p.acceptance, contributionStatus: p.contributionStatus }
            : null,
        );
        return deriveOverallStatus(action.status, parties);
      });
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

export const overallStatusField = {
  overallStatus: (action: ActionRow, _args: unknown, ctx: FamilyContext) => overallStatusLoader(ctx).load(action.code),
};
