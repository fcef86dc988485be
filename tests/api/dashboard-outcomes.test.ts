// Dashboards: outcomes by domain, reach, value for money. A fixture of known returns whose figures are worked out
// BY HAND below (the arithmetic is in the comments): exact for an officer, under disclosure control CSA-SDC-1 for the
// Commissioner; provisional returns left out by default; permissions; statements bounded at 5 and 100 services.
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type ReturnStatus } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { period } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';
import { addBulkOutcomeValues, addBulkServices, createDashboardReturn } from '../helpers/dashboard-factories';
import { toIsoDate } from '../../graphql/domain/periods';

const YEAR = 2025; // 2025/26: every quarter has ended

const PEOPLE = 'value display suppressed rounded exportValue';
const PERCENT = 'value display hidden exportValue';
const FILTER_ECHO = 'filter { financialYear quarter label provisional provisionalNote controlled }';

const OUTCOMES = `query ($filter: DashboardFilter) { dashboardOutcomes(filter: $filter) {
  ${FILTER_ECHO} disclosure targetsNote
  domains { code label assessedMeasureCode improvedMeasureCode
    quarters { label financialYear quarter selected returns assessed { ${PEOPLE} } improved { ${PEOPLE} } percentImproved { ${PERCENT} }
      target { assessed improved percentImproved assessedServices improvedServices } }
    selection { label financialYear quarter selected returns assessed { ${PEOPLE} } improved { ${PEOPLE} } percentImproved { ${PERCENT} }
      target { assessed improved percentImproved assessedServices improvedServices } } }
} }`;

const TABLE = `characteristic title measureCode rows { code label count { ${PEOPLE} } } total { ${PEOPLE} } footnote disclosure`;
const REACH = `query ($filter: DashboardFilter) { dashboardReach(filter: $filter) {
  ${FILTER_ECHO} disclosure byAge { ${TABLE} } byGender { ${TABLE} } byEthnicity { ${TABLE} }
} }`;

const ROW = `serviceId reference title providerName returns spend funding costBasis costAmount
  childrenSupported { ${PEOPLE} } improvedOutcomes { ${PEOPLE} }
  costPerChild { ${PERCENT} } costPerImprovedOutcome { ${PERCENT} }`;
const VFM = `query ($filter: DashboardFilter) { dashboardValueForMoney(filter: $filter) {
  ${FILTER_ECHO} disclosure costBasisNote services { ${ROW} } total { ${ROW} }
} }`;

let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;
let provider: Viewer;
let providerOne: string;
let serviceA: string;
let serviceB: string;

