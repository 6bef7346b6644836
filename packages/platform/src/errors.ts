import { GraphQLError } from 'graphql';
import type { z } from 'zod';

/** Stable codes clients branch on; messages are for people and may be reworded. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A read whose audit entry could not be written; its data was withheld. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** The service's own database is down or restarting; the same request may succeed shortly. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function notFound(entity: string, id: string): GraphQLError {
  return new GraphQLError(`No ${entity} with id "${id}" exists.`, {
    extensions: { code: ErrorCode.NOT_FOUND, entity, id },
  });
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
}

/**
 * Validates resolver arguments with a zod schema. GraphQL already checks types; this checks
 * the rules types cannot express (formats, ranges), reporting the first broken rule by field.
 */
export function parseArgs<T extends z.ZodType>(schema: T, args: unknown): z.output<T> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw badUserInput(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'), field);
}

export function conflict(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...details } });
}

/**
 * The refusal of a write that names a version other than the stored one (optimistic concurrency):
 * someone changed the record since the caller read it, and nothing is overwritten.
 */
export function staleVersion(what: string, current: number, expected: number): GraphQLError {
  return conflict(
    `${what} is at version ${current}, not ${expected}: someone changed it since you read it. Reload and try again.`,
    { reason: 'STALE_VERSION', currentVersion: current },
  );
}
