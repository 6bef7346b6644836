import { plan } from '@cocuk-koruma/plan';
import type {
  actionCollaborators,
  actions,
  indicators,
  institutions,
  strategicAreas,
  strategicGoals,
} from '../db/schema.js';

// The adopted plan in the repo, flattened into the secretariat's rows. Positions keep the plan's
// order, which codes alone do not (A1.H1.E10 sorts before A1.H1.E2).

export const institutionRows: (typeof institutions.$inferInsert)[] = plan.institutions.map((i, position) => ({
  code: i.code,
  position,
  name: i.nameTr,
  nameEn: i.nameEn,
  agency: i.agency,
  role: i.role,
  source: i.source,
}));

export const areaRows: (typeof strategicAreas.$inferInsert)[] = plan.areas.map((a, position) => ({
  code: a.code,
  position,
  name: a.nameTr,
  nameEn: a.nameEn,
  description: a.description,
  source: a.source,
}));

export const goalRows: (typeof strategicGoals.$inferInsert)[] = plan.goals.map((g, position) => ({
  code: g.code,
  areaCode: g.area,
  position,
  title: g.titleTr,
  titleEn: g.titleEn,
  source: g.source,
}));

export const actionRows: (typeof actions.$inferInsert)[] = plan.actions.map((a, position) => ({
  code: a.code,
  goalCode: a.goal,
  position,
  planVersion: plan.planVersion,
  title: a.titleTr,
  titleEn: a.titleEn,
  responsibleAgency: a.responsible,
  startDate: a.startDate,
  dueDate: a.dueDate,
  source: a.source,
}));

export const collaboratorRows: (typeof actionCollaborators.$inferInsert)[] = plan.actions.flatMap((a) =>
  a.collaborators.map((institutionCode, position) => ({ actionCode: a.code, institutionCode, position })),
);

// Indicators carry no source of their own in the plan; they share their action's.
export const indicatorRows: (typeof indicators.$inferInsert)[] = plan.actions.flatMap((a) =>
  a.indicators.map((i, position) => ({
    code: i.code,
    actionCode: a.code,
    position,
    name: i.nameTr,
    nameEn: i.nameEn,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    direction: i.direction,
    periodType: i.periodType,
    source: a.source,
  })),
);
