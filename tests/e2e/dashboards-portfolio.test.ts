// The portfolio dashboards in real Chromium against the production build with the demo data (demo today:
// 2026-11-29): the Commissioner opens the headline, coverage, timeliness, contracts ending and initiatives pages
// and changes the filter by keyboard; an officer includes provisional figures and sees the banner; a bad filter in
// the URL shows the API's message in an error summary; a provider is refused. axe on every page.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financialYearLabel, periodContaining, previousPeriod, todayInLondon } from '../../graphql/domain/periods';
import { expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Presses Tab until `target` has focus (keyboard-only journeys). */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with the Tab key');
}

/** Every data cell of the page's tables, as text. */
const cellTexts = (page: Page) => page.locator('main td').allInnerTexts();

const PAGES = [
  { path: '/dashboards', title: 'Portfolio headline', table: /Returns expected, received and on time, 2025\/26/ },
  { path: '/dashboards/coverage', title: 'Coverage of priority issues', table: /Priority issues and the services addressing them, 2025\/26/ },
  { path: '/dashboards/timeliness', title: 'Timeliness of returns', table: /Completeness and timeliness of returns, 2025\/26/ },
  { path: '/dashboards/contracts-ending', title: 'Contracts ending in the next 6 months', table: /Contracts ending from/ },
  { path: '/dashboards/initiatives', title: 'What initiatives delivered', table: /Initiatives, 2025\/26/ },
];

describe('the Commissioner reads the portfolio dashboards', () => {
  it('changes the filter by keyboard on the headline', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.goto('/dashboards');
    await h1(page, 'Portfolio headline');
    // No filter: the latest year with a quarter ended (2026/27 on the demo's today), whole year.
    await page.getByText(`Dashboards: ${financialYearLabel(previousPeriod(periodContaining(todayInLondon())).financialYear)}`, { exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link').count()).toBe(8);
    // The Commissioner is not offered provisional figures.
    expect(await page.getByLabel('Include provisional figures').count()).toBe(0);
    await expectAccessible(page);

    const year = page.getByLabel('Financial year');
    await tabTo(page, year);
    await page.keyboard.type('2025');
    expect(await year.inputValue()).toBe('2025');
    await tabTo(page, page.getByRole('button', { name: 'Apply' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/financialYear=2025/);
    await page.getByText('Dashboards: 2025/26').waitFor();
    await h1(page, 'Portfolio headline');
    const summary = await page.locator('main dl').innerText();
    expect(summary).toContain('Annual investment');
    expect(summary).toMatch(/£[\d,]+\.\d\d/);
    await page.getByRole('table', { name: /Returns expected, received and on time, 2025\/26/ }).waitFor();
    expect(await page.getByRole('row', { name: /2025\/26 Q4/ }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it('opens every portfolio dashboard for 2025/26, with figures in tables', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    let smallNumberSeen = false;
    for (const target of PAGES) {
      await page.goto(`${target.path}?financialYear=2025`);
      await h1(page, target.title);
      await page.getByText('Dashboards: 2025/26').waitFor();
      await page.getByRole('table', { name: target.table }).first().waitFor();
      const cells = await cellTexts(page);
      expect(cells.some((text) => /\d/.test(text)), `${target.path} shows figures`).toBe(true);
      if (cells.some((text) => text.includes('fewer than 8'))) smallNumberSeen = true;
      // The disclosure footnote in words.
      await page.getByText(/1 to 7 people are shown as "fewer than 8"/).waitFor();
      await expectAccessible(page);
    }

    // Coverage: gaps are said in words when there are any; every issue is a row.
    await page.goto('/dashboards/coverage?financialYear=2025');
    await h1(page, 'Coverage of priority issues');
    const gaps = await page.locator('main dl').innerText();
    if (!gaps.includes('None: every priority issue has a service')) {
      expect(await page.getByText('No service', { exact: true }).count()).toBeGreaterThan(0);
    }

    // Through the sub-navigation, the filter is kept.
    await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link', { name: 'Timeliness of returns' }).click();
    await h1(page, 'Timeliness of returns');
    await page.getByText('Dashboards: 2025/26').waitFor();
    expect(page.url()).toContain('financialYear=2025');

    // One quarter by keyboard on the timeliness page.
    await tabTo(page, page.getByLabel('Quarter'));
    await page.keyboard.type('Q2');
    await tabTo(page, page.getByRole('button', { name: 'Apply' }));
    await page.keyboard.press('Enter');
    await page.getByText('Dashboards: 2025/26 Q2').waitFor();
    expect(await page.getByRole('row', { name: /2025\/26 Q2/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('row', { name: /2025\/26 Q3/ }).count()).toBe(0);
    await expectAccessible(page);

    console.info(`[dashboards-portfolio] "fewer than 8" seen on the portfolio pages: ${smallNumberSeen}`);
    await context.close();
  });

  it('shows the API message for an unknown priority issue in the URL', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.goto('/dashboards/coverage?financialYear=2025&priorityIssueCode=PI-NO-SUCH');
    await h1(page, 'Coverage of priority issues');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: 'PI-NO-SUCH is not a priority issue' }).count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await context.close();
  });
});

describe('an officer includes provisional figures', () => {
  it('ticks the box by keyboard and sees the provisional banner', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/dashboards/timeliness');
    await h1(page, 'Timeliness of returns');
    expect(await page.getByText('Provisional: includes returns not yet approved').count()).toBe(0);
    await expectAccessible(page);
    const box = page.getByLabel('Include provisional figures');
    await tabTo(page, box);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Apply' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/includeProvisional=true/);
    await page.getByText('Provisional: includes returns not yet approved').waitFor();
    await page.getByRole('region', { name: 'Provisional figures' }).waitFor();
    await expectAccessible(page);

    for (const target of PAGES) {
      await page.goto(`${target.path}?financialYear=2025&includeProvisional=true`);
      await h1(page, target.title);
      await page.getByText('Provisional: includes returns not yet approved').waitFor();
      await expectAccessible(page);
    }
    await context.close();
  });
});

describe('a provider', () => {
  it('may not see the dashboards', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    const response = await page.goto('/dashboards/coverage');
    expect(response?.status()).toBe(403);
    await h1(page, 'You do not have permission to view this page');
    await expectAccessible(page);
    await context.close();
  });
});
