// API tokens in real Chromium against the production build with the demo data: the demo provider creates a token
// (by keyboard only), sees it once, uses it against /graphql, then revokes it and it stops working. An
// administrator's pages too. Every page visited passes axe. Token names are unique: other files share the database.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const id = randomBytes(3).toString('hex');
const tokenName = `Case system ${id}`;
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function callApi(token: string) {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ organisations { name } }' }),
  });
  return (await response.json()) as { data?: { organisations: { name: string }[] } | null; errors?: { extensions?: { code?: string } }[] };
}

/** Presses Tab until the element with this id has focus (keyboard only). */
async function tabTo(page: Page, elementId: string) {
  for (let i = 0; i < 60; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === elementId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach #${elementId} with the Tab key`);
}

describe('a provider manages its API tokens', () => {
  it('creates a token by keyboard, sees it once, uses it, revokes it and it stops working', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    await page.goto('/api-tokens');
    await h1(page, 'API tokens').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create a token' }).click();
    await h1(page, 'Create an API token').waitFor();
    await expectAccessible(page);

    // Keyboard only: a past expiry date first, then a good form.
    await tabTo(page, 'name');
    await page.keyboard.type(tokenName);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('expiresAt');
    await page.keyboard.type('2001-01-01');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Expiry date must be in the future');
    expect(await page.getByLabel('Name').inputValue()).toBe(tokenName);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);

    const expiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await tabTo(page, 'expiresAt');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(expiry);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Create token');
    await page.keyboard.press('Enter');

    await h1(page, 'API token created').waitFor();
    await expectAccessible(page);
    expect(await page.getByText('This is the only time the token is shown').count()).toBe(1);
    const token = (await page.locator('#api-token').textContent())!.trim();
    expect(token).toMatch(/^pcc_/);
    const example = await page.locator('#example-request').textContent();
    expect(example).toContain(`Authorization: Bearer ${token}`);
    expect(example).toContain('/graphql');

    // The token works, for Harbour Lights only.
    const seen = await callApi(token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.organisations.map((organisation) => organisation.name)).toEqual(["Harbour Lights Children's Trust"]);

    // The list shows it (never the token itself), used, expiring, active.
    await page.goto('/api-tokens');
    await h1(page, 'API tokens').waitFor();
    const row = page.getByRole('row').filter({ hasText: tokenName });
    await row.waitFor();
    const text = (await row.textContent())!;
    expect(text).toContain('Active');
    expect(text).not.toContain('Never');
    expect(text).toContain(token.slice(0, 12));
    expect(await page.content()).not.toContain(token);
    await expectAccessible(page);

    // Revoke, with a confirmation step.
    await row.getByRole('link', { name: `Revoke ${tokenName}` }).click();
    await h1(page, `Revoke API token “${tokenName}”`).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await h1(page, 'API tokens').waitFor();
    await page.getByRole('alert').filter({ hasText: 'revoked' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: tokenName }).count()).toBe(0);
    await expectAccessible(page);

    const after = await callApi(token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Revoked tokens can still be listed, with their status in words.
    await page.getByRole('checkbox', { name: 'Include revoked tokens' }).check();
    await page.getByRole('button', { name: 'Show tokens' }).click();
    await page.waitForURL((url) => url.searchParams.get('includeRevoked') === 'yes');
    const revokedRow = page.getByRole('row').filter({ hasText: tokenName });
    await revokedRow.waitFor();
    expect(await revokedRow.textContent()).toContain('Revoked');
    await expectAccessible(page);
    await context.close();
  });
});

describe('an administrator', () => {
  it('sees every provider’s tokens, filters by one and issues a token for a provider', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto('/api-tokens');
    await h1(page, 'API tokens').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create a token' }).click();
    await h1(page, 'Create an API token').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a name for the token');
    await expectAccessible(page);
    await page.getByLabel('Provider').selectOption({ label: "Harbour Lights Children's Trust" });
    await page.getByLabel('Name').fill(`Admin issued ${id}`);
    await page.getByRole('button', { name: 'Create token' }).click();
    await h1(page, 'API token created').waitFor();
    await expectAccessible(page);

    await page.goto('/api-tokens');
    await h1(page, 'API tokens').waitFor();
    await page.getByLabel('Organisation').selectOption({ label: "Harbour Lights Children's Trust" });
    await page.getByRole('button', { name: 'Show tokens' }).click();
    await page.waitForURL((url) => !!url.searchParams.get('organisationId'));
    const row = page.getByRole('row').filter({ hasText: `Admin issued ${id}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('Never');
    await expectAccessible(page);
    await context.close();
  });
});
