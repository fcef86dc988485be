// The portal's server: validates the configuration, finds its database (DATABASE_URL, or an embedded PostgreSQL
// it starts itself), applies migrations, loads reference data (and demo data on the embedded database), then
// serves the Remix build. Stateless apart from the database, so it scales out behind a load balancer.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
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
  app.use(express.static('public', { maxAge: '1h' }));
  app.all('*', createRequestHandler({ build, mode: env.NODE_ENV === 'production' ? 'production' : 'development' }));

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
