import type { MeasurementSeed, ProgressReportSeed } from '@cocuk-koruma/common';

// Example content: no real progress report of the plan is public.
export const exampleReports: ProgressReportSeed[] = [];

export const exampleMeasurements: MeasurementSeed[] = [];
