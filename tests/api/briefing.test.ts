// The briefing pack: figures worked out BY HAND from the dashboards' fixture (tests/helpers/dashboard-factories.ts,
// its header lists every service and return) plus addBriefingFixture (risks, lead officers, contacts, outcomes,
// targets), exact for an officer and controlled (CSA-SDC-1) for the Commissioner; the same figures as the dashboards;
// decisions generated from the data ("None pending" when none); permissions; bad filters; statements at 5 and 100.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import {
  BRIEFING_PARTNERSHIP,
  BRIEFING_PEOPLE_TO_MEET,
  BRIEFING_POLICE,
  BRIEFING_PURPOSE,
  EXACT_FIGURES_NOTICE,
  trendStatement,
} from '../../graphql/domain/briefing';
import { ROUNDING_FOOTNOTE } from '../../graphql/domain/disclosure';
import { addDays } from '../../graphql/domain/periods';
import { NOT_CONTROLLED_NOTE } from '../../graphql/types/dashboard-filter';
import { HARM_TYPES, INITIATIVES, PARTNERSHIP_FORUMS, PRIORITY_ISSUES } from '../../seeds/reference';
import { codes, execute } from '../helpers/api';
import { addBriefingFixture, addBulkServices, createDashboardFixture, type DashboardFixture } from '../helpers/dashboard-factories';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { countStatements } from '../helpers/statements';

const PEOPLE = 'value display suppressed rounded exportValue';
const PCT = 'value display hidden exportValue';

const PACK = `query ($filter: DashboardFilter, $forCirculation: Boolean) { briefingPack(filter: $filter, forCirculation: $forCirculation) {
  filter { financialYear quarter label provisional controlled }
  title topic author { name role isViewer } preparedOn periodLabel purpose
  background { opening formsOfHarmIntroduction formsOfHarm paragraphs forums forumsSentence initiativesIntroduction initiatives }
  headline { activeServices annualInvestment childrenSupported { ${PEOPLE} } childrenSupportedPeriod returnsExpected returnsReceived
    returnsOnTime returnsOnTimePercentage { ${PCT} } summary }
  currentIssues { number code title description briefingText gap gapStatement serviceCount investment
    services { id reference title providerName investment }
    peopleSupported { ${PEOPLE} } peopleSupportedPeriod outcomeLabel outcomeAssessed { ${PEOPLE} } outcomeImproved { ${PEOPLE} }
    outcomeImprovedPercentage { ${PCT} } trend { periodLabel peopleSupported { ${PEOPLE} } } trendDirection trendStatement summary }
  decisionsNeeded { kind title reason serviceId serviceReference priorityIssueCode date }
  decisionsNeededSummary
  partnershipInvolvement { statement summary forums { code name services } }
  policeInvolvement { statement initiativesIntroduction initiatives { id name leadPartner status services } }
  peopleToMeet { standing summary people { kind name role organisationName reasons } }
  disclosure roundingFootnote exactFiguresNotice provenance } }`;

const HEADLINE = `query ($filter: DashboardFilter) { dashboardHeadline(filter: $filter) { childrenSupportedYearToDate { ${PEOPLE} } activeServices annualInvestment } }`;
const COVERAGE = `query ($filter: DashboardFilter) { dashboardCoverage(filter: $filter) { issues { code investment services { id reference title providerName investment } } } }`;
const OUTCOMES = `query ($filter: DashboardFilter) { dashboardOutcomes(filter: $filter) { domains { code selection { percentImproved { ${PCT} } } } } }`;

const exact = (n: number) => ({ value: n, display: n.toLocaleString('en-GB'), suppressed: false, rounded: false, exportValue: String(n) });
const rounded = (n: number) => ({ value: n, display: n.toLocaleString('en-GB'), suppressed: false, rounded: true, exportValue: String(n) });
const ZERO = { value: 0, display: '0', suppressed: false, rounded: false, exportValue: '0' };
const FEWER_THAN_8 = { value: null, display: 'fewer than 8', suppressed: true, rounded: false, exportValue: '[c]' };
const pct = (n: number) => ({ value: n, display: `${n}%`, hidden: false, exportValue: String(n) });

let fx: DashboardFixture;
let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;

