import fs from 'node:fs';
import { composeSupergraph, EXPECTED_HINT_CODES, SUPERGRAPH_FILE } from './supergraph.js';

try {
  const { supergraphSdl, hints } = composeSupergraph();
  for (const hint of hints) {
    if (!EXPECTED_HINT_CODES.has(hint.definition.code)) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
  }
  fs.writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  console.log(`Wrote ${SUPERGRAPH_FILE.pathname}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
