// Invariants of the stored data, as SQL queries that answer the rows breaking them (none, when all is well). The fuzz
// tests (tests/api/fuzz-*.test.ts) run them after sending hostile input to every mutation: whatever was answered,
// nothing invalid may have been stored. They cover every table a mutation writes: text (lengths as the input
// schemas allow them, no blank required text, trimmed, no U+FFFD from a lone surrogate, no control characters),
// money (>= 0, pennies), dates (end after start, expiries in the future), return values per measure unit and
// breakdown, who may have written what for which organisation, archived rows keeping their history, and the audit
// trail (a row per write, the request and actor on each).
import { getPrisma } from '../../graphql/db';

export interface Invariant {
  name: string;
  /** Answers the rows that break the invariant. `$1` is the instant the test began (rows made before are the template's). */
  sql: string;
}

// Text columns written from input: [table, column, the most characters the input schemas allow, required].
const TEXT_COLUMNS: [string, string, number, boolean][] = [
  ['organisation', 'name', 200, true],
  ['organisation', 'registered_number', 40, false],
  ['organisation', 'email', 320, false],
  ['organisation', 'phone', 40, false],
  ['organisation', 'address', 500, false],
  ['organisation', 'website', 300, false],
  ['organisation_contact', 'name', 200, true],
  ['organisation_contact', 'job_title', 200, false],
  ['organisation_contact', 'email', 320, false],
  ['organisation_contact', 'phone', 40, false],
  ['app_user', 'name', 200, true],
  ['app_user', 'email', 320, true],
  ['api_token', 'name', 120, true],
  ['priority_issue', 'title', 200, true],
  ['priority_issue', 'description', 2_000, true],
  ['commissioned_service', 'reference', 40, true],
  ['commissioned_service', 'title', 200, true],
  ['commissioned_service', 'description', 5_000, false],
  ['commissioned_service', 'risk_reason', 2_000, false],
  ['service_status_change', 'reason', 2_000, false],
  ['initiative', 'name', 200, true],
  ['initiative', 'description', 2_000, true],
  ['initiative', 'lead_partner', 200, false],
  ['performance_return', 'declaration_name', 200, false],
  ['performance_return', 'returned_reason', 5_000, false],
  ['performance_return', 'reopened_reason', 5_000, false],
  ['return_value', 'text_value', 10_000, false],
  ['return_value', 'blank_reason', 500, false],
  ['return_value', 'comment', 2_000, false],
  ['return_query_message', 'body', 5_000, true],
  ['lock_exception', 'reason', 2_000, true],
];

const textInvariants: Invariant[] = TEXT_COLUMNS.flatMap(([table, column, max, required]) => {
  const c = `"${column}"`;
  return [
    { name: `${table}.${column} is at most ${max} characters`, sql: `SELECT id, char_length(${c}) AS length FROM "${table}" WHERE char_length(${c}) > ${max}` },
    {
      name: `${table}.${column} is trimmed${required ? ' and not blank' : ' (blank is null)'}`,
      sql: `SELECT id, ${c} AS value FROM "${table}" WHERE ${c} ~ '^\\s|\\s$' OR ${c} = ''`,
    },
    {
      name: `${table}.${column} has no U+FFFD (a lone surrogate, mangled on the way in)`,
      sql: `SELECT id, ${c} AS value FROM "${table}" WHERE strpos(${c}, chr(65533)) > 0`,
    },
    {
      name: `${table}.${column} has no control characters (tabs and line ends aside)`,
      sql: `SELECT id, ${c} AS value FROM "${table}" WHERE ${c} ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'`,
    },
    ...(required
      ? [{ name: `${table}.${column} has a visible character`, sql: `SELECT id, ${c} AS value FROM "${table}" WHERE ${c} !~ '[^\\s\\u200B-\\u200D\\u2060\\uFEFF]'` }]
      : []),
  ];
});

// Versioned tables: the version counts the changes, each of them audited.
const VERSIONED = ['organisation', 'app_user', 'priority_issue', 'commissioned_service', 'initiative', 'target', 'performance_return'];

