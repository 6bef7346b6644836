import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Unit tests sit in each workspace's test/ folder; end-to-end tests (real processes and HTTP
// between gateway and subgraphs) in test/e2e at the top. All run against real databases.
export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds. Apollo loads the CommonJS one, as Node does for our
    // code under tsx; Vite would pick the ESM build for workspace sources, making two graphql
    // instances whose schema objects the other refuses ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
