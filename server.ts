// The portal's server: validates the configuration, finds its database (DATABASE_URL, or an embedded PostgreSQL
// it starts itself), applies migrations, loads reference data (and demo data on the embedded database), then
// serves the Remix build. Stateless apart from the database, so it scales out behind a load balancer.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from '@remix-run/node';
import express from 'express';
import pg from 'pg';
import { EnvError, getEnv } from './app/utils/env.server';
import { bufferedBody, formBodies } from './app/utils/form-body.server';
import { RETRY_AFTER_SECONDS, serviceUnavailableBody, unavailablePage } from './app/utils/unavailable.server';
import {
  baseSecurityHeaders,
  CROSS_SITE_MESSAGE,
  crossSiteRefusal,
  NON_HTML_CSP,
  NONCE_HEADER,
  newNonce,
  pageCsp,
} from './app/utils/security-headers.server';
import { createPrismaClient } from './prisma/client';
import { openDatabase, type DatabaseHandle } from './prisma/database';
import { migrate, MigrationError } from './prisma/migrator';
import { hasDemoData, seedDemoData } from './seeds/demo';
import { seedReferenceData } from './seeds/reference';

const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...extra }));

async function prepareDatabase(database: DatabaseHandle, demo: boolean, demoPassword: string) {
  const { applied } = await migrate(database.url, { log });
  if (applied.length) log(`applied ${applied.length} migration(s)`);
  const prisma = createPrismaClient(database.url, { max: 2 });
  try {
    await seedReferenceData(prisma);
    if (demo && !(await hasDemoData(prisma))) {
      const started = Date.now();
      await seedDemoData(prisma, { password: demoPassword });
      log('loaded demo data', { ms: Date.now() - started });
    }
  } finally {
    await prisma.$disconnect();
  }
}

function firstSegment(path: string): string {
  const segment = path.split('/', 2)[1] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface PageCacheApi {
  lookup(request: Request): Promise<{ page: CachedPage } | { key: string } | null>;
  store(key: string, response: Response): Promise<CachedPage | null>;
}

interface CachedPage {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

/**
 * Just before the headers go out (whoever wrote the response: Remix, the page cache, express.static, the 503 page):
 * one Content-Security-Policy. A policy the response set itself (a page's, with its nonce; GraphiQL's) replaces the
 * default `default-src 'none'`; HTML without one gets the pages' policy with this request's nonce. Responses that
 * say nothing about caching are not kept by browsers or proxies (`no-store`: pages hold personal and commissioning
 * data; the build's files and public/ set their own).
 */
function finishSecurityHeaders(res: express.Response, nonce: string, production: boolean) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: unknown[]) {
    if (!this.headersSent) {
      const current = this.getHeader('Content-Security-Policy');
      const own = (Array.isArray(current) ? current : [String(current ?? '')]).filter((value) => value && value !== NON_HTML_CSP);
      const html = /^text\/html/i.test(String(this.getHeader('Content-Type') ?? ''));
      this.setHeader('Content-Security-Policy', own.at(-1) ?? (html ? pageCsp(nonce, { production }) : NON_HTML_CSP));
      if (!this.hasHeader('Cache-Control')) this.setHeader('Cache-Control', 'no-store');
    }
    return (writeHead as (...a: unknown[]) => express.Response).apply(this, args);
  } as typeof res.writeHead;
}

// The request and response conversions of @remix-run/express's createRequestHandler (not exported by it).
function createRemixRequest(req: express.Request, res: express.Response): Request {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10);
  const forwardedPort = portOf(req.get('X-Forwarded-Host'));
  const hostPort = portOf(req.get('host'));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : '';
  // req.hostname respects the "trust proxy" setting; originalUrl is the full path.
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else headers.set(name, values);
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // A multipart body formBodies already read and checked, or the stream.
    init.body = bufferedBody(req) ?? createReadableStreamFromReadable(req);
    init.duplex = 'half';
  }
  // Abort loaders and actions when the response can no longer be written (`close` without `finish`).
  res.on('finish', () => (controller = null));
  res.on('close', () => controller?.abort());
  return new Request(url.href, init);
}

