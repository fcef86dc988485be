// The dashboards' shared fixture: a small portfolio with KNOWN returns in 2025/26 (a year that has ended), whose
// figures the dashboard tests work out by hand, and a cheap way to add many services (statement counts).
// Owned by the portfolio dashboards (H1); the outcome dashboards may add functions at the END of this file.
//
// createDashboardFixture() makes (all in financial year 2025/26 unless said otherwise; Y = FIXTURE_YEAR):
//
//   service  provider  status    dates                          priority issues            area      funding 2025/26
//   A        alpha     ACTIVE    2025-04-01 .. today + 730 days  PI-ONLINE                  areas[0]  100000.00 PCC + 25000.50 HOME_OFFICE
//   B        beta      EXTENDED  2024-04-01 .. today + 90 days   PI-ONLINE, PI-TRAFFICKING  areas[1]  60000.00
//   C        alpha     ENDED     2023-04-01 .. 2025-09-30        PI-TRAFFICKING             areas[0]  30000.00
//   D        beta      PLANNED   2025-04-01 .. today + 60 days   PI-EDUCATION               areas[0]  999999.00   (never in scope)
//   E        alpha     ACTIVE*   2025-04-01 .. today + 30 days   PI-EDUCATION               areas[0]  888888.00   (*archived: never in scope)
//   F        alpha     ACTIVE    2026-04-01 .. today + 20 days   PI-BUSINESS                areas[0]  none        (not running in 2025/26)
//   G        beta      ACTIVE    2026-04-01 .. today + 200 days  PI-BUSINESS                areas[1]  none        (ends after 6 months)
//   A also has 90000.00 of 2024/25 funding (another year).
//
//   Initiative funding (initiatives[0] = I1, initiatives[1] = I2): A-I1 40000.00 (and 1000.00 in 2024/25),
//   B-I1 20000.00, B-I2 15000.00, D-I2 5000.00 (D is PLANNED: out of scope).
//
//   Returns (NU = NEW_USERS total, SD = SESSIONS_DELIVERED; "first" = first submission, from return_version):
//   A Q1 APPROVED   NU 5   SD[ONE_TO_ONE] 20 + SD[GROUP] 4 (no total row)   first 2025-07-21T22:30Z = 23:30 BST on the due date 21 Jul: ON TIME
//   A Q2 APPROVED   NU 8   SD 10                                             first 2025-10-21T23:30Z = 00:30 BST 22 Oct, due 21 Oct: LATE
//   A Q3 SUBMITTED  NU 4   SD 6     (provisional)                            first on the due date 2026-01-22 at noon: ON TIME
//   A Q4 -          (no return)
//   B Q1 APPROVED   NU 13  SD 30                                             first 2 days before the due date (ON TIME), resubmitted 10 days after it
//   B Q2 RETURNED   NU 2            (provisional)                            first 3 days after the due date: LATE
//   B Q3 APPROVED   NU 0                                                     first the day before the due date: ON TIME
//   B Q4 IN_PROGRESS NU 50          (never submitted: never counted)
//   C Q1 APPROVED   NU 3                                                     first 5 days after the due date: LATE
//   C Q2 -          (no return; C ended 30 Sep 2025, so it is not expected in Q3 and Q4)
//   D Q1 APPROVED   NU 100 (out of scope)
//   E Q1 APPROVED   NU 200 (out of scope)
import { randomBytes } from 'node:crypto';
import { Prisma, type ReturnStatus } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { addDays, todayInLondon, toIsoDate } from '../../graphql/domain/periods';
import { createOrganisation, createUser } from './factories';
import { defaultTemplate } from './return-factories';
import { createService, reference } from './service-factories';

export const FIXTURE_YEAR = 2025;

const unique = () => randomBytes(3).toString('hex').toUpperCase();

/** 'YYYY-MM-DDTHH:MM:SSZ' for a date plus some days at a UTC time. */
const at = (date: string, days: number, time = '12:00:00') => new Date(`${addDays(date, days)}T${time}Z`);

