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
    init.body = createReadableStreamFromReadable(req);
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
function remixHandler(build: ServerBuild, mode: 'production' | 'development'): express.RequestHandler {
  const handleRequest = createRequestHandler(build, mode);
  const exported = (build.entry.module as { pageCache?: () => PageCacheApi }).pageCache;
  const cache = exported ? exported() : null;
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      // A failed lookup (the database down) is left to Remix: its loaders meet the same failure and show the 500 page.
      const cached = cache ? await cache.lookup(request).catch(() => null) : null;
      if (cached && 'page' in cached) return sendCachedPage(res, cached.page);
      const response = await handleRequest(request);
      const page = cached ? await cache!.store(cached.key, response) : null;
      if (page) return sendCachedPage(res, page);
      await sendRemixResponse(res, response);
    } catch (error) {
      // Express does not wait for promises: hand the error on, as @remix-run/express does.
      next(error);
    }
  };
}

function healthCheck(pool: pg.Pool): express.RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await Promise.race([
        pool.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
      ]);
      res.status(200).json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  };
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

  // What the app may know about the connection, set here and never taken from the client.
  app.use((req, res, next) => {
    const requestId = randomUUID();
    req.headers['x-request-id'] = requestId;
    req.headers['x-portal-remote-address'] = req.socket.remoteAddress ?? 'unknown';
    res.set({
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    });
    if (env.NODE_ENV === 'production') res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });

  // Forms and API calls from another site are refused: a browser always sends Origin on cross-site POSTs.
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.headers.host) {
        res.status(403).type('text/plain').send('Requests from other sites are not accepted.');
        return;
      }
    }
    next();
  });

  const healthPool = new pg.Pool({ connectionString: database.url, max: 2, connectionTimeoutMillis: 2_000 });
  healthPool.on('error', () => {});
  app.get('/healthz', healthCheck(healthPool));

  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  // Files in public/ by their first path segment (styles/, favicon.svg, ...), so a page's request does not cost a
  // file-system lookup on its way to Remix.
  const publicEntries = new Set(existsSync('public') ? readdirSync('public') : []);
  const publicFiles = express.static('public', { maxAge: '1h' });
  app.use((req, res, next) => (publicEntries.has(firstSegment(req.path)) ? publicFiles(req, res, next) : next()));
  app.all('*', remixHandler(build, env.NODE_ENV === 'production' ? 'production' : 'development'));

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
