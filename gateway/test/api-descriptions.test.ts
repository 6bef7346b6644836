import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf, describedElements } from '../src/docs/api-schema.js';
import { readTurkishDescriptions } from '../src/docs/turkish-descriptions.js';
import { SUPERGRAPH_PATH } from '../src/gateway.js';

// The committed supergraph is what the gateway serves (schema/test checks it matches the subgraphs).
const elements = describedElements(apiSchemaOf(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')));
const turkish = readTurkishDescriptions();

describe('the API descriptions', () => {
  it('cover the whole API: types, fields, arguments and enum values alike', () => {
    const kinds = new Set(
      elements.map((e) => (e.coordinate.includes('(') ? 'argument' : e.coordinate.split('.').length)),
    );
    expect(kinds).toEqual(new Set([1, 2, 'argument']));
    expect(elements.map((e) => e.coordinate)).toEqual(
      expect.arrayContaining([
        'ProgressReport',
        'ProgressReport.narrative',
        'Query.actionPage(first:)',
        'ReportState.APPROVED',
      ]),
    );
    // Federation's own machinery is not part of the API a client sees.
    expect(
      elements.filter((e) => /^(join__|link__|_Entity|_Service)|\._entities|\._service/.test(e.coordinate)),
    ).toEqual([]);
  });

  it('give every type, field, argument and enum value an English description in the SDL (write it there, then npm run compose)', () => {
    expect(elements.filter((e) => !e.description?.trim()).map((e) => e.coordinate)).toEqual([]);
  });

  it('give every one of them a Turkish description in schema/descriptions.tr.json', () => {
    expect(elements.filter((e) => !turkish[e.coordinate]).map((e) => e.coordinate)).toEqual([]);
  });

  it('keep no Turkish description of something the schema no longer has', () => {
    const coordinates = new Set(elements.map((e) => e.coordinate));
    expect(Object.keys(turkish).filter((key) => !coordinates.has(key))).toEqual([]);
  });

  it('are not English left in the Turkish catalogue', () => {
    const same = elements.filter((e) => e.description && turkish[e.coordinate] === e.description.trim());
    expect(same.map((e) => e.coordinate)).toEqual([]);
  });
});
