import { describe, expect, it } from 'vitest';
import { describeAgencySubgraph } from '@cocuk-koruma/testing/agency-suite';
import { createServer } from '../src/server.js';
import { serviceFigures } from '../src/seed/service-figures.js';

describeAgencySubgraph('justice', createServer);

describe('the justice service figures', () => {
  it('keep the disagreeing 2017 room counts side by side, each with its own source', () => {
    const rooms = serviceFigures.filter((f) => f.metric === 'forensic-interview-rooms' && f.asOf === '2017-04-03');
    expect(rooms.map((f) => [f.value, f.source])).toEqual([
      [32, 'Türkiye Barolar Birliği duyurusu 2017/30'],
      [30, 'basın haberi, 2017 (press report)'],
    ]);
  });
});