beforeAll(async () => {
  fx = await createDashboardFixture();
  await addBriefingFixture(fx);
  [officer, admin, commissioner] = await Promise.all([viewerFor('POLICY_OFFICER'), viewerFor('ADMIN'), viewerFor('COMMISSIONER')]);
});

async function ask(filter: Record<string, unknown> | null, viewer: Viewer | null, forCirculation?: boolean) {
  return execute(PACK, { filter, forCirculation }, { viewer });
}

async function pack(filter: Record<string, unknown> | null, viewer: Viewer, forCirculation?: boolean) {
  const response = await ask(filter, viewer, forCirculation);
  expect(response.errors).toBeUndefined();
  return response.data!.briefingPack as any;
}

async function dashboard(query: string, filter: Record<string, unknown>, viewer: Viewer) {
  const response = await execute(query, { filter }, { viewer });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as any;
}

const Y = { financialYear: 2025 };
/** "5 March 2027". */
const longDateForTest = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const issueOf = (p: any, code: string) => p.currentIssues.find((i: any) => i.code === code);

describe('the document', () => {
  it('has the source briefing\'s parts, with reference data for the lists', async () => {
    const p = await pack(Y, officer);
    expect(p.title).toBe('Briefing for Police and Crime Commissioner');
    expect(p.topic).toBe('Child Sexual Abuse/Exploitation (CSA/E)');
    expect(p.purpose).toBe(BRIEFING_PURPOSE);
    expect(p.preparedOn).toBe(fx.today);
    expect(p.periodLabel).toBe('2025/26');
    // The officer asking is the author.
    const me = await getPrisma().user.findUniqueOrThrow({ where: { id: officer.userId! } });
    expect(p.author).toEqual({ name: me.name, role: 'Policy and Commissioning Officer', isViewer: true });
    // Background: the briefing's sentence around the contact-abuse harm type, then the 8 other forms of harm.
    expect(p.background.formsOfHarmIntroduction).toBe('As well as rape and other physical forms of sexual abuse, CSA/E can also be evident in:');
    expect(p.background.formsOfHarm).toEqual(HARM_TYPES.slice(1).map((h) => h.name));
    expect(p.background.initiatives).toEqual(INITIATIVES.map((i) => i.name));
    expect(p.background.forums).toEqual(PARTNERSHIP_FORUMS.map((f) => f.name));
    expect(p.background.paragraphs).toHaveLength(3);
    expect(p.partnershipInvolvement.statement).toBe(BRIEFING_PARTNERSHIP);
    expect(p.policeInvolvement.statement).toBe(BRIEFING_POLICE);
    expect(p.peopleToMeet.standing).toBe(BRIEFING_PEOPLE_TO_MEET);
    // The 8 priority issues in the briefing's order, with the reference data's words.
    expect(p.currentIssues.map((i: any) => [i.number, i.code, i.title, i.description, i.briefingText])).toEqual(
      PRIORITY_ISSUES.map((i, n) => [n + 1, i.code, i.title, i.description, i.briefingText]),
    );
    // Exact figures for an officer: said so, not for circulation.
    expect(p.filter.controlled).toBe(false);
    expect(p.disclosure).toBeNull();
    expect(p.roundingFootnote).toBeNull();
    expect(p.exactFiguresNotice).toBe(EXACT_FIGURES_NOTICE);
    expect(p.provenance).toBe('Figures about people come from approved returns only.');
  });
});