export interface FixtureReturn {
  service: 'A' | 'B' | 'C' | 'D' | 'E';
  quarter: 1 | 2 | 3 | 4;
  status: ReturnStatus;
  values: Record<string, string>;
  /** First submission (return_version), and the latest (performance_return.submitted_at) when resubmitted. */
  firstSubmittedAt: ((dueDate: string) => Date) | null;
  lastSubmittedAt?: (dueDate: string) => Date;
}

export const FIXTURE_RETURNS: FixtureReturn[] = [
  { service: 'A', quarter: 1, status: 'APPROVED', values: { NEW_USERS: '5', 'SESSIONS_DELIVERED[ONE_TO_ONE]': '20', 'SESSIONS_DELIVERED[GROUP]': '4' }, firstSubmittedAt: (due) => at(due, 0, '22:30:00') },
  { service: 'A', quarter: 2, status: 'APPROVED', values: { NEW_USERS: '8', SESSIONS_DELIVERED: '10' }, firstSubmittedAt: (due) => at(due, 0, '23:30:00') },
  { service: 'A', quarter: 3, status: 'SUBMITTED', values: { NEW_USERS: '4', SESSIONS_DELIVERED: '6' }, firstSubmittedAt: (due) => at(due, 0) },
  { service: 'B', quarter: 1, status: 'APPROVED', values: { NEW_USERS: '13', SESSIONS_DELIVERED: '30' }, firstSubmittedAt: (due) => at(due, -2), lastSubmittedAt: (due) => at(due, 10) },
  { service: 'B', quarter: 2, status: 'RETURNED', values: { NEW_USERS: '2' }, firstSubmittedAt: (due) => at(due, 3) },
  { service: 'B', quarter: 3, status: 'APPROVED', values: { NEW_USERS: '0' }, firstSubmittedAt: (due) => at(due, -1) },
  { service: 'B', quarter: 4, status: 'IN_PROGRESS', values: { NEW_USERS: '50' }, firstSubmittedAt: null },
  { service: 'C', quarter: 1, status: 'APPROVED', values: { NEW_USERS: '3' }, firstSubmittedAt: (due) => at(due, 5) },
  { service: 'D', quarter: 1, status: 'APPROVED', values: { NEW_USERS: '100' }, firstSubmittedAt: (due) => at(due, 0) },
  { service: 'E', quarter: 1, status: 'APPROVED', values: { NEW_USERS: '200' }, firstSubmittedAt: (due) => at(due, 0) },
];

