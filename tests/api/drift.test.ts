// Migrations and prisma/schema.prisma must describe the same database. The migrator applies every migration to
// an empty database; Prisma's own schema engine (WebAssembly build) then diffs that database against the schema:
// every model, column, type, nullability, default, unique, index, foreign key and enum. Any difference fails.
import { inject, describe, expect, it, afterAll } from 'vitest';
import pg from 'pg';
import { migrate, listMigrations } from '../../prisma/migrator';
import { diffScript, migrationList, openSchemaEngine, schemaFiles } from '../../prisma/schema-engine';
import { dropDatabase, recreateDatabase } from '../setup/postgres';

const adminUrl = inject('pgAdminUrl');
const databases: string[] = [];

async function freshDatabase(suffix: string): Promise<string> {
  const name = `portal_drift_${suffix}_${process.pid}`;
  databases.push(name);
  await recreateDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of databases) await dropDatabase(adminUrl, name);
});

async function driftOf(url: string): Promise<string> {
  const engine = await openSchemaEngine(url);
  try {
    const sql = await diffScript(
      engine,
      { tag: 'schemaDatasource', files: schemaFiles(), configDir: process.cwd() },
      { tag: 'schemaDatamodel', files: schemaFiles() },
    );
    return sql.replace(/^-- This is an empty migration\.$/m, '').trim();
  } finally {
    engine.free();
  }
}

describe('migrations and schema.prisma', () => {
  it('an empty database migrated by the portal matches prisma/schema.prisma exactly', async () => {
    const url = await freshDatabase('match');
    const { applied } = await migrate(url);
    expect(applied).toEqual(listMigrations().map((m) => m.name));
    expect(await driftOf(url)).toBe('');
  });

  it('records migrations exactly as `prisma migrate deploy` does: Prisma sees a clean history', async () => {
    const url = await freshDatabase('history');
    await migrate(url);
    const engine = await openSchemaEngine(url);
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList: migrationList(),
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      });
      expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], history: null });
    } finally {
      engine.free();
    }
  });

  it('notices drift: a dropped index and a changed column show up', async () => {
    const url = await freshDatabase('drifted');
    await migrate(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP INDEX "commissioned_service_provider_id_idx"');
    await client.query('ALTER TABLE "initiative" ALTER COLUMN "description" DROP NOT NULL');
    await client.end();
    const drift = await driftOf(url);
    expect(drift).toContain('commissioned_service_provider_id_idx');
    expect(drift).toMatch(/"description" SET NOT NULL/);
  });

  it('applies each migration once: a second run applies nothing', async () => {
    const url = await freshDatabase('twice');
    await migrate(url);
    expect((await migrate(url)).applied).toEqual([]);
  });

  it('keeps the audit trail append-only and enforces money >= 0 in the database itself', async () => {
    const url = await freshDatabase('rules');
    await migrate(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SELECT audit_record('TEST', NULL, NULL, NULL, NULL)");
      await expect(client.query("UPDATE audit_event SET action = 'X'")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
      const org = await client.query(
        "INSERT INTO organisation (kind, name, slug, type, updated_at) VALUES ('PROVIDER', 'P', 'p', 'CHARITY', now()) RETURNING id",
      );
      await expect(
        client.query(
          `INSERT INTO commissioned_service (reference, title, provider_id, start_date, end_date, annual_value, total_value, updated_at)
           VALUES ('R-1', 'T', $1, '2026-04-01', '2027-03-31', -1, 0, now())`,
          [org.rows[0].id],
        ),
      ).rejects.toThrow(/annual_value_check/);
    } finally {
      await client.end();
    }
  });
});
