// The physical floor of each dashboard: ONE hand-written SQL statement that computes the same figures as the
// dashboard's API operation does for the default filter (the financial year of the latest ended quarter, whole year,
// approved returns only, every area, priority issue and provider), read straight from PostgreSQL with `pg`.
// The API's definitions are in graphql/types/dashboard-portfolio.ts, graphql/types/dashboard-filter.ts and
// graphql/domain/dashboard-outcomes.ts; each statement below follows them (services in scope: not PLANNED, not
// archived; a return's figure is its total row, or the sum of its one-dimensional cells when it has no total row;
// first submission: the first SUBMITTED version, else submitted_at, in England's time).
// Parameters (`params`): the financial year (2026 = 2026/27) and today (ISO date, England), as $1 and $2.
//
// `verify` compares the API's answer (an officer's: exact figures) with the floor's rows, so the floor is known to
// compute the same figures, not just similar work.
//
// These statements are the yardstick and are kept as written: the resolvers' own statements may reach the same
// figures another way (one statement with the filter's reference data, return values looked up per return through
// return_value's unique index) and so take less or more time than their floor; the ratio then includes that
// difference as well as what the API layer adds.

export interface FloorQuery {
  operation: string;
  /** What $1, $2 are: the financial year, today. */
  params: ('year' | 'today')[];
  sql: string;
  /** A mismatch between the API's figures and the floor's, in words; null when they agree. */
  verify(api: Record<string, unknown>, rows: Record<string, unknown>[]): string | null;
}

const IN_SCOPE = `s.status IN ('ACTIVE', 'EXTENDED', 'ENDED') AND s.archived_at IS NULL`;

/** Expected returns (service in scope x ended quarter of the year it ran in) with received / on time / approved. */
const EXPECTED = `
  SELECT p.id AS period_id, p.due_date,
         (COALESCE(fs.first_submitted, pr.submitted_at) IS NOT NULL
           OR pr.status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'REOPENED')) AS received,
         (COALESCE(fs.first_submitted, pr.submitted_at) AT TIME ZONE 'Europe/London')::date <= p.due_date AS on_time,
         pr.status = 'APPROVED' AS approved
  FROM commissioned_service s
  JOIN reporting_period p
    ON p.financial_year = $1 AND p.end_date < $2::date AND s.start_date <= p.end_date AND s.end_date >= p.start_date
  LEFT JOIN performance_return pr ON pr.service_id = s.id AND pr.period_id = p.id
  LEFT JOIN LATERAL (
    SELECT min(v.created_at) AS first_submitted FROM return_version v WHERE v.return_id = pr.id AND v.status = 'SUBMITTED'
  ) fs ON true
  WHERE ${IN_SCOPE}`;

const num = (value: unknown) => Number(String(value ?? 0).replace(/,/g, ''));
const same = (label: string, api: unknown, floor: unknown) =>
  Math.abs(num(api) - num(floor)) < 0.005 ? null : `${label}: API ${String(api)}, floor ${String(floor)}`;
const first = (...checks: (string | null)[]) => checks.find((c) => c !== null) ?? null;
const sum = (items: unknown[], pick: (item: any) => unknown) => items.reduce<number>((total, item) => total + num(pick(item)), 0);

