// The retention job (graphql/jobs/retention.ts, docs/decisions/0009-retention.md): rows just before and just after
// each cut-off (with a fixed `now`), a dry run that changes nothing (table contents compared), a real run that changes
// exactly the reported rows and no figure, a second run that changes nothing, one RETENTION_APPLIED audit event with
// counts and no content, the removed text gone from every table (audit copies included), and the configuration.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, beforeAll } from 'vitest';
import { EnvError, parseEnv } from '../../app/utils/env.server';
import { getPrisma } from '../../graphql/db';
import { stateFromSnapshot } from '../../graphql/domain/return-diff';
import {
  RETENTION_KINDS,
  RetentionError,
  formatRetentionReport,
  retentionMarker,
  retentionPolicyOf,
  runRetention,
  type RetentionKind,
  type RetentionPolicy,
  type RetentionReport,
} from '../../graphql/jobs/retention';
import {
  auditEventAt,
  diffRows,
  loginAttempt,
  passwordLink,
  retentionFixture,
  returnWithText,
  sessionRow,
  tableRows,
  type TableDiff,
} from '../helpers/retention-factories';

const SECRET = 'a-test-session-secret-of-at-least-32-characters';
const DEFAULTS: RetentionPolicy = retentionPolicyOf(parseEnv({ SESSION_SECRET: SECRET }));
// The test's clock: 31 March 2032, noon. The defaults then remove narrative of financial years that ended by
// 31 March 2025 (2024/25 and earlier: 84 months), audit details before noon on 31 March 2030 (24 months), sign-in
// attempts before noon on 1 January 2032 (90 days), sessions idle since 11:30 (30 minutes).
const NOW = new Date('2032-03-31T12:00:00.000Z');
const DAY_BEFORE = new Date('2032-03-30T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

const TABLES = [
  'audit_event',
  'return_value',
  'return_version',
  'return_query_message',
  'performance_return',
  'lock_exception',
  'notification',
  'session',
  'password_reset',
  'login_attempt',
  // Tables the job never touches: proof that nothing else changes.
  'return_query',
  'app_user',
  'organisation',
  'commissioned_service',
] as const;
type Table = (typeof TABLES)[number];

async function snapshot(): Promise<Record<Table, Map<string, unknown>>> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, await tableRows(table)] as const));
  return Object.fromEntries(entries) as Record<Table, Map<string, unknown>>;
}

function diffAll(before: Record<Table, Map<string, unknown>>, after: Record<Table, Map<string, unknown>>) {
  return Object.fromEntries(TABLES.map((table) => [table, diffRows(before[table], after[table])])) as Record<Table, TableDiff>;
}

const count = (report: RetentionReport, kind: RetentionKind) => report.kinds.find((k) => k.kind === kind)!.count;
const countsOf = (report: RetentionReport) => Object.fromEntries(report.kinds.map((k) => [k.kind, k.count]));
const zeroCounts = Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, 0]));

/** Rows of every table in the database whose JSON contains `needle`: the text is gone when this is empty. */
async function tablesContaining(needle: string): Promise<string[]> {
  const db = getPrisma();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${name}" t WHERE strpos(to_jsonb(t)::text, $1) > 0`,
      needle,
    );
    if (Number(row!.n) > 0) found.push(`${name} (${row!.n})`);
  }
  return found;
}

