// Retention: what the portal stops keeping, and when (docs/decisions/0009-retention.md). Run by
// `npm run jobs -- retention [--dry-run]` (graphql/jobs/cli.ts), e.g. once a day after the reminders.
//
// The policy is configuration (app/utils/env.server.ts, README "Configuration"):
// - RETENTION_AUDIT_DETAIL_MONTHS (24): audit events older than this lose their details (before, after and the IP
//   address). Who, when, what, which operation, which record and which request stay forever.
// - RETENTION_NARRATIVE_MONTHS (84 = the financial year plus 6 more): once this long has passed since the end of a
//   return's financial year, every piece of free text written into or about the return is replaced by the marker
//   "[removed under the retention policy on YYYY-MM-DD]": narrative answers, comments on figures, reasons for
//   blanks, the same in its frozen versions, query messages, the reasons it was returned or reopened or allowed
//   after its lock date, and the notifications that quoted them; newer audit events about it lose their details
//   (they hold copies of that text). Figures, statuses, dates, declarations and who did what stay.
// - RETENTION_LOGIN_ATTEMPT_DAYS (90): sign-in attempts older than this are deleted (the audit trail keeps its own
//   SIGN_IN_FAILED events). Expired sessions and used or expired set-password links are deleted.
//
// One transaction, under an advisory lock (two runs take turns). The dry run is the same queries in a READ ONLY
// transaction: the database itself guarantees it changes nothing. Each kind's rows are chosen by one SQL query
// (`candidates`) that the dry run counts and the real run changes (`UPDATE/DELETE ... FROM candidates`), and the
// kinds are disjoint, so the real run changes exactly the rows the dry run reported. Idempotent: what was removed
// no longer matches (NULL details, the marker, deleted rows), so a second run changes nothing.
//
// The job's own changes are not audited row by row (app.audit = 'off': a row event would copy the removed text
// into the audit trail); one RETENTION_APPLIED event records the policy, the cut-offs and the counts, never the
// content. Audit details can only be removed because the transaction sets portal.retention = 'on', which the
// append-only trigger (migration 20261129211500_audit_retention) requires, and then only set to NULL.
import type { Env } from '../../app/utils/env.server';
import type { PrismaClient } from '../../prisma/client';
import { todayInLondon, type IsoDate } from '../domain/periods';

