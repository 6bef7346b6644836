/**
 * `npm run audit:witness`: asks every agency's subgraph, through the gateway (GATEWAY_URL, else
 * the local one), to countersign the others' latest audit entries now rather than at its next
 * scheduled time, and says how many entries each wrote. Exit code 1 if an agency did not answer.
 */
import { AGENCIES, gatewayUrl } from '@cocuk-koruma/platform';

const url = new URL('/audit/witness', gatewayUrl());
try {
  const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  const answers = (await response.json()) as { agency: string; witnessed: number }[];
  for (const answer of answers) {
    console.log(`${answer.agency}: ${answer.witnessed} head${answer.witnessed === 1 ? '' : 's'} countersigned`);
  }
  const missing = AGENCIES.filter((a) => !answers.some((answer) => answer.agency === a.code));
  for (const agency of missing) console.error(`${agency.code}: did not answer`);
  process.exitCode = missing.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`The gateway at ${url.origin} could not be asked (${(error as Error).message}). Is npm start running?`);
  process.exitCode = 2;
}
