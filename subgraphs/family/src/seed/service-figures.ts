import type { ServiceFigureSeed } from '@cocuk-koruma/domain';

// Published figures from the domain brief, each with the source the brief gives. Where a source
// gives only a year, a month or "early" in a year, the date is the start (or, for a year
// total, the end) of that span and the note says so.
const NEWS_2021 = 'ministry news "Çocuklar İçin Bölgesel İstişare Toplantıları"';
const NEWS_2019_09 = 'ministry news "Sahadan Tecrübe Aktarım Toplantıları Devam Ediyor"';
const NEWS_2019_08 = 'ministry news "Sahadan Tecrübe Aktarım Toplantıları Başladı"';
const PRESS = 'press';

const figure = (
  metric: string,
  labelTr: string,
  labelEn: string,
  value: number,
  unit: string,
  asOf: string,
  source: string,
  note: string | null = null,
): ServiceFigureSeed => ({ metric, labelTr, labelEn, value, unit, asOf, source, note });

export const serviceFigures: ServiceFigureSeed[] = [
  // 05.04.2021: regional consultation meetings for children.
  figure('mobile-teams', 'Mobil ekip', 'Mobile teams', 274, 'teams', '2021-04-05', NEWS_2021, 'up from 139 (+97.1%)'),
  figure(
    'mobile-teams-children-supported',
    'Mobil ekiplerin destek verdiği çocuk',
    'Children supported by mobile teams',
    23885,
    'children',
    '2021-04-05',
    NEWS_2021,
  ),
  figure(
    'mobile-child-social-service-units',
    'Mobil Çocuk Sosyal Hizmet Birimi',
    'Mobile child social service units',
    241,
    'units',
    '2021-04-05',
    NEWS_2021,
    'up from 174 (+38.5%)',
  ),
  figure(
    'mobile-child-social-service-unit-interviews',
    'Mobil Çocuk Sosyal Hizmet Birimlerinin yaptığı görüşme',
    'Interviews held by mobile child social service units',
    58124,
    'interviews',
    '2021-04-05',
    NEWS_2021,
  ),
  figure(
    'mobile-child-social-service-unit-interviews-with-children',
    'Mobil Çocuk Sosyal Hizmet Birimlerinin çocuklarla yaptığı görüşme',
    'Interviews with children held by mobile child social service units',
    24250,
    'interviews',
    '2021-04-05',
    NEWS_2021,
  ),
  figure(
    'cocuklar-guvende-children-interviewed',
    'Çocuklar Güvende kapsamında görüşülen çocuk',
    'Children interviewed by Çocuklar Güvende teams',
    59275,
    'children',
    '2021-04-05',
    NEWS_2021,
  ),
  // 26.09.2019: the mobile social service application.
  figure(
    'mobile-social-service-provinces',
    'Mobil sosyal hizmet uygulamasının yürütüldüğü il',
    'Provinces running the mobile social service application',
    81,
    'provinces',
    '2019-09-26',
    NEWS_2019_09,
  ),
  figure(
    'mobile-social-service-teams',
    'Mobil sosyal hizmet ekibi',
    'Mobile social service teams',
    149,
    'teams',
    '2019-09-26',
    NEWS_2019_09,
  ),
  figure(
    'mobile-social-service-staff',
    'Mobil sosyal hizmet personeli',
    'Mobile social service staff',
    419,
    'staff',
    '2019-09-26',
    NEWS_2019_09,
  ),
  figure(
    'mobile-social-service-school-matches',
    'Mobil sosyal hizmet okul eşleştirmesi',
    'Schools matched with mobile social service teams',
    1615,
    'schools',
    '2019-09-26',
    NEWS_2019_09,
  ),
  figure(
    'mobile-social-service-children-interviewed',
    'Mobil sosyal hizmet kapsamında görüşülen çocuk',
    'Children interviewed by mobile social service teams',
    17076,
    'children',
    '2019-09-26',
    NEWS_2019_09,
  ),
  figure(
    'mobile-social-service-families-interviewed',
    'Mobil sosyal hizmet kapsamında görüşülen aile',
    'Families interviewed by mobile social service teams',
    11030,
    'families',
    '2019-09-26',
    NEWS_2019_09,
  ),
  // 01.08.2019: child support centres.
  figure(
    'child-support-centres',
    'Çocuk Destek Merkezi',
    'Child support centres (Çocuk Destek Merkezleri)',
    64,
    'centres',
    '2019-08-01',
    NEWS_2019_08,
    'Specialised by reason of entry into care.',
  ),
  // ALO 183, year 2010.
  figure(
    'alo-183-callers',
    'ALO 183 hattını arayan kişi',
    'Callers to the ALO 183 line',
    24398,
    'callers',
    '2010-12-31',
    PRESS,
    'year total',
  ),
  figure(
    'alo-183-neglect-abuse-calls',
    'ALO 183 hattına gelen ihmal veya istismar çağrısı',
    'Calls to ALO 183 about neglect or abuse',
    1012,
    'calls',
    '2010-12-31',
    PRESS,
    'year total',
  ),
  // Foster care.
  figure(
    'foster-care-children',
    'Koruyucu aile yanındaki çocuk',
    'Children in foster care',
    9187,
    'children',
    '2023-07-01',
    PRESS,
    'month only (07.2023)',
  ),
  figure(
    'foster-families',
    'Koruyucu aile',
    'Foster families',
    7587,
    'families',
    '2023-07-01',
    PRESS,
    'month only (07.2023)',
  ),
  figure(
    'foster-care-children',
    'Koruyucu aile yanındaki çocuk',
    'Children in foster care',
    10841,
    'children',
    '2026-01-01',
    PRESS,
    'approximate (early 2026)',
  ),
];
