/** `npm run import:sample`: writes the sample workbook the tests and the README use. */
import fs from 'node:fs';
import { sampleWorkbook } from './template.js';

const target = new URL('../examples/ornek-adalet.xlsx', import.meta.url);
fs.writeFileSync(target, await sampleWorkbook());
process.stdout.write(`${target.pathname}\n`);
