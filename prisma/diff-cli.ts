// npm run db:diff -- <name>: write prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// existing migrations to prisma/schema.prisma, computed by Prisma's own schema engine (WebAssembly build; no
// download). Hand-written additions (CHECK constraints, triggers) go below the generated SQL in the same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEnv } from '../app/utils/env.server';
import { openDatabase } from './database';
import { MIGRATIONS_DIR } from './migrator';
import { diffScript, migrationList, openSchemaEngine, schemaFiles } from './schema-engine';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name>   (lower-case letters, digits and underscores, e.g. add_targets)');
  process.exit(1);
}

const env = getEnv();
const database = await openDatabase({ ...env, EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT + 1, EMBEDDED_PG_DATA_DIR: '.data/tools-postgres' });
try {
  // The engine replays the migrations in a shadow database it creates and drops itself.
  const engine = await openSchemaEngine(database.url);
  const sql = await diffScript(engine, { tag: 'migrations', ...migrationList() }, { tag: 'schemaDatamodel', files: schemaFiles() });
  if (!sql || /^-- This is an empty migration/.test(sql)) {
    console.log('prisma/schema.prisma matches the migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`Wrote ${join(dir, 'migration.sql')}`);
  }
} finally {
  await database.stop();
}
