// The SQL behind graphql/types/dashboard-outcomes.ts. Every figure is added up IN POSTGRESQL (GROUP BY with FILTER
// clauses over return_value joined to measure, performance_return and reporting_period): what reaches JavaScript is
// at most one row per (quarter x outcome domain), per breakdown option, or per service - never return_value rows.
// Each dashboard is ONE statement whatever the number of services (a test counts them at 5 and 100): its sets of rows
// (RowSet, graphql/types/dashboard-filter.ts) come back beside the filter's reference data (queryDashboard), each set
// one json value; the functions *Rows turn a set's rows into the typed rows the dashboards shape.
//
// Each takes the dashboard scope (graphql/types/dashboard-filter.ts): the financial year and quarter (the periods
// selected), the return statuses counted (APPROVED, plus the provisional ones when asked) and the services in scope
// (servicesInScopeSql: not planned, not archived, matching area, priority issue and provider).
import { Prisma } from '../../prisma/client';
import { OUTCOME_DOMAINS } from '../../seeds/measures';
import {
  periodSelectedSql,
  returnCountedSql,
  serviceActiveInWindowSql,
  servicesInScopeSql,
  type DashboardRow,
  type DashboardScope,
  type RowSet,
} from '../types/dashboard-filter';

/** How many quarters before the selection the outcome trend shows. */
export const TREND_QUARTERS_BEFORE = 4;

/** The measure whose improved count is "an improved outcome" for value for money: overall cope and recover. */
export const IMPROVED_OUTCOME_DOMAIN = OUTCOME_DOMAINS.find((domain) => domain.code === 'COPE_RECOVER')!;
export const IMPROVED_OUTCOME_MEASURE = `${IMPROVED_OUTCOME_DOMAIN.prefix}_IMPROVED`;

const ASSESSED_CODES = OUTCOME_DOMAINS.map((domain) => `${domain.prefix}_ASSESSED`);
const IMPROVED_CODES = OUTCOME_DOMAINS.map((domain) => `${domain.prefix}_IMPROVED`);

/** A quarter's position on one line: 2025 Q1 -> 8100, Q4 -> 8103, so "the 4 quarters before" is a subtraction. */
const quarterIndex = (financialYear: number, quarter: number) => financialYear * 4 + (quarter - 1);

/** The returns counted: the selected statuses, joined to the services in scope. */
const countedReturn = (scope: DashboardScope) => Prisma.sql`${returnCountedSql(scope)} AND ${servicesInScopeSql(scope)}`;

/** Whole numbers come through JSON as numbers; the shapes keep them as bigint. */
const big = (value: string | number | null): bigint | null => (value === null ? null : BigInt(value));
/** Money comes through as text (exact). */
const decimal = (value: string | number | null): Prisma.Decimal | null => (value === null ? null : new Prisma.Decimal(value));

// ---------------------------------------------------------------------------------------------------------------
// Outcomes by domain
// ---------------------------------------------------------------------------------------------------------------

export interface OutcomeTrendRow {
  /** 'period' for a quarter of the trend, 'selection' for the total over the selected periods. */
  kind: 'period' | 'selection';
  periodId: string | null;
  financialYear: number | null;
  quarter: number | null;
  label: string | null;
  selected: boolean | null;
  /** null on a quarter with no counted return (then every domain is 0). */
  domain: string | null;
  assessed: bigint | null;
  improved: bigint | null;
  returns: bigint | null;
}

/**
 * The outcome dashboard's common table expressions: outcome_periods, the quarters of the trend (the selected quarters
 * and the TREND_QUARTERS_BEFORE before them, those that have ended by today; `selected` when the filter selects it),
 * and outcome_figures, per quarter and outcome domain the people assessed and improved (the '' total rows of the
 * domain's _ASSESSED and _IMPROVED measures, summed over the counted returns of the services in scope).
 */
