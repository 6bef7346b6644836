/**
 * Hive Gateway as `npm run bench` runs it beside ours: its default configuration, but for passing
 * the caller's token on to the subgraphs, without which every subgraph refuses the call (ours
 * forwards it too). Its in-flight deduplication stays on, as by default.
 */
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
});
