// The portfolio dashboards: headline, coverage, timeliness, contracts ending, initiatives. Figures worked out BY HAND
// from the fixture of tests/helpers/dashboard-factories.ts (its header lists every service and return), exact for an
// officer, controlled (CSA-SDC-1) for the Commissioner; bad filters; permissions; statements at 5 and 100 services.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { addDays, financialYearLabel, periodContaining, previousPeriod, todayInLondon } from '../../graphql/domain/periods';
import { ROUNDING_FOOTNOTE } from '../../graphql/domain/disclosure';
import { sixMonthsFrom } from '../../graphql/types/dashboard-portfolio';
import { defaultFinancialYear, NOT_CONTROLLED_NOTE, PROVISIONAL_NOTE } from '../../graphql/types/dashboard-filter';
import { codes, execute } from '../helpers/api';
import { addBulkServices, createDashboardFixture, type DashboardFixture } from '../helpers/dashboard-factories';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { countStatements } from '../helpers/statements';

const PEOPLE = 'value display suppressed rounded exportValue';
const PCT = 'value display hidden exportValue';
const ECHO = 'filter { financialYear quarter label areaCode priorityIssueCode providerId provisional provisionalNote controlled }';

const HEADLINE = `query ($filter: DashboardFilter) { dashboardHeadline(filter: $filter) {
  ${ECHO} activeServices annualInvestment childrenSupportedYearToDate { ${PEOPLE} } yearToDateLabel
  returnsExpected returnsReceived returnsOnTime returnsOnTimePercentage { ${PCT} } disclosure } }`;
const COVERAGE = `query ($filter: DashboardFilter) { dashboardCoverage(filter: $filter) {
  ${ECHO} totalInvestment gapCount disclosure
  issues { code title investment gap services { id reference title providerName investment } } } }`;
const TIMELINESS = `query ($filter: DashboardFilter) { dashboardTimeliness(filter: $filter) {
  ${ECHO} disclosure quarters { periodId quarter label dueDate dueDatePassed expected received onTime late approved notReceived
    receivedPercentage { ${PCT} } onTimePercentage { ${PCT} } approvedPercentage { ${PCT} } } } }`;
const ENDING = `query ($filter: DashboardFilter) { dashboardContractsEnding(filter: $filter) {
  ${ECHO} today until totalAnnualValue disclosure
  contracts { serviceId reference title status providerName endDate annualValue monthsLeft daysLeft } } }`;
const INITIATIVES = `query ($filter: DashboardFilter) { dashboardInitiatives(filter: $filter) {
  ${ECHO} disclosure initiatives { id name status funding newServiceUsers { ${PEOPLE} } sessionsDelivered
    services { serviceId reference title providerName funding newServiceUsers { ${PEOPLE} } sessionsDelivered } } } }`;

const exact = (n: number) => ({ value: n, display: n.toLocaleString('en-GB'), suppressed: false, rounded: false, exportValue: String(n) });
const rounded = (n: number) => ({ value: n, display: n.toLocaleString('en-GB'), suppressed: false, rounded: true, exportValue: String(n) });
const FEWER_THAN_8 = { value: null, display: 'fewer than 8', suppressed: true, rounded: false, exportValue: '[c]' };
const pct = (n: number) => ({ value: n, display: `${n}%`, hidden: false, exportValue: String(n) });

/** Whole calendar months from a to b (ISO dates), as PostgreSQL's age() counts them. */
function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

let fx: DashboardFixture;
let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;

beforeAll(async () => {
  fx = await createDashboardFixture();
  [officer, admin, commissioner] = await Promise.all([viewerFor('POLICY_OFFICER'), viewerFor('ADMIN'), viewerFor('COMMISSIONER')]);
});

async function ask(query: string, filter: Record<string, unknown> | null, viewer: Viewer | null) {
  const response = await execute(query, { filter }, { viewer });
  return response;
}

async function data(query: string, filter: Record<string, unknown> | null, viewer: Viewer) {
  const response = await ask(query, filter, viewer);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as any;
}

const Y = { financialYear: 2025 };
/** The quarter we are in today (never ended). */
const CURRENT = periodContaining(todayInLondon());

