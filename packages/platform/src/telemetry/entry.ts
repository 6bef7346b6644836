import type { CallerContext, SubgraphDefinition } from '../server/subgraph-server.js';
import { startTelemetry } from './start.js';

/**
 * A subgraph's process entry: tracing first, then the server and its definition, imported only
 * afterwards so that pg, express, graphql and http are loaded, and patched, after the SDK starts.
 * Only types are imported statically here.
 */
export async function runTracedSubgraph<S extends Record<string, unknown>, C extends CallerContext>(
  slug: string,
  load: () => Promise<{ definition: SubgraphDefinition<S, C> }>,
): Promise<void> {
  await startTelemetry(`subgraph-${slug}`);
  const [{ runSubgraph }, { definition }] = await Promise.all([import('../server/run.js'), load()]);
  await runSubgraph(definition);
}
