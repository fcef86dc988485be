// The provider's quarterly return in real Chromium against the production build with the demo data. An admin
// commissions a new Harbour Lights service through the API, starts its 2026/27 Q2 return (the period has locked, so
// the admin grants an exception) and its Q1 return (for "last quarter"). The provider then finds the return on the
// task list, fills in Referrals by keyboard alone (a HARD check fails as they type and is fixed), explains a SOFT
// check with a comment, sees autosave survive a reload, is warned about a postcode in the narrative, checks the
// answers, declares and submits, and gets a reference. The officer returns it with a reason; the provider corrects
// it and submits again; the officer compares the versions and approves it; it is read-only. Every page visited passes axe. The service's reference is
// unique: other files share the database.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const id = randomBytes(3).toString('hex').toUpperCase();
const reference = `OPCC-E2E-P-${id}`;
const title = `Family Recovery Project ${id}`;
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The API as the signed-in user of `page` (the session cookie, with Yoga's CSRF header). */
async function api<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Presses Tab until the element with this id has focus (keyboard only). */
async function tabTo(page: Page, elementId: string) {
  for (let i = 0; i < 120; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === elementId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach #${elementId} with the Tab key`);
}

async function typeInto(page: Page, elementId: string, text: string) {
  await tabTo(page, elementId);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

type FormMeasure = {
  code: string;
  unit: string;
  totalMeasure: string | null;
  breakdown: { options: { code: string }[] } | null;
  secondaryBreakdown: { options: { code: string }[] } | null;
};

/** Every field of the given sections as saveReturnDraft values: 0, or a sentence for text. */
function zeros(sections: { code: string; measures: FormMeasure[] }[], codes: string[]) {
  const values: { measureCode: string; breakdownOption: string; value: string }[] = [];
  for (const section of sections.filter((s) => codes.includes(s.code))) {
    for (const m of section.measures) {
      const value = m.unit === 'TEXT' ? 'Nothing to report this quarter.' : '0';
      if (!m.totalMeasure) values.push({ measureCode: m.code, breakdownOption: '', value });
      for (const a of m.breakdown?.options ?? []) {
        const second = m.secondaryBreakdown?.options ?? [];
        if (second.length === 0) values.push({ measureCode: m.code, breakdownOption: a.code, value });
        for (const b of second) values.push({ measureCode: m.code, breakdownOption: `${a.code}|${b.code}`, value });
      }
    }
  }
  return values;
}

const FORM = `query ($id: ID!) { performanceReturn(id: $id) { id version form { sections { code measures {
  code unit totalMeasure breakdown { options { code } } secondaryBreakdown { options { code } } } } } } }`;
const SAVE = `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) { __typename
  ... on MutationSaveReturnDraftSuccess { data { version } } ... on Error { message } } }`;

async function saveAsProvider(page: Page, returnId: string, values: unknown[]) {
  const { performanceReturn } = await api(page, `query ($id: ID!) { performanceReturn(id: $id) { version } }`, { id: returnId });
  const { saveReturnDraft } = await api(page, SAVE, { input: { returnId, expectedVersion: performanceReturn.version, values } });
  expect(saveReturnDraft.__typename, JSON.stringify(saveReturnDraft)).toBe('MutationSaveReturnDraftSuccess');
}

/** As the admin: the service, its Q1 and Q2 2026/27 returns started, with lock exceptions (both periods have locked). */
async function commissionService(page: Page) {
  const { organisations } = await api(page, '{ organisations(kind: PROVIDER) { id name } }');
  const harbour = organisations.find((o: { name: string }) => o.name.startsWith('Harbour Lights'));
  const created = await api(
    page,
    `mutation ($input: CreateCommissionedServiceInput!) { createCommissionedService(input: $input) { __typename
      ... on MutationCreateCommissionedServiceSuccess { data { id } } ... on Error { message } } }`,
    {
      input: {
        reference,
        title,
        providerId: harbour.id,
        status: 'ACTIVE',
        startDate: '2026-04-01',
        endDate: '2028-03-31',
        annualValue: '60000',
        totalValue: '120000',
        priorityIssueCodes: ['PI-TRANSITION'],
        areaIds: [],
        harmTypeIds: [],
        forumIds: [],
        riskRating: 'GREEN',
      },
    },
  );
  const serviceId = created.createCommissionedService.data.id as string;
  const { reportingPeriods } = await api(page, '{ reportingPeriods(financialYear: 2026) { id label } }');
  const returns: Record<string, string> = {};
  for (const label of ['2026/27 Q1', '2026/27 Q2']) {
    const periodId = reportingPeriods.find((p: { label: string }) => p.label === label).id;
    const started = await api(
      page,
      `mutation ($input: StartReturnInput!) { startReturn(input: $input) { __typename ... on MutationStartReturnSuccess { data { id status } } ... on Error { message } } }`,
      { input: { serviceId, periodId } },
    );
    expect(started.startReturn.data.status).toBe('NOT_STARTED');
    returns[label] = started.startReturn.data.id;
    await api(page, `mutation ($input: GrantLockExceptionInput!) { grantLockException(input: $input) { __typename } }`, {
      input: {
        returnId: returns[label],
        reason: 'New service: returns collected late by agreement.',
        endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
    });
  }
  return { q1: returns['2026/27 Q1']!, q2: returns['2026/27 Q2']! };
}

describe('a quarterly return from first figure to approval', () => {
  it('task list, sections by keyboard, checks as you type, autosave, check answers, submission; returned with a reason, resubmitted, approved, read-only', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, 'admin@opcc.example');
    const { q1, q2 } = await commissionService(admin.page);
    await admin.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');

    // Last quarter's contacts and staffing (a draft is enough for "last quarter"), and the dull sections of this one.
    const { performanceReturn } = await api(page, FORM, { id: q2 });
    const sections = performanceReturn.form.sections;
    await saveAsProvider(page, q1, [
      { measureCode: 'ABOUT_CONTACT_NAME', value: 'Morgan Reed' },
      { measureCode: 'ABOUT_CONTACT_EMAIL', value: 'returns@harbour-lights.example' },
      ...zeros(sections, ['ABOUT']).filter((v) => !v.measureCode.startsWith('ABOUT_')),
    ]);

    // The task list: the new service's Q2 return, started by the admin but with no figures yet.
    await page.goto('/returns');
    await h1(page, 'Returns').waitFor();
    await expectAccessible(page);
    const q2Table = page.getByRole('table', { name: '2026/27 Q2 returns' });
    const row = q2Table.getByRole('row').filter({ hasText: title });
    expect(await row.getByText('Not started').count()).toBe(1);
    expect(await row.getByRole('cell', { name: '21 October 2026' }).count()).toBe(1);
    expect(await row.getByText(/Exception: changes allowed until/).count()).toBe(1);
    await row.getByRole('link', { name: `Continue to the 2026/27 Q2 return for ${title}` }).click();
    await h1(page, '2026/27 Q2 return').waitFor();
    await expectAccessible(page);
    expect(await page.getByText('You have completed 0 of 9 sections.').count()).toBe(1);

    await saveAsProvider(page, q2, [
      ...zeros(sections, ['SUPPORTED', 'ABUSE', 'SUPPORT', 'FINANCE', 'MOD-PI-TRANSITION', 'NARRATIVE']),
      // Outcomes: 10 cases closed, 9 with an outcome recorded (the provider will change it to 5).
      ...zeros(sections, ['OUTCOMES']).map((v) =>
        v.measureCode === 'CLOSED_TOTAL' && (v.breakdownOption === '' || v.breakdownOption === 'COMPLETED')
          ? { ...v, value: '10' }
          : v.measureCode === 'CLOSED_WITH_OUTCOME'
          ? { ...v, value: '9' }
          : v,
      ),
    ]);

    // About this return: filled in from last quarter, and said so.
    await page.goto(`/returns/${q2}/sections/about`);
    await h1(page, 'About this return').waitFor();
    expect(await page.getByText('These answers are filled in from your 2026/27 Q1 return.').count()).toBe(1);
    expect(await page.getByLabel('Contact for this return').inputValue()).toBe('Morgan Reed');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await h1(page, '2026/27 Q2 return').waitFor();

    // Referrals and access, by keyboard alone.
    await page.goto(`/returns/${q2}/sections/referrals`);
    await h1(page, 'Referrals and access').waitFor();
    await expectAccessible(page);
    const received: [string, string][] = [
      ['REF_RECEIVED', '10'],
      ['REF_RECEIVED--POLICE', '4'],
      ['REF_RECEIVED--CHILDRENS_SOCIAL_CARE', '0'],
      ['REF_RECEIVED--HEALTH', '0'],
      ['REF_RECEIVED--EDUCATION', '0'],
      ['REF_RECEIVED--VOLUNTARY_SECTOR', '0'],
      ['REF_RECEIVED--SELF_FAMILY', '0'],
      ['REF_RECEIVED--OTHER', '0'],
      ['REF_RECEIVED--NOT_KNOWN', '6'],
    ];
    const ids = await page.locator('input[id^="REF_RECEIVED--"]').evaluateAll((inputs) => inputs.map((input) => input.id));
    expect(ids.sort()).toEqual(
      received
        .map(([field]) => field)
        .filter((f) => f.includes('--'))
        .sort(),
    );
    for (const [field, value] of received) await typeInto(page, field, value);
    // More accepted than received: the HARD check shows as soon as it is typed.
    await typeInto(page, 'REF_ACCEPTED', '12');
    const hard = page.getByText('Referrals accepted cannot be more than referrals received.');
    await hard.first().waitFor();
    expect(await page.getByLabel('Referrals received: Police').inputValue()).toBe('4');
    await typeInto(page, 'REF_ACCEPTED', '8');
    await hard.first().waitFor({ state: 'detached' });
    for (const [field, value] of [
      ['REF_NOT_TAKEN_UP', '2'],
      ['REF_NOT_TAKEN_UP--DECLINED', '2'],
      ['REF_NOT_TAKEN_UP--NOT_ELIGIBLE', '0'],
      ['REF_NOT_TAKEN_UP--UNABLE_TO_CONTACT', '0'],
      ['REF_NOT_TAKEN_UP--OTHER', '0'],
      ['REF_NOT_TAKEN_UP--NOT_KNOWN', '0'],
      ['REF_CONTACTED_2WD', '7'],
      ['REF_WAITING_LIST', '3'],
      ['REF_MEDIAN_DAYS_TO_FIRST_SESSION', '12'],
      ['REF_LONGEST_DAYS_TO_FIRST_SESSION', '41'],
    ] as const) {
      await typeInto(page, field, value);
    }
    await expectAccessible(page);
    await page.keyboard.press('Enter'); // Save and continue
    await h1(page, '2026/27 Q2 return').waitFor();
    const referralsTask = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Referrals and access' }) });
    expect(await referralsTask.textContent()).toContain('Completed');

    // Cases closed and outcomes: a SOFT check explained with a comment; autosave survives a reload.
    await page.goto(`/returns/${q2}/sections/outcomes`);
    await h1(page, 'Cases closed and outcomes').waitFor();
    await page.getByLabel('Cases closed with an exit outcome recorded').fill('5');
    const soft = page.getByText('Fewer than 80% of closed cases have an exit outcome recorded');
    await soft.first().waitFor();
    expect(await page.getByText('Explain this in the comment.').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const comment = page.getByLabel('Comment (optional)').and(page.locator('#comment--CLOSED_WITH_OUTCOME'));
    const autosaved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('_data=') && r.request().postData()!.includes('Five young people'),
    );
    await comment.fill('Five young people moved away before their exit review could take place.');
    await page.getByText('You have explained this in the comment.').waitFor();
    expect(((await (await autosaved).json()) as { outcome: string }).outcome).toBe('saved');
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();
    await page.reload();
    await h1(page, 'Cases closed and outcomes').waitFor();
    expect(await page.getByLabel('Cases closed with an exit outcome recorded').inputValue()).toBe('5');
    expect(await page.locator('#comment--CLOSED_WITH_OUTCOME').inputValue()).toBe(
      'Five young people moved away before their exit review could take place.',
    );
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await h1(page, '2026/27 Q2 return').waitFor();

    // Narrative: a postcode is flagged, naming the words that triggered it.
    await page.goto(`/returns/${q2}/sections/narrative`);
    await h1(page, 'Narrative').waitFor();
    const narrativeSaved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('_data=') && r.request().postData()!.includes('DH1 3LE'),
    );
    await page.getByLabel('Achievements this quarter').fill('We opened a drop-in at the family hub near DH1 3LE and saw 4 new families.');
    await page.getByText('This looks like a postcode: "DH1 3LE"').waitFor();
    await expectAccessible(page);
    await narrativeSaved;
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at/ })
      .waitFor();

    // A bad figure saved with the button: the error summary, the message beside the field, what was typed kept.
    await page.goto(`/returns/${q2}/sections/support`);
    await h1(page, 'Support delivered').waitFor();
    const court = page.getByLabel('Children and young people supported through court', { exact: true });
    await court.fill('-1');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Children and young people supported through court cannot be negative');
    expect(await court.inputValue()).toBe('-1');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await court.fill('1');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();

    // The same without JavaScript: plain form POSTs. (axe needs JavaScript: the same page was scanned just above.)
    const plain = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await signIn(noJs, 'provider@harbour-lights.example');
    await noJs.goto(`/returns/${q2}/sections/support`);
    await h1(noJs, 'Support delivered').waitFor();
    const courtNoJs = noJs.getByLabel('Children and young people supported through court', { exact: true });
    expect(await courtNoJs.inputValue()).toBe('1');
    await courtNoJs.fill('-1');
    await noJs.getByRole('button', { name: 'Save as draft' }).click();
    await noJs.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await noJs.getByRole('alert').textContent()).toContain('Children and young people supported through court cannot be negative');
    expect(await courtNoJs.inputValue()).toBe('-1');
    await courtNoJs.fill('2');
    await noJs.getByRole('button', { name: 'Save as draft' }).click();
    await noJs
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();
    expect(await courtNoJs.inputValue()).toBe('2');
    await plain.close();

    // Check your answers: the warning again; put it right through the Change link.
    await page.goto(`/returns/${q2}`);
    await h1(page, '2026/27 Q2 return').waitFor();
    await page.getByRole('link', { name: 'Check answers and submit' }).click();
    await h1(page, 'Check your answers before submitting your return').waitFor();
    await expectAccessible(page);
    expect(await page.getByText('This looks like a postcode: "DH1 3LE"').count()).toBe(1);
    expect(await page.getByText('Explained in the comment.').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Change achievements this quarter' }).click();
    await h1(page, 'Narrative').waitFor();
    await page.getByLabel('Achievements this quarter').fill('We opened a drop-in at a family hub in Durham and saw 4 new families.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await h1(page, '2026/27 Q2 return').waitFor();
    await page.getByRole('link', { name: 'Check answers and submit' }).click();
    await h1(page, 'Check your answers before submitting your return').waitFor();
    expect(await page.getByText('This looks like a postcode').count()).toBe(0);

    // The declaration: both parts are needed.
    await page.getByRole('button', { name: 'Submit return' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter your full name');
    expect(await summary.textContent()).toContain('Confirm that the information in the return is complete and accurate');
    await expectAccessible(page);
    await page.getByLabel('Your full name').fill('Hannah Lightfoot');
    await page.getByLabel('I confirm that the information in this return is complete and accurate to the best of my knowledge').check();
    await page.getByRole('button', { name: 'Submit return' }).click();

    await h1(page, 'Return submitted').waitFor();
    await expectAccessible(page);
    expect(await page.getByText(`${reference}-2627Q2-V1`).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'What happens next' }).count()).toBe(1);

    // Back on the task list it is submitted, and the return is read-only.
    await page.getByRole('link', { name: 'Back to all returns' }).click();
    await h1(page, 'Returns').waitFor();
    const submitted = page.getByRole('table', { name: '2026/27 Q2 returns' }).getByRole('row').filter({ hasText: title });
    expect(await submitted.getByText('Submitted').count()).toBe(1);
    await page.goto(`/returns/${q2}/sections/referrals`);
    await h1(page, 'Referrals and access').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByText('The return has been submitted').count()).toBe(1);
    await expectAccessible(page);

    // The officer sends it back with a reason.
    const officer = await newPage(browser);
    await signIn(officer.page, 'officer@opcc.example');
    await officer.page.goto(`/review/${q2}`);
    await h1(officer.page, new RegExp(`${title}: 2026/27 Q2$`)).waitFor();
    await expectAccessible(officer.page);
    const why = 'The waiting list looks low for a new service: please check it against your case system.';
    await officer.page.getByLabel('Reason for returning it').fill(why);
    await officer.page.getByRole('button', { name: 'Return for changes' }).click();
    await officer.page.getByText('Return sent back to the provider for changes').waitFor();

    // The provider reads the reason, corrects the figure and submits again.
    await page.goto(`/returns/${q2}`);
    await h1(page, '2026/27 Q2 return').waitFor();
    expect(await page.getByText(why).count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`/returns/${q2}/sections/referrals`);
    await h1(page, 'Referrals and access').waitFor();
    await typeInto(page, 'REF_WAITING_LIST', '5');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await h1(page, '2026/27 Q2 return').waitFor();
    await page.getByRole('link', { name: 'Check answers and submit' }).click();
    await h1(page, 'Check your answers before submitting your return').waitFor();
    await page.getByLabel('Your full name').fill('Hannah Lightfoot');
    await page.getByLabel('I confirm that the information in this return is complete and accurate to the best of my knowledge').check();
    await page.getByRole('button', { name: 'Submit return' }).click();
    await h1(page, 'Return submitted').waitFor();
    expect(await page.getByText(`${reference}-2627Q2-V2`).count()).toBe(1);

    // The officer sees what changed since the first submission, and approves it.
    await officer.page.goto(`/review/${q2}`);
    await h1(officer.page, new RegExp(`${title}: 2026/27 Q2$`)).waitFor();
    const versions = officer.page.getByRole('table', { name: /Versions of this return/ });
    await versions.getByRole('row').filter({ hasText: 'Version 2' }).getByRole('link', { name: /Compare with previous version/ }).click();
    const changes = officer.page.getByRole('table', { name: 'Changes from version 1 to version 2' });
    const waiting = changes.getByRole('row').filter({ hasText: 'Waiting list at quarter end' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(/3.*5/);
    await expectAccessible(officer.page);
    await officer.page.goto(`/review/${q2}`);
    await officer.page.getByRole('button', { name: 'Approve return' }).click();
    await officer.page.getByText('Return approved. It is now read-only.').waitFor();
    await expectAccessible(officer.page);
    await officer.context.close();

    // Approved: read-only for the provider.
    await page.goto('/returns');
    const approved = page.getByRole('table', { name: '2026/27 Q2 returns' }).getByRole('row').filter({ hasText: title });
    expect(await approved.getByText('Approved').count()).toBe(1);
    await page.goto(`/returns/${q2}/sections/referrals`);
    await h1(page, 'Referrals and access').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  }, 300_000);
});