describe('dashboardHeadline', () => {
  it('answers exact figures for an officer (approved returns only)', async () => {
    const h = await data(HEADLINE, Y, officer);
    expect(h.filter).toEqual({
      financialYear: 2025, quarter: null, label: '2025/26', areaCode: null, priorityIssueCode: null, providerId: null,
      provisional: false, provisionalNote: null, controlled: false,
    });
    // Running in 2025/26 and in scope: A, B, C (D planned, E archived, F and G start in 2026/27).
    expect(h.activeServices).toBe(3);
    // A 100000.00 + 25000.50, B 60000.00, C 30000.00 (A's 2024/25 90000.00 is another year) = 215000.50.
    expect(h.annualInvestment).toBe('215000.50');
    // Approved NEW_USERS: A Q1 5 + A Q2 8 + B Q1 13 + B Q3 0 + C Q1 3 = 29 (A Q3 submitted, B Q2 returned, B Q4 in
    // progress, D and E out of scope).
    expect(h.childrenSupportedYearToDate).toEqual(exact(29));
    expect(h.yearToDateLabel).toBe('2025/26 Q1 to Q4');
    // Expected: Q1 A B C, Q2 A B C, Q3 A B, Q4 A B = 10. Received: Q1 3, Q2 A B (2), Q3 A B (2), Q4 0 = 7.
    // On time: A Q1 (23:30 BST on the due date), B Q1 (first submission before the due date), A Q3, B Q3 = 4.
    expect([h.returnsExpected, h.returnsReceived, h.returnsOnTime]).toEqual([10, 7, 4]);
    expect(h.returnsOnTimePercentage).toEqual(pct(40)); // 4 / 10
    expect(h.disclosure).toBeNull();
  });

  it('controls the count of children for the Commissioner, and says so', async () => {
    const h = await data(HEADLINE, Y, commissioner);
    expect(h.filter.controlled).toBe(true);
    expect(h.childrenSupportedYearToDate).toEqual(rounded(30)); // 29 -> nearest 5
    // Returns are not people: exact for the Commissioner too.
    expect(h.returnsOnTimePercentage).toEqual(pct(40));
    expect(h.annualInvestment).toBe('215000.50');
    expect(h.disclosure).toContain(ROUNDING_FOOTNOTE);
    expect(h.disclosure).toContain('rounded to the nearest 5');
    expect(h.disclosure).toContain(NOT_CONTROLLED_NOTE);
  });

  it('suppresses a small count for the Commissioner in words', async () => {
    // PI-ONLINE services of provider alpha in Q1: A only, 5 new users -> "fewer than 8".
    const h = await data(HEADLINE, { ...Y, quarter: 1, providerId: fx.providers.alpha.id, priorityIssueCode: 'pi-online' }, commissioner);
    expect(h.childrenSupportedYearToDate).toEqual(FEWER_THAN_8);
    expect(h.filter.priorityIssueCode).toBe('PI-ONLINE');
    expect(h.disclosure).toContain('"fewer than 8"');
    expect(h.disclosure).not.toContain(ROUNDING_FOOTNOTE);
    // The officer sees the 5.
    const o = await data(HEADLINE, { ...Y, quarter: 1, providerId: fx.providers.alpha.id, priorityIssueCode: 'PI-ONLINE' }, officer);
    expect(o.childrenSupportedYearToDate).toEqual(exact(5));
  });

  it('answers a quarter: year to date up to it, and its returns', async () => {
    const q1 = await data(HEADLINE, { ...Y, quarter: 1 }, officer);
    expect(q1.filter.label).toBe('2025/26 Q1');
    expect(q1.yearToDateLabel).toBe('2025/26 Q1');
    expect(q1.activeServices).toBe(3); // A, B, C run in Q1
    expect(q1.childrenSupportedYearToDate).toEqual(exact(21)); // 5 + 13 + 3
    expect([q1.returnsExpected, q1.returnsOnTime]).toEqual([3, 2]);
    expect(q1.returnsOnTimePercentage).toEqual(pct(67)); // 2/3 = 66.7 -> 67
    const q3 = await data(HEADLINE, { ...Y, quarter: 3 }, officer);
    expect(q3.activeServices).toBe(2); // C ended on 30 Sep 2025
    expect(q3.yearToDateLabel).toBe('2025/26 Q1 to Q3');
    expect(q3.childrenSupportedYearToDate).toEqual(exact(29)); // Q1-Q3 approved: 5 + 8 + 13 + 0 + 3
  });

  it('filters by provider and area (the Commissioner sees them controlled)', async () => {
    // Provider alpha in Q1: A 5 + C 3 = 8 -> 10 for the Commissioner.
    const alpha = await data(HEADLINE, { ...Y, quarter: 1, providerId: fx.providers.alpha.id }, commissioner);
    expect(alpha.childrenSupportedYearToDate).toEqual(rounded(10));
    expect(alpha.activeServices).toBe(2);
    expect(alpha.annualInvestment).toBe('155000.50'); // A 125000.50 + C 30000.00
    // areas[1]: B only, 13 -> 15.
    const area = await data(HEADLINE, { ...Y, areaCode: fx.areas.area1.code }, commissioner);
    expect(area.childrenSupportedYearToDate).toEqual(rounded(15));
    expect(area.annualInvestment).toBe('60000.00');
    expect(area.filter.areaCode).toBe(fx.areas.area1.code);
  });

  it('includes provisional figures for an officer who asks, behind a note', async () => {
    const h = await data(HEADLINE, { ...Y, includeProvisional: true }, officer);
    // 29 + A Q3 submitted 4 + B Q2 returned 2 = 35 (B Q4 in progress is never counted).
    expect(h.childrenSupportedYearToDate).toEqual(exact(35));
    expect(h.filter.provisional).toBe(true);
    expect(h.filter.provisionalNote).toBe(PROVISIONAL_NOTE);
    // includeProvisional false is simply the default, for anyone.
    const c = await data(HEADLINE, { ...Y, includeProvisional: false }, commissioner);
    expect(c.childrenSupportedYearToDate).toEqual(rounded(30));
  });
});

