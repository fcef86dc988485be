import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  // Pothos and Yoga load graphql's CommonJS build; without this vitest loads the ESM build too and graphql
  // refuses to mix them ("Cannot use GraphQLSchema from another module or realm").
  graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)),
  '~': fileURLToPath(new URL('./app', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          // tests/reliability: their own run (npm run test:reliability, vitest.reliability.config.ts).
          exclude: ['tests/e2e/**', 'tests/reliability/**'],
          // One PostgreSQL for the run; each test file gets its own database cloned from a migrated template.
          globalSetup: ['tests/setup/global.ts'],
          setupFiles: ['tests/setup/database.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The production build served by server.ts on its own PostgreSQL with the demo data, driven by
          // Debian's Chromium. Files run one at a time: they share that server.
          globalSetup: ['tests/e2e/global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
