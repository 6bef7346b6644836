import { defineConfig } from 'vitest/config';

// Unit tests sit in each workspace's test/ folder; end-to-end tests (real processes and HTTP
// between gateway and subgraphs) in test/e2e at the top. All run against real databases.
export default defineConfig({
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
