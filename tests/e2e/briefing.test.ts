// The briefing pack in real Chromium against the production build with the demo data: the Commissioner reaches it
// by keyboard from the navigation, reads the source briefing's headings in order, changes the year by keyboard, and
// renders the page to PDF as the browser's "Save as PDF" would (print media, A4); the PDF's text (pdfjs-dist) has
// the title, the headings in order, the 8 priority issues and a live figure, and none of the navigation, filter or
// buttons. An officer sees the exact figures marked "not for circulation" and switches to the version for
// circulation; a provider is refused. axe on every page.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
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

const TITLE = 'Briefing for Police and Crime Commissioner';
/** The source briefing's sections, in its order. */
const SECTIONS = [
  'Purpose of briefing',
  'Background',
  'Current issues',
  'Decisions needed',
  'Partnership involvement',
  'Police involvement',
  'People to meet',
];
/** The priority issues' codes, in the briefing's order (their titles may be edited by other journeys: read from the page). */
const ISSUE_CODES = ['PI-TRANSITION', 'PI-THERAPEUTIC', 'PI-EDUCATION', 'PI-OUT-OF-SCHOOL', 'PI-BUSINESS', 'PI-SOCIAL-MEDIA', 'PI-TRAFFICKING', 'PI-ONLINE'];

const h1 = (page: Page) => page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

/** Presses Tab until `target` has focus (keyboard-only journeys). */
async function tabTo(page: Page, target: Locator, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with the Tab key');
}

/** Each string's position in `text`, in order; -1 when missing. */
function positions(text: string, needles: string[]): number[] {
  return needles.map((needle) => text.indexOf(needle));
}

async function pdfText(buffer: Buffer): Promise<string> {
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  // Lines are separate items: one space between words, whatever the layout.
  return pages.join(' ').replace(/\s+/g, ' ');
}

describe('the Commissioner', () => {
  it('reaches the briefing pack by keyboard, reads it in the source order, and saves it as a clean PDF', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'commissioner@opcc.example');
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();

    // From the navigation, by keyboard.
    const link = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Briefing pack' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await h1(page);
    expect(new URL(page.url()).pathname).toBe('/briefing');
    expect(await page.title()).toBe('Briefing pack – Commissioning and Outcomes Portal');
    await expectAccessible(page);

    // A year with every quarter ended, by keyboard.
    await tabTo(page, page.getByLabel('Financial year'));
    await page.keyboard.type('2025');
    await tabTo(page, page.getByRole('button', { name: 'Apply' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/financialYear=2025/);
    await page.getByText('Briefing pack: 2025/26').waitFor();
    await h1(page);

    // The source's headings, in its order, then the 8 issues in theirs.
    const h2s = (await page.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());
    const shown = h2s.filter((text) => SECTIONS.includes(text));
    expect(shown).toEqual(SECTIONS);
    // Each issue's block is a section named by its heading "N. Title" (the title as the reference data has it now).
    const issueHeadings: string[] = [];
    for (const code of ISSUE_CODES) {
      issueHeadings.push((await page.locator(`#issue-${code}`).innerText()).trim());
    }
    expect(issueHeadings.map((heading) => heading.match(/^(\d)\. \S/)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const h3s = (await page.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
    expect(h3s.filter((text) => /^\d\. /.test(text))).toEqual(issueHeadings);
    await page.getByText('Topic').first().waitFor();
    await page.getByText('Child Sexual Abuse/Exploitation (CSA/E)').first().waitFor();
    // Controlled for the Commissioner, said in words; no exact-figures option.
    await page.getByText(/Figures are rounded and may not sum\./).first().waitFor();
    expect(await page.getByRole('link', { name: 'Show the version for circulation' }).count()).toBe(0);
    expect(await page.getByText('These figures are exact.').count()).toBe(0);

    // A live figure on the page: children and young people who started support in the year (controlled).
    const headline = page.getByRole('table', { name: /The portfolio at a glance, 2025\/26/ });
    const row = headline.getByRole('row', { name: /Children and young people who started support/ });
    const figure = (await row.getByRole('cell').last().innerText()).trim();
    expect(figure).toMatch(/^(\d[\d,]*|fewer than 8)$/);
    const services = (await headline.getByRole('row', { name: /Commissioned services running/ }).getByRole('cell').last().innerText()).trim();
    await expectAccessible(page);

    // The print button is a real button, reached and pressed by keyboard (window.print is recorded, not opened).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    const print = page.getByRole('button', { name: 'Print or save as PDF' });
    await tabTo(page, print);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // What "Save as PDF" gives: print media, A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await print.isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const text = await pdfText(pdf);

    expect(text).toContain(TITLE);
    expect(text).toContain('Topic');
    expect(text).toContain('Child Sexual Abuse/Exploitation (CSA/E)');
    const sectionAt = positions(text, SECTIONS);
    expect(sectionAt.every((at) => at >= 0), `sections in the PDF: ${JSON.stringify(sectionAt)}`).toBe(true);
    expect([...sectionAt].sort((a, b) => a - b)).toEqual(sectionAt);
    expect(sectionAt[0]!).toBeGreaterThan(text.indexOf(TITLE));
    for (const heading of issueHeadings) expect(text, heading).toContain(heading.replace(/^\d\. /, ''));
    const issueAt = positions(text, issueHeadings);
    expect(issueAt.every((at) => at > sectionAt[2]! && at < sectionAt[3]!)).toBe(true);
    // The live figure, in its row.
    expect(text).toMatch(new RegExp(`Children and young people who started support, 2025/26 Q1 to Q4 ${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(text).toContain(`Commissioned services running ${services}`);
    expect(text).toContain('Figures are rounded and may not sum.');
    // None of the page's chrome: navigation, filter, buttons, skip link, header, footer.
    for (const chrome of [
      'Skip to main content',
      'Sign out',
      'Dashboards',
      'Notifications',
      'Filter the figures',
      'Financial year',
      'Clear the filter',
      'Print or save as PDF',
      'Briefing pack: 2025/26',
      'Accessibility statement',
      'Commissioning and Outcomes Portal',
    ]) {
      expect(text, chrome).not.toContain(chrome);
    }
    expect(text).not.toMatch(/\bApply\b/);

    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });
});

describe('an officer', () => {
  it('sees exact figures marked not for circulation, and switches to the version for circulation', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer@opcc.example');
    await page.goto('/dashboards?financialYear=2025');
    await page.getByRole('heading', { level: 1, name: 'Portfolio headline' }).waitFor();
    // One click from the dashboards, keeping the filter.
    await page.getByRole('main').getByRole('link', { name: 'Briefing pack' }).click();
    await h1(page);
    expect(page.url()).toContain('financialYear=2025');
    await page.getByText('These figures are exact.').first().waitFor();
    await page.getByText('Verna Fee, Policy and Commissioning Officer').waitFor();
    await expectAccessible(page);

    const link = page.getByRole('link', { name: 'Show the version for circulation' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.waitForURL(/forCirculation=true/);
    await page.getByText('This is the version for circulation').waitFor();
    expect(await page.getByText('These figures are exact.').count()).toBe(0);
    await page.getByText(/Figures are rounded and may not sum\./).first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Show the exact figures' }).click();
    await page.getByText('These figures are exact.').first().waitFor();
    expect(page.url()).not.toContain('forCirculation');
    await context.close();
  });
});

describe('a provider', () => {
  it('may not see the briefing pack', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'provider@harbour-lights.example');
    const response = await page.goto('/briefing');
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