describe('the retention job, with the default policy', () => {
  let fixture: Awaited<ReturnType<typeof retentionFixture>>;
  let old: Awaited<ReturnType<typeof returnWithText>>;
  let recent: Awaited<ReturnType<typeof returnWithText>>;
  const OLD_TAG = `OLD-${Math.random().toString(36).slice(2, 10)}`;
  const RECENT_TAG = `RECENT-${Math.random().toString(36).slice(2, 10)}`;
  const rows: Record<string, string> = {};
  let dryRun: RetentionReport;
  let applied: RetentionReport;

  beforeAll(async () => {
    fixture = await retentionFixture();
    // 2024/25 ended on 31 March 2025: exactly 84 months before NOW (in). 2025/26 ended a year later (out).
    old = await returnWithText(fixture, '2024/25 Q4', OLD_TAG);
    recent = await returnWithText(fixture, '2025/26 Q1', RECENT_TAG);
    const auditCutOff = at('2030-03-31T12:00:00.000Z');
    rows.auditIn = String(await auditEventAt(ms(auditCutOff, -1), 'audit-in'));
    rows.auditOut = String(await auditEventAt(auditCutOff, 'audit-out'));
    const user = fixture.providerUser.id;
    // Absolute expiry at NOW (ended); idle since just before 11:30 (ended); seen at 11:30 and expiring just after NOW (live).
    rows.sessionExpired = (await sessionRow(user, { createdAt: at('2032-03-31T00:00:00Z'), lastSeenAt: ms(NOW, -60_000), expiresAt: NOW })).id;
    rows.sessionIdle = (
      await sessionRow(user, { createdAt: at('2032-03-31T11:00:00Z'), lastSeenAt: ms(at('2032-03-31T11:30:00Z'), -1), expiresAt: at('2032-03-31T23:00:00Z') })
    ).id;
    rows.sessionLive = (
      await sessionRow(user, { createdAt: at('2032-03-31T11:00:00Z'), lastSeenAt: at('2032-03-31T11:30:00Z'), expiresAt: ms(NOW, 1) })
    ).id;
    rows.linkUsed = (await passwordLink(user, { createdAt: DAY_BEFORE, expiresAt: ms(NOW, 86_400_000), usedAt: DAY_BEFORE })).id;
    rows.linkExpired = (await passwordLink(user, { createdAt: DAY_BEFORE, expiresAt: NOW })).id;
    rows.linkLive = (await passwordLink(user, { createdAt: DAY_BEFORE, expiresAt: ms(NOW, 1) })).id;
    const loginCutOff = at('2032-01-01T12:00:00.000Z');
    rows.attemptOld = (await loginAttempt(ms(loginCutOff, -1))).id;
    rows.attemptRecent = (await loginAttempt(loginCutOff)).id;
  });

  it('computes the cut-offs from the policy and a fixed now', async () => {
    const report = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: true, now: NOW });
    expect(DEFAULTS).toEqual({ auditDetailMonths: 24, narrativeMonths: 84, loginAttemptDays: 90, sessionIdleMinutes: 30 });
    expect(report.today).toBe('2032-03-31');
    expect(report.marker).toBe('[removed under the retention policy on 2032-03-31]');
    expect(report.cutOffs).toEqual({
      auditDetailsBefore: at('2030-03-31T12:00:00.000Z'),
      narrativeYearsEndingBy: '2025-03-31',
      loginAttemptsBefore: at('2032-01-01T12:00:00.000Z'),
      expiredBy: NOW,
    });
    expect(report.kinds.map((k) => k.kind)).toEqual([...RETENTION_KINDS]);
  });

  it('a day earlier, the 2024/25 return is not old enough: no narrative is in scope', async () => {
    const report = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: true, now: DAY_BEFORE });
    expect(report.cutOffs.narrativeYearsEndingBy).toBe('2025-03-30');
    for (const kind of ['return-answers', 'return-versions', 'query-messages', 'return-reasons', 'lock-exception-reasons', 'notifications'] as const) {
      expect(count(report, kind), kind).toBe(0);
    }
  });

  it('a dry run reports per kind what would change (count, oldest, cut-off, sample ids) and changes nothing', async () => {
    const before = await snapshot();
    dryRun = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: true, now: NOW });
    const after = await snapshot();
    for (const table of TABLES) expect(diffRows(before[table], after[table]), table).toEqual({ changed: [], deleted: [], added: [] });

    const kind = (name: RetentionKind) => dryRun.kinds.find((k) => k.kind === name)!;
    // The old return: 3 answers hold text (narrative, comment, blank reason); the empty answer and the plain figure do not.
    expect(kind('return-answers')).toMatchObject({ count: 3, oldest: '2025-03-31', table: 'return_value', action: 'replace text' });
    const oldValues = await getPrisma().returnValue.findMany({ where: { returnId: old.ret.id }, include: { measure: true } });
    const withText = oldValues.filter((v) => ['NARR_ACHIEVEMENTS', 'REF_RECEIVED', 'REF_ACCEPTED'].includes(v.measure.code));
    expect([...kind('return-answers').sampleIds].sort()).toEqual(withText.map((v) => v.id).sort());
    expect(kind('return-versions')).toMatchObject({ count: 1, sampleIds: [old.version.id] });
    expect(kind('query-messages')).toMatchObject({ count: 2 });
    expect([...kind('query-messages').sampleIds].sort()).toEqual(old.query.messages.map((m) => m.id).sort());
    expect(kind('return-reasons')).toMatchObject({ count: 1, sampleIds: [old.ret.id], oldest: '2025-03-31' });
    expect(kind('lock-exception-reasons')).toMatchObject({ count: 1, sampleIds: [old.lockException.id] });
    expect(kind('notifications')).toMatchObject({ count: 1, sampleIds: [old.notification.id] });
    expect(kind('expired-sessions')).toMatchObject({ count: 2, action: 'delete' });
    // Oldest first: the session made at midnight before the one made at 11:00.
    expect(kind('expired-sessions').sampleIds).toEqual([rows.sessionExpired, rows.sessionIdle]);
    expect([...kind('password-links').sampleIds].sort()).toEqual([rows.linkUsed, rows.linkExpired].sort());
    expect(kind('login-attempts')).toMatchObject({ count: 1, sampleIds: [rows.attemptOld], oldest: ms(at('2032-01-01T12:00:00Z'), -1).toISOString() });
    // Audit details: every event before the cut-off that still has details (this database's events were all written
    // today, years before the test's NOW), including the one a millisecond before it, not the one at it.
    const [expected] = await getPrisma().$queryRaw<{ n: bigint; oldest: Date }[]>`
      SELECT count(*) AS n, min(occurred_at) AS oldest FROM audit_event
      WHERE occurred_at < ${at('2030-03-31T12:00:00Z')} AND (before IS NOT NULL OR after IS NOT NULL OR ip_address IS NOT NULL)`;
    expect(kind('audit-details').count).toBe(Number(expected!.n));
    expect(kind('audit-details').oldest).toBe(expected!.oldest.toISOString());
    expect(kind('audit-details').sampleIds).toHaveLength(5);
    expect(kind('audit-details').cutOff).toBe('occurred before 2030-03-31T12:00:00.000Z');
    // Newer events are all after the cut-off here, so none is a copy to remove separately.
    expect(kind('audit-narrative-copies').count).toBe(0);

    const text = formatRetentionReport(dryRun);
    expect(text).toContain('Retention dry run for 2032-03-31: nothing was changed.');
    expect(text).toContain('return-answers (return_value, replace text): 3 row(s) would change');
    expect(text).toContain('Cut-off: financial years ending by 2025-03-31.');
    expect(text).toContain(`Sample ids: ${old.version.id}`);
  });

  it('the real run changes exactly the reported rows, keeps every figure, and records one RETENTION_APPLIED event', async () => {
    const before = await snapshot();
    const valuesBefore = await getPrisma().returnValue.findMany({ orderBy: { id: 'asc' } });
    applied = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: false, now: NOW });
    const after = await snapshot();
    const diff = diffAll(before, after);

    // The same rows as the dry run said.
    expect(applied.dryRun).toBe(false);
    expect(applied.kinds).toEqual(dryRun.kinds);
    const sum = (table: string) => applied.kinds.filter((k) => k.table === table).reduce((n, k) => n + k.count, 0);
    for (const table of ['return_value', 'return_version', 'return_query_message', 'performance_return', 'lock_exception', 'notification'] as const) {
      expect(diff[table], table).toEqual({ changed: expect.any(Array), deleted: [], added: [] });
      expect(diff[table].changed.length, table).toBe(sum(table));
    }
    for (const table of ['session', 'password_reset', 'login_attempt'] as const) {
      expect(diff[table], table).toEqual({ changed: [], deleted: expect.any(Array), added: [] });
      expect(diff[table].deleted.length, table).toBe(sum(table));
    }
    expect(diff.session.deleted).toEqual([rows.sessionExpired, rows.sessionIdle].sort());
    expect(diff.password_reset.deleted).toEqual([rows.linkUsed, rows.linkExpired].sort());
    expect(diff.login_attempt.deleted).toEqual([rows.attemptOld]);
    expect(diff.audit_event.changed.length).toBe(sum('audit_event'));
    expect(diff.audit_event.deleted).toEqual([]);
    expect(diff.audit_event.added).toHaveLength(1);
    for (const table of ['return_query', 'app_user', 'organisation', 'commissioned_service'] as const) {
      expect(diff[table], table).toEqual({ changed: [], deleted: [], added: [] });
    }
    // Every sample id the report gave is among the rows that changed.
    for (const kind of applied.kinds) {
      const touched = new Set([...diff[kind.table as Table].changed, ...diff[kind.table as Table].deleted]);
      for (const id of kind.sampleIds) expect(touched.has(id), `${kind.kind} ${id}`).toBe(true);
    }

    // Only the old return's text was replaced; the recent return is as it was.
    const marker = retentionMarker('2032-03-31');
    const db = getPrisma();
    const values = await db.returnValue.findMany({ where: { returnId: old.ret.id }, include: { measure: true } });
    const byCode = Object.fromEntries(values.map((v) => [v.measure.code, v]));
    expect(byCode.NARR_ACHIEVEMENTS!.textValue).toBe(marker);
    expect(byCode.NARR_BARRIERS!.textValue).toBe('');
    expect(byCode.REF_RECEIVED!.comment).toBe(marker);
    expect(byCode.REF_ACCEPTED!.blankReason).toBe(marker);
    expect(byCode.REF_WAITING_LIST!.comment).toBeNull();
    expect(diff.return_value.changed.sort()).toEqual(
      values.filter((v) => v.measure.code !== 'NARR_BARRIERS' && v.measure.code !== 'REF_WAITING_LIST').map((v) => v.id).sort(),
    );
    // Figures: every numeric value in the database is exactly as it was.
    const valuesAfter = await db.returnValue.findMany({ orderBy: { id: 'asc' } });
    expect(valuesAfter.map((v) => [v.id, v.numericValue?.toString() ?? null])).toEqual(
      valuesBefore.map((v) => [v.id, v.numericValue?.toString() ?? null]),
    );
    // The frozen version: texts and comments replaced, numbers, the empty text and the declaration kept.
    const version = await db.returnVersion.findUniqueOrThrow({ where: { id: old.version.id } });
    const state = stateFromSnapshot(version.snapshot);
    expect(state.values.map((v) => [v.measureCode, v.number, v.text, v.comment])).toEqual([
      ['NARR_ACHIEVEMENTS', null, marker, null],
      ['NARR_BARRIERS', null, '', null],
      ['REF_RECEIVED', '12', null, marker],
      ['REF_WAITING_LIST', '3', null, null],
    ]);
    expect(version.declarationName).toBe(fixture.providerUser.name);
    expect((version.snapshot as { declarationName: string }).declarationName).toBe(fixture.providerUser.name);
    const ret = await db.performanceReturn.findUniqueOrThrow({ where: { id: old.ret.id } });
    expect(ret).toMatchObject({ returnedReason: marker, status: 'RETURNED', declarationName: fixture.providerUser.name });
    expect((await db.lockException.findUniqueOrThrow({ where: { id: old.lockException.id } })).reason).toBe(marker);
    expect((await db.notification.findUniqueOrThrow({ where: { id: old.notification.id } })).body).toBe(marker);
    expect((await db.returnQueryMessage.findMany({ where: { queryId: old.query.id } })).map((m) => m.body)).toEqual([marker, marker]);

    // The old return's text is gone from every table, audit trail included; the recent one's is all still there.
    expect(await tablesContaining(OLD_TAG)).toEqual([]);
    expect(await tablesContaining(RECENT_TAG)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^return_value /),
        expect.stringMatching(/^return_version /),
        expect.stringMatching(/^return_query_message /),
        expect.stringMatching(/^performance_return /),
        expect.stringMatching(/^lock_exception /),
        expect.stringMatching(/^notification /),
      ]),
    );

    // Audit details: removed a millisecond before the cut-off, kept at it; who, when, what and which record stay.
    const events = await db.auditEvent.findMany({ where: { id: { in: [BigInt(rows.auditIn!), BigInt(rows.auditOut!)] } }, orderBy: { id: 'asc' } });
    expect(events[0]).toMatchObject({
      before: null,
      after: null,
      ipAddress: null,
      action: 'UPDATE',
      actorLabel: 'someone@test.example',
      entityType: 'organisation',
      entityId: 'audit-in',
      requestId: 'req-audit-in',
      occurredAt: ms(at('2030-03-31T12:00:00Z'), -1),
    });
    expect(events[1]).toMatchObject({ before: { name: 'audit-out before' }, after: { name: 'audit-out after' }, ipAddress: '203.0.113.9' });
    expect(diff.audit_event.changed).toContain(rows.auditIn);
    expect(diff.audit_event.changed).not.toContain(rows.auditOut);

    // One audit event for the run: the policy, cut-offs and counts; no content and no ids.
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: BigInt(diff.audit_event.added[0]!) } });
    expect(event).toMatchObject({ action: 'RETENTION_APPLIED', actorLabel: 'system', operation: 'retention', before: null, entityType: null });
    expect(event.after).toMatchObject({
      policy: DEFAULTS,
      cutOffs: { narrativeYearsEndingBy: '2025-03-31', auditDetailsBefore: '2030-03-31T12:00:00.000Z' },
      counts: countsOf(applied),
      total: applied.total,
    });
    const recorded = JSON.stringify(event.after);
    expect(recorded).not.toContain(OLD_TAG);
    expect(recorded).not.toContain(old.ret.id);
  });

  it('a second run changes nothing (but the first run\'s own event, written at the database clock, years before NOW)', async () => {
    const before = await snapshot();
    const second = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: false, now: NOW });
    const diff = diffAll(before, await snapshot());
    // The test's NOW is years after the database's clock: the event the first run wrote is already "old".
    expect(countsOf(second)).toEqual({ ...zeroCounts, 'audit-details': 1 });
    expect(diff.audit_event.changed).toHaveLength(1);
    expect(diff.audit_event.added).toHaveLength(1);
    for (const table of TABLES.filter((t) => t !== 'audit_event')) expect(diff[table], table).toEqual({ changed: [], deleted: [], added: [] });

    const third = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: false, now: NOW });
    expect(countsOf(third)).toEqual({ ...zeroCounts, 'audit-details': 1 });
    // With the clock where the events are, nothing at all is left to do.
    const sameDay = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: true, now: new Date() });
    expect(countsOf(sameDay)).toMatchObject({
      'return-answers': 0,
      'return-versions': 0,
      'query-messages': 0,
      'return-reasons': 0,
      'lock-exception-reasons': 0,
      notifications: 0,
      'audit-narrative-copies': 0,
    });
  });

  it('a later run keeps the first marker (its date is not rewritten)', async () => {
    const later = await runRetention(getPrisma(), { policy: DEFAULTS, dryRun: false, now: at('2032-04-30T12:00:00Z') });
    expect(count(later, 'return-answers')).toBe(0);
    expect(count(later, 'return-versions')).toBe(0);
    const value = await getPrisma().returnValue.findFirstOrThrow({
      where: { returnId: old.ret.id, measure: { code: 'NARR_ACHIEVEMENTS' } },
    });
    expect(value.textValue).toBe('[removed under the retention policy on 2032-03-31]');
  });
});

