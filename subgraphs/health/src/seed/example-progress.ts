import { EXAMPLE_SOURCE, exampleReport, type MeasurementSeed, type ProgressReportSeed } from '@cocuk-koruma/domain';

// Example content: no real progress report of the plan is public, so every report here is
// labelled example. The ÇİM count carries its published source; other values are examples.
// Left without reports on purpose (they show NOT_STARTED): A2.H1.E2, A7.H2.E1.
const ACADEMIC = 'ikincil akademik kaynak (secondary academic source)';

export const exampleReports: ProgressReportSeed[] = [
  exampleReport(
    'A1.H1.E3',
    '2015-Q4',
    'IN_PROGRESS',
    20,
    'yeni ÇİM açılışları planlandı.',
    'new child monitoring centres were planned.',
  ),
  exampleReport(
    'A1.H1.E3',
    '2016-Q2',
    'AT_RISK',
    25,
    'ÇİM sayısı hedefin gerisinde.',
    'the number of centres lags the target.',
  ),
  exampleReport(
    'A1.H1.E3',
    '2018-Q4',
    'DELAYED',
    45,
    'süre sonunda hedefe ulaşılamadı.',
    'the target was not reached by the due date.',
  ),
  exampleReport(
    'A1.H2.E2',
    '2014-Q4',
    'IN_PROGRESS',
    15,
    'eğitim modülü hazırlandı.',
    'the training module was prepared.',
  ),
  exampleReport(
    'A1.H2.E2',
    '2016-Q4',
    'IN_PROGRESS',
    55,
    'acil servis personelinin yarısı eğitildi.',
    'half of emergency staff were trained.',
  ),
  exampleReport('A1.H2.E2', '2018-Q4', 'COMPLETED', 100, 'eğitim hedefi tamamlandı.', 'the training target was met.'),
  exampleReport(
    'A3.H1.E3',
    '2015-Q4',
    'IN_PROGRESS',
    40,
    'tek seans protokolü tüm ÇİMlere gönderildi.',
    'the one-session protocol went to every centre.',
  ),
  exampleReport(
    'A3.H1.E3',
    '2017-Q4',
    'IN_PROGRESS',
    70,
    'tek seansta tamamlanan vaka oranı arttı.',
    'the share of one-session cases rose.',
  ),
  exampleReport(
    'A4.H2.E4',
    '2016-Q4',
    'IN_PROGRESS',
    30,
    'yeni çocuk psikiyatrisi poliklinikleri açıldı.',
    'new child psychiatry clinics opened.',
  ),
  exampleReport(
    'A4.H2.E4',
    '2019-Q2',
    'AT_RISK',
    50,
    'uzman hekim açığı sürüyor.',
    'the shortage of specialists persists.',
  ),
];

export const exampleMeasurements: MeasurementSeed[] = [
  // Published figure (national aggregate).
  {
    actionCode: 'A1.H1.E3',
    indicatorCode: 'A1.H1.E3.G1',
    period: '2016-Q2',
    asOf: '2016-05-31',
    value: 30,
    source: ACADEMIC,
  },
  // Example values.
  {
    actionCode: 'A1.H2.E2',
    indicatorCode: 'A1.H2.E2.G1',
    period: '2016-Q4',
    asOf: null,
    value: 9800,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A1.H2.E2',
    indicatorCode: 'A1.H2.E2.G1',
    period: '2018-Q4',
    asOf: null,
    value: 21400,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H1.E3',
    indicatorCode: 'A3.H1.E3.G1',
    period: '2015-Q4',
    asOf: null,
    value: 68,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H1.E3',
    indicatorCode: 'A3.H1.E3.G1',
    period: '2017-Q4',
    asOf: null,
    value: 84,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H1.E3',
    indicatorCode: 'A3.H1.E3.G1',
    period: '2017-Q4',
    asOf: null,
    provincePlateCode: '06',
    value: 91,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H1.E3',
    indicatorCode: 'A3.H1.E3.G1',
    period: '2017-Q4',
    asOf: null,
    provincePlateCode: '35',
    value: 87,
    source: EXAMPLE_SOURCE,
  },
];
