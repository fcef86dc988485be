// npm run db:restore -- <file> [--force]: restores a backup made by `npm run db:backup` into the portal's database
// (DATABASE_URL, or the embedded one), which must hold no data; --force deletes everything in it first. Needs a
// superuser (or the right to SET session_replication_role). Details: prisma/backup.ts; README "Operations".
import { EnvError, getEnv } from '../app/utils/env.server';
import { BackupError, openConfiguredDatabase, restoreDatabase } from './backup';
import { MigrationError } from './migrator';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('-'));
const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--force');
if (!file || unknown.length) {
  console.error('Usage: npm run db:restore -- <file> [--force]   (--force: delete everything in the database first)');
  process.exit(2);
}

try {
  const database = await openConfiguredDatabase(getEnv(), console.log);
  try {
    await restoreDatabase(database.url, file, { force: args.includes('--force'), log: console.log });
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof EnvError || error instanceof BackupError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error('The restore failed:', error instanceof Error ? error.message : error);
  process.exit(1);
}