// ---------------------------------------------------------------------------------------------------------------
// The fixture (a priority issue of its own is not needed: the filter's providers keep it apart from the 5/100 test)
//
// Service A (DASH-OUT-A, provider one, PI-ONLINE, funding 2025/26 £60,000.00), approved returns:
//   2024/25 Q4: cope and recover assessed 16, improved 12
//   2025/26 Q1: new users 13 = 10-12 girl 5, 13-15 girl 6, 16-17 boy 2 (0-4 girl 0); ethnicity White 10, Asian 3;
//               cope and recover 20 / 15; feel safer 9 / 5; health 6 / 3; spend £15,000.00
//   2025/26 Q2: new users 7 = 13-15 girl 4, 18-24 non-binary 1, not known 2; ethnicity White 5, not known 2;
//               cope and recover 11 / 8; spend £14,500.50
//   2025/26 Q3: SUBMITTED (provisional): new users 6 = 0-4 girl 6; ethnicity Black 6; cope and recover 4 / 4; spend £5,000.00
// Service B (DASH-OUT-B, provider two, PI-THERAPEUTIC, funding 2025/26 £30,000.00), approved returns:
//   2025/26 Q1: new users 4 = 5-9 boy 4; ethnicity Mixed 4; cope and recover 5 / 2; feel safer 12 / 10; no spend
//   2025/26 Q2: IN_PROGRESS (never counted): new users 50
// Service C (DASH-OUT-C, PLANNED: out of scope) with an approved 2025/26 Q1 return: new users 100, cope 100 / 100.
// Service D (DASH-OUT-D, provider two, PI-ONLINE, funding 2025/26 £12,000.00): no returns.
// Targets: A cope-and-recover improved 2025/26 whole year 30, Q1 10; assessed whole year 40;
//          B cope-and-recover improved 2025/26 whole year 10.
// ---------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  const db = getPrisma();
  providerOne = (await createOrganisation({ name: 'Dashboard Provider One' })).id;
  const providerTwo = (await createOrganisation({ name: 'Dashboard Provider Two' })).id;
  officer = await viewerFor('POLICY_OFFICER');
  admin = await viewerFor('ADMIN');
  commissioner = await viewerFor('COMMISSIONER');
  provider = await viewerFor('PROVIDER', providerOne);

  const a = await createService({
    providerId: providerOne,
    reference: 'DASH-OUT-A',
    title: 'Service A',
    startDate: '2024-04-01',
    funding: { 2025: '60000.00' },
  });
  const b = await createService({
    providerId: providerTwo,
    reference: 'DASH-OUT-B',
    title: 'Service B',
    startDate: '2024-04-01',
    priorityIssueCodes: ['PI-THERAPEUTIC'],
    funding: { 2025: '30000.00' },
  });
  const c = await createService({ providerId: providerTwo, reference: 'DASH-OUT-C', status: 'PLANNED', startDate: '2024-04-01', funding: { 2025: '1000.00' } });
  // D: running and funded, but no return yet: no one to divide its funding by.
  const d = await createService({ providerId: providerTwo, reference: 'DASH-OUT-D', startDate: '2024-04-01', funding: { 2025: '12000.00' } });
  serviceA = a.id;
  serviceB = b.id;
  const [q4Before, q1, q2, q3] = await Promise.all([period(2024, 4), period(YEAR, 1), period(YEAR, 2), period(YEAR, 3)]);
  // A return as the review workflow leaves it (submitted on its due date unless still in progress).
  const createReturn = (options: { serviceId: string; periodId: string; status: ReturnStatus; values: Record<string, string> }) => {
    const due = toIsoDate([q4Before, q1, q2, q3].find((p) => p.id === options.periodId)!.dueDate);
    return createDashboardReturn({
      ...options,
      dueDate: due,
      firstSubmittedAt: options.status === 'IN_PROGRESS' ? null : new Date(`${due}T12:00:00Z`),
      userId: officer.userId!,
    });
  };

  await createReturn({
    serviceId: a.id,
    periodId: q4Before.id,
    status: 'APPROVED',
    values: { OUT_COPE_RECOVER_ASSESSED: '16', OUT_COPE_RECOVER_IMPROVED: '12' },
  });
  await createReturn({
    serviceId: a.id,
    periodId: q1.id,
    status: 'APPROVED',
    values: {
      NEW_USERS: '13',
      'NEW_USERS_AGE_GENDER[AGE_10_12|GIRL_WOMAN]': '5',
      'NEW_USERS_AGE_GENDER[AGE_13_15|GIRL_WOMAN]': '6',
      'NEW_USERS_AGE_GENDER[AGE_16_17|BOY_MAN]': '2',
      'NEW_USERS_AGE_GENDER[AGE_0_4|GIRL_WOMAN]': '0',
      'NEW_USERS_ETHNICITY[WHITE]': '10',
      'NEW_USERS_ETHNICITY[ASIAN]': '3',
      'NEW_USERS_ETHNICITY[BLACK]': '0',
      OUT_COPE_RECOVER_ASSESSED: '20',
      OUT_COPE_RECOVER_IMPROVED: '15',
      OUT_FEEL_SAFER_ASSESSED: '9',
      OUT_FEEL_SAFER_IMPROVED: '5',
      OUT_HEALTH_ASSESSED: '6',
      OUT_HEALTH_IMPROVED: '3',
      FIN_SPEND_QUARTER: '15000.00',
      'FIN_SPEND_QUARTER[PCC_CORE_GRANT]': '15000.00',
    },
  });
  await createReturn({
    serviceId: a.id,
    periodId: q2.id,
    status: 'APPROVED',
    values: {
      NEW_USERS: '7',
      'NEW_USERS_AGE_GENDER[AGE_13_15|GIRL_WOMAN]': '4',
      'NEW_USERS_AGE_GENDER[AGE_18_24|NON_BINARY_OTHER]': '1',
      'NEW_USERS_AGE_GENDER[NOT_KNOWN|NOT_KNOWN]': '2',
      'NEW_USERS_ETHNICITY[WHITE]': '5',
      'NEW_USERS_ETHNICITY[NOT_KNOWN]': '2',
      OUT_COPE_RECOVER_ASSESSED: '11',
      OUT_COPE_RECOVER_IMPROVED: '8',
      FIN_SPEND_QUARTER: '14500.50',
    },
  });
  await createReturn({
    serviceId: a.id,
    periodId: q3.id,
    status: 'SUBMITTED',
    values: {
      NEW_USERS: '6',
      'NEW_USERS_AGE_GENDER[AGE_0_4|GIRL_WOMAN]': '6',
      'NEW_USERS_ETHNICITY[BLACK]': '6',
      OUT_COPE_RECOVER_ASSESSED: '4',
      OUT_COPE_RECOVER_IMPROVED: '4',
      FIN_SPEND_QUARTER: '5000.00',
    },
  });
  await createReturn({
    serviceId: b.id,
    periodId: q1.id,
    status: 'APPROVED',
    values: {
      NEW_USERS: '4',
      'NEW_USERS_AGE_GENDER[AGE_5_9|BOY_MAN]': '4',
      'NEW_USERS_ETHNICITY[MIXED]': '4',
      OUT_COPE_RECOVER_ASSESSED: '5',
      OUT_COPE_RECOVER_IMPROVED: '2',
      OUT_FEEL_SAFER_ASSESSED: '12',
      OUT_FEEL_SAFER_IMPROVED: '10',
    },
  });
  await createReturn({
    serviceId: b.id,
    periodId: q2.id,
    status: 'IN_PROGRESS',
    values: { NEW_USERS: '50', 'NEW_USERS_AGE_GENDER[AGE_5_9|BOY_MAN]': '50', OUT_COPE_RECOVER_ASSESSED: '50', OUT_COPE_RECOVER_IMPROVED: '50' },
  });
  await createReturn({
    serviceId: c.id,
    periodId: q1.id,
    status: 'APPROVED',
    values: {
      NEW_USERS: '100',
      'NEW_USERS_AGE_GENDER[AGE_5_9|BOY_MAN]': '100',
      'NEW_USERS_ETHNICITY[WHITE]': '100',
      OUT_COPE_RECOVER_ASSESSED: '100',
      OUT_COPE_RECOVER_IMPROVED: '100',
      FIN_SPEND_QUARTER: '99999.00',
    },
  });

  const measures = await db.measure.findMany({
    where: { code: { in: ['OUT_COPE_RECOVER_ASSESSED', 'OUT_COPE_RECOVER_IMPROVED'] } },
    select: { id: true, code: true },
  });
  const measure = (code: string) => measures.find((m) => m.code === code)!.id;
  await db.target.createMany({
    data: [
      { serviceId: a.id, measureId: measure('OUT_COPE_RECOVER_IMPROVED'), financialYear: YEAR, quarter: 0, value: new Prisma.Decimal(30) },
      { serviceId: a.id, measureId: measure('OUT_COPE_RECOVER_IMPROVED'), financialYear: YEAR, quarter: 1, value: new Prisma.Decimal(10) },
      { serviceId: a.id, measureId: measure('OUT_COPE_RECOVER_ASSESSED'), financialYear: YEAR, quarter: 0, value: new Prisma.Decimal(40) },
      { serviceId: b.id, measureId: measure('OUT_COPE_RECOVER_IMPROVED'), financialYear: YEAR, quarter: 0, value: new Prisma.Decimal(10) },
      // Out of scope (PLANNED): never added.
      { serviceId: c.id, measureId: measure('OUT_COPE_RECOVER_IMPROVED'), financialYear: YEAR, quarter: 0, value: new Prisma.Decimal(500) },
    ],
  });
});