async function measureIds(codes: string[]) {
  const rows = await getPrisma().measure.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** A return made directly, with its first submission frozen as a return_version (as submitReturn does). */
export async function createDashboardReturn(options: {
  serviceId: string;
  periodId: string;
  dueDate: string;
  status: ReturnStatus;
  values: Record<string, string>;
  firstSubmittedAt: Date | null;
  lastSubmittedAt?: Date | null;
  userId: string;
}) {
  const db = getPrisma();
  const template = await defaultTemplate();
  const entries = Object.entries(options.values).map(([field, value]) => {
    const match = /^([^[]+)(?:\[(.*)\])?$/.exec(field)!;
    return { code: match[1]!, key: match[2] ?? '', value };
  });
  const ids = await measureIds(entries.map((e) => e.code));
  return db.performanceReturn.create({
    data: {
      serviceId: options.serviceId,
      periodId: options.periodId,
      templateId: template.id,
      status: options.status,
      submittedAt: options.lastSubmittedAt ?? options.firstSubmittedAt,
      submittedById: options.firstSubmittedAt ? options.userId : null,
      returnedReason: options.status === 'RETURNED' ? 'Please check the figures.' : null,
      values: {
        create: entries.map((e) => ({ measureId: ids.get(e.code)!, breakdownKey: e.key, numericValue: new Prisma.Decimal(e.value) })),
      },
      versions: options.firstSubmittedAt
        ? {
            create: [
              { number: 1, status: 'SUBMITTED', snapshot: {}, createdById: options.userId, createdAt: options.firstSubmittedAt },
              ...(options.lastSubmittedAt
                ? [{ number: 2, status: 'SUBMITTED' as const, snapshot: {}, createdById: options.userId, createdAt: options.lastSubmittedAt }]
                : []),
            ],
          }
        : undefined,
    },
  });
}

export async function createDashboardFixture() {
  const db = getPrisma();
  const today = todayInLondon();
  const ref = await reference();
  const issue = (code: string) => ref.issues.find((i) => i.code === code)!;
  const [alpha, beta] = [await createOrganisation({ name: `Dash Alpha ${unique()}` }), await createOrganisation({ name: `Dash Beta ${unique()}` })];
  const officer = await createUser({ role: 'POLICY_OFFICER' });
  const [I1, I2] = [ref.initiatives[0]!, ref.initiatives[1]!];
  const [area0, area1] = [ref.areas[0]!, ref.areas[1]!];

  const make = async (
    letter: string,
    options: Parameters<typeof createService>[0] & { area: { id: string }; extraFunding?: { year: number; source: 'HOME_OFFICE'; amount: string }[] },
  ) => {
    const service = await createService({ ...options, reference: `DASH-${letter}-${unique()}`, title: `Dashboard service ${letter} ${unique()}` });
    // createService links areas[0]; move it to the area wanted.
    await db.serviceArea.deleteMany({ where: { serviceId: service.id } });
    await db.serviceArea.create({ data: { serviceId: service.id, areaId: options.area.id } });
    for (const extra of options.extraFunding ?? []) {
      await db.serviceFunding.create({
        data: { serviceId: service.id, financialYear: extra.year, source: extra.source, amount: new Prisma.Decimal(extra.amount) },
      });
    }
    return service;
  };

  const A = await make('A', {
    providerId: alpha.id, status: 'ACTIVE', startDate: '2025-04-01', endDate: addDays(today, 730), annualValue: '125000.50',
    priorityIssueCodes: ['PI-ONLINE'], area: area0, funding: { 2025: '100000.00', 2024: '90000.00' },
    extraFunding: [{ year: 2025, source: 'HOME_OFFICE', amount: '25000.50' }], initiativeIds: [I1.id],
  });
  const B = await make('B', {
    providerId: beta.id, status: 'EXTENDED', startDate: '2024-04-01', endDate: addDays(today, 90), annualValue: '60000.00',
    priorityIssueCodes: ['PI-ONLINE', 'PI-TRAFFICKING'], area: area1, funding: { 2025: '60000.00' }, initiativeIds: [I1.id, I2.id],
  });
  const C = await make('C', {
    providerId: alpha.id, status: 'ENDED', startDate: '2023-04-01', endDate: '2025-09-30', annualValue: '30000.00',
    priorityIssueCodes: ['PI-TRAFFICKING'], area: area0, funding: { 2025: '30000.00' },
  });
  const D = await make('D', {
    providerId: beta.id, status: 'PLANNED', startDate: '2025-04-01', endDate: addDays(today, 60), annualValue: '999999.00',
    priorityIssueCodes: ['PI-EDUCATION'], area: area0, funding: { 2025: '999999.00' }, initiativeIds: [I2.id],
  });
  const E = await make('E', {
    providerId: alpha.id, status: 'ACTIVE', archived: true, startDate: '2025-04-01', endDate: addDays(today, 30), annualValue: '888888.00',
    priorityIssueCodes: ['PI-EDUCATION'], area: area0, funding: { 2025: '888888.00' },
  });
  const F = await make('F', {
    providerId: alpha.id, status: 'ACTIVE', startDate: '2026-04-01', endDate: addDays(today, 20), annualValue: '50000.00',
    priorityIssueCodes: ['PI-BUSINESS'], area: area0,
  });
  const G = await make('G', {
    providerId: beta.id, status: 'ACTIVE', startDate: '2026-04-01', endDate: addDays(today, 200), annualValue: '70000.00',
    priorityIssueCodes: ['PI-BUSINESS'], area: area1,
  });

  await db.initiativeFunding.createMany({
    data: [
      { serviceId: A.id, initiativeId: I1.id, financialYear: 2025, amount: new Prisma.Decimal('40000.00') },
      { serviceId: A.id, initiativeId: I1.id, financialYear: 2024, amount: new Prisma.Decimal('1000.00') },
      { serviceId: B.id, initiativeId: I1.id, financialYear: 2025, amount: new Prisma.Decimal('20000.00') },
      { serviceId: B.id, initiativeId: I2.id, financialYear: 2025, amount: new Prisma.Decimal('15000.00') },
      { serviceId: D.id, initiativeId: I2.id, financialYear: 2025, amount: new Prisma.Decimal('5000.00') },
    ],
  });

  const periods = await db.reportingPeriod.findMany({ where: { financialYear: FIXTURE_YEAR }, orderBy: { quarter: 'asc' } });
  const services = { A, B, C, D, E, F, G };
  for (const row of FIXTURE_RETURNS) {
    const period = periods[row.quarter - 1]!;
    const due = toIsoDate(period.dueDate);
    await createDashboardReturn({
      serviceId: services[row.service].id,
      periodId: period.id,
      dueDate: due,
      status: row.status,
      values: row.values,
      firstSubmittedAt: row.firstSubmittedAt ? row.firstSubmittedAt(due) : null,
      lastSubmittedAt: row.lastSubmittedAt ? row.lastSubmittedAt(due) : null,
      userId: officer.id,
    });
  }

  return {
    today,
    year: FIXTURE_YEAR,
    providers: { alpha, beta },
    services,
    initiatives: { I1, I2 },
    areas: { area0, area1 },
    issues: { online: issue('PI-ONLINE'), trafficking: issue('PI-TRAFFICKING'), education: issue('PI-EDUCATION'), business: issue('PI-BUSINESS') },
    periods,
    officer,
  };
}

export type DashboardFixture = Awaited<ReturnType<typeof createDashboardFixture>>;

/**
 * Adds `count` services of one provider cheaply (a handful of INSERT ... SELECT statements whatever the count), each
 * ACTIVE from 2024-04-01 to today + 100 days, in PI-ONLINE and areas[0], funded 1000.00 in every year given, funded
 * 500.00 by initiatives[0], with an APPROVED return in every period of `financialYear` (NEW_USERS 3,
 * SESSIONS_DELIVERED[ONE_TO_ONE] 2), first submitted on the due date. For statement counts, not for figures.
 */
export async function addBulkServices(count: number, options: { providerId: string; financialYear: number; userId: string }) {
  const db = getPrisma();
  const ref = await reference();
  const template = await defaultTemplate();
  const ids = await measureIds(['NEW_USERS', 'SESSIONS_DELIVERED']);
  const tag = `BULK-${unique()}`;
  const end = addDays(todayInLondon(), 100);
  const online = ref.issues.find((i) => i.code === 'PI-ONLINE')!.id;
  await db.$executeRaw`
    INSERT INTO commissioned_service (reference, title, provider_id, status, start_date, end_date, annual_value, total_value, updated_at)
    SELECT ${tag} || '-' || n, 'Bulk service ' || ${tag} || ' ' || n, ${options.providerId}::uuid, 'ACTIVE', DATE '2024-04-01', ${end}::date,
           1000.00, 4000.00, now()
    FROM generate_series(1, ${count}::int) AS n`;
  const mine = Prisma.sql`(SELECT id FROM commissioned_service WHERE reference LIKE ${`${tag}-%`})`;
  await db.$executeRaw`INSERT INTO service_priority_issue (service_id, priority_issue_id) SELECT id, ${online}::uuid FROM ${mine} s`;
  await db.$executeRaw`INSERT INTO service_area (service_id, area_id) SELECT id, ${ref.areas[0]!.id}::uuid FROM ${mine} s`;
  await db.$executeRaw`
    INSERT INTO service_funding (service_id, financial_year, source, amount)
    SELECT s.id, ${options.financialYear}::smallint, 'PCC_CORE_GRANT', 1000.00 FROM ${mine} s`;
  await db.$executeRaw`INSERT INTO service_initiative (service_id, initiative_id) SELECT id, ${ref.initiatives[0]!.id}::uuid FROM ${mine} s`;
  await db.$executeRaw`
    INSERT INTO initiative_funding (service_id, initiative_id, financial_year, amount)
    SELECT s.id, ${ref.initiatives[0]!.id}::uuid, ${options.financialYear}::smallint, 500.00 FROM ${mine} s`;
  await db.$executeRaw`
    INSERT INTO performance_return (service_id, period_id, template_id, status, submitted_at, submitted_by_id, updated_at)
    SELECT s.id, p.id, ${template.id}::uuid, 'APPROVED', (p.due_date + time '12:00')::timestamptz, ${options.userId}::uuid, now()
    FROM ${mine} s CROSS JOIN reporting_period p WHERE p.financial_year = ${options.financialYear}::smallint`;
  const returns = Prisma.sql`(SELECT pr.id, pr.submitted_at FROM performance_return pr JOIN ${mine} s ON s.id = pr.service_id)`;
  await db.$executeRaw`
    INSERT INTO return_version (return_id, number, status, snapshot, created_by_id, created_at)
    SELECT r.id, 1, 'SUBMITTED', '{}'::jsonb, ${options.userId}::uuid, r.submitted_at FROM ${returns} r`;
  await db.$executeRaw`
    INSERT INTO return_value (return_id, measure_id, breakdown_key, numeric_value, updated_at)
    SELECT r.id, ${ids.get('NEW_USERS')!}::uuid, '', 3, now() FROM ${returns} r
    UNION ALL
    SELECT r.id, ${ids.get('SESSIONS_DELIVERED')!}::uuid, 'ONE_TO_ONE', 2, now() FROM ${returns} r`;
  return tag;
}

// ---------------------------------------------------------------------------------------------------------------
// H2 (outcome dashboards: tests/api/dashboard-outcomes.test.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Gives every return of the services addBulkServices made under `tag` the figures the outcome dashboards read, in
 * one statement whatever the count: NEW_USERS_AGE_GENDER[AGE_13_15|GIRL_WOMAN] 3 and NEW_USERS_ETHNICITY[WHITE] 3
 * (matching its NEW_USERS 3), OUT_COPE_RECOVER_ASSESSED 2, OUT_COPE_RECOVER_IMPROVED 1 and FIN_SPEND_QUARTER 250.00.
 */
export async function addBulkOutcomeValues(tag: string) {
  const codes = ['NEW_USERS_AGE_GENDER', 'NEW_USERS_ETHNICITY', 'OUT_COPE_RECOVER_ASSESSED', 'OUT_COPE_RECOVER_IMPROVED', 'FIN_SPEND_QUARTER'];
  const ids = await measureIds(codes);
  const cells: [string, string, string][] = [
    ['NEW_USERS_AGE_GENDER', 'AGE_13_15|GIRL_WOMAN', '3'],
    ['NEW_USERS_ETHNICITY', 'WHITE', '3'],
    ['OUT_COPE_RECOVER_ASSESSED', '', '2'],
    ['OUT_COPE_RECOVER_IMPROVED', '', '1'],
    ['FIN_SPEND_QUARTER', '', '250.00'],
  ];
  const values = Prisma.join(
    cells.map(([code, key, value]) => Prisma.sql`(${ids.get(code)!}::uuid, ${key}, ${value}::numeric)`),
  );
  await getPrisma().$executeRaw`
    INSERT INTO return_value (return_id, measure_id, breakdown_key, numeric_value, updated_at)
    SELECT pr.id, v.measure_id, v.breakdown_key, v.numeric_value, now()
    FROM performance_return pr
    JOIN commissioned_service s ON s.id = pr.service_id AND s.reference LIKE ${`${tag}-%`}
    CROSS JOIN (VALUES ${values}) AS v (measure_id, breakdown_key, numeric_value)`;
}

// ---------------------------------------------------------------------------------------------------------------
// Briefing pack (tests/api/briefing.test.ts)
// ---------------------------------------------------------------------------------------------------------------

/** The overall outcome's figures addBriefingFixture gives the fixture's returns ("cope and recover"). */
export const BRIEFING_OUTCOMES: { service: 'A' | 'B'; quarter: 1 | 2 | 3; assessed: string; improved: string }[] = [
  { service: 'A', quarter: 1, assessed: '6', improved: '4' },
  { service: 'A', quarter: 2, assessed: '8', improved: '5' },
  { service: 'A', quarter: 3, assessed: '100', improved: '100' }, // SUBMITTED: provisional only
  { service: 'B', quarter: 1, assessed: '12', improved: '9' },
];

/**
 * What the briefing pack reads beyond the dashboards' fixture, added to a fixture made by createDashboardFixture:
 * - risk: A AMBER ("Waiting list growing"), B RED ("Two of three posts vacant"), C RED (ended: never counted);
 * - lead officers: A and B led by fx.officer; F has none;
 * - provider contacts: alpha's primary "Alex Alpha" (Director) and a non-primary one, beta's primary "Bea Beta";
 * - OUT_COPE_RECOVER_ASSESSED/_IMPROVED on A Q1, A Q2, A Q3 (submitted) and B Q1 (BRIEFING_OUTCOMES);
 * - targets on OUT_COPE_RECOVER_IMPROVED for 2025/26: A whole year 10 (A improved 4 + 5 = 9: missed), B whole year 5
 *   (9: met), B Q1 20 (9: missed in a Q1 view); and on OUT_COPE_RECOVER_ASSESSED (NEUTRAL: never judged) A 1000.
 */
export async function addBriefingFixture(fx: DashboardFixture) {
  const db = getPrisma();
  const { A, B, C } = fx.services;
  await db.commissionedService.update({ where: { id: A.id }, data: { riskRating: 'AMBER', riskReason: 'Waiting list growing', leadOfficerId: fx.officer.id } });
  await db.commissionedService.update({ where: { id: B.id }, data: { riskRating: 'RED', riskReason: 'Two of three posts vacant', leadOfficerId: fx.officer.id } });
  await db.commissionedService.update({ where: { id: C.id }, data: { riskRating: 'RED', riskReason: 'Ended' } });
  await db.organisationContact.createMany({
    data: [
      { organisationId: fx.providers.alpha.id, name: 'Alex Alpha', jobTitle: 'Director', isPrimary: true },
      { organisationId: fx.providers.alpha.id, name: 'Nora Notprimary', jobTitle: 'Finance Officer', isPrimary: false },
      { organisationId: fx.providers.beta.id, name: 'Bea Beta', jobTitle: 'Head of Services', isPrimary: true },
    ],
  });
  const ids = await measureIds(['OUT_COPE_RECOVER_ASSESSED', 'OUT_COPE_RECOVER_IMPROVED']);
  for (const row of BRIEFING_OUTCOMES) {
    const period = fx.periods[row.quarter - 1]!;
    const ret = await db.performanceReturn.findUniqueOrThrow({
      where: { serviceId_periodId: { serviceId: fx.services[row.service].id, periodId: period.id } },
    });
    await db.returnValue.createMany({
      data: [
        { returnId: ret.id, measureId: ids.get('OUT_COPE_RECOVER_ASSESSED')!, breakdownKey: '', numericValue: new Prisma.Decimal(row.assessed) },
        { returnId: ret.id, measureId: ids.get('OUT_COPE_RECOVER_IMPROVED')!, breakdownKey: '', numericValue: new Prisma.Decimal(row.improved) },
      ],
    });
  }
  const target = (serviceId: string, code: string, quarter: number, value: string) => ({
    serviceId, measureId: ids.get(code)!, financialYear: FIXTURE_YEAR, quarter, value: new Prisma.Decimal(value),
  });
  await db.target.createMany({
    data: [
      target(A.id, 'OUT_COPE_RECOVER_IMPROVED', 0, '10'),
      target(A.id, 'OUT_COPE_RECOVER_ASSESSED', 0, '1000'),
      target(B.id, 'OUT_COPE_RECOVER_IMPROVED', 0, '5'),
      target(B.id, 'OUT_COPE_RECOVER_IMPROVED', 1, '20'),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Exports (tests/api/exports.test.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Figures the fixture's returns lack for the reach dashboard and the returns data, matching each return's NEW_USERS:
 *
 *   A Q1 APPROVED (NU 5)   age x gender 10-12 girl 5; ethnicity White 5; FIN_SPEND_QUARTER 15000.50;
 *                          REF_MEDIAN_DAYS_TO_FIRST_SESSION 12; a comment on NEW_USERS; a narrative answer (text)
 *   A Q2 APPROVED (NU 8)   13-15 boy 6, 18-24 girl 2; White 6, Asian 2
 *   A Q3 SUBMITTED (NU 4)  16-17 girl 4; White 4                                  (provisional)
 *   B Q1 APPROVED (NU 13)  13-15 girl 13; White 10, Black 3
 *   C Q1 APPROVED (NU 3)   5-9 boy 3; Mixed 3
 *
 * Reach, approved, 2025/26: age Under 13 8 (5 + 3), 13-17 19 (6 + 13), 18+ 2, Not known 0, total 29; gender girl 20
 * (5 + 2 + 13), boy 9 (6 + 3); ethnicity White 21, Asian 2, Black 3, Mixed 3. Q1 only: Under 13 8, 13-17 13, total 21.
 */
export const EXPORT_FIXTURE_VALUES: { service: 'A' | 'B' | 'C'; quarter: 1 | 2 | 3; values: Record<string, string> }[] = [
  {
    service: 'A',
    quarter: 1,
    values: {
      'NEW_USERS_AGE_GENDER[AGE_10_12|GIRL_WOMAN]': '5',
      'NEW_USERS_ETHNICITY[WHITE]': '5',
      FIN_SPEND_QUARTER: '15000.50',
      REF_MEDIAN_DAYS_TO_FIRST_SESSION: '12',
    },
  },
  {
    service: 'A',
    quarter: 2,
    values: {
      'NEW_USERS_AGE_GENDER[AGE_13_15|BOY_MAN]': '6',
      'NEW_USERS_AGE_GENDER[AGE_18_24|GIRL_WOMAN]': '2',
      'NEW_USERS_ETHNICITY[WHITE]': '6',
      'NEW_USERS_ETHNICITY[ASIAN]': '2',
    },
  },
  { service: 'A', quarter: 3, values: { 'NEW_USERS_AGE_GENDER[AGE_16_17|GIRL_WOMAN]': '4', 'NEW_USERS_ETHNICITY[WHITE]': '4' } },
  { service: 'B', quarter: 1, values: { 'NEW_USERS_AGE_GENDER[AGE_13_15|GIRL_WOMAN]': '13', 'NEW_USERS_ETHNICITY[WHITE]': '10', 'NEW_USERS_ETHNICITY[BLACK]': '3' } },
  { service: 'C', quarter: 1, values: { 'NEW_USERS_AGE_GENDER[AGE_5_9|BOY_MAN]': '3', 'NEW_USERS_ETHNICITY[MIXED]': '3' } },
];

export const EXPORT_FIXTURE_COMMENT = 'Comment that must not leave the portal';
export const EXPORT_FIXTURE_NARRATIVE = 'Narrative answer that must not leave the portal';

/** Adds EXPORT_FIXTURE_VALUES to the returns createDashboardFixture made, with a comment and a narrative answer on A Q1. */
export async function addExportFixtureValues(fx: DashboardFixture) {
  const db = getPrisma();
  const codes = new Set(['NEW_USERS', 'NARR_ACHIEVEMENTS']);
  for (const row of EXPORT_FIXTURE_VALUES) for (const field of Object.keys(row.values)) codes.add(/^[^[]+/.exec(field)![0]);
  const ids = await measureIds([...codes]);
  const returnOf = async (service: 'A' | 'B' | 'C', quarter: number) =>
    db.performanceReturn.findUniqueOrThrow({
      where: { serviceId_periodId: { serviceId: fx.services[service].id, periodId: fx.periods[quarter - 1]!.id } },
      select: { id: true },
    });
  for (const row of EXPORT_FIXTURE_VALUES) {
    const ret = await returnOf(row.service, row.quarter);
    await db.returnValue.createMany({
      data: Object.entries(row.values).map(([field, value]) => {
        const match = /^([^[]+)(?:\[(.*)\])?$/.exec(field)!;
        return { returnId: ret.id, measureId: ids.get(match[1]!)!, breakdownKey: match[2] ?? '', numericValue: new Prisma.Decimal(value) };
      }),
    });
  }
  const aq1 = await returnOf('A', 1);
  await db.returnValue.update({
    where: { returnId_measureId_breakdownKey: { returnId: aq1.id, measureId: ids.get('NEW_USERS')!, breakdownKey: '' } },
    data: { comment: EXPORT_FIXTURE_COMMENT },
  });
  await db.returnValue.create({
    data: { returnId: aq1.id, measureId: ids.get('NARR_ACHIEVEMENTS')!, breakdownKey: '', textValue: EXPORT_FIXTURE_NARRATIVE },
  });
}
