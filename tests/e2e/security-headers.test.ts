// HTTP security in real Chromium against the production build (NODE_ENV=production over plain HTTP on localhost,
// demo data): every page type, signed in as each role, answers with a Content-Security-Policy whose nonce is on
// every inline script and differs on every load (cached pages too), and Chromium reports no violation while the
// pages still hydrate; the other security headers and the session cookie's flags; framing refused; GraphiQL under its
// own policy; and every route with a form action refuses a request from another site (Origin, Origin: null,
// Sec-Fetch-Site) before it changes anything, while the portal's own origin goes through to the usual validation.
// app/utils/security-headers.server.ts, server.ts, docs/decisions/0008.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request as playwrightRequest, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CROSS_SITE = 'Requests from other sites are not accepted.';
const NONCE = /'nonce-([A-Za-z0-9_-]+)'/;

/** A signed-in browser context that records every CSP violation (the DOM event, and Chromium's console message). */
async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page; refused: string[] }> {
  const { context, page } = await newPage(browser);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`),
    );
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
  await signIn(page, email);
  return { context, page, refused };
}

/** What went wrong in the browser (console errors, page errors, failed requests), for a failing check's message. */
const errors: string[] = [];

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

function directivesOf(policy: string): Map<string, string> {
  return new Map(policy.split(/;\s*/).map((part) => [part.split(' ')[0]!, part.split(' ').slice(1).join(' ')]));
}

/** The headers every response carries, as the production server sends them. */
function expectBaseHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\)/);
  // The e2e server runs with NODE_ENV=production (tests/e2e/global.ts), so HSTS is sent (browsers ignore it over
  // plain HTTP); development leaves it out (tests/unit/security-headers.test.ts).
  expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect(directivesOf(headers['content-security-policy'] ?? '').get('frame-ancestors')).toBe("'none'");
}

/**
 * Opens a page and checks it: answered with the pages' CSP, its nonce on every inline script, no violation, hydrated
 * (the root layout's effect adds `js-enabled` to <body>), no-store, and axe. Answers the nonce.
 */
async function visit(session: { page: Page; refused: string[] }, path: string): Promise<string> {
  const { page, refused } = session;
  errors.length = 0;
  const response = (await page.goto(path)) as Response;
  expect(response.status(), path).toBe(200);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page
    .waitForFunction(() => document.body.classList.contains('js-enabled'), undefined, { timeout: 20_000 })
    .catch((error) => {
      throw new Error(`${path} did not hydrate: ${error}\n${errors.join('\n')}\n${refused.join('\n')}`);
    });
  const headers = await response.allHeaders();
  expectBaseHeaders(headers);
  const policy = directivesOf(headers['content-security-policy'] ?? '');
  const nonce = NONCE.exec(policy.get('script-src') ?? '')?.[1];
  expect(nonce, `${path}: ${headers['content-security-policy']}`).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(policy.get('script-src')).toBe(`'self' 'nonce-${nonce}'`);
  expect(policy.get('object-src')).toBe("'none'");
  expect(policy.get('base-uri')).toBe("'none'");
  expect(policy.get('form-action')).toBe("'self'");
  expect(headers['cache-control']).toBe('no-store');
  // Every script element the server wrote carries the header's nonce (Remix's: scroll restoration, the hydration
  // data, the module loader), and nothing else is a script.
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, path).toBeGreaterThanOrEqual(3);
  for (const script of scripts) expect(script, path).toMatch(new RegExp(`^<script nonce="${nonce}"[ >]`));
  expect(html, path).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  // What remains in the document after hydration too (the browser hides the attribute; the property keeps it).
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((script) => (script as HTMLScriptElement).nonce));
  expect(new Set(inline), path).toEqual(new Set([nonce]));
  // No inline event handlers anywhere in the document.
  expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on'))))).toEqual([]);
  expect(await violations(page), path).toEqual([]);
  expect(refused, path).toEqual([]);
  await expectAccessible(page);
  return nonce!;
}

/** The service navigation's links (the API explorer is checked on its own: it is not a portal page). */
const navigationOf = (page: Page) =>
  page.locator('#navigation a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!).filter((href) => href !== '/graphql'));

/** The first link on `path` whose href matches `pattern` (a record page). */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

const DASHBOARDS = ['/dashboards/coverage', '/dashboards/timeliness', '/dashboards/contracts-ending', '/dashboards/initiatives', '/dashboards/outcomes', '/dashboards/reach', '/dashboards/value-for-money'];

describe('every page type, as each role: CSP with a nonce, no violation, hydrated, headers', () => {
  it('as a policy officer', { timeout: 240_000 }, async () => {
    const session = await signedIn('officer@opcc.example');
    const service = await firstLink(session.page, '/services', /^\/services\/[0-9a-f-]{36}$/);
    const records = [
      service,
      `${service}/edit`,
      `${service}/funding`,
      `${service}/targets`,
      '/services/new',
      await firstLink(session.page, '/organisations', /^\/organisations\/[0-9a-f-]{36}$/),
      '/organisations/new',
      await firstLink(session.page, '/initiatives', /^\/initiatives\/[0-9a-f-]{36}$/),
      '/priority-issues/PI-ONLINE',
      await firstLink(session.page, '/review', /^\/review\/[0-9a-f-]{36}$/),
    ];
    for (const path of [...(await navigationOf(session.page)), ...DASHBOARDS, ...records]) await visit(session, path);
    await session.context.close();
  });

  it('as the Commissioner', { timeout: 240_000 }, async () => {
    const session = await signedIn('commissioner@opcc.example');
    const records = [
      await firstLink(session.page, '/services', /^\/services\/[0-9a-f-]{36}$/),
      await firstLink(session.page, '/initiatives', /^\/initiatives\/[0-9a-f-]{36}$/),
      '/briefing?forCirculation=1',
    ];
    for (const path of [...(await navigationOf(session.page)), ...DASHBOARDS, ...records]) await visit(session, path);
    await session.context.close();
  });

  it('as a provider', { timeout: 240_000 }, async () => {
    const session = await signedIn('provider@harbour-lights.example');
    const ret = await firstLink(session.page, '/returns', /^\/returns\/[0-9a-f-]{36}$/);
    const records = [
      await firstLink(session.page, '/services', /^\/services\/[0-9a-f-]{36}$/),
      ret,
      await firstLink(session.page, ret, /^\/returns\/[0-9a-f-]{36}\/sections\/[\w-]+$/),
      '/api-tokens/new',
    ];
    for (const path of [...(await navigationOf(session.page)), ...records]) await visit(session, path);
    await session.context.close();
  });

  it('as an administrator', { timeout: 240_000 }, async () => {
    const session = await signedIn('admin@opcc.example');
    const records = [await firstLink(session.page, '/users', /^\/users\/[0-9a-f-]{36}$/), '/users/new', '/api-tokens/new', '/priority-issues/PI-ONLINE/edit'];
    for (const path of [...(await navigationOf(session.page)), ...records]) await visit(session, path);
    await session.context.close();
  });

  it('signed out: the sign-in and accessibility pages', async () => {
    const { context, page } = await newPage(browser);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    for (const path of ['/sign-in', '/accessibility']) await visit({ page, refused }, path);
    await context.close();
  });
});

describe('nonces', () => {
  it('differ on every load, cached pages included, and always match the page\'s scripts', { timeout: 120_000 }, async () => {
    const session = await signedIn('officer@opcc.example');
    const nonces = new Set<string>();
    // /services and /dashboards are kept by the page cache (app/utils/page-cache.server.ts): the second and third
    // loads are answered from it while nothing in the database changes.
    for (const path of ['/services', '/services', '/services', '/dashboards', '/dashboards', '/initiatives', '/initiatives']) {
      nonces.add(await visit(session, path));
    }
    expect(nonces.size).toBe(7);
    await session.context.close();
  });

  it('an inline script without the nonce is refused (the check above can see a violation)', async () => {
    const session = await signedIn('officer@opcc.example');
    await visit(session, '/');
    await session.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('onclick', 'window.__clicked = true');
      document.body.append(div);
      div.click();
    });
    expect(await session.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await session.page.evaluate(() => (window as unknown as { __clicked?: boolean }).__clicked)).toBeUndefined();
    await expect.poll(() => violations(session.page)).toEqual([
      expect.stringMatching(/^script-src-elem blocked inline/),
      expect.stringMatching(/^script-src-attr blocked inline/),
    ]);
    await session.context.close();
  });
});

describe('pages still work under the policy', () => {
  it('navigates client-side (hydrated React router) and renders charts', async () => {
    const session = await signedIn('officer@opcc.example');
    await visit(session, '/');
    await session.page.evaluate(() => ((window as unknown as { __sameDocument: string }).__sameDocument = 'kept'));
    await session.page.locator('#navigation').getByRole('link', { name: 'Initiatives' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
    // Same document: Remix's router (hydrated) fetched the data, no full page load.
    expect(await session.page.evaluate(() => (window as unknown as { __sameDocument?: string }).__sameDocument)).toBe('kept');
    await visit(session, '/dashboards/timeliness');
    expect(await session.page.locator('figure.portal-chart svg.recharts-surface').count()).toBeGreaterThan(0);
    expect(await violations(session.page)).toEqual([]);
    expect(session.refused).toEqual([]);
    await session.context.close();
  });

  it('GraphiQL (OPCC staff) runs under its own policy: its script by nonce, still never framed', { timeout: 60_000 }, async () => {
    const session = await signedIn('officer@opcc.example');
    const schemaLoaded = session.page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST');
    const response = (await session.page.goto('/graphql')) as Response;
    expect(response.status()).toBe(200);
    const headers = await response.allHeaders();
    expectBaseHeaders(headers);
    const policy = directivesOf(headers['content-security-policy'] ?? '');
    const nonce = NONCE.exec(policy.get('script-src') ?? '')?.[1];
    expect(policy.get('script-src')).toBe(`'nonce-${nonce}'`);
    expect(policy.get('worker-src')).toBe('blob:');
    // GraphiQL asks for the schema (introspection: allowed for staff with the session cookie and the CSRF header).
    const introspection = await schemaLoaded;
    expect(introspection.status()).toBe(200);
    expect(JSON.stringify(await introspection.json())).toContain('"__schema"');
    await session.page.locator('.graphiql-container').first().waitFor();
    await session.page.locator('.graphiql-query-editor').first().waitFor();
    expect(await session.page.title()).toBe('Portal API explorer');
    expect(await violations(session.page)).toEqual([]);
    expect(session.refused).toEqual([]);
    await session.context.close();
  });

  it('refuses to be framed by another page', async () => {
    const { context, page } = await newPage(browser);
    const framed = page.waitForResponse((response) => response.url() === `${baseUrl()}/sign-in`);
    await page.setContent(`<iframe src="${baseUrl()}/sign-in" title="portal"></iframe>`);
    // The portal answered the frame's request (with frame-ancestors 'none' and X-Frame-Options DENY) ...
    expect((await (await framed).allHeaders())['x-frame-options']).toBe('DENY');
    // ... and Chromium showed its error page in the frame instead of the portal's.
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
    expect(await frame!.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);
    await context.close();
  });
});

describe('everything that is not a page', () => {
  it('answers with default-src \'none\' and the other headers', async () => {
    const session = await signedIn('officer@opcc.example');
    const answers = [
      await session.page.request.get('/services.csv'),
      await session.page.request.get('/styles/portal.css'),
      await session.page.request.post('/graphql', { headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' }, data: { query: '{ me { id } }' } }),
      await session.page.request.get('/healthz'),
    ];
    for (const answer of answers) {
      expect(answer.status(), answer.url()).toBe(200);
      const headers = answer.headers();
      expect(headers['content-security-policy'], answer.url()).toBe("default-src 'none'; frame-ancestors 'none'");
      expectBaseHeaders(headers);
    }
    await session.context.close();
  });
});

describe('the session cookie', () => {
  it('is __Host- prefixed, HttpOnly, Secure, SameSite=Lax, Path=/, host-only, and not readable by scripts', async () => {
    const session = await signedIn('provider@harbour-lights.example');
    const cookies = await session.context.cookies();
    const cookie = cookies.find((candidate) => candidate.name === '__Host-portal_session');
    expect(cookie, JSON.stringify(cookies.map((candidate) => candidate.name))).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/', domain: 'localhost' });
    expect(await session.page.evaluate(() => document.cookie)).not.toContain('portal_session');
    await session.context.close();
  });
});

/** Every route module under app/routes that exports an action, with a URL for it (dummy ids: checks run first). */
function actionRoutes(): { route: string; path: string }[] {
  const DUMMY = '00000000-0000-4000-8000-000000000000';
  const routes: { route: string; path: string }[] = [];
  for (const entry of readdirSync('app/routes')) {
    const full = join('app/routes', entry);
    const file = statSync(full).isDirectory()
      ? ['route.tsx', 'route.ts'].map((name) => join(full, name)).find((candidate) => {
          try {
            return statSync(candidate).isFile();
          } catch {
            return false;
          }
        })
      : full;
    if (!file) continue;
    const source = readFileSync(file, 'utf8');
    if (!/export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source)) continue;
    const name = entry.replace(/\.(tsx|ts)$/, '');
    const segments = name
      .split(/\.(?![^[]*\])/)
      .filter((segment) => segment !== '_index')
      .map((segment) => (segment.startsWith('$') ? DUMMY : segment.replace(/_$/, '').replace(/\[(.)\]/g, '$1')));
    routes.push({ route: entry, path: `/${segments.join('/')}` });
  }
  return routes;
}

describe('requests from other sites are refused on every form action', () => {
  const routes = actionRoutes();

  it('finds the routes with an action', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/sign-in', '/sign-out', '/graphql', '/organisations/new']));
  });

  it('refuses each with a foreign Origin, Origin: null and Sec-Fetch-Site cross-site; the portal\'s own origin goes through', { timeout: 180_000 }, async () => {
    const session = await signedIn('officer@opcc.example');
    const request = session.page.request;
    const own = new URL(baseUrl()).origin;
    // Sign-out last: going through, it ends the session.
    const ordered = [...routes.filter((route) => route.path !== '/sign-out'), ...routes.filter((route) => route.path === '/sign-out')];
    for (const { route, path } of ordered) {
      const foreign: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: `${own}.evil.example` },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:3000' },
      ];
      for (const headers of foreign) {
        const answer = await request.post(path, { form: { probe: '1', intent: 'probe' }, headers, maxRedirects: 0 });
        expect(answer.status(), `${route} ${JSON.stringify(headers)}`).toBe(403);
        expect(await answer.text()).toBe(CROSS_SITE);
      }
      const through = await request.post(path, {
        form: { probe: '1', intent: 'probe' },
        headers: { origin: own, 'sec-fetch-site': 'same-origin' },
        maxRedirects: 0,
      });
      expect(await through.text(), `${route}: the portal's own origin`).not.toBe(CROSS_SITE);
    }
    // Other methods too.
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const answer = await request.fetch('/organisations/new', { method, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
      expect(answer.status(), method).toBe(403);
    }
    await session.context.close();
  });

  it('changes nothing when refused, and the same form from the portal itself is validated and saved', async () => {
    const session = await signedIn('officer@opcc.example');
    const request = session.page.request;
    const own = new URL(baseUrl()).origin;
    const name = `Origin Check Trust ${randomBytes(3).toString('hex')}`;
    const form = { name, type: 'CHARITY' };

    const refused = await request.post('/organisations/new', { form, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    const withoutOrigin = await request.post('/organisations/new', { form, headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
    expect(withoutOrigin.status()).toBe(403);
    await session.page.goto('/organisations');
    await session.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await session.page.getByText(name).count()).toBe(0);

    // The usual validation: a form without a name is answered 400 with the error summary.
    const invalid = await request.post('/organisations/new', { form: { name: '', type: 'CHARITY' }, headers: { origin: own }, maxRedirects: 0 });
    expect(invalid.status()).toBe(400);
    expect(await invalid.text()).toContain('There is a problem');

    const saved = await request.post('/organisations/new', { form, headers: { origin: own, 'sec-fetch-site': 'same-origin' }, maxRedirects: 0 });
    expect(saved.status()).toBe(302);
    expect(saved.headers().location).toMatch(/^\/organisations\/[0-9a-f-]{36}\?saved=added$/);
    await session.page.goto('/organisations');
    await session.page.getByRole('link', { name }).waitFor();
    await session.context.close();
  });

  it('POST /graphql: a cookie needs the CSRF header and the portal\'s origin; a token works from any client', async () => {
    const session = await signedIn('provider@harbour-lights.example');
    const request = session.page.request;
    const query = { query: '{ me { email } }' };
    const noHeader = await request.post('/graphql', { headers: { 'content-type': 'application/json' }, data: query });
    expect(noHeader.status()).toBe(403);
    expect((await noHeader.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const foreign = await request.post('/graphql', { headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', origin: 'https://evil.example' }, data: query });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();
    const ok = await request.post('/graphql', { headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' }, data: query });
    expect(await ok.json()).toEqual({ data: { me: { email: 'provider@harbour-lights.example' } } });

    const issued = await request.post('/graphql', {
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
      data: {
        query: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on MutationCreateApiTokenSuccess { data { token } } } }',
        variables: { input: { name: `Origin check ${randomBytes(3).toString('hex')}` } },
      },
    });
    const token = (await issued.json()).data.createApiToken.data.token as string;
    // A client that is not a browser: no cookie, no Origin, no CSRF header.
    const client = await playwrightRequest.newContext({ baseURL: baseUrl() });
    const withToken = await client.post('/graphql', { headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, data: { query: '{ priorityIssues { code } }' } });
    expect(withToken.status()).toBe(200);
    expect((await withToken.json()).data.priorityIssues.length).toBe(8);
    await client.dispose();
    await session.context.close();
  });
});
