import { describe, expect, it } from 'vitest';
import { describeAgencySubgraph } from '@cocuk-koruma/testing/agency-suite';
import { createServer } from '../src/server.js';
import { serviceFigures } from '../src/seed/service-figures.js';

describeAgencySubgraph('interior', createServer);

describe('the published figures', () => {
  it('stay empty where the public record has none, rather than inventing one', () => {
    expect(serviceFigures).toEqual([]);
  });
});
