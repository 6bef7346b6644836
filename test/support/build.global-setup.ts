/**
 * Vitest global setup of the e2e project: the processes it starts run the compiled services, as
 * `npm start` and the container image do, so the build runs first (esbuild, well under a second).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '../../scripts/build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
}