describe('dashboardCoverage', () => {
  it('lists all 8 priority issues with their services and investment, gaps marked', async () => {
    const c = await data(COVERAGE, Y, officer);
    expect(c.issues).toHaveLength(8);
    const byCode = Object.fromEntries(c.issues.map((i: any) => [i.code, i]));
    expect(byCode['PI-ONLINE'].services.map((s: any) => [s.id, s.providerName, s.investment])).toEqual([
      [fx.services.A.id, fx.providers.alpha.name, '125000.50'],
      [fx.services.B.id, fx.providers.beta.name, '60000.00'],
    ]);
    expect(byCode['PI-ONLINE'].services[0]).toMatchObject({ reference: fx.services.A.reference, title: fx.services.A.title });
    expect(byCode['PI-ONLINE']).toMatchObject({ investment: '185000.50', gap: false }); // 125000.50 + 60000.00
    expect(byCode['PI-TRAFFICKING'].services.map((s: any) => s.id)).toEqual([fx.services.B.id, fx.services.C.id]);
    expect(byCode['PI-TRAFFICKING']).toMatchObject({ investment: '90000.00', gap: false }); // 60000.00 + 30000.00
    // D (planned) and E (archived) do not fill PI-EDUCATION; F and G (PI-BUSINESS) do not run in 2025/26.
    for (const code of ['PI-EDUCATION', 'PI-BUSINESS', 'PI-TRANSITION', 'PI-THERAPEUTIC', 'PI-OUT-OF-SCHOOL', 'PI-SOCIAL-MEDIA']) {
      expect(byCode[code]).toMatchObject({ services: [], investment: '0.00', gap: true });
    }
    expect(c.gapCount).toBe(6);
    expect(c.totalInvestment).toBe('215000.50'); // each service once
    expect(c.disclosure).toBeNull();
    // In the briefing's order.
    expect(c.issues.map((i: any) => i.code)).toEqual(
      ['PI-TRANSITION', 'PI-THERAPEUTIC', 'PI-EDUCATION', 'PI-OUT-OF-SCHOOL', 'PI-BUSINESS', 'PI-SOCIAL-MEDIA', 'PI-TRAFFICKING', 'PI-ONLINE'],
    );
  });

  it('answers the one issue filtered, and a quarter counts the services running in it', async () => {
    const one = await data(COVERAGE, { ...Y, priorityIssueCode: 'PI-TRAFFICKING' }, commissioner);
    expect(one.issues.map((i: any) => i.code)).toEqual(['PI-TRAFFICKING']);
    expect(one.totalInvestment).toBe('90000.00');
    expect(one.disclosure).toBe(NOT_CONTROLLED_NOTE);
    const q3 = await data(COVERAGE, { ...Y, quarter: 3 }, officer);
    const trafficking = q3.issues.find((i: any) => i.code === 'PI-TRAFFICKING');
    expect(trafficking.services.map((s: any) => s.id)).toEqual([fx.services.B.id]); // C ended in Q2
    expect(trafficking.investment).toBe('60000.00');
  });
});

