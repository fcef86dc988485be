// Targets: officers and admins set a service's targets per measure and financial year (annual or per quarter);
// everyone who can see the service reads them (a provider only its own); bad values are refused naming the target;
// a stale version answers VersionConflict and overwrites nothing; writes are bounded; the checks use them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createReturn, openPeriod } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';

let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;
let own: Viewer;
let other: Viewer;
let providerA: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  const providerB = (await createOrganisation()).id;
  officer = await viewerFor('POLICY_OFFICER');
  admin = await viewerFor('ADMIN');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
});

const YEAR = 2026;
const READ = `query ($id: ID!, $year: Int!) { service(id: $id) { id version
  targets(financialYear: $year) { measureCode measureLabel financialYear quarter value version }
  targetMeasures(financialYear: $year) { code title measures { code label unit direction } } } }`;
const UPDATE = `mutation ($input: UpdateServiceTargetsInput!) { updateServiceTargets(input: $input) {
  __typename
  ... on MutationUpdateServiceTargetsSuccess { data { id version targets(financialYear: ${YEAR}) { measureCode quarter value } } }
  ... on Error { message }
  ... on VersionConflict { currentVersion }
} }`;

type Target = { measureCode: string; quarter: number; value: string | null };

async function update(serviceId: string, targets: Target[], expectedVersion = 1, viewer: Viewer | null = officer, financialYear = YEAR) {
  const response = await execute(UPDATE, { input: { serviceId, financialYear, expectedVersion, targets } }, { viewer });
  return { response, payload: response.data?.updateServiceTargets as any };
}

const read = async (serviceId: string, viewer: Viewer = officer, year = YEAR) =>
  (await execute(READ, { id: serviceId, year }, { viewer })).data?.service;

const compact = (targets: { measureCode: string; quarter: number; value: string }[]) =>
  targets.map((t) => `${t.measureCode}:${t.quarter}=${t.value}`).sort();

