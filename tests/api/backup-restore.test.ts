// `npm run db:backup` / `npm run db:restore` (prisma/backup.ts): a backup restored into a new, empty database gives
// back every table exactly (compared row by row as text, sequences and migrations included); a backup taken while
// the portal writes is one consistent instant; a restore refuses a database that holds data (unless --force), a
// damaged file and a backup from a newer portal, and then changes nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '../../prisma/client';
import { backupDatabase, readBackupHeader, restoreDatabase } from '../../prisma/backup';
import { getPrisma } from '../../graphql/db';
import { dropDatabase, recreateDatabase } from '../setup/postgres';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { GOOD, ReturnJourney } from '../helpers/review-factories';
import { createService } from '../helpers/service-factories';

const adminUrl = inject('pgAdminUrl');
const sourceUrl = process.env.DATABASE_URL!;
const work = mkdtempSync(join(tmpdir(), 'portal-backup-test-'));
const made: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `portal_restore_${randomBytes(4).toString('hex')}`;
  await recreateDatabase(adminUrl, name);
  made.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of made) await dropDatabase(adminUrl, name);
  rmSync(work, { recursive: true, force: true });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table of the database, every row as text, sorted; every sequence's position. */
async function contents(url: string) {
  return withClient(url, async (client) => {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
      )
    ).rows.map((row) => row.name);
    const rows: Record<string, string[]> = {};
    for (const table of tables) {
      const { rows: found } = await client.query<{ r: string }>(`SELECT x::text AS r FROM "${table}" x ORDER BY 1`);
      rows[table] = found.map((row) => row.r);
    }
    const sequences: Record<string, string> = {};
    for (const { name } of (
      await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'`)
    ).rows) {
      const { rows: value } = await client.query(`SELECT last_value::text || ':' || is_called AS v FROM "${name}"`);
      sequences[name] = value[0].v;
    }
    return { tables: rows, sequences };
  });
}

const AWKWARD = [
  'Quote " and apostrophe \' and backslash \\ and a literal \\N',
  'Tab\there, newline\nthere, carriage return\r\nand a form feed \f',
  'Unicode: é ß 漢字 🙂 — “curly” ‘quotes’, zero-width\u200bspace',
  '<script>alert("x")</script> & &amp;',
];

/** Varied data: organisations, contacts, users, services with money and awkward text, returns through the API (values,
 * comments, versions), and the audit events every one of those writes made. */
async function varied() {
  const db = getPrisma();
  const provider = await createOrganisation({ name: `Provider ${AWKWARD[2]} ${randomBytes(2).toString('hex')}` });
  await db.organisation.update({
    where: { id: provider.id },
    data: {
      address: AWKWARD[1],
      website: null,
      contacts: { create: [{ name: AWKWARD[0]!.slice(0, 190), jobTitle: null, email: 'a@b.example', isPrimary: true }] },
    },
  });
  const officer = await createUser({ role: 'POLICY_OFFICER' });
  const services = [];
  for (let i = 0; i < 5; i++) {
    services.push(
      await createService({ providerId: provider.id, annualValue: `${12345 + i}.67`, funding: { 2026: '0.01', 2027: '99999999.99' } }),
    );
  }
  await db.commissionedService.update({
    where: { id: services[0]!.id },
    data: { description: `${AWKWARD.join('\n')}\n${'Long text. '.repeat(20_000)}`, leadOfficerId: officer.id, riskRating: 'AMBER', riskReason: AWKWARD[3] },
  });
  const providerViewer = await viewerFor('PROVIDER', provider.id);
  const officerViewer = await viewerFor('POLICY_OFFICER');
  const journey = await ReturnJourney.start(providerViewer, [
    ...GOOD,
    // The API refuses hidden control characters in comments; these reach the database through it.
    { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '10', comment: `${AWKWARD[0]} | é ß 漢字 🙂 “curly”` },
  ]);
  await journey.submit('Zoë O\'Brien-漢字');
  await journey.returnForChanges(officerViewer, `${AWKWARD[0]} 🙂`);
  await db.target.create({
    data: {
      serviceId: services[1]!.id,
      measureId: (await db.measure.findFirstOrThrow({ where: { code: 'REF_RECEIVED' } })).id,
      financialYear: 2026,
      quarter: 0,
      value: new Prisma.Decimal('12.5'),
    },
  });
  return { provider };
}

