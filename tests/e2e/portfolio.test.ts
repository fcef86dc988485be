// The portfolio in real Chromium against the production build with the demo data: an officer commissions a
// service, funds it, links initiatives, finds it through the filters (the URL holds them), edits it while someone
// else does too (the conflict is shown and nothing typed is lost); a provider sees only its own services; the CSV
// downloads; one journey by keyboard only; axe on every page.
import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REFERENCE = `E2E-${randomBytes(3).toString('hex').toUpperCase()}`;
const TITLE = `Keeping children safe online ${REFERENCE}`;
const PROVIDER = "Harbour Lights Children's Trust";
let serviceUrl = '';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Presses Tab until `target` has focus (keyboard-only journeys). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with the Tab key');
}

describe('an officer manages a service', () => {
  it('adds a service (errors first), funds it and links an initiative', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/services');
    await h1(page, 'Portfolio');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add a service' }).click();
    await h1(page, 'Add a service');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter a title' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Choose at least one priority issue' }).count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);

    await page.getByLabel('Reference').fill(REFERENCE);
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Provider').selectOption({ label: PROVIDER });
    await page.getByLabel('Start date').fill('2026-04-01');
    await page.getByLabel('End date').fill('2028-03-31');
    await page.getByLabel('Annual value').fill('90000');
    await page.getByLabel('Total value').fill('-5');
    const issues = page.getByRole('group', { name: /Priority issues it addresses/ }).getByRole('checkbox');
    await issues.nth(0).check();
    await issues.nth(1).check();
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByRole('link', { name: 'Total value cannot be negative' }).waitFor();
    // What was typed is still there.
    expect(await page.getByLabel('Title').inputValue()).toBe(TITLE);
    expect(await issues.nth(1).isChecked()).toBe(true);
    await page.getByLabel('Total value').fill('180000');
    await page.getByRole('button', { name: 'Add service' }).click();
    await h1(page, TITLE);
    await page.getByText('Service added').waitFor();
    serviceUrl = new URL(page.url()).pathname;
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Change funding' }).click();
    await h1(page, /^Funding for /);
    await expectAccessible(page);
    await page.getByLabel('PCC core grant').fill('90000');
    await page.getByRole('button', { name: 'Save funding' }).click();
    await page.getByText('Funding saved').waitFor();
    expect(await page.getByRole('table', { name: /Funding by financial year and source/ }).textContent()).toContain('£90,000.00');

    await page.getByRole('link', { name: 'Change initiatives and their funding' }).click();
    await h1(page, 'Initiatives this service funds');
    await expectAccessible(page);
    await page.getByLabel('Initiative').selectOption({ label: 'Vulnerability Tracker' });
    await page.getByRole('button', { name: 'Link initiative' }).click();
    await page.getByText('Initiative linked').waitFor();
    await page.getByLabel('Amount').fill('95000');
    await page.getByRole('button', { name: 'Save initiative funding' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain("more than the service's funding of £90,000.00");
    await expectAccessible(page);
    await page.getByLabel('Amount').fill('50000');
    await page.getByRole('button', { name: 'Save initiative funding' }).click();
    await page.getByText('Initiative funding saved').waitFor();
    await expectAccessible(page);

    await page.goto(serviceUrl);
    await h1(page, TITLE);
    expect(await page.getByRole('table', { name: 'Initiatives this service funds' }).textContent()).toContain('£50,000.00');
    expect(await page.getByRole('table', { name: /Every recorded change/ }).count()).toBe(1);
    await context.close();
  }, 120_000);

  it('finds it through the filters by keyboard only, and the URL holds the filters', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/services');
    await h1(page, 'Portfolio');
    const search = page.getByLabel('Reference or title contains');
    await tabTo(page, search);
    await page.keyboard.type(REFERENCE);
    await tabTo(page, page.getByRole('button', { name: 'Apply filters' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === REFERENCE);
    await page.getByText('1 service, £90,000.00 a year').waitFor();
    await expectAccessible(page);
    const link = page.getByRole('link', { name: REFERENCE });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await h1(page, TITLE);

    // The same view from a shared link, with the initiative filter too.
    const initiativeId = await (async () => {
      await page.goto('/services');
      const option = page.getByLabel('Initiative').locator('option', { hasText: 'Vulnerability Tracker' });
      return option.getAttribute('value');
    })();
    await page.goto(`/services?q=${REFERENCE}&initiative=${initiativeId}`);
    await page.getByRole('link', { name: REFERENCE }).waitFor();
    expect(await page.getByLabel('Initiative').inputValue()).toBe(initiativeId);

    const csv = await page.request.get(`/services.csv?q=${REFERENCE}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="services-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`${REFERENCE},${TITLE},${PROVIDER},Planned,2026-04-01,2028-03-31,90000.00,180000.00`);
    await context.close();
  });

  it('shows a version conflict with what changed and keeps what was typed', async () => {
    const a = await newPage(browser);
    const b = await newPage(browser);
    await signIn(a.page, 'officer@opcc.example');
    await signIn(b.page, 'admin@opcc.example');
    await a.page.goto(`${serviceUrl}/edit`);
    await h1(a.page, 'Change the service');
    await expectAccessible(a.page);
    await b.page.goto(`${serviceUrl}/edit`);
    await h1(b.page, 'Change the service');

    await b.page.getByLabel('Annual value').fill('95000');
    await b.page.getByRole('button', { name: 'Save changes' }).click();
    await b.page.getByText('Service saved').waitFor();

    const mine = `${TITLE} (renamed)`;
    await a.page.getByLabel('Title').fill(mine);
    await a.page.getByRole('button', { name: 'Save changes' }).click();
    await a.page.getByText('Someone else saved a change to this service').waitFor();
    const changes = await a.page.getByRole('table', { name: 'What they changed' }).textContent();
    expect(changes).toContain('Annual value');
    expect(changes).toContain('95000.00');
    expect(await a.page.getByLabel('Title').inputValue()).toBe(mine);
    await expectAccessible(a.page);
    await a.page.getByRole('button', { name: 'Save changes' }).click();
    await h1(a.page, mine);
    await a.page.getByText('Service saved').waitFor();
    await a.context.close();
    await b.context.close();
  });

  it('activates the service from the status page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto(`${serviceUrl}/status`);
    await h1(page, 'Change the status');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Activate the service' }).click();
    await page.waitForURL((url) => url.pathname === serviceUrl);
    await page.getByText('Status changed').waitFor({ timeout: 5000 }).catch(async () => {
      throw new Error(`Not changed: ${await page.locator('main').textContent()}`);
    });
    expect(await page.getByRole('table', { name: /Status changes/ }).textContent()).toContain('Planned to Active');
    await context.close();
  });
});

describe('a provider', () => {
  it('sees only its own services, read-only, and the 404 page for another provider\'s', async () => {
    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    await officer.page.goto('/services?pageSize=100');
    await h1(officer.page, 'Portfolio');
    const rows = officer.page.getByRole('row').filter({ hasNot: officer.page.getByText(PROVIDER) });
    const otherHref = await rows.getByRole('link').filter({ hasText: /^OPCC-/ }).first().getAttribute('href');
    expect(otherHref).toMatch(/^\/services\//);
    await officer.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    await page.goto('/services');
    await h1(page, 'Your services');
    await expectAccessible(page);
    expect(await page.getByRole('button', { name: 'Add a service' }).count()).toBe(0);
    expect(await page.getByLabel('Provider').count()).toBe(0);
    const providers = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(providers.length).toBeGreaterThan(0);
    expect(new Set(providers)).toEqual(new Set([PROVIDER]));

    await page.goto(serviceUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Change the service’s details' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Archive this service' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Activity' }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto(otherHref!);
    await h1(page, 'Page not found');
    await expectAccessible(page);
    await page.goto(`${otherHref}/edit`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toContain('Change the service');

    const csv = await page.request.get('/services.csv');
    const lines = (await csv.text()).slice(1).split('\r\n').slice(1).filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes(`,${PROVIDER},`))).toBe(true);
    await context.close();
  });
});

describe('the priority issue and initiative pages', () => {
  it('show the services addressing or funding them, and investment per year', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.goto('/initiatives');
    await h1(page, 'Initiatives');
    await page.goto('/priority-issues/PI-ONLINE');
    await page.getByRole('heading', { level: 2, name: 'Services addressing this issue' }).waitFor();
    await expectAccessible(page);
    await page.goto('/services');
    const initiativeId = await page.getByLabel('Initiative').locator('option', { hasText: 'Vulnerability Tracker' }).getAttribute('value');
    await page.goto(`/initiatives/${initiativeId}`);
    await h1(page, 'Vulnerability Tracker');
    expect(await page.getByRole('table', { name: 'Services funding this initiative' }).textContent()).toContain(REFERENCE);
    await expectAccessible(page);
    await context.close();
  });
});
