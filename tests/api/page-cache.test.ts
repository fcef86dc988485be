// The cache of rendered pages (app/utils/page-cache.server.ts) and the session lookup it stands on: one statement
// per signed-in request, which also reads the database's snapshot; a page is answered again only to the same
// session, for the same URL, on the same day, while the snapshot is unchanged, and any write changes the snapshot.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { createPageCache, type RequestState } from '../../app/utils/page-cache.server';
import { createSession, dataVersionOf, getOptionalUser } from '../../app/utils/session.server';
import { createUser } from '../helpers/factories';
import { countStatements } from '../helpers/statements';

const meta = { ipAddress: '127.0.0.1', userAgent: 'vitest' };

async function signedInCookie(role: 'POLICY_OFFICER' | 'COMMISSIONER' = 'POLICY_OFFICER') {
  const user = await createUser({ role });
  const setCookie = await createSession(user.id, meta);
  return { user, cookie: setCookie.split(';')[0]! };
}

const requestFor = (path: string, cookie?: string, init: RequestInit = {}) =>
  new Request(`http://portal.test${path}`, { ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) } });

const html = (text: string, init: ResponseInit = {}) =>
  new Response(text, { status: 200, ...init, headers: { 'content-type': 'text/html; charset=utf-8', ...(init.headers ?? {}) } });

/** A request state that the test controls: which session, which snapshot. */
function controlledState() {
  const state = { sessionId: 'session-a', snapshot: '100:105:' };
  const stateOf: RequestState = async (request) => (request.headers.get('cookie') === 'none' ? null : { ...state });
  return { state, stateOf };
}

/** A transaction that takes a transaction id (as every write does) and commits: the snapshot moves on. */
const write = () => getPrisma().$queryRawUnsafe('SELECT pg_current_xact_id()::text AS id');

const bodyOf = async (cache: ReturnType<typeof createPageCache>, request: Request) => {
  const found = await cache.lookup(request);
  return found && 'page' in found ? found.page.body.toString('utf8') : null;
};

