import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  agencyByCode,
  type AgencyCode,
  assertCanWriteAgencyData,
  conflict,
  notFound,
  parseArgs,
} from '@cocuk-koruma/platform';
import { versionedWrite, type Transaction, type Written } from '../audit/versioned-write.js';
import type { ProgressContext } from './resolvers.js';
import { actionParts, actionStatus, type ActionPartRow, type ProgressSchema } from './tables.js';

/** A party as the secretariat lists it: which agency has a part in which action. */
export interface PartyRef {
  actionCode: string;
  agency: AgencyCode;
}

/** A part row as this agency answers it, with the agency the row belongs to. */
export type PartModel = ActionPartRow & PartyRef;

/** The entity type of an agency's part, e.g. `JusticeParty`, named like its action type. */
export function partyTypeName(agency: AgencyCode): string {
  return agencyByCode(agency).actionTypeName.replace(/Action$/, 'Party');
}

const actionCode = z.string().trim().min(1).max(64);
const version = z.number().int().min(1, 'must be the version you read (1 or more)');

const responseInput = z
  .object({
    actionCode,
    acceptance: z.enum(['ACCEPTED', 'DECLINED'], 'must be ACCEPTED or DECLINED; a part cannot be set back to PENDING'),
    reason: z.string().trim().max(5_000).nullish(),
    expectedVersion: version,
  })
  .refine((input) => input.acceptance !== 'DECLINED' || !!input.reason, {
    path: ['reason'],
    message: 'must say why the part is declined',
  });

const contributionInput = z.object({
  actionCode,
  contributionStatus: z.enum(actionStatus.enumValues),
  evidence: z.string().trim().min(1, 'must not be empty').max(10_000),
  expectedVersion: version,
});

/** Resolvers of the agency's root object for its parts (`justice { parts part(actionCode:) }`). */
export const partRootResolvers = {
  parts: async (_root: unknown, _args: unknown, ctx: ProgressContext): Promise<PartModel[]> => {
    const rows = await ctx.db.select().from(actionParts).orderBy(asc(actionParts.actionCode));
    // Primed so that field resolvers reading through the loader (the family's) cost no query more.
    for (const row of rows) ctx.progress.parts.prime(row.actionCode, row);
    return rows.map((row) => ({ ...row, agency: ctx.owner }));
  },
  part: async (_root: unknown, args: { actionCode: string }, ctx: ProgressContext): Promise<PartModel> => {
    const row = await ctx.progress.parts.load(args.actionCode);
    if (!row) throw notFound(`part of the ${agencyByCode(ctx.owner).nameEn}`, args.actionCode);
    return { ...row, agency: ctx.owner };
  },
};

/** The agency's own party entity (`JusticeParty`, ...): the gateway asks for it by action code. */
export const partyEntityResolvers = {
  // Null where this agency has no part in that action: the gateway then leaves its fields null.
  __resolveReference: async (ref: { actionCode: string }, ctx: ProgressContext): Promise<PartModel | null> => {
    const row = await ctx.progress.parts.load(ref.actionCode);
    return row ? { ...row, agency: ctx.owner } : null;
  },
};

type Tx = Transaction<ProgressSchema>;

/**
 * A collaborating agency answers for its part in another agency's action: accepts it or declines
 * it with a reason, then records its contribution with evidence. Writers are the agency's own
 * liaisons, focal points and systems; each write names the version it read and commits with its
 * audit entry, or changes nothing.
 */
export function partMutationResolvers(options: { agency: AgencyCode }) {
  const owner = agencyByCode(options.agency);

  /** Writes the part the caller named, at the version the caller read. */
  async function savePart(
    ctx: ProgressContext,
    operation: string,
    input: { actionCode: string; expectedVersion: number },
    values: Partial<ActionPartRow>,
    check?: (part: ActionPartRow) => void,
  ): Promise<PartModel> {
    const { row: saved } = await versionedWrite(ctx.db, {
      caller: ctx.caller,
      operation,
      entityType: 'ActionPart',
      lock: async (tx: Tx) =>
        (await tx.select().from(actionParts).where(eq(actionParts.actionCode, input.actionCode)).for('update'))[0],
      notFound: () => notFound(`part of the ${owner.nameEn}`, input.actionCode),
      check,
      expectedVersion: input.expectedVersion,
      describe: (part) => `The part of the ${owner.nameEn} in ${part.actionCode}`,
      write: async (tx, part): Promise<Written<ActionPartRow>> => {
        const [row] = await tx
          .update(actionParts)
          .set({ ...values, version: part.version + 1, updatedBy: ctx.caller.username, updatedAt: new Date() })
          .where(eq(actionParts.actionCode, part.actionCode))
          .returning();
        if (!row) throw new Error('Updating the part returned no row.');
        return {
          row,
          entityIds: [row.actionCode],
          detail: {
            responsibleAgency: row.responsibleAgency,
            acceptance: row.acceptance,
            contributionStatus: row.contributionStatus,
          },
        };
      },
    });
    // The returned party's fields may be read through the loader, which must not answer the old row.
    ctx.progress.parts.clear(saved.actionCode).prime(saved.actionCode, saved);
    return { ...saved, agency: options.agency };
  }

  return {
    respondToPart: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext): Promise<PartModel> => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: responseInput }), args).input;
      return savePart(ctx, 'respondToPart', input, { acceptance: input.acceptance, reason: input.reason || null });
    },

    recordContribution: async (_root: unknown, args: { input: unknown }, ctx: ProgressContext): Promise<PartModel> => {
      assertCanWriteAgencyData(ctx.caller, options.agency);
      const input = parseArgs(z.object({ input: contributionInput }), args).input;
      return savePart(
        ctx,
        'recordContribution',
        input,
        { contributionStatus: input.contributionStatus, evidence: input.evidence },
        (part) => {
          if (part.acceptance !== 'ACCEPTED') {
            throw conflict(
              `The part of the ${owner.nameEn} in ${part.actionCode} is ${part.acceptance}; accept it (respondToPart) before recording a contribution.`,
              { reason: 'WRONG_STATE', acceptance: part.acceptance, currentVersion: part.version },
            );
          }
        },
      );
    },
  };
}
