// The test suite's PostgreSQL: TEST_DATABASE_URL's server when set (a maintenance database URL, e.g.
// postgresql://postgres:pw@localhost:5432/postgres), otherwise an embedded PostgreSQL under .data/test-postgres.
// A template database is migrated and given the briefing's reference data once per run; each test file gets its
// own copy (CREATE DATABASE ... TEMPLATE), so files run in parallel without seeing each other's rows.
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../prisma/embedded';
import { migrate } from '../../prisma/migrator';
import { createPrismaClient } from '../../prisma/client';
import { seedReferenceData } from '../../seeds/reference';

export const TEMPLATE_DB = 'portal_test_template';

export interface TestServer {
  /** URL of a database on the test server. */
  url(database: string): string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    return {
      url: (database) => {
        const url = new URL(external);
        url.pathname = `/${database}`;
        return url.toString();
      },
      stop: async () => {},
    };
  }
  const server: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: process.env.TEST_PG_DATA_DIR ?? '.data/test-postgres',
    port: Number(process.env.TEST_PG_PORT ?? 5441),
  });
  return { url: (database) => server.url(database), stop: () => server.stop() };
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export async function recreateDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}

/** An empty database, migrated, with the briefing's reference data: what every test database starts from. */
export async function buildTemplate(server: TestServer): Promise<void> {
  await recreateDatabase(server.url('postgres'), TEMPLATE_DB);
  await migrate(server.url(TEMPLATE_DB));
  const prisma = createPrismaClient(server.url(TEMPLATE_DB), { max: 2 });
  try {
    await seedReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