describe('targets', () => {
  it('lists the numeric measures of the service\'s return (core and its modules) by section, in order', async () => {
    const service = await createService({ providerId: providerA, priorityIssueCodes: ['PI-ONLINE'] });
    const { targetMeasures } = await read(service.id);
    const codesBySection = Object.fromEntries(targetMeasures.map((s: any) => [s.code, s.measures.map((m: any) => m.code)]));
    expect(Object.keys(codesBySection)).toEqual(['ABOUT', 'REFERRALS', 'SUPPORTED', 'ABUSE', 'SUPPORT', 'OUTCOMES', 'FINANCE', 'MOD-PI-ONLINE']);
    expect(codesBySection.REFERRALS.slice(0, 2)).toEqual(['REF_RECEIVED', 'REF_ACCEPTED']);
    const all = targetMeasures.flatMap((s: any) => s.measures);
    // No text (the narrative, contact details) and no breakdown-only measures (their total is another measure).
    expect(all.some((m: any) => m.unit === 'TEXT')).toBe(false);
    expect(all.some((m: any) => m.code === 'NEW_USERS_AGE_GENDER')).toBe(false);
    expect(all.find((m: any) => m.code === 'REF_WAITING_LIST')).toMatchObject({ unit: 'COUNT', direction: 'LOWER_IS_BETTER' });
  });

  it('are set by an officer (annual and per quarter), read back as canonical values, and bump the service version', async () => {
    const service = await createService({ providerId: providerA });
    const { payload } = await update(service.id, [
      { measureCode: 'REF_ACCEPTED', quarter: 0, value: '1,200' },
      { measureCode: 'REF_ACCEPTED', quarter: 2, value: '300' },
      { measureCode: 'FIN_SPEND_QUARTER', quarter: 0, value: '£85,000.5' },
      { measureCode: 'REF_MEDIAN_DAYS_TO_FIRST_SESSION', quarter: 0, value: '20' },
      { measureCode: 'STAFF_FTE_FUNDED', quarter: 0, value: '2.5' },
      { measureCode: 'ONL_AWARENESS_SESSIONS', quarter: 4, value: ' 12 ' },
      { measureCode: 'ref_received', quarter: 1, value: '' },
    ]);
    expect(payload.__typename, JSON.stringify(payload)).toBe('MutationUpdateServiceTargetsSuccess');
    expect(payload.data.version).toBe(2);
    const now = await read(service.id, admin);
    expect(compact(now.targets)).toEqual([
      'FIN_SPEND_QUARTER:0=85000.50',
      'ONL_AWARENESS_SESSIONS:4=12',
      'REF_ACCEPTED:0=1200',
      'REF_ACCEPTED:2=300',
      'REF_MEDIAN_DAYS_TO_FIRST_SESSION:0=20',
      'STAFF_FTE_FUNDED:0=2.5',
    ]);
    expect(now.targets.find((t: any) => t.measureCode === 'REF_ACCEPTED').measureLabel).toBe('Referrals accepted');
    // Another year is separate.
    expect((await read(service.id, officer, YEAR + 1)).targets).toEqual([]);
  });

  it('are changed and removed (blank) with only what changed written; an unchanged save keeps the version', async () => {
    const service = await createService({ providerId: providerA });
    await update(service.id, [
      { measureCode: 'REF_ACCEPTED', quarter: 0, value: '100' },
      { measureCode: 'NEW_USERS', quarter: 0, value: '40' },
    ]);
    const { payload } = await update(
      service.id,
      [
        { measureCode: 'REF_ACCEPTED', quarter: 0, value: '120' },
        { measureCode: 'NEW_USERS', quarter: 0, value: '' },
      ],
      2,
      admin,
    );
    expect(payload.data.version).toBe(3);
    expect(compact(payload.data.targets)).toEqual(['REF_ACCEPTED:0=120']);
    const row = await getPrisma().target.findFirstOrThrow({ where: { serviceId: service.id, measure: { code: 'REF_ACCEPTED' } } });
    expect(row.version).toBe(2);
    const same = await update(service.id, [{ measureCode: 'REF_ACCEPTED', quarter: 0, value: '120.0' }], 3);
    expect(same.payload.data.version).toBe(3);
    expect((await getPrisma().target.findFirstOrThrow({ where: { id: row.id } })).version).toBe(2);
  });

  it.each([
    ['REF_ACCEPTED', 0, '-5', 'targets.0.value', 'The annual target for referrals accepted cannot be negative'],
    ['REF_ACCEPTED', 1, '2.5', 'targets.0.value', 'The Q1 target for referrals accepted must be a whole number, like 12'],
    ['REF_ACCEPTED', 0, '1e309', 'targets.0.value', 'The annual target for referrals accepted must be a whole number, like 12'],
    ['REF_ACCEPTED', 0, 'lots', 'targets.0.value', 'The annual target for referrals accepted must be a whole number, like 12'],
    ['FIN_SPEND_QUARTER', 0, '10.505', 'targets.0.value', 'The annual target for spend this quarter must have 2 decimal places or fewer'],
    ['NO_SUCH_MEASURE', 0, '5', 'targets.0.measureCode', "NO_SUCH_MEASURE is not a measure of this service's return"],
    ['BUS_ENGAGED', 0, '5', 'targets.0.measureCode', "BUS_ENGAGED is not a measure of this service's return"],
    ['NARR_ACHIEVEMENTS', 0, '5', 'targets.0.measureCode', 'is text: it cannot have a target'],
    ['NEW_USERS_AGE_GENDER', 0, '5', 'targets.0.measureCode', 'has no total of its own: set the target on NEW_USERS'],
    ['REF_ACCEPTED', 5, '5', 'targets.0.quarter', 'Enter a quarter: 0 for the whole year, or 1 to 4'],
  ])('refuses %s (quarter %s) = %s naming the target, and saves nothing', async (measureCode, quarter, value, field, message) => {
    const service = await createService({ providerId: providerA, priorityIssueCodes: ['PI-ONLINE'] });
    await update(service.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '40' }]);
    const { response } = await update(
      service.id,
      [
        { measureCode, quarter, value },
        { measureCode: 'NEW_USERS', quarter: 0, value: '50' },
      ],
      2,
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    const error = response.errors![0]!;
    expect(error.message).toContain(message);
    expect(String(error.extensions!.field)).toMatch(new RegExp(`(^|\\.)${field.replaceAll('.', '\\.')}$`));
    const now = await read(service.id);
    expect(now.version).toBe(2);
    expect(compact(now.targets)).toEqual(['NEW_USERS:0=40']);
  });

  it('refuses the same target twice in one save', async () => {
    const service = await createService({ providerId: providerA });
    const { response } = await update(service.id, [
      { measureCode: 'NEW_USERS', quarter: 0, value: '40' },
      { measureCode: 'NEW_USERS', quarter: 0, value: '50' },
    ]);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe('The annual target for NEW_USERS is given more than once');
  });

  it('answers a stale version with VersionConflict and overwrites nothing', async () => {
    const service = await createService({ providerId: providerA });
    await update(service.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '40' }]);
    const { payload } = await update(service.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '10' }], 1, admin);
    expect(payload).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    expect(compact((await read(service.id)).targets)).toEqual(['NEW_USERS:0=40']);
  });

  it('cannot be changed on an archived service; an unknown service is NotFound', async () => {
    const archived = await createService({ providerId: providerA, archived: true });
    expect((await update(archived.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '40' }])).payload.__typename).toBe('NotAllowed');
    const missing = await update('00000000-0000-4000-8000-000000000000', [{ measureCode: 'NEW_USERS', quarter: 0, value: '40' }]);
    expect(missing.payload.__typename).toBe('NotFound');
  });

  it('are written only by officers and admins; read by everyone who can see the service, a provider only its own', async () => {
    const service = await createService({ providerId: providerA });
    await update(service.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '40' }]);
    for (const viewer of [own, other, commissioner]) {
      const { response } = await update(service.id, [{ measureCode: 'NEW_USERS', quarter: 0, value: '1' }], 2, viewer);
      expect(codes(response), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes((await update(service.id, [], 2, null)).response)).toEqual(['UNAUTHENTICATED']);
    expect(compact((await read(service.id, own)).targets)).toEqual(['NEW_USERS:0=40']);
    expect(compact((await read(service.id, commissioner)).targets)).toEqual(['NEW_USERS:0=40']);
    expect(await read(service.id, other)).toBeNull();
  });

  it('issue the same number of SQL statements for 2 targets as for 200', async () => {
    const a = await createService({ providerId: providerA, priorityIssueCodes: ['PI-ONLINE'] });
    const b = await createService({ providerId: providerA, priorityIssueCodes: ['PI-ONLINE'] });
    const measures: string[] = (await read(a.id)).targetMeasures.flatMap((s: any) => s.measures.map((m: any) => m.code));
    const many = measures.flatMap((measureCode) => [0, 1, 2, 3, 4].map((quarter) => ({ measureCode, quarter, value: String(quarter + 1) })));
    expect(many.length).toBeGreaterThanOrEqual(200);
    const few = await countStatements(() => update(a.id, many.slice(0, 2)));
    const lots = await countStatements(() => update(b.id, many));
    expect(few.result.payload.__typename).toBe('MutationUpdateServiceTargetsSuccess');
    expect(lots.result.payload.__typename).toBe('MutationUpdateServiceTargetsSuccess');
    expect(lots.statements).toBe(few.statements);
    expect(await getPrisma().target.count({ where: { serviceId: b.id } })).toBe(many.length);
  });

  it('are what the return\'s targetMet check compares with', async () => {
    const service = await createService({ providerId: providerA });
    const period = await openPeriod();
    const ret = await createReturn({ serviceId: service.id, periodId: period.id, values: { REF_ACCEPTED: '5', REF_RECEIVED: '5', 'REF_RECEIVED[NOT_KNOWN]': '5' } });
    const checks = async () =>
      (await execute(`query ($id: ID!) { performanceReturn(id: $id) { checks { code status measures } } }`, { id: ret.id }, { viewer: own })).data
        .performanceReturn.checks.find((c: any) => c.code === 'TARGETS_MET');
    expect((await checks()).status).toBe('SKIPPED');
    await update(service.id, [{ measureCode: 'REF_ACCEPTED', quarter: period.quarter, value: '10' }], 1, officer, period.financialYear);
    expect(await checks()).toMatchObject({ status: 'FAILED', measures: ['REF_ACCEPTED'] });
  });
});
