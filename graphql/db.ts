// The portal's Prisma client: one per process, made from DATABASE_URL on first use, with its connection pool.
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../prisma/client';

let client: PrismaClient | undefined;
let pool: pg.Pool | undefined;

/**
 * How long opening a connection may take before the database counts as unreachable (a stopped server refuses at
 * once; a network that drops packets would otherwise hang the request for minutes).
 */
const CONNECT_TIMEOUT_MS = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3_000);
/** How long a request may wait for a free connection of a busy pool (a burst of submissions queues here). */
const POOL_WAIT_MS = Number(process.env.DATABASE_POOL_WAIT_MS ?? 15_000);

/** pg's client with its own connect timeout: the pool's `connectionTimeoutMillis` is the wait for a free connection. */
class PortalClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * The server's pool. A connection that fails (the database restarted, a network blip) is dropped by pg's pool and
 * the next request opens a new one, so the portal recovers by itself when the database comes back; the `error`
 * listener keeps such a failure of an idle connection from crashing the process.
 */
export function createServerPool(connectionString: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): pg.Pool {
  const created = new pg.Pool({
    connectionString,
    max,
    Client: PortalClient,
    connectionTimeoutMillis: POOL_WAIT_MS,
    keepAlive: true,
  });
  created.on('error', () => {});
  return created;
}

export function getPrisma(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before serving (see server.ts).');
    pool = createServerPool(url);
    client = withoutEmptySelects(createPrismaClient(url, { pool }));
  }
  return client;
}

/**
 * The Prisma client's own connection pool, for the one hand-written statement every signed-in request runs (the
 * session lookup, app/utils/session.server.ts): through `pg` it costs about a third of the CPU of `$queryRaw`.
 */
export function getPool(): pg.Pool {
  getPrisma();
  return pool!;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  pool = undefined;
}

/** What pages and the API answer while the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The service is unavailable: its database cannot be reached. Nothing was saved. Try again in a few minutes.';

// Connection failures (Node's socket codes, PostgreSQL's SQLSTATE classes 08 and 57P0x, Prisma's P1001/P1002/P1017)
// and the driver adapter's kinds for them.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
  'P1001', 'P1002', 'P1017',
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|timeout expired|Can't reach database server|Server has closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Client has encountered a connection error|Connection refused/i;

/**
 * Whether an error (from pg, Prisma or the driver adapter, possibly wrapped in others' `cause`, `originalError` or
 * Prisma's `meta.driverAdapterError`) means the database cannot be reached right now, rather than a bug or bad data.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const value = current as {
      code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown;
      cause?: unknown; originalError?: unknown; meta?: { driverAdapterError?: unknown };
    };
    if (typeof value.code === 'string' && UNAVAILABLE_CODES.has(value.code)) return true;
    if (typeof value.originalCode === 'string' && UNAVAILABLE_CODES.has(value.originalCode)) return true;
    if (typeof value.kind === 'string' && UNAVAILABLE_KINDS.has(value.kind)) return true;
    if (typeof value.message === 'string' && UNAVAILABLE_MESSAGES.test(value.message)) return true;
    queue.push(value.cause, value.originalError, value.meta?.driverAdapterError);
  }
  return false;
}

/** A client or the client of an interactive transaction. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * A GraphQL selection of only `__typename` gives Pothos an empty `select`, which Prisma refuses ("must not be
 * empty"). Leaving `select` out instead reads the row's own columns: cheap, and every resolver stays `...query`.
 */
function withoutEmptySelects(base: PrismaClient): PrismaClient {
  return base.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const select = (args as { select?: object } | undefined)?.select;
          if (select && Object.keys(select).length === 0) {
            const { select: _empty, ...rest } = args as { select?: object };
            return query(rest as typeof args);
          }
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}
