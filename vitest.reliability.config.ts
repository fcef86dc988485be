// `npm run test:reliability`: the portal's compiled server (build/server.js) spawned on its own PostgreSQL, then
// pushed: 50 concurrent submissions, two officers saving one record at once, kill -9 mid-submission, the database
// stopped and started under a running server. Kept out of `npm test` (tests/run.mjs runs vitest.config.ts, whose
// projects never include tests/reliability): these tests kill processes and stop databases, so they run alone,
// one file at a time, on their own ports (RELIABILITY_PORT, RELIABILITY_PG_PORT, RELIABILITY_PG_DATA_DIR).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)),
  '~': fileURLToPath(new URL('./app', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    // Builds the production server once (RELIABILITY_SKIP_BUILD=1 reuses build/ when it is fresh).
    globalSetup: ['tests/reliability/global.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