describe('current issues', () => {
  it('gives each issue its services, investment, people supported, outcomes and trend, exact for an officer', async () => {
    const p = await pack(Y, officer);
    const online = issueOf(p, 'PI-ONLINE');
    // A and B address PI-ONLINE; funding 2025/26: A 100000.00 + 25000.50, B 60000.00.
    expect(online.services.map((s: any) => [s.id, s.providerName, s.investment])).toEqual([
      [fx.services.A.id, fx.providers.alpha.name, '125000.50'],
      [fx.services.B.id, fx.providers.beta.name, '60000.00'],
    ]);
    expect(online.serviceCount).toBe(2);
    expect(online.investment).toBe('185000.50');
    expect(online.gap).toBe(false);
    expect(online.gapStatement).toBeNull();
    // Approved NEW_USERS: A Q1 5 + Q2 8, B Q1 13 + Q3 0 = 26.
    expect(online.peopleSupported).toEqual(exact(26));
    expect(online.peopleSupportedPeriod).toBe('2025/26');
    // Overall cope and recover, approved: A Q1 6/4, A Q2 8/5, B Q1 12/9 -> 26 assessed, 18 improved = 69%.
    expect(online.outcomeAssessed).toEqual(exact(26));
    expect(online.outcomeImproved).toEqual(exact(18));
    expect(online.outcomeImprovedPercentage).toEqual(pct(69));
    expect(online.outcomeLabel).toBe('overall, better able to cope and recover');
    // Trend: 2025/26 Q1 A 5 + B 13 = 18; Q2 A 8 (B returned); Q3 B 0 (A submitted); Q4 none.
    expect(online.trend.map((q: any) => [q.periodLabel, q.peopleSupported.value])).toEqual([
      ['2025/26 Q1', 18], ['2025/26 Q2', 8], ['2025/26 Q3', 0], ['2025/26 Q4', 0],
    ]);
    expect(online.trendDirection).toBe('LEVEL');
    expect(online.trendStatement).toBe('Level on the previous quarter: 2025/26 Q4 compared with 2025/26 Q3.');
    expect(online.summary).toBe(
      '2 services address this issue, with £185,000.50 of funding in 2025/26. 26 children and young people started ' +
        'support in 2025/26. Of those assessed, 69% improved (overall, better able to cope and recover).',
    );

    const trafficking = issueOf(p, 'PI-TRAFFICKING');
    // B and C; B 60000.00 + C 30000.00. People: B 13 + C 3 = 16. Outcomes: B 12/9 = 75%.
    expect(trafficking.services.map((s: any) => s.id)).toEqual([fx.services.B.id, fx.services.C.id]);
    expect(trafficking.investment).toBe('90000.00');
    expect(trafficking.peopleSupported).toEqual(exact(16));
    expect(trafficking.outcomeImprovedPercentage).toEqual(pct(75));
    expect(trafficking.trend.map((q: any) => q.peopleSupported.value)).toEqual([16, 0, 0, 0]);

    // No service in scope runs in 2025/26 for the other six: a gap, said in words.
    for (const code of ['PI-TRANSITION', 'PI-THERAPEUTIC', 'PI-EDUCATION', 'PI-OUT-OF-SCHOOL', 'PI-BUSINESS', 'PI-SOCIAL-MEDIA']) {
      const issue = issueOf(p, code);
      expect(issue, code).toMatchObject({ gap: true, gapStatement: 'No service addresses this issue', serviceCount: 0, investment: '0.00' });
      expect(issue.peopleSupported).toEqual(exact(0));
      expect(issue.outcomeImprovedPercentage).toEqual({ value: null, display: 'No one assessed', hidden: false, exportValue: '' });
      expect(issue.summary).toBe('No service addresses this issue in 2025/26. 0 children and young people started support in 2025/26.');
    }
  });

  it('controls every figure about people for the Commissioner, and says so in words', async () => {
    const p = await pack(Y, commissioner);
    expect(p.filter.controlled).toBe(true);
    const online = issueOf(p, 'PI-ONLINE');
    expect(online.peopleSupported).toEqual(rounded(25)); // 26
    expect(online.outcomeAssessed).toEqual(rounded(25)); // 26
    expect(online.outcomeImproved).toEqual(rounded(20)); // 18
    // From the rounded figures: 20 / 25 = 80% (the exact 69% is not shown).
    expect(online.outcomeImprovedPercentage).toEqual(pct(80));
    expect(online.trend.map((q: any) => q.peopleSupported)).toEqual([rounded(20), rounded(10), ZERO, ZERO]); // 18, 8, 0, 0
    expect(online.investment).toBe('185000.50'); // money is not controlled
    const trafficking = issueOf(p, 'PI-TRAFFICKING');
    expect(trafficking.peopleSupported).toEqual(rounded(15)); // 16
    // 9 of 12 improved: 3 outside the group -> hidden.
    expect(trafficking.outcomeImprovedPercentage).toEqual({
      value: null, display: 'Hidden: fewer than 8 people outside this group', hidden: true, exportValue: '[c]',
    });
    expect(trafficking.summary).toContain('is not shown: hidden: fewer than 8 people outside this group.');
    // The headline: 29 -> 30.
    expect(p.headline.childrenSupported).toEqual(rounded(30));
    expect(p.disclosure).toContain('rule CSA-SDC-1');
    expect(p.disclosure).toContain('rounded to the nearest 5');
    expect(p.disclosure).toContain(ROUNDING_FOOTNOTE);
    expect(p.disclosure).toContain('A percentage is hidden');
    expect(p.disclosure).toContain(NOT_CONTROLLED_NOTE);
    expect(p.roundingFootnote).toBe(ROUNDING_FOOTNOTE);
    expect(p.exactFiguresNotice).toBeNull();
    // The author of the Commissioner's pack is the lead policy officer: fx.officer leads A and B.
    expect(p.author).toEqual({ name: fx.officer.name, role: 'Policy and Commissioning Officer', isViewer: false });
  });

  it('shows a small number as "fewer than 8" to the Commissioner, and does not compare suppressed figures', async () => {
    // Provider alpha, 2025/26 Q2: the trend is the 4 quarters ended up to it (2024/25 Q3 to 2025/26 Q2).
    // PI-ONLINE is A only: 2024/25 nothing, Q1 5, Q2 8. PI-TRAFFICKING is C only: Q1 3, Q2 no return.
    const filter = { ...Y, quarter: 2, providerId: fx.providers.alpha.id };
    const c = await pack(filter, commissioner);
    const online = issueOf(c, 'PI-ONLINE');
    expect(online.peopleSupported).toEqual(rounded(10)); // Q2 only: 8
    expect(online.trend.map((q: any) => q.periodLabel)).toEqual(['2024/25 Q3', '2024/25 Q4', '2025/26 Q1', '2025/26 Q2']);
    expect(online.trend.map((q: any) => q.peopleSupported)).toEqual([ZERO, ZERO, FEWER_THAN_8, rounded(10)]);
    expect(online.trendDirection).toBeNull();
    expect(online.trendStatement).toBe('Not compared with the previous quarter: a figure is fewer than 8 (2025/26 Q1, 2025/26 Q2).');
    expect(c.disclosure).toContain('"fewer than 8"');
    const o = await pack(filter, officer);
    expect(issueOf(o, 'PI-ONLINE').trend.map((q: any) => q.peopleSupported.value)).toEqual([0, 0, 5, 8]);
    expect(issueOf(o, 'PI-ONLINE').trendDirection).toBe('UP');

    const q1 = await pack({ ...Y, quarter: 1, providerId: fx.providers.alpha.id }, commissioner);
    expect(issueOf(q1, 'PI-ONLINE').peopleSupported).toEqual(FEWER_THAN_8); // A Q1: 5
    expect(issueOf(q1, 'PI-TRAFFICKING').peopleSupported).toEqual(FEWER_THAN_8); // C Q1: 3
    expect(issueOf(q1, 'PI-ONLINE').summary).toContain('Fewer than 8 children and young people started support in 2025/26 Q1.');
    expect(q1.headline.childrenSupported).toEqual(rounded(10)); // A 5 + C 3 = 8
  });

  it('gives the same figures as the dashboards for the same filter', async () => {
    for (const viewer of [officer, commissioner]) {
      const p = await pack(Y, viewer);
      const headline = await dashboard(HEADLINE, Y, viewer);
      expect(p.headline.childrenSupported).toEqual(headline.childrenSupportedYearToDate);
      expect(p.headline.activeServices).toBe(headline.activeServices);
      expect(p.headline.annualInvestment).toBe(headline.annualInvestment);
      const cover = await dashboard(COVERAGE, Y, viewer);
      for (const issue of cover.issues) {
        const mine = issueOf(p, issue.code);
        expect(mine.services).toEqual(issue.services);
        expect(mine.investment).toBe(issue.investment);
      }
      for (const code of ['PI-ONLINE', 'PI-TRAFFICKING']) {
        const byIssue = { ...Y, priorityIssueCode: code };
        const h = await dashboard(HEADLINE, byIssue, viewer);
        expect(issueOf(p, code).peopleSupported, code).toEqual(h.childrenSupportedYearToDate);
        const outcomes = await dashboard(OUTCOMES, byIssue, viewer);
        const overall = outcomes.domains.find((d: any) => d.code === 'COPE_RECOVER');
        expect(issueOf(p, code).outcomeImprovedPercentage, code).toEqual(overall.selection.percentImproved);
      }
    }
  });

  it('answers only the priority issue filtered', async () => {
    const p = await pack({ ...Y, priorityIssueCode: 'PI-TRAFFICKING' }, officer);
    expect(p.currentIssues.map((i: any) => [i.number, i.code])).toEqual([[1, 'PI-TRAFFICKING']]);
    expect(issueOf(p, 'PI-TRAFFICKING').peopleSupported).toEqual(exact(16));
  });

  it('includes provisional returns for an officer who asks', async () => {
    const p = await pack({ ...Y, includeProvisional: true }, officer);
    // + A Q3 submitted (4 new users; outcomes 100/100) and B Q2 returned (2 new users).
    const online = issueOf(p, 'PI-ONLINE');
    expect(online.peopleSupported).toEqual(exact(32));
    expect([online.outcomeAssessed.value, online.outcomeImproved.value]).toEqual([126, 118]);
    expect(p.provenance).toContain('provisional');
    expect(p.filter.provisional).toBe(true);
  });
});

