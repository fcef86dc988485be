// Two-factor sign-in in real Chromium against the production build with the demo data: a new policy officer turns
// it on by keyboard, signs out, signs in with password and code (a wrong code first), and turns it off again; a new
// administrator, who must have it, is kept on the set-up page until it is on. The demo administrator (who has it,
// with the README's published key) adds both users. Every page visited passes axe. The users are uniquely named:
// other test files share the demo database.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, rememberTwoFactorKey, signIn, unusedCode } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const id = randomBytes(3).toString('hex');
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const OPCC = 'Office of the Durham Police and Crime Commissioner (OPCC)';

/** Tab forward until the focused element matches (keyboard only). */
async function tabTo(page: Page, matches: (el: { id: string; text: string; tag: string }) => boolean) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return { id: active?.id ?? '', text: (active?.textContent ?? '').trim(), tag: active?.tagName ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('Could not reach the element by Tab');
}

/** The demo administrator adds an OPCC user; answers their one-time set-password link. */
async function addOpccUser(role: 'Policy officer' | 'Administrator', name: string, email: string): Promise<string> {
  const { context, page } = await newPage(browser);
  await signIn(page, 'admin@opcc.example');
  await page.goto('/users/new');
  await h1(page, 'Add a user').waitFor();
  await page.getByLabel('Organisation').selectOption({ label: OPCC });
  await page.getByRole('radio', { name: role, exact: true }).check();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add user' }).click();
  await h1(page, 'User added').waitFor();
  const link = (await page.locator('code').textContent())!.trim();
  await context.close();
  return link;
}

async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await h1(page, 'Set your password').waitFor();
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByText('Your password has been set. Sign in with your new password.').waitFor();
}

describe('a policy officer and two-factor sign-in', () => {
  const name = `Robin Tarn ${id}`;
  const email = `robin.tarn.${id}@opcc.example`;
  const password = `heather moor beacon ${id}`;
  /** The key the officer sets up, as their authenticator app would have it. */
  let officerKey = '';

  it('is refused a common password when setting one', async () => {
    const link = await addOpccUser('Policy officer', name, email);
    const { context, page } = await newPage(browser);
    await page.goto(link);
    await h1(page, 'Set your password').waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Password1234');
    await page.getByLabel('Confirm new password').fill('Password1234');
    await page.getByRole('button', { name: 'Set password' }).click();
    await errorSummary(page).filter({ hasText: 'Choose a password that is harder to guess: this one is on a list of commonly used passwords' }).waitFor();
    await expectAccessible(page);
    await setPassword(page, link, password);
    await context.close();
  });

  it('turns it on by keyboard, signs out, and signs in with password and code (a wrong code first)', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, email, password);
    await h1(page, /^Welcome, /).waitFor();

    // Your account, from the header, by keyboard.
    await tabTo(page, (el) => el.text === 'Your account');
    await page.keyboard.press('Enter');
    await h1(page, 'Your account').waitFor();
    expect(await page.locator('dl.govuk-summary-list').textContent()).toContain('Off: you sign in with your password only');
    await expectAccessible(page);
    await tabTo(page, (el) => el.text.startsWith('Set up'));
    await page.keyboard.press('Enter');
    await h1(page, 'Two-factor sign-in').waitFor();
    await expectAccessible(page);
    await tabTo(page, (el) => el.text === 'Set up two-factor sign-in');
    await page.keyboard.press('Enter');

    // The key, in groups of 4, and the otpauth:// address as text.
    const key = page.locator('code.app-setup-key');
    await key.waitFor();
    const setupKey = (await key.textContent())!;
    expect(setupKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(await page.locator('main').textContent()).toContain(`otpauth://totp/PCC%20Commissioning%20Portal:${encodeURIComponent(email)}`);
    const input = page.getByLabel('6-digit code from your authenticator app');
    expect(await input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await input.getAttribute('inputmode')).toBe('numeric');
    await expectAccessible(page);
    rememberTwoFactorKey(email, setupKey);
    officerKey = setupKey;

    // A wrong code first, then the right one, typed.
    await tabTo(page, (el) => el.id === 'code');
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await errorSummary(page).filter({ hasText: 'Enter the code shown in your authenticator app' }).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.getByLabel('6-digit code from your authenticator app').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(await unusedCode(email, setupKey));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Two-factor sign-in is on' }).waitFor();
    await expectAccessible(page);

    // Sign out; signing in now asks for the code.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await h1(page, 'Sign in').waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1(page, 'Enter the 6-digit code from your authenticator app').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in/code');
    await expectAccessible(page);
    const codeInput = page.getByLabel('Enter the 6-digit code from your authenticator app');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    await codeInput.fill('123 45');
    await page.getByRole('button', { name: 'Continue' }).click();
    await errorSummary(page).filter({ hasText: 'Enter the code shown in your authenticator app' }).waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await unusedCode(email, setupKey));
    await page.getByRole('button', { name: 'Continue' }).click();
    await h1(page, /^Welcome, /).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('a page asked for while signed out is shown after the code', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/initiatives');
    await h1(page, 'Sign in').waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1(page, 'Enter the 6-digit code from your authenticator app').waitFor();
    // Without the code, nothing else opens.
    await page.goto('/services');
    await h1(page, 'Sign in').waitFor();
    await page.goto('/sign-in/code?redirectTo=%2Finitiatives');
    await h1(page, 'Enter the 6-digit code from your authenticator app').waitFor();
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await unusedCode(email, officerKey));
    await page.getByRole('button', { name: 'Continue' }).click();
    await h1(page, 'Initiatives').waitFor();
    await context.close();
  });

  it('turns it off with a current code', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, email, password);
    await page.goto('/account/two-factor');
    await h1(page, 'Two-factor sign-in').waitFor();
    await page.getByLabel('Code from your authenticator app').fill(await unusedCode(email, officerKey));
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Two-factor sign-in is off' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await h1(page, 'Sign in').waitFor();
    await signIn(page, email, password);
    await h1(page, /^Welcome, /).waitFor();
    await context.close();
  });
});

