// People and partners in real Chromium against the production build with the demo data: an officer adds and
// changes a provider (and meets a version conflict), an administrator adds a user whose one-time link sets their
// password, the user sees only their own organisation, then is deactivated; an initiative added by keyboard only.
// Every page visited passes axe. Rows are uniquely named: other test files share the demo database.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const id = randomBytes(3).toString('hex');
const providerName = `Riverside Young People's Trust ${id}`;
const renamed = `Riverside Youth Trust ${id}`;
const userName = `Jo Bloggs ${id}`;
const userEmail = `jo.${id}@riverside.example`;
const userPassword = `river stone lantern ${id}`;
let organisationPath = '';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('an officer adds and changes a provider', () => {
  it('adds a provider with a contact and an area, with clear errors first', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/organisations');
    await h1(page, 'Organisations').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add a provider' }).click();
    await h1(page, 'Add a provider').waitFor();
    await expectAccessible(page);

    // Nothing filled in, a bad email: the error summary and the messages beside the fields.
    await page.getByLabel('Email address (optional)').first().fill('not-an-email');
    await page.getByRole('button', { name: 'Add provider' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Enter the organisation's name");
    expect(await summary.textContent()).toContain('Choose the type of organisation');
    expect(await summary.textContent()).toContain('Enter an email address in the correct format');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);

    await page.getByLabel('Organisation name').fill(providerName);
    await page.getByRole('radio', { name: 'Charity' }).check();
    await page.getByLabel('Registered number (optional)').fill('1180001');
    await page.getByLabel('Email address (optional)').first().fill(`hello@riverside-${id}.example`);
    await page.getByRole('checkbox', { name: 'County Durham' }).check();
    const contact = page.getByRole('group', { name: 'Contact 1' });
    await contact.getByLabel('Full name').fill('Priya Shah');
    await contact.getByLabel('Job title (optional)').fill('Head of services');
    await contact.getByRole('checkbox', { name: 'This is the main contact' }).check();
    await page.getByRole('button', { name: 'Add provider' }).click();

    await h1(page, providerName).waitFor();
    organisationPath = new URL(page.url()).pathname;
    expect(organisationPath).toMatch(/^\/organisations\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('alert').textContent()).toContain('Provider added');
    const details = await page.locator('dl.govuk-summary-list').first().textContent();
    expect(details).toContain('Charity');
    expect(details).toContain('1180001');
    expect(details).toContain('County Durham');
    expect(await page.getByRole('table', { name: 'Contacts' }).textContent()).toContain('Priya Shah');
    expect(await page.getByRole('table', { name: 'Contacts' }).textContent()).toContain('Main contact');
    await expectAccessible(page);
    await context.close();
  });

  it('edits it; a second session editing meanwhile is shown the conflict and keeps what it typed', async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, 'officer@opcc.example');
    await signIn(second.page, 'admin@opcc.example');
    for (const { page } of [first, second]) {
      await page.goto(`${organisationPath}/edit`);
      await h1(page, 'Change organisation details').waitFor();
    }
    await expectAccessible(first.page);

    await first.page.getByLabel('Organisation name').fill(renamed);
    await first.page.getByRole('button', { name: 'Save changes' }).click();
    await h1(first.page, renamed).waitFor();
    expect(await first.page.getByRole('alert').textContent()).toContain('Changes saved');
    await expectAccessible(first.page);

    await second.page.getByLabel('Telephone number (optional)').first().fill('0191 496 0999');
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await second.page.getByText('Someone else saved a change to this organisation').waitFor();
    expect(await second.page.getByRole('alert').filter({ hasText: 'There is a problem' }).textContent()).toContain(
      'Someone else changed this organisation while you were editing it',
    );
    // Their version is shown; what this session typed is still in the form.
    expect(await second.page.locator('dl.govuk-summary-list').textContent()).toContain(renamed);
    expect(await second.page.getByLabel('Telephone number (optional)').first().inputValue()).toBe('0191 496 0999');
    await expectAccessible(second.page);
    // Saving again applies what this session typed (its name too) on top of the newest version.
    await second.page.getByRole('button', { name: 'Save changes' }).click();
    await h1(second.page, providerName).waitFor();
    expect(await second.page.locator('dl.govuk-summary-list').first().textContent()).toContain('0191 496 0999');
    await first.context.close();
    await second.context.close();
  });
});

