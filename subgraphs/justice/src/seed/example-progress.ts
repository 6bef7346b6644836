import type { MeasurementSeed, ProgressReportSeed } from '@cocuk-koruma/common';

// Example content: no real progress report of the plan is public. Measurements attached to the
// example indicator are the published room counts, each with its own source.
export const exampleReports: ProgressReportSeed[] = [
  {
    actionCode: 'A1.H1.E2',
    period: '2017-Q2',
    status: 'IN_PROGRESS',
    percentComplete: 30,
    narrative: 'Örnek rapor: ilk adli görüşme odaları hizmete girdi. (Example report: first rooms in service.)',
    source: 'example',
  },
  {
    actionCode: 'A1.H1.E2',
    period: '2018-Q2',
    status: 'IN_PROGRESS',
    percentComplete: 55,
    narrative: 'Örnek rapor: oda sayısı arttı. (Example report: the number of rooms grew.)',
    source: 'example',
  },
];

export const exampleMeasurements: MeasurementSeed[] = [
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2017-Q2',
    asOf: '2017-04-03',
    value: 32,
    source: 'Türkiye Barolar Birliği duyurusu 2017/30',
  },
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2017-Q2',
    asOf: '2017-04-03',
    value: 30,
    source: 'basın haberi, 2017 (press report)',
  },
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2018-Q2',
    asOf: '2018-04-01',
    value: 59,
    source: 'Anadolu Ajansı haberi, ~04.2018',
  },
];