// Rows with history: archived, never deleted.
const KEPT = [
  'organisation', 'app_user', 'api_token', 'commissioned_service', 'service_status_change', 'initiative',
  'performance_return', 'return_version', 'return_query', 'return_query_message', 'lock_exception',
];

// Tables with created_at whose every row made during the test must have its CREATE event.
const CREATED = [
  'organisation', 'organisation_contact', 'app_user', 'api_token', 'commissioned_service', 'service_status_change', 'initiative',
  'performance_return', 'return_version', 'return_query', 'return_query_message', 'lock_exception', 'target',
];

const money = (table: string, column: string): Invariant => ({
  name: `${table}.${column} is money: >= 0, in pennies`,
  sql: `SELECT id, "${column}" AS value FROM "${table}" WHERE "${column}" < 0 OR "${column}" <> round("${column}", 2)`,
});

// The organisation a provider's write belongs to, for the entity types providers may write.
const ENTITY_ORGANISATION = `
  CASE a.entity_type
    WHEN 'performance_return' THEN (SELECT s.provider_id FROM commissioned_service s WHERE s.id = (coalesce(a.after, a.before) ->> 'service_id')::uuid)
    WHEN 'return_value' THEN (SELECT s.provider_id FROM performance_return r JOIN commissioned_service s ON s.id = r.service_id WHERE r.id = (coalesce(a.after, a.before) ->> 'return_id')::uuid)
    WHEN 'return_version' THEN (SELECT s.provider_id FROM performance_return r JOIN commissioned_service s ON s.id = r.service_id WHERE r.id = (coalesce(a.after, a.before) ->> 'return_id')::uuid)
    WHEN 'return_query' THEN (SELECT s.provider_id FROM performance_return r JOIN commissioned_service s ON s.id = r.service_id WHERE r.id = (coalesce(a.after, a.before) ->> 'return_id')::uuid)
    WHEN 'return_query_message' THEN (SELECT s.provider_id FROM return_query q JOIN performance_return r ON r.id = q.return_id JOIN commissioned_service s ON s.id = r.service_id WHERE q.id = (coalesce(a.after, a.before) ->> 'query_id')::uuid)
    WHEN 'api_token' THEN (coalesce(a.after, a.before) ->> 'organisation_id')::uuid
  END`;

