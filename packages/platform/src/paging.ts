import { z } from 'zod';

/** A page's `first` argument: 1 to `max`, `fallback` when not given; anything else is BAD_USER_INPUT via parseArgs. */
export function pageSize(max: number, fallback: number) {
  const range = `must be between 1 and ${max}`;
  return z
    .number()
    .int()
    .min(1, range)
    .max(max, range)
    .nullish()
    .transform((v) => v ?? fallback);
}