describe('an administrator adds a user for the provider', () => {
  let setPasswordUrl = '';

  it('adds the user and is shown the one-time link once', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto(organisationPath);
    await page.getByRole('button', { name: 'Add a user' }).click();
    await h1(page, 'Add a user').waitFor();
    await expectAccessible(page);
    // A provider organisation with an OPCC role: a clear message, and the values typed are kept.
    await page.getByRole('radio', { name: 'Policy officer' }).check();
    await page.getByLabel('Full name').fill(userName);
    await page.getByLabel('Email address').fill(userEmail);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose the Provider role for someone in a provider organisation' }).waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe(userName);
    await expectAccessible(page);

    await page.getByRole('radio', { name: 'Provider' }).check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await h1(page, 'User added').waitFor();
    expect(await page.getByText('This link is shown once').count()).toBe(1);
    setPasswordUrl = (await page.locator('code').textContent())!.trim();
    expect(setPasswordUrl).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);

    await page.goto('/users');
    await h1(page, 'Users').waitFor();
    expect(await page.getByRole('table').textContent()).toContain(userEmail);
    await expectAccessible(page);
    await context.close();
  });

  it('the user opens the link signed out, sets a password, signs in and sees only their own organisation', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(setPasswordUrl);
    await h1(page, 'Set your password').waitFor();
    await expectAccessible(page);
    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm new password').fill('too short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter a password of at least 12 characters' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('New password', { exact: true }).fill(userPassword);
    await page.getByLabel('Confirm new password').fill(userPassword);
    await page.getByRole('button', { name: 'Set password' }).click();
    await h1(page, 'Sign in').waitFor();
    await page.getByText('Your password has been set. Sign in with your new password.').waitFor();
    await expectAccessible(page);

    // The link works once.
    await page.goto(setPasswordUrl);
    await h1(page, 'This link has expired').waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'This link has expired or has already been used. Ask your portal administrator for a new one.',
    );
    await expectAccessible(page);

    await signIn(page, userEmail, userPassword);
    await page.goto('/organisations');
    await h1(page, providerName).waitFor();
    const body = await page.locator('main').textContent();
    expect(body).not.toContain("Harbour Lights Children's Trust");
    await expectAccessible(page);
    await page.goto(organisationPath);
    await h1(page, providerName).waitFor();
    expect(await page.getByRole('table', { name: 'People who can sign in' }).textContent()).toContain(userEmail);
    await expectAccessible(page);
    await context.close();
  });

  it('a provider cannot open another organisation; an administrator deactivates the user, who can then not sign in', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, 'admin@opcc.example');
    await admin.page.goto('/organisations');
    const harbourPath = await admin.page.getByRole('link', { name: "Harbour Lights Children's Trust" }).getAttribute('href');

    const user = await newPage(browser);
    await signIn(user.page, userEmail, userPassword);
    await user.page.goto(harbourPath!);
    await h1(user.page, 'Page not found').waitFor();

    await admin.page.goto('/users');
    await admin.page.getByRole('link', { name: userName }).click();
    await h1(admin.page, userName).waitFor();
    await expectAccessible(admin.page);
    await admin.page.getByRole('button', { name: `Deactivate ${userName}` }).click();
    await admin.page.getByRole('alert').filter({ hasText: 'User deactivated' }).waitFor();
    await expectAccessible(admin.page);

    // Their session has ended, and signing in again is refused.
    await user.page.goto('/organisations');
    await h1(user.page, 'Sign in').waitFor();
    await signIn(user.page, userEmail, userPassword);
    await user.page.getByRole('alert').filter({ hasText: 'Enter a correct email address and password' }).waitFor();
    await admin.context.close();
    await user.context.close();
  });

  it('an administrator changes the user, makes a new link, and an officer archives the provider after confirming', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto('/users');
    await page.getByRole('link', { name: userName }).click();
    await h1(page, userName).waitFor();
    await page.getByRole('button', { name: `Reactivate ${userName}` }).click();
    await page.getByRole('alert').filter({ hasText: 'User reactivated' }).waitFor();
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('This link is shown once').waitFor();
    expect((await page.locator('code').textContent())!).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Change name' }).click();
    await h1(page, 'Change user').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Full name').fill(`${userName} Jr`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await h1(page, `${userName} Jr`).waitFor();
    await context.close();

    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    await officer.page.goto(organisationPath);
    await officer.page.getByRole('button', { name: 'Archive provider' }).click();
    await h1(officer.page, 'Are you sure you want to archive this provider?').waitFor();
    await expectAccessible(officer.page);
    await officer.page.getByRole('button', { name: `Yes, archive ${providerName}` }).click();
    await officer.page.getByRole('alert').filter({ hasText: 'Provider archived' }).waitFor();
    expect(await officer.page.locator('main').textContent()).toContain('Its users cannot sign in');
    await expectAccessible(officer.page);
    await officer.page.goto('/organisations');
    await h1(officer.page, 'Organisations').waitFor();
    expect(await officer.page.getByRole('link', { name: providerName }).count()).toBe(0);
    await officer.context.close();
  });
});

describe('an officer adds an initiative, by keyboard only', () => {
  async function tabTo(page: Page, matches: (el: { tag: string; id: string; text: string }) => boolean) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return { tag: active?.tagName ?? '', id: active?.id ?? '', text: (active?.textContent ?? '').trim() };
      });
      if (matches(el)) return;
    }
    throw new Error('Could not reach the element by Tab');
  }

  it('signs in, adds the initiative and finds it in the list', async () => {
    const { context, page } = await newPage(browser);
    const name = `Safer Streets Partnership ${id}`;
    await page.goto('/sign-in');
    await h1(page, 'Sign in').waitFor();
    await tabTo(page, (el) => el.id === 'email');
    await page.keyboard.type('officer@opcc.example');
    await tabTo(page, (el) => el.id === 'password');
    await page.keyboard.type('portal-demo-password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();

    await page.goto('/initiatives');
    await h1(page, 'Initiatives').waitFor();
    await tabTo(page, (el) => el.text === 'Add an initiative');
    await page.keyboard.press('Enter');
    await h1(page, 'Add an initiative').waitFor();
    await expectAccessible(page);

    await tabTo(page, (el) => el.id === 'name');
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Partners keep town-centre streets safer for children at night.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Durham Constabulary');
    // Into the status radios (Active is chosen); arrow up to Planned.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, (el) => el.text === 'Add initiative');
    await page.keyboard.press('Enter');

    await page.getByRole('alert').filter({ hasText: `Initiative added: ${name}` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    expect(await row.textContent()).toContain('Planned');
    expect(await row.getByRole('link', { name }).getAttribute('href')).toMatch(/^\/initiatives\/[0-9a-f-]{36}$/);
    await expectAccessible(page);

    // And changes it (same conflict-safe form).
    const href = await row.getByRole('link', { name }).getAttribute('href');
    await page.goto(`${href}/edit`);
    await h1(page, 'Change initiative').waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
