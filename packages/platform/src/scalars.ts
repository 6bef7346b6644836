import { GraphQLError, GraphQLScalarType, Kind, isScalarType, type GraphQLSchema, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DATE_PATTERN } from './clock.js';
import { ErrorCode } from './errors.js';

/** A calendar date that exists: 2027-02-30 has the right form and is still no date. */
function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function refuseDate(shown: string, node?: ValueNode): never {
  throw new GraphQLError(
    `${shown} is not a date: write a calendar date as YYYY-MM-DD, such as 2026-12-27 (bir takvim tarihi, YYYY-AA-GG).`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT, scalar: 'Date' }, ...(node ? { nodes: node } : {}) },
  );
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string') refuseDate(JSON.stringify(value) ?? String(value));
  if (!isCalendarDate(value)) refuseDate(JSON.stringify(value));
  return value;
}

/** `Date` carries calendar dates as ISO strings (YYYY-MM-DD), the form drizzle reads them in. */
const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    // A stored date that is no date is our bug, not the caller's: an internal error.
    if (typeof text !== 'string' || !isCalendarDate(text)) throw new Error(`Date cannot serialize ${String(value)}`);
    return text;
  },
  parseValue: parseDate,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) refuseDate(node.kind === Kind.NULL ? 'null' : 'This value', node);
    if (!isCalendarDate(node.value)) refuseDate(JSON.stringify(node.value), node);
    return node.value;
  },
});

export const scalarResolvers = {
  Date: DateScalar,
  DateTime: DateTimeResolver,
};

/**
 * Gives a schema built from SDL alone (the gateway's, from the supergraph) our scalars' parsing,
 * in place: the gateway then refuses an impossible date itself, as BAD_USER_INPUT with a 400,
 * instead of passing it to a subgraph whose refusal would come back as the gateway's own error.
 * In place, because the gateway checks variables against the very schema object it built.
 */
export function applyScalarParsing(schema: GraphQLSchema): void {
  for (const [name, scalar] of Object.entries(scalarResolvers)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) continue;
    type.parseValue = scalar.parseValue;
    type.parseLiteral = scalar.parseLiteral;
  }
}
