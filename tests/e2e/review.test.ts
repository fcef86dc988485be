// The officer's review in real Chromium against the production build with the demo data: the queue; a submitted
// return beside its previous quarters and its targets; returning it for changes (an empty reason is refused); a query
// on one value that the provider answers in the thread; approving another return, which becomes read-only; axe on
// every page; forms used by keyboard.
//
// Demo returns used (other journeys leave them alone): OPCC-CSAE-2024-010 (Kinfolk Family Therapy Partnership) and
// OPCC-CSAE-2024-005 (Darlington Youth and Family Hub), both SUBMITTED for 2026/27 Q2.
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

const TO_RETURN = 'OPCC-CSAE-2024-010';
const TO_APPROVE = 'OPCC-CSAE-2024-005';
const KINFOLK_PROVIDER = 'provider@kinfolk-family-therapy.example';
const QUESTION = `Referrals accepted fell this quarter: is the therapist vacancy the reason? (${Date.now()})`;
const REPLY = 'Yes: our second therapist left in August and the post is advertised again.';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Presses Tab until `target` has focus (keyboard-only use). */
async function tabTo(page: Page, target: Locator, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with the Tab key');
}

async function openFromQueue(page: Page, reference: string) {
  await page.goto('/review');
  await h1(page, 'Review returns');
  await page
    .getByRole('table', { name: /Waiting for review/ })
    .getByRole('link', { name: new RegExp(reference) })
    .click();
  await h1(page, /2026\/27 Q2$/);
}

