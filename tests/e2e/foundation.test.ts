// Journeys of the Foundation in real Chromium against the production build with the demo data.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ACCOUNTS = [
  { email: 'admin@opcc.example', nav: ['Home', 'Portfolio', 'Dashboards', 'Briefing pack', 'Review returns', 'Queries', 'Priority issues', 'Initiatives', 'Organisations', 'Notifications', 'Users', 'E-mail outbox', 'API tokens', 'API explorer'] },
  { email: 'officer@opcc.example', nav: ['Home', 'Portfolio', 'Dashboards', 'Briefing pack', 'Review returns', 'Queries', 'Priority issues', 'Initiatives', 'Organisations', 'Notifications', 'API explorer'] },
  { email: 'commissioner@opcc.example', nav: ['Home', 'Portfolio', 'Dashboards', 'Briefing pack', 'Priority issues', 'Initiatives', 'Organisations', 'Notifications'] },
  { email: 'provider@harbour-lights.example', nav: ['Home', 'Your services', 'Returns', 'Queries', 'Priority issues', 'Initiatives', 'Your organisation', 'Notifications', 'API tokens'] },
];

describe('the portal is up', () => {
  it('answers /healthz with the database ok', async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends anonymous visitors to the sign-in page, which passes axe', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.title()).toBe('Sign in – Commissioning and Outcomes Portal');
    await expectAccessible(page);
    // No GOV.UK branding: no crown, no GDS Transport.
    const html = await page.content();
    expect(html).not.toMatch(/GOV\.UK|govuk-logo|GDS Transport/);
    await context.close();
  });
});

describe.each(ACCOUNTS)('$email', ({ email, nav }) => {
  it('signs in, sees its home page and its navigation, and every page it visits passes axe', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, email);
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('table', { name: 'Reporting calendar' }).isVisible()).toBe(true);
    const items = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allTextContents();
    expect(items.map((item) => item.trim())).toEqual(nav);
    await expectAccessible(page);

    for (const path of ['/priority-issues', '/priority-issues/PI-ONLINE', '/initiatives', '/organisations', '/accessibility']) {
      await page.goto(path);
      expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
      await expectAccessible(page);
    }
    await page.goto('/no-such-page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});

describe('signing in', () => {
  it('answers a wrong password with one generic message, keeps the e-mail, and passes axe', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example', 'not the password');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a correct email address and password');
    expect(await page.getByLabel('Email address').inputValue()).toBe('officer@opcc.example');
    expect(await page.title()).toBe('Error: Sign in – Commissioning and Outcomes Portal');
    await expectAccessible(page);
    await context.close();
  });

  it('gives the same message for an unknown e-mail, and asks for missing fields by name', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'nobody@nowhere.example', 'whatever password');
    expect(await page.getByRole('alert').textContent()).toContain('Enter a correct email address and password');
    await page.getByLabel('Email address').fill('');
    await page.getByLabel('Password').fill('');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter your password' }).waitFor();
    const text = await page.getByRole('alert').textContent();
    expect(text).toContain('Enter your email address');
    expect(text).toContain('Enter your password');
    await context.close();
  });

  it('only redirects to paths on this site after signing in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in?redirectTo=//evil.example/steal');
    await page.getByLabel('Email address').fill('officer@opcc.example');
    await page.getByLabel('Password').fill('portal-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    expect(page.url()).toBe(`${baseUrl()}/`);
    await context.close();
  });

  it('returns to the page asked for after signing in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/initiatives');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email address').fill('commissioner@opcc.example');
    await page.getByLabel('Password').fill('portal-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/initiatives');
    await context.close();
  });

  it('works by keyboard alone, starting with the skip link', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    // Tab to the e-mail field from the top of main content.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type('provider@harbour-lights.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('portal-demo-password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/`);
    await context.close();
  });
});

describe('what each role may see', () => {
  it('shows a provider only its own organisation', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    await page.goto('/organisations');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Harbour Lights Children's Trust");
    expect(await page.getByRole('table', { name: 'People who can sign in' }).textContent()).toContain(
      'provider@harbour-lights.example',
    );
    await context.close();
  });

  it('shows GraphiQL to OPCC staff only', async () => {
    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    const explorer = await officer.page.goto('/graphql');
    expect(explorer?.status()).toBe(200);
    expect(await officer.page.title()).toContain('Portal API explorer');
    await officer.context.close();

    const provider = await newPage(browser);
    await signIn(provider.page, 'provider@harbour-lights.example');
    const refused = await provider.page.goto('/graphql');
    expect(refused?.status()).toBe(403);
    expect(new URL(provider.page.url()).pathname).toBe('/forbidden');
    expect(await provider.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'You do not have permission to view this page',
    );
    await provider.context.close();
  });

  it('lets an admin change a priority issue, and tells a second admin of the conflict without losing their text', async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, 'admin@opcc.example');
    await signIn(second.page, 'admin@opcc.example');
    await first.page.goto('/priority-issues/PI-BUSINESS/edit');
    await second.page.goto('/priority-issues/PI-BUSINESS/edit');
    await expectAccessible(first.page);

    await first.page.getByLabel('Title').fill('Businesses spotting the signs');
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByRole('heading', { level: 1, name: 'Businesses spotting the signs' }).waitFor();
    expect(first.page.url()).toContain('/priority-issues/PI-BUSINESS?saved=1');

    await second.page.getByLabel('Title').fill('Hotels and transport staff');
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByRole('alert').filter({ hasText: 'Someone else changed this priority issue' }).waitFor();
    expect(await second.page.getByLabel('Title').inputValue()).toBe('Hotels and transport staff');
    expect(await second.page.locator('.govuk-summary-list').textContent()).toContain('Businesses spotting the signs');
    await expectAccessible(second.page);

    // Saving again, knowingly, replaces it.
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByRole('heading', { level: 1, name: 'Hotels and transport staff' }).waitFor();
    expect(second.page.url()).toContain('/priority-issues/PI-BUSINESS?saved=1');

    // An empty title is refused with a message beside the field.
    await second.page.goto('/priority-issues/PI-BUSINESS/edit');
    await second.page.getByLabel('Title').fill('');
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByRole('alert').filter({ hasText: 'Enter a title' }).waitFor();
    expect(await second.page.title()).toBe('Error: Change priority issue – Commissioning and Outcomes Portal');
    await first.context.close();
    await second.context.close();
  });

  it('refuses a non-admin the edit page with the 403 page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    const response = await page.goto('/priority-issues/PI-BUSINESS/edit');
    expect(response?.status()).toBe(403);
    await expectAccessible(page);
    await context.close();
  });
});
