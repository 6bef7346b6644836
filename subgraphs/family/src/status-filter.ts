import { actionsWithStatus } from '@cocuk-koruma/domain';
import { AGENCIES, agencyByCode, type AgencyCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { sql, type SQL } from 'drizzle-orm';
import { codeIn, dueBefore, dueOnOrAfter, type StatusCondition } from './action-page.js';
import type { FamilyContext } from './context.js';
import { actions } from './db/schema.js';
import type { ActionStatus } from './generated/resolvers-types.js';
import { graphClientOf } from './live.js';
import type { Missing } from './unavailable.js';

// Status lives with each responsible agency, so a status or overdue filter asks each agency (in one
// request through the gateway, as the caller) for the codes of its actions with the statuses the
// filter needs; the codes then join the plan filters in the page's own SQL. Each agency answers in
// one statement, so a page costs the same at 5,000 actions, and no status of any action outside
// the answer is read. The family's own statuses are in its own database and are read there.

const ALL_STATUSES: readonly ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'DELAYED', 'COMPLETED'];

export interface StatusFilter {
  status?: readonly ActionStatus[] | null;
  overdue?: boolean | null;
}

/** The status sets to ask for and how their codes combine with the due date in force. */
function plan(filter: StatusFilter, today: string) {
  const wanted = filter.status ? ALL_STATUSES.filter((s) => filter.status?.includes(s)) : ALL_STATUSES;
  const done = wanted.filter((s) => s === 'COMPLETED');
  const open = wanted.filter((s) => s !== 'COMPLETED');
  if (filter.overdue === true) {
    return { sets: [open], combine: ([o]: SQL[]) => sql`(${o} and ${dueBefore(today)})` };
  }
  if (filter.overdue === false) {
    return {
      sets: [done, open],
      combine: ([d, o]: SQL[]) => sql`(${d} or (${o} and ${dueOnOrAfter(today)}))`,
    };
  }
  return { sets: [wanted], combine: ([w]: SQL[]) => w ?? sql`false` };
}

interface Answer {
  [alias: string]: { code: string }[] | null;
}

/** The one read-back query: `justice { s0: actionsWithStatus(status: $s0) { code } … } health { … }`. */
function readBackQuery(slugs: readonly string[], setCount: number): string {
  const variables = Array.from({ length: setCount }, (_, i) => `$s${i}: [ActionStatus!]!`).join(', ');
  const fields = Array.from({ length: setCount }, (_, i) => `s${i}: actionsWithStatus(status: $s${i}) { code }`);
  return `query SecretariatStatusFilter(${variables}) { ${slugs.map((s) => `${s} { ${fields.join(' ')} }`).join(' ')} }`;
}

/**
 * The SQL condition a status/overdue filter puts on the page, for the agencies the page may
 * include (`responsible`, or all five). An agency that could not be read is in `unavailable`,
 * and its actions are left out of the page rather than guessed.
 */
export async function statusCondition(
  ctx: FamilyContext,
  filter: StatusFilter,
  responsible: AgencyCode | null | undefined,
): Promise<(StatusCondition & { missing: Missing | null }) | null> {
  if (!filter.status && (filter.overdue === null || filter.overdue === undefined)) return null;
  const { sets, combine } = plan(filter, ctx.clock.today());
  const agencies = responsible ? [responsible] : AGENCIES.map((a) => a.code);
  const codes: string[][] = sets.map(() => []);
  const unavailable: AgencyCode[] = [];
  let missing: Missing | null = null;

  if (agencies.includes('FAMILY')) {
    for (const [i, set] of sets.entries()) {
      codes[i]?.push(...(await actionsWithStatus(ctx.familyDb, set)).map((r) => r.code));
    }
  }
  const others = agencies.filter((a) => a !== 'FAMILY').map((a) => agencyByCode(a));
  if (others.length > 0) {
    let data: Record<string, Answer | null> | null = null;
    try {
      const result = await graphClientOf(ctx).query<Record<string, Answer | null>>(
        readBackQuery(
          others.map((a) => a.slug),
          sets.length,
        ),
        Object.fromEntries(sets.map((set, i) => [`s${i}`, set])),
      );
      data = result.data;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      missing = 'GATEWAY';
    }
    for (const agency of others) {
      const answer = data?.[agency.slug];
      const lists = sets.map((_, i) => answer?.[`s${i}`]);
      if (!answer || lists.some((l) => !l)) {
        unavailable.push(agency.code);
        missing ??= agency.code;
        continue;
      }
      for (const [i, list] of lists.entries()) codes[i]?.push(...(list ?? []).map((a) => a.code));
    }
  }
  let condition = combine(codes.map((c) => codeIn(c)));
  if (unavailable.length > 0) {
    condition = sql`(${condition} and ${actions.responsibleAgency} <> all(${sql.param(unavailable)}::agency_code[]))`;
  }
  return { condition, unavailable, missing };
}
