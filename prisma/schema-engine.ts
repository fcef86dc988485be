// Prisma's own schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the pg driver
// adapter. It needs no download, so on these machines it stands in for the CLI's native engine for development
// tooling: generating migrations (`npm run db:diff`) and the drift test. The runtime migrator does not use it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as engineModule from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { listMigrations, MIGRATIONS_DIR } from './migrator';

export const SCHEMA_PATH = join(dirname(MIGRATIONS_DIR), 'schema.prisma');

// The engine introspects pg_catalog, whose "char" columns (OID 18, e.g. pg_constraint.contype) @prisma/adapter-pg
// 7.10 cannot type, although the engine expects them as `Character`. In this tooling process only, pg results
// report such columns as text under a marked name, and the adapter wrapper below restores the name and reports
// the column as Character. The portal itself never loads this module.
const PG_CHAR = 18;
const PG_TEXT = 25;
const CHAR_MARK = '\u0000char';
let patched = false;
function markCharColumns(): void {
  if (patched) return;
  patched = true;
  const original = pg.Pool.prototype.query as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pg.Pool.prototype as unknown as { query: unknown }).query = async function (this: pg.Pool, ...args: unknown[]) {
    const result = await original.apply(this, args);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        field.name += CHAR_MARK;
      }
    }
    return result;
  };
}

type Queryable = { queryRaw(query: unknown): Promise<{ columnNames: string[]; columnTypes: number[] }> };
function restoreCharColumns<T extends Queryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (name.endsWith(CHAR_MARK)) {
        result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
        result.columnTypes[i] = ColumnTypeEnum.Character;
      }
    });
    return result;
  };
  const withTransactions = target as T & { startTransaction?: (...args: unknown[]) => Promise<Queryable> };
  if (withTransactions.startTransaction) {
    const start = withTransactions.startTransaction.bind(target);
    withTransactions.startTransaction = async (...args) => restoreCharColumns(await start(...args));
  }
  return target;
}

let instantiated: Promise<void> | undefined;
function instantiateWasm(): Promise<void> {
  instantiated ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': engineModule as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (engineModule as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return instantiated;
}

export function schemaFiles(): { path: string; content: string }[] {
  return [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }];
}

/** An engine connected to `connectionString` (it creates its own shadow database there when it needs one). */
export async function openSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  await instantiateWasm();
  markCharColumns();
  const factory = new PrismaPg({ connectionString });
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => restoreCharColumns(await factory.connect()),
    connectToShadowDb: async () => restoreCharColumns(await factory.connectToShadowDb()),
  });
  return engineModule.SchemaEngine.new({ datamodels: schemaFiles().map((f) => [f.path, f.content]) }, () => {}, adapter);
}

export function migrationList(): MigrationList {
  const baseDir = MIGRATIONS_DIR;
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: lockPath, content: readFileSync(lockPath, 'utf8') },
    shadowDbInitScript: '',
    migrationDirectories: listMigrations().map((m) => ({
      path: m.name,
      migrationFile: { path: relative(baseDir, m.file), content: { tag: 'ok', value: m.sql } },
    })),
  };
}

/** SQL that takes `from` to `to`; empty when they match. */
export async function diffScript(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await engine.diff({
    from,
    to,
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return (result.stdout ?? '').trim();
}