describe('dashboardTimeliness', () => {
  it('counts expected, received, on time and approved per quarter, exact for everyone', async () => {
    for (const viewer of [officer, commissioner]) {
      const t = await data(TIMELINESS, Y, viewer);
      const rows = t.quarters.map((q: any) => [q.label, q.expected, q.received, q.onTime, q.late, q.approved, q.notReceived]);
      expect(rows).toEqual([
        // Q1: A (approved, on the due date at 23:30 BST: on time), B (first submitted before the due date, resubmitted
        //     after it: on time), C (5 days late) -> received 3, on time 2, late 1, approved 3.
        ['2025/26 Q1', 3, 3, 2, 1, 3, 0],
        // Q2: A (00:30 BST the day after the due date: late, approved), B (3 days late, returned), C (none).
        ['2025/26 Q2', 3, 2, 0, 2, 1, 1],
        // Q3: A (submitted on the due date, not approved yet), B (approved, a day early); C has ended.
        ['2025/26 Q3', 2, 2, 2, 0, 1, 0],
        // Q4: A (none), B (in progress, never submitted).
        ['2025/26 Q4', 2, 0, 0, 0, 0, 2],
      ]);
      expect(t.quarters[0].periodId).toBe(fx.periods[0]!.id);
      expect(t.quarters[0].dueDate).toBe(fx.periods[0]!.dueDate.toISOString().slice(0, 10));
      expect(t.quarters.every((q: any) => q.dueDatePassed)).toBe(true);
      expect(t.quarters[0].onTimePercentage).toEqual(pct(67)); // 2/3
      expect(t.quarters[1].receivedPercentage).toEqual(pct(67)); // 2/3
      expect(t.quarters[1].approvedPercentage).toEqual(pct(33)); // 1/3
      expect(t.quarters[2].approvedPercentage).toEqual(pct(50)); // 1/2
      expect(t.quarters[3].receivedPercentage).toEqual(pct(0));
      expect(t.disclosure).toBe(viewer === commissioner ? NOT_CONTROLLED_NOTE : null);
    }
  });

  it('answers the one quarter filtered; provisional does not change what was received', async () => {
    const t = await data(TIMELINESS, { ...Y, quarter: 2, includeProvisional: true }, admin);
    expect(t.quarters.map((q: any) => [q.quarter, q.expected, q.received, q.onTime, q.approved])).toEqual([[2, 3, 2, 0, 1]]);
    const alpha = await data(TIMELINESS, { ...Y, providerId: fx.providers.alpha.id }, officer);
    // A in every quarter, C in Q1 and Q2.
    expect(alpha.quarters.map((q: any) => [q.expected, q.received, q.onTime])).toEqual([[2, 2, 1], [2, 1, 0], [1, 1, 1], [1, 0, 0]]);
  });
});

