// "The database cannot be reached" is told apart from every other failure (graphql/db.ts isDatabaseUnavailable), with
// real errors from pg, Prisma and the driver adapter: a refused connection, a terminated one (57P01), a connection
// that never answers (bounded by the connect timeout, no hang). The API then answers 503 SERVICE_UNAVAILABLE, and
// the pages' bridge and the session lookup throw the 503 page; a bad query or a unique violation stays what it was.
// The whole server under a stopped database: tests/reliability/database-down.test.ts.
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { TypedDocumentString } from '../../app/gql/graphql';
import { gqlResult } from '../../app/utils/graphql.server';
import { createSession, getOptionalUser } from '../../app/utils/session.server';
import { createServerPool, disconnectPrisma, getPrisma, isDatabaseUnavailable } from '../../graphql/db';
import { createPrismaClient } from '../../prisma/client';
import { execute } from '../helpers/api';
import { createOrganisation, createUser } from '../helpers/factories';

const document = (query: string) => ({ toString: () => query }) as unknown as TypedDocumentString<unknown, Record<string, unknown>>;

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A port that accepts TCP connections and never says anything (a database behind a dead network path). */
async function blackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const failureOf = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

const realUrl = process.env.DATABASE_URL!;

afterAll(async () => {
  process.env.DATABASE_URL = realUrl;
  await disconnectPrisma();
});

describe('telling "the database cannot be reached" from other failures', () => {
  it('recognises a refused connection from pg, from Prisma and through a transaction', async () => {
    const url = `postgresql://portal:x@127.0.0.1:${await closedPort()}/portal`;
    const pool = createServerPool(url, 2);
    const prisma = createPrismaClient(url, { pool });
    try {
      expect(isDatabaseUnavailable(await failureOf(() => pool.query('SELECT 1')))).toBe(true);
      expect(isDatabaseUnavailable(await failureOf(() => prisma.organisation.findMany({ take: 1 })))).toBe(true);
      expect(isDatabaseUnavailable(await failureOf(() => prisma.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await failureOf(() => prisma.$transaction(async (tx) => tx.organisation.count())))).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('recognises a connection the server terminated (57P01), and the pool recovers by itself', async () => {
    const pool = createServerPool(realUrl, 1);
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const client = await pool.connect();
      // A checked-out client reports the end of its connection as an event too (the portal's code paths listen).
      client.on('error', () => {});
      const admin = new pg.Client({ connectionString: realUrl });
      await admin.connect();
      const failed = failureOf(() => client.query('SELECT pg_sleep(5)'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      const error = await failed;
      expect((error as { code?: string }).code).toBe('57P01');
      expect(isDatabaseUnavailable(error)).toBe(true);
      client.release(error as Error);
      // The broken connection is dropped; the next query opens a new one.
      expect((await pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('gives up on a connection that never answers within the connect timeout (no hang)', async () => {
    const hole = await blackHole();
    const url = `postgresql://portal:x@127.0.0.1:${hole.port}/portal`;
    const pool = createServerPool(url, 2);
    const prisma = createPrismaClient(url, { pool });
    try {
      const started = Date.now();
      const error = await failureOf(() => prisma.organisation.count());
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await prisma.$disconnect();
      await hole.close();
    }
  });

  it('leaves bugs and bad data alone: syntax errors, unique violations, plain errors', async () => {
    const pool = createServerPool(realUrl, 1);
    try {
      expect(isDatabaseUnavailable(await failureOf(() => pool.query('SELEC 1')))).toBe(false);
      const organisation = await createOrganisation();
      const duplicate = await failureOf(() =>
        getPrisma().organisation.create({ data: { kind: organisation.kind, name: organisation.name, slug: organisation.slug, type: organisation.type } }),
      );
      expect(isDatabaseUnavailable(duplicate)).toBe(false);
      expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
      expect(isDatabaseUnavailable(null)).toBe(false);
    } finally {
      await pool.end();
    }
  });
});

describe('the API, the pages’ bridge and the session lookup with the database unreachable', () => {
  it('answer 503 SERVICE_UNAVAILABLE with Retry-After, the bridge and the session lookup throw the 503 page', async () => {
    const user = await createUser({ role: 'POLICY_OFFICER' });
    const cookie = (await createSession(user.id, { ipAddress: '127.0.0.1', userAgent: 'vitest' })).split(';')[0]!;
    // A page's request whose session was read before the database went away (the lookup is cached per request).
    const page = new Request('http://portal.test/page', { headers: { cookie } });
    expect((await getOptionalUser(page))?.id).toBe(user.id);
    const viewer = { userId: user.id, label: user.email, role: user.role, organisationId: user.organisationId, organisationKind: user.organisation.kind, via: 'session' as const };
    await disconnectPrisma();
    process.env.DATABASE_URL = `postgresql://portal:x@127.0.0.1:${await closedPort()}/portal`;
    try {
      const answer = await execute('{ priorityIssues { code } }', {}, { viewer });
      expect(answer.status).toBe(503);
      expect(answer.errors).toEqual([
        {
          message: 'The service is unavailable: its database cannot be reached. Nothing was saved. Try again in a few minutes.',
          extensions: { code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) },
        },
      ]);

      const bridge = await failureOf(() => gqlResult(page, document('{ priorityIssues { code } }'), {}));
      expect(bridge).toBeInstanceOf(Response);
      expect((bridge as Response).status).toBe(503);
      expect((bridge as Response).headers.get('Retry-After')).toBe('30');

      const session = await failureOf(() => getOptionalUser(new Request('http://portal.test/page', { headers: { cookie } })));
      expect(session).toBeInstanceOf(Response);
      expect((session as Response).status).toBe(503);
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = realUrl;
    }
    // The database back: the same calls work again.
    expect((await execute('{ priorityIssues { code } }', {}, { viewer })).status).toBe(200);
    expect((await getOptionalUser(new Request('http://portal.test/page', { headers: { cookie } })))?.id).toBe(user.id);
  });
});
