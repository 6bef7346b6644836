import { z } from 'zod';

// GraphQL checks argument types; these check what types cannot say. A malformed argument is
// BAD_USER_INPUT, a well-formed one naming nothing is NOT_FOUND.

export const code = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');

export const plateCode = z
  .string()
  .regex(/^(0[1-9]|[1-7][0-9]|8[01])$/, 'must be a two-digit plate code from 01 to 81, e.g. "06"');

export const codeArgs = z.object({ code });
export const idArgs = z.object({ id: code });
export const plateCodeArgs = z.object({ plateCode });
export const goalsArgs = z.object({ areaCode: code.nullish() });
export const actionsArgs = z.object({
  areaCode: code.nullish(),
  goalCode: code.nullish(),
  codes: z.array(code).max(500, 'may name at most 500 actions').nullish(),
});
export const bodiesArgs = z.object({ plateCode: plateCode.nullish() });
export const meetingsArgs = z.object({ bodyId: code.nullish() });

/** A row a foreign key guarantees; its absence is a broken database, not a user's mistake. */
export function present<T>(row: T | null | undefined, what: string, key: string): T {
  if (row == null) throw new Error(`Integrity error: ${what} "${key}" is missing.`);
  return row;
}
