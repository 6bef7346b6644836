import { EXAMPLE_SOURCE, exampleReport, type MeasurementSeed, type ProgressReportSeed } from '@cocuk-koruma/domain';

// Example content: no real progress report of the plan is public. Measurements attached to the
// forensic-room indicator are the published room counts, each with its own source; the two 2017
// counts disagree and stand side by side. Other values are examples.
// Left without reports on purpose (they show NOT_STARTED): A4.H3.E1, A6.H1.E1.
const BAR_NOTICE = 'Türkiye Barolar Birliği duyurusu 2017/30';
const PRESS_2017 = 'basın haberi, 2017 (press report)';
const AA_2018 = 'Anadolu Ajansı haberi, ~04.2018';

export const exampleReports: ProgressReportSeed[] = [
  exampleReport(
    'A1.H1.E2',
    '2017-Q2',
    'IN_PROGRESS',
    30,
    'ilk adli görüşme odaları hizmete girdi.',
    'first rooms in service.',
  ),
  exampleReport('A1.H1.E2', '2018-Q2', 'IN_PROGRESS', 55, 'oda sayısı arttı.', 'the number of rooms grew.'),
  exampleReport(
    'A1.H1.E2',
    '2019-Q2',
    'IN_PROGRESS',
    70,
    'odalar yeni adliyelere yayıldı.',
    'rooms spread to more courthouses.',
  ),
  exampleReport(
    'A3.H2.E1',
    '2015-Q2',
    'IN_PROGRESS',
    30,
    'hâkim ve savcı eğitim programı başladı.',
    'the training programme for judges and prosecutors began.',
  ),
  exampleReport(
    'A3.H2.E1',
    '2016-Q4',
    'IN_PROGRESS',
    60,
    'baro eğitimleri eklendi.',
    'bar association trainings were added.',
  ),
  exampleReport(
    'A3.H2.E1',
    '2018-Q4',
    'COMPLETED',
    100,
    'eğitim hedefleri tamamlandı.',
    'the training targets were met.',
  ),
  exampleReport(
    'A4.H1.E1',
    '2016-Q4',
    'DELAYED',
    35,
    'yeni çocuk mahkemesi kuruluşları gecikti.',
    'new child courts were delayed.',
  ),
  exampleReport('A4.H1.E1', '2018-Q4', 'AT_RISK', 50, 'hâkim kadrosu yetersiz.', 'there are not enough judges.'),
  exampleReport(
    'A4.H2.E3',
    '2016-Q2',
    'IN_PROGRESS',
    25,
    'bireysel tedbir planı formu hazırlandı.',
    'the individual measure plan form was prepared.',
  ),
  exampleReport(
    'A4.H2.E3',
    '2018-Q2',
    'IN_PROGRESS',
    60,
    'denetimli serbestlik müdürlükleri planları kullanıyor.',
    'probation offices use the plans.',
  ),
  exampleReport(
    'A7.H1.E2',
    '2015-Q4',
    'IN_PROGRESS',
    50,
    'istatistik tabloları TÜİK ile gözden geçirildi.',
    'statistics tables were reviewed with TÜİK.',
  ),
  exampleReport(
    'A7.H1.E2',
    '2017-Q4',
    'COMPLETED',
    100,
    'uyumlu tablolar yayımlandı.',
    'the aligned tables were published.',
  ),
];

export const exampleMeasurements: MeasurementSeed[] = [
  // Published room counts (national aggregates).
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2017-Q2',
    asOf: '2017-04-03',
    value: 32,
    source: BAR_NOTICE,
  },
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2017-Q2',
    asOf: '2017-04-03',
    value: 30,
    source: PRESS_2017,
  },
  {
    actionCode: 'A1.H1.E2',
    indicatorCode: 'A1.H1.E2.G1',
    period: '2018-Q2',
    asOf: '2018-04-01',
    value: 59,
    source: AA_2018,
  },
  // Example values.
  {
    actionCode: 'A3.H2.E1',
    indicatorCode: 'A3.H2.E1.G1',
    period: '2015-Q4',
    asOf: null,
    value: 850,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H2.E1',
    indicatorCode: 'A3.H2.E1.G1',
    period: '2016-Q4',
    asOf: null,
    value: 1900,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H2.E1',
    indicatorCode: 'A3.H2.E1.G1',
    period: '2018-Q4',
    asOf: null,
    value: 3150,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A3.H2.E1',
    indicatorCode: 'A3.H2.E1.G2',
    period: '2018-Q4',
    asOf: null,
    value: 4600,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A4.H2.E3',
    indicatorCode: 'A4.H2.E3.G1',
    period: '2018-Q2',
    asOf: null,
    provincePlateCode: '01',
    value: 64,
    source: EXAMPLE_SOURCE,
  },
  {
    actionCode: 'A4.H2.E3',
    indicatorCode: 'A4.H2.E3.G1',
    period: '2018-Q2',
    asOf: null,
    provincePlateCode: '42',
    value: 58,
    source: EXAMPLE_SOURCE,
  },
];
