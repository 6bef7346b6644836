import type {
  editionAdoptionDates,
  legalReferences,
  strategyDocuments,
  strategyEditions,
  strategyEvents,
} from '../db/schema.js';

// Sourced facts of the strategy's history. Where the sources disagree (the first edition's adoption
// day) every version is kept with its source and the edition is flagged, never reconciled.

export const STRATEGY_CODE = 'CKHK-SB';

const MINISTRY_NEWS_ADOPTION = 'ASPB haber sayfası (ministry news page): Merkezi Koordinasyon, 13.01.2011';
const PRINTED_EDITIONS = 'Strateji Belgesi 2011–2015, basılı baskılar (printed editions): 27.01.2011';
const REVISION_NEWS = 'ASPB haberi (ministry news) on the revision working group, 12.02.2013';
const PREPARATORY_NEWS = "ministry news of 14.02.2013 on the revision's preparatory meeting";
const APPROVAL_RECORD = 'Strateji Belgesi ve Uygulama Planları 2014–2019: approved unanimously on 27.11.2013';

export const strategyDocument: typeof strategyDocuments.$inferInsert = {
  code: STRATEGY_CODE,
  title: 'Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesi',
  titleEn: 'Coordination Strategy Document for Child Protection Services',
};

export const legalBasis: (typeof legalReferences.$inferInsert)[] = [
  {
    reference: 'Kanun No. 5395',
    documentCode: STRATEGY_CODE,
    position: 1,
    title: 'Çocuk Koruma Kanunu',
    // The record used here names the law but not its date, so none is given.
    date: null,
    source: 'Çocuk Koruma Kanunu (Law 5395): the legal frame of child protection',
  },
  {
    reference: 'RG 26386, md. 19–21',
    documentCode: STRATEGY_CODE,
    position: 2,
    title: 'Koruyucu ve destekleyici tedbir kararlarının uygulanması hakkında Yönetmelik',
    date: '2006-12-24',
    source:
      'Resmî Gazete 26386 (24.12.2006): Yönetmelik on protective and supportive measures, arts. 19–21 (central, provincial, district coordination)',
  },
  {
    reference: 'RG 28301',
    documentCode: STRATEGY_CODE,
    position: 3,
    title: 'Koruyucu ve destekleyici tedbir kararlarının uygulanması hakkında Yönetmelikte değişiklik',
    date: '2012-05-23',
    source: 'Resmî Gazete 28301 (23.05.2012): amendment of the Yönetmelik of RG 26386',
  },
  {
    reference: 'Yönerge, 16.07.2013',
    documentCode: STRATEGY_CODE,
    position: 4,
    title: 'Çocuk koruma koordinasyon kurullarının çalışma usul ve esaslarına ilişkin Yönerge',
    date: '2013-07-16',
    source: 'Yönerge of 16.07.2013: working rules of the coordination bodies',
  },
  {
    reference: 'KHK 633',
    documentCode: STRATEGY_CODE,
    position: 5,
    title: 'Aile ve Sosyal Politikalar Bakanlığının Teşkilat ve Görevleri Hakkında Kanun Hükmünde Kararname',
    date: '2011-06-08',
    source:
      'KHK 633 (08.06.2011): made the family ministry (then ASPB, now Aile ve Sosyal Hizmetler Bakanlığı) responsible for coordinating the measures of Law 5395',
  },
];

export const editions: (typeof strategyEditions.$inferInsert)[] = [
  {
    code: '2011-2015',
    documentCode: STRATEGY_CODE,
    title: 'Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesi 2011–2015',
    titleEn: 'Coordination Strategy Document for Child Protection Services 2011–2015',
    periodStart: 2011,
    periodEnd: 2015,
    adoptionDateDisputed: true,
    note: 'Adopted at the Central Coordination; the ministry news page gives 13.01.2011, the printed editions 27.01.2011. Both are kept.',
  },
  {
    code: '2014-2019',
    documentCode: STRATEGY_CODE,
    title: 'Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesi ve Uygulama Planları 2014–2019',
    titleEn: 'Coordination Strategy Document for Child Protection Services and Implementation Plans 2014–2019',
    periodStart: 2014,
    periodEnd: 2019,
    adoptionDateDisputed: false,
    note: "The summary speaks of 10 core strategic targets (titles not retrieved). The plans are aligned with strategic goals 6 and 7 of the national Children's Rights Strategy and Action Plan 2013–2017.",
  },
];

export const adoptionDates: (typeof editionAdoptionDates.$inferInsert)[] = [
  { editionCode: '2011-2015', date: '2011-01-13', source: MINISTRY_NEWS_ADOPTION },
  { editionCode: '2011-2015', date: '2011-01-27', source: PRINTED_EDITIONS },
  { editionCode: '2014-2019', date: '2013-11-27', source: APPROVAL_RECORD },
];

export const events: (typeof strategyEvents.$inferInsert)[] = [
  {
    editionCode: '2011-2015',
    date: '2011-01-13',
    datePrecision: 'DAY',
    kind: 'ADOPTED',
    description: 'Adopted at the Central Coordination (date per the ministry news page; disputed).',
    source: MINISTRY_NEWS_ADOPTION,
  },
  {
    editionCode: '2011-2015',
    date: '2011-01-27',
    datePrecision: 'DAY',
    kind: 'ADOPTED',
    description: 'Adopted at the Central Coordination (date per the printed editions; disputed).',
    source: PRINTED_EDITIONS,
  },
  {
    editionCode: '2014-2019',
    date: '2012-12-27',
    datePrecision: 'DAY',
    kind: 'REVISION_DECIDED',
    description:
      'The 11th Central Coordination meeting decided to revise the strategy and to prepare implementation plans (uygulama planları).',
    source: REVISION_NEWS,
  },
  {
    editionCode: '2014-2019',
    date: '2013-02-12',
    datePrecision: 'DAY',
    kind: 'WORKING_GROUP_MEETING',
    description:
      "First meeting of the revision working group, coordinated by the family ministry's Çocuk Hizmetleri Genel Müdürlüğü (ÇHGM).",
    source: REVISION_NEWS,
  },
  {
    editionCode: '2014-2019',
    date: '2013-02-20',
    datePrecision: 'DAY',
    kind: 'WORKING_GROUP_MEETING_PLANNED',
    description: 'The working group planned to meet again; whether it did is not recorded here.',
    source: REVISION_NEWS,
  },
  {
    editionCode: '2014-2019',
    date: '2013-02-01',
    datePrecision: 'MONTH',
    kind: 'WORKSHOPS',
    description: 'Workshops in February–March 2013 were to finish the implementation plans.',
    source: PREPARATORY_NEWS,
  },
  {
    editionCode: '2014-2019',
    date: '2013-11-27',
    datePrecision: 'DAY',
    kind: 'APPROVED',
    description: 'The revised strategy and Uygulama Planları 2014–2019 were approved unanimously.',
    source: APPROVAL_RECORD,
  },
];
