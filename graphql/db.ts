// The portal's Prisma client: one per process, made from DATABASE_URL on first use.
import { createPrismaClient, type PrismaClient } from '../prisma/client';

let client: PrismaClient | undefined;

export function getPrisma(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the server sets it before serving (see server.ts).');
    client = createPrismaClient(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  }
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/** A client or the client of an interactive transaction. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