describe('audit copies of narrative that is removed', () => {
  it('removes the details of newer audit events about a return in scope, and only those', async () => {
    const fixture = await retentionFixture();
    const tag = `COPY-${Math.random().toString(36).slice(2, 10)}`;
    const otherTag = `KEPT-${Math.random().toString(36).slice(2, 10)}`;
    const inScope = await returnWithText(fixture, '2024/25 Q3', tag);
    const outOfScope = await returnWithText(fixture, '2025/26 Q2', otherTag);
    // Audit details kept 10 years: the events written today are not old, but they copy the text being removed.
    const policy: RetentionPolicy = { ...DEFAULTS, auditDetailMonths: 120 };
    expect(await tablesContaining(tag)).toEqual(expect.arrayContaining([expect.stringMatching(/^audit_event /)]));

    const planned = await runRetention(getPrisma(), { policy, dryRun: true, now: NOW });
    const before = await snapshot();
    const report = await runRetention(getPrisma(), { policy, dryRun: false, now: NOW });
    const diff = diffAll(before, await snapshot());
    expect(report.kinds).toEqual(planned.kinds);
    expect(count(report, 'audit-details')).toBe(0);
    expect(count(report, 'audit-narrative-copies')).toBeGreaterThan(0);
    expect(diff.audit_event.changed).toHaveLength(count(report, 'audit-narrative-copies'));

    // Exactly the events about the in-scope return's rows: the return, its values, version, query, messages, exception.
    const ids = new Set<string>([
      inScope.ret.id,
      inScope.version.id,
      inScope.query.id,
      inScope.lockException.id,
      ...inScope.query.messages.map((m) => m.id),
      ...(await getPrisma().returnValue.findMany({ where: { returnId: inScope.ret.id }, select: { id: true } })).map((v) => v.id),
    ]);
    const changed = await getPrisma().auditEvent.findMany({ where: { id: { in: diff.audit_event.changed.map(BigInt) } } });
    for (const event of changed) {
      expect(ids.has(event.entityId ?? ''), `${event.entityType} ${event.entityId}`).toBe(true);
      expect(event).toMatchObject({ before: null, after: null });
    }
    // Their IP addresses are not narrative: they stay until the audit detail cut-off.
    expect(changed.filter((event) => event.ipAddress !== null).length).toBe(
      changed.filter((event) => (before.audit_event.get(String(event.id)) as { ip_address: string | null }).ip_address !== null).length,
    );
    expect(changed.map((e) => e.entityId)).toEqual(expect.arrayContaining([inScope.ret.id, inScope.version.id, inScope.lockException.id]));
    expect(await tablesContaining(tag)).toEqual([]);
    const kept = await tablesContaining(otherTag);
    expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^audit_event /), expect.stringMatching(/^return_value /)]));
    expect(outOfScope.ret.id).toBeTruthy();
  });
});