export interface RetentionPolicy {
  auditDetailMonths: number;
  narrativeMonths: number;
  loginAttemptDays: number;
  /** Sessions idle longer than this have ended (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
}

export function retentionPolicyOf(
  env: Pick<Env, 'RETENTION_AUDIT_DETAIL_MONTHS' | 'RETENTION_NARRATIVE_MONTHS' | 'RETENTION_LOGIN_ATTEMPT_DAYS' | 'SESSION_IDLE_MINUTES'>,
): RetentionPolicy {
  return {
    auditDetailMonths: env.RETENTION_AUDIT_DETAIL_MONTHS,
    narrativeMonths: env.RETENTION_NARRATIVE_MONTHS,
    loginAttemptDays: env.RETENTION_LOGIN_ATTEMPT_DAYS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  };
}

/** What replaces removed text. Dated with the (London) day of the run. */
export const retentionMarker = (day: IsoDate) => `[removed under the retention policy on ${day}]`;
/** A marker of any day, as a PostgreSQL regular expression: text already removed is not removed again. */
const MARKER_PATTERN = '^\\[removed under the retention policy on [0-9]{4}-[0-9]{2}-[0-9]{2}\\]$';

export const RETENTION_KINDS = [
  'audit-details',
  'audit-narrative-copies',
  'return-answers',
  'return-versions',
  'query-messages',
  'return-reasons',
  'lock-exception-reasons',
  'notifications',
  'expired-sessions',
  'password-links',
  'login-attempts',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface RetentionCutOffs {
  /** Audit events that occurred before this instant lose their details. */
  auditDetailsBefore: Date;
  /** Returns of financial years that ended on or before this day lose their free text. */
  narrativeYearsEndingBy: IsoDate;
  /** Sign-in attempts made before this instant are deleted. */
  loginAttemptsBefore: Date;
  /** Sessions that expired (absolutely, or by being idle) by this instant are deleted; likewise set-password links. */
  expiredBy: Date;
}

export interface RetentionKindReport {
  kind: RetentionKind;
  table: string;
  action: 'remove details' | 'replace text' | 'delete';
  description: string;
  /** The cut-off in words, e.g. "occurred before 2024-11-29T09:00:00.000Z". */
  cutOff: string;
  /** Rows that would change (dry run) or changed. */
  count: number;
  /** The date of the oldest of those rows (see `dateOf`), ISO; null when none. */
  oldest: string | null;
  /** Up to 5 of their ids, oldest first. */
  sampleIds: string[];
}

export interface RetentionReport {
  dryRun: boolean;
  now: Date;
  today: IsoDate;
  marker: string;
  policy: RetentionPolicy;
  cutOffs: RetentionCutOffs;
  kinds: RetentionKindReport[];
  /** Rows changed (or that would change) in all. */
  total: number;
}

export class RetentionError extends Error {}

const SAMPLE_SIZE = 5;
// Any fixed number (not the migrator's 72707369 nor the seeds' 72707370): two runs at once take turns.
const ADVISORY_LOCK_KEY = 72707380;

/** Params every candidate query may use, in this order ($1 ...): see `paramsOf`. */
interface Params {
  auditCutOff: Date;
  narrativeCutOff: IsoDate;
  loginCutOff: Date;
  now: Date;
  idleCutOff: Date;
}

interface KindDefinition {
  kind: RetentionKind;
  table: string;
  action: RetentionKindReport['action'];
  description: (policy: RetentionPolicy) => string;
  cutOff: (cutOffs: RetentionCutOffs) => string;
  /** Whether `oldest` is a calendar date (a period's end) rather than an instant. */
  dateOnly?: boolean;
  /** SELECT id, d (the row's date) FROM ... : the rows this kind changes. Uses only the named params. */
  candidates: string;
  /** The change, given the candidates as the CTE `c(id, d)`; must RETURN t.id, c.d. `$MARKER`: the marker. */
  apply: string;
  params: (keyof Params)[];
}

// SQL helpers. `$n` placeholders are numbered per query from the kind's `params` list.
/** Free text that is still there (not NULL, not empty, not already the marker). */
const holds = (column: string) => `(${column} IS NOT NULL AND ${column} <> '' AND ${column} !~ '${MARKER_PATTERN}')`;
/** The marker where the column still holds text, else the column as it is. */
const replaced = (column: string, marker: string) => `CASE WHEN ${holds(column)} THEN ${marker} ELSE ${column} END`;
/** Returns whose financial year ended on or before the narrative cut-off ($n::date). */
const narrativeScope = (param: string) => `
  SELECT r.id FROM performance_return r JOIN reporting_period p ON p.id = r.period_id
  WHERE make_date(p.financial_year + 1, 3, 31) <= ${param}::date`;
/** A return's financial year's last day, as midnight UTC (whatever the session's time zone). */
const yearEnd = `(make_date(p.financial_year + 1, 3, 31)::timestamp AT TIME ZONE 'UTC')`;

/** A snapshot value (schema 1: { measureCode, breakdownKey, value, text, comment }) with its texts replaced. */
const snapshotElement = (marker: string) => `
  CASE WHEN jsonb_typeof(v) = 'object' THEN
    v || CASE WHEN jsonb_typeof(v -> 'text') = 'string' AND ${holds(`(v ->> 'text')`)}
              THEN jsonb_build_object('text', ${marker}::text) ELSE '{}'::jsonb END
      || CASE WHEN jsonb_typeof(v -> 'comment') = 'string' AND ${holds(`(v ->> 'comment')`)}
              THEN jsonb_build_object('comment', ${marker}::text) ELSE '{}'::jsonb END
  ELSE v END`;
const snapshotHoldsText = `
  jsonb_typeof(rv.snapshot -> 'values') = 'array' AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(rv.snapshot -> 'values') AS e(v)
    WHERE jsonb_typeof(v) = 'object'
      AND ((jsonb_typeof(v -> 'text') = 'string' AND ${holds(`(v ->> 'text')`)})
        OR (jsonb_typeof(v -> 'comment') = 'string' AND ${holds(`(v ->> 'comment')`)})))`;

const iso = (date: Date) => date.toISOString();

const KINDS: KindDefinition[] = [
  {
    kind: 'audit-details',
    table: 'audit_event',
    action: 'remove details',
    description: (policy) =>
      `Audit events older than ${policy.auditDetailMonths} months: before and after details and the IP address ` +
      'removed; who, when, what and which record kept',
    cutOff: (c) => `occurred before ${iso(c.auditDetailsBefore)}`,
    params: ['auditCutOff'],
    candidates: `
      SELECT a.id, a.occurred_at AS d FROM audit_event a
      WHERE a.occurred_at < $1::timestamptz AND (a.before IS NOT NULL OR a.after IS NOT NULL OR a.ip_address IS NOT NULL)`,
    apply: `
      UPDATE audit_event t SET before = NULL, after = NULL, ip_address = NULL FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    // Newer events (the older ones are audit-details') whose before/after copy the text of a return in scope.
    kind: 'audit-narrative-copies',
    table: 'audit_event',
    action: 'remove details',
    description: () =>
      'Newer audit events about the returns below (they copy their text): before and after details removed',
    cutOff: (c) => `returns of financial years ending by ${c.narrativeYearsEndingBy}; events since ${iso(c.auditDetailsBefore)}`,
    params: ['auditCutOff', 'narrativeCutOff'],
    candidates: `
      WITH scope AS (${narrativeScope('$2')})
      SELECT a.id, a.occurred_at AS d FROM audit_event a
      WHERE a.occurred_at >= $1::timestamptz AND (a.before IS NOT NULL OR a.after IS NOT NULL)
        AND (
          (a.entity_type = 'performance_return' AND a.entity_id IN (SELECT id::text FROM scope))
          OR (a.entity_type IN ('return_value', 'return_version', 'return_query', 'lock_exception')
              AND coalesce(a.after ->> 'return_id', a.before ->> 'return_id') IN (SELECT id::text FROM scope))
          OR (a.entity_type = 'return_query_message'
              AND coalesce(a.after ->> 'query_id', a.before ->> 'query_id') IN
                  (SELECT q.id::text FROM return_query q WHERE q.return_id IN (SELECT id FROM scope))))`,
    apply: `UPDATE audit_event t SET before = NULL, after = NULL FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'return-answers',
    table: 'return_value',
    action: 'replace text',
    description: (policy) =>
      `Returns of financial years that ended more than ${policy.narrativeMonths} months ago: narrative answers, ` +
      'comments on figures and reasons for blanks replaced; figures kept',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    dateOnly: true,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT v.id, ${yearEnd} AS d FROM return_value v
      JOIN performance_return r ON r.id = v.return_id JOIN reporting_period p ON p.id = r.period_id
      WHERE make_date(p.financial_year + 1, 3, 31) <= $1::date
        AND (${holds('v.text_value')} OR ${holds('v.comment')} OR ${holds('v.blank_reason')})`,
    apply: `
      UPDATE return_value t SET text_value = ${replaced('t.text_value', '$MARKER')}, comment = ${replaced('t.comment', '$MARKER')},
        blank_reason = ${replaced('t.blank_reason', '$MARKER')}
      FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'return-versions',
    table: 'return_version',
    action: 'replace text',
    description: () => 'Frozen versions of those returns: narrative answers and comments in the snapshot replaced; figures kept',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT rv.id, rv.created_at AS d FROM return_version rv
      WHERE rv.return_id IN (${narrativeScope('$1')}) AND ${snapshotHoldsText}`,
    apply: `
      UPDATE return_version t SET snapshot = jsonb_set(t.snapshot, '{values}', (
        SELECT coalesce(jsonb_agg(${snapshotElement('$MARKER')} ORDER BY e.n), '[]'::jsonb)
        FROM jsonb_array_elements(t.snapshot -> 'values') WITH ORDINALITY AS e(v, n)))
      FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'query-messages',
    table: 'return_query_message',
    action: 'replace text',
    description: () => 'Messages of the queries on those returns replaced',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT m.id, m.created_at AS d FROM return_query_message m JOIN return_query q ON q.id = m.query_id
      WHERE q.return_id IN (${narrativeScope('$1')}) AND ${holds('m.body')}`,
    apply: `UPDATE return_query_message t SET body = $MARKER FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'return-reasons',
    table: 'performance_return',
    action: 'replace text',
    description: () => 'Why those returns were returned for changes or reopened: replaced',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    dateOnly: true,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT r.id, ${yearEnd} AS d FROM performance_return r JOIN reporting_period p ON p.id = r.period_id
      WHERE make_date(p.financial_year + 1, 3, 31) <= $1::date AND (${holds('r.returned_reason')} OR ${holds('r.reopened_reason')})`,
    apply: `
      UPDATE performance_return t SET returned_reason = ${replaced('t.returned_reason', '$MARKER')},
        reopened_reason = ${replaced('t.reopened_reason', '$MARKER')}
      FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'lock-exception-reasons',
    table: 'lock_exception',
    action: 'replace text',
    description: () => 'Why edits of those returns were allowed after the lock date: replaced (who, when and until kept)',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT l.id, l.created_at AS d FROM lock_exception l
      WHERE l.return_id IN (${narrativeScope('$1')}) AND ${holds('l.reason')}`,
    apply: `UPDATE lock_exception t SET reason = $MARKER FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'notifications',
    table: 'notification',
    action: 'replace text',
    description: () => 'In-app notifications about those returns (they quote query messages): text replaced',
    cutOff: (c) => `financial years ending by ${c.narrativeYearsEndingBy}`,
    params: ['narrativeCutOff'],
    candidates: `
      SELECT n.id, n.created_at AS d FROM notification n
      WHERE n.return_id IN (${narrativeScope('$1')}) AND ${holds('n.body')}`,
    apply: `UPDATE notification t SET body = $MARKER FROM c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'expired-sessions',
    table: 'session',
    action: 'delete',
    description: (policy) =>
      `Sessions that have ended (past their absolute expiry, or idle for more than ${policy.sessionIdleMinutes} minutes)`,
    cutOff: (c) => `ended by ${iso(c.expiredBy)}`,
    params: ['now', 'idleCutOff'],
    candidates: `
      SELECT s.id, s.created_at AS d FROM session s
      WHERE s.expires_at <= $1::timestamptz OR s.last_seen_at < $2::timestamptz`,
    apply: `DELETE FROM session t USING c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'password-links',
    table: 'password_reset',
    action: 'delete',
    description: () => 'Set-password links that were used or have expired',
    cutOff: (c) => `used, or expired by ${iso(c.expiredBy)}`,
    params: ['now'],
    candidates: `
      SELECT pr.id, pr.created_at AS d FROM password_reset pr
      WHERE pr.used_at IS NOT NULL OR pr.expires_at <= $1::timestamptz`,
    apply: `DELETE FROM password_reset t USING c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
  {
    kind: 'login-attempts',
    table: 'login_attempt',
    action: 'delete',
    description: (policy) => `Sign-in attempts older than ${policy.loginAttemptDays} days (the audit trail keeps its own events)`,
    cutOff: (c) => `made before ${iso(c.loginAttemptsBefore)}`,
    params: ['loginCutOff'],
    candidates: `SELECT la.id, la.created_at AS d FROM login_attempt la WHERE la.created_at < $1::timestamptz`,
    apply: `DELETE FROM login_attempt t USING c WHERE t.id = c.id RETURNING t.id, c.d`,
  },
];

interface SummaryRow {
  count: bigint | number;
  oldest: Date | null;
  samples: string[] | null;
}

const summary = (rows: string) => `
  SELECT count(*) AS count, min(d) AS oldest, (array_agg(id::text ORDER BY d, id::text))[1:${SAMPLE_SIZE}] AS samples
  FROM ${rows}`;

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function cutOffsOf(
  tx: Tx,
  policy: RetentionPolicy,
  now: Date,
  today: IsoDate,
): Promise<{ cutOffs: RetentionCutOffs; idleCutOff: Date }> {
  // PostgreSQL's calendar arithmetic (31 March minus one month is 28 or 29 February), in one place.
  const [row] = await tx.$queryRawUnsafe<{ audit: Date; narrative: string; login: Date; idle: Date }[]>(
    `SELECT $1::timestamptz - make_interval(months => $2::int) AS audit,
            to_char($3::date - make_interval(months => $4::int), 'YYYY-MM-DD') AS narrative,
            $1::timestamptz - make_interval(days => $5::int) AS login,
            $1::timestamptz - make_interval(mins => $6::int) AS idle`,
    now,
    policy.auditDetailMonths,
    today,
    policy.narrativeMonths,
    policy.loginAttemptDays,
    policy.sessionIdleMinutes,
  );
  return {
    cutOffs: {
      auditDetailsBefore: row!.audit,
      narrativeYearsEndingBy: row!.narrative,
      loginAttemptsBefore: row!.login,
      expiredBy: now,
    },
    idleCutOff: row!.idle,
  };
}

function validatePolicy(policy: RetentionPolicy) {
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!whole(policy.auditDetailMonths, 1)) throw new RetentionError('The audit detail retention must be a whole number of months, 1 or more.');
  if (!whole(policy.narrativeMonths, 12)) throw new RetentionError('The narrative retention must be a whole number of months, 12 or more.');
  if (!whole(policy.loginAttemptDays, 1)) throw new RetentionError('The sign-in attempt retention must be a whole number of days, 1 or more.');
  if (!whole(policy.sessionIdleMinutes, 1)) throw new RetentionError('The session idle time must be a whole number of minutes, 1 or more.');
}

/**
 * Applies the retention policy as of `now` (default: the current time), or with `dryRun` only reports what it would
 * change. Either way answers the report: per kind, how many rows, the oldest, the cut-off and sample ids.
 */
export async function runRetention(
  prisma: PrismaClient,
  options: { policy: RetentionPolicy; dryRun: boolean; now?: Date },
): Promise<RetentionReport> {
  validatePolicy(options.policy);
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  const marker = retentionMarker(today);
  const { policy, dryRun } = options;
  try {
    return await prisma.$transaction(
      async (tx) => {
        // A dry run cannot change anything: the database refuses every write in a READ ONLY transaction.
        if (dryRun) await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
        const { cutOffs, idleCutOff } = await cutOffsOf(tx, policy, now, today);
        const params: Params = {
          auditCutOff: cutOffs.auditDetailsBefore,
          narrativeCutOff: cutOffs.narrativeYearsEndingBy,
          loginCutOff: cutOffs.loginAttemptsBefore,
          now,
          idleCutOff,
        };
        if (!dryRun) {
          // The job's changes are recorded by one RETENTION_APPLIED event below, not row by row (a row event would
          // copy the removed text into the audit trail); portal.retention lets it null audit details (and only that).
          await tx.$executeRawUnsafe(
            "SELECT set_config('app.audit', 'off', true), set_config('portal.retention', 'on', true)",
          );
        }
        const kinds: RetentionKindReport[] = [];
        for (const definition of KINDS) {
          const values: unknown[] = definition.params.map((name) => params[name]);
          let sql: string;
          if (dryRun) {
            sql = summary(`(${definition.candidates}) AS c`);
          } else {
            // The marker is the parameter after the candidates' own.
            const apply = definition.apply.replaceAll('$MARKER', `$${values.length + 1}::text`);
            if (apply !== definition.apply) values.push(marker);
            sql = `WITH c AS (${definition.candidates}), changed AS (${apply}) ${summary('changed')}`;
          }
          const [row] = await tx.$queryRawUnsafe<SummaryRow[]>(sql, ...values);
          const oldest = row?.oldest ?? null;
          kinds.push({
            kind: definition.kind,
            table: definition.table,
            action: definition.action,
            description: definition.description(policy),
            cutOff: definition.cutOff(cutOffs),
            count: Number(row?.count ?? 0),
            oldest: oldest === null ? null : definition.dateOnly ? oldest.toISOString().slice(0, 10) : oldest.toISOString(),
            sampleIds: row?.samples ?? [],
          });
        }
        const total = kinds.reduce((sum, kind) => sum + kind.count, 0);
        const report: RetentionReport = { dryRun, now, today, marker, policy, cutOffs, kinds, total };
        if (!dryRun) {
          await tx.$executeRawUnsafe(
            `SELECT set_config('app.actor_user_id', '', true), set_config('app.actor_label', 'system', true),
                    set_config('app.organisation_id', '', true), set_config('app.request_id', '', true),
                    set_config('app.ip_address', '', true), set_config('app.operation', 'retention', true)`,
          );
          await tx.$executeRawUnsafe(
            "SELECT audit_record('RETENTION_APPLIED', NULL, NULL, NULL, $1::jsonb)",
            JSON.stringify(auditSummary(report)),
          );
        }
        return report;
      },
      { maxWait: 60_000, timeout: 30 * 60_000 },
    );
  } catch (error) {
    if (!dryRun && error instanceof Error && /audit_event is append-only: UPDATE is not allowed/.test(error.message)) {
      throw new RetentionError(
        'The database refused to remove audit details: its migrations are not up to date (the audit_retention ' +
          'migration is missing). Run `npm run db:migrate` (or start the portal once), then run the job again.',
      );
    }
    throw error;
  }
}

/** What the RETENTION_APPLIED audit event records: the policy, the cut-offs and the counts; never content or ids. */
export function auditSummary(report: RetentionReport) {
  return {
    policy: report.policy,
    cutOffs: {
      auditDetailsBefore: iso(report.cutOffs.auditDetailsBefore),
      narrativeYearsEndingBy: report.cutOffs.narrativeYearsEndingBy,
      loginAttemptsBefore: iso(report.cutOffs.loginAttemptsBefore),
      expiredBy: iso(report.cutOffs.expiredBy),
    },
    counts: Object.fromEntries(report.kinds.map((kind) => [kind.kind, kind.count])),
    total: report.total,
  };
}

/** The report as the CLI prints it: plain text, one block per kind. */
export function formatRetentionReport(report: RetentionReport): string {
  const lines: string[] = [];
  lines.push(
    report.dryRun
      ? `Retention dry run for ${report.today}: nothing was changed. This is what a real run would do.`
      : `Retention applied on ${report.today}.`,
  );
  lines.push(
    `Policy: audit details ${report.policy.auditDetailMonths} months; narrative ${report.policy.narrativeMonths} months ` +
      `after the financial year ends; sign-in attempts ${report.policy.loginAttemptDays} days.`,
  );
  lines.push(`Removed text reads: ${report.marker}`);
  lines.push('');
  for (const kind of report.kinds) {
    const verb = report.dryRun ? 'would change' : 'changed';
    lines.push(`${kind.kind} (${kind.table}, ${kind.action}): ${kind.count} row(s) ${verb}`);
    lines.push(`  ${kind.description}.`);
    lines.push(`  Cut-off: ${kind.cutOff}.`);
    if (kind.count > 0) {
      lines.push(`  Oldest: ${kind.oldest}. Sample ids: ${kind.sampleIds.join(', ')}`);
    }
  }
  lines.push('');
  lines.push(
    report.dryRun
      ? `In all ${report.total} row(s) would change. Run without --dry-run to apply.`
      : `In all ${report.total} row(s) changed; recorded in the audit trail as RETENTION_APPLIED.`,
  );
  return lines.join('\n');
}