async function sendRemixResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function sendCachedPage(res: express.Response, page: CachedPage) {
  res.statusMessage = page.statusText;
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  res.end(page.body);
}

/**
 * Remix behind express (as @remix-run/express's createRequestHandler), with the build's cache of rendered pages
 * (app/utils/page-cache.server.ts, exported by app/entry.server.tsx) in front of it.
 */
function remixHandler(build: ServerBuild, mode: 'production' | 'development', monitor: DatabaseMonitor, opccName: string): express.RequestHandler {
  const handleRequest = createRequestHandler(build, mode);
  const exported = (build.entry.module as { pageCache?: () => PageCacheApi }).pageCache;
  const cache = exported ? exported() : null;
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      // A failed lookup (the database down) is left to Remix: its loaders meet the same failure and show the 503 page.
      const cached = cache ? await cache.lookup(request).catch(() => null) : null;
      if (cached && 'page' in cached) return sendCachedPage(res, cached.page);
      const response = await handleRequest(request);
      // The database unreachable: the app answered 503 (app/utils/unavailable.server.ts); a 500 from code that does not
      // know about it (sign-in, ...) is the same 503 when the database is down right now.
      if (response.status === 503) {
        monitor.reportDown();
        if (!response.headers.has('Retry-After')) response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
      } else if (response.status === 500 && !(await monitor.check())) {
        await response.body?.cancel().catch(() => {});
        return sendUnavailable(req, res, opccName);
      }
      const page = cached ? await cache!.store(cached.key, response) : null;
      if (page) return sendCachedPage(res, page);
      await sendRemixResponse(res, response);
    } catch (error) {
      // Express does not wait for promises: hand the error on, as @remix-run/express does.
      next(error);
    }
  };
}

function healthCheck(pool: pg.Pool, monitor: DatabaseMonitor): express.RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const ok = await selectOne(pool);
    monitor.report(ok);
    if (ok) res.status(200).json({ status: 'ok', database: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  };
}

/** `SELECT 1` within 2 seconds. */
async function selectOne(pool: pg.Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2_000))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the database answers, as far as this server knows: every /healthz and every failure the app meets (a 503,
 * or a 500 while a probe fails) keep it current; nothing runs while all is well. Once it is down, pages and the API
 * answer 503 at once without waiting on the database, a probe runs every second, and the server recovers by itself:
 * the first successful probe lets requests through again (its pools open new connections; graphql/db.ts).
 */
interface DatabaseMonitor {
  available(): boolean;
  /** Probes now (one probe at a time), and answers whether the database answered. */
  check(): Promise<boolean>;
  report(ok: boolean): void;
  reportDown(): void;
  stop(): void;
}

