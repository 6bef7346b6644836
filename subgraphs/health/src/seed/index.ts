import { partsOf, type ProgressSeed } from '@cocuk-koruma/domain';
import { commitmentsOf, plan } from '@cocuk-koruma/plan';
import { exampleMeasurements, exampleReports } from './example-progress.js';
import { serviceFigures } from './service-figures.js';

export const seed: ProgressSeed = {
  planVersion: plan.planVersion,
  commitments: commitmentsOf('HEALTH').map((a) => ({ code: a.code, title: a.titleTr, dueDate: a.dueDate })),
  reports: exampleReports,
  measurements: exampleMeasurements,
  serviceFigures,
  parts: partsOf(plan.actions, 'HEALTH'),
};
