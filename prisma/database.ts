// Where the portal's database is: DATABASE_URL when set, otherwise an embedded PostgreSQL it starts itself.
import pg from 'pg';
import type { Env } from '../app/utils/env.server';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'portal';

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function openDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'EMBEDDED_PG_PORT' | 'EMBEDDED_PG_DATA_DIR'>,
  log: (line: string) => void = () => {},
): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  log(`starting embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (data in ${env.EMBEDDED_PG_DATA_DIR})`);
  const server = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DATA_DIR, port: env.EMBEDDED_PG_PORT });
  await createDatabaseIfMissing(server.url('postgres'), EMBEDDED_DATABASE_NAME);
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}
