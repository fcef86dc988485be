// The reliability tests' harness: a PostgreSQL the test owns (so it can stop it under a running server, or kill the
// server without killing it), the compiled server spawned on it as in production, and HTTP helpers that sign in
// and call the API the way a browser or a case system does.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../prisma/embedded';
import { recreateDatabase } from '../setup/postgres';

export const PORT = Number(process.env.RELIABILITY_PORT ?? 3701);
export const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 5701);
export const PG_DATA_DIR = process.env.RELIABILITY_PG_DATA_DIR ?? '.data/reliability-pg';
/** 127.0.0.1 for fetch; browsers use localhost (a Secure cookie is accepted there over http). */
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const BROWSER_URL = `http://localhost:${PORT}`;
export const SESSION_SECRET = 'reliability-session-secret-that-is-long-enough-0123456789';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test's own PostgreSQL (RELIABILITY_PG_PORT, RELIABILITY_PG_DATA_DIR); start it again on the same data. */
export function startDatabaseServer(): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir: PG_DATA_DIR, port: PG_PORT });
}

/** An empty database on it (the server migrates it and loads the reference data when it starts). */
export async function freshDatabase(server: EmbeddedDatabase, name: string): Promise<string> {
  await recreateDatabase(server.url('postgres'), name);
  return server.url(name);
}

let started = 0;

/** `node build/server.js` (npm run serve) in production mode on DATABASE_URL. */
export class PortalServer {
  private constructor(
    readonly child: ChildProcess,
    private readonly log: () => string,
  ) {}

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<PortalServer> {
    let output = '';
    const child = spawn(process.execPath, ['build/server.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    mkdirSync('tests/.artifacts', { recursive: true });
    const file = createWriteStream(`tests/.artifacts/reliability-server-${process.pid}-${++started}.log`);
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk) => {
        output += chunk;
        file.write(chunk);
      });
    }
    child.once('exit', () => file.end());
    const server = new PortalServer(child, () => output);
    await server.waitUntilHealthy();
    return server;
  }

  output(): string {
    return this.log();
  }

  async waitUntilHealthy(limitMs = 120_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`The portal exited while starting:\n${this.output()}`);
      }
      try {
        const response = await fetch(`${BASE_URL}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`The portal did not become healthy in time:\n${this.output()}`);
  }

  exited(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
  }

  /** kill -9: no shutdown handler runs, open requests are cut. */
  async kill9(): Promise<void> {
    process.kill(this.child.pid!, 'SIGKILL');
    await this.exited();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await Promise.race([this.exited(), sleep(10_000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) await this.kill9();
  }
}

/** Signs in through the sign-in form, as a browser does; answers the Cookie header to send. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0]!)
    .find((pair) => /portal_session=/.test(pair));
  if (response.status !== 302 || !cookie) {
    throw new Error(`Sign-in of ${email} failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  return cookie;
}

export type Auth = { cookie: string } | { bearer: string };

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

/** POST /graphql with the session cookie (and the CSRF header a page sends) or an API token. */
export async function graphql(
  query: string,
  variables: Record<string, unknown>,
  auth: Auth,
  options: { signal?: AbortSignal } = {},
): Promise<GraphQLAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if ('cookie' in auth) {
    headers.cookie = auth.cookie;
    headers['x-graphql-yoga-csrf'] = '1';
  } else {
    headers.authorization = `Bearer ${auth.bearer}`;
  }
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  const text = await response.text();
  let body: GraphQLAnswer['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body, headers: response.headers };
}

/** A plain `pg` client on the test's database, for checking what was stored. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const SAVE_DRAFT = `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) {
  __typename ... on MutationSaveReturnDraftSuccess { data { id version status } } ... on Error { message } } }`;
export const SUBMIT = `mutation ($input: SubmitReturnInput!) { submitReturn(input: $input) {
  __typename ... on MutationSubmitReturnSuccess { data { id version status } } ... on Error { message } } }`;
