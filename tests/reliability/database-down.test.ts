// PostgreSQL stopped under a running server: pages answer a friendly 503 ("Sorry, the service is unavailable") with
// Retry-After and no detail of the failure, /healthz and the API answer 503 quickly (no hang), and when PostgreSQL
// is started again on the same data the same server serves the same pages again by itself.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../prisma/embedded';
import { disconnectPrisma } from '../../graphql/db';
import { bearerFor } from '../helpers/review-factories';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import { expectAccessible, launchBrowser } from '../e2e/browser';
import { BASE_URL, BROWSER_URL, freshDatabase, graphql, PortalServer, signIn, sleep, startDatabaseServer, type GraphQLAnswer } from './harness';

let database: EmbeddedDatabase | undefined;
let url: string;
let server: PortalServer;
let browser: Browser | undefined;

beforeAll(async () => {
  database = await startDatabaseServer();
  url = await freshDatabase(database, 'portal_reliability_down');
  server = await PortalServer.start(url);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await browser?.close();
  await disconnectPrisma();
  await server?.stop();
  await database?.stop();
});

async function page(path: string, cookie?: string) {
  const started = Date.now();
  const response = await fetch(`${BASE_URL}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text(), ms: Date.now() - started };
}

/** Polls until the answer has the status (bounded). */
async function until(path: string, status: number, cookie: string | undefined, limitMs: number) {
  const deadline = Date.now() + limitMs;
  let last = await page(path, cookie);
  while (last.status !== status && Date.now() < deadline) {
    await sleep(250);
    last = await page(path, cookie);
  }
  return last;
}

async function signInAttempt(email: string) {
  const response = await fetch(`${BASE_URL}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Nothing about the failure: no stack, no driver message, no host or port, no error codes. */
function expectNoDetails(body: string) {
  expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost:\d|:\d{4}\/|P1001|P2010|57P0|\bat \S+ \(|Error:|stack|DriverAdapter|prisma|postgres/i);
}

function expectFriendlyPage(answer: { status: number; headers: Headers; body: string }) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(answer.headers.get('content-type')).toMatch(/text\/html/);
  expect(answer.body).toContain('Sorry, the service is unavailable');
  expect(answer.body).toContain('Try again in a few minutes');
  expect(answer.body.match(/<h1/g)).toHaveLength(1);
  expectNoDetails(answer.body);
}

const QUERY = '{ priorityIssues { code title } }';

function expectUnavailableApi(answer: GraphQLAnswer) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(503);
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(answer.body.errors?.[0]?.message).toMatch(/unavailable.*Try again in a few minutes/);
  expectNoDetails(JSON.stringify(answer.body));
}

describe('the database stopped under a running server', () => {
  it('answers a friendly 503 everywhere, quickly, and recovers by itself when the database returns', async () => {
    const officer = await createUser({ role: 'POLICY_OFFICER' });
    const provider = await createUser({ role: 'PROVIDER' });
    const cookie = await signIn(officer.email, TEST_PASSWORD);
    const token = (await bearerFor(provider.organisationId)).headers.authorization.replace('Bearer ', '');
    await disconnectPrisma();

    expect((await page('/services', cookie)).status).toBe(200);
    const before = await graphql(QUERY, {}, { cookie });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: BROWSER_URL });
    const tab = await context.newPage();
    await tab.goto('/sign-in');
    await tab.getByLabel('Email address').fill(officer.email);
    await tab.getByLabel('Password').fill(TEST_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL((address) => address.pathname !== '/sign-in');
    await tab.goto('/services');
    await tab.getByRole('heading', { level: 1 }).first().waitFor();

    // Stop PostgreSQL (a fast shutdown: open connections are terminated).
    await database!.stop();
    database = undefined;

    // A signed-in page, in a browser: the session lookup cannot reach the database -> 503, the root ErrorBoundary's
    // page (the portal's layout, one h1, accessible).
    const shown = await tab.goto('/services');
    expect(shown?.status()).toBe(503);
    expect(shown?.headers()['retry-after']).toMatch(/^\d+$/);
    await tab.getByRole('heading', { level: 1, name: 'Sorry, the service is unavailable' }).waitFor();
    expect(await tab.content()).toContain('__remixContext');
    expectNoDetails(await tab.content());
    await expectAccessible(tab);

    // The same over plain HTTP, quickly (the server now knows the database is down and does not wait on it).
    const services = await page('/services', cookie);
    expectFriendlyPage(services);
    expect(services.ms).toBeLessThan(5_000);

    // The API: 503 with a GraphQL error saying what to do, for a session and for a token; never a hang.
    for (const auth of [{ cookie }, { bearer: token }]) {
      const started = Date.now();
      expectUnavailableApi(await graphql(QUERY, {}, auth));
      expect(Date.now() - started).toBeLessThan(5_000);
    }

    // /healthz for the load balancer.
    const health = await fetch(`${BASE_URL}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

    // The sign-in page (which needs no database to show) and a sign-in attempt say the same: the server's own page,
    // accessible too.
    expectFriendlyPage(await page('/sign-in'));
    expectFriendlyPage(await signInAttempt(officer.email));
    const anonymous = await (await browser.newContext({ baseURL: BROWSER_URL })).newPage();
    expect((await anonymous.goto('/sign-in'))?.status()).toBe(503);
    await anonymous.getByRole('heading', { level: 1, name: 'Sorry, the service is unavailable' }).waitFor();
    await expectAccessible(anonymous);

    // PostgreSQL back on the same data directory and port; the same server process, not restarted.
    database = await startDatabaseServer();
    const recovered = await until('/services', 200, cookie, 30_000);
    expect(recovered.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${BASE_URL}/healthz`)).status).toBe(200);
    expect((await page('/sign-in')).status).toBe(200);
    const after = await graphql(QUERY, {}, { cookie });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    const byToken = await graphql('{ returns { id } }', {}, { bearer: token });
    expect(byToken.status, JSON.stringify(byToken.body)).toBe(200);
    await tab.goto('/services');
    await tab.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).not.toMatch(/unavailable/);

    // Stopped again, three more times, each time meeting a different first request while the server still thinks the
    // database is there: a sign-in (its code knows nothing of 503s: its database error would be a 500, and the server
    // checks the database and answers the 503 page instead), the API with a session (the session lookup), and the
    // API with a token (the API's own error masking).
    const firstRequests: [string, () => Promise<void>][] = [
      ['a sign-in', async () => expectFriendlyPage(await signInAttempt(officer.email))],
      ['the API with a session', async () => expectUnavailableApi(await graphql(QUERY, {}, { cookie }))],
      ['the API with a token', async () => expectUnavailableApi(await graphql(QUERY, {}, { bearer: token }))],
    ];
    for (const [, first] of firstRequests) {
      await database.stop();
      database = undefined;
      await first();
      database = await startDatabaseServer();
      expect((await until('/services', 200, cookie, 30_000)).status).toBe(200);
    }
    expect((await signInAttempt(officer.email)).status).toBe(302);
    expect(server.child.exitCode).toBeNull();
  });
});