export const FLOOR_QUERIES: FloorQuery[] = [
  {
    operation: 'dashboardHeadline',
    params: ['year', 'today'],
    sql: `
      WITH expected AS (${EXPECTED}),
      year AS (SELECT min(start_date) AS starts, max(end_date) AS ends FROM reporting_period WHERE financial_year = $1)
      SELECT
        (SELECT count(*) FROM commissioned_service s, year
          WHERE ${IN_SCOPE} AND s.start_date <= year.ends AND s.end_date >= year.starts) AS active,
        (SELECT COALESCE(sum(f.amount), 0) FROM service_funding f JOIN commissioned_service s ON s.id = f.service_id
          WHERE ${IN_SCOPE} AND f.financial_year = $1) AS investment,
        (SELECT COALESCE(sum(rv.numeric_value), 0)
           FROM performance_return pr
           JOIN reporting_period p ON p.id = pr.period_id AND p.financial_year = $1
           JOIN commissioned_service s ON s.id = pr.service_id
           JOIN return_value rv ON rv.return_id = pr.id AND rv.breakdown_key = ''
           JOIN measure m ON m.id = rv.measure_id AND m.code = 'NEW_USERS'
          WHERE ${IN_SCOPE} AND pr.status = 'APPROVED') AS children,
        count(*) FILTER (WHERE e.due_date < $2::date) AS expected,
        count(*) FILTER (WHERE e.due_date < $2::date AND e.received) AS received,
        count(*) FILTER (WHERE e.due_date < $2::date AND e.on_time) AS on_time
      FROM expected e`,
    verify: (api, [row]) => {
      const h = api.dashboardHeadline as any;
      return first(
        same('activeServices', h.activeServices, row!.active),
        same('annualInvestment', h.annualInvestment, row!.investment),
        same('childrenSupportedYearToDate', h.childrenSupportedYearToDate.display, row!.children),
        same('returnsExpected', h.returnsExpected, row!.expected),
        same('returnsReceived', h.returnsReceived, row!.received),
        same('returnsOnTime', h.returnsOnTime, row!.on_time),
      );
    },
  },
  {
    operation: 'dashboardCoverage',
    params: ['year'],
    sql: `
      WITH year AS (SELECT min(start_date) AS starts, max(end_date) AS ends FROM reporting_period WHERE financial_year = $1),
      svc AS (
        SELECT s.id, s.reference, s.title, o.name AS provider_name, COALESCE(f.amount, 0) AS investment
        FROM commissioned_service s
        JOIN organisation o ON o.id = s.provider_id
        CROSS JOIN year
        LEFT JOIN (SELECT service_id, sum(amount) AS amount FROM service_funding WHERE financial_year = $1 GROUP BY service_id) f
          ON f.service_id = s.id
        WHERE ${IN_SCOPE} AND s.start_date <= year.ends AND s.end_date >= year.starts
      )
      SELECT pi.code, pi.title AS issue_title, svc.id AS service_id, svc.reference, svc.title, svc.provider_name, svc.investment,
             COALESCE(sum(svc.investment) OVER (PARTITION BY pi.id), 0) AS issue_investment,
             (SELECT COALESCE(sum(investment), 0) FROM svc) AS total_investment
      FROM priority_issue pi
      LEFT JOIN (service_priority_issue spi JOIN svc ON svc.id = spi.service_id) ON spi.priority_issue_id = pi.id
      ORDER BY pi.sort_order, pi.code, svc.reference`,
    verify: (api, rows) => {
      const c = api.dashboardCoverage as any;
      const gaps = new Set(rows.map((r) => r.code)).size - new Set(rows.filter((r) => r.service_id).map((r) => r.code)).size;
      return first(same('gapCount', c.gapCount, gaps), same('totalInvestment', c.totalInvestment, rows[0]?.total_investment));
    },
  },
  {
    operation: 'dashboardTimeliness',
    params: ['year', 'today'],
    sql: `
      WITH expected AS (${EXPECTED})
      SELECT p.id, p.quarter, p.label, p.due_date,
             count(e.period_id) AS expected, count(*) FILTER (WHERE e.received) AS received,
             count(*) FILTER (WHERE e.on_time) AS on_time, count(*) FILTER (WHERE e.approved) AS approved
      FROM reporting_period p
      LEFT JOIN expected e ON e.period_id = p.id
      WHERE p.financial_year = $1 AND p.end_date < $2::date
      GROUP BY p.id, p.quarter, p.label, p.due_date
      ORDER BY p.quarter`,
    verify: (api, rows) => {
      const quarters = (api.dashboardTimeliness as any).quarters as unknown[];
      return first(
        same('quarters', quarters.length, rows.length),
        same('expected', sum(quarters, (q) => q.expected), sum(rows, (r) => r.expected)),
        same('received', sum(quarters, (q) => q.received), sum(rows, (r) => r.received)),
        same('onTime', sum(quarters, (q) => q.onTime), sum(rows, (r) => r.on_time)),
        same('approved', sum(quarters, (q) => q.approved), sum(rows, (r) => r.approved)),
      );
    },
  },
  {
    operation: 'dashboardContractsEnding',
    params: ['today'],
    sql: `
      SELECT s.id, s.reference, s.title, s.status, o.name AS provider_name, s.end_date, s.annual_value,
             s.end_date - $1::date AS days_left,
             (EXTRACT(YEAR FROM age(s.end_date, $1::date)) * 12 + EXTRACT(MONTH FROM age(s.end_date, $1::date)))::int AS months_left,
             sum(s.annual_value) OVER () AS total
      FROM commissioned_service s JOIN organisation o ON o.id = s.provider_id
      WHERE s.status IN ('ACTIVE', 'EXTENDED') AND s.archived_at IS NULL
        AND s.end_date >= $1::date AND s.end_date <= ($1::date + interval '6 months')::date
      ORDER BY s.end_date, s.reference`,
    verify: (api, rows) => {
      const c = api.dashboardContractsEnding as any;
      return first(same('contracts', c.contracts.length, rows.length), same('totalAnnualValue', c.totalAnnualValue, rows[0]?.total ?? 0));
    },
  },
  {
    operation: 'dashboardInitiatives',
    params: ['year'],
    sql: `
      WITH per_return AS (
        SELECT pr.service_id, m.code,
               COALESCE(sum(rv.numeric_value) FILTER (WHERE rv.breakdown_key = ''),
                        sum(rv.numeric_value) FILTER (WHERE rv.breakdown_key <> '' AND strpos(rv.breakdown_key, '|') = 0)) AS value
        FROM performance_return pr
        JOIN reporting_period p ON p.id = pr.period_id AND p.financial_year = $1
        JOIN commissioned_service s ON s.id = pr.service_id
        JOIN return_value rv ON rv.return_id = pr.id
        JOIN measure m ON m.id = rv.measure_id AND m.code IN ('NEW_USERS', 'SESSIONS_DELIVERED')
        WHERE pr.status = 'APPROVED' AND ${IN_SCOPE}
        GROUP BY pr.id, pr.service_id, m.code
      ),
      delivered AS (
        SELECT service_id, sum(value) FILTER (WHERE code = 'NEW_USERS') AS new_users,
               sum(value) FILTER (WHERE code = 'SESSIONS_DELIVERED') AS sessions
        FROM per_return GROUP BY service_id
      ),
      funded AS (
        SELECT f.initiative_id, s.id AS service_id, s.reference, s.title, o.name AS provider_name, sum(f.amount) AS amount
        FROM initiative_funding f
        JOIN commissioned_service s ON s.id = f.service_id
        JOIN organisation o ON o.id = s.provider_id
        WHERE f.financial_year = $1 AND ${IN_SCOPE}
        GROUP BY f.initiative_id, s.id, s.reference, s.title, o.name
      )
      SELECT i.id, i.name, i.status, fu.service_id, fu.reference, fu.title, fu.provider_name, fu.amount,
             COALESCE(d.new_users, 0) AS new_users, COALESCE(d.sessions, 0) AS sessions,
             COALESCE(sum(fu.amount) OVER w, 0) AS initiative_amount,
             COALESCE(sum(d.new_users) OVER w, 0) AS initiative_new_users,
             COALESCE(sum(d.sessions) OVER w, 0) AS initiative_sessions
      FROM initiative i
      LEFT JOIN funded fu ON fu.initiative_id = i.id
      LEFT JOIN delivered d ON d.service_id = fu.service_id
      WHERE i.archived_at IS NULL
      WINDOW w AS (PARTITION BY i.id)
      ORDER BY i.sort_order, i.name, fu.reference`,
    verify: (api, rows) => {
      const list = (api.dashboardInitiatives as any).initiatives as any[];
      const perInitiative = new Map(rows.map((r) => [r.id, r]));
      return first(
        same('initiatives', list.length, perInitiative.size),
        same('funding', sum(list, (i) => i.funding), sum([...perInitiative.values()], (r) => r.initiative_amount)),
        same('sessionsDelivered', sum(list, (i) => i.sessionsDelivered), sum([...perInitiative.values()], (r) => r.initiative_sessions)),
        same('services', sum(list, (i) => i.services.length), rows.filter((r) => r.service_id).length),
      );
    },
  },
  {
    operation: 'dashboardOutcomes',
    params: ['year', 'today'],
    sql: `
      WITH periods AS (
        SELECT id, financial_year, quarter, label, financial_year = $1 AS selected
        FROM reporting_period
        WHERE financial_year * 4 + quarter - 1 BETWEEN $1 * 4 - 4 AND $1 * 4 + 3 AND end_date < $2::date
      ),
      figures AS (
        SELECT pr.period_id, m.outcome_domain AS domain,
               sum(rv.numeric_value) FILTER (WHERE m.code LIKE '%\\_ASSESSED') AS assessed,
               sum(rv.numeric_value) FILTER (WHERE m.code LIKE '%\\_IMPROVED') AS improved,
               count(DISTINCT pr.id) AS returns
        FROM performance_return pr
        JOIN periods p ON p.id = pr.period_id
        JOIN commissioned_service s ON s.id = pr.service_id
        JOIN return_value rv ON rv.return_id = pr.id AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
        JOIN measure m ON m.id = rv.measure_id AND m.outcome_domain IS NOT NULL
        WHERE pr.status = 'APPROVED' AND ${IN_SCOPE}
        GROUP BY pr.period_id, m.outcome_domain
      )
      SELECT 'period' AS kind, p.id::text AS period_id, p.financial_year, p.quarter, f.domain, f.assessed, f.improved, f.returns, NULL::bigint AS services
      FROM periods p LEFT JOIN figures f ON f.period_id = p.id
      UNION ALL
      SELECT 'selection', NULL, NULL, NULL, f.domain, sum(f.assessed), sum(f.improved), sum(f.returns), NULL
      FROM figures f JOIN periods p ON p.id = f.period_id AND p.selected
      GROUP BY f.domain
      UNION ALL
      SELECT 'target', NULL, t.financial_year, t.quarter, m.outcome_domain,
             round(sum(t.value) FILTER (WHERE m.code LIKE '%\\_ASSESSED')), round(sum(t.value) FILTER (WHERE m.code LIKE '%\\_IMPROVED')),
             NULL, count(DISTINCT t.service_id)
      FROM target t
      JOIN measure m ON m.id = t.measure_id AND m.outcome_domain IS NOT NULL
      JOIN commissioned_service s ON s.id = t.service_id
      WHERE t.financial_year BETWEEN $1 - 1 AND $1 AND ${IN_SCOPE}
      GROUP BY t.financial_year, t.quarter, m.outcome_domain`,
    verify: (api, rows) => {
      const domains = (api.dashboardOutcomes as any).domains as any[];
      const selection = rows.filter((r) => r.kind === 'selection');
      return first(
        same('assessed', sum(domains, (d) => d.selection.assessed.value), sum(selection, (r) => r.assessed)),
        same('improved', sum(domains, (d) => d.selection.improved.value), sum(selection, (r) => r.improved)),
        same('quarters', domains[0]?.quarters.length ?? 0, new Set(rows.filter((r) => r.kind === 'period').map((r) => r.period_id)).size),
      );
    },
  },
  {
    operation: 'dashboardReach',
    params: ['year'],
    sql: `
      WITH cells AS (
        SELECT m.code, rv.breakdown_key AS key, sum(rv.numeric_value) AS value
        FROM performance_return pr
        JOIN reporting_period p ON p.id = pr.period_id AND p.financial_year = $1
        JOIN commissioned_service s ON s.id = pr.service_id
        JOIN return_value rv ON rv.return_id = pr.id AND rv.breakdown_key <> '' AND rv.numeric_value IS NOT NULL
        JOIN measure m ON m.id = rv.measure_id AND m.code IN ('NEW_USERS_AGE_GENDER', 'NEW_USERS_ETHNICITY')
        WHERE pr.status = 'APPROVED' AND ${IN_SCOPE}
        GROUP BY m.code, rv.breakdown_key
      ),
      options AS (
        SELECT b.code AS breakdown, o.code, o.label, o.published_band, o.sort_order
        FROM breakdown_option o JOIN breakdown b ON b.id = o.breakdown_id
        WHERE b.code IN ('AGE_BAND', 'GENDER', 'ETHNICITY')
      )
      SELECT 'Age' AS characteristic, COALESCE(o.published_band, o.label) AS grp, sum(c.value) AS value
      FROM cells c JOIN options o ON o.breakdown = 'AGE_BAND' AND o.code = split_part(c.key, '|', 1)
      WHERE c.code = 'NEW_USERS_AGE_GENDER' GROUP BY 2
      UNION ALL
      SELECT 'Gender', o.label, sum(c.value)
      FROM cells c JOIN options o ON o.breakdown = 'GENDER' AND o.code = split_part(c.key, '|', 2)
      WHERE c.code = 'NEW_USERS_AGE_GENDER' GROUP BY 2
      UNION ALL
      SELECT 'Ethnicity', o.label, sum(c.value)
      FROM cells c JOIN options o ON o.breakdown = 'ETHNICITY' AND o.code = c.key
      WHERE c.code = 'NEW_USERS_ETHNICITY' GROUP BY 2`,
    verify: (api, rows) => {
      const r = api.dashboardReach as any;
      const total = (characteristic: string) => sum(rows.filter((row) => row.characteristic === characteristic), (row) => row.value);
      return first(
        same('byAge total', r.byAge.total.value, total('Age')),
        same('byGender total', r.byGender.total.value, total('Gender')),
        same('byEthnicity total', r.byEthnicity.total.value, total('Ethnicity')),
      );
    },
  },
  {
    operation: 'dashboardValueForMoney',
    params: ['year'],
    sql: `
      WITH year AS (SELECT min(start_date) AS starts, max(end_date) AS ends FROM reporting_period WHERE financial_year = $1),
      services AS (
        SELECT s.id, s.reference, s.title, o.name AS provider_name
        FROM commissioned_service s JOIN organisation o ON o.id = s.provider_id CROSS JOIN year
        WHERE ${IN_SCOPE}
          AND ((s.start_date <= year.ends AND s.end_date >= year.starts)
               OR EXISTS (SELECT 1 FROM performance_return pr JOIN reporting_period p ON p.id = pr.period_id AND p.financial_year = $1
                           WHERE pr.service_id = s.id AND pr.status = 'APPROVED'))
      ),
      figures AS (
        SELECT pr.service_id, count(DISTINCT pr.id) AS returns,
               round(sum(rv.numeric_value) FILTER (WHERE m.code = 'FIN_SPEND_QUARTER'), 2) AS spend,
               COALESCE(sum(rv.numeric_value) FILTER (WHERE m.code = 'NEW_USERS'), 0) AS new_users,
               COALESCE(sum(rv.numeric_value) FILTER (WHERE m.code = 'OUT_COPE_RECOVER_IMPROVED'), 0) AS improved
        FROM performance_return pr
        JOIN reporting_period p ON p.id = pr.period_id AND p.financial_year = $1
        LEFT JOIN (return_value rv JOIN measure m ON m.id = rv.measure_id AND m.code IN ('FIN_SPEND_QUARTER', 'NEW_USERS', 'OUT_COPE_RECOVER_IMPROVED'))
               ON rv.return_id = pr.id AND rv.breakdown_key = '' AND rv.numeric_value IS NOT NULL
        WHERE pr.status = 'APPROVED' AND pr.service_id IN (SELECT id FROM services)
        GROUP BY pr.service_id
      ),
      funding AS (SELECT service_id, sum(amount) AS funding FROM service_funding WHERE financial_year = $1 GROUP BY service_id),
      per_service AS (
        SELECT sv.id, sv.reference, sv.title, sv.provider_name, COALESCE(f.returns, 0) AS returns, f.spend, fu.funding,
               COALESCE(f.new_users, 0) AS new_users, COALESCE(f.improved, 0) AS improved,
               CASE WHEN f.spend IS NOT NULL THEN f.spend ELSE fu.funding END AS cost
        FROM services sv LEFT JOIN figures f ON f.service_id = sv.id LEFT JOIN funding fu ON fu.service_id = sv.id
      )
      SELECT 0 AS part, id::text, reference, title, provider_name, returns, spend, funding, new_users, improved, cost FROM per_service
      UNION ALL
      SELECT 1, NULL, NULL, NULL, NULL, sum(returns), sum(spend), sum(funding), sum(new_users), sum(improved), sum(cost) FROM per_service
      ORDER BY part, reference`,
    verify: (api, rows) => {
      const v = api.dashboardValueForMoney as any;
      const total = rows[rows.length - 1]!;
      return first(
        same('services', v.services.length, rows.length - 1),
        // What the page shows (its document asks for nothing more): the cost used and the officer's exact counts.
        same('total.costAmount', Number(v.total.costAmount ?? 0), Number(total.cost ?? 0)),
        same('total.childrenSupported', Number(String(v.total.childrenSupported.display).replace(/,/g, '')), Number(total.new_users)),
      );
    },
  },
];
