import type { MeasurementSeed, ProgressReportSeed } from '@cocuk-koruma/common';

// Example content: no real progress report of the plan is public, so every report here is
// labelled example. Measurements that carry a published figure name its source; the plan's
// window ends in 2019, but a later published figure still tracks the same indicator.
// Left without reports on purpose (they show NOT_STARTED): A1.H2.E1 (ALO 183), A2.H1.E1 (SED).
const EXAMPLE = 'example';
const NEWS_2021 = 'ministry news "Çocuklar İçin Bölgesel İstişare Toplantıları"';
const NEWS_2019_08 = 'ministry news "Sahadan Tecrübe Aktarım Toplantıları Başladı"';
const PRESS = 'press';

const report = (
  actionCode: string,
  period: string,
  status: ProgressReportSeed['status'],
  percentComplete: number,
  tr: string,
  en: string,
): ProgressReportSeed => ({
  actionCode,
  period,
  status,
  percentComplete,
  narrative: `Örnek rapor: ${tr} (Example report: ${en})`,
  source: EXAMPLE,
});

export const exampleReports: ProgressReportSeed[] = [
  report(
    'A1.H1.E1',
    '2015-Q4',
    'IN_PROGRESS',
    30,
    'mobil ekipler ilk illerde kuruldu.',
    'mobile teams set up in the first provinces.',
  ),
  report(
    'A1.H1.E1',
    '2017-Q4',
    'IN_PROGRESS',
    55,
    'mobil ekipler illerin yarısında çalışıyor.',
    'mobile teams work in half of the provinces.',
  ),
  report(
    'A1.H1.E1',
    '2019-Q4',
    'AT_RISK',
    70,
    'personel açığı nedeniyle hedef risk altında.',
    'the target is at risk for lack of staff.',
  ),
  report(
    'A2.H2.E1',
    '2016-Q4',
    'IN_PROGRESS',
    20,
    'pilot illerde ilk birimler kuruldu.',
    'first units set up in pilot provinces.',
  ),
  report(
    'A2.H2.E1',
    '2018-Q4',
    'IN_PROGRESS',
    50,
    'birimler okul taramasına başladı.',
    'units started school screening.',
  ),
  report('A2.H2.E1', '2019-Q4', 'DELAYED', 65, 'araç temini gecikti.', 'vehicle procurement was delayed.'),
  report(
    'A3.H1.E1',
    '2016-Q4',
    'IN_PROGRESS',
    30,
    'Çocuklar Güvende ekipleri görüşmelere başladı.',
    'Çocuklar Güvende teams began interviews.',
  ),
  report(
    'A3.H1.E1',
    '2018-Q4',
    'IN_PROGRESS',
    70,
    'ön değerlendirme formu tüm illerde kullanılıyor.',
    'the preliminary assessment form is used in every province.',
  ),
  report(
    'A3.H1.E1',
    '2019-Q4',
    'IN_PROGRESS',
    85,
    'görüşme sayısı hedefe yaklaştı.',
    'interviews are close to the target.',
  ),
  report(
    'A4.H2.E1',
    '2016-Q2',
    'IN_PROGRESS',
    40,
    'koruyucu aile tanıtım kampanyası yapıldı.',
    'a foster care campaign was run.',
  ),
  report(
    'A4.H2.E1',
    '2019-Q2',
    'IN_PROGRESS',
    75,
    'koruyucu aile sayısı arttı.',
    'the number of foster families grew.',
  ),
  report(
    'A4.H2.E2',
    '2016-Q4',
    'IN_PROGRESS',
    35,
    'ilk Çocuk Destek Merkezleri açıldı.',
    'the first child support centres opened.',
  ),
  report(
    'A4.H2.E2',
    '2019-Q3',
    'COMPLETED',
    100,
    'merkez sayısı hedefi aştı.',
    'the number of centres passed the target.',
  ),
];

export const exampleMeasurements: MeasurementSeed[] = [
  // Published figures (aggregates, national).
  {
    actionCode: 'A1.H1.E1',
    indicatorCode: 'A1.H1.E1.G1',
    period: '2021-Q2',
    asOf: '2021-04-05',
    value: 274,
    source: NEWS_2021,
  },
  {
    actionCode: 'A1.H2.E1',
    indicatorCode: 'A1.H2.E1.G1',
    period: '2010-Q4',
    asOf: '2010-12-31',
    value: 1012,
    source: PRESS,
  },
  {
    actionCode: 'A2.H2.E1',
    indicatorCode: 'A2.H2.E1.G1',
    period: '2021-Q2',
    asOf: '2021-04-05',
    value: 241,
    source: NEWS_2021,
  },
  {
    actionCode: 'A2.H2.E1',
    indicatorCode: 'A2.H2.E1.G2',
    period: '2021-Q2',
    asOf: '2021-04-05',
    value: 24250,
    source: NEWS_2021,
  },
  {
    actionCode: 'A3.H1.E1',
    indicatorCode: 'A3.H1.E1.G1',
    period: '2021-Q2',
    asOf: '2021-04-05',
    value: 59275,
    source: NEWS_2021,
  },
  {
    actionCode: 'A4.H2.E1',
    indicatorCode: 'A4.H2.E1.G1',
    period: '2023-Q3',
    asOf: '2023-07-01',
    value: 9187,
    source: PRESS,
  },
  {
    actionCode: 'A4.H2.E1',
    indicatorCode: 'A4.H2.E1.G2',
    period: '2023-Q3',
    asOf: '2023-07-01',
    value: 7587,
    source: PRESS,
  },
  {
    actionCode: 'A4.H2.E1',
    indicatorCode: 'A4.H2.E1.G1',
    period: '2026-Q1',
    asOf: '2026-01-01',
    value: 10841,
    source: PRESS,
  },
  {
    actionCode: 'A4.H2.E2',
    indicatorCode: 'A4.H2.E2.G1',
    period: '2019-Q3',
    asOf: '2019-08-01',
    value: 64,
    source: NEWS_2019_08,
  },
  // Example values for an indicator the public record gives no figure for.
  { actionCode: 'A4.H2.E1', indicatorCode: 'A4.H2.E1.G1', period: '2016-Q2', asOf: null, value: 5200, source: EXAMPLE },
  {
    actionCode: 'A4.H2.E1',
    indicatorCode: 'A4.H2.E1.G1',
    period: '2016-Q2',
    asOf: null,
    provincePlateCode: '06',
    value: 410,
    source: EXAMPLE,
  },
  {
    actionCode: 'A4.H2.E1',
    indicatorCode: 'A4.H2.E1.G1',
    period: '2016-Q2',
    asOf: null,
    provincePlateCode: '34',
    value: 780,
    source: EXAMPLE,
  },
];