// Only the fixture's providers (the 5/100 services of the statement test are another provider).
const fixtureFilter = (extra: Record<string, unknown> = {}) => ({ financialYear: YEAR, ...extra });

async function query(document: string, filter: Record<string, unknown> | null, viewer: Viewer | null) {
  const response = await execute(document, { filter }, { viewer });
  return response;
}

async function outcomes(viewer: Viewer, filter: Record<string, unknown> = fixtureFilter()) {
  const response = await query(OUTCOMES, filter, viewer);
  expect(response.errors).toBeUndefined();
  return response.data!.dashboardOutcomes;
}
async function reach(viewer: Viewer, filter: Record<string, unknown> = fixtureFilter()) {
  const response = await query(REACH, filter, viewer);
  expect(response.errors).toBeUndefined();
  return response.data!.dashboardReach;
}
async function valueForMoney(viewer: Viewer, filter: Record<string, unknown> = fixtureFilter()) {
  const response = await query(VFM, filter, viewer);
  expect(response.errors).toBeUndefined();
  return response.data!.dashboardValueForMoney;
}

const domain = (answer: any, code: string) => answer.domains.find((d: any) => d.code === code);
const displays = (rows: any[]) => rows.map((row) => `${row.label}: ${row.count.display}`);

// ---------------------------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------------------------