describe('decisions needed', () => {
  it('are generated from the data, each with its reason', async () => {
    const p = await pack(Y, officer);
    const { A, B, C, F } = fx.services;
    expect(p.decisionsNeeded.map((d: any) => [d.kind, d.serviceId ?? d.priorityIssueCode])).toEqual([
      // Contracts ending within 6 months, soonest first: F (20 days), B (90 days).
      ['CONTRACT_ENDING', F.id],
      ['CONTRACT_ENDING', B.id],
      // Priority issues with no service in 2025/26.
      ['NO_SERVICE', 'PI-TRANSITION'],
      ['NO_SERVICE', 'PI-THERAPEUTIC'],
      ['NO_SERVICE', 'PI-EDUCATION'],
      ['NO_SERVICE', 'PI-OUT-OF-SCHOOL'],
      ['NO_SERVICE', 'PI-BUSINESS'],
      ['NO_SERVICE', 'PI-SOCIAL-MEDIA'],
      // B is red and running (C is red but ended: not a decision; A is amber).
      ['RED_RISK', B.id],
      // A's improved target for the year is 10; it improved 4 + 5 = 9. B's 5 is met (9); the assessed target is ignored.
      ['OUTCOME_TARGET_MISSED', A.id],
      // Not received by the lock date: A Q4 (none), B Q4 (in progress), C Q2 (none).
      ['RETURN_OVERDUE', A.id],
      ['RETURN_OVERDUE', B.id],
      ['RETURN_OVERDUE', C.id],
    ]);
    expect(p.decisionsNeededSummary).toBe('13 decisions needed.');
    const [ending] = p.decisionsNeeded;
    expect(ending.title).toBe(`Decide whether to extend, re-commission or end ${F.reference}: ${F.title}`);
    expect(ending.reason).toBe(
      `The contract with ${fx.providers.alpha.name} ends on ${longDateForTest(addDays(fx.today, 20))} (in 20 days) and no ` +
        'extension has been decided. Annual value £50,000.00.',
    );
    expect(ending.date).toBe(addDays(fx.today, 20));
    const byKind = (kind: string) => p.decisionsNeeded.filter((d: any) => d.kind === kind);
    expect(byKind('NO_SERVICE')[0].reason).toBe('No service addresses the priority issue PI-TRANSITION in 2025/26.');
    expect(byKind('RED_RISK')[0].reason).toBe(`${fx.providers.beta.name}'s service is rated red: Two of three posts vacant.`);
    expect(byKind('OUTCOME_TARGET_MISSED')[0].reason).toBe(
      `In 2025/26, ${fx.providers.alpha.name} reported fewer improved outcomes than its targets ` +
        '(Overall, better able to cope and recover: 9 against a target of 10).',
    );
    const overdue = byKind('RETURN_OVERDUE');
    expect(overdue.map((d: any) => d.title)).toEqual([
      `Decide what to do about the missing 2025/26 Q4 return for ${A.reference}: ${A.title}`,
      `Decide what to do about the missing 2025/26 Q4 return for ${B.reference}: ${B.title}`,
      `Decide what to do about the missing 2025/26 Q2 return for ${C.reference}: ${C.title}`,
    ]);
    expect(overdue[2].date).toBe(fx.periods[1]!.locksOn.toISOString().slice(0, 10));
    expect(overdue[2].reason).toContain(`lock date (${longDateForTest(fx.periods[1]!.locksOn.toISOString().slice(0, 10))}) has passed`);
  });

  it('do not state a controlled count against a target for the Commissioner', async () => {
    const p = await pack({ ...Y, quarter: 1 }, commissioner);
    // Q1: B's Q1 improved target 20 against 9; A has no Q1 target.
    const missed = p.decisionsNeeded.filter((d: any) => d.kind === 'OUTCOME_TARGET_MISSED');
    expect(missed.map((d: any) => d.serviceId)).toEqual([fx.services.B.id]);
    expect(missed[0].reason).toBe(
      `In 2025/26 Q1, ${fx.providers.beta.name} reported fewer improved outcomes than its targets ` +
        '(Overall, better able to cope and recover: below a target of 20).',
    );
  });

  it('say "None pending" when nothing applies, as the source briefing does', async () => {
    // Provider alpha's PI-ONLINE work in Q1: A runs (no gap), ends in 2 years, is amber (not red), has no Q1 target,
    // and its Q1 return is approved.
    const p = await pack({ ...Y, quarter: 1, providerId: fx.providers.alpha.id, priorityIssueCode: 'PI-ONLINE' }, commissioner);
    expect(p.decisionsNeeded).toEqual([]);
    expect(p.decisionsNeededSummary).toBe('None pending');
  });
});

