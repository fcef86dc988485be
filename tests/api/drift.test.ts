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

  it('lets only a retention transaction remove audit details, and nothing else (docs/decisions/0009)', async () => {
    const url = await freshDatabase('retention');
    await migrate(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    /** Runs `sql` in a transaction that has set portal.retention = 'on' (as the retention job does). */
    const asRetention = async (sql: string) => {
      await client.query('BEGIN');
      try {
        await client.query("SET LOCAL portal.retention = 'on'");
        const result = await client.query(sql);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    };
    const row = async () =>
      (await client.query('SELECT id, occurred_at, actor_label, action, operation, entity_type, entity_id, before, after, request_id, ip_address FROM audit_event'))
        .rows[0];
    try {
      await client.query(`SELECT set_config('app.actor_label', 'officer@test.example', false), set_config('app.ip_address', '203.0.113.9', false),
        set_config('app.request_id', 'req-1', false), set_config('app.operation', 'updateThing', false)`);
      await client.query(`SELECT audit_record('UPDATE', 'organisation', 'org-1', '{"name": "Before"}', '{"name": "After"}')`);
      const original = await row();
      expect(original).toMatchObject({ before: { name: 'Before' }, after: { name: 'After' }, ip_address: '203.0.113.9' });

      // Without the setting, even nulling the details is refused; so is the setting's own misuse: changing who, what,
      // when or which record, or writing a new detail, with or without nulling others.
      await expect(client.query('UPDATE audit_event SET before = NULL, after = NULL, ip_address = NULL')).rejects.toThrow(
        /append-only: UPDATE is not allowed/,
      );
      await expect(asRetention("UPDATE audit_event SET action = 'X'")).rejects.toThrow(/may only remove the details/);
      await expect(asRetention("UPDATE audit_event SET before = NULL, after = NULL, action = 'DELETE'")).rejects.toThrow(/append-only/);
      await expect(asRetention("UPDATE audit_event SET before = NULL, actor_label = 'someone-else'")).rejects.toThrow(/append-only/);
      await expect(asRetention("UPDATE audit_event SET occurred_at = occurred_at - interval '1 day'")).rejects.toThrow(/append-only/);
      await expect(asRetention("UPDATE audit_event SET entity_id = 'org-2', after = NULL")).rejects.toThrow(/append-only/);
      await expect(asRetention("UPDATE audit_event SET request_id = NULL")).rejects.toThrow(/append-only/);
      await expect(asRetention('UPDATE audit_event SET id = id + 1000')).rejects.toThrow(/append-only/);
      await expect(asRetention(`UPDATE audit_event SET before = '{"name": "Forged"}'`)).rejects.toThrow(/may only set details to NULL/);
      await expect(asRetention("UPDATE audit_event SET after = NULL, ip_address = '198.51.100.1'")).rejects.toThrow(/may only set details to NULL/);
      await expect(asRetention('DELETE FROM audit_event')).rejects.toThrow(/append-only: DELETE is not allowed/);
      await expect(asRetention('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
      expect(await row()).toEqual(original);

      // What retention may do: set the details to NULL. Who, when, what, which record and which request stay.
      const updated = await asRetention('UPDATE audit_event SET before = NULL, after = NULL, ip_address = NULL');
      expect(updated.rowCount).toBe(1);
      expect(await row()).toEqual({ ...original, before: null, after: null, ip_address: null });
      // SET LOCAL ended with that transaction: the trail is append-only again.
      await client.query(`SELECT audit_record('SIGN_IN', 'app_user', 'user-1', NULL, '{"email": "a@test.example"}')`);
      await expect(client.query('UPDATE audit_event SET after = NULL')).rejects.toThrow(/append-only: UPDATE is not allowed/);
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
