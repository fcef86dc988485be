// The data version the page cache is keyed on (migration 20261130000000_page_data_version, ADR 0010): it moves on
// with every write to a table a kept page can read, reads NULL while such a write is in progress, and ignores writes
// to the tables no kept page reads (sessions and their idle clock, sign-in attempts, the audit trail, ...). The two
// facts that make this safe are checked here against the real pages: every other table counts, and the kept pages'
// loaders read none of the uncounted tables.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getPrisma } from '../../graphql/db';
import { CACHED_PATHS, UNCOUNTED_TABLES } from '../../app/utils/page-cache.server';
import { createSession, dataVersionOf, SESSION_LOOKUP_SQL } from '../../app/utils/session.server';
import { seedDemoData } from '../../seeds/demo';
import { recordStatements } from '../helpers/statements';

const meta = { ipAddress: '127.0.0.1', userAgent: 'vitest' };
const requestFor = (path: string, cookie: string) => new Request(`http://portal.test${path}`, { headers: { cookie } });

async function cookieFor(email: string): Promise<string> {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { email } });
  return (await createSession(user.id, meta)).split(';')[0]!;
}

/** The data version a fresh request of this session reads. */
const versionNow = (cookie: string) => dataVersionOf(requestFor('/services', cookie));

let client: pg.Client;
let officer: string;

beforeAll(async () => {
  await seedDemoData(getPrisma(), { password: 'portal-demo-password' });
  officer = await cookieFor('officer@opcc.example');
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

describe('data version', () => {
  it('is counted on every table but the uncounted ones, for every kind of write', async () => {
    // tgtype 60 = a statement-level AFTER trigger on INSERT (4), DELETE (8), UPDATE (16) and TRUNCATE (32).
    const { rows } = await client.query<{ table: string; trigger: string | null }>(
      `SELECT c.relname AS table,
              (SELECT t.tgtype || ' ' || t.tgenabled::text || ' ' || t.tgfoid::regproc::text FROM pg_trigger t
                WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_data_version') AS trigger
         FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.map((row) => row.table)).toEqual(expect.arrayContaining([...UNCOUNTED_TABLES]));
    for (const row of rows) {
      const expected = UNCOUNTED_TABLES.includes(row.table) ? null : '60 O data_version_bump';
      expect({ table: row.table, trigger: row.trigger }).toEqual({ table: row.table, trigger: expected });
    }
  });

  it('moves on with a committed write, and with a rolled back one', async () => {
    const before = BigInt((await versionNow(officer))!);
    await getPrisma().area.updateMany({ where: { code: 'none' }, data: { name: 'x' } });
    const afterCommit = BigInt((await versionNow(officer))!);
    expect(afterCommit).toBeGreaterThan(before);
    await client.query('BEGIN');
    await client.query('UPDATE priority_issue SET title = title WHERE false');
    await client.query('ROLLBACK');
    expect(BigInt((await versionNow(officer))!)).toBeGreaterThan(afterCommit);
  });

  it('is NULL (nothing kept, nothing answered from the cache) while a counted write is in progress', async () => {
    const before = await versionNow(officer);
    await client.query('BEGIN');
    try {
      await client.query('UPDATE commissioned_service SET title = title WHERE false');
      expect(await versionNow(officer)).toBeNull();
      // Still NULL until it ends: the write is not yet visible to a page's reads.
      await client.query('SELECT 1');
      expect(await versionNow(officer)).toBeNull();
    } finally {
      await client.query('COMMIT');
    }
    const after = await versionNow(officer);
    expect(after).not.toBeNull();
    expect(BigInt(after!)).toBeGreaterThan(BigInt(before!));
  });

  it('is unchanged by sign-ins, the idle clock, notifications, the audit trail and the other uncounted tables', async () => {
    const before = await versionNow(officer);
    const officerRow = await getPrisma().user.findUniqueOrThrow({ where: { email: 'officer@opcc.example' } });
    // The idle clock: this session last seen five minutes ago, so its next request writes it.
    await getPrisma().session.updateMany({ where: { userId: officerRow.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    expect(await versionNow(officer)).toBe(before);
    expect(await versionNow(officer)).toBe(before);
    // A sign-in: a new session, a sign-in attempt, an audit event.
    await cookieFor('commissioner@opcc.example');
    await getPrisma().loginAttempt.create({ data: { email: 'someone@example.org', ipAddress: '127.0.0.1', succeeded: true } });
    await client.query("INSERT INTO audit_event (action, actor_label) VALUES ('SIGN_IN', 'vitest')");
    await getPrisma().notification.create({
      data: { userId: officerRow.id, kind: 'RETURN_SUBMITTED', subject: 'A subject', body: 'A body', dedupeKey: `vitest-${Date.now()}` },
    });
    await getPrisma().emailOutbox.create({ data: { toAddress: 'someone@example.org', subject: 'A subject', body: 'A body', dedupeKey: `vitest-${Date.now()}` } });
    for (const table of UNCOUNTED_TABLES.filter((t) => t !== 'audit_event')) await client.query(`UPDATE "${table}" SET id = id WHERE false`);
    expect(await versionNow(officer)).toBe(before);
  });
});

/** The route module that answers a kept path (flat routes: /dashboards/reach -> dashboards.reach). */
function routeFile(path: string): string {
  const segments = path.slice(1).split('/');
  return `../../app/routes/${segments.length === 1 ? `${segments[0]}._index` : segments.join('.')}/route.tsx`;
}

const UNCOUNTED_PATTERN = new RegExp(`(^|[^a-z0-9_])"?(${UNCOUNTED_TABLES.join('|')})"?($|[^a-z0-9_])`, 'i');

describe('the kept pages', () => {
  it('read none of the uncounted tables (but for the session lookup itself), for every role', async () => {
    const root = await import('../../app/root');
    const seen: string[] = [];
    for (const email of ['officer@opcc.example', 'commissioner@opcc.example', 'admin@opcc.example', 'provider@harbour-lights.example']) {
      const cookie = await cookieFor(email);
      for (const path of CACHED_PATHS) {
        const route = (await import(/* @vite-ignore */ routeFile(path))) as { loader: (args: LoaderFunctionArgs) => Promise<Response> };
        expect(typeof route.loader).toBe('function');
        for (const url of [path, `${path}?financialYear=2025&quarter=2&includeProvisional=true&q=harbour&ends=6&sort=provider&page=2`]) {
          const request = requestFor(url, cookie);
          const { statements } = await recordStatements(async () => {
            for (const loader of [root.loader, route.loader]) {
              const response = await loader({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
              if (response instanceof Response) seen.push(`${email} ${url} ${response.status}`);
              else throw response;
            }
          });
          const readsUncounted = statements.filter((sql) => UNCOUNTED_PATTERN.test(sql));
          // The session lookup reads `session` (who is asking): checked on every request, kept page or not.
          expect({ url, email, readsUncounted }).toEqual({ url, email, readsUncounted: readsUncounted.filter((sql) => sql === SESSION_LOOKUP_SQL) });
          expect(statements.length).toBeGreaterThan(0);
        }
      }
    }
    // The loaders did run (as each role: 200s, and the refusals the provider and admin meet on dashboards).
    expect(seen.filter((line) => line.endsWith(' 200')).length).toBeGreaterThan(CACHED_PATHS.size * 4);
  });
});
