// Dashboards: outcomes by domain, reach (new service users by age band, gender, ethnicity) and value for money.
// The SQL behind graphql/types/dashboard-outcomes.ts. Every figure is added up IN POSTGRESQL (GROUP BY with FILTER
// clauses over return_value joined to measure, performance_return and reporting_period): what reaches JavaScript is
// at most one row per (quarter x outcome domain), per breakdown option, or per service - never return_value rows.
// Each dashboard sends a fixed number of statements whatever the number of services (a test counts them at 5 and 100).
//
// Each takes the resolved dashboard filter (graphql/types/dashboard-filter.ts): the financial year and quarter, the
// periods selected, the return statuses counted (APPROVED, plus the provisional ones when asked) and the services in
// scope (servicesInScopeSql: not planned, not archived, matching area, priority issue and provider).
import { Prisma } from '../../prisma/client';
import type { Db } from '../db';
import { OUTCOME_DOMAINS } from '../../seeds/measures';
import { serviceActiveInWindowSql, servicesInScopeSql, statusesSql, type ResolvedDashboardFilter } from '../types/dashboard-filter';

/** The resolved dashboard filter (graphql/types/dashboard-filter.ts). */
export type OutcomeQueryFilter = ResolvedDashboardFilter;

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
const countedReturn = (filter: OutcomeQueryFilter) =>
  Prisma.sql`pr.status::text = ANY(${statusesSql(filter)}) AND ${servicesInScopeSql(filter)}`;

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
 * One statement: per quarter of the trend (the selected quarters and the TREND_QUARTERS_BEFORE before them, those
 * that have ended by `today`) and per outcome domain, the people assessed and improved (the '' total rows of the
 * domain's _ASSESSED and _IMPROVED measures, summed over the counted returns of the services in scope); plus, per
 * domain, the totals over the SELECTED periods (kind 'selection').
 */
export async function outcomeTrendRows(db: Db, filter: OutcomeQueryFilter, today: string): Promise<OutcomeTrendRow[]> {
  const last = quarterIndex(filter.financialYear, filter.quarter ?? 4);
  const first = quarterIndex(filter.financialYear, filter.quarter ?? 1) - TREND_QUARTERS_BEFORE;
  return db.$queryRaw<OutcomeTrendRow[]>`
    WITH periods AS (
      SELECT rp.id, rp.financial_year, rp.quarter, rp.label,
             rp.id = ANY(${filter.periodIds}::uuid[]) AS selected
      FROM reporting_period rp
      WHERE rp.financial_year * 4 + rp.quarter - 1 BETWEEN ${first} AND ${last}
        AND rp.end_date < ${today}::date
    ),
    figures AS (
      SELECT pr.period_id, m.outcome_domain AS domain,
             sum(rv.numeric_value) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[]))::bigint AS assessed,
             sum(rv.numeric_value) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[]))::bigint AS improved,
             count(DISTINCT pr.id)::bigint AS returns
      FROM return_value rv
      JOIN measure m ON m.id = rv.measure_id
      JOIN performance_return pr ON pr.id = rv.return_id
      JOIN commissioned_service s ON s.id = pr.service_id
      WHERE m.outcome_domain IS NOT NULL
        AND rv.breakdown_key = ''
        AND rv.numeric_value IS NOT NULL
        AND pr.period_id IN (SELECT id FROM periods)
        AND ${countedReturn(filter)}
      GROUP BY pr.period_id, m.outcome_domain
    )
    SELECT 'period' AS kind, p.id::text AS "periodId", p.financial_year::int AS "financialYear", p.quarter::int AS quarter,
           p.label, p.selected, f.domain, f.assessed, f.improved, f.returns
    FROM periods p
    LEFT JOIN figures f ON f.period_id = p.id
    UNION ALL
    SELECT 'selection', NULL, NULL, NULL, NULL, NULL, f.domain,
           sum(f.assessed)::bigint, sum(f.improved)::bigint, sum(f.returns)::bigint
    FROM figures f
    WHERE f.period_id = ANY(${filter.periodIds}::uuid[])
    GROUP BY f.domain
    ORDER BY 1, 3, 4`;
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

/**
 * One statement: the targets set on the outcome measures for the financial years of the trend, summed over the
 * services in scope, per domain, year and quarter (0 = the whole year), with how many services have one.
 */
export async function outcomeTargetRows(db: Db, filter: OutcomeQueryFilter): Promise<OutcomeTargetRow[]> {
  const firstYear = filter.financialYear - 1;
  return db.$queryRaw<OutcomeTargetRow[]>`
    SELECT m.outcome_domain AS domain, t.financial_year::int AS "financialYear", t.quarter::int AS quarter,
           round(sum(t.value) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[])))::bigint AS assessed,
           round(sum(t.value) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[])))::bigint AS improved,
           count(DISTINCT t.service_id) FILTER (WHERE m.code = ANY(${ASSESSED_CODES}::text[]))::bigint AS "assessedServices",
           count(DISTINCT t.service_id) FILTER (WHERE m.code = ANY(${IMPROVED_CODES}::text[]))::bigint AS "improvedServices"
    FROM target t
    JOIN measure m ON m.id = t.measure_id
    JOIN commissioned_service s ON s.id = t.service_id
    WHERE m.outcome_domain IS NOT NULL
      AND t.financial_year BETWEEN ${firstYear} AND ${filter.financialYear}
      AND ${servicesInScopeSql(filter)}
    GROUP BY m.outcome_domain, t.financial_year, t.quarter`;
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

/**
 * One statement: the new service users of the selected periods by breakdown cell (age band x gender, ethnicity),
 * summed over the counted returns of the services in scope: at most one row per option (combination).
 */
export async function reachCellRows(db: Db, filter: OutcomeQueryFilter): Promise<ReachCellRow[]> {
  const measures = Object.values(REACH_MEASURES);
  return db.$queryRaw<ReachCellRow[]>`
    SELECT m.code AS measure, rv.breakdown_key AS key, sum(rv.numeric_value)::bigint AS value
    FROM return_value rv
    JOIN measure m ON m.id = rv.measure_id
    JOIN performance_return pr ON pr.id = rv.return_id
    JOIN commissioned_service s ON s.id = pr.service_id
    WHERE m.code = ANY(${measures}::text[])
      AND rv.breakdown_key <> ''
      AND rv.numeric_value IS NOT NULL
      AND pr.period_id = ANY(${filter.periodIds}::uuid[])
      AND ${countedReturn(filter)}
    GROUP BY m.code, rv.breakdown_key`;
}

export interface BreakdownOptionRow {
  breakdown: string;
  code: string;
  label: string;
  publishedBand: string | null;
}

/** One statement: the options of the age band, gender and ethnicity breakdowns, in their order. */
export async function reachOptionRows(db: Db): Promise<BreakdownOptionRow[]> {
  return db.$queryRaw<BreakdownOptionRow[]>`
    SELECT b.code AS breakdown, o.code, o.label, o.published_band AS "publishedBand"
    FROM breakdown_option o
    JOIN breakdown b ON b.id = o.breakdown_id
    WHERE b.code IN ('AGE_BAND', 'GENDER', 'ETHNICITY')
    ORDER BY b.code, o.sort_order, o.code`;
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

/**
 * The total row's costs per person divide the cost of the services that have one by THEIR children and improved
 * outcomes only (a service without spend or funding adds neither money nor people to the division).
 *
 * One statement: per service in scope that ran during the selected window or has a counted return in it (sorted by
 * reference), the counted returns' spend, new service users and
 * improved "overall cope and recover" outcomes, the year's funding, and the amount a cost per person divides; then
 * a last row with the totals over every service in scope.
 */
export async function valueForMoneyRows(db: Db, filter: OutcomeQueryFilter): Promise<ValueForMoneyRow[]> {
  const wholeYear = filter.quarter === null;
  return db.$queryRaw<ValueForMoneyRow[]>`
    WITH services AS (
      SELECT s.id, s.reference, s.title, o.name AS provider_name
      FROM commissioned_service s
      JOIN organisation o ON o.id = s.provider_id
      WHERE ${servicesInScopeSql(filter)}
        AND (${serviceActiveInWindowSql(filter)}
             OR EXISTS (SELECT 1 FROM performance_return pr
                        WHERE pr.service_id = s.id AND pr.period_id = ANY(${filter.periodIds}::uuid[])
                          AND pr.status::text = ANY(${statusesSql(filter)})))
    ),
    figures AS (
      SELECT pr.service_id,
             count(DISTINCT pr.id) AS returns,
             round(sum(rv.numeric_value) FILTER (WHERE m.code = 'FIN_SPEND_QUARTER'), 2) AS spend,
             count(DISTINCT pr.id) FILTER (WHERE m.code = 'FIN_SPEND_QUARTER') AS spend_returns,
             coalesce(sum(rv.numeric_value) FILTER (WHERE m.code = 'NEW_USERS'), 0) AS new_users,
             coalesce(sum(rv.numeric_value) FILTER (WHERE m.code = ${IMPROVED_OUTCOME_MEASURE}), 0) AS improved
      FROM performance_return pr
      LEFT JOIN (return_value rv
                 JOIN measure m
                   ON m.id = rv.measure_id AND m.code IN ('FIN_SPEND_QUARTER', 'NEW_USERS', ${IMPROVED_OUTCOME_MEASURE}))
             ON rv.return_id = pr.id AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
      WHERE pr.service_id IN (SELECT id FROM services)
        AND pr.period_id = ANY(${filter.periodIds}::uuid[])
        AND pr.status::text = ANY(${statusesSql(filter)})
      GROUP BY pr.service_id
    ),
    funding AS (
      SELECT sf.service_id, sum(sf.amount) AS funding
      FROM service_funding sf
      WHERE sf.financial_year = ${filter.financialYear} AND sf.service_id IN (SELECT id FROM services)
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
    SELECT "serviceId", reference, title, "providerName", returns, spend, "spendReturns", funding,
           "newUsers", improved, "costAmount", "costBasis", "costNewUsers", "costImproved"
    FROM (
      SELECT 0 AS part, id::text AS "serviceId", reference, title, provider_name AS "providerName",
             returns::bigint AS returns, spend, spend_returns::bigint AS "spendReturns", funding,
             new_users::bigint AS "newUsers", improved::bigint AS improved,
             CASE cost_basis WHEN 'SPEND' THEN spend WHEN 'FUNDING' THEN funding END AS "costAmount",
             cost_basis AS "costBasis", new_users::bigint AS "costNewUsers", improved::bigint AS "costImproved"
      FROM per_service
      UNION ALL
      SELECT 1, NULL, NULL, NULL, NULL,
             coalesce(sum(returns), 0)::bigint, sum(spend), coalesce(sum(spend_returns), 0)::bigint, sum(funding),
             coalesce(sum(new_users), 0)::bigint, coalesce(sum(improved), 0)::bigint,
             sum(CASE cost_basis WHEN 'SPEND' THEN spend WHEN 'FUNDING' THEN funding END),
             CASE WHEN bool_and(cost_basis = 'SPEND') THEN 'SPEND'
                  WHEN bool_and(cost_basis = 'FUNDING') THEN 'FUNDING'
                  WHEN bool_or(cost_basis <> 'NONE') THEN 'MIXED'
                  ELSE 'NONE' END,
             coalesce(sum(new_users) FILTER (WHERE cost_basis <> 'NONE'), 0)::bigint,
             coalesce(sum(improved) FILTER (WHERE cost_basis <> 'NONE'), 0)::bigint
      FROM per_service
    ) rows
    ORDER BY part, reference`;
}
