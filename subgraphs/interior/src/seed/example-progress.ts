import type { MeasurementSeed, ProgressReportSeed } from '@cocuk-koruma/common';

// Example content: no real progress report of the plan is public and the public record gives no
// figure for this ministry's indicators, so every report and measurement here is example.
// Left without reports on purpose (they show NOT_STARTED): A5.H2.E1, A7.H1.E1.
const EXAMPLE = 'example';

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
    'A1.H1.E5',
    '2014-Q4',
    'IN_PROGRESS',
    35,
    'görüşme standardı yayımlandı.',
    'the interview standard was issued.',
  ),
  report(
    'A1.H1.E5',
    '2015-Q4',
    'IN_PROGRESS',
    70,
    'illerin çoğu standardı uyguluyor.',
    'most provinces apply the standard.',
  ),
  report(
    'A1.H1.E5',
    '2016-Q4',
    'COMPLETED',
    100,
    'standart 81 ilde uygulanıyor.',
    'the standard is applied in all 81 provinces.',
  ),
  report(
    'A2.H2.E3',
    '2015-Q2',
    'IN_PROGRESS',
    40,
    'okul çevresi denetimleri planlandı.',
    'school-area patrols were planned.',
  ),
  report('A2.H2.E3', '2017-Q2', 'IN_PROGRESS', 75, 'kapsam okulların çoğuna ulaştı.', 'coverage reached most schools.'),
  report(
    'A3.H1.E2',
    '2015-Q4',
    'IN_PROGRESS',
    45,
    'çocuk şubelerine uzman personel atandı.',
    'specialist staff were posted to child branches.',
  ),
  report(
    'A3.H1.E2',
    '2017-Q4',
    'COMPLETED',
    100,
    'tüm illerde çocuk şube kadrosu tamamlandı.',
    'child branches are fully staffed in every province.',
  ),
  report('A3.H2.E2', '2015-Q4', 'AT_RISK', 30, 'eğitici sayısı yetersiz.', 'there are too few trainers.'),
  report(
    'A3.H2.E2',
    '2017-Q4',
    'DELAYED',
    60,
    'eğitim takvimi süre sonuna yetişmedi.',
    'training did not finish by the due date.',
  ),
  report(
    'A5.H1.E1',
    '2015-Q4',
    'IN_PROGRESS',
    30,
    'kurullar toplantı takvimi belirledi.',
    'boards set their meeting calendars.',
  ),
  report(
    'A5.H1.E1',
    '2017-Q4',
    'IN_PROGRESS',
    55,
    'illerin çoğu iki ayda bir toplanıyor.',
    'most provinces meet every two months.',
  ),
  report(
    'A5.H1.E1',
    '2019-Q4',
    'IN_PROGRESS',
    75,
    'düzenli toplanan il sayısı arttı.',
    'more provinces meet regularly.',
  ),
];

export const exampleMeasurements: MeasurementSeed[] = [
  { actionCode: 'A1.H1.E5', indicatorCode: 'A1.H1.E5.G1', period: '2014-Q4', asOf: null, value: 30, source: EXAMPLE },
  { actionCode: 'A1.H1.E5', indicatorCode: 'A1.H1.E5.G1', period: '2015-Q4', asOf: null, value: 58, source: EXAMPLE },
  { actionCode: 'A1.H1.E5', indicatorCode: 'A1.H1.E5.G1', period: '2016-Q4', asOf: null, value: 81, source: EXAMPLE },
  {
    actionCode: 'A2.H2.E3',
    indicatorCode: 'A2.H2.E3.G1',
    period: '2017-Q2',
    asOf: null,
    provincePlateCode: '06',
    value: 92,
    source: EXAMPLE,
  },
  {
    actionCode: 'A2.H2.E3',
    indicatorCode: 'A2.H2.E3.G1',
    period: '2017-Q2',
    asOf: null,
    provincePlateCode: '34',
    value: 81,
    source: EXAMPLE,
  },
  {
    actionCode: 'A2.H2.E3',
    indicatorCode: 'A2.H2.E3.G1',
    period: '2017-Q2',
    asOf: null,
    provincePlateCode: '35',
    value: 88,
    source: EXAMPLE,
  },
  { actionCode: 'A5.H1.E1', indicatorCode: 'A5.H1.E1.G1', period: '2015-Q4', asOf: null, value: 31, source: EXAMPLE },
  { actionCode: 'A5.H1.E1', indicatorCode: 'A5.H1.E1.G1', period: '2017-Q4', asOf: null, value: 52, source: EXAMPLE },
  { actionCode: 'A5.H1.E1', indicatorCode: 'A5.H1.E1.G1', period: '2019-Q4', asOf: null, value: 66, source: EXAMPLE },
];
