// Builds the portal, starts it as in production (server.ts, NODE_ENV=production) on its own PostgreSQL database
// with the demo data, and stops both at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../prisma/embedded';
import { recreateDatabase } from '../setup/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3101);

async function waitForHealthy(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The portal exited while starting:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal did not become healthy within 2 minutes:\n${output()}`);
}

export default async function setup(project: TestProject) {
  // vitest sets NODE_ENV=test; the build must be the production one the server runs.
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);

  const external = process.env.TEST_DATABASE_URL;
  const pg = external ? null : await startEmbeddedPostgres({ dataDir: process.env.E2E_PG_DATA_DIR ?? '.data/e2e-postgres', port: Number(process.env.E2E_PG_PORT ?? 5442) });
  const urlFor = (database: string) => {
    if (pg) return pg.url(database);
    const url = new URL(external!);
    url.pathname = `/${database}`;
    return url.toString();
  };
  await recreateDatabase(urlFor('postgres'), 'portal_e2e');

  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts', '--demo'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: urlFor('portal_e2e'),
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's log, for when a journey fails: tests/.artifacts/e2e-server.log.
  mkdirSync('tests/.artifacts', { recursive: true });
  const logFile = createWriteStream('tests/.artifacts/e2e-server.log');
  for (const stream of [server.stdout!, server.stderr!]) {
    stream.on('data', (chunk) => {
      output += chunk;
      logFile.write(chunk);
    });
  }
  const baseUrl = `http://localhost:${PORT}`;
  try {
    await waitForHealthy(baseUrl, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    await pg?.stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await pg?.stop();
  };
}
