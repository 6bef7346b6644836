import fs from 'node:fs';
import { AGENCY_CODES, type AgencyCode } from '@cocuk-koruma/platform/agencies';
import { quarterOf } from '@cocuk-koruma/platform/clock';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const sourced = { source: z.string().min(1) };

const institutionSchema = z.object({
  code: z.string().regex(/^[A-Z_]+$/),
  nameTr: z.string().min(1),
  nameEn: z.string().min(1),
  /** Set for the five institutions that serve a subgraph. */
  agency: z.enum(AGENCY_CODES).nullable(),
  role: z.enum(['COORDINATOR', 'MEMBER']),
  ...sourced,
});

const indicatorSchema = z.object({
  code: z.string().min(1),
  nameTr: z.string().min(1),
  nameEn: z.string().min(1),
  unit: z.string().min(1),
  baseline: z.number().nullable(),
  target: z.number(),
  direction: z.enum(['INCREASE', 'DECREASE', 'MAINTAIN']),
  periodType: z.enum(['QUARTER', 'YEAR']),
});

const actionSchema = z.object({
  code: z.string().min(1),
  goal: z.string().min(1),
  titleTr: z.string().min(1),
  titleEn: z.string().min(1),
  responsible: z.enum(AGENCY_CODES),
  collaborators: z.array(z.string()),
  startDate: isoDate,
  dueDate: isoDate,
  indicators: z.array(indicatorSchema),
  ...sourced,
});

const planSchema = z.object({
  planVersion: z.string().min(1),
  titleTr: z.string().min(1),
  titleEn: z.string().min(1),
  note: z.string(),
  institutions: z.array(institutionSchema),
  areas: z.array(
    z.object({ code: z.string(), nameTr: z.string(), nameEn: z.string(), description: z.string(), ...sourced }),
  ),
  goals: z.array(
    z.object({ code: z.string(), area: z.string(), titleTr: z.string(), titleEn: z.string(), ...sourced }),
  ),
  actions: z.array(actionSchema),
});

export type AdoptedPlan = z.infer<typeof planSchema>;
export type PlanInstitution = AdoptedPlan['institutions'][number];
export type PlanArea = AdoptedPlan['areas'][number];
export type PlanGoal = AdoptedPlan['goals'][number];
export type PlanAction = AdoptedPlan['actions'][number];
export type PlanIndicator = PlanAction['indicators'][number];

/** Cross-references zod cannot see: every code unique, every reference resolvable, dates ordered. */
export function checkPlan(plan: AdoptedPlan): string[] {
  const problems: string[] = [];
  const unique = (kind: string, codes: string[]) => {
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) problems.push(`${kind} ${c} appears twice`);
      seen.add(c);
    }
    return seen;
  };
  const institutions = unique(
    'institution',
    plan.institutions.map((i) => i.code),
  );
  const areas = unique(
    'area',
    plan.areas.map((a) => a.code),
  );
  const goals = unique(
    'goal',
    plan.goals.map((g) => g.code),
  );
  unique(
    'action',
    plan.actions.map((a) => a.code),
  );
  unique(
    'indicator',
    plan.actions.flatMap((a) => a.indicators.map((i) => i.code)),
  );
  for (const g of plan.goals) if (!areas.has(g.area)) problems.push(`goal ${g.code} names unknown area ${g.area}`);
  for (const a of plan.actions) {
    if (!goals.has(a.goal)) problems.push(`action ${a.code} names unknown goal ${a.goal}`);
    if (a.startDate > a.dueDate) problems.push(`action ${a.code} is due before it starts`);
    for (const c of a.collaborators) {
      if (!institutions.has(c)) problems.push(`action ${a.code} names unknown collaborator ${c}`);
      if (c === a.responsible) problems.push(`action ${a.code} lists its responsible agency as a collaborator`);
    }
  }
  return problems;
}

export function parsePlan(json: unknown): AdoptedPlan {
  const plan = planSchema.parse(json);
  const problems = checkPlan(plan);
  if (problems.length > 0) throw new Error(`The action plan is inconsistent:\n- ${problems.join('\n- ')}`);
  return plan;
}

/** The adopted plan, versioned in the repo; every subgraph imports its part from here. */
export const plan: AdoptedPlan = parsePlan(
  JSON.parse(fs.readFileSync(new URL('../action-plan.json', import.meta.url), 'utf8')),
);

/** The actions the plan makes this agency responsible for. */
export function commitmentsOf(agency: AgencyCode): PlanAction[] {
  return plan.actions.filter((a) => a.responsible === agency);
}

/** The agency responsible for an action code, or undefined for a code the plan does not have. */
export function responsibleFor(actionCode: string): AgencyCode | undefined {
  return plan.actions.find((a) => a.code === actionCode)?.responsible;
}

/** The quarter (e.g. 2014-Q1) in which the plan's earliest action starts: no report can be for an earlier one. */
export const firstPlanQuarter: string = quarterOf(plan.actions.map((a) => a.startDate).sort()[0] ?? '2014-01-01');
