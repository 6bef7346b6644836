import { describe, expect, it } from 'vitest';
import { composeSupergraph, EXPECTED_HINT_CODES, readCommittedSupergraph } from '../supergraph.js';

describe('the supergraph', () => {
  const composition = composeSupergraph();

  it('composes from the five subgraphs without errors', () => {
    for (const name of ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']) {
      expect(composition.supergraphSdl).toContain(`${name} @join__graph(`);
    }
  });

  it('is committed as composed from the current subgraph SDL (run `npm run compose` when this fails)', () => {
    expect(readCommittedSupergraph()).toBe(composition.supergraphSdl);
  });

  it('gives no composition hint beyond the expected ones of the split Action interface', () => {
    const unexpected = composition.hints.filter((h) => !EXPECTED_HINT_CODES.has(h.definition.code));
    expect(unexpected.map((h) => h.message)).toEqual([]);
  });
});