export function outcomeFiguresWith(scope: DashboardScope): Prisma.Sql {
  const last = quarterIndex(scope.financialYear, scope.quarter ?? 4);
  const first = quarterIndex(scope.financialYear, scope.quarter ?? 1) - TREND_QUARTERS_BEFORE;
  return Prisma.sql`
    outcome_periods AS (
      SELECT rp.id, rp.financial_year, rp.quarter, rp.label, (${periodSelectedSql(scope, 'rp')}) AS selected
      FROM reporting_period rp
      WHERE rp.financial_year * 4 + rp.quarter - 1 BETWEEN ${first} AND ${last}
        AND rp.end_date < ${scope.today}::date
    ),
    -- Per counted return and domain first (each return's outcome figures found by (return, measure, '') in
    -- return_value's unique index, OFFSET 0 keeping that lookup per return), then per quarter: the returns are counted
    -- without a DISTINCT.
    outcome_return_figures AS (
      SELECT pr.period_id, m.outcome_domain AS domain,
             sum(v.numeric_value) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[])) AS assessed,
             sum(v.numeric_value) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[])) AS improved
      FROM performance_return pr
      JOIN commissioned_service s ON s.id = pr.service_id
      CROSS JOIN (SELECT array_agg(id) AS ids FROM measure WHERE outcome_domain IS NOT NULL) om
      CROSS JOIN LATERAL (
        SELECT rv.measure_id, rv.numeric_value
        FROM return_value rv
        WHERE rv.return_id = pr.id AND rv.measure_id = ANY(om.ids) AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
        OFFSET 0
      ) v
      JOIN measure m ON m.id = v.measure_id
      WHERE pr.period_id IN (SELECT id FROM outcome_periods)
        AND ${countedReturn(scope)}
      GROUP BY pr.id, pr.period_id, m.outcome_domain
    ),
    outcome_figures AS (
      SELECT period_id, domain, sum(assessed)::bigint AS assessed, sum(improved)::bigint AS improved, count(*)::bigint AS returns
      FROM outcome_return_figures
      GROUP BY period_id, domain
    )`;
}

const TREND_COLUMNS = ['kind', 'periodId', 'financialYear', 'quarter', 'label', 'selected', 'domain', 'assessed', 'improved', 'returns'] as const;

/**
 * Over outcomeFiguresWith: per quarter of the trend and per outcome domain, the people assessed and improved (a quarter
 * with no counted return: one row with no domain); plus, per domain, the totals over the SELECTED periods (kind
 * 'selection'). Quarters oldest first.
 */
export function outcomeTrendSet(): RowSet<(typeof TREND_COLUMNS)[number]> {
  return {
    columns: TREND_COLUMNS,
    sql: Prisma.sql`
      SELECT 'period' AS kind, p.id::text AS "periodId", p.financial_year::int AS "financialYear", p.quarter::int AS quarter,
             p.label, p.selected, f.domain, f.assessed, f.improved, f.returns
      FROM outcome_periods p
      LEFT JOIN outcome_figures f ON f.period_id = p.id
      UNION ALL
      SELECT 'selection', NULL, NULL, NULL, NULL, NULL, f.domain,
             sum(f.assessed)::bigint, sum(f.improved)::bigint, sum(f.returns)::bigint
      FROM outcome_figures f
      JOIN outcome_periods p ON p.id = f.period_id AND p.selected
      GROUP BY f.domain`,
    orderBy: Prisma.sql`x.kind, x."financialYear", x.quarter, x.domain`,
  };
}

export function outcomeTrendRows(rows: DashboardRow<(typeof TREND_COLUMNS)[number]>[]): OutcomeTrendRow[] {
  return rows.map((row) => ({
    kind: row.kind as OutcomeTrendRow['kind'],
    periodId: row.periodId as string | null,
    financialYear: row.financialYear as number | null,
    quarter: row.quarter as number | null,
    label: row.label as string | null,
    selected: row.selected as unknown as boolean | null,
    domain: row.domain as string | null,
    assessed: big(row.assessed),
    improved: big(row.improved),
    returns: big(row.returns),
  }));
}

export interface OutcomeTargetRow {
  domain: string;
  financialYear: number;
  /** 0 for a whole-year target, 1-4 for a quarter's. */
  quarter: number;
  assessed: bigint | null;
  improved: bigint | null;
  assessedServices: bigint;
  improvedServices: bigint;
}

const TARGET_COLUMNS = ['domain', 'financialYear', 'quarter', 'assessed', 'improved', 'assessedServices', 'improvedServices'] as const;

/**
 * The targets set on the outcome measures for the financial years of the trend, summed over the services in scope,
 * per domain, year and quarter (0 = the whole year), with how many services have one.
 */
