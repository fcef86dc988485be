// An officer archives an initiative from its page, after confirming; it leaves the list, nothing else changes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('archiving an initiative', () => {
  it('asks for confirmation, then hides it from the list', async () => {
    const name = `Archive me ${Date.now()}`;
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/initiatives/new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Description').fill('An initiative made to be archived.');
    await page.getByRole('button', { name: /save|add/i }).click();
    await page.getByText(`Initiative added: ${name}`).waitFor();

    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Archive this initiative' }).click();
    await page.getByRole('heading', { level: 1, name: 'Are you sure you want to archive this initiative?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Yes, archive ${name}` }).click();
    await page.getByText('Initiative archived').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(name);
    await expectAccessible(page);
    await context.close();
  });

  it('is not offered to the Commissioner', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.goto('/initiatives');
    await page.getByRole('link', { name: 'Safeguarding Champions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Safeguarding Champions' }).waitFor();
    expect(await page.getByRole('link', { name: 'Archive this initiative' }).count()).toBe(0);
    await context.close();
  });
});
