// Targets, CSV upload of a return, notifications and the e-mail outbox in real Chromium against the production
// build with the demo data. Every page visited passes axe.
// - An officer sets a target (a bad value first: error beside the box, the value kept), and sees it saved.
// - A provider (North Dales NHS, not Harbour Lights: other files use that one) downloads the CSV template of its
//   own 2026/27 Q3 return (made through the API here if it is not there yet), uploads a file with a bad row (a report
//   of the problem by row and column, nothing saved), then a good one ("4 values imported").
// - Notifications (Weardale's provider: an unread overdue reminder) and the outbox (admin; others are refused).
import { readFile } from 'node:fs/promises';
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

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const HEADER = 'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment';

/** Runs a GraphQL operation as the signed-in user of the page (cookie + the CSRF header). */
async function api<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

describe('targets', () => {
  it('an officer sets a target, sees a bad value refused beside its box, then sees it saved', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/services?q=OPCC-CSAE-2024-004');
    await page.getByRole('link', { name: 'OPCC-CSAE-2024-004', exact: true }).click();
    await h1(page, 'Harmful Sexual Behaviour Early Help').waitFor();
    await page.getByRole('link', { name: 'Targets: see and set them' }).click();
    await h1(page, /^Targets for \d{4}\/\d{2}$/).waitFor();
    await expectAccessible(page);

    // A year no other journey looks at.
    await page.getByLabel('Financial year', { exact: true }).selectOption('2027');
    await page.getByRole('button', { name: 'Show targets' }).click();
    await h1(page, 'Targets for 2027/28').waitFor();

    const box = page.getByLabel('Referrals accepted: Q3 target', { exact: true });
    const annual = page.getByLabel('Referrals accepted: annual target', { exact: true });
    const target = String(100 + Math.floor(Math.random() * 800));
    await annual.fill(String(Number(target) * 4));
    await box.fill('-5');
    await page.getByRole('button', { name: 'Save targets' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The Q3 target for referrals accepted cannot be negative');
    expect(await box.inputValue()).toBe('-5');
    expect(await annual.inputValue()).toBe(String(Number(target) * 4));
    await expectAccessible(page);

    await box.fill(target);
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page.getByText('Targets for 2027/28 saved').waitFor();
    expect(await page.getByLabel('Referrals accepted: Q3 target', { exact: true }).inputValue()).toBe(target);
    await expectAccessible(page);
    await context.close();
  });

  it('the Commissioner reads targets without boxes to change them', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.goto('/services?q=OPCC-CSAE-2024-004');
    await page.getByRole('link', { name: 'OPCC-CSAE-2024-004', exact: true }).click();
    await page.getByRole('link', { name: 'Targets', exact: true }).click();
    await h1(page, /^Targets for/).waitFor();
    expect(await page.getByRole('button', { name: 'Save targets' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});

describe('a return as a CSV file', () => {
  it('a provider downloads the template, uploads a file with a bad row (nothing saved), then a good one', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@north-dales-nhs.example');
    await page.waitForURL((url) => url.pathname !== '/sign-in');

    // The provider's own 2026/27 Q3 return for its service: made through the API unless it is there already.
    const { services, reportingPeriods } = await api(
      page,
      `{ services(filter: { search: "OPCC-CSAE-2024-004" }) { nodes { id reference } } reportingPeriods(financialYear: 2026) { id label } }`,
    );
    const serviceId = services.nodes[0].id as string;
    const periodId = reportingPeriods.find((p: { label: string }) => p.label === '2026/27 Q3').id as string;
    const existing = await api(page, `query ($s: ID, $p: ID) { returns(filter: { serviceId: $s, periodId: $p }) { id } }`, { s: serviceId, p: periodId });
    let returnId: string = existing.returns[0]?.id;
    if (!returnId) {
      const started = await api(
        page,
        `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) { __typename ... on MutationSaveReturnDraftSuccess { data { id } } ... on Error { message } } }`,
        { input: { serviceId, periodId, values: [] } },
      );
      expect(started.saveReturnDraft.__typename, JSON.stringify(started)).toBe('MutationSaveReturnDraftSuccess');
      returnId = started.saveReturnDraft.data.id;
    }

    await page.goto(`/returns/${returnId}/upload`);
    await h1(page, 'Upload a CSV file for 2026/27 Q3').waitFor();
    await expectAccessible(page);

    // The template: a row per figure, with the service reference and period in the file name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the CSV template/ }).click()]);
    expect(download.suggestedFilename()).toBe('OPCC-CSAE-2024-004-2026-27-Q3.csv');
    const template = await readFile((await download.path())!, 'utf8');
    expect(template.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(template).toContain('REF_RECEIVED,"Referrals received, by source",POLICE,Police,');
    expect(template).toContain('THR_'); // the PI-THERAPEUTIC module of this service

    const upload = async (name: string, csv: string) => {
      await page.getByLabel('Upload a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
      await page.getByRole('button', { name: 'Upload and import' }).click();
    };
    const good = [
      HEADER,
      'REF_RECEIVED,,,,12,,',
      'REF_RECEIVED,,POLICE,,5,,',
      'REF_RECEIVED,,NOT_KNOWN,,7,,',
      'REF_ACCEPTED,,,,10,,"Two families declined, one moved away"',
    ];

    // A bad row among good ones: a report of the problem, nothing saved.
    await upload('bad.csv', [...good, 'REF_WAITING_LIST,,,,-4,,'].join('\r\n'));
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('1 problem in the file: nothing was saved.');
    const report = page.getByRole('table', { name: /Problems in the file/ });
    await report.waitFor();
    const cells = await report.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells).toEqual(['6', 'value', 'Row 6: Waiting list at quarter end cannot be negative']);
    await expectAccessible(page);
    const after = await api(page, `query ($id: ID!) { performanceReturn(id: $id) { values { measureCode breakdownOption value } } }`, { id: returnId });
    expect(after.performanceReturn.values.find((v: { measureCode: string }) => v.measureCode === 'REF_ACCEPTED')?.value ?? null).not.toBe('10');

    // A good file: imported.
    await upload('good.csv', good.join('\r\n'));
    await page.getByText('4 values imported').waitFor();
    expect(await page.getByRole('link', { name: 'Go back to the return' }).getAttribute('href')).toBe(`/returns/${returnId}`);
    await expectAccessible(page);
    const saved = await api(page, `query ($id: ID!) { performanceReturn(id: $id) { status values { measureCode breakdownOption value comment } } }`, { id: returnId });
    expect(saved.performanceReturn.status).toBe('IN_PROGRESS');
    expect(saved.performanceReturn.values).toEqual(
      expect.arrayContaining([
        { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '10', comment: 'Two families declined, one moved away' },
        { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '5', comment: null },
      ]),
    );
    await context.close();
  });
});

describe('notifications and the outbox', () => {
  it('a provider sees its notifications, unread in words, with a link to the return, and marks them all as read', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@weardale-youth-safeguarding.example');
    await page.goto('/notifications');
    await h1(page, 'Notifications').waitFor();
    await expectAccessible(page);
    const overdue = page.getByRole('row').filter({ hasText: 'Your 2026/27 Q2 return for Safe Clubs is overdue' });
    await overdue.waitFor();
    expect(await overdue.getByRole('link', { name: /View the return/ }).getAttribute('href')).toMatch(/^\/returns\/[0-9a-f-]{36}$/);
    if ((await page.getByRole('button', { name: 'Mark all as read' }).count()) > 0) {
      expect(await overdue.textContent()).toContain('Unread');
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByText(/notifications? marked as read/).waitFor();
      await expectAccessible(page);
    }
    expect(await page.getByRole('row').filter({ hasText: 'Your 2026/27 Q2 return for Safe Clubs is overdue' }).textContent()).toContain('Read');
    await page.getByText('You have no unread notifications.').waitFor();
    await context.close();
  });

  it('an administrator reads the e-mail outbox; anyone else gets the forbidden page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@opcc.example');
    await page.goto('/outbox');
    await h1(page, 'E-mail outbox').waitFor();
    // The demo's e-mails: one the mail server refused, with its error, and the newest still waiting.
    const refused = page.getByRole('row').filter({ hasText: 'Your query on the Beyond 18 return has been answered' });
    expect(await refused.textContent()).toContain('550 5.1.1 Mailbox unavailable');
    expect(await refused.textContent()).toContain('Not sent');
    await expectAccessible(page);
    await context.close();

    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    const response = await officer.page.goto('/outbox');
    expect(response?.status()).toBe(403);
    await h1(officer.page, 'You do not have permission to view this page').waitFor();
    await expectAccessible(officer.page);
    await officer.context.close();
  });
});
