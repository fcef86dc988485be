// Debian's Chromium driven by playwright-core (browser downloads are impossible here), plus an axe scan.
// Each launch gets a fresh, empty profile (playwright creates a temporary one).
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, inject } from 'vitest';
import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from '../../graphql/auth/totp';
import { DEMO_ADMIN_TOTP_SECRET } from '../../seeds/demo-two-factor';

export const baseUrl = () => inject('baseUrl');
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'portal-demo-password';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Signs in through the form. An account with two-factor sign-in (the demo administrator, or one whose key a test
 * gave to rememberTwoFactorKey) is then asked for its code, which is made here from its key.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in (we leave the sign-in page), asked for a code, or refused (the error summary appears).
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/sign-in'),
    page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor(),
  ]);
  if (new URL(page.url()).pathname === '/sign-in/code') await enterTwoFactorCode(page, email);
}

/** The two-factor keys of the accounts tests sign in as: the demo administrator's, and those tests set up. */
const TWO_FACTOR_KEYS = new Map<string, string>([['admin@opcc.example', DEMO_ADMIN_TOTP_SECRET]]);

export function rememberTwoFactorKey(email: string, key: string) {
  TWO_FACTOR_KEYS.set(email, key.replace(/\s/g, ''));
}

/** On /sign-in/code: enters a code the portal has not accepted before for this account, and continues. */
export async function enterTwoFactorCode(page: Page, email: string) {
  const key = TWO_FACTOR_KEYS.get(email);
  if (!key) throw new Error(`${email} has two-factor sign-in on, and no test gave its key (rememberTwoFactorKey)`);
  await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await unusedCode(email, key));
  await page.getByRole('button', { name: 'Continue' }).click();
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/sign-in/code'),
    page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor(),
  ]);
}

/**
 * A code for a time step the portal has not accepted yet for this account: it accepts each step once (replay
 * protection) and only steps within one of now. Test files run one after another against one server and sign in
 * as the demo administrator many times a minute, so the steps used are kept in a file per server (its port) and
 * each sign-in takes the next unused step, from now-1 to now+1; when all three are used, it waits for the clock to
 * reach the next step (the only wait here, and at most 30 seconds).
 */
export async function unusedCode(email: string, key: string): Promise<string> {
  const file = `tests/.artifacts/totp-steps-${new URL(baseUrl()).port}.json`;
  mkdirSync(dirname(file), { recursive: true });
  const used: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (;;) {
    const now = timeStep();
    // Still within the window 10 seconds from now, when the form is submitted.
    const step = Math.max((used[email] ?? 0) + 1, timeStep(Date.now() + 10_000) - 1);
    if (step <= now + 1) {
      used[email] = step;
      writeFileSync(file, JSON.stringify(used));
      return totpCode(key, { step });
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * TOTP_PERIOD_SECONDS * 1000 - Date.now() + 100));
  }
}

/** Every page visited must pass axe (WCAG 2.2 A and AA rules and best practice) with 0 violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
