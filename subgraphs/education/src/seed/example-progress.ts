import { EXAMPLE_SOURCE, exampleReport, type MeasurementSeed, type ProgressReportSeed } from '@cocuk-koruma/domain';

// Example content: no real progress report of the plan is public, so every report here is
// labelled example. The school-match count is the family ministry's published figure for the
// mobile social service application; other values are examples.
// Left without reports on purpose (they show NOT_STARTED): A5.H2.E2, A6.H1.E2.
const NEWS_2019_09 = 'ministry news "Sahadan Tecrübe Aktarım Toplantıları Devam Ediyor"';

export const exampleReports: ProgressReportSeed[] = [
  exampleReport(
    'A1.H1.E4',
    '2015-Q2',
    'IN_PROGRESS',
    30,
    'rehber öğretmen eğitimleri başladı.',
    'counsellor training began.',
  ),
  exampleReport(
    'A1.H1.E4',
    '2016-Q2',
    'IN_PROGRESS',
    65,
    'rehber öğretmenlerin çoğu eğitildi.',
    'most counsellors were trained.',
  ),
  exampleReport('A1.H1.E4', '2017-Q2', 'COMPLETED', 100, 'eğitim hedefi aşıldı.', 'the training target was passed.'),
  exampleReport(
    'A1.H2.E3',
    '2015-Q2',
    'IN_PROGRESS',
    20,
    'farkındalık materyalleri okullara gönderildi.',
    'awareness material went to schools.',
  ),
  exampleReport(
    'A1.H2.E3',
    '2017-Q2',
    'IN_PROGRESS',
    55,
    'okulların yarısında çalışma yapıldı.',
    'half of schools held sessions.',
  ),
  exampleReport(
    'A1.H2.E3',
    '2019-Q2',
    'AT_RISK',
    70,
    'kırsal okullarda kapsama düşük.',
    'coverage is low in rural schools.',
  ),
  exampleReport(
    'A2.H2.E2',
    '2017-Q4',
    'IN_PROGRESS',
    25,
    'ilk okullar mobil birimlerle eşleştirildi.',
    'the first schools were matched with mobile units.',
  ),
  exampleReport(
    'A2.H2.E2',
    '2019-Q3',
    'IN_PROGRESS',
    80,
    'eşleştirme tüm illere yayıldı.',
    'matching reached every province.',
  ),
  exampleReport(
    'A4.H2.E5',
    '2016-Q2',
    'DELAYED',
    20,
    'devam izleme modülü gecikti.',
    'the attendance-tracking module was delayed.',
  ),
];

export const exampleMeasurements: MeasurementSeed[] = [
  // Published figure (national aggregate, family ministry news).
  {
    actionCode: 'A2.H2.E2',
    indicatorCode: 'A2.H2.E2.G1',
    period: '2019-Q3',
    asOf: '2019-09-26',
    value: 1615,
    source: NEWS_2019_09,
  },
  // Example values.
  {
    actionCode: 'A1.H1.E4',
    indicatorCode: 'A1.H1.E4.G1',
    period: '2015-Q2',
    asOf: null,
    value: 25,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A1.H1.E4',
    indicatorCode: 'A1.H1.E4.G1',
    period: '2016-Q2',
    asOf: null,
    value: 60,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A1.H1.E4',
    indicatorCode: 'A1.H1.E4.G1',
    period: '2017-Q2',
    asOf: null,
    value: 84,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A1.H1.E4',
    indicatorCode: 'A1.H1.E4.G1',
    period: '2017-Q2',
    asOf: null,
    provincePlateCode: '21',
    value: 78,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A1.H1.E4',
    indicatorCode: 'A1.H1.E4.G1',
    period: '2017-Q2',
    asOf: null,
    provincePlateCode: '61',
    value: 88,
    source: EXAMPLE_SOURCE,
  },
];