describe('configuration', () => {
  const env = (extra: Record<string, string>) => parseEnv({ SESSION_SECRET: SECRET, ...extra });

  it('has safe defaults and reads each setting', () => {
    expect(env({})).toMatchObject({ RETENTION_AUDIT_DETAIL_MONTHS: 24, RETENTION_NARRATIVE_MONTHS: 84, RETENTION_LOGIN_ATTEMPT_DAYS: 90 });
    expect(
      retentionPolicyOf(env({ RETENTION_AUDIT_DETAIL_MONTHS: '36', RETENTION_NARRATIVE_MONTHS: '120', RETENTION_LOGIN_ATTEMPT_DAYS: '30', SESSION_IDLE_MINUTES: '15' })),
    ).toEqual({ auditDetailMonths: 36, narrativeMonths: 120, loginAttemptDays: 30, sessionIdleMinutes: 15 });
  });

  it.each([
    ['RETENTION_AUDIT_DETAIL_MONTHS', '-1', 'must be a whole number of months from 1 to 1200'],
    ['RETENTION_AUDIT_DETAIL_MONTHS', '0', 'must be a whole number of months from 1 to 1200'],
    ['RETENTION_AUDIT_DETAIL_MONTHS', '1.5', 'must be a whole number of months from 1 to 1200'],
    ['RETENTION_AUDIT_DETAIL_MONTHS', 'two years', 'must be a whole number of months from 1 to 1200'],
    ['RETENTION_NARRATIVE_MONTHS', '-84', 'must be a whole number of months from 12 to 1200'],
    ['RETENTION_NARRATIVE_MONTHS', '6', 'must be a whole number of months from 12 to 1200'],
    ['RETENTION_LOGIN_ATTEMPT_DAYS', '-5', 'must be a whole number of days from 1 to 3650'],
  ])('refuses %s=%s at start-up with a message that says what to fix', (name, value, message) => {
    expect(() => env({ [name]: value })).toThrow(EnvError);
    expect(() => env({ [name]: value })).toThrow(`  ${name}: ${message}`);
  });

  it('the job refuses a policy that did not come through the configuration check', async () => {
    await expect(runRetention(getPrisma(), { policy: { ...DEFAULTS, auditDetailMonths: -1 }, dryRun: true })).rejects.toThrow(RetentionError);
    await expect(runRetention(getPrisma(), { policy: { ...DEFAULTS, narrativeMonths: 0 }, dryRun: false })).rejects.toThrow(
      /narrative retention must be a whole number of months, 12 or more/,
    );
  });
});

