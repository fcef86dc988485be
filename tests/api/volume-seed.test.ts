// The volume generator (seeds/volume.ts, issue 6) at a tiny size: deterministic (two databases, the same rows),
// every return's values pass the template's HARD checks and submitted ones are complete and explained (the portal's
// own check engine, as the submit mutation runs it), every workflow status appears, and it refuses a database that
// holds other data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { blockingFailures } from '../../graphql/domain/checks';
import { checksFor } from '../../graphql/types/return';
import { dropDatabase, recreateDatabase } from '../setup/postgres';
import { createOrganisation } from '../helpers/factories';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../graphql/domain/bank-holidays';
import { periodSchedule } from '../../graphql/domain/periods';
import { ensureVolume, historicBankHolidays, RETURN_STATUSES, volumeSchedule, VolumeRefusedError, type VolumeParams } from '../../seeds/volume';

const TINY: VolumeParams = { years: 2, services: 3, seed: 7, asOf: '2026-11-29' };
const SMALL: VolumeParams = { years: 1, services: 30, seed: 7, asOf: '2026-11-29' };
const PASSWORD = 'volume-test-password';

const adminUrl = inject('pgAdminUrl');
const extra = (suffix: string) => `portal_test_volume_${suffix}_${randomBytes(4).toString('hex')}`;
const urlOf = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const created: string[] = [];

