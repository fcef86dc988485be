// Step 5 of the benchmark: each dashboard operation through the API beside its SQL floor (docs/decisions/0007).
//
// Measured in a process of its own started with NODE_ENV=production, as the server runs (graphql-js and Yoga take
// their production paths there; the benchmark's own process is a development one):
//   api   - the operation in-process through the pages' bridge (bench/in-process.ts), as a real signed-in officer and
//           the Commissioner: what a dashboard loader pays for it. The budget's measure.
//   floor - ONE hand-written statement computing the same figures (bench/floor-sql.ts) through `pg`, with the pool
//           settings of the portal's own client (graphql/db.ts: connection string and DATABASE_POOL_SIZE).
//   http  - the same document via POST /graphql to the running server with the session cookie, for information
//           (adds HTTP, Remix's /graphql route and the session lookup: the same for every request, measured with
//           the pages).
// Warm-ups, then runs alternating api, floor, http so all three see the same machine. The floor's figures are
// compared with the officer's answer (`consistent`) and the HTTP answer with the in-process one.
//
// `node --import tsx bench/dashboards.ts '<json options>'` prints the measurements as JSON on stdout; progress on stderr.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { periodContaining, previousPeriod, todayInLondon } from '../graphql/domain/periods';
import { asProcessOfItsOwn, runInProcessOfItsOwn } from './child';
import { FLOOR_QUERIES } from './floor-sql';
import { graphql, keepAliveAgent } from './http';
import { inProcessApi } from './in-process';
import { DASHBOARD_OPERATIONS } from './operations';
import { ratio, summarise, type LatencySummary } from './stats';

export interface DashboardMeasurement {
  operation: string;
  role: string;
  /** In-process, through the pages' bridge: the budget's measure. */
  api: LatencySummary;
  floor: LatencySummary;
  /** The same document via POST /graphql with the session cookie, for information. */
  http: LatencySummary;
  /** api p50 / floor p50: the budget's measure. */
  ratio: number;
  ratioP95: number;
  /** http p50 / floor p50, for information. */
  httpRatio: number;
  /** Whether the floor computes the API's figures (checked on the officer's exact answer). */
  consistent: boolean | null;
  mismatch?: string;
  /** Whether the HTTP answer is the in-process one. */
  sameAnswerOverHttp: boolean;
}

export interface DashboardOptions {
  /** The running server, for the HTTP figures. */
  base: string;
  /** Role -> the session cookie of that user signed in on the server ("name=value"). */
  cookies: Record<string, string>;
  /** Role -> e-mail, signed in again in-process. */
  users: Record<string, string>;
  databaseUrl: string;
  runs: number;
  warmups: number;
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export async function measureDashboards(options: DashboardOptions): Promise<DashboardMeasurement[]> {
  process.env.LOG_LEVEL = 'silent';
  const agent = keepAliveAgent(1);
  const floor = new pg.Pool({ connectionString: options.databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const inProcess = await inProcessApi(options.databaseUrl, options.users);
  const today = todayInLondon();
  const financialYear = previousPeriod(periodContaining(today)).financialYear;
  const results: DashboardMeasurement[] = [];
  try {
    for (const [role, cookie] of Object.entries(options.cookies)) {
      for (const operation of DASHBOARD_OPERATIONS) {
        const floorQuery = FLOOR_QUERIES.find((f) => f.operation === operation.name)!;
        const api = () => inProcess.run(role, operation.query);
        const http = () => graphql(agent, options.base, cookie, operation.query);
        const sql = async () => {
          const started = performance.now();
          const result = await floor.query(floorQuery.sql, floorQuery.params.map((p) => (p === 'year' ? financialYear : today)));
          return { ms: performance.now() - started, rows: result.rows as Record<string, unknown>[] };
        };
        // The first warm-up checks the figures: the floor's against the officer's exact answer, HTTP against in-process.
        const [a, h, f] = [await api(), await http(), await sql()];
        const mismatch = role === 'officer' ? floorQuery.verify(a.data as Record<string, unknown>, f.rows) : null;
        const sameAnswerOverHttp = JSON.stringify(a.data) === JSON.stringify(h.data);
        for (let i = 1; i < options.warmups; i += 1) {
          await api();
          await sql();
          await http();
        }
        const apiMs: number[] = [];
        const floorMs: number[] = [];
        const httpMs: number[] = [];
        for (let i = 0; i < options.runs; i += 1) {
          apiMs.push((await api()).ms);
          floorMs.push((await sql()).ms);
          httpMs.push((await http()).ms);
        }
        const apiSummary = summarise(apiMs);
        const floorSummary = summarise(floorMs);
        const httpSummary = summarise(httpMs);
        const measurement: DashboardMeasurement = {
          operation: operation.name,
          role,
          api: apiSummary,
          floor: floorSummary,
          http: httpSummary,
          ratio: ratio(apiSummary.p50, floorSummary.p50),
          ratioP95: ratio(apiSummary.p95, floorSummary.p95),
          httpRatio: ratio(httpSummary.p50, floorSummary.p50),
          consistent: role === 'officer' ? mismatch === null : null,
          ...(mismatch ? { mismatch } : {}),
          sameAnswerOverHttp,
        };
        results.push(measurement);
        progress(
          `${operation.name} (${role}): API p50 ${apiSummary.p50} ms p95 ${apiSummary.p95} ms; floor p50 ${floorSummary.p50} ms ` +
            `p95 ${floorSummary.p95} ms; ratio ${measurement.ratio}; HTTP p50 ${httpSummary.p50} ms (${measurement.httpRatio}x)` +
            `${mismatch ? `; FIGURES DIFFER: ${mismatch}` : ''}${sameAnswerOverHttp ? '' : '; HTTP ANSWER DIFFERS'}`,
        );
      }
    }
  } finally {
    agent.destroy();
    await floor.end();
    await inProcess.close();
  }
  return results;
}

/** measureDashboards in a child process started as the production server is (NODE_ENV=production). */
export function measureDashboardsInProduction(options: DashboardOptions): Promise<DashboardMeasurement[]> {
  return runInProcessOfItsOwn<DashboardMeasurement[]>(import.meta.url, options, 'The dashboard measurements', {
    ...process.env,
    NODE_ENV: 'production',
    // Sessions made in the child are signed and read there only.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'silent',
  });
}

await asProcessOfItsOwn(import.meta.url, 'Dashboard measurements', measureDashboards);
