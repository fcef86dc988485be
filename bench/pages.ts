// Step 5 of the benchmark: server-rendered pages under load beside /healthz on the same server.
// It runs in a small process of its own (as autocannon or wrk would): the benchmark's main process holds the whole API
// after counting statements (about 280 MB of heap), and its garbage collector took about 30% of a core during the
// loads on this 2-core machine, which the server then lacked (pages 3.2-4.6 x /healthz instead of 1.5-2.2 x).
import { asProcessOfItsOwn, runInProcessOfItsOwn } from './child';
import { load, type LoadResult } from './http';
import { ratio, type LatencySummary } from './stats';

export interface PagesOptions {
  base: string;
  /** The signed-in officer's session cookie ("name=value"). */
  cookie: string;
  connections: number;
  durationMs: number;
  pages: string[];
}

export type PageLoad = LoadResult & { ratioP95: number; healthzDuringLoad: LatencySummary };

export interface PagesMeasurement {
  healthz: LoadResult;
  pages: PageLoad[];
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export async function measurePages(options: PagesOptions): Promise<PagesMeasurement> {
  const { base, connections, durationMs } = options;
  await load(`${base}/healthz`, { connections, durationMs: 3000 }); // warm-up, as the pages'
  const healthz = await load(`${base}/healthz`, { connections, durationMs });
  progress(`  /healthz: ${healthz.rps} req/s, p50 ${healthz.latency.p50} ms, p95 ${healthz.latency.p95} ms`);
  const pages: PageLoad[] = [];
  for (const path of options.pages) {
    const headers = { cookie: options.cookie };
    // Warm-up at the full load, so the measure is the steady state a server in service sees (its code optimised, its
    // heap grown to the load) as /healthz's is; 1 s at 2 connections left the first page's p95 in the warm-up
    // (/services 3.1-4.9 x in three runs, 1.9 x after a 2 s warm-up at 20 connections).
    await load(`${base}${path}`, { connections, durationMs: 3000, headers });
    // Beside the page's connections, one more asks for /healthz: how long a trivial request waits meanwhile.
    const [result, probe] = await Promise.all([
      load(`${base}${path}`, { connections, durationMs, headers }),
      load(`${base}/healthz`, { connections: 1, durationMs }),
    ]);
    pages.push({ ...result, ratioP95: ratio(result.latency.p95, healthz.latency.p95), healthzDuringLoad: probe.latency });
    progress(
      `  ${path}: ${result.rps} req/s, p50 ${result.latency.p50} ms, p95 ${result.latency.p95} ms, ${Math.round(result.bytes / 1024)} KB` +
        `${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}; /healthz meanwhile p95 ${probe.latency.p95} ms`,
    );
  }
  return { healthz, pages };
}

/** measurePages in a process of its own (it loads only the HTTP client). */
export const measurePagesInProcessOfItsOwn = (options: PagesOptions) =>
  runInProcessOfItsOwn<PagesMeasurement>(import.meta.url, options, 'The page loads');

await asProcessOfItsOwn(import.meta.url, 'Page loads', measurePages);
