import type { ServiceFigureSeed } from '@cocuk-koruma/domain';

// Published figures from the domain brief. The source gives a period (Jan 2011 - May 2016),
// so the figures are dated at its end.
const ACADEMIC = 'ikincil akademik kaynak (secondary academic source)';

export const serviceFigures: ServiceFigureSeed[] = [
  {
    metric: 'child-monitoring-centres',
    labelTr: 'Çocuk İzlem Merkezi (ÇİM)',
    labelEn: 'Child monitoring centres (ÇİM)',
    value: 30,
    unit: 'centres',
    asOf: '2016-05-31',
    source: ACADEMIC,
    note: 'In 27 provinces. Set up under circular 2012/20 of 04.10.2012.',
  },
  {
    metric: 'child-monitoring-centres-provinces',
    labelTr: 'ÇİM bulunan il',
    labelEn: 'Provinces with a child monitoring centre',
    value: 27,
    unit: 'provinces',
    asOf: '2016-05-31',
    source: ACADEMIC,
    note: null,
  },
  {
    metric: 'child-monitoring-centre-cases',
    labelTr: 'ÇİM vaka sayısı',
    labelEn: 'Cases handled by child monitoring centres',
    value: 21068,
    unit: 'cases',
    asOf: '2016-05-31',
    source: ACADEMIC,
    note: 'Cumulative from January 2011 to May 2016.',
  },
];
