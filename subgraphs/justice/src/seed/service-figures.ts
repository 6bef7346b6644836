import type { ServiceFigureSeed } from '@cocuk-koruma/domain';

// Published figures from the domain brief. The 2017 room count disagrees between the bar
// association's notice and a press report: both stand, each with its source.
const BAR_NOTICE = 'Türkiye Barolar Birliği duyurusu 2017/30';
const PRESS_2017 = 'basın haberi, 2017 (press report)';
const AA_2018 = 'Anadolu Ajansı haberi, ~04.2018';

export const serviceFigures: ServiceFigureSeed[] = [
  {
    metric: 'forensic-interview-rooms',
    labelTr: 'Adli görüşme odası',
    labelEn: 'Forensic interview rooms',
    value: 32,
    unit: 'rooms',
    asOf: '2017-04-03',
    source: BAR_NOTICE,
    note: 'In 26 courthouses in 23 provinces, in service from 03.04.2017.',
  },
  {
    metric: 'forensic-interview-rooms',
    labelTr: 'Adli görüşme odası',
    labelEn: 'Forensic interview rooms',
    value: 30,
    unit: 'rooms',
    asOf: '2017-04-03',
    source: PRESS_2017,
    note: 'Disagrees with the bar association notice (32) for the same date.',
  },
  {
    metric: 'forensic-interview-rooms-courthouses',
    labelTr: 'Adli görüşme odası bulunan adliye',
    labelEn: 'Courthouses with forensic interview rooms',
    value: 26,
    unit: 'courthouses',
    asOf: '2017-04-03',
    source: BAR_NOTICE,
    note: null,
  },
  {
    metric: 'forensic-interview-rooms-provinces',
    labelTr: 'Adli görüşme odası bulunan il',
    labelEn: 'Provinces with forensic interview rooms',
    value: 23,
    unit: 'provinces',
    asOf: '2017-04-03',
    source: BAR_NOTICE,
    note: null,
  },
  {
    metric: 'forensic-interview-rooms',
    labelTr: 'Adli görüşme odası',
    labelEn: 'Forensic interview rooms',
    value: 59,
    unit: 'rooms',
    asOf: '2018-04-01',
    source: AA_2018,
    note: 'About one year after the first rooms opened; the report gives the month only.',
  },
  {
    metric: 'forensic-interviews',
    labelTr: 'Adli görüşme odalarında yapılan görüşme',
    labelEn: 'Interviews held in forensic interview rooms',
    value: 2131,
    unit: 'interviews',
    asOf: '2018-04-01',
    source: AA_2018,
    note: 'Cumulative over the first year; the report gives the month only.',
  },
];