describe('an officer reviews returns', () => {
  it('sees the queue, a return beside its previous quarters and targets, returns it for changes and raises a query', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');

    await page.goto('/review');
    await h1(page, 'Review returns');
    const queue = page.getByRole('table', { name: /Waiting for review/ });
    await queue.waitFor();
    expect(await queue.getByRole('link', { name: new RegExp(TO_RETURN) }).count()).toBe(1);
    // The late return (a week after its due date) says so in words.
    expect(await queue.getByRole('row', { name: /OPCC-CSAE-2024-007/ }).textContent()).toMatch(/Late: \d+ days/);
    await expectAccessible(page);

    // Filtered to approved returns: the queue is not shown.
    await page.getByLabel('Status').selectOption('APPROVED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=APPROVED/);
    await page.getByRole('table', { name: 'Recently reviewed' }).waitFor();
    expect(await page.getByRole('table', { name: /Waiting for review/ }).count()).toBe(0);
    await expectAccessible(page);

    await openFromQueue(page, TO_RETURN);
    const url = new URL(page.url()).pathname;
    await expectAccessible(page);
    expect(await page.getByText('Submitted', { exact: true }).first().isVisible()).toBe(true);
    // Previous quarters (with their status) and the target beside this quarter.
    const referrals = page.getByRole('table', { name: /^Referrals and access: 2026\/27 Q2 beside the previous 4 quarters/ });
    for (const label of ['2025/26 Q3', '2025/26 Q4', '2026/27 Q1', 'Target']) {
      expect(await referrals.getByRole('columnheader', { name: new RegExp(label.replace('/', '\\/')) }).count(), label).toBe(1);
    }
    expect(await referrals.getByRole('rowheader', { name: 'Median days from referral to first session' }).count()).toBe(1);
    expect(await referrals.getByRole('row', { name: /Median days from referral to first session/ }).textContent()).toContain('20 days');
    const targets = page.getByRole('table', { name: 'Targets of this service for the financial year' });
    expect(await targets.getByRole('rowheader', { name: 'New service users' }).count()).toBe(1);
    expect(
      await page
        .getByRole('table', { name: /Versions of this return/ })
        .getByRole('row')
        .count()
    ).toBeGreaterThan(1);

    // A second tab, open before the decision: it will be stale.
    const stale = await context.newPage();
    await stale.goto(url);
    await h1(stale, /2026\/27 Q2$/);

    // Return for changes: the reason is required (typed by keyboard).
    const reason = page.getByLabel('Reason for returning it');
    await page.getByRole('button', { name: 'Return for changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter the reason for returning it for changes' }).count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Enter the reason for returning it for changes' }).click();
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Please add a comment on the fall in referrals accepted and the vacancy.');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('button', { name: 'Return for changes' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Return sent back to the provider for changes').waitFor();
    await h1(page, /2026\/27 Q2$/);
    expect(await page.getByText('Returned for changes', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText('Please add a comment on the fall in referrals accepted and the vacancy.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Approve return' }).count()).toBe(0);
    await expectAccessible(page);

    // The stale tab: its decision is refused, says why, and keeps what was typed.
    await stale.getByLabel('Reason for returning it').fill('A second opinion on the same return.');
    await stale.getByRole('button', { name: 'Return for changes' }).click();
    await stale.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await stale.getByRole('link', { name: /only a submitted return can be returned for changes/ }).count()).toBe(1);
    await stale.getByText('What you typed was not sent:').waitFor();
    expect(await stale.getByText('A second opinion on the same return.').isVisible()).toBe(true);
    expect(await stale.getByText('Returned for changes', { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(stale);
    await stale.close();

    // A query on one value.
    await page.getByRole('link', { name: 'Raise a query about Referrals accepted', exact: true }).click();
    await h1(page, 'Raise a query');
    expect(await page.getByText('Referrals accepted', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send query' }).click();
    await page.getByRole('link', { name: 'Enter your question' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Your question').fill(QUESTION);
    await page.getByRole('button', { name: 'Send query' }).click();
    await h1(page, 'Query about Referrals accepted');
    await page.getByText('Query sent').waitFor();
    expect(await page.getByText(QUESTION).isVisible()).toBe(true);
    expect(await page.getByText('Waiting for the provider', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);

    // The return lists it.
    await page.goto(url);
    await h1(page, /2026\/27 Q2$/);
    expect(
      await page.getByRole('table', { name: 'Queries on this return' }).getByRole('link', { name: 'Referrals accepted' }).count()
    ).toBe(1);
    await context.close();
  });

  it('the provider sees the query and replies; the officer sees the answer', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, KINFOLK_PROVIDER);
    await page.goto('/queries');
    await h1(page, 'Queries');
    const row = page.getByRole('row', { name: /Referrals accepted/ }).filter({ hasText: QUESTION.slice(0, 60) });
    await row.waitFor();
    // Nothing of another provider's queries (the demo has queries on Harbour Lights returns).
    expect(await page.getByText("Children and Young People's ISVA Service").count()).toBe(0);
    await expectAccessible(page);
    await row.getByRole('link', { name: 'Referrals accepted' }).click();
    await h1(page, 'Query about Referrals accepted');
    await expectAccessible(page);
    expect(await page.getByRole('button', { name: 'Mark as resolved' }).count()).toBe(0);

    // Reply by keyboard; an empty reply is refused first.
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('link', { name: 'Enter your reply' }).waitFor();
    await expectAccessible(page);
    await tabTo(page, page.getByLabel('Your reply'));
    await page.keyboard.type(REPLY);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Reply sent.').waitFor();
    expect(await page.getByText(REPLY).isVisible()).toBe(true);
    expect(await page.getByText('Answered', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();

    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    await officer.page.goto('/queries?status=ANSWERED');
    await h1(officer.page, 'Queries');
    await officer.page
      .getByRole('row', { name: /Referrals accepted/ })
      .filter({ hasText: REPLY.slice(0, 40) })
      .getByRole('link')
      .click();
    await h1(officer.page, 'Query about Referrals accepted');
    await officer.page.getByRole('button', { name: 'Mark as resolved' }).click();
    await officer.page.getByText('Query resolved.').waitFor();
    expect(await officer.page.getByText('Resolved', { exact: true }).first().isVisible()).toBe(true);
    expect(await officer.page.getByLabel('Your reply').count()).toBe(0);
    await expectAccessible(officer.page);
    await officer.context.close();
  });

  it('approves a submitted return, which is then read-only', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await openFromQueue(page, TO_APPROVE);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Approve return' }).click();
    await page.getByText('Return approved. It is now read-only.').waitFor();
    expect(await page.getByText('This return is approved: it is read-only.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Approve return' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Return for changes' }).count()).toBe(0);
    const versions = page.getByRole('table', { name: /Versions of this return/ });
    expect(await versions.getByRole('row', { name: /Approved/ }).count()).toBe(1);
    await expectAccessible(page);

    // Compare the approval with the submission before it: nothing changed.
    await versions
      .getByRole('row', { name: /Approved/ })
      .getByRole('link', { name: /Compare with previous version/ })
      .click();
    await page.getByRole('heading', { name: /compared with version/ }).waitFor();
    expect(await page.getByText(/^Nothing changed between version \d+ and version \d+\.$/).isVisible()).toBe(true);
    await expectAccessible(page);

    // The queue no longer lists it; it is among the recently reviewed.
    await page.goto('/review');
    await h1(page, 'Review returns');
    expect(
      await page
        .getByRole('table', { name: /Waiting for review/ })
        .getByRole('link', { name: new RegExp(TO_APPROVE) })
        .count()
    ).toBe(0);
    // The latest review first.
    const latest = page.getByRole('table', { name: 'Recently reviewed' }).getByRole('row').nth(1);
    expect(await latest.textContent()).toContain(TO_APPROVE);
    expect(await latest.textContent()).toContain('2026/27 Q2');
    await context.close();
  });

  it('shows a reopened return with what changed since approval', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto('/review?status=REOPENED');
    await h1(page, 'Review returns');
    await page
      .getByRole('table', { name: 'Recently reviewed' })
      .getByRole('link', { name: /OPCC-CSAE-2024-008/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Changed since approval' }).waitFor();
    const changes = page.getByRole('table', { name: /Changes since version \d+ was approved/ });
    expect(await changes.getByRole('rowheader', { name: /New service users by ethnicity.*\(White\)/ }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it('lets an admin allow edits after the lock date (with a reason and a future end date)', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto('/review?status=APPROVED');
    await h1(page, 'Review returns');
    await page
      .getByRole('table', { name: 'Recently reviewed' })
      .getByRole('row')
      .filter({ hasText: TO_RETURN })
      .filter({ hasText: '2026/27 Q1' })
      .getByRole('link')
      .click();
    await h1(page, /2026\/27 Q1$/);
    expect(await page.getByText('Locked', { exact: true }).isVisible()).toBe(true);

    // Reopening needs a reason (not reopened here).
    await page.getByRole('button', { name: 'Reopen return' }).click();
    await page.getByRole('link', { name: 'Enter the reason for reopening it' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Allow edits' }).click();
    await page.getByRole('link', { name: 'Enter the reason for the exception' }).waitFor();
    expect(await page.getByRole('link', { name: 'Enter the last day edits are allowed' }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Reason for allowing edits').fill('The provider found a counting error after the lock date.');
    await page.getByLabel('Last day edits are allowed').fill('2020-01-31');
    await page.getByRole('button', { name: 'Allow edits' }).click();
    await page.getByRole('link', { name: 'The last day edits are allowed must be today or in the future' }).waitFor();
    expect(await page.getByLabel('Reason for allowing edits').inputValue()).toBe(
      'The provider found a counting error after the lock date.'
    );
    await page.getByLabel('Last day edits are allowed').fill('2099-12-31');
    await page.getByRole('button', { name: 'Allow edits' }).click();
    await page.getByText('Edits after the lock date allowed.').waitFor();
    expect(await page.getByText(/The provider found a counting error after the lock date/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Allow edits' }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('keeps the review pages from providers', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, KINFOLK_PROVIDER);
    const response = await page.goto('/review');
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
