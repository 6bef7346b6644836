/**
 * `npm run schema:check`: does the supergraph break what clients of the graph rely on? Compares
 * it with main's (see schemaComparisons) and fails on a breaking change that no commit marks with
 * the trailer `Schema-Breaking: intended`.
 */
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { checkSchemaChange, formatVerdict, summariseVerdict } from './schema-diff.js';
import { schemaComparisons } from './schema-history.js';

const comparisons = schemaComparisons(REPO_ROOT);
if (comparisons.length === 0) console.log('schema check: the supergraph has not changed; nothing to compare.');
let failed = false;
for (const [i, comparison] of comparisons.entries()) {
  const verdict = await checkSchemaChange(comparison);
  // On main the history's older changes, which passed when they landed, take one line each.
  const last = i === comparisons.length - 1;
  console.log(verdict.passes && !last ? summariseVerdict(verdict) : formatVerdict(verdict));
  failed ||= !verdict.passes;
}
process.exit(failed ? 1 : 0);
