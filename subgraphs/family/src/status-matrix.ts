import { AGENCY_CODES, groupBy, type AgencyCode } from '@cocuk-koruma/platform';
import { asc } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { countRow } from './board-pack.js';
import type { FamilyContext } from './context.js';
import { actions, strategicGoals, type GoalRow } from './db/schema.js';
import type { StatusCounts } from './generated/resolvers-types.js';
import { readLiveActions } from './live.js';
import { missingValue } from './unavailable.js';

/** One cell: the goal and agency from the plan, the counts from that agency, or why they are missing. */
export interface StatusMatrixCellModel {
  goal: GoalRow;
  responsibleAgency: AgencyCode;
  total: number;
  counts: StatusCounts | GraphQLError;
}

// The dashboard's matrix once sent every action to the browser to be counted there, which the
// unpaged list refuses past 500 actions. Counting here reads the same per-agency summaries as the
// board pack: two plan statements and one read-back, whatever the plan's size.

/** Every (goal, responsible agency) that holds actions, goals in plan order, agencies in AGENCIES order. */
export async function statusMatrix(ctx: FamilyContext): Promise<StatusMatrixCellModel[]> {
  const [goalRows, actionRows] = await Promise.all([
    ctx.familyDb.select().from(strategicGoals).orderBy(asc(strategicGoals.position)),
    ctx.familyDb
      .select({ code: actions.code, goalCode: actions.goalCode, responsibleAgency: actions.responsibleAgency })
      .from(actions)
      .orderBy(asc(actions.position)),
  ]);
  const live = await readLiveActions(ctx, actionRows, { latestReport: false });
  const byGoal = groupBy(actionRows, (a) => a.goalCode);
  const cells: StatusMatrixCellModel[] = [];
  for (const goal of goalRows) {
    const byAgency = groupBy(byGoal.get(goal.code) ?? [], (a) => a.responsibleAgency);
    for (const [agency, rows] of [...byAgency].sort(([a], [b]) => agencyOrder(a) - agencyOrder(b))) {
      const missing = rows.map((row) => live.missing.get(row.code)).find((m) => m !== undefined);
      cells.push({
        goal,
        responsibleAgency: agency,
        total: rows.length,
        counts: missing
          ? missingValue(missing, `the statuses of goal ${goal.code}'s actions are missing from the matrix`)
          : countRow(
              `${goal.code}/${agency}`,
              goal.title,
              rows.map((row) => live.actions.get(row.code)?.status ?? null),
            ),
      });
    }
  }
  return cells;
}

const agencyOrder = (agency: AgencyCode) => AGENCY_CODES.indexOf(agency);