describe('an administrator without two-factor sign-in', () => {
  const name = `Morgan Fell ${id}`;
  const email = `morgan.fell.${id}@opcc.example`;
  const password = `granite harbour kestrel ${id}`;

  it('is kept on the set-up page until it is on, then can use the portal', async () => {
    const link = await addOpccUser('Administrator', name, email);
    const { context, page } = await newPage(browser);
    await setPassword(page, link, password);
    await signIn(page, email, password);
    await h1(page, 'Two-factor sign-in').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/two-factor');
    expect(await page.locator('main').textContent()).toContain('Administrators must use two-factor sign-in');
    await expectAccessible(page);

    // Nothing else opens meanwhile: pages, their account page, or the API explorer.
    for (const path of ['/users', '/services', '/account', '/']) {
      await page.goto(path);
      await h1(page, 'Two-factor sign-in').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/two-factor');
    }
    const api = await page.request.post('/graphql', {
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
      data: { query: '{ users { email } }' },
    });
    expect(JSON.stringify(await api.json())).toContain('UNAUTHENTICATED');

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const setupKey = (await page.locator('code.app-setup-key').textContent())!;
    await expectAccessible(page);
    await page.getByLabel('6-digit code from your authenticator app').fill(await unusedCode(email, setupKey));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Two-factor sign-in is on' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Administrators must use two-factor sign-in: it cannot be turned off.');
    await expectAccessible(page);

    await page.goto('/users');
    await h1(page, 'Users').waitFor();
    await page.goto('/account');
    await h1(page, 'Your account').waitFor();
    expect(await page.locator('dl.govuk-summary-list').textContent()).toContain('On since');
    await expectAccessible(page);
    await context.close();
  });
});