describe('partnership, police, people to meet', () => {
  it('counts the services working in each forum and linked to each initiative, and names the people to meet', async () => {
    const p = await pack(Y, officer);
    // Every fixture service reports to the first forum; A, B and C run in 2025/26.
    expect(p.partnershipInvolvement.forums).toEqual(
      PARTNERSHIP_FORUMS.map((f, i) => ({ code: f.code, name: f.name, services: i === 0 ? 3 : 0 })),
    );
    expect(p.partnershipInvolvement.summary).toBe('3 of the 3 commissioned services running in 2025/26 work in at least one of these forums.');
    // I1: A and B; I2: B (D is planned).
    expect(p.policeInvolvement.initiatives.map((i: any) => [i.name, i.leadPartner, i.services])).toEqual(
      INITIATIVES.map((i, n) => [i.name, 'Durham Constabulary', n === 0 ? 2 : n === 1 ? 1 : 0]),
    );
    // Services running now with red/amber risk or ending within 6 months: A (amber), B (red, ends in 90 days),
    // F (ends in 20 days). Lead officer of A and B: fx.officer; F has none. Primary contacts: Alex (alpha: A, F),
    // Bea (beta: B). The non-primary contact is not named.
    const { A, B, F } = fx.services;
    expect(p.peopleToMeet.people).toEqual([
      {
        kind: 'LEAD_OFFICER', name: fx.officer.name, role: 'Lead officer', organisationName: fx.officer.organisation.name,
        reasons: [
          `Leads ${A.reference}: ${A.title} (risk rated amber).`,
          `Leads ${B.reference}: ${B.title} (risk rated red; contract ends on ${longDateForTest(addDays(fx.today, 90))}).`,
        ],
      },
      {
        kind: 'PROVIDER_CONTACT', name: 'Alex Alpha', role: 'Director', organisationName: fx.providers.alpha.name,
        reasons: [
          `Primary contact for ${A.reference}: ${A.title} (risk rated amber).`,
          `Primary contact for ${F.reference}: ${F.title} (contract ends on ${longDateForTest(addDays(fx.today, 20))}).`,
        ],
      },
      {
        kind: 'PROVIDER_CONTACT', name: 'Bea Beta', role: 'Head of Services', organisationName: fx.providers.beta.name,
        reasons: [`Primary contact for ${B.reference}: ${B.title} (risk rated red; contract ends on ${longDateForTest(addDays(fx.today, 90))}).`],
      },
    ]);
  });
});

