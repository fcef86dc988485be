// The portal's Prisma client: one per process, made from DATABASE_URL on first use, with its connection pool.
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../prisma/client';

let client: PrismaClient | undefined;
let pool: pg.Pool | undefined;

export function getPrisma(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before serving (see server.ts).');
    pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
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
