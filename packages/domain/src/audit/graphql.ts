import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Database, badUserInput, pageSize, parseArgs } from '@cocuk-koruma/platform';
import { auditLog, type AuditKind, type AuditLogRow } from './tables.js';

/** Arguments of `auditLog(first: Int = 50, after: String, kind: AuditKind)`. */
export interface AuditLogArgs {
  first?: number | null;
  after?: string | null;
  kind?: AuditKind | null;
}

/** An `AuditEntry` as the GraphQL layer serves it (`detail` as JSON text). */
export interface AuditEntryNode extends Omit<AuditLogRow, 'detail'> {
  detail: string | null;
}

export interface AuditEntryConnection {
  edges: { cursor: string; node: AuditEntryNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

const argsSchema = z.object({
  first: pageSize(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT),
  after: z.string().nullish(),
  kind: z.enum(['WRITE', 'READ']).nullish(),
});

/** Cursors are opaque to clients: base64 of the entry's `seq`. */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64');
}

export function decodeAuditCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const seq = Number(text);
  // Re-encoding must give the cursor back: rejects padding tricks and non-base64 characters.
  if (!/^[1-9][0-9]{0,15}$/.test(text) || !Number.isSafeInteger(seq) || encodeAuditCursor(seq) !== cursor) {
    throw badUserInput('after: not a cursor of this audit log; pass an endCursor or edge cursor as given.', 'after');
  }
  return seq;
}

function toNode(row: AuditLogRow): AuditEntryNode {
  return { ...row, detail: row.detail === null || row.detail === undefined ? null : JSON.stringify(row.detail) };
}

/** A page of the audit log, newest first: `first` entries older than the `after` cursor. */
export async function readAuditPage<S extends Record<string, unknown>>(
  db: Database<S>,
  rawArgs: AuditLogArgs,
): Promise<AuditEntryConnection> {
  const args = parseArgs(argsSchema, rawArgs);
  const before = args.after ? decodeAuditCursor(args.after) : null;
  const kindFilter: SQL | undefined = args.kind ? eq(auditLog.kind, args.kind) : undefined;
  const pageFilter = before === null ? kindFilter : and(kindFilter, lt(auditLog.seq, before));
  // Sequential rather than Promise.all: PGlite runs one query at a time anyway.
  const rows = await db
    .select()
    .from(auditLog)
    .where(pageFilter)
    .orderBy(desc(auditLog.seq))
    .limit(args.first + 1);
  const [total] = await db.select({ n: count() }).from(auditLog).where(kindFilter);
  const page = rows.slice(0, args.first);
  const edges = page.map((row) => ({ cursor: encodeAuditCursor(row.seq), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total?.n ?? 0,
  };
}

export interface AuditLogResolverOptions<TContext> {
  /**
   * Runs before any query, e.g. `(ctx) => assertCanReadAudit(ctx.caller, 'JUSTICE')`. The resolver
   * itself checks nothing: the subgraph decides who may read.
   */
  authorize?: (ctx: TContext) => void | Promise<void>;
}

/**
 * Resolver of `auditLog(first: Int = 50, after: String, kind: AuditKind): AuditEntryConnection!`,
 * wherever a subgraph places the field. `dbOf` picks the agency's database out of the context.
 */
export function auditLogResolver<TContext, S extends Record<string, unknown>>(
  dbOf: (ctx: TContext) => Database<S>,
  options: AuditLogResolverOptions<TContext> = {},
) {
  return async (_parent: unknown, args: AuditLogArgs, ctx: TContext): Promise<AuditEntryConnection> => {
    await options.authorize?.(ctx);
    return readAuditPage(dbOf(ctx), args);
  };
}
