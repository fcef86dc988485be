// setupFiles: each test file gets its own database, cloned from the migrated template, as DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { disconnectPrisma } from '../../graphql/db';
import { dropDatabase, recreateDatabase } from './postgres';

const adminUrl = inject('pgAdminUrl');
const name = `portal_test_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
await recreateDatabase(adminUrl, name, inject('pgTemplate'));
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.LOG_LEVEL ??= 'silent';

afterAll(async () => {
  await disconnectPrisma();
  await dropDatabase(adminUrl, name);
});
