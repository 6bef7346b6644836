import type { AgencyCode } from '@cocuk-koruma/platform';
import { partRootResolvers, partyTypeName, type PartyRef } from '@cocuk-koruma/domain/progress/parts';
import type { ActionPartRow } from '@cocuk-koruma/domain';
import type { FamilyContext } from '../context.js';
import type { ActionRow } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const PARTY_TYPE_NAMES = {
  FAMILY: 'FamilyParty',
  JUSTICE: 'JusticeParty',
  HEALTH: 'HealthParty',
  EDUCATION: 'EducationParty',
  INTERIOR: 'InteriorParty',
} as const satisfies Record<AgencyCode, string>;

// Fails at startup, not per request, if the agency list and this schema's party types drift apart.
for (const [agency, name] of Object.entries(PARTY_TYPE_NAMES)) {
  if (partyTypeName(agency as AgencyCode) !== name) throw new Error(`No GraphQL party type for ${agency}`);
}

/**
 * The collaborators of the plan that serve a subgraph; the others (bar associations, TÜİK, ...)
 * have no database in which to answer. Read from the plan rows, with the loader `collaborators` uses.
 */
async function partiesOf(action: ActionRow, _args: unknown, ctx: FamilyContext): Promise<PartyRef[]> {
  const collaborators = await ctx.family.collaborators.load(action.code);
  return collaborators.flatMap((institution) =>
    institution.agency ? [{ actionCode: action.code, agency: institution.agency }] : [],
  );
}

/** A `<Agency>Party` representation is real only where the plan lists that agency as a collaborator. */
function referenceOf(agency: AgencyCode) {
  return async (ref: { actionCode: string }, ctx: FamilyContext): Promise<PartyRef | null> => {
    const collaborators = await ctx.family.collaborators.load(ref.actionCode);
    return collaborators.some((i) => i.agency === agency) ? { actionCode: ref.actionCode, agency } : null;
  };
}

/** The family's own part fields, from its own action_parts table, one batched query for all parties. */
function ownPartField<K extends keyof ActionPartRow>(field: K) {
  return async (party: PartyRef, _args: unknown, ctx: FamilyContext): Promise<ActionPartRow[K] | null> =>
    (await ctx.progress.parts.load(party.actionCode))?.[field] ?? null;
}

export const partyResolvers = {
  FamilyAgency: partRootResolvers,
  ActionParty: {
    __resolveType: (party) => PARTY_TYPE_NAMES[party.agency],
  },
  FamilyParty: {
    __resolveReference: referenceOf('FAMILY'),
    acceptance: ownPartField('acceptance'),
    reason: ownPartField('reason'),
    contributionStatus: ownPartField('contributionStatus'),
    evidence: ownPartField('evidence'),
    version: ownPartField('version'),
    updatedBy: ownPartField('updatedBy'),
    updatedAt: ownPartField('updatedAt'),
  },
  JusticeParty: { __resolveReference: referenceOf('JUSTICE') },
  HealthParty: { __resolveReference: referenceOf('HEALTH') },
  EducationParty: { __resolveReference: referenceOf('EDUCATION') },
  InteriorParty: { __resolveReference: referenceOf('INTERIOR') },
  FamilyAction: { parties: partiesOf },
  JusticeAction: { parties: partiesOf },
  HealthAction: { parties: partiesOf },
  EducationAction: { parties: partiesOf },
  InteriorAction: { parties: partiesOf },
} satisfies Resolvers;
