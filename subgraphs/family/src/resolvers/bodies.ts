import { appendAudit } from '@cocuk-koruma/domain';
import { assertSecretariat, badUserInput, conflict, parseArgs } from '@cocuk-koruma/platform';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { coordinationBodies, provinces } from '../db/schema.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { plateCode } from './args.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const bodyInput = z.object({
  level: z.enum(['CENTRAL', 'PROVINCIAL', 'DISTRICT']),
  plateCode,
  district: text(100),
  name: text(300),
  nameEn: text(300),
  chair: text(300),
  meetingFrequency: text(200),
  secretariat: text(300).nullish(),
  note: text(2_000).nullish(),
});

const ASCII: Record<string, string> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  i: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  â: 'a',
  î: 'i',
  û: 'u',
};

/**
 * The district as it appears in the body's id: Turkish lower case folded to ASCII, so "Çankaya",
 * "ÇANKAYA" and "çankaya" are one district and its id reads in any URL (`district-06-cankaya`).
 */
export function districtSlug(district: string): string {
  return district
    .toLocaleLowerCase('tr-TR')
    .replace(/[çğıiöşüâîû]/g, (c) => ASCII[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const bodyResolvers = {
  FamilyMutations: {
    createCoordinationBody: async (_root, args, ctx) => {
      assertSecretariat(ctx.caller);
      const input = parseArgs(z.object({ input: bodyInput }), args).input;
      // The central board and the 81 provincial boards are the regulation's own and seeded; only
      // district boards are set up as districts organise theirs.
      if (input.level !== 'DISTRICT') {
        throw badUserInput(
          `input.level: only district boards are set up here; the ${input.level === 'CENTRAL' ? 'central board' : '81 provincial boards'} exist already (coordinationBodies(level: ${input.level})).`,
          'input.level',
        );
      }
      const slug = districtSlug(input.district);
      if (!slug) throw badUserInput('input.district: must contain a letter or a digit.', 'input.district');
      const id = `district-${input.plateCode}-${slug}`;
      return ctx.familyDb.transaction(async (tx) => {
        const [province] = await tx.select().from(provinces).where(eq(provinces.plateCode, input.plateCode));
        if (!province) {
          throw badUserInput(`input.plateCode: no province has plate code ${input.plateCode}.`, 'input.plateCode');
        }
        const [existing] = await tx.select().from(coordinationBodies).where(eq(coordinationBodies.id, id));
        if (existing) {
          throw conflict(
            `${province.name} already has a coordination board for the district ${existing.district} (${existing.id}); nothing was created.`,
            { id: existing.id },
          );
        }
        const [row] = await tx
          .insert(coordinationBodies)
          .values({
            id,
            level: 'DISTRICT',
            name: input.name,
            nameEn: input.nameEn,
            provincePlateCode: input.plateCode,
            district: input.district,
            chair: input.chair,
            meetingFrequency: input.meetingFrequency,
            secretariat: input.secretariat ?? null,
            note: input.note ?? null,
            source: `set up by the secretariat (${ctx.caller.username})`,
          })
          .returning();
        if (!row) throw new Error('Creating the coordination body returned no row.');
        await appendAudit(tx, {
          kind: 'WRITE',
          caller: ctx.caller,
          operation: 'createCoordinationBody',
          entityType: 'CoordinationBody',
          entityIds: [row.id],
          beforeVersion: null,
          afterVersion: null,
          detail: { level: row.level, plateCode: input.plateCode, district: input.district },
        });
        return row;
      });
    },
  },
} satisfies Resolvers;
