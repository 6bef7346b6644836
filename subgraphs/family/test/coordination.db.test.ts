import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined, startFamily, type RunningFamily } from './helpers.js';

interface ProvincesData {
  provinces: {
    plateCode: string;
    name: string;
    coordinationBody: { id: string; level: string; name: string; chair: string; meetingFrequency: string } | null;
  }[];
}

interface BodyData {
  coordinationBody: {
    level: string;
    chair: string;
    meetingFrequency: string;
    note: string | null;
    province: { plateCode: string } | null;
    meetings: { id: string; number: number | null; date: string; bodyConfirmed: boolean; decisions: string[] }[];
  };
}

describe('provinces and coordination bodies', () => {
  let family: RunningFamily;

  beforeAll(async () => {
    family = await startFamily('coordination');
  });
  afterAll(async () => {
    await family?.stop();
  });

  it('lists the 81 provinces by two-digit plate code, each with its provincial coordination board', async () => {
    const body = await family.query<ProvincesData>(
      '{ provinces { plateCode name coordinationBody { id level name chair meetingFrequency } } }',
    );
    expect(body.errors).toBeUndefined();
    const provinces = defined(body.data).provinces;
    expect(provinces).toHaveLength(81);
    expect(provinces[0]).toMatchObject({ plateCode: '01', name: 'Adana' });
    expect(provinces.find((p) => p.plateCode === '06')?.name).toBe('Ankara');
    expect(provinces.at(-1)).toMatchObject({ plateCode: '81', name: 'Düzce' });
    for (const province of provinces) {
      expect(province.plateCode).toMatch(/^\d{2}$/);
      expect(province.coordinationBody).toMatchObject({ id: `provincial-${province.plateCode}`, level: 'PROVINCIAL' });
      expect(province.coordinationBody?.name).toContain(province.name);
      expect(province.coordinationBody?.chair).toMatch(/deputy governor/);
      expect(province.coordinationBody?.meetingFrequency).toMatch(/every two months/);
    }
  });

  it('finds one province by plate code with its board', async () => {
    const body = await family.query<{
      province: { name: string; coordinationBody: { province: { plateCode: string } } };
    }>('{ province(plateCode: "34") { name coordinationBody { province { plateCode } } } }');
    expect(body.data?.province).toEqual({ name: 'İstanbul', coordinationBody: { province: { plateCode: '34' } } });
  });

  it('records the central coordination, its unconfirmed chair, the 11th meeting and the unnumbered approval', async () => {
    const body = await family.query<BodyData>(
      '{ coordinationBody(id: "central") { level chair meetingFrequency note province { plateCode } meetings { id number date bodyConfirmed decisions: recordedDecisions } } }',
    );
    expect(body.errors).toBeUndefined();
    const central = defined(body.data).coordinationBody;
    expect(central).toMatchObject({ level: 'CENTRAL', province: null });
    expect(central.meetingFrequency).toMatch(/twice a year/);
    expect(central.note).toMatch(/2018.*not confirmed/);
    expect(central.meetings.map((m) => [m.number, m.date, m.bodyConfirmed])).toEqual([
      [11, '2012-12-27', true],
      [null, '2013-11-27', false],
    ]);
    expect(central.meetings[0]?.decisions.join(' ')).toMatch(/revise the strategy.*implementation plans/);
  });

  it('filters coordination bodies by level and province', async () => {
    const body = await family.query<{ central: { id: string }[]; ankara: { id: string }[]; district: unknown[] }>(
      '{ central: coordinationBodies(level: CENTRAL) { id } ankara: coordinationBodies(plateCode: "06") { id } district: coordinationBodies(level: DISTRICT) { id } }',
    );
    expect(body.data).toEqual({ central: [{ id: 'central' }], ankara: [{ id: 'provincial-06' }], district: [] });
  });

  it.each(['99', 'abc', '6'])('rejects the malformed plate code "%s" as BAD_USER_INPUT', async (plateCode) => {
    const body = await family.query('query ($p: String!) { province(plateCode: $p) { name } }', { p: plateCode });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/plateCode/);
  });

  it('answers NOT_FOUND, naming the id, for an unknown coordination body or meeting', async () => {
    const body = await family.query('{ coordinationBody(id: "provincial-99") { id } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'provincial-99' });
    const meeting = await family.query('{ meeting(id: "central-99") { id } }');
    expect(meeting.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'central-99' });
    expect(meeting.errors?.[0]?.message).toContain('central-99');
  });
});
