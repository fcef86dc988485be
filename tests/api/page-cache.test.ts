// The cache of rendered pages (app/utils/page-cache.server.ts) and the session lookup it stands on: one statement
// per signed-in request, which also reads the data version; a page is answered again only to the same session, for
// the same URL, on the same day, while the data version is unchanged. The data version itself: page-data-version.test.ts.
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

/** A request state that the test controls: which session, which data version. */
function controlledState() {
  const state = { sessionId: 'session-a', version: '105' };
  const stateOf: RequestState = async (request) => (request.headers.get('cookie') === 'none' ? null : { ...state });
  return { state, stateOf };
}

/** A write to a table kept pages can read (no row changes: the statement is what counts). */
const write = () => getPrisma().$executeRawUnsafe('UPDATE commissioned_service SET title = title WHERE false');

const bodyOf = async (cache: ReturnType<typeof createPageCache>, request: Request) => {
  const found = await cache.lookup(request);
  return found && 'page' in found ? found.page.body.toString('utf8') : null;
};

describe('session lookup', () => {
  it('is one SQL statement, and reads the data version with it', async () => {
    const { user, cookie } = await signedInCookie();
    const request = requestFor('/services', cookie);
    const { statements, result } = await countStatements(() => getOptionalUser(request));
    expect(statements).toBe(1);
    expect(result).toMatchObject({ id: user.id, email: user.email, role: 'POLICY_OFFICER', organisationKind: 'OPCC' });
    expect(await dataVersionOf(request)).toMatch(/^\d+$/);
    // Cached per request: no second statement.
    expect((await countStatements(() => getOptionalUser(request))).statements).toBe(0);
  });

  it('keeps its data version when it writes the idle clock; has none when nobody is signed in', async () => {
    const { user, cookie } = await signedInCookie();
    const before = await dataVersionOf(requestFor('/services', cookie));
    await getPrisma().session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    const request = requestFor('/services', cookie);
    expect(await getOptionalUser(request)).toMatchObject({ id: user.id });
    expect(await dataVersionOf(request)).toBe(before);
    // It did write the idle clock.
    const session = await getPrisma().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(Date.now() - session.lastSeenAt.getTime()).toBeLessThan(60_000);
    expect(await dataVersionOf(requestFor('/services', cookie))).toBe(before);
    expect(await dataVersionOf(requestFor('/services'))).toBeNull();
  });
});

describe('page cache', () => {
  it('answers a kept page to the same session, URL, day and data version only', async () => {
    const { state, stateOf } = controlledState();
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const first = await cache.lookup(requestFor('/dashboards/reach?financialYear=2025'));
    expect(first).toEqual({ key: expect.any(String) });
    const sent = await cache.store((first as { key: string }).key, html('<h1>Reach</h1>'));
    expect(sent?.body.toString()).toBe('<h1>Reach</h1>');
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBe('<h1>Reach</h1>');
    // Another URL (filters), another session, another data version, another day: not answered.
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2024'))).toBeNull();
    state.sessionId = 'session-b';
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    state.sessionId = 'session-a';
    state.version = '106';
    expect(await bodyOf(cache, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    state.version = '105';
    const nextDay = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-30' });
    expect(await bodyOf(nextDay, requestFor('/dashboards/reach?financialYear=2025'))).toBeNull();
    // (Seeing the newer version dropped the kept page: version 105 can never come back.)
    expect(cache.stats).toMatchObject({ hits: 1, entries: 0 });
  });

  it('drops every page of an older data version once a newer one is seen, and never keeps an older one again', async () => {
    const { state, stateOf } = controlledState();
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const old = (await cache.lookup(requestFor('/services'))) as { key: string };
    await cache.store(old.key, html('old'));
    state.version = '106';
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

  it('with real sessions: answered again while the data version is unchanged, never to another user', async () => {
    const officer = await signedInCookie('POLICY_OFFICER');
    const commissioner = await signedInCookie('COMMISSIONER');
    const cache = createPageCache(1024 * 1024);
    const first = requestFor('/dashboards', officer.cookie);
    const found = await cache.lookup(first);
    if (!found || !('key' in found)) throw new Error('expected a key');
    await cache.store(found.key, html(`<p>for ${officer.user.email}</p>`));
    const kept = await dataVersionOf(first);
    // Nothing else writes to this file's database: the same data version, the kept page, every time.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const again = requestFor('/dashboards', officer.cookie);
      expect(await bodyOf(cache, again)).toBe(`<p>for ${officer.user.email}</p>`);
      expect(await dataVersionOf(again)).toBe(kept);
    }
    expect(await bodyOf(cache, requestFor('/dashboards', commissioner.cookie))).toBeNull();
    // A write: never the kept page again.
    await write();
    expect(await bodyOf(cache, requestFor('/dashboards', officer.cookie))).toBeNull();
  });
});