describe('versions and permissions', () => {
  it('gives an officer the Commissioner\'s controlled version for circulation, never the Commissioner exact figures', async () => {
    const circulation = await pack(Y, officer, true);
    const theirs = await pack(Y, commissioner);
    expect(circulation.filter.controlled).toBe(true);
    expect(circulation.currentIssues).toEqual(theirs.currentIssues);
    expect(circulation.headline).toEqual(theirs.headline);
    expect(circulation.disclosure).toBe(theirs.disclosure);
    expect(circulation.exactFiguresNotice).toBeNull();
    expect(circulation.author.isViewer).toBe(true); // still by the officer
    const stillControlled = await pack(Y, commissioner, false);
    expect(stillControlled.filter.controlled).toBe(true);
    expect(issueOf(stillControlled, 'PI-ONLINE').peopleSupported).toEqual(rounded(25));
  });

  it('lets OPCC staff in and refuses providers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    expect((await ask(Y, admin)).errors).toBeUndefined();
    const own = await createUser({ role: 'PROVIDER', organisationId: fx.providers.alpha.id });
    const providerViewer: Viewer = {
      userId: own.id, label: own.email, role: 'PROVIDER', organisationId: fx.providers.alpha.id, organisationKind: 'PROVIDER', via: 'session',
    };
    for (const viewer of [providerViewer, await viewerFor('PROVIDER', (await createOrganisation()).id)]) {
      const response = await ask({ ...Y, providerId: fx.providers.alpha.id }, viewer);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
    const anonymous = await ask(Y, null);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeNull();
  });

  it('refuses a bad filter with a clear message naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ financialYear: 2040 }, 'There is no financial year 2040/41 in the reporting calendar', 'filter.financialYear'],
      [{ ...Y, priorityIssueCode: 'PI-NOPE' }, 'PI-NOPE is not a priority issue', 'filter.priorityIssueCode'],
      [{ ...Y, quarter: 5 }, 'Choose a quarter from 1 to 4, or none for the whole year', 'filter.quarter'],
      [{ financialYear: 2028, quarter: 1 }, '2028/29 Q1 has not ended yet: its figures are not in', 'filter.quarter'],
    ];
    for (const [filter, message, field] of cases) {
      const response = await ask(filter, officer);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(message);
      expect(response.errors![0]!.extensions!.field).toBe(field);
      expect(response.data).toBeNull();
    }
    const provisional = await ask({ ...Y, includeProvisional: true }, commissioner);
    expect(codes(provisional)).toEqual(['FORBIDDEN']);
  });
});

