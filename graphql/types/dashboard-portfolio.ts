// The portfolio dashboards (issue 5): headline, coverage of the priority issues, timeliness of returns, contracts
// ending, and what each initiative's funded services delivered. OPCC staff only; every one takes a DashboardFilter
// (graphql/types/dashboard-filter.ts) and answers the filter as resolved plus a `disclosure` note in words when
// disclosure control (CSA-SDC-1) applied (the Commissioner).
//
// Every figure is aggregated in PostgreSQL: each dashboard is ONE statement with the filter's reference data
// (queryDashboard, graphql/types/dashboard-filter.ts), whatever the number of services. Rows are only shaped in
// JavaScript, never added up. Return values are reached through return_value's unique index (return, measure, key)
// per counted return, never by reading every value of the returns.
//
// Definitions (also in the field descriptions):
// - In scope: servicesInScopeSql (not PLANNED, not archived; area, priority issue, provider).
// - Running in a period: start date on or before the period's end and end date on or after its start.
// - Expected return: a service in scope running in a quarter that has ended (its end date is before today).
//   Received: submitted at least once. On time: FIRST submitted (the first SUBMITTED return_version, else
//   submitted_at) on or before the due date, in England's time. Approved: status APPROVED now.
//   Returns are not people: never controlled.
// - Figures from returns (NEW_USERS, SESSIONS_DELIVERED) come from approved returns, or also SUBMITTED, RETURNED and
//   REOPENED ones when an officer asks for provisional figures. A measure's figure in a return is its total row
//   (breakdown key ''), or the sum of its breakdown rows when it has no total row.
// - Money is exact for everyone; counts of people (NEW_USERS) are controlled for the Commissioner.
import { Prisma } from '../../prisma/client';
import { builder } from '../builder';
import type { Context } from '../context';
import {
  DashboardFilterEchoRef,
  DashboardFilterInput,
  dashboardRows,
  disclosureNote,
  filterEcho,
  peopleCount,
  PeopleCountRef,
  percentage,
  PercentageRef,
  periodSelectedSql,
  periodYearToDateSql,
  dashboardResolver,
  serviceActiveInWindowSql,
  servicesInScopeSql,
  returnCountedSql,
  type DashboardRows,
  type RowSet,
  type DashboardScope,
  type DashboardStatement,
  type DashboardFilterEchoShape,
  type PeopleCountShape,
  type PercentageShape,
  type ResolvedDashboardFilter,
  type SqlNumber,
} from './dashboard-filter';

// ---------------------------------------------------------------------------------------------------------------
// SQL building blocks
// ---------------------------------------------------------------------------------------------------------------

const uuids = (ids: string[]) => Prisma.sql`ARRAY[${Prisma.join(ids)}]::uuid[]`;

const money = (value: SqlNumber) => new Prisma.Decimal((value ?? 0).toString());
const int = (value: SqlNumber) => Number((value ?? 0).toString());

/** Months a contract has left: whole calendar months from today to its end date. */
export const CONTRACTS_ENDING_MONTHS = 6;

/**
 * One row per expected return (service in scope x quarter of the filter that has ended, the service running in
 * it), with the return's status and first submission. Columns: period_id, quarter, label, due_date, status,
 * first_submitted, received, on_time, approved.
 */
function expectedReturnsSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id AS period_id, p.quarter, p.label, p.due_date,
           pr.status::text AS status,
           COALESCE(fs.first_submitted, pr.submitted_at) AS first_submitted,
           (COALESCE(fs.first_submitted, pr.submitted_at) IS NOT NULL
             OR pr.status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'REOPENED')) AS received,
           (COALESCE(fs.first_submitted, pr.submitted_at) AT TIME ZONE 'Europe/London')::date <= p.due_date AS on_time,
           (pr.status = 'APPROVED') AS approved
    FROM commissioned_service s
    JOIN reporting_period p
      ON ${periodSelectedSql(scope, 'p')}
     AND p.end_date < ${scope.today}::date
     AND s.start_date <= p.end_date AND s.end_date >= p.start_date
    -- The return of each (service, quarter) by its unique key, not a scan of every return (OFFSET 0 keeps the lookup).
    LEFT JOIN LATERAL (
      SELECT pr.id, pr.status, pr.submitted_at FROM performance_return pr WHERE pr.service_id = s.id AND pr.period_id = p.id OFFSET 0
    ) pr ON true
    LEFT JOIN LATERAL (
      SELECT min(v.created_at) AS first_submitted FROM return_version v WHERE v.return_id = pr.id AND v.status = 'SUBMITTED'
    ) fs ON true
    WHERE ${servicesInScopeSql(scope)}`;
}

/**
 * Per service in scope: what its counted returns (filter statuses) delivered in `periodIds` (absent: the filter's
 * selected periods). Columns: service_id, new_users, sessions. A measure's figure per return is its total row, else
 * the sum of its one-dimensional rows.
 */
export function deliveredSql(scope: DashboardScope, periodIds?: string[]): Prisma.Sql {
  const periods = periodIds
    ? Prisma.sql`pr.period_id = ANY(${uuids(periodIds)})`
    : Prisma.sql`pr.period_id IN (SELECT p.id FROM reporting_period p WHERE ${periodSelectedSql(scope, 'p')})`;
  // Per counted return, both measures' figures from its own rows of the two measures only: return_value's unique
  // index (return, measure, key) finds them, the measures' ids looked up once. Returns with no row of either are left
  // out, as services with no such row.
  return Prisma.sql`
    SELECT pr.service_id, SUM(v.new_users) AS new_users, SUM(v.sessions) AS sessions
    FROM performance_return pr
    JOIN commissioned_service s ON s.id = pr.service_id
    CROSS JOIN (SELECT (SELECT id FROM measure WHERE code = 'NEW_USERS') AS new_users,
                       (SELECT id FROM measure WHERE code = 'SESSIONS_DELIVERED') AS sessions) dm
    CROSS JOIN LATERAL (
      SELECT count(*) AS n,
             COALESCE(SUM(rv.numeric_value) FILTER (WHERE rv.measure_id = dm.new_users AND rv.breakdown_key = ''),
                      SUM(rv.numeric_value) FILTER (WHERE rv.measure_id = dm.new_users AND rv.breakdown_key <> ''
                                                      AND strpos(rv.breakdown_key, '|') = 0)) AS new_users,
             COALESCE(SUM(rv.numeric_value) FILTER (WHERE rv.measure_id = dm.sessions AND rv.breakdown_key = ''),
                      SUM(rv.numeric_value) FILTER (WHERE rv.measure_id = dm.sessions AND rv.breakdown_key <> ''
                                                      AND strpos(rv.breakdown_key, '|') = 0)) AS sessions
      FROM return_value rv
      WHERE rv.return_id = pr.id AND rv.measure_id IN (dm.new_users, dm.sessions)
    ) v
    WHERE ${periods}
      AND ${returnCountedSql(scope)}
      AND ${servicesInScopeSql(scope)}
      AND v.n > 0
    GROUP BY pr.service_id`;
}

const FILTER_ARG = 'Absent: the financial year of the latest quarter that has ended, whole year, approved returns only.';

// ---------------------------------------------------------------------------------------------------------------
// 1. Headline
// ---------------------------------------------------------------------------------------------------------------

interface HeadlineShape {
  filter: DashboardFilterEchoShape;
  activeServices: number;
  annualInvestment: Prisma.Decimal;
  childrenSupportedYearToDate: PeopleCountShape;
  yearToDateLabel: string;
  returnsExpected: number;
  returnsReceived: number;
  returnsOnTime: number;
  returnsOnTimePercentage: PercentageShape;
  disclosure: string | null;
}

const HeadlineRef = builder.objectRef<HeadlineShape>('DashboardHeadline').implement({
  description: 'The portfolio at a glance.',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (h) => h.filter }),
    activeServices: t.exposeInt('activeServices', {
      description: 'Services in scope running at some time in the year (or the quarter). Not controlled.',
    }),
    annualInvestment: t.expose('annualInvestment', {
      type: 'Money',
      description: "The year's funding of the services in scope, every source (service_funding). Exact.",
    }),
    childrenSupportedYearToDate: t.field({
      type: PeopleCountRef,
      description: 'Children and young people who started support (NEW_USERS) in the year up to the filter\'s quarter.',
      resolve: (h) => h.childrenSupportedYearToDate,
    }),
    yearToDateLabel: t.exposeString('yearToDateLabel', { description: '"2025/26 Q1 to Q3": the quarters the figure covers.' }),
    returnsExpected: t.exposeInt('returnsExpected', { description: 'Returns expected for quarters whose due date has passed.' }),
    returnsReceived: t.exposeInt('returnsReceived'),
    returnsOnTime: t.exposeInt('returnsOnTime', { description: 'First submitted on or before the due date.' }),
    returnsOnTimePercentage: t.field({
      type: PercentageRef,
      description: 'On time out of expected. Returns are not people: exact for everyone.',
      resolve: (h) => h.returnsOnTimePercentage,
    }),
    disclosure: t.exposeString('disclosure', { nullable: true, description: 'What disclosure control was applied, in words.' }),
  }),
});

const HEADLINE_COLUMNS = ['active', 'investment', 'children', 'expected', 'received', 'on_time'] as const;

function headlineStatement(scope: DashboardScope): DashboardStatement<{ rows: RowSet<(typeof HEADLINE_COLUMNS)[number]> }> {
  const inScope = servicesInScopeSql(scope);
  return {
    sets: {
      rows: {
        columns: HEADLINE_COLUMNS,
        sql: Prisma.sql`
          WITH expected AS (${expectedReturnsSql(scope)})
          SELECT
            (SELECT count(*) FROM commissioned_service s WHERE ${inScope} AND ${serviceActiveInWindowSql(scope)}) AS active,
            (SELECT COALESCE(SUM(f.amount), 0) FROM service_funding f JOIN commissioned_service s ON s.id = f.service_id
              WHERE ${inScope} AND f.financial_year = ${scope.financialYear}::smallint)::text AS investment,
            -- The counted returns of each quarter by performance_return's (period, status) index, then each one's
            -- NEW_USERS total by (return, measure, '') in return_value's unique index.
            (SELECT COALESCE(SUM(rv.numeric_value), 0)
               FROM reporting_period ytd
               CROSS JOIN LATERAL (
                 SELECT pr.id, pr.service_id FROM performance_return pr WHERE pr.period_id = ytd.id AND ${returnCountedSql(scope)} OFFSET 0
               ) pr
               JOIN commissioned_service s ON s.id = pr.service_id
               JOIN return_value rv
                 ON rv.return_id = pr.id AND rv.breakdown_key = '' AND rv.measure_id = (SELECT id FROM measure WHERE code = 'NEW_USERS')
              WHERE ${periodYearToDateSql(scope, 'ytd')} AND ${inScope}) AS children,
            e.expected, e.received, e.on_time
          FROM (
            SELECT count(*) AS expected, count(*) FILTER (WHERE received) AS received, count(*) FILTER (WHERE on_time) AS on_time
            FROM expected WHERE due_date < ${scope.today}::date
          ) e`,
      },
    },
  };
}

function shapeHeadline(filter: ResolvedDashboardFilter, { rows }: DashboardRows<{ rows: RowSet<(typeof HEADLINE_COLUMNS)[number]> }>): HeadlineShape {
  const row = rows[0]!;
  const children = peopleCount(row.children, filter.controlled);
  const ytd = filter.yearPeriods.filter((p) => filter.yearToDatePeriodIds.includes(p.id));
  const first = ytd[0]!;
  const last = ytd[ytd.length - 1]!;
  const yearLabel = first.label.slice(0, 7);
  return {
    filter: filterEcho(filter),
    activeServices: int(row.active),
    annualInvestment: money(row.investment),
    childrenSupportedYearToDate: children,
    yearToDateLabel: first === last ? first.label : `${yearLabel} Q${first.quarter} to Q${last.quarter}`,
    returnsExpected: int(row.expected),
    returnsReceived: int(row.received),
    returnsOnTime: int(row.on_time),
    returnsOnTimePercentage: percentage(row.on_time, row.expected, false),
    disclosure: disclosureNote(filter, [children]),
  };
}

export async function headline(ctx: Context, filter: ResolvedDashboardFilter): Promise<HeadlineShape> {
  return shapeHeadline(filter, await dashboardRows(ctx, headlineStatement(filter)));
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Coverage: priority issues x services
// ---------------------------------------------------------------------------------------------------------------

interface CoverageServiceShape {
  id: string;
  reference: string;
  title: string;
  providerName: string;
  investment: Prisma.Decimal;
}

interface CoverageIssueShape {
  code: string;
  title: string;
  services: CoverageServiceShape[];
  investment: Prisma.Decimal;
  gap: boolean;
}

interface CoverageShape {
  filter: DashboardFilterEchoShape;
  issues: CoverageIssueShape[];
  totalInvestment: Prisma.Decimal;
  gapCount: number;
  disclosure: string | null;
}

const CoverageServiceRef = builder.objectRef<CoverageServiceShape>('DashboardCoverageService').implement({
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference'),
    title: t.exposeString('title'),
    providerName: t.exposeString('providerName'),
    investment: t.expose('investment', { type: 'Money', description: "The service's funding for the year, every source." }),
  }),
});

const CoverageIssueRef = builder.objectRef<CoverageIssueShape>('DashboardCoverageIssue').implement({
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    services: t.field({ type: [CoverageServiceRef], resolve: (issue) => issue.services }),
    investment: t.expose('investment', {
      type: 'Money',
      description: "The year's funding of the issue's services (a service in two issues counts in both).",
    }),
    gap: t.exposeBoolean('gap', { description: 'No service in scope addresses this issue.' }),
  }),
});

const CoverageRef = builder.objectRef<CoverageShape>('DashboardCoverage').implement({
  description: 'The priority issues (all of them, or the one filtered) with the services in scope running in the period.',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (c) => c.filter }),
    issues: t.field({ type: [CoverageIssueRef], resolve: (c) => c.issues }),
    totalInvestment: t.expose('totalInvestment', { type: 'Money', description: 'Each service counted once.' }),
    gapCount: t.exposeInt('gapCount', { description: 'Priority issues with no service.' }),
    disclosure: t.exposeString('disclosure', { nullable: true }),
  }),
});

function coverageStatement(scope: DashboardScope) {
  const issue = scope.priorityIssueCode ? Prisma.sql`WHERE pi.code = ${scope.priorityIssueCode}` : Prisma.empty;
  return {
    // The services in scope running in the window, with their funding for the year.
    with: Prisma.sql`svc AS (
      SELECT s.id, s.reference, s.title, o.name AS provider_name, COALESCE(f.amount, 0) AS investment
      FROM commissioned_service s
      JOIN organisation o ON o.id = s.provider_id
      LEFT JOIN (SELECT service_id, SUM(amount) AS amount FROM service_funding
                  WHERE financial_year = ${scope.financialYear}::smallint GROUP BY service_id) f ON f.service_id = s.id
      WHERE ${servicesInScopeSql(scope)} AND ${serviceActiveInWindowSql(scope)}
    )`,
    sets: {
      /** Every priority issue (or the one filtered), with its services' funding. */
      issues: {
        columns: ['code', 'title', 'investment'] as const,
        sql: Prisma.sql`
          SELECT pi.code, pi.title, pi.sort_order, COALESCE(SUM(svc.investment), 0)::text AS investment
          FROM priority_issue pi
          LEFT JOIN (service_priority_issue spi JOIN svc ON svc.id = spi.service_id) ON spi.priority_issue_id = pi.id
          ${issue}
          GROUP BY pi.id`,
        orderBy: Prisma.sql`x.sort_order, x.code`,
      },
      /** The services addressing each issue, by reference. */
      services: {
        columns: ['code', 'id', 'reference', 'title', 'provider_name', 'investment'] as const,
        sql: Prisma.sql`
          SELECT pi.code, pi.sort_order, svc.id, svc.reference, svc.title, svc.provider_name, svc.investment::text AS investment
          FROM priority_issue pi
          JOIN service_priority_issue spi ON spi.priority_issue_id = pi.id
          JOIN svc ON svc.id = spi.service_id
          ${issue}`,
        orderBy: Prisma.sql`x.sort_order, x.code, x.reference`,
      },
      /** Each service once. */
      total: {
        columns: ['investment'] as const,
        sql: Prisma.sql`SELECT COALESCE(SUM(investment), 0)::text AS investment FROM svc`,
      },
    },
  } satisfies DashboardStatement<Record<string, RowSet>>;
}

function shapeCoverage(filter: ResolvedDashboardFilter, rows: DashboardRows<ReturnType<typeof coverageStatement>['sets']>): CoverageShape {
  const issues: CoverageIssueShape[] = rows.issues.map((row) => ({
    code: row.code as string,
    title: row.title as string,
    services: [],
    investment: money(row.investment),
    gap: true,
  }));
  const byCode = new Map(issues.map((issue) => [issue.code, issue]));
  for (const row of rows.services) {
    const issue = byCode.get(row.code as string)!;
    issue.gap = false;
    issue.services.push({
      id: row.id as string,
      reference: row.reference as string,
      title: row.title as string,
      providerName: row.provider_name as string,
      investment: money(row.investment),
    });
  }
  return {
    filter: filterEcho(filter),
    issues,
    totalInvestment: money(rows.total[0]?.investment),
    gapCount: issues.filter((issue) => issue.gap).length,
    disclosure: disclosureNote(filter, []),
  };
}

export async function coverage(ctx: Context, filter: ResolvedDashboardFilter): Promise<CoverageShape> {
  return shapeCoverage(filter, await dashboardRows(ctx, coverageStatement(filter)));
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Timeliness of returns
// ---------------------------------------------------------------------------------------------------------------

interface TimelinessQuarterShape {
  periodId: string;
  quarter: number;
  label: string;
  dueDate: Date;
  dueDatePassed: boolean;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  approved: number;
  notReceived: number;
  receivedPercentage: PercentageShape;
  onTimePercentage: PercentageShape;
  approvedPercentage: PercentageShape;
}

interface TimelinessShape {
  filter: DashboardFilterEchoShape;
  quarters: TimelinessQuarterShape[];
  disclosure: string | null;
}

const TimelinessQuarterRef = builder.objectRef<TimelinessQuarterShape>('DashboardTimelinessQuarter').implement({
  description: 'Returns of one quarter. Returns are not people: exact for everyone.',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    periodId: t.exposeID('periodId'),
    quarter: t.exposeInt('quarter'),
    label: t.exposeString('label'),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    dueDatePassed: t.exposeBoolean('dueDatePassed', { description: 'false: returns can still arrive on time.' }),
    expected: t.exposeInt('expected', { description: 'Services in scope running in the quarter.' }),
    received: t.exposeInt('received', { description: 'Submitted at least once.' }),
    onTime: t.exposeInt('onTime', { description: 'First submitted on or before the due date.' }),
    late: t.exposeInt('late', { description: 'Received, but first submitted after the due date.' }),
    approved: t.exposeInt('approved'),
    notReceived: t.exposeInt('notReceived'),
    receivedPercentage: t.field({ type: PercentageRef, resolve: (q) => q.receivedPercentage }),
    onTimePercentage: t.field({ type: PercentageRef, resolve: (q) => q.onTimePercentage }),
    approvedPercentage: t.field({ type: PercentageRef, resolve: (q) => q.approvedPercentage }),
  }),
});

const TimelinessRef = builder.objectRef<TimelinessShape>('DashboardTimeliness').implement({
  description: 'Completeness and timeliness of returns per quarter that has ended (the filter\'s quarter, or the year\'s).',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (x) => x.filter }),
    quarters: t.field({ type: [TimelinessQuarterRef], resolve: (x) => x.quarters }),
    disclosure: t.exposeString('disclosure', { nullable: true }),
  }),
});

const TIMELINESS_COLUMNS = ['period_id', 'expected', 'received', 'on_time', 'approved'] as const;

function timelinessStatement(scope: DashboardScope): DashboardStatement<{ rows: RowSet<(typeof TIMELINESS_COLUMNS)[number]> }> {
  return {
    sets: {
      rows: {
        columns: TIMELINESS_COLUMNS,
        sql: Prisma.sql`
          WITH expected AS (${expectedReturnsSql(scope)})
          SELECT period_id, count(*) AS expected, count(*) FILTER (WHERE received) AS received,
                 count(*) FILTER (WHERE on_time) AS on_time, count(*) FILTER (WHERE approved) AS approved
          FROM expected GROUP BY period_id`,
      },
    },
  };
}

function shapeTimeliness(filter: ResolvedDashboardFilter, { rows }: DashboardRows<{ rows: RowSet<(typeof TIMELINESS_COLUMNS)[number]> }>): TimelinessShape {
  const byPeriod = new Map(rows.map((row) => [row.period_id, row]));
  const quarters = filter.yearPeriods
    .filter((p) => filter.periodIds.includes(p.id) && p.ended)
    .map((p): TimelinessQuarterShape => {
      const row = byPeriod.get(p.id);
      const expected = int(row?.expected);
      const received = int(row?.received);
      const onTime = int(row?.on_time);
      const approved = int(row?.approved);
      return {
        periodId: p.id,
        quarter: p.quarter,
        label: p.label,
        dueDate: new Date(`${p.dueDate}T00:00:00Z`),
        dueDatePassed: p.dueDate < filter.today,
        expected,
        received,
        onTime,
        late: received - onTime,
        approved,
        notReceived: expected - received,
        receivedPercentage: percentage(received, expected, false),
        onTimePercentage: percentage(onTime, expected, false),
        approvedPercentage: percentage(approved, expected, false),
      };
    });
  return { filter: filterEcho(filter), quarters, disclosure: disclosureNote(filter, []) };
}

export async function timeliness(ctx: Context, filter: ResolvedDashboardFilter): Promise<TimelinessShape> {
  return shapeTimeliness(filter, await dashboardRows(ctx, timelinessStatement(filter)));
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Contracts ending
// ---------------------------------------------------------------------------------------------------------------

interface EndingContractShape {
  serviceId: string;
  reference: string;
  title: string;
  status: string;
  providerName: string;
  endDate: Date;
  annualValue: Prisma.Decimal;
  monthsLeft: number;
  daysLeft: number;
}

interface ContractsEndingShape {
  filter: DashboardFilterEchoShape;
  today: Date;
  until: Date;
  contracts: EndingContractShape[];
  totalAnnualValue: Prisma.Decimal;
  disclosure: string | null;
}

const EndingContractRef = builder.objectRef<EndingContractShape>('DashboardEndingContract').implement({
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    serviceId: t.exposeID('serviceId'),
    reference: t.exposeString('reference'),
    title: t.exposeString('title'),
    status: t.exposeString('status', { description: 'ACTIVE or EXTENDED.' }),
    providerName: t.exposeString('providerName'),
    endDate: t.expose('endDate', { type: 'Date' }),
    annualValue: t.expose('annualValue', { type: 'Money' }),
    monthsLeft: t.exposeInt('monthsLeft', { description: 'Whole calendar months from today to the end date (0: under a month).' }),
    daysLeft: t.exposeInt('daysLeft'),
  }),
});

const ContractsEndingRef = builder.objectRef<ContractsEndingShape>('DashboardContractsEnding').implement({
  description:
    'Services in scope (ACTIVE or EXTENDED) ending from today (England) to 6 months from today, soonest first. ' +
    'The filter\'s area, priority issue and provider apply; its year and quarter do not.',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (x) => x.filter }),
    today: t.expose('today', { type: 'Date' }),
    until: t.expose('until', { type: 'Date' }),
    contracts: t.field({ type: [EndingContractRef], resolve: (x) => x.contracts }),
    totalAnnualValue: t.expose('totalAnnualValue', { type: 'Money' }),
    disclosure: t.exposeString('disclosure', { nullable: true }),
  }),
});

const CONTRACTS_ENDING_COLUMNS = [
  'id',
  'reference',
  'title',
  'status',
  'provider_name',
  'end_date',
  'annual_value',
  'days_left',
  'months_left',
  'total',
] as const;

function contractsEndingStatement(scope: DashboardScope): DashboardStatement<{ rows: RowSet<(typeof CONTRACTS_ENDING_COLUMNS)[number]> }> {
  const today = scope.today;
  return {
    sets: {
      rows: {
        columns: CONTRACTS_ENDING_COLUMNS,
        sql: Prisma.sql`
          SELECT s.id, s.reference, s.title, s.status::text AS status, o.name AS provider_name, s.end_date, s.annual_value::text AS annual_value,
                 (s.end_date - ${today}::date) AS days_left,
                 (EXTRACT(YEAR FROM age(s.end_date, ${today}::date)) * 12 + EXTRACT(MONTH FROM age(s.end_date, ${today}::date)))::int AS months_left,
                 SUM(s.annual_value) OVER ()::text AS total
          FROM commissioned_service s JOIN organisation o ON o.id = s.provider_id
          WHERE ${servicesInScopeSql(scope)}
            AND s.status IN ('ACTIVE', 'EXTENDED')
            AND s.end_date >= ${today}::date
            AND s.end_date <= (${today}::date + make_interval(months => ${CONTRACTS_ENDING_MONTHS}::int))::date`,
        orderBy: Prisma.sql`x.end_date, x.reference`,
      },
    },
  };
}

function shapeContractsEnding(
  filter: ResolvedDashboardFilter,
  { rows }: DashboardRows<{ rows: RowSet<(typeof CONTRACTS_ENDING_COLUMNS)[number]> }>,
): ContractsEndingShape {
  const today = filter.today;
  const until = sixMonthsFrom(today);
  return {
    filter: filterEcho(filter),
    today: new Date(`${today}T00:00:00Z`),
    until: new Date(`${until}T00:00:00Z`),
    contracts: rows.map((row) => ({
      serviceId: row.id as string,
      reference: row.reference as string,
      title: row.title as string,
      status: row.status as string,
      providerName: row.provider_name as string,
      endDate: new Date(`${row.end_date as string}T00:00:00Z`),
      annualValue: money(row.annual_value),
      monthsLeft: int(row.months_left),
      daysLeft: int(row.days_left),
    })),
    totalAnnualValue: money(rows[0]?.total),
    disclosure: disclosureNote(filter, []),
  };
}

export async function contractsEnding(ctx: Context, filter: ResolvedDashboardFilter): Promise<ContractsEndingShape> {
  return shapeContractsEnding(filter, await dashboardRows(ctx, contractsEndingStatement(filter)));
}

/** today + 6 calendar months, as PostgreSQL adds them (31 Aug + 6 months = 28/29 Feb). */
export function sixMonthsFrom(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month = m - 1 + CONTRACTS_ENDING_MONTHS;
  const year = y + Math.floor(month / 12);
  const monthIndex = month % 12;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, monthIndex, Math.min(d, lastDay)));
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Initiatives
// ---------------------------------------------------------------------------------------------------------------

interface InitiativeServiceShape {
  serviceId: string;
  reference: string;
  title: string;
  providerName: string;
  funding: Prisma.Decimal;
  newServiceUsers: PeopleCountShape;
  sessionsDelivered: number;
}

interface InitiativeShape {
  id: string;
  name: string;
  status: string;
  funding: Prisma.Decimal;
  services: InitiativeServiceShape[];
  newServiceUsers: PeopleCountShape;
  sessionsDelivered: number;
}

interface InitiativesShape {
  filter: DashboardFilterEchoShape;
  initiatives: InitiativeShape[];
  disclosure: string | null;
}

const InitiativeServiceRef = builder.objectRef<InitiativeServiceShape>('DashboardInitiativeService').implement({
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    serviceId: t.exposeID('serviceId'),
    reference: t.exposeString('reference'),
    title: t.exposeString('title'),
    providerName: t.exposeString('providerName'),
    funding: t.expose('funding', { type: 'Money', description: "The initiative's funding of this service for the year." }),
    newServiceUsers: t.field({
      type: PeopleCountRef,
      description: 'New service users (NEW_USERS) in the filter\'s period, from counted returns.',
      resolve: (s) => s.newServiceUsers,
    }),
    sessionsDelivered: t.exposeInt('sessionsDelivered', { description: 'SESSIONS_DELIVERED in the period. Not people: exact.' }),
  }),
});

const InitiativeRef = builder.objectRef<InitiativeShape>('DashboardInitiative').implement({
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    status: t.exposeString('status'),
    funding: t.expose('funding', { type: 'Money', description: "The initiative's funding for the year (initiative_funding)." }),
    services: t.field({ type: [InitiativeServiceRef], resolve: (i) => i.services }),
    newServiceUsers: t.field({
      type: PeopleCountRef,
      description: 'Total of its funded services, worked out from the exact figures and controlled on its own.',
      resolve: (i) => i.newServiceUsers,
    }),
    sessionsDelivered: t.exposeInt('sessionsDelivered'),
  }),
});

const InitiativesRef = builder.objectRef<InitiativesShape>('DashboardInitiatives').implement({
  description:
    'Each initiative (not archived) with the services in scope it funds in the year and what they delivered in the ' +
    "filter's period. A service funded by two initiatives shows its whole delivery under each.",
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    filter: t.field({ type: DashboardFilterEchoRef, resolve: (x) => x.filter }),
    initiatives: t.field({ type: [InitiativeRef], resolve: (x) => x.initiatives }),
    disclosure: t.exposeString('disclosure', { nullable: true }),
  }),
});

const INITIATIVES_COLUMNS = [
  'id',
  'name',
  'status',
  'service_id',
  'reference',
  'title',
  'provider_name',
  'amount',
  'new_users',
  'sessions',
  'initiative_amount',
  'initiative_new_users',
  'initiative_sessions',
] as const;

function initiativesStatement(scope: DashboardScope): DashboardStatement<{ rows: RowSet<(typeof INITIATIVES_COLUMNS)[number]> }> {
  return {
    sets: {
      rows: {
        columns: INITIATIVES_COLUMNS,
        sql: Prisma.sql`
          WITH delivered AS (${deliveredSql(scope)}),
          funded AS (
            SELECT f.initiative_id, s.id AS service_id, s.reference, s.title, o.name AS provider_name, SUM(f.amount) AS amount
            FROM initiative_funding f
            JOIN commissioned_service s ON s.id = f.service_id
            JOIN organisation o ON o.id = s.provider_id
            WHERE f.financial_year = ${scope.financialYear}::smallint AND ${servicesInScopeSql(scope)}
            GROUP BY f.initiative_id, s.id, s.reference, s.title, o.name
          )
          SELECT i.id, i.name, i.status::text AS status, i.sort_order, fu.service_id, fu.reference, fu.title, fu.provider_name,
                 fu.amount::text AS amount,
                 COALESCE(d.new_users, 0) AS new_users, COALESCE(d.sessions, 0) AS sessions,
                 COALESCE(SUM(fu.amount) OVER w, 0)::text AS initiative_amount,
                 COALESCE(SUM(d.new_users) OVER w, 0) AS initiative_new_users,
                 COALESCE(SUM(d.sessions) OVER w, 0) AS initiative_sessions
          FROM initiative i
          LEFT JOIN funded fu ON fu.initiative_id = i.id
          LEFT JOIN delivered d ON d.service_id = fu.service_id
          WHERE i.archived_at IS NULL
          WINDOW w AS (PARTITION BY i.id)`,
        orderBy: Prisma.sql`x.sort_order, x.name, x.reference`,
      },
    },
  };
}

function shapeInitiatives(filter: ResolvedDashboardFilter, { rows }: DashboardRows<{ rows: RowSet<(typeof INITIATIVES_COLUMNS)[number]> }>): InitiativesShape {
  const list: InitiativeShape[] = [];
  for (const row of rows) {
    let initiative = list[list.length - 1];
    if (!initiative || initiative.id !== row.id) {
      initiative = {
        id: row.id as string,
        name: row.name as string,
        status: row.status as string,
        funding: money(row.initiative_amount),
        services: [],
        newServiceUsers: peopleCount(row.initiative_new_users, filter.controlled),
        sessionsDelivered: int(row.initiative_sessions),
      };
      list.push(initiative);
    }
    if (row.service_id) {
      initiative.services.push({
        serviceId: row.service_id as string,
        reference: row.reference as string,
        title: row.title as string,
        providerName: row.provider_name as string,
        funding: money(row.amount),
        newServiceUsers: peopleCount(row.new_users, filter.controlled),
        sessionsDelivered: int(row.sessions),
      });
    }
  }
  const figures = list.flatMap((i) => [i.newServiceUsers, ...i.services.map((s) => s.newServiceUsers)]);
  return { filter: filterEcho(filter), initiatives: list, disclosure: disclosureNote(filter, figures) };
}

export async function initiatives(ctx: Context, filter: ResolvedDashboardFilter): Promise<InitiativesShape> {
  return shapeInitiatives(filter, await dashboardRows(ctx, initiativesStatement(filter)));
}

// ---------------------------------------------------------------------------------------------------------------
// Root fields
// ---------------------------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  dashboardHeadline: t.field({
    type: HeadlineRef,
    description: 'The portfolio headline: services, investment, children supported year to date, returns on time.',
    authScopes: { opccStaff: true },
    args: { filter: t.arg({ type: DashboardFilterInput, description: FILTER_ARG }) },
    resolve: dashboardResolver(headlineStatement, shapeHeadline),
  }),
  dashboardCoverage: t.field({
    type: CoverageRef,
    description: 'The priority issues x the services addressing them, with investment; issues with no service are gaps.',
    authScopes: { opccStaff: true },
    args: { filter: t.arg({ type: DashboardFilterInput, description: FILTER_ARG }) },
    resolve: dashboardResolver(coverageStatement, shapeCoverage),
  }),
  dashboardTimeliness: t.field({
    type: TimelinessRef,
    description: 'Returns expected, received, on time and approved, per quarter.',
    authScopes: { opccStaff: true },
    args: { filter: t.arg({ type: DashboardFilterInput, description: FILTER_ARG }) },
    resolve: dashboardResolver(timelinessStatement, shapeTimeliness),
  }),
  dashboardContractsEnding: t.field({
    type: ContractsEndingRef,
    description: 'Contracts ending in the next 6 months, soonest first.',
    authScopes: { opccStaff: true },
    args: { filter: t.arg({ type: DashboardFilterInput, description: FILTER_ARG }) },
    resolve: dashboardResolver(contractsEndingStatement, shapeContractsEnding),
  }),
  dashboardInitiatives: t.field({
    type: InitiativesRef,
    description: "Each initiative's funded services and what they delivered.",
    authScopes: { opccStaff: true },
    args: { filter: t.arg({ type: DashboardFilterInput, description: FILTER_ARG }) },
    resolve: dashboardResolver(initiativesStatement, shapeInitiatives),
  }),
}));
