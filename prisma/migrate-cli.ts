// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded database).
import { EnvError, getEnv } from '../app/utils/env.server';
import { openDatabase } from './database';
import { migrate, MigrationError } from './migrator';

try {
  const database = await openDatabase(getEnv(), console.log);
  try {
    const { applied } = await migrate(database.url, { log: console.log });
    console.log(applied.length ? `${applied.length} migration(s) applied.` : 'The database is up to date.');
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof EnvError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
