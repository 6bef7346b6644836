import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined, startFamily, type RunningFamily } from './helpers.js';

interface StrategyData {
  strategy: {
    title: string;
    legalBasis: { title: string; reference: string; date: string | null; source: string }[];
    editions: {
      code: string;
      periodStart: number;
      periodEnd: number;
      adoptionDisputed: boolean;
      adoptionDates: { date: string; source: string }[];
      events: { date: string; kind: string; description: string; source: string }[];
    }[];
  };
}

const STRATEGY = /* GraphQL */ `
  {
    strategy {
      title
      legalBasis {
        title
        reference
        date
        source
      }
      editions {
        code
        periodStart
        periodEnd
        adoptionDisputed: adoptionDateDisputed
        adoptionDates {
          date
          source
        }
        events {
          date
          kind
          description
          source
        }
      }
    }
  }
`;

describe('the strategy document', () => {
  let family: RunningFamily;
  let strategy: StrategyData['strategy'];

  beforeAll(async () => {
    family = await startFamily('strategy');
    const body = await family.query<StrategyData>(STRATEGY);
    expect(body.errors).toBeUndefined();
    strategy = defined(body.data).strategy;
  });
  afterAll(async () => {
    await family?.stop();
  });

  it('keeps both adoption dates of the 2011–2015 edition with their sources and flags the discrepancy', () => {
    expect(strategy.title).toBe('Çocuk Koruma Hizmetlerinde Koordinasyon Strateji Belgesi');
    const first = strategy.editions.find((e) => e.code === '2011-2015');
    expect(first).toMatchObject({ periodStart: 2011, periodEnd: 2015, adoptionDisputed: true });
    expect(first?.adoptionDates.map((d) => d.date)).toEqual(['2011-01-13', '2011-01-27']);
    expect(first?.adoptionDates[0]?.source).toMatch(/news/i);
    expect(first?.adoptionDates[1]?.source).toMatch(/printed/i);
  });

  it('traces the 2014–2019 revision from the 11th Central Coordination to the unanimous approval', () => {
    const revision = strategy.editions.find((e) => e.code === '2014-2019');
    expect(revision).toMatchObject({ periodStart: 2014, periodEnd: 2019, adoptionDisputed: false });
    expect(revision?.adoptionDates.map((d) => d.date)).toEqual(['2013-11-27']);
    expect(revision?.events.map((e) => [e.date, e.kind])).toEqual([
      ['2012-12-27', 'REVISION_DECIDED'],
      ['2013-02-01', 'WORKSHOPS'],
      ['2013-02-12', 'WORKING_GROUP_MEETING'],
      ['2013-02-20', 'WORKING_GROUP_MEETING_PLANNED'],
      ['2013-11-27', 'APPROVED'],
    ]);
    expect(revision?.events.at(-1)?.description).toMatch(/unanimously/);
    for (const event of revision?.events ?? []) expect(event.source).not.toBe('');
  });

  it('names its legal basis: Law 5395, the Yönetmelik and its amendment, the Yönerge and KHK 633', () => {
    expect(strategy.legalBasis.map((l) => [l.reference, l.date])).toEqual([
      ['Kanun No. 5395', null],
      ['RG 26386, md. 19–21', '2006-12-24'],
      ['RG 28301', '2012-05-23'],
      ['Yönerge, 16.07.2013', '2013-07-16'],
      ['KHK 633', '2011-06-08'],
    ]);
    for (const reference of strategy.legalBasis) expect(reference.source.length).toBeGreaterThan(0);
  });
});
