// The benchmark's HTTP client and load generator: Node's http module with keep-alive agents (no autocannon).
// A load run keeps `connections` requests in flight (one worker per connection, each sending its next request when
// the last one's body has been read) for a fixed duration, and records every request's latency.
import http from 'node:http';
import { summarise, type LatencySummary } from './stats';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Response> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { ...(options.body ? { 'content-length': Buffer.byteLength(options.body).toString() } : {}), ...options.headers },
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${url}`)));
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

export const keepAliveAgent = (sockets: number) => new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });

/** Signs in through the sign-in form, as a browser does; answers the session cookie ("name=value"). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const agent = keepAliveAgent(1);
  try {
    const body = new URLSearchParams({ email, password, redirectTo: '/' }).toString();
    const res = await request(agent, `${base}/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const cookie = [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]!).find((c) => /portal_session=/.test(c));
    if (res.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email}: HTTP ${res.status}`);
    return cookie;
  } finally {
    agent.destroy();
  }
}

/** POST /graphql with the session cookie, as the portal's API contract asks of a browser session. */
export async function graphql(
  agent: http.Agent,
  base: string,
  cookie: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ ms: number; data: unknown }> {
  const res = await request(agent, `${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', cookie, 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = JSON.parse(res.body) as { data?: unknown; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors?.length) {
    throw new Error(`GraphQL error (HTTP ${res.status}): ${body.errors?.map((e) => e.message).join('; ') ?? res.body.slice(0, 200)}`);
  }
  return { ms: res.ms, data: body.data };
}

export interface LoadResult {
  path: string;
  connections: number;
  durationMs: number;
  requests: number;
  errors: number;
  /** Requests answered per second (errors included). */
  rps: number;
  latency: LatencySummary;
  /** Average response size, bytes. */
  bytes: number;
  firstError?: string;
}

/**
 * One GET for the load generator: the body is read and counted, not kept or decoded (as autocannon and wrk do; the
 * load generator shares the machine's cores with the server, and decoding an 86 KB page into a string cost the
 * client as much CPU as the server spent answering it).
 */
function hit(agent: http.Agent, target: URL, headers: Record<string, string> | undefined): Promise<{ status: number; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { agent, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'GET', headers, timeout: 60_000 },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${target.href}`)));
    req.on('error', reject);
    req.end();
  });
}

/** `connections` keep-alive connections requesting `url` back to back for `durationMs`. */
export async function load(url: string, options: { connections: number; durationMs: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = keepAliveAgent(options.connections);
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const res = await hit(agent, target, options.headers);
        latencies.push(res.ms);
        bytes += res.bytes;
        if (res.status !== 200) {
          errors += 1;
          firstError ??= `HTTP ${res.status}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  return {
    path: new URL(url).pathname,
    connections: options.connections,
    durationMs: Math.round(elapsed),
    requests: latencies.length,
    errors,
    rps: Math.round((latencies.length * 1000 * 10) / elapsed) / 10,
    latency: summarise(latencies),
    bytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
    ...(firstError ? { firstError } : {}),
  };
}
