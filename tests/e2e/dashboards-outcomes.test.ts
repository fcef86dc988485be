// The outcomes, reach and value-for-money dashboards in real Chromium against the production build with the demo
// data: the Commissioner changes the filter by keyboard and sees controlled figures ("fewer than 8", rounded counts);
// an officer sees exact figures and the provisional banner when asked; a provider is refused. Axe on every page.
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

const PAGES = [
  { path: '/dashboards/outcomes', title: 'Outcomes by domain' },
  { path: '/dashboards/reach', title: 'Reach: who the services supported' },
  { path: '/dashboards/value-for-money', title: 'Value for money' },
];
// Few children: its figures are suppressed or hidden for the Commissioner.
const SMALL_PROVIDER = 'Safe Passage North CIC';
const PROVISIONAL_BANNER = 'Provisional: includes returns not yet approved';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Presses Tab until `target` has focus (keyboard-only journeys). */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with the Tab key');
}

/** The numbers (people) in the data cells of a table's body, as shown. */
async function bodyNumbers(table: Locator): Promise<number[]> {
  const cells = await table.locator('tbody td').allTextContents();
  return cells.map((text) => text.trim().replace(/,/g, '')).filter((text) => /^\d+$/.test(text)).map(Number);
}

/** Opens a dashboard (with the search string) and waits for its heading; axe on it. */
async function openDashboard(page: Page, path: string, title: string, search = '') {
  await page.goto(`${path}${search}`);
  await h1(page, title);
  await expectAccessible(page);
}

describe('the Commissioner', () => {
  it('changes the filter by keyboard on each page and sees controlled figures', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    for (const { path, title } of PAGES) {
      await openDashboard(page, path, title);
      // Keyboard only: to the year, choose 2025/26, then Apply.
      const year = page.getByLabel('Financial year');
      await tabTo(page, year);
      await page.keyboard.type('2025/26');
      expect(await year.inputValue()).toBe('2025');
      expect(await page.getByRole('checkbox', { name: /Include provisional figures/ }).count()).toBe(0);
      await tabTo(page, page.getByRole('button', { name: 'Apply' }));
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === path && url.searchParams.get('financialYear') === '2025');
      await h1(page, title);
      await page.getByText('Dashboards: 2025/26', { exact: true }).waitFor();
      expect(await page.getByLabel('Financial year').inputValue()).toBe('2025');
      // The API's disclosure note, in words, under the figures.
      await page.getByText(/disclosure control/).first().waitFor();
      await expectAccessible(page);
    }

    // Small groups are suppressed, in words: on the whole portfolio, or else for one provider.
    await openDashboard(page, '/dashboards/reach', PAGES[1]!.title, '?financialYear=2025');
    let suppressed = await page.getByText('fewer than 8').count();
    if (suppressed === 0) {
      await page.getByLabel('Provider').selectOption({ label: "Harbour Lights Children's Trust" });
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL((url) => url.searchParams.get('providerId') !== null && url.searchParams.get('providerId') !== '');
      await h1(page, PAGES[1]!.title);
      await expectAccessible(page);
      suppressed = await page.getByText('fewer than 8').count();
    }
    expect(suppressed).toBeGreaterThan(0);

    // Every count of people the Commissioner sees is 0 or a multiple of 5.
    for (const name of [/by age/, /by gender/, /by ethnicity/]) {
      const numbers = await bodyNumbers(page.getByRole('table', { name }));
      expect(numbers.every((n) => n % 5 === 0), `${numbers}`).toBe(true);
    }

    // Hidden percentages and costs are said in words (a small provider's figures).
    await openDashboard(page, '/dashboards/outcomes', PAGES[0]!.title, '?financialYear=2025');
    await page.getByRole('table', { name: /people assessed and improved by quarter/ }).first().waitFor();
    await page.getByLabel('Provider').selectOption({ label: SMALL_PROVIDER });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL((url) => !!url.searchParams.get('providerId'));
    await h1(page, PAGES[0]!.title);
    await page.getByText(/^Hidden: fewer than/).first().waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Value for money' }).click(); // the sub-navigation keeps the filter
    await h1(page, PAGES[2]!.title);
    expect(new URL(page.url()).searchParams.get('providerId')).toBeTruthy();
    await page.getByRole('table', { name: /Cost per child supported/ }).getByText('Hidden: fewer than 8 people').first().waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('is refused provisional figures', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    const response = await page.goto('/dashboards/outcomes?financialYear=2025&includeProvisional=true');
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

describe('an officer', () => {
  it('sees exact figures, and the provisional banner when provisional figures are included', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await openDashboard(page, '/dashboards/reach', PAGES[1]!.title, '?financialYear=2025');
    const exact: number[] = [];
    for (const name of [/by age/, /by gender/, /by ethnicity/]) exact.push(...(await bodyNumbers(page.getByRole('table', { name }))));
    expect(exact.some((n) => n % 5 !== 0), `${exact}`).toBe(true);
    expect(await page.getByText('fewer than 8').count()).toBe(0);
    expect(await page.getByText(PROVISIONAL_BANNER).count()).toBe(0);

    for (const { path, title } of PAGES) {
      await openDashboard(page, path, title, '?financialYear=2026');
      await page.getByLabel('Include provisional figures').check();
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL((url) => url.searchParams.get('includeProvisional') === 'true');
      await h1(page, title);
      await page.getByText(PROVISIONAL_BANNER).waitFor();
      expect(await page.getByLabel('Include provisional figures').isChecked()).toBe(true);
      await expectAccessible(page);
    }

    // A bad filter in the URL: the API's message in an error summary, not a 500.
    const response = await page.goto('/dashboards/value-for-money?financialYear=2025&areaCode=NOWHERE');
    expect(response?.status()).toBe(200);
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'NOWHERE is not an area' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe('a provider', () => {
  it('gets the page saying they do not have permission', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    for (const { path } of PAGES) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await h1(page, 'You do not have permission to view this page');
      await expectAccessible(page);
    }
    await context.close();
  });
});
