import { badUserInput, type AgencyCode } from '@cocuk-koruma/platform';
import { and, asc, count, eq, gt, gte, inArray, lt, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { FamilyContext } from './context.js';
import { actions, dueDateRevisions, strategicGoals, type ActionRow } from './db/schema.js';

// The plan browser's list: keyset paging in code order over the secretariat's plan rows, every
// filter in one WHERE clause, so a page costs the same two statements (page and count) at 33
// actions as at 5,000.

/** Byte order, whatever the database's collation: the cursor compares exactly as the page sorts. */
const codeOrder = sql`${actions.code} collate "C"`;

const CURSOR_PREFIX = 'action:';
const CODE_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** Opaque to clients: base64url of the last action's code. */
export function encodeActionCursor(code: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${code}`, 'utf8').toString('base64url');
}

export function decodeActionCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const code = text.slice(CURSOR_PREFIX.length);
  // Re-encoding must give the cursor back: rejects padding tricks and stray characters.
  if (!text.startsWith(CURSOR_PREFIX) || !CODE_PATTERN.test(code) || encodeActionCursor(code) !== cursor) {
    throw badUserInput('after: not a cursor of this list; pass an endCursor or edge cursor as given.', 'after');
  }
  return code;
}

/** The due date in force: the latest re-baselining, else the plan's (as `currentDueDate`). */
const dueInForce = sql`coalesce((${sql`select ${dueDateRevisions.dueDate} from ${dueDateRevisions} where ${dueDateRevisions.actionCode} = ${actions.code} order by ${dueDateRevisions.revision} desc limit 1`}), ${actions.dueDate})`;

// Turkish letters folded to their ASCII base and case dropped, in SQL on both sides of the
// comparison so the term and the titles fold alike whatever the database's locale: İ, I, ı and i
// are one letter, as are ç/c, ğ/g, ö/o, ş/s, ü/u and the circumflexed vowels. lower() then
// handles the ASCII letters, the same in every locale.
const FOLD_FROM = 'İIıÇĞÖŞÜÂÎÛçğöşüâîû';
const FOLD_TO = 'iiicgosuaiucgosuaiu';
const fold = (value: SQLWrapper) => sql`lower(translate(${value}, ${FOLD_FROM}, ${FOLD_TO}))`;

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every word in the code or either title. */
function searchCondition(words: readonly string[]): SQL | undefined {
  return and(
    ...words.map((word) => {
      const pattern = sql`'%' || ${fold(sql`${escapeLike(word)}::text`)} || '%'`;
      return or(
        sql`${fold(actions.code)} like ${pattern}`,
        sql`${fold(actions.title)} like ${pattern}`,
        sql`${fold(actions.titleEn)} like ${pattern}`,
      );
    }),
  );
}

/** One array parameter, however many codes: `= any($1)` keeps the statement the same size. */
export function codeIn(codes: readonly string[]): SQL {
  return sql`${actions.code} = any(${sql.param([...codes])}::text[])`;
}

/** What the status read-back found: which codes hold for the filter, and where it could not tell. */
export interface StatusCondition {
  condition: SQL;
  unavailable: readonly AgencyCode[];
}

export interface PlanFilter {
  responsible?: AgencyCode | null;
  areaCode?: string | null;
  goalCode?: string | null;
  /** First and last day of the quarter the action's window must overlap. */
  window?: { start: string; end: string } | null;
  searchWords?: readonly string[] | null;
}

export function planConditions(ctx: FamilyContext, filter: PlanFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.responsible) conditions.push(eq(actions.responsibleAgency, filter.responsible));
  if (filter.goalCode) conditions.push(eq(actions.goalCode, filter.goalCode));
  if (filter.areaCode) {
    conditions.push(
      inArray(
        actions.goalCode,
        ctx.familyDb
          .select({ code: strategicGoals.code })
          .from(strategicGoals)
          .where(eq(strategicGoals.areaCode, filter.areaCode)),
      ),
    );
  }
  if (filter.window) {
    conditions.push(lte(actions.startDate, filter.window.end), gte(dueInForce, filter.window.start));
  }
  const search = filter.searchWords?.length ? searchCondition(filter.searchWords) : undefined;
  if (search) conditions.push(search);
  return conditions;
}

/** Overdue as on Action: the due date in force is before today (and the status not COMPLETED). */
export function dueBefore(today: string): SQL {
  return lt(dueInForce, today);
}
export function dueOnOrAfter(today: string): SQL {
  return gte(dueInForce, today);
}

export interface PlanPage {
  rows: ActionRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/** `first` rows after the cursor's code, and how many match across all pages. */
export async function readPlanPage(
  ctx: FamilyContext,
  conditions: readonly SQL[],
  first: number,
  after: string | null,
): Promise<PlanPage> {
  const where = and(...conditions);
  const pageWhere = after === null ? where : and(where, gt(codeOrder, after));
  const rows = await ctx.familyDb
    .select()
    .from(actions)
    .where(pageWhere)
    .orderBy(asc(codeOrder))
    .limit(first + 1);
  const [total] = await ctx.familyDb.select({ n: count() }).from(actions).where(where);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: total?.n ?? 0 };
}
