import { describe, expect, it } from 'vitest';
import { describeAgencySubgraph } from '@cocuk-koruma/testing/agency-suite';
import { createServer } from '../src/server.js';
import { serviceFigures } from '../src/seed/service-figures.js';

describeAgencySubgraph('health', createServer);

describe('the health service figures', () => {
  it('carry their source and date on every published figure', () => {
    expect(serviceFigures.map((f) => f.metric)).toContain('child-monitoring-centres');
    for (const figure of serviceFigures) {
      expect(figure.source).toMatch(/\S/);
      expect(figure.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