function databaseMonitor(pool: pg.Pool): DatabaseMonitor {
  let up = true;
  let probing: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (stopped || up) return;
    timer = setTimeout(() => void monitor.check(), 1_000);
    timer.unref();
  };
  const monitor: DatabaseMonitor = {
    available: () => up,
    check() {
      probing ??= selectOne(pool).then((ok) => {
        probing = null;
        monitor.report(ok);
        return ok;
      });
      return probing;
    },
    report(ok) {
      if (ok !== up) {
        const msg = ok ? 'database reachable again' : 'database unreachable: answering 503 until it returns';
        console.error(JSON.stringify({ time: new Date().toISOString(), level: ok ? 'info' : 'warn', msg }));
      }
      up = ok;
      schedule();
    },
    reportDown() {
      if (up) void monitor.check();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
  return monitor;
}

/** The 503 without Remix: JSON for the API, the friendly page for everything else. */
function sendUnavailable(req: express.Request, res: express.Response, opccName: string) {
  res.status(503).set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' });
  if (req.path === '/graphql' && !(req.headers.accept ?? '').includes('text/html')) {
    res.type('application/json').send(serviceUnavailableBody());
  } else {
    res.type('text/html').send(unavailablePage(opccName));
  }
}

async function main() {
  const env = getEnv();
  const database = await openDatabase(env, log);
  process.env.DATABASE_URL = database.url;
  // Demo data only on the embedded database, or when asked for (never silently in production).
  const demo = database.embedded || process.argv.includes('--demo');
  await prepareDatabase(database, demo, env.DEMO_PASSWORD);

  const build = (await import(new URL('./build/index.js', import.meta.url).href)) as ServerBuild;
  const app = express();
  app.disable('x-powered-by');
  if (env.TRUST_PROXY) app.set('trust proxy', true);

  // What the app may know about the connection, set here and never taken from the client: the request id, the
  // client's address and this response's CSP nonce (app/utils/security-headers.server.ts).
  const production = env.NODE_ENV === 'production';
  const securityHeaders = baseSecurityHeaders({ production });
  app.use((req, res, next) => {
    const requestId = randomUUID();
    const nonce = newNonce();
    req.headers['x-request-id'] = requestId;
    req.headers['x-portal-remote-address'] = req.socket.remoteAddress ?? 'unknown';
    req.headers[NONCE_HEADER] = nonce;
    res.set({ 'X-Request-Id': requestId, ...securityHeaders });
    finishSecurityHeaders(res, nonce, production);
    next();
  });

  // Forms and API calls from another site are refused before anything reads them (crossSiteRefusal: Origin,
  // Sec-Fetch-Site). Safe methods pass: GET never changes anything in the portal.
  app.use((req, res, next) => {
    const refusal = crossSiteRefusal({
      method: req.method,
      origin: req.headers.origin,
      host: req.headers.host,
      forwardedHost: env.TRUST_PROXY ? req.get('X-Forwarded-Host')?.split(',')[0]?.trim() : undefined,
      secFetchSite: req.get('Sec-Fetch-Site'),
    });
    if (refusal) {
      res.status(403).type('text/plain').send(CROSS_SITE_MESSAGE);
      return;
    }
    next();
  });

  // A POST to a page must be a form (415 otherwise); a multipart body is read and checked here (400 when broken), so
  // no action meets a body it cannot parse (app/utils/form-body.server.ts).
  app.use(formBodies());

  const healthPool = new pg.Pool({ connectionString: database.url, max: 2, connectionTimeoutMillis: 2_000 });
  healthPool.on('error', () => {});
  const monitor = databaseMonitor(healthPool);
  app.get('/healthz', healthCheck(healthPool, monitor));

  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  // Files in public/ by their first path segment (styles/, favicon.svg, ...), so a page's request does not cost a
  // file-system lookup on its way to Remix.
  const publicEntries = new Set(existsSync('public') ? readdirSync('public') : []);
  const publicFiles = express.static('public', { maxAge: '1h' });
  app.use((req, res, next) => (publicEntries.has(firstSegment(req.path)) ? publicFiles(req, res, next) : next()));
  // The database known to be down: answer 503 at once (the monitor lets requests through again when it returns).
  app.use((req, res, next) => (monitor.available() ? next() : sendUnavailable(req, res, env.OPCC_NAME)));
  app.all('*', remixHandler(build, env.NODE_ENV === 'production' ? 'production' : 'development', monitor, env.OPCC_NAME));
  // An error outside Remix's own handling: never express's page (it shows the stack outside production).
  app.use(async (error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    if (!(await monitor.check())) return sendUnavailable(req, res, env.OPCC_NAME);
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'request failed', error: String(error) }));
    res.status(500).type('text/plain').send('Sorry, there is a problem with the service. Try again later.');
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
  });
  log(`portal listening on http://localhost:${env.PORT}`, { database: database.embedded ? 'embedded' : 'DATABASE_URL', demo });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections?.();
    monitor.stop();
    await healthPool.end().catch(() => {});
    // Bounded: if PostgreSQL already died, its exit never comes.
    await Promise.race([database.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof EnvError || error instanceof MigrationError) {
    console.error(error.message);
  } else {
    console.error('The portal could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