describe('dashboardContractsEnding', () => {
  it('lists the services ending in the next 6 months, soonest first', async () => {
    const e = await data(ENDING, Y, officer);
    expect(e.today).toBe(fx.today);
    // F ends in 20 days, B in 90. Not: D (planned, 60), E (archived, 30), G (200 days: after 6 months), A (730), C (ended).
    expect(e.contracts.map((c: any) => c.serviceId)).toEqual([fx.services.F.id, fx.services.B.id]);
    expect(e.contracts[0]).toEqual({
      serviceId: fx.services.F.id,
      reference: fx.services.F.reference,
      title: fx.services.F.title,
      status: 'ACTIVE',
      providerName: fx.providers.alpha.name,
      endDate: addDays(fx.today, 20),
      annualValue: '50000.00',
      monthsLeft: monthsBetween(fx.today, addDays(fx.today, 20)),
      daysLeft: 20,
    });
    expect(e.contracts[1]).toMatchObject({
      status: 'EXTENDED',
      providerName: fx.providers.beta.name,
      endDate: addDays(fx.today, 90),
      annualValue: '60000.00',
      monthsLeft: monthsBetween(fx.today, addDays(fx.today, 90)),
      daysLeft: 90,
    });
    expect(e.totalAnnualValue).toBe('110000.00'); // 50000.00 + 60000.00
    expect(e.until).toBe(sixMonthsFrom(fx.today));
    expect(sixMonthsFrom('2026-08-31')).toBe('2027-02-28');
    expect(sixMonthsFrom('2026-11-29')).toBe('2027-05-29');
  });

  it('applies the area, priority issue and provider (not the year)', async () => {
    const area = await data(ENDING, { financialYear: 2024, areaCode: fx.areas.area1.code }, commissioner);
    expect(area.contracts.map((c: any) => c.serviceId)).toEqual([fx.services.B.id]); // G ends after 6 months
    const business = await data(ENDING, { ...Y, priorityIssueCode: 'PI-BUSINESS' }, officer);
    expect(business.contracts.map((c: any) => c.serviceId)).toEqual([fx.services.F.id]);
    const beta = await data(ENDING, { ...Y, providerId: fx.providers.beta.id }, officer);
    expect(beta.contracts.map((c: any) => c.serviceId)).toEqual([fx.services.B.id]);
  });
});

describe('dashboardInitiatives', () => {
  const [I1, I2] = [() => fx.initiatives.I1, () => fx.initiatives.I2];

  it("answers each initiative's funded services, money and delivery, exact for an officer", async () => {
    const r = await data(INITIATIVES, Y, officer);
    expect(r.initiatives).toHaveLength(6); // every initiative of the reference data, funded or not
    const [first, second, ...rest] = r.initiatives;
    expect(first.id).toBe(I1().id);
    // I1 funds A 40000.00 (its 2024/25 1000.00 is another year) and B 20000.00 = 60000.00.
    expect(first.funding).toBe('60000.00');
    expect(first.services).toEqual([
      {
        serviceId: fx.services.A.id, reference: fx.services.A.reference, title: fx.services.A.title, providerName: fx.providers.alpha.name,
        // A approved: NEW_USERS 5 + 8 = 13; sessions Q1 (no total row) 20 + 4 = 24, Q2 10 -> 34.
        funding: '40000.00', newServiceUsers: exact(13), sessionsDelivered: 34,
      },
      {
        serviceId: fx.services.B.id, reference: fx.services.B.reference, title: fx.services.B.title, providerName: fx.providers.beta.name,
        // B approved: NEW_USERS 13 + 0 = 13; sessions Q1 30.
        funding: '20000.00', newServiceUsers: exact(13), sessionsDelivered: 30,
      },
    ]);
    expect(first.newServiceUsers).toEqual(exact(26));
    expect(first.sessionsDelivered).toBe(64);
    // I2 funds B 15000.00 (D is planned: out of scope).
    expect(second.id).toBe(I2().id);
    expect(second.funding).toBe('15000.00');
    expect(second.services.map((s: any) => [s.serviceId, s.funding, s.newServiceUsers.value, s.sessionsDelivered])).toEqual([
      [fx.services.B.id, '15000.00', 13, 30],
    ]);
    expect(second.newServiceUsers).toEqual(exact(13));
    for (const other of rest) expect(other).toMatchObject({ funding: '0.00', services: [], newServiceUsers: exact(0), sessionsDelivered: 0 });
    expect(r.disclosure).toBeNull();
  });

  it('controls the counts for the Commissioner: parts and totals each on their own', async () => {
    const r = await data(INITIATIVES, Y, commissioner);
    const first = r.initiatives[0];
    expect(first.services.map((s: any) => s.newServiceUsers)).toEqual([rounded(15), rounded(15)]); // 13, 13
    expect(first.newServiceUsers).toEqual(rounded(25)); // exact 26 -> 25, not 15 + 15
    expect(first.sessionsDelivered).toBe(64); // sessions are not people
    expect(first.funding).toBe('60000.00');
    expect(r.disclosure).toContain(ROUNDING_FOOTNOTE);
    // Q1 only: A 5 -> "fewer than 8", B 13 -> 15, total 18 -> 20.
    const q1 = await data(INITIATIVES, { ...Y, quarter: 1 }, commissioner);
    expect(q1.initiatives[0].services.map((s: any) => s.newServiceUsers)).toEqual([FEWER_THAN_8, rounded(15)]);
    expect(q1.initiatives[0].newServiceUsers).toEqual(rounded(20));
    expect(q1.initiatives[0].services.map((s: any) => s.sessionsDelivered)).toEqual([24, 30]);
    expect(q1.disclosure).toContain('"fewer than 8"');
    expect(q1.disclosure).toContain(ROUNDING_FOOTNOTE);
  });

  it('includes provisional returns for an officer who asks', async () => {
    const r = await data(INITIATIVES, { ...Y, includeProvisional: true }, officer);
    const first = r.initiatives[0];
    // A + Q3 submitted (4 new users, 6 sessions) = 17 and 40; B + Q2 returned (2, no sessions) = 15 and 30.
    expect(first.services.map((s: any) => [s.newServiceUsers.value, s.sessionsDelivered])).toEqual([[17, 40], [15, 30]]);
    expect(first.newServiceUsers).toEqual(exact(32));
    expect(first.sessionsDelivered).toBe(70);
  });
});