describe('npm run jobs -- retention', () => {
  const run = promisify(execFile);
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    run('node_modules/.bin/tsx', ['graphql/jobs/cli.ts', 'retention', ...args], {
      env: { ...process.env, SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', ...extra },
      timeout: 60_000,
    });

  it('prints the dry-run report and changes nothing; refuses unknown arguments and bad configuration', async () => {
    const before = await snapshot();
    const { stdout } = await cli(['--dry-run']);
    expect(stdout).toContain(': nothing was changed. This is what a real run would do.');
    expect(stdout).toContain('audit-details (audit_event, remove details)');
    expect(stdout).toMatch(/In all \d+ row\(s\) would change\. Run without --dry-run to apply\./);
    const after = await snapshot();
    for (const table of TABLES) expect(diffRows(before[table], after[table]), table).toEqual({ changed: [], deleted: [], added: [] });

    const json = JSON.parse((await cli(['--dry-run', '--json'])).stdout) as RetentionReport;
    expect(json.kinds.map((k) => k.kind)).toEqual([...RETENTION_KINDS]);

    await expect(cli(['--dry-rn'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown argument "--dry-rn"') });
    await expect(cli(['--dry-run'], { RETENTION_NARRATIVE_MONTHS: '-1' })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('RETENTION_NARRATIVE_MONTHS: must be a whole number of months from 12 to 1200'),
    });
  });
});
