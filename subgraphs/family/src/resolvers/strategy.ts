import { notFound } from '@cocuk-koruma/platform';
import { asc, eq } from 'drizzle-orm';
import { legalReferences, strategyDocuments } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { STRATEGY_CODE } from '../seed/strategy.js';

export const strategyResolvers = {
  Query: {
    strategy: async (_parent, _args, ctx) => {
      const [document] = await ctx.familyDb
        .select()
        .from(strategyDocuments)
        .where(eq(strategyDocuments.code, STRATEGY_CODE));
      if (!document) throw notFound('strategy document', STRATEGY_CODE);
      return document;
    },
  },
  StrategyDocument: {
    legalBasis: async (document, _args, ctx) =>
      await ctx.familyDb
        .select()
        .from(legalReferences)
        .where(eq(legalReferences.documentCode, document.code))
        .orderBy(asc(legalReferences.position)),
    editions: (document, _args, ctx) => ctx.family.editionsByDocument.load(document.code),
  },
  StrategyEdition: {
    adoptionDates: (edition, _args, ctx) => ctx.family.adoptionDates.load(edition.code),
    events: (edition, _args, ctx) => ctx.family.events.load(edition.code),
  },
} satisfies Resolvers;