describe('dashboardOutcomes', () => {
  it('gives an officer exact people assessed and improved per domain, by quarter, with the 4 quarters before', async () => {
    const answer = await outcomes(officer);
    expect(answer.filter).toEqual({
      financialYear: 2025,
      quarter: null,
      label: '2025/26',
      provisional: false,
      provisionalNote: null,
      controlled: false,
    });
    expect(answer.disclosure).toBeNull();
    expect(answer.domains.map((d: any) => d.code)).toEqual([
      'COPE_EVERYDAY',
      'FEEL_SAFER',
      'HEALTH_WELLBEING',
      'INFORMED_EMPOWERED',
      'CJS_PARTICIPATION',
      'COPE_RECOVER',
    ]);
    const cope = domain(answer, 'COPE_RECOVER');
    expect(cope.improvedMeasureCode).toBe('OUT_COPE_RECOVER_IMPROVED');
    // The trend: 2024/25 Q1-Q4 (before) and 2025/26 Q1-Q4 (selected), oldest first.
    expect(cope.quarters.map((q: any) => `${q.label}${q.selected ? '*' : ''}`)).toEqual([
      '2024/25 Q1',
      '2024/25 Q2',
      '2024/25 Q3',
      '2024/25 Q4',
      '2025/26 Q1*',
      '2025/26 Q2*',
      '2025/26 Q3*',
      '2025/26 Q4*',
    ]);
    const line = (f: any) => `${f.label} ${f.assessed.display}/${f.improved.display} ${f.percentImproved.display}`;
    expect(cope.quarters.map(line)).toEqual([
      '2024/25 Q1 0/0 No one assessed',
      '2024/25 Q2 0/0 No one assessed',
      '2024/25 Q3 0/0 No one assessed',
      '2024/25 Q4 16/12 75%', // 12 / 16 = 75%
      '2025/26 Q1 25/17 68%', // A 20 + B 5 = 25 assessed; A 15 + B 2 = 17 improved; 17 / 25 = 68%; C (planned) left out
      '2025/26 Q2 11/8 73%', // A only (B's Q2 is in progress): 8 / 11 = 72.7% -> 73%
      '2025/26 Q3 0/0 No one assessed', // A's Q3 is only submitted: provisional, left out
      '2025/26 Q4 0/0 No one assessed',
    ]);
    // The year: assessed 20 + 11 + 5 = 36, improved 15 + 8 + 2 = 25, 25 / 36 = 69.4% -> 69%.
    expect(cope.selection).toMatchObject({
      label: '2025/26',
      quarter: null,
      returns: 3,
      assessed: { value: 36, display: '36', suppressed: false, rounded: false },
      improved: { value: 25, display: '25' },
      percentImproved: { value: 69, display: '69%', hidden: false },
    });
    // Feel safer: A 9 / 5 and B 12 / 10 in Q1: 21 / 15 = 71.4% -> 71%.
    expect(domain(answer, 'FEEL_SAFER').selection).toMatchObject({
      assessed: { value: 21 },
      improved: { value: 15 },
      percentImproved: { value: 71 },
    });
    // Health: A 6 / 3 = 50%.
    expect(domain(answer, 'HEALTH_WELLBEING').selection).toMatchObject({ assessed: { value: 6 }, improved: { value: 3 }, percentImproved: { value: 50 } });
    expect(domain(answer, 'CJS_PARTICIPATION').selection).toMatchObject({ returns: 0, assessed: { value: 0 }, percentImproved: { value: null } });
  });

  it('sums the targets over the services in scope: the year the whole-year targets, a quarter its own', async () => {
    const cope = domain(await outcomes(officer), 'COPE_RECOVER');
    // Whole year: improved A 30 + B 10 = 40 (2 services; C is planned); assessed A 40 (1 service); 40 / 40 = 100%.
    expect(cope.selection.target).toEqual({ assessed: 40, improved: 40, percentImproved: 100, assessedServices: 1, improvedServices: 2 });
    const byLabel = Object.fromEntries(cope.quarters.map((q: any) => [q.label, q.target]));
    // Q1: A's quarter target 10 only; no quarter target for Q2 (an annual target is not split into quarters).
    expect(byLabel['2025/26 Q1']).toEqual({ assessed: null, improved: 10, percentImproved: null, assessedServices: 0, improvedServices: 1 });
    expect(byLabel['2025/26 Q2']).toBeNull();
    expect(domain(await outcomes(officer), 'FEEL_SAFER').selection.target).toBeNull();
  });

  it('controls the Commissioner\'s figures: rounded, "fewer than 8", percentages from rounded figures or hidden', async () => {
    const answer = await outcomes(commissioner);
    expect(answer.filter.controlled).toBe(true);
    expect(answer.disclosure).toContain('Figures are rounded and may not sum.');
    expect(answer.disclosure).toContain('fewer than 8');
    const cope = domain(answer, 'COPE_RECOVER');
    // Year: 36 -> 35, 25 -> 25; % from the rounded figures: 25 / 35 = 71.4% -> 71% (the exact 69% is not shown).
    expect(cope.selection).toMatchObject({
      assessed: { value: 35, display: '35', rounded: true, exportValue: '35' },
      improved: { value: 25, display: '25', rounded: true },
      percentImproved: { value: 71, display: '71%', hidden: false },
    });
    const byLabel = Object.fromEntries(cope.quarters.map((q: any) => [q.label, q]));
    // Q1: 25 -> 25, 17 -> 15; 15 / 25 = 60%.
    expect(byLabel['2025/26 Q1']).toMatchObject({ assessed: { value: 25 }, improved: { value: 15 }, percentImproved: { value: 60, display: '60%' } });
    // Q2: 11 -> 10, 8 -> 10; 11 - 8 = 3 people not improved (1-7): hidden.
    expect(byLabel['2025/26 Q2']).toMatchObject({
      assessed: { value: 10 },
      improved: { value: 10 },
      percentImproved: { value: null, hidden: true, display: 'Hidden: fewer than 8 people outside this group', exportValue: '[c]' },
    });
    // 2024/25 Q4: 16 -> 15, 12 -> 10; complement 4: hidden.
    expect(byLabel['2024/25 Q4'].percentImproved.hidden).toBe(true);
    // Health: 6 assessed, 3 improved: both "fewer than 8"; the percentage has a denominator under 10: hidden.
    expect(domain(answer, 'HEALTH_WELLBEING').selection).toMatchObject({
      assessed: { value: null, display: 'fewer than 8', suppressed: true, exportValue: '[c]' },
      improved: { value: null, display: 'fewer than 8', suppressed: true },
      percentImproved: { value: null, hidden: true, display: 'Hidden: fewer than 10 people' },
    });
    // Feel safer: 21 -> 20, 15 -> 15, but 21 - 15 = 6 not improved: hidden.
    expect(domain(answer, 'FEEL_SAFER').selection.percentImproved).toMatchObject({ hidden: true, value: null });
    // Zero stays 0; targets are not controlled.
    expect(domain(answer, 'CJS_PARTICIPATION').selection.assessed).toMatchObject({ value: 0, display: '0', suppressed: false });
    expect(cope.selection.target.improved).toBe(40);
  });

  it('answers one quarter with the 4 quarters before it', async () => {
    const cope = domain(await outcomes(officer, fixtureFilter({ quarter: 2 })), 'COPE_RECOVER');
    expect(cope.quarters.map((q: any) => q.label)).toEqual(['2024/25 Q2', '2024/25 Q3', '2024/25 Q4', '2025/26 Q1', '2025/26 Q2']);
    expect(cope.selection).toMatchObject({ label: '2025/26 Q2', quarter: 2, assessed: { value: 11 }, improved: { value: 8 }, target: null });
  });

  it('leaves provisional returns out by default and includes them for an officer who asks', async () => {
    const cope = domain(await outcomes(officer, fixtureFilter({ includeProvisional: true })), 'COPE_RECOVER');
    // + A's submitted Q3: 36 + 4 = 40 assessed, 25 + 4 = 29 improved; B's in-progress Q2 is never counted.
    expect(cope.selection).toMatchObject({ assessed: { value: 40 }, improved: { value: 29 }, percentImproved: { value: 73 } }); // 72.5% -> 73%
    const answer = await outcomes(admin, fixtureFilter({ includeProvisional: true }));
    expect(answer.filter).toMatchObject({ provisional: true, provisionalNote: expect.stringContaining('provisional') });
  });

  it('follows the filter: provider and priority issue', async () => {
    const onlyA = domain(await outcomes(officer, fixtureFilter({ providerId: providerOne })), 'COPE_RECOVER');
    expect(onlyA.selection).toMatchObject({ assessed: { value: 31 }, improved: { value: 23 } }); // A: 20 + 11, 15 + 8
    expect(onlyA.selection.target).toMatchObject({ improved: 30, improvedServices: 1 });
    const therapeutic = domain(await outcomes(officer, fixtureFilter({ priorityIssueCode: 'PI-THERAPEUTIC' })), 'COPE_RECOVER');
    expect(therapeutic.selection).toMatchObject({ assessed: { value: 5 }, improved: { value: 2 } }); // B only
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Reach
// ---------------------------------------------------------------------------------------------------------------

describe('dashboardReach', () => {
  it('gives an officer exact new service users by published age band, gender and ethnicity, one table each', async () => {
    const answer = await reach(officer);
    expect(answer.disclosure).toBeNull();
    // Cells (A Q1 + A Q2 + B Q1): 10-12 girl 5; 13-15 girl 6 + 4 = 10; 16-17 boy 2; 18-24 non-binary 1;
    // not known 2; 5-9 boy 4. Total 13 + 7 + 4 = 24 (C is planned: its 100 are left out).
    // Under 13: 5 + 4 = 9; 13-17: 10 + 2 = 12; 18+: 1; not known: 2.
    expect(answer.byAge.characteristic).toBe('Age');
    expect(displays(answer.byAge.rows)).toEqual(['Under 13: 9', '13-17: 12', '18+: 1', 'Not known: 2']);
    expect(answer.byAge.total).toMatchObject({ value: 24, display: '24' });
    expect(answer.byAge.footnote).toBeNull();
    // Gender: girl 5 + 10 = 15; boy 2 + 4 = 6; non-binary 1; not known 2.
    expect(displays(answer.byGender.rows)).toEqual(['Girl or woman: 15', 'Boy or man: 6', 'Non-binary or other: 1', 'Not known: 2']);
    expect(answer.byGender.total.value).toBe(24);
    // Ethnicity: White 10 + 5 = 15; Asian 3; Mixed 4; not known 2.
    expect(answer.byEthnicity.rows.map((r: any) => `${r.code}=${r.count.value}`)).toEqual([
      'ASIAN=3',
      'BLACK=0',
      'MIXED=4',
      'WHITE=15',
      'OTHER=0',
      'NOT_KNOWN=2',
    ]);
    expect(answer.byEthnicity.total.value).toBe(24);
  });

  it('controls each table and its total on its own for the Commissioner', async () => {
    const answer = await reach(commissioner);
    // Under 13: 9 -> 10; 13-17: 12 -> 10; 18+ 1 and not known 2: fewer than 8; total 24 -> 25 (not 10 + 10).
    expect(displays(answer.byAge.rows)).toEqual(['Under 13: 10', '13-17: 10', '18+: fewer than 8', 'Not known: fewer than 8']);
    expect(answer.byAge.total).toMatchObject({ value: 25, display: '25', rounded: true });
    expect(answer.byAge.footnote).toBe('Figures are rounded and may not sum.');
    expect(answer.byAge.disclosure).toContain('fewer than 8');
    expect(answer.byAge.rows[2].count).toEqual({ value: null, display: 'fewer than 8', suppressed: true, rounded: false, exportValue: '[c]' });
    // Gender: 15 -> 15; 6, 1, 2 -> fewer than 8; total 24 -> 25.
    expect(displays(answer.byGender.rows)).toEqual([
      'Girl or woman: 15',
      'Boy or man: fewer than 8',
      'Non-binary or other: fewer than 8',
      'Not known: fewer than 8',
    ]);
    expect(answer.byGender.total.value).toBe(25);
    // Ethnicity: 3, 4, 2 -> fewer than 8; 0 stays 0; 15 -> 15; total 25.
    expect(answer.byEthnicity.rows.map((r: any) => r.count.display)).toEqual(['fewer than 8', '0', 'fewer than 8', '15', '0', 'fewer than 8']);
    expect(answer.byEthnicity.total.display).toBe('25');
    expect(answer.disclosure).toContain('Figures are rounded and may not sum.');
  });

  it('counts provisional returns only for an officer who asks', async () => {
    const answer = await reach(officer, fixtureFilter({ includeProvisional: true }));
    // + A's submitted Q3: 0-4 girl 6 -> under 13: 9 + 6 = 15; total 30; Black 6.
    expect(displays(answer.byAge.rows)[0]).toBe('Under 13: 15');
    expect(answer.byAge.total.value).toBe(30);
    expect(answer.byEthnicity.rows[1].count.value).toBe(6);
  });

  it('answers one quarter', async () => {
    const answer = await reach(officer, fixtureFilter({ quarter: 2 }));
    // A Q2 only: 13-15 girl 4, 18-24 non-binary 1, not known 2.
    expect(displays(answer.byAge.rows)).toEqual(['Under 13: 0', '13-17: 4', '18+: 1', 'Not known: 2']);
    expect(answer.byAge.title).toBe('New service users by age, 2025/26 Q2');
  });

  it('hides a second figure for the Commissioner when the total would give a suppressed one away', async () => {
    // A provider of its own, in 2024/25 Q1 (no other fixture figures there): ethnicity White 18, Asian 1, Mixed 38.
    // The rule alone would show 20, fewer than 8, 40 and total 55: 55 - 22 - 42 < 1 < 57 - 18 - 38, so Asian = 1.
    const own = (await createOrganisation({ name: 'Dashboard Provider Protect' })).id;
    const service = await createService({ providerId: own, reference: 'DASH-OUT-P', status: 'ENDED', startDate: '2024-04-01', endDate: '2024-06-30' });
    const q1 = await period(2024, 1);
    await createDashboardReturn({
      serviceId: service.id,
      periodId: q1.id,
      status: 'APPROVED',
      dueDate: toIsoDate(q1.dueDate),
      firstSubmittedAt: new Date(`${toIsoDate(q1.dueDate)}T12:00:00Z`),
      userId: officer.userId!,
      values: {
        NEW_USERS: '57',
        'NEW_USERS_AGE_GENDER[AGE_13_15|GIRL_WOMAN]': '57',
        'NEW_USERS_ETHNICITY[WHITE]': '18',
        'NEW_USERS_ETHNICITY[ASIAN]': '1',
        'NEW_USERS_ETHNICITY[MIXED]': '38',
      },
    });
    const filter = { financialYear: 2024, quarter: 1, providerId: own };
    const exact = await reach(officer, filter);
    expect(exact.byEthnicity.rows.map((r: any) => `${r.code}=${r.count.display}`)).toEqual([
      'ASIAN=1', 'BLACK=0', 'MIXED=38', 'WHITE=18', 'OTHER=0', 'NOT_KNOWN=0',
    ]);
    const controlled = await reach(commissioner, filter);
    // White, the smallest figure shown, is hidden too: Asian could now be anything from 1 to 7.
    expect(controlled.byEthnicity.rows.map((r: any) => `${r.code}=${r.count.display}`)).toEqual([
      'ASIAN=fewer than 8', 'BLACK=0', 'MIXED=40', 'WHITE=hidden', 'OTHER=0', 'NOT_KNOWN=0',
    ]);
    expect(controlled.byEthnicity.rows[3].count).toEqual({ value: null, display: 'hidden', suppressed: true, rounded: false, exportValue: '[c]' });
    expect(controlled.byEthnicity.total.display).toBe('55');
    expect(controlled.byEthnicity.disclosure).toContain('cannot be worked out');
    // Age: one band of 57 -> 55, nothing suppressed, nothing hidden.
    expect(controlled.byAge.rows.map((r: any) => r.count.display)).toEqual(['0', '55', '0', '0']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Value for money
// ---------------------------------------------------------------------------------------------------------------

describe('dashboardValueForMoney', () => {
  it('gives an officer exact costs per child and per improved outcome, per service by reference', async () => {
    const answer = await valueForMoney(officer);
    expect(answer.disclosure).toBeNull();
    expect(answer.services.map((s: any) => s.reference)).toEqual(['DASH-OUT-A', 'DASH-OUT-B', 'DASH-OUT-D']); // C is planned
    const [a, b, d] = answer.services;
    // A: spend 15,000.00 + 14,500.50 = 29,500.50 (reported: SPEND); children 13 + 7 = 20; improved 15 + 8 = 23.
    //    29,500.50 / 20 = 1,475.025 -> 1,475.03; 29,500.50 / 23 = 1,282.630... -> 1,282.63.
    expect(a).toMatchObject({
      serviceId: serviceA,
      title: 'Service A',
      providerName: 'Dashboard Provider One',
      returns: 2,
      spend: '29500.50',
      funding: '60000.00',
      costBasis: 'SPEND',
      costAmount: '29500.50',
      childrenSupported: { value: 20 },
      improvedOutcomes: { value: 23 },
      costPerChild: { value: '1475.03', display: '£1,475.03', hidden: false },
      costPerImprovedOutcome: { value: '1282.63', display: '£1,282.63' },
    });
    // B: no spend reported: the year's funding 30,000.00; children 4, improved 2: 7,500.00 and 15,000.00.
    expect(b).toMatchObject({
      serviceId: serviceB,
      returns: 1,
      spend: null,
      costBasis: 'FUNDING',
      costAmount: '30000.00',
      childrenSupported: { value: 4 },
      improvedOutcomes: { value: 2 },
      costPerChild: { value: '7500.00', display: '£7,500.00' },
      costPerImprovedOutcome: { value: '15000.00' },
    });
    // D: funding 12,000.00 but no return: nobody to divide it by.
    expect(d).toMatchObject({
      returns: 0,
      costBasis: 'FUNDING',
      costAmount: '12000.00',
      childrenSupported: { value: 0, display: '0' },
      costPerChild: { value: null, hidden: false, display: 'No children supported' },
      costPerImprovedOutcome: { value: null, display: 'No improved outcomes' },
    });
    // Total: 29,500.50 + 30,000.00 + 12,000.00 = 71,500.50; children 24, improved 25:
    // 71,500.50 / 24 = 2,979.1875 -> 2,979.19; 71,500.50 / 25 = 2,860.02.
    expect(answer.total).toMatchObject({
      serviceId: null,
      reference: null,
      returns: 3,
      spend: '29500.50',
      funding: '102000.00',
      costBasis: 'MIXED',
      costAmount: '71500.50',
      childrenSupported: { value: 24 },
      improvedOutcomes: { value: 25 },
      costPerChild: { value: '2979.19' },
      costPerImprovedOutcome: { value: '2860.02' },
    });
  });

  it('controls the Commissioner\'s costs per person: hidden under 8 people, else divided by the rounded count', async () => {
    const answer = await valueForMoney(commissioner);
    const [a, b] = answer.services;
    // A: children 20 -> 20: 29,500.50 / 20 = 1,475.03; improved 23 -> 25: 29,500.50 / 25 = 1,180.02.
    expect(a).toMatchObject({
      spend: '29500.50',
      childrenSupported: { value: 20, rounded: true },
      improvedOutcomes: { value: 25, display: '25' },
      costPerChild: { value: '1475.03' },
      costPerImprovedOutcome: { value: '1180.02', display: '£1,180.02' },
    });
    // B: 4 children and 2 improved: fewer than 8; costs hidden. Money is not controlled.
    expect(b).toMatchObject({
      costAmount: '30000.00',
      childrenSupported: { value: null, display: 'fewer than 8', suppressed: true },
      improvedOutcomes: { display: 'fewer than 8' },
      costPerChild: { value: null, hidden: true, display: 'Hidden: fewer than 8 people', exportValue: '[c]' },
      costPerImprovedOutcome: { value: null, hidden: true },
    });
    // D: 0 children is shown as 0 to everyone: no cost per child, and nothing hidden.
    expect(answer.services[2]).toMatchObject({ childrenSupported: { value: 0 }, costPerChild: { display: 'No children supported', hidden: false } });
    // Total: children 24 -> 25, improved 25 -> 25: 71,500.50 / 25 = 2,860.02 for both (the exact 2,979.19 is not shown).
    expect(answer.total).toMatchObject({ childrenSupported: { value: 25 }, costPerChild: { value: '2860.02' }, costPerImprovedOutcome: { value: '2860.02' } });
    expect(answer.disclosure).toContain('costs per person');
    expect(answer.disclosure).toMatch(/Money[^.]*are not controlled\./);
  });

  it('uses no funding for a quarter without reported spend', async () => {
    const answer = await valueForMoney(officer, fixtureFilter({ quarter: 1 }));
    const [a, b, d] = answer.services;
    // A Q1: 15,000.00 / 13 children = 1,153.846... -> 1,153.85; / 15 improved = 1,000.00.
    expect(a).toMatchObject({ costBasis: 'SPEND', costPerChild: { value: '1153.85' }, costPerImprovedOutcome: { value: '1000.00' } });
    // B and D report no spend: a year's funding would overstate a quarter's cost, so there is none.
    expect(b).toMatchObject({ costBasis: 'NONE', costAmount: null, costPerChild: { value: null, hidden: false, display: 'No spend or funding recorded' } });
    expect(d).toMatchObject({ costBasis: 'NONE', costAmount: null });
    // Total: children 13 + 4 = 17, but only A has a cost: 15,000.00 / 13 = 1,153.85 (B's children are not divided into A's spend).
    expect(answer.total).toMatchObject({
      costBasis: 'MIXED',
      costAmount: '15000.00',
      childrenSupported: { value: 17 },
      costPerChild: { value: '1153.85' },
      costPerImprovedOutcome: { value: '1000.00' }, // A's 15 improved (B's 2 left out)
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Permissions, bad input
// ---------------------------------------------------------------------------------------------------------------

describe('who may see the dashboards', () => {
  it.each([
    ['dashboardOutcomes', OUTCOMES],
    ['dashboardReach', REACH],
    ['dashboardValueForMoney', VFM],
  ])('%s: providers are FORBIDDEN, anonymous callers UNAUTHENTICATED, the Commissioner may not ask for provisional figures', async (_name, document) => {
    expect(codes(await query(document, fixtureFilter(), provider))).toEqual(['FORBIDDEN']);
    expect(codes(await query(document, fixtureFilter(), null))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await query(document, fixtureFilter({ includeProvisional: true }), commissioner))).toEqual(['FORBIDDEN']);
    const bad = await query(document, { financialYear: 2040 }, officer);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toBe('There is no financial year 2040/41 in the reporting calendar');
    const unknown = await query(document, fixtureFilter({ priorityIssueCode: 'PI-NOPE' }), officer);
    expect(unknown.errors![0]!.message).toBe('PI-NOPE is not a priority issue');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bounded statements
// ---------------------------------------------------------------------------------------------------------------

// Runs last: the bulk services are in scope of the unfiltered views above (vitest runs a file's tests in order).
describe('statements', () => {
  it('sends the same number of SQL statements for 5 and for 100 services', async () => {
    const bulkProvider = (await createOrganisation({ name: 'Dashboard Bulk Provider' })).id;
    const grow = async (count: number) =>
      addBulkOutcomeValues(await addBulkServices(count, { providerId: bulkProvider, financialYear: YEAR, userId: officer.userId! }));
    const filter = { financialYear: YEAR, providerId: bulkProvider };
    const run = async (viewer: Viewer) => {
      const counts: number[] = [];
      for (const document of [OUTCOMES, REACH, VFM]) {
        const { statements, result } = await countStatements(() => query(document, filter, viewer));
        expect(result.errors).toBeUndefined();
        counts.push(statements);
      }
      return counts;
    };
    await grow(5);
    const atFive = { commissioner: await run(commissioner), officer: await run(officer) };
    expect((await valueForMoney(officer, filter)).services).toHaveLength(5);
    await grow(95);
    const atHundred = { commissioner: await run(commissioner), officer: await run(officer) };
    expect(atHundred).toEqual(atFive);
    // The filter (at most 4) and the dashboard's own (at most 2) statements.
    expect(Math.max(...atFive.commissioner, ...atFive.officer)).toBeLessThanOrEqual(6);

    // The figures are right at 100 services too: every service has an approved return in each of the 4 quarters,
    // with 3 new users (13-15, girl, White), cope and recover 2 assessed / 1 improved, £250.00 spent.
    const hundred = await valueForMoney(officer, filter);
    expect(hundred.services).toHaveLength(100);
    // 100 x 4 x 3 = 1,200 children; 100 x 4 x 1 = 400 improved; 100 x 4 x 250.00 = 100,000.00 spent.
    expect(hundred.total).toMatchObject({
      returns: 400,
      spend: '100000.00',
      childrenSupported: { value: 1200 },
      improvedOutcomes: { value: 400 },
      costPerChild: { value: '83.33' }, // 100,000.00 / 1,200 = 83.333...
      costPerImprovedOutcome: { value: '250.00' },
    });
    expect(hundred.services[0]).toMatchObject({ costPerChild: { value: '83.33' } }); // 1,000.00 / 12
    const reached = await reach(officer, filter);
    expect(reached.byAge.rows.map((r: any) => r.count.value)).toEqual([0, 1200, 0, 0]);
    expect(reached.byEthnicity.total.value).toBe(1200);
    const cope = domain(await outcomes(officer, filter), 'COPE_RECOVER');
    expect(cope.selection).toMatchObject({ assessed: { value: 800 }, improved: { value: 400 }, percentImproved: { value: 50 } });
  });
});
