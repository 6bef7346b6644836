import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TESTING_ONLY = {
  regex: '^@cocuk-koruma/testing(/|$)|(^|/)packages/testing(/|$)',
  message: '@cocuk-koruma/testing is for tests only; production code must not import it.',
};
const NOT_FROM_PLATFORM = {
  regex: '^@cocuk-koruma/domain(/|$)|(^|/)packages/domain(/|$)|^(\\.\\./)+domain/',
  message: 'the platform must not import the domain; take the hook as an option instead.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '**/generated/**',
      '**/migrations/**',
      'bench/results/**',
      'portal/src/gql/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The test helpers start throwaway issuers and databases; production code must never reach
    // them. Tests, test/support and bench may.
    files: [
      'packages/{platform,domain,plan,postgres,dev-identity-provider,client}/{src,examples}/**/*.ts',
      'subgraphs/*/src/**/*.ts',
      'gateway/src/**/*.ts',
      'schema/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTING_ONLY] }] },
  },
  {
    // Infrastructure knows nothing of the domain: the domain plugs its hooks into the platform.
    files: ['packages/platform/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTING_ONLY, NOT_FROM_PLATFORM] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
);
