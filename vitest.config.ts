import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Three projects, chosen by file name, so that the fast loop needs nothing running:
// - unit (`*.test.ts`): no network and no database, seconds;
// - db (`*.db.test.ts`): a real PostgreSQL;
// - e2e (`*.e2e.test.ts`, everything under test/e2e and test/browser): processes and servers over
//   real HTTP, and for test/browser Debian's chromium driving the portal.
// db and e2e share one PostgreSQL for the run: TEST_DATABASE_URL, else one embedded server that
// the global setup starts (it skips itself when the variable is set).
const exclude = ['**/node_modules/**', '.data/**', '**/dist/**'];
const DB = ['**/test/**/*.db.test.ts'];
const E2E = ['**/test/**/*.e2e.test.ts', 'test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts'];
const POSTGRES_SETUP = './test/support/postgres.global-setup.ts';

// Workspace packages export their TypeScript under the `source` condition, their build under
// `default`: tests run the sources, never a stale dist/.
// Then Vite's own server defaults, less 'module': some packages' `module` builds (OpenTelemetry's)
// are not valid Node ESM, and Node itself never picks them.
const conditions = ['source', 'node', 'development|production'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  resolve: {
    // graphql ships CommonJS and ESM builds. Apollo loads the CommonJS one, as Node does for our
    // code under tsx; Vite would pick the ESM build for workspace sources, making two graphql
    // instances whose schema objects the other refuses ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['**/test/**/*.test.ts'], exclude: [...exclude, ...DB, ...E2E] },
      },
      {
        extends: true,
        test: { name: 'db', include: DB, exclude, globalSetup: [POSTGRES_SETUP] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          exclude,
          globalSetup: ['./test/support/build.global-setup.ts', POSTGRES_SETUP],
        },
      },
    ],
  },
});