describe('session lookup', () => {
  it('is one SQL statement, and reads the snapshot with it', async () => {
    const { user, cookie } = await signedInCookie();
    const request = requestFor('/services', cookie);
    const { statements, result } = await countStatements(() => getOptionalUser(request));
    expect(statements).toBe(1);
    expect(result).toMatchObject({ id: user.id, email: user.email, role: 'POLICY_OFFICER', organisationKind: 'OPCC' });
    expect(await dataVersionOf(request)).toMatch(/^\d+:\d+:[\d,]*$/);
    // Cached per request: no second statement.
    expect((await countStatements(() => getOptionalUser(request))).statements).toBe(0);
  });

  it('has no snapshot when it wrote (the idle clock) or when nobody is signed in', async () => {
    const { user, cookie } = await signedInCookie();
    await getPrisma().session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    const request = requestFor('/services', cookie);
    expect(await getOptionalUser(request)).toMatchObject({ id: user.id });
    expect(await dataVersionOf(request)).toBeNull();
    expect(await dataVersionOf(requestFor('/services'))).toBeNull();
  });

  it('sees a new snapshot after any write, committed or rolled back', async () => {
    const { cookie } = await signedInCookie();
    const before = await dataVersionOf(requestFor('/services', cookie));
    await write();
    const afterWrite = await dataVersionOf(requestFor('/services', cookie));
    expect(afterWrite).not.toBe(before);
    await getPrisma()
      .$transaction(async (tx) => {
        await tx.$queryRawUnsafe('SELECT pg_current_xact_id()::text AS id');
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await dataVersionOf(requestFor('/services', cookie))).not.toBe(afterWrite);
  });
});

describe('page cache', () => {
  it('answers a kept page to the same session, URL, day and snapshot only', async () => {
    const { state, stateOf } = controlledState();
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const first = await cache.lookup(requestFor('/dashboards/reach?financialYear=2025'));
    expect(first).toEqual({ key: expect.any(String) });
    const sent = await cache.store((first as { key: string }).key, html('<h1>Reach</h1>'));
    expect(sent?.body.toString()).toBe('<h1>Reach</h1>');
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBe('<h1>Reach</h1>');
    // Another URL (filters), another session, another snapshot, another day: not answered.
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2024'))).toBeNull();
    state.sessionId = 'session-b';
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    state.sessionId = 'session-a';
    state.snapshot = '100:105:101';
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    state.snapshot = '100:105:';
    const nextDay = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-30' });
    expect(await bodyOf(nextDay, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    expect(cache.stats).toMatchObject({ hits: 1, entries: 1 });
  });

  it('drops every page of an older snapshot once a newer one is seen, and never keeps an older one again', async () => {
    const { state, stateOf } = controlledState();
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const old = (await cache.lookup(requestFor('/services'))) as { key: string };
    await cache.store(old.key, html('old'));
    state.snapshot = '100:106:';
    const fresh = (await cache.lookup(requestFor('/services'))) as { key: string };
    expect(cache.stats.entries).toBe(0);
    // A render that started before the write finishes after it: answered, not kept.
    expect((await cache.store(old.key, html('late')))?.body.toString()).toBe('late');
    expect(cache.stats.entries).toBe(0);
    await cache.store(fresh.key, html('fresh'));
    expect(await bodyOf(cache, requestFor('/services'))).toBe('fresh');
  });

  it('keeps only GETs of the listed pages, signed in, answered 200 without Set-Cookie or no-store', async () => {
    const { stateOf } = controlledState();
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    expect(await cache.lookup(requestFor('/services/abc'))).toBeNull();
    expect(await cache.lookup(requestFor('/returns'))).toBeNull();
    expect(await cache.lookup(requestFor('/services', undefined, { method: 'POST', body: 'x' }))).toBeNull();
    expect(await cache.lookup(requestFor('/services', undefined, { method: 'HEAD' }))).toBeNull();
    expect(await cache.lookup(requestFor('/services', 'none'))).toBeNull();
    const { key } = (await cache.lookup(requestFor('/services'))) as { key: string };
    expect(await cache.store(key, html('forbidden', { status: 403 }))).toBeNull();
    expect(await cache.store(key, html('cookie', { headers: { 'set-cookie': 'a=b' } }))).toBeNull();
    expect(await cache.store(key, html('private', { headers: { 'cache-control': 'private, no-store' } }))).toBeNull();
    expect(cache.stats.entries).toBe(0);
    expect(await createPageCache(0, { stateOf }).lookup(requestFor('/services'))).toBeNull();
  });

  it('stays within its size, least recently used out first', async () => {
    const { stateOf } = controlledState();
    const cache = createPageCache(2500, { stateOf, today: () => '2026-11-29' });
    for (const path of ['/dashboards', '/dashboards/reach', '/dashboards/outcomes']) {
      const { key } = (await cache.lookup(requestFor(path))) as { key: string };
      await cache.store(key, html('x'.repeat(1000)));
    }
    expect(cache.stats).toMatchObject({ entries: 2, bytes: 2000 });
    expect(await bodyOf(cache, requestFor('/dashboards'))).toBeNull();
    expect(await bodyOf(cache, requestFor('/dashboards/outcomes'))).toHaveLength(1000);
  });

  it('with real sessions: answered again exactly while the snapshot is unchanged, never to another user', async () => {
    const officer = await signedInCookie('POLICY_OFFICER');
    const commissioner = await signedInCookie('COMMISSIONER');
    const cache = createPageCache(1024 * 1024);
    const first = requestFor('/dashboards', officer.cookie);
    const found = await cache.lookup(first);
    if (!found || !('key' in found)) throw new Error('expected a key');
    await cache.store(found.key, html(`<p>for ${officer.user.email}</p>`));
    const kept = await dataVersionOf(first);
    // Other test files write to the same PostgreSQL meanwhile: whenever the snapshot is the same it is a hit,
    // whenever it moved on it is not.
    let hits = 0;
    for (let attempt = 0; attempt < 50 && hits < 3; attempt += 1) {
      const again = requestFor('/dashboards', officer.cookie);
      const body = await bodyOf(cache, again);
      if ((await dataVersionOf(again)) === kept) {
        expect(body).toBe(`<p>for ${officer.user.email}</p>`);
        hits += 1;
      } else {
        expect(body).toBeNull();
      }
    }
    expect(hits).toBeGreaterThan(0);
    expect(await bodyOf(cache, requestFor('/dashboards', commissioner.cookie))).toBeNull();
    // A write: never the kept page again.
    await write();
    expect(await bodyOf(cache, requestFor('/dashboards', officer.cookie))).toBeNull();
  });
});
