// The portal's Prisma client: one per process, made from DATABASE_URL on first use.
import { createPrismaClient, type PrismaClient } from '../prisma/client';

let client: PrismaClient | undefined;

export function getPrisma(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before serving (see server.ts).');
    client = withoutEmptySelects(createPrismaClient(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }));
  }
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
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
