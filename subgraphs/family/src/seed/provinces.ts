import fs from 'node:fs';
import { z } from 'zod';

// A copy of the shared provinces.csv lives beside this file: CI does not reliably have ../shared.
const provinceSchema = z.object({
  plateCode: z.string().regex(/^(0[1-9]|[1-7][0-9]|8[01])$/),
  name: z.string().min(1),
});
export type ProvinceSeed = z.infer<typeof provinceSchema>;

export function parseProvinces(csv: string): ProvinceSeed[] {
  const [header, ...lines] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header?.trim() !== 'plate_code,name') throw new Error(`provinces.csv: unexpected header "${header}"`);
  const rows = lines.map((line) => {
    const [plateCode, name] = line.split(',').map((cell) => cell.trim());
    return provinceSchema.parse({ plateCode, name });
  });
  if (rows.length !== 81 || new Set(rows.map((r) => r.plateCode)).size !== 81) {
    throw new Error(`provinces.csv: expected 81 distinct provinces, found ${rows.length}`);
  }
  return rows;
}

export const provinceSeeds: ProvinceSeed[] = parseProvinces(
  fs.readFileSync(new URL('./provinces.csv', import.meta.url), 'utf8'),
);
