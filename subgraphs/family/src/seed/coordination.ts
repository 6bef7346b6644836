import type { coordinationBodies, meetings } from '../db/schema.js';
import type { ProvinceSeed } from './provinces.js';

// The schema also holds district bodies (chaired by the kaymakam), but no district body is seeded:
// the record names none individually, and inventing 900+ districts would pass guesses off as data.

const REGULATION = 'Yönetmelik (RG 26386, 24.12.2006; amended RG 28301, 23.05.2012) arts. 19–21; Yönerge 16.07.2013';
export const CENTRAL_BODY_ID = 'central';

export const centralBody: typeof coordinationBodies.$inferInsert = {
  id: CENTRAL_BODY_ID,
  level: 'CENTRAL',
  name: 'Merkezi Koordinasyon (Çocuk Koruma Hizmetleri)',
  nameEn: 'Central Coordination for Child Protection Services',
  provincePlateCode: null,
  district: null,
  chair: 'Aile ve Sosyal Hizmetler Bakanlığı',
  meetingFrequency: 'Yılda iki kez (twice a year)',
  secretariat: 'Aile ve Sosyal Hizmetler Bakanlığı, Çocuk Hizmetleri Genel Müdürlüğü',
  note: "Chaired by the family ministry's undersecretary until that post was abolished in 2018; the current chair is not confirmed. Meetings are numbered.",
  source: REGULATION,
};

export function provincialBody(province: ProvinceSeed): typeof coordinationBodies.$inferInsert {
  return {
    id: `provincial-${province.plateCode}`,
    level: 'PROVINCIAL',
    name: `${province.name} İl Çocuk Koruma Koordinasyon Kurulu`,
    nameEn: `${province.name} Provincial Child Protection Coordination Board`,
    provincePlateCode: province.plateCode,
    district: null,
    chair: 'Vali yardımcısı (a deputy governor)',
    meetingFrequency: 'İki ayda bir (every two months)',
    secretariat: 'Aile ve Sosyal Hizmetler Bakanlığı sosyal çalışmacısı (a family-ministry social worker)',
    note: 'Builds risk maps, plans short, medium and long term activities, reviews measure statistics and data from police, gendarmerie, health, education and ÇİM, follows up earlier decisions and holds a year-end review. Members and meetings of this board are not in the record.',
    source: REGULATION,
  };
}

export const recordedMeetings: (typeof meetings.$inferInsert)[] = [
  {
    id: 'central-11',
    bodyId: CENTRAL_BODY_ID,
    bodyConfirmed: true,
    number: 11,
    date: '2012-12-27',
    title: '11. Merkezi Koordinasyon Toplantısı',
    summary:
      'The 11th Central Coordination meeting decided to revise the strategy and to prepare implementation plans.',
    decisions: [
      'Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesinin revize edilmesi (revise the strategy document)',
      'Uygulama planlarının hazırlanması (prepare implementation plans)',
    ],
    source: 'ASPB haberi (ministry news) on the revision working group, 12.02.2013',
  },
  {
    // The source text says the revised strategy and plans were approved unanimously on 27.11.2013
    // but neither numbers the meeting nor names the body; the Central Coordination, which adopts
    // the strategy, is the likely one, hence bodyConfirmed false and number null.
    id: 'central-2013-11-27',
    bodyId: CENTRAL_BODY_ID,
    bodyConfirmed: false,
    number: null,
    date: '2013-11-27',
    title: 'Strateji Belgesi ve Uygulama Planları 2014–2019 onayı',
    summary:
      'The revised strategy and Uygulama Planları 2014–2019 were approved unanimously. The source does not confirm which body met or its meeting number.',
    decisions: [
      'Revize Strateji Belgesi ve Uygulama Planları 2014–2019 oy birliğiyle onaylandı (approved unanimously)',
    ],
    source: 'Strateji Belgesi ve Uygulama Planları 2014–2019: approved unanimously on 27.11.2013',
  },
];
