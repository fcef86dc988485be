// npm run db:backup -- <file>: a backup of the portal's database (DATABASE_URL, or the embedded one) into <file>,
// consistent while the portal keeps running. The format and what it holds: prisma/backup.ts; README "Operations".
import { EnvError, getEnv } from '../app/utils/env.server';
import { backupDatabase, BackupError, openConfiguredDatabase } from './backup';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (!file) {
  console.error('Usage: npm run db:backup -- <file>   (e.g. npm run db:backup -- backups/portal-2026-11-29.backup.gz)');
  process.exit(2);
}

try {
  const database = await openConfiguredDatabase(getEnv(), console.log);
  try {
    await backupDatabase(database.url, file, { log: console.log });
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof EnvError || error instanceof BackupError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error('The backup failed:', error instanceof Error ? error.message : error);
  process.exit(1);
}
