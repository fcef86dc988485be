// The portal as a newcomer runs it: no DATABASE_URL, so it starts its own PostgreSQL, migrates, loads demo data
// and serves; shuts down cleanly on SIGINT; recovers a stale pid file; answers 503 when the database is gone;
// and explains a bad configuration without a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PORT = 3160;
const PG_PORT = 5460;
const dataDir = mkdtempSync(join(tmpdir(), 'portal-lifecycle-'));

function startServer(env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      TEST_DATABASE_URL: '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(PG_PORT),
      EMBEDDED_PG_DATA_DIR: dataDir,
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function healthz(): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    return { status: response.status, body: await response.json() };
  } catch {
    return null;
  }
}

async function waitUntilHealthy(server: ReturnType<typeof startServer>, limitMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (server.child.exitCode !== null) throw new Error(`exited early:\n${server.output()}`);
    const health = await healthz();
    if (health?.status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not healthy in time:\n${server.output()}`);
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

// Each test may start PostgreSQL from nothing (initdb) and load the demo data.
describe('the portal with no configuration', { timeout: 180_000 }, () => {
  it('starts its own PostgreSQL with demo data, and stops it cleanly on SIGINT', async () => {
    const server = startServer();
    const ms = await waitUntilHealthy(server);
    expect(ms).toBeLessThan(120_000);
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });
    const signIn = await fetch(`http://127.0.0.1:${PORT}/sign-in`);
    expect(await signIn.text()).toContain('Email address');
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    server.child.kill('SIGINT');
    expect(await exitOf(server.child)).toBe(0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('recovers from a stale pid file left by a crash', async () => {
    writeFileSync(join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    const server = startServer();
    await waitUntilHealthy(server);
    server.child.kill('SIGTERM');
    expect(await exitOf(server.child)).toBe(0);
  });

  it('answers /healthz with 503 when the database goes away', async () => {
    const server = startServer();
    await waitUntilHealthy(server);
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    let health = await healthz();
    for (let i = 0; i < 40 && health?.status !== 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      health = await healthz();
    }
    expect(health).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  });

  it('explains a DATABASE_URL without a host, with no stack trace', async () => {
    const server = startServer({ DATABASE_URL: 'postgresql:///portal' });
    expect(await exitOf(server.child)).toBe(1);
    expect(server.output()).toContain('DATABASE_URL: must be a PostgreSQL connection string with a host');
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});