export function outcomeTargetSet(scope: DashboardScope): RowSet<(typeof TARGET_COLUMNS)[number]> {
  const firstYear = scope.financialYear - 1;
  return {
    columns: TARGET_COLUMNS,
    sql: Prisma.sql`
      SELECT m.outcome_domain AS domain, t.financial_year::int AS "financialYear", t.quarter::int AS quarter,
             round(sum(t.value) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[])))::bigint AS assessed,
             round(sum(t.value) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[])))::bigint AS improved,
             count(DISTINCT t.service_id) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[]))::bigint AS "assessedServices",
             count(DISTINCT t.service_id) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[]))::bigint AS "improvedServices"
      FROM target t
      JOIN measure m ON m.id = t.measure_id
      JOIN commissioned_service s ON s.id = t.service_id
      WHERE m.outcome_domain IS NOT NULL
        AND t.financial_year BETWEEN ${firstYear} AND ${scope.financialYear}
        AND ${servicesInScopeSql(scope)}
      GROUP BY m.outcome_domain, t.financial_year, t.quarter`,
  };
}

export function outcomeTargetRows(rows: DashboardRow<(typeof TARGET_COLUMNS)[number]>[]): OutcomeTargetRow[] {
  return rows.map((row) => ({
    domain: row.domain as string,
    financialYear: row.financialYear as number,
    quarter: row.quarter as number,
    assessed: big(row.assessed),
    improved: big(row.improved),
    assessedServices: big(row.assessedServices)!,
    improvedServices: big(row.improvedServices)!,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Reach
// ---------------------------------------------------------------------------------------------------------------

export const REACH_MEASURES = { ageGender: 'NEW_USERS_AGE_GENDER', ethnicity: 'NEW_USERS_ETHNICITY' } as const;

export interface ReachCellRow {
  measure: string;
  key: string;
  value: bigint;
}

const CELL_COLUMNS = ['measure', 'key', 'value'] as const;

/**
 * The new service users of the selected periods by breakdown cell (age band x gender, ethnicity), summed over the
 * counted returns of the services in scope: at most one row per option (combination).
 */
export function reachCellSet(scope: DashboardScope): RowSet<(typeof CELL_COLUMNS)[number]> {
  // Per counted return, its cells of the two measures only, found by (return, measure) in return_value's unique index
  // (OFFSET 0 keeps that lookup per return rather than a scan of every value of the returns).
  return {
    columns: CELL_COLUMNS,
    sql: Prisma.sql`
      SELECT m.code AS measure, c.key, c.value
      FROM (
        SELECT v.measure_id, v.breakdown_key AS key, sum(v.numeric_value)::bigint AS value
        FROM performance_return pr
        JOIN reporting_period p ON p.id = pr.period_id AND ${periodSelectedSql(scope, 'p')}
        JOIN commissioned_service s ON s.id = pr.service_id
        CROSS JOIN (SELECT (SELECT id FROM measure WHERE code = ${REACH_MEASURES.ageGender}) AS age_gender,
                           (SELECT id FROM measure WHERE code = ${REACH_MEASURES.ethnicity}) AS ethnicity) rm
        CROSS JOIN LATERAL (
          SELECT rv.measure_id, rv.breakdown_key, rv.numeric_value
          FROM return_value rv
          WHERE rv.return_id = pr.id AND rv.measure_id IN (rm.age_gender, rm.ethnicity)
            AND rv.breakdown_key <> '' AND rv.numeric_value IS NOT NULL
          OFFSET 0
        ) v
        WHERE ${countedReturn(scope)}
        GROUP BY v.measure_id, v.breakdown_key
      ) c
      JOIN measure m ON m.id = c.measure_id`,
  };
}

export function reachCellRows(rows: DashboardRow<(typeof CELL_COLUMNS)[number]>[]): ReachCellRow[] {
  return rows.map((row) => ({ measure: row.measure as string, key: row.key as string, value: big(row.value)! }));
}

export interface BreakdownOptionRow {
  breakdown: string;
  code: string;
  label: string;
  publishedBand: string | null;
}

const OPTION_COLUMNS = ['breakdown', 'code', 'label', 'publishedBand'] as const;

/** The options of the age band, gender and ethnicity breakdowns, in their order. */
export function reachOptionSet(): RowSet<(typeof OPTION_COLUMNS)[number]> {
  return {
    columns: OPTION_COLUMNS,
    sql: Prisma.sql`
      SELECT b.code AS breakdown, o.code, o.label, o.published_band AS "publishedBand", o.sort_order
      FROM breakdown_option o
      JOIN breakdown b ON b.id = o.breakdown_id
      WHERE b.code IN ('AGE_BAND', 'GENDER', 'ETHNICITY')`,
    orderBy: Prisma.sql`x.breakdown, x.sort_order, x.code`,
  };
}

export function reachOptionRows(rows: DashboardRow<(typeof OPTION_COLUMNS)[number]>[]): BreakdownOptionRow[] {
  return rows.map((row) => ({
    breakdown: row.breakdown as string,
    code: row.code as string,
    label: row.label as string,
    publishedBand: row.publishedBand as string | null,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Value for money
// ---------------------------------------------------------------------------------------------------------------

export interface ValueForMoneyRow {
  /** null on the last row: the total over every service in scope. */
  serviceId: string | null;
  reference: string | null;
  title: string | null;
  providerName: string | null;
  /** Counted returns of the selected periods. */
  returns: bigint;
  /** FIN_SPEND_QUARTER (its '' total) summed over the counted returns; null when none reported it. */
  spend: Prisma.Decimal | null;
  spendReturns: bigint;
  /** service_funding summed over sources for the financial year; null when none. */
  funding: Prisma.Decimal | null;
  newUsers: bigint;
  improved: bigint;
  /** The people the costs per person divide it by: those of the services with a cost (on the total row). */
  costNewUsers: bigint;
  costImproved: bigint;
  /** What cost per person divides: spend when reported, else the year's funding for a whole-year view; else null. */
  costAmount: Prisma.Decimal | null;
  /** The total row is 'MIXED' when services use different bases. */
  costBasis: 'SPEND' | 'FUNDING' | 'NONE' | 'MIXED';
}

const VALUE_FOR_MONEY_COLUMNS = [
  'serviceId',
  'reference',
  'title',
  'providerName',
  'returns',
  'spend',
  'spendReturns',
  'funding',
  'newUsers',
  'improved',
  'costAmount',
  'costBasis',
  'costNewUsers',
  'costImproved',
] as const;

/**
 * The total row's costs per person divide the cost of the services that have one by THEIR children and improved
 * outcomes only (a service without spend or funding adds neither money nor people to the division).
 *
 * Per service in scope that ran during the selected window or has a counted return in it (sorted by reference), the
 * counted returns' spend, new service users and improved "overall cope and recover" outcomes, the year's funding, and
 * the amount a cost per person divides; then a last row with the totals over every service in scope.
 */
export function valueForMoneySet(scope: DashboardScope): RowSet<(typeof VALUE_FOR_MONEY_COLUMNS)[number]> {
  const wholeYear = scope.quarter === null;
  const selected = Prisma.sql`(SELECT p.id FROM reporting_period p WHERE ${periodSelectedSql(scope, 'p')})`;
  return {
    columns: VALUE_FOR_MONEY_COLUMNS,
    sql: Prisma.sql`
      WITH services AS (
        SELECT s.id, s.reference, s.title, o.name AS provider_name
        FROM commissioned_service s
        JOIN organisation o ON o.id = s.provider_id
        WHERE ${servicesInScopeSql(scope)}
          AND (${serviceActiveInWindowSql(scope)}
               OR EXISTS (SELECT 1 FROM performance_return pr
                          WHERE pr.service_id = s.id AND pr.period_id IN ${selected} AND ${returnCountedSql(scope)}))
      ),
      -- Per counted return, its three figures, each found by (return, measure, '') in return_value's unique index
      -- (the measures' ids looked up once) rather than by reading every value of the return.
      vfm_measures AS (
        SELECT (SELECT id FROM measure WHERE code = 'FIN_SPEND_QUARTER') AS spend,
               (SELECT id FROM measure WHERE code = 'NEW_USERS') AS new_users,
               (SELECT id FROM measure WHERE code = ${IMPROVED_OUTCOME_MEASURE}) AS improved
      ),
      figures AS (
        SELECT pr.service_id,
               count(*) AS returns,
               round(sum(v.spend), 2) AS spend,
               count(v.spend) AS spend_returns,
               coalesce(sum(v.new_users), 0) AS new_users,
               coalesce(sum(v.improved), 0) AS improved
        FROM performance_return pr
        CROSS JOIN vfm_measures mm
        CROSS JOIN LATERAL (
          SELECT sum(rv.numeric_value) FILTER (WHERE rv.measure_id = mm.spend) AS spend,
                 sum(rv.numeric_value) FILTER (WHERE rv.measure_id = mm.new_users) AS new_users,
                 sum(rv.numeric_value) FILTER (WHERE rv.measure_id = mm.improved) AS improved
          FROM return_value rv
          WHERE rv.return_id = pr.id AND rv.measure_id IN (mm.spend, mm.new_users, mm.improved)
            AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
        ) v
        WHERE pr.service_id IN (SELECT id FROM services)
          AND pr.period_id IN ${selected}
          AND ${returnCountedSql(scope)}
        GROUP BY pr.service_id
      ),
      funding AS (
        SELECT sf.service_id, sum(sf.amount) AS funding
        FROM service_funding sf
        WHERE sf.financial_year = ${scope.financialYear} AND sf.service_id IN (SELECT id FROM services)
        GROUP BY sf.service_id
      ),
      per_service AS (
        SELECT sv.id, sv.reference, sv.title, sv.provider_name,
               coalesce(f.returns, 0) AS returns, f.spend, coalesce(f.spend_returns, 0) AS spend_returns,
               fu.funding, coalesce(f.new_users, 0) AS new_users, coalesce(f.improved, 0) AS improved,
               CASE WHEN f.spend IS NOT NULL THEN 'SPEND'
                    WHEN ${wholeYear} AND fu.funding IS NOT NULL THEN 'FUNDING'
                    ELSE 'NONE' END AS cost_basis
        FROM services sv
        LEFT JOIN figures f ON f.service_id = sv.id
        LEFT JOIN funding fu ON fu.service_id = sv.id
      )
      SELECT 0 AS part, id::text AS "serviceId", reference, title, provider_name AS "providerName",
             returns::bigint AS returns, spend::text AS spend, spend_returns::bigint AS "spendReturns", funding::text AS funding,
             new_users::bigint AS "newUsers", improved::bigint AS improved,
             (CASE cost_basis WHEN 'SPEND' THEN spend WHEN 'FUNDING' THEN funding END)::text AS "costAmount",
             cost_basis AS "costBasis", new_users::bigint AS "costNewUsers", improved::bigint AS "costImproved"
      FROM per_service
      UNION ALL
      SELECT 1, NULL, NULL, NULL, NULL,
             coalesce(sum(returns), 0)::bigint, sum(spend)::text, coalesce(sum(spend_returns), 0)::bigint, sum(funding)::text,
             coalesce(sum(new_users), 0)::bigint, coalesce(sum(improved), 0)::bigint,
             sum(CASE cost_basis WHEN 'SPEND' THEN spend WHEN 'FUNDING' THEN funding END)::text,
             CASE WHEN bool_and(cost_basis = 'SPEND') THEN 'SPEND'
                  WHEN bool_and(cost_basis = 'FUNDING') THEN 'FUNDING'
                  WHEN bool_or(cost_basis <> 'NONE') THEN 'MIXED'
                  ELSE 'NONE' END,
             coalesce(sum(new_users) FILTER (WHERE cost_basis <> 'NONE'), 0)::bigint,
             coalesce(sum(improved) FILTER (WHERE cost_basis <> 'NONE'), 0)::bigint
      FROM per_service`,
    orderBy: Prisma.sql`x.part, x.reference`,
  };
}

export function valueForMoneyRows(rows: DashboardRow<(typeof VALUE_FOR_MONEY_COLUMNS)[number]>[]): ValueForMoneyRow[] {
  return rows.map((row) => ({
    serviceId: row.serviceId as string | null,
    reference: row.reference as string | null,
    title: row.title as string | null,
    providerName: row.providerName as string | null,
    returns: big(row.returns)!,
    spend: decimal(row.spend),
    spendReturns: big(row.spendReturns)!,
    funding: decimal(row.funding),
    newUsers: big(row.newUsers)!,
    improved: big(row.improved)!,
    costNewUsers: big(row.costNewUsers)!,
    costImproved: big(row.costImproved)!,
    costAmount: decimal(row.costAmount),
    costBasis: row.costBasis as ValueForMoneyRow['costBasis'],
  }));
}
