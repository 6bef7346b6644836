import { describe, expect, it } from 'vitest';
import { subgraphCriticalPathMs } from '../overhead.js';

describe("the subgraph time on a request's critical path", () => {
  it('counts parallel calls once, by the slowest, and sequential stages one after another', () => {
    // family first (10 ms), then three agencies at once, the slowest 30 ms.
    const header =
      'family;start=1.000;dur=10.000, justice;start=12.000;dur=20.000, health;start=12.500;dur=29.500, interior;start=13.000;dur=5.000';
    expect(subgraphCriticalPathMs(header)).toBeCloseTo(10 + 30, 6);
  });

  it('leaves out the gaps in which no subgraph call was in flight', () => {
    expect(subgraphCriticalPathMs('family;start=0;dur=5, justice;start=20;dur=5')).toBeCloseTo(10, 6);
  });
});