describe('bad filters', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown year', { financialYear: 2040 }, 'There is no financial year 2040/41 in the reporting calendar', 'financialYear'],
    ['an unknown priority issue', { ...Y, priorityIssueCode: 'PI-NOPE' }, 'PI-NOPE is not a priority issue', 'priorityIssueCode'],
    ['an unknown area', { ...Y, areaCode: 'NOWHERE' }, 'NOWHERE is not an area', 'areaCode'],
    ['an unknown provider', { ...Y, providerId: '00000000-0000-4000-8000-000000000000' }, 'There is no such provider: choose a provider from the list', 'providerId'],
    ['a provider id that is not one', { ...Y, providerId: 'abc' }, 'Choose a provider from the list', 'providerId'],
    ['quarter 5', { ...Y, quarter: 5 }, 'Choose a quarter from 1 to 4, or none for the whole year', 'quarter'],
    ['quarter 0', { ...Y, quarter: 0 }, 'Choose a quarter from 1 to 4, or none for the whole year', 'quarter'],
    // Relative to today: the quarter we are in has not ended, and no quarter of next financial year has.
    ['a quarter that has not ended', { financialYear: CURRENT.financialYear, quarter: CURRENT.quarter }, `${CURRENT.label} has not ended yet: its figures are not in`, 'quarter'],
    ['a year none of whose quarters has ended', { financialYear: CURRENT.financialYear + 1 }, `No quarter of ${financialYearLabel(CURRENT.financialYear + 1)} has ended yet: its figures are not in`, 'financialYear'],
    ['a year before the calendar', { financialYear: 1999 }, 'Enter a financial year from 2000/01', 'financialYear'],
  ];
  for (const [name, filter, message, field] of cases) {
    it(`refuses ${name} with a clear message`, async () => {
      for (const query of [HEADLINE, COVERAGE, TIMELINESS, ENDING, INITIATIVES]) {
        const response = await ask(query, filter, officer);
        expect(codes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0]!.message).toBe(message);
        expect(response.errors![0]!.extensions!.field).toBe(`filter.${field}`);
        expect(response.data).toBeNull();
      }
    });
  }

  it('refuses provisional figures to the Commissioner (FORBIDDEN, in words)', async () => {
    for (const query of [HEADLINE, COVERAGE, TIMELINESS, ENDING, INITIATIVES]) {
      const response = await ask(query, { ...Y, includeProvisional: true }, commissioner);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0]!.message).toBe(
        'Only policy officers and admins can include provisional figures: the Commissioner sees approved figures only.',
      );
    }
  });

  it('answers the financial year of the latest quarter that has ended when the filter is absent', async () => {
    const h = await data(HEADLINE, null, officer);
    expect(h.filter.financialYear).toBe(defaultFinancialYear(fx.today));
    expect(defaultFinancialYear('2026-06-30')).toBe(2025); // 2026/27 Q1 has not ended
    expect(defaultFinancialYear('2026-07-01')).toBe(2026);
    expect(defaultFinancialYear('2027-03-31')).toBe(2026);
    expect(h.filter.quarter).toBeNull();
    // "Year to date" of that year stops at the latest quarter that has ended (not Q4 of a year still running).
    const latestEnded = previousPeriod(CURRENT);
    const year = h.filter.financialYear;
    const lastQuarter = latestEnded.financialYear === year ? latestEnded.quarter : 4;
    expect(h.yearToDateLabel).toBe(lastQuarter === 1 ? `${financialYearLabel(year)} Q1` : `${financialYearLabel(year)} Q1 to Q${lastQuarter}`);
  });
});