export const INVARIANTS: Invariant[] = [
  ...textInvariants,

  // Money
  money('commissioned_service', 'annual_value'),
  money('commissioned_service', 'total_value'),
  money('service_funding', 'amount'),
  money('initiative_funding', 'amount'),
  money('target', 'value'),
  {
    name: "a service's initiatives get no more than its funding in a year",
    sql: `SELECT f.service_id, f.financial_year, sum(f.amount) AS given,
            (SELECT coalesce(sum(sf.amount), 0) FROM service_funding sf WHERE sf.service_id = f.service_id AND sf.financial_year = f.financial_year) AS funded
          FROM initiative_funding f GROUP BY f.service_id, f.financial_year
          HAVING sum(f.amount) > (SELECT coalesce(sum(sf.amount), 0) FROM service_funding sf WHERE sf.service_id = f.service_id AND sf.financial_year = f.financial_year)`,
  },
  {
    name: 'funding and targets are for financial years 2000-2100 (targets: quarters 0-4)',
    sql: `SELECT id FROM service_funding WHERE financial_year NOT BETWEEN 2000 AND 2100
          UNION ALL SELECT id FROM initiative_funding WHERE financial_year NOT BETWEEN 2000 AND 2100
          UNION ALL SELECT id FROM target WHERE financial_year NOT BETWEEN 2000 AND 2100 OR quarter NOT BETWEEN 0 AND 4`,
  },

  // Dates
  {
    name: 'a service ends on or after its start; its cohort ages are 0-120, youngest first; amber and red risks say why',
    sql: `SELECT id FROM commissioned_service WHERE end_date < start_date
            OR cohort_min_age NOT BETWEEN 0 AND 120 OR cohort_max_age NOT BETWEEN 0 AND 120 OR cohort_min_age > cohort_max_age
            OR (risk_rating <> 'GREEN' AND coalesce(btrim(risk_reason), '') = '')`,
  },
  {
    name: 'service dates are plausible (years 1900-2200)',
    sql: `SELECT id, start_date, end_date FROM commissioned_service WHERE start_date < '1900-01-01' OR end_date > '2200-12-31'
          UNION ALL SELECT service_id, NULL, new_end_date FROM service_status_change WHERE new_end_date < '1900-01-01' OR new_end_date > '2200-12-31'`,
  },
  { name: 'a lock exception ends after it was granted', sql: `SELECT id FROM lock_exception WHERE ends_at <= created_at` },
  {
    name: 'an API token expires after it was issued, at most 2 years (and a day) ahead',
    sql: `SELECT id FROM api_token WHERE expires_at IS NOT NULL AND (expires_at <= created_at OR expires_at > created_at + interval '2 years 1 day')`,
  },

  // Return values, per measure unit and breakdown
  {
    name: 'a return value fits its measure: counts and days whole and >= 0, decimals and money in pennies, percentages 0-100, texts as text',
    sql: `SELECT v.id, m.code, m.unit, v.numeric_value, left(v.text_value, 40) AS text_value FROM return_value v JOIN measure m ON m.id = v.measure_id
          WHERE (m.unit IN ('COUNT', 'DAYS') AND (v.numeric_value < 0 OR v.numeric_value <> trunc(v.numeric_value) OR v.numeric_value > 1000000000))
             OR (m.unit IN ('DECIMAL', 'MONEY') AND (v.numeric_value < 0 OR v.numeric_value <> round(v.numeric_value, 2)))
             OR (m.unit = 'PERCENT' AND (v.numeric_value < 0 OR v.numeric_value > 100 OR v.numeric_value <> round(v.numeric_value, 1)))
             OR (m.unit = 'TEXT' AND v.numeric_value IS NOT NULL)
             OR (m.unit <> 'TEXT' AND v.text_value IS NOT NULL)
             OR (v.numeric_value IS NULL AND v.text_value IS NULL AND coalesce(btrim(v.blank_reason), '') = '')`,
  },
  {
    name: "a return value's breakdown key is '' or options of its measure's breakdowns",
    sql: `SELECT v.id, m.code, v.breakdown_key FROM return_value v JOIN measure m ON m.id = v.measure_id
          WHERE v.breakdown_key <> ''
            AND NOT (m.secondary_breakdown_id IS NULL AND EXISTS (SELECT 1 FROM breakdown_option o WHERE o.breakdown_id = m.breakdown_id AND o.code = v.breakdown_key))
            AND NOT (m.secondary_breakdown_id IS NOT NULL
                     AND EXISTS (SELECT 1 FROM breakdown_option o WHERE o.breakdown_id = m.breakdown_id AND o.code = split_part(v.breakdown_key, '|', 1))
                     AND EXISTS (SELECT 1 FROM breakdown_option o WHERE o.breakdown_id = m.secondary_breakdown_id AND o.code = split_part(v.breakdown_key, '|', 2))
                     AND array_length(string_to_array(v.breakdown_key, '|'), 1) = 2)`,
  },
  {
    name: "a return's values are of measures of its template",
    sql: `SELECT v.id, m.code FROM return_value v JOIN measure m ON m.id = v.measure_id JOIN performance_return r ON r.id = v.return_id
          WHERE NOT EXISTS (SELECT 1 FROM template_section ts JOIN template_section_measure tsm ON tsm.section_id = ts.id
                            WHERE ts.template_id = r.template_id AND tsm.measure_id = v.measure_id)`,
  },
  {
    name: 'a target fits its measure (whole counts and days, percentages 0-100)',
    sql: `SELECT t.id, m.code, t.value FROM target t JOIN measure m ON m.id = t.measure_id
          WHERE (m.unit IN ('COUNT', 'DAYS') AND t.value <> trunc(t.value)) OR (m.unit = 'PERCENT' AND t.value > 100) OR m.unit = 'TEXT'`,
  },

  // Returns' workflow
  {
    name: 'submitting or approving a return froze a version of that status, in the same request',
    sql: `SELECT a.entity_id, a.after ->> 'status' AS status FROM audit_event a
          WHERE a.entity_type = 'performance_return' AND a.action = 'UPDATE' AND a.request_id IS NOT NULL AND a.occurred_at >= $1
            AND a.after ->> 'status' IN ('SUBMITTED', 'APPROVED') AND (a.before ->> 'status') IS DISTINCT FROM (a.after ->> 'status')
            AND NOT EXISTS (SELECT 1 FROM audit_event v WHERE v.entity_type = 'return_version' AND v.action = 'CREATE'
                            AND v.request_id = a.request_id AND v.after ->> 'return_id' = a.entity_id AND v.after ->> 'status' = a.after ->> 'status')`,
  },
  {
    name: "a return's versions are numbered 1..n",
    sql: `SELECT v.return_id FROM return_version v GROUP BY v.return_id HAVING max(v.number) <> count(*) OR min(v.number) <> 1`,
  },
  {
    name: 'a reviewed return says who reviewed it and when, and its reviewer is OPCC staff',
    sql: `SELECT r.id FROM performance_return r LEFT JOIN app_user u ON u.id = r.reviewed_by_id
          WHERE (r.status IN ('APPROVED', 'RETURNED') AND (r.reviewed_at IS NULL OR r.reviewed_by_id IS NULL))
             OR (u.id IS NOT NULL AND u.role NOT IN ('ADMIN', 'POLICY_OFFICER'))`,
  },

  // Who belongs where
  {
    name: "every service's provider is a PROVIDER organisation; its lead officer is OPCC staff",
    sql: `SELECT s.id FROM commissioned_service s JOIN organisation o ON o.id = s.provider_id LEFT JOIN app_user u ON u.id = s.lead_officer_id
          LEFT JOIN organisation uo ON uo.id = u.organisation_id
          WHERE o.kind <> 'PROVIDER' OR (s.lead_officer_id IS NOT NULL AND uo.kind <> 'OPCC')`,
  },
  {
    name: "a user's role fits their organisation (PROVIDER in providers, the other roles in the OPCC)",
    sql: `SELECT u.id, u.role, o.kind FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE (o.kind = 'PROVIDER') <> (u.role = 'PROVIDER')`,
  },
  {
    name: 'an API token acts for a provider, issued by an admin or by one of its own people',
    sql: `SELECT t.id FROM api_token t JOIN organisation o ON o.id = t.organisation_id JOIN app_user u ON u.id = t.created_by_id
          WHERE o.kind <> 'PROVIDER' OR (u.role <> 'ADMIN' AND u.organisation_id <> t.organisation_id)`,
  },
  {
    name: "a return's figures, submission and messages come from its provider's people or OPCC staff; queries are raised by OPCC staff",
    sql: `SELECT 'value' AS kind, v.id FROM return_value v JOIN performance_return r ON r.id = v.return_id JOIN commissioned_service s ON s.id = r.service_id
            JOIN app_user u ON u.id = v.updated_by_id JOIN organisation o ON o.id = u.organisation_id
            WHERE u.organisation_id <> s.provider_id AND o.kind <> 'OPCC'
          UNION ALL
          SELECT 'submission', r.id FROM performance_return r JOIN commissioned_service s ON s.id = r.service_id JOIN app_user u ON u.id = r.submitted_by_id
            WHERE u.organisation_id <> s.provider_id
          UNION ALL
          SELECT 'message', m.id FROM return_query_message m JOIN return_query q ON q.id = m.query_id JOIN performance_return r ON r.id = q.return_id
            JOIN commissioned_service s ON s.id = r.service_id JOIN app_user u ON u.id = m.author_id JOIN organisation o ON o.id = u.organisation_id
            WHERE u.organisation_id <> s.provider_id AND o.kind <> 'OPCC'
          UNION ALL
          SELECT 'query', q.id FROM return_query q JOIN app_user u ON u.id = q.raised_by_id WHERE u.role NOT IN ('ADMIN', 'POLICY_OFFICER')`,
  },
  {
    name: "a provider's person is notified only about their own organisation's returns",
    sql: `SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id JOIN performance_return r ON r.id = n.return_id
            JOIN commissioned_service s ON s.id = r.service_id
          WHERE u.role = 'PROVIDER' AND s.provider_id <> u.organisation_id`,
  },
  {
    name: 'lock exceptions are granted by admins; status changes are made by officers and admins',
    sql: `SELECT l.id FROM lock_exception l JOIN app_user u ON u.id = l.granted_by_id WHERE u.role <> 'ADMIN'
          UNION ALL SELECT c.id FROM service_status_change c JOIN app_user u ON u.id = c.changed_by_id WHERE u.role NOT IN ('ADMIN', 'POLICY_OFFICER')`,
  },

  // Versions, history, audit
  ...VERSIONED.map((table) => ({
    name: `${table}: version >= 1, and every change is audited (version - 1 <= UPDATE events)`,
    sql: `SELECT t.id, t.version FROM "${table}" t WHERE t.version < 1
            OR t.version - 1 > (SELECT count(*) FROM audit_event a WHERE a.entity_type = '${table}' AND a.entity_id = t.id::text AND a.action = 'UPDATE')`,
  })),
  ...KEPT.map((table) => ({
    name: `${table}: rows are archived, never deleted`,
    sql: `SELECT a.id, a.entity_id FROM audit_event a WHERE a.entity_type = '${table}' AND a.occurred_at >= $1
            AND (a.action = 'DELETE' OR (a.action = 'CREATE' AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id::text = a.entity_id)))`,
  })),
  ...CREATED.map((table) => ({
    name: `${table}: every row made during the test has its CREATE event`,
    sql: `SELECT t.id FROM "${table}" t WHERE t.created_at >= $1
            AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = '${table}' AND a.entity_id = t.id::text AND a.action = 'CREATE')`,
  })),
  {
    name: 'every return value has an audit event',
    sql: `SELECT v.id FROM return_value v WHERE v.updated_at >= $1
            AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'return_value' AND a.entity_id = v.id::text)`,
  },
  {
    name: 'audit events of API operations say who, which request and which operation',
    sql: `SELECT id, action, entity_type, operation FROM audit_event
          WHERE occurred_at >= $1 AND actor_user_id IS NOT NULL AND (request_id IS NULL OR operation IS NULL OR actor_label = 'system')`,
  },
  {
    name: 'the Commissioner writes nothing',
    sql: `SELECT a.id, a.entity_type, a.operation FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id
          WHERE a.occurred_at >= $1 AND u.role = 'COMMISSIONER' AND a.entity_type IS NOT NULL AND a.action IN ('CREATE', 'UPDATE', 'DELETE')`,
  },
  {
    name: "providers (people and tokens) write only their own organisation's returns, queries and tokens",
    sql: `SELECT a.id, a.entity_type, a.entity_id, a.operation, a.organisation_id, ${ENTITY_ORGANISATION} AS entity_organisation
          FROM audit_event a JOIN organisation o ON o.id = a.organisation_id
          WHERE a.occurred_at >= $1 AND o.kind = 'PROVIDER' AND a.action IN ('CREATE', 'UPDATE', 'DELETE')
            AND (a.entity_type NOT IN ('performance_return', 'return_value', 'return_version', 'return_query', 'return_query_message', 'api_token')
                 OR ${ENTITY_ORGANISATION} IS DISTINCT FROM a.organisation_id)`,
  },
];

/** The invariants that are broken, each with (up to 5 of) its rows. */
export async function brokenInvariants(since: Date): Promise<{ name: string; rows: unknown[] }[]> {
  const db = getPrisma();
  const broken: { name: string; rows: unknown[] }[] = [];
  for (const invariant of INVARIANTS) {
    const uses = invariant.sql.includes('$1');
    const rows = (uses
      ? await db.$queryRawUnsafe<unknown[]>(`${invariant.sql} LIMIT 5`, since)
      : await db.$queryRawUnsafe<unknown[]>(`${invariant.sql} LIMIT 5`)) as unknown[];
    if (rows.length) broken.push({ name: invariant.name, rows });
  }
  return broken;
}

/** The audit events a request wrote (by its request id). */
export async function auditEventsOf(requestId: string): Promise<number> {
  const [row] = await getPrisma().$queryRawUnsafe<{ count: bigint }[]>('SELECT count(*) AS count FROM audit_event WHERE request_id = $1', requestId);
  return Number(row?.count ?? 0);
}