describe('backup and restore', () => {
  it('round-trips the database exactly: every table, every row, the sequences and the migrations', async () => {
    await varied();
    const file = join(work, 'round-trip.backup.gz');
    const lines: string[] = [];
    const { header } = await backupDatabase(sourceUrl, file, { log: (line) => lines.push(line) });

    // The header: format, time, migrations, per-table counts and SHA-256.
    expect(header.version).toBe(1);
    expect(header.migrations.map((m) => m.name)).toEqual(
      (await withClient(sourceUrl, (c) => c.query(`SELECT migration_name FROM _prisma_migrations ORDER BY 1`))).rows.map((r) => r.migration_name),
    );
    const audit = header.tables.find((table) => table.name === 'audit_event')!;
    expect(audit.rows).toBeGreaterThan(10);
    expect(audit.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readBackupHeader(file)).toEqual(header);
    expect(lines.at(-1)).toMatch(/rows in \d+ tables/);

    const target = await emptyDatabase();
    const restored: string[] = [];
    const result = await restoreDatabase(target, file, { log: (line) => restored.push(line) });
    expect(result.tables.find((table) => table.name === 'audit_event')?.rows).toBe(audit.rows);
    expect(restored).toContain(`audit_event: ${audit.rows} rows`);

    const [before, after] = [await contents(sourceUrl), await contents(target)];
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const table of Object.keys(before.tables)) expect(after.tables[table], table).toEqual(before.tables[table]);
    expect(after.sequences).toEqual(before.sequences);
    // The awkward text came back as it was.
    expect(before.tables.commissioned_service!.some((row) => row.includes('🙂'))).toBe(true);

    // The restored audit trail is still append-only, and the restored database works: triggers audit new writes.
    await withClient(target, async (client) => {
      await expect(client.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
      const next = await client.query(`SELECT nextval('audit_event_id_seq')::bigint AS id, (SELECT max(id) FROM audit_event) AS max`);
      expect(BigInt(next.rows[0].id)).toBeGreaterThan(BigInt(next.rows[0].max));
    });
  });

  it('refuses a database that holds data (nothing changed), and replaces it with --force', async () => {
    const file = join(work, 'force.backup.gz');
    await backupDatabase(sourceUrl, file);
    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    await withClient(target, (client) => client.query(`UPDATE organisation SET name = name || ' (changed)' WHERE kind = 'OPCC'`));
    const changed = await contents(target);

    await expect(restoreDatabase(target, file)).rejects.toThrow(/The database is not empty .*nothing was changed.*--force/);
    expect(await contents(target)).toEqual(changed);

    await restoreDatabase(target, file, { force: true });
    const [source, restored] = [await contents(sourceUrl), await contents(target)];
    for (const table of Object.keys(source.tables)) expect(restored.tables[table], table).toEqual(source.tables[table]);
  });

  it('refuses a damaged file and a backup from a newer portal, and restores nothing', async () => {
    const file = join(work, 'good.backup.gz');
    await backupDatabase(sourceUrl, file);
    const raw = gunzipSync(readFileSync(file));
    const headerEnd = raw.indexOf(10, raw.indexOf(10) + 1) + 1;

    // One byte of the rows changed: the table's SHA-256 no longer matches.
    const damaged = Buffer.from(raw);
    const at = damaged.indexOf('Provider', headerEnd);
    damaged[at] = 'p'.charCodeAt(0);
    writeFileSync(join(work, 'damaged.backup.gz'), gzipSync(damaged));
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, join(work, 'damaged.backup.gz'))).rejects.toThrow(/damaged: table \w+ does not match its SHA-256/);
    const afterFailure = await contents(target);
    expect(Object.entries(afterFailure.tables).filter(([name, rows]) => name !== '_prisma_migrations' && rows.length > 0)).toEqual([]);

    // Cut short.
    writeFileSync(join(work, 'short.backup.gz'), gzipSync(raw.subarray(0, raw.length - 100)));
    await expect(restoreDatabase(target, join(work, 'short.backup.gz'))).rejects.toThrow(/cut short|damaged|does not match/);

    // Not a backup at all.
    writeFileSync(join(work, 'other.gz'), gzipSync(Buffer.from('hello\n')));
    await expect(restoreDatabase(target, join(work, 'other.gz'))).rejects.toThrow(/is not a portal backup/);
    writeFileSync(join(work, 'plain.txt'), 'hello');
    await expect(restoreDatabase(target, join(work, 'plain.txt'))).rejects.toThrow(/not a portal backup/);

    // A migration this code does not know.
    const header = JSON.parse(raw.subarray(raw.indexOf(10) + 1, headerEnd - 1).toString('utf8'));
    header.migrations.push({ name: '29991231000000_from_the_future', checksum: 'x' });
    const newer = Buffer.concat([raw.subarray(0, raw.indexOf(10) + 1), Buffer.from(`${JSON.stringify(header)}\n`), raw.subarray(headerEnd)]);
    writeFileSync(join(work, 'newer.backup.gz'), gzipSync(newer));
    await expect(restoreDatabase(target, join(work, 'newer.backup.gz'))).rejects.toThrow(
      /newer version of the portal: this code does not know its migration\(s\) 29991231000000_from_the_future/,
    );

    // The good file still restores into the same database.
    await restoreDatabase(target, file);
    expect((await contents(target)).tables.organisation!.length).toBeGreaterThan(0);
  });

  it('takes a consistent backup while the portal keeps writing', async () => {
    const db = getPrisma();
    const marker = `Writer ${randomBytes(3).toString('hex')}`;
    let stop = false;
    let written = 0;
    // Each write is one transaction: an organisation and its two contacts (tables backed up one after the other).
    const writer = async (id: number) => {
      for (let n = 0; !stop; n++) {
        await db.organisation.create({
          data: {
            kind: 'PROVIDER',
            name: `${marker} ${id}-${n}`,
            slug: `${marker.toLowerCase().replace(' ', '-')}-${id}-${n}`,
            type: 'CHARITY',
            contacts: { create: [{ name: 'First' }, { name: 'Second' }] },
          },
        });
        written++;
      }
    };
    const writers = [1, 2, 3].map(writer);
    while (written < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = written;
    const file = join(work, 'during-writes.backup.gz');
    await backupDatabase(sourceUrl, file);
    const during = written - before;
    stop = true;
    await Promise.all(writers);
    expect(during, 'writes committed while the backup ran').toBeGreaterThan(0);

    const target = await emptyDatabase();
    await restoreDatabase(target, file);
    await withClient(target, async (client) => {
      const { rows } = await client.query(
        `SELECT o.name, count(c.id)::int AS contacts FROM organisation o LEFT JOIN organisation_contact c ON c.organisation_id = o.id
          WHERE o.name LIKE $1 GROUP BY o.name`,
        [`${marker}%`],
      );
      expect(rows.length).toBeGreaterThanOrEqual(before);
      expect(rows.length).toBeLessThan(written);
      // Every organisation with both its contacts: no half of a transaction.
      expect(rows.filter((row) => row.contacts !== 2)).toEqual([]);
      const orphans = await client.query(
        `SELECT count(*)::int AS n FROM organisation_contact c LEFT JOIN organisation o ON o.id = c.organisation_id WHERE o.id IS NULL`,
      );
      expect(orphans.rows[0].n).toBe(0);
      // Each organisation's audit event is there too (written by the same transaction).
      const audited = await client.query(
        `SELECT count(*)::int AS n FROM audit_event a JOIN organisation o ON a.entity_id = o.id::text
          WHERE a.entity_type = 'organisation' AND a.action = 'CREATE' AND o.name LIKE $1`,
        [`${marker}%`],
      );
      expect(audited.rows[0].n).toBe(rows.length);
    });
  });
});