describe('permissions', () => {
  it('lets OPCC staff in, and refuses providers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const provider = await createOrganisation();
    const providerUser = await createUser({ role: 'PROVIDER', organisationId: fx.providers.alpha.id });
    const providerViewer: Viewer = {
      userId: providerUser.id, label: providerUser.email, role: 'PROVIDER', organisationId: fx.providers.alpha.id,
      organisationKind: 'PROVIDER', via: 'session',
    };
    const other = await viewerFor('PROVIDER', provider.id);
    for (const query of [HEADLINE, COVERAGE, TIMELINESS, ENDING, INITIATIVES]) {
      for (const viewer of [officer, admin, commissioner]) expect((await ask(query, Y, viewer)).errors).toBeUndefined();
      // Even a filter on the provider's own organisation.
      for (const viewer of [providerViewer, other]) {
        const response = await ask(query, { ...Y, providerId: fx.providers.alpha.id }, viewer);
        expect(codes(response)).toEqual(['FORBIDDEN']);
        expect(response.data).toBeNull();
      }
      expect(codes(await ask(query, Y, null))).toEqual(['UNAUTHENTICATED']);
    }
  });
});

// Last: it adds many services (of its own provider, so the figures above are untouched whatever the order).
describe('statements', () => {
  it('sends the same number of SQL statements for 5 and for 100 services, for every dashboard', async () => {
    const provider = await createOrganisation();
    const bulkOfficer = await createUser({ role: 'POLICY_OFFICER' });
    await addBulkServices(5, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const filter = { financialYear: 2024, providerId: provider.id };
    const queries = { HEADLINE, COVERAGE, TIMELINESS, ENDING, INITIATIVES };
    const measure = async () => {
      const counts: Record<string, number> = {};
      const answers: Record<string, any> = {};
      for (const [name, query] of Object.entries(queries)) {
        const { statements, result } = await countStatements(() => ask(query, filter, commissioner));
        expect(result.errors).toBeUndefined();
        counts[name] = statements;
        answers[name] = Object.values(result.data!)[0];
      }
      return { counts, answers };
    };
    const five = await measure();
    await addBulkServices(95, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const hundred = await measure();
    expect(hundred.counts).toEqual(five.counts);
    for (const count of Object.values(five.counts)) expect(count).toBeLessThanOrEqual(4);
    // The figures did grow: the rows were there to be counted.
    expect([five.answers.HEADLINE.activeServices, hundred.answers.HEADLINE.activeServices]).toEqual([5, 100]);
    // 100 services x 4 quarters x 3 new users = 1200 -> 1,200 (a multiple of 5: rounded).
    expect(hundred.answers.HEADLINE.childrenSupportedYearToDate).toEqual(rounded(1200));
    expect(hundred.answers.HEADLINE.annualInvestment).toBe('100000.00');
    expect(hundred.answers.TIMELINESS.quarters.map((q: any) => q.onTime)).toEqual([100, 100, 100, 100]);
    expect(hundred.answers.ENDING.contracts).toHaveLength(100);
    expect(hundred.answers.INITIATIVES.initiatives[0].services).toHaveLength(100);
    expect(hundred.answers.COVERAGE.issues.find((i: any) => i.code === 'PI-ONLINE').services).toHaveLength(100);
  });
});