describe('trend words', () => {
  it('compares the last two quarters from exact figures, only when neither is suppressed', () => {
    const point = (label: string, exact: number, suppressed = false) => ({ label, exact, suppressed });
    expect(trendStatement([point('Q1', 9), point('Q2', 12)])).toEqual({ direction: 'UP', statement: 'Up on the previous quarter: Q2 compared with Q1.' });
    expect(trendStatement([point('Q1', 12), point('Q2', 9)]).direction).toBe('DOWN');
    expect(trendStatement([point('Q1', 0), point('Q2', 0)]).direction).toBe('LEVEL');
    expect(trendStatement([point('Q1', 3, true), point('Q2', 12)]).direction).toBeNull();
    expect(trendStatement([point('Q1', 3)]).statement).toBe('Not compared: only one quarter has ended.');
  });
});

// Last: it adds many services (of its own provider, so the figures above are untouched whatever the order).
describe('statements', () => {
  it('sends the same number of SQL statements for 5 and for 100 services', async () => {
    const provider = await createOrganisation();
    const bulkOfficer = await createUser({ role: 'POLICY_OFFICER' });
    await addBulkServices(5, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const filter = { financialYear: 2024, providerId: provider.id };
    const measure = async () => {
      const { statements, result } = await countStatements(() => ask(filter, commissioner));
      expect(result.errors).toBeUndefined();
      return { statements, pack: result.data!.briefingPack as any };
    };
    const five = await measure();
    await addBulkServices(95, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const hundred = await measure();
    console.info(`[briefing] statements: ${five.statements} at 5 services, ${hundred.statements} at 100`);
    expect(hundred.statements).toBe(five.statements);
    expect(five.statements).toBeLessThanOrEqual(12);
    // The figures did grow: 100 services x 4 quarters x 3 new users = 1,200 on PI-ONLINE.
    expect(issueOf(five.pack, 'PI-ONLINE').serviceCount).toBe(5);
    expect(issueOf(hundred.pack, 'PI-ONLINE').serviceCount).toBe(100);
    expect(issueOf(hundred.pack, 'PI-ONLINE').peopleSupported).toEqual(rounded(1200));
    expect(issueOf(hundred.pack, 'PI-ONLINE').trend.map((q: any) => q.peopleSupported.value)).toEqual([300, 300, 300, 300]);
    expect(hundred.pack.partnershipInvolvement.summary).toContain('0 of the 100 commissioned services');
  });
});
