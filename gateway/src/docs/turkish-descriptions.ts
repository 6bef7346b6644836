import fs from 'node:fs';
import { z } from 'zod';

/**
 * The Turkish descriptions of the API, by schema coordinate. The English ones stay in the SDL,
 * where composition, introspection and the explorer carry them; Turkish beside it in one file
 * keeps the subgraphs' SDL readable and lets a translator work without touching the schema.
 */
export const TURKISH_DESCRIPTIONS_PATH = new URL('../../../schema/descriptions.tr.json', import.meta.url);

const catalogue = z.record(z.string(), z.string().trim().min(1));

export type DescriptionCatalogue = Readonly<Record<string, string>>;

export function readTurkishDescriptions(path: URL = TURKISH_DESCRIPTIONS_PATH): DescriptionCatalogue {
  return catalogue.parse(JSON.parse(fs.readFileSync(path, 'utf8')));
}