async function freshDatabase(suffix: string): Promise<string> {
  const name = extra(suffix);
  await recreateDatabase(adminUrl, name, inject('pgTemplate'));
  created.push(name);
  return urlOf(name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Row counts and a checksum of everything the generator decides (ids, dates, statuses, values, comments). */
async function fingerprint(url: string) {
  const [row] = await query<Record<string, string>>(
    url,
    `SELECT
       (SELECT count(*) FROM organisation) AS organisations,
       (SELECT count(*) FROM commissioned_service) AS services,
       (SELECT count(*) FROM performance_return) AS returns,
       (SELECT count(*) FROM return_version) AS versions,
       (SELECT count(*) FROM return_value) AS values,
       (SELECT md5(string_agg(concat_ws('|', s.id, s.reference, s.title, s.status, s.start_date, s.end_date, s.annual_value), ',' ORDER BY s.reference))
          FROM commissioned_service s) AS services_sum,
       (SELECT md5(string_agg(concat_ws('|', pr.id, s.reference, p.label, pr.status, pr.version, pr.submitted_at, pr.reviewed_at, pr.returned_reason),
                              ',' ORDER BY s.reference, p.financial_year, p.quarter))
          FROM performance_return pr JOIN commissioned_service s ON s.id = pr.service_id JOIN reporting_period p ON p.id = pr.period_id) AS returns_sum,
       (SELECT md5(string_agg(concat_ws('|', rv.return_id, m.code, rv.breakdown_key, rv.numeric_value, rv.text_value, rv.comment, rv.updated_at),
                              ',' ORDER BY rv.return_id, m.code, rv.breakdown_key))
          FROM return_value rv JOIN measure m ON m.id = rv.measure_id) AS values_sum,
       (SELECT md5(string_agg(concat_ws('|', v.id, v.number, v.status, v.snapshot::text, v.created_at), ',' ORDER BY v.id)) FROM return_version v) AS versions_sum`,
  );
  return row!;
}

const context = (): Context => ({ db: getPrisma(), viewer: null, requestId: 'volume-test', source: 'in-process' });

describe('the volume generator', () => {
  let tinyUrl: string;

  beforeAll(async () => {
    tinyUrl = process.env.DATABASE_URL!;
    const first = await ensureVolume(tinyUrl, TINY, { password: PASSWORD });
    expect(first.created).toBe(true);
  }, 120_000);

  afterAll(async () => {
    for (const name of created) await dropDatabase(adminUrl, name);
  });

  it('is deterministic: the same options give the same rows in another database', async () => {
    const other = await freshDatabase('copy');
    await ensureVolume(other, TINY, { password: PASSWORD });
    const [a, b] = [await fingerprint(tinyUrl), await fingerprint(other)];
    expect(Number(a.returns)).toBeGreaterThan(10);
    expect(Number(a.values)).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it('does nothing when run again with the same options, and refuses other options or other data', async () => {
    expect((await ensureVolume(tinyUrl, TINY, { password: PASSWORD })).created).toBe(false);
    await expect(ensureVolume(tinyUrl, { ...TINY, seed: 8 }, { password: PASSWORD })).rejects.toThrow(/other parameters/);
    const other = await freshDatabase('busy');
    await query(other, `INSERT INTO organisation (kind, name, slug, type, updated_at) VALUES ('PROVIDER', 'Someone', 'someone', 'CHARITY', now())`);
    await expect(ensureVolume(other, TINY, { password: PASSWORD })).rejects.toBeInstanceOf(VolumeRefusedError);
    // With force it writes beside the data.
    expect((await ensureVolume(other, TINY, { password: PASSWORD, force: true })).created).toBe(true);
  });

  it("passes every HARD check of the template; submitted returns are complete and every SOFT failure explained", async () => {
    const returns = await getPrisma().performanceReturn.findMany({ select: { id: true, status: true } });
    expect(returns.length).toBeGreaterThan(10);
    let checked = 0;
    for (const ret of returns) {
      const { results, unanswered } = await checksFor(context(), ret.id);
      const hard = results.filter((r) => r.severity === 'HARD' && r.status === 'failed').map((r) => r.code);
      expect(hard, `return ${ret.id} (${ret.status})`).toEqual([]);
      if (!['NOT_STARTED', 'IN_PROGRESS'].includes(ret.status)) {
        expect(blockingFailures(results).map((r) => r.code), `return ${ret.id}`).toEqual([]);
        expect(unanswered.map((u) => u.field), `return ${ret.id}`).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('writes no audit events (a bulk load is not a user action) and leaves the audit triggers enabled', async () => {
    const [row] = await query<{ events: string; disabled: string }>(
      tinyUrl,
      `SELECT (SELECT count(*) FROM audit_event) AS events,
              (SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_audit' AND tgenabled = 'D') AS disabled`,
    );
    expect(Number(row!.events)).toBe(0);
    expect(Number(row!.disabled)).toBe(0);
    // Still audited afterwards.
    await createOrganisation();
    const [after] = await query<{ events: string }>(tinyUrl, 'SELECT count(*) AS events FROM audit_event');
    expect(Number(after!.events)).toBeGreaterThan(0);
  });

  it('has every service and return status, and breakdowns with many small counts', async () => {
    const url = await freshDatabase('small');
    const { summary } = await ensureVolume(url, SMALL, { password: PASSWORD });
    expect(summary!.counts.services).toBe(30);
    const statuses = await query<{ status: string }>(url, 'SELECT DISTINCT status::text AS status FROM performance_return');
    expect(statuses.map((s) => s.status).sort()).toEqual([...RETURN_STATUSES].sort());
    const serviceStatuses = await query<{ status: string }>(url, 'SELECT DISTINCT status::text AS status FROM commissioned_service');
    expect(serviceStatuses.map((s) => s.status).sort()).toEqual(['ACTIVE', 'ENDED', 'EXTENDED', 'PLANNED']);
    const [cells] = await query<{ small: string; all: string }>(
      url,
      `SELECT count(*) FILTER (WHERE rv.numeric_value BETWEEN 0 AND 7) AS small, count(*) AS all
         FROM return_value rv JOIN measure m ON m.id = rv.measure_id WHERE m.code = 'NEW_USERS_AGE_GENDER'`,
    );
    expect(Number(cells!.small) / Number(cells!.all)).toBeGreaterThan(0.9);
    // The accounts the benchmark signs in with.
    const users = await query<{ email: string }>(url, "SELECT email FROM app_user WHERE email IN ('officer@opcc.example', 'commissioner@opcc.example')");
    expect(users).toHaveLength(2);
  });

  it('dates periods before 2024 with the bank-holiday rules that reproduce the portal\'s list for 2024-2032', () => {
    for (let year = 2024; year <= 2032; year += 1) {
      const official = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
      expect([...historicBankHolidays(year)].sort(), String(year)).toEqual(official.sort());
    }
    expect(historicBankHolidays(2020).has('2020-05-08')).toBe(true);
    expect(historicBankHolidays(2020).has('2020-05-04')).toBe(false);
    expect(historicBankHolidays(2022).has('2022-09-19')).toBe(true);
    expect(volumeSchedule(2024, 1)).toEqual(periodSchedule(2024, 1));
    // 2022/23 Q1 ends Thu 30 June 2022: 15 working days later (no holidays in July) is Thu 21 July.
    expect(volumeSchedule(2022, 1).dueDate).toBe('2022-07-21');
  });
});
