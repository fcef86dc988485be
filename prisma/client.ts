// The one way to make a Prisma client: Prisma 7 with the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/client/client';

export * from './generated/client/client';

/**
 * A client on its own pool of `max` connections, or on `pool` (which $disconnect then ends): the server's client
 * shares its pool with the few hand-written statements every request runs (graphql/db.ts getPool).
 */
export function createPrismaClient(connectionString: string, options: { max?: number; pool?: pg.Pool } = {}): PrismaClient {
  const adapter = options.pool
    ? new PrismaPg(options.pool, { disposeExternalPool: true })
    : new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
