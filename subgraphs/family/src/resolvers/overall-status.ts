import { deriveOverallStatus, type PartyState } from '@cocuk-koruma/domain/progress/overall-status';
import type { AgencyCode } from '@cocuk-koruma/platform';
import { z } from 'zod';
import type { FamilyContext } from '../context.js';
import type { ActionRow } from '../db/schema.js';
import { statusForLateness } from '../deadlines.js';
import type { ActionStatus } from '../generated/resolvers-types.js';
import { missingValue, type Missing } from '../unavailable.js';

// The rule needs the responsible agency's status and every party's part, each from its own
// subgraph. `@requires` has the gateway fetch them once, as the caller, alongside whatever else
// the query asks (often the very same fields), and send them with the entity: no second
// federated query from here, and nothing here to scale with the page. A value the gateway could
// not fetch arrives null, and the error names the agency that did not answer.

const status = z.enum(['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED']);
const acceptance = z.enum(['PENDING', 'ACCEPTED', 'DECLINED']);
// The gateway sends the parties in the order `parties` listed them, without their type names
// (`@requires` may not name a field this subgraph provides): the plan says whose each one is.
const required = z.object({
  parties: z.array(z.object({ acceptance: acceptance.nullish(), contributionStatus: status.nullish() }).nullable()),
});

/**
 * Every party's state in plan order, the family's own from its own table; null where it could not
 * be read. Null altogether when the gateway's list does not match the plan's parties.
 */
async function partyStates(
  action: ActionRow,
  given: z.infer<typeof required>['parties'],
  ctx: FamilyContext,
): Promise<{ agency: AgencyCode; state: PartyState | null }[] | null> {
  const agencies = (await ctx.family.collaborators.load(action.code)).flatMap((i) => (i.agency ? [i.agency] : []));
  if (agencies.length !== given.length) return null;
  return await Promise.all(
    agencies.map(async (agency, i) => {
      const part = agency === 'FAMILY' ? await ctx.progress.parts.load(action.code) : given[i];
      const state =
        part?.acceptance && part.contributionStatus
          ? { acceptance: part.acceptance, contributionStatus: part.contributionStatus }
          : null;
      return { agency, state };
    }),
  );
}

/** Null, with an error naming the agency, when a party the rule needs cannot be read. */
export const overallStatusField = {
  overallStatus: async (action: ActionRow, _args: unknown, ctx: FamilyContext): Promise<ActionStatus> => {
    const given = required.safeParse(action);
    const responsible = await statusForLateness(action, ctx);
    const parties = given.success ? await partyStates(action, given.data.parties, ctx) : null;
    // Without the required fields the gateway did not plan this field: it never happens through it.
    if (!parties) throw missingValue('GATEWAY', `the overall status of ${action.code} cannot be derived`);
    const missing: Missing | undefined =
      responsible === null ? action.responsibleAgency : parties.find((p) => p.state === null)?.agency;
    const derived = missing
      ? null
      : deriveOverallStatus(
          responsible,
          parties.map((p) => p.state),
        );
    if (derived) return derived;
    throw missingValue(
      missing ?? action.responsibleAgency,
      `the overall status of ${action.code} cannot be derived without it`,
    );
  },
};
