// A return as CSV through the API: the template (PerformanceReturn.csvTemplate), importReturnCsv for the
// provider's users and its API token (Authorization: Bearer), all or nothing (one bad row among good ones, a HARD
// check that would fail: nothing saved), who may do it, locks and versions, and a bounded number of statements.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../../graphql/auth/tokens';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { RETURN_CSV_COLUMNS } from '../../graphql/domain/return-csv';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createReturn, everyField, lockedPeriod, openPeriod, tokenViewer } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';

let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;
let own: Viewer;
let other: Viewer;
let providerA: string;
let providerB: string;
let periodId: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  providerB = (await createOrganisation()).id;
  officer = await viewerFor('POLICY_OFFICER');
  admin = await viewerFor('ADMIN');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
  periodId = (await openPeriod()).id;
});

const IMPORT = `mutation ($input: ImportReturnCsvInput!) { importReturnCsv(input: $input) {
  __typename
  ... on MutationImportReturnCsvSuccess { data { imported changed performanceReturn { id status version values { measureCode breakdownOption value comment blankReason } } } }
  ... on Error { message }
  ... on CsvImportFailed { problems { row column message } }
  ... on VersionConflict { currentVersion }
  ... on PeriodLocked { locksOn }
} }`;
const TEMPLATE = `query ($id: ID!) { performanceReturn(id: $id) { id version csvTemplate csvFileName } }`;
const ONE = `query ($id: ID!) { performanceReturn(id: $id) { id status version values { measureCode breakdownOption value comment blankReason } } }`;

const HEADER = RETURN_CSV_COLUMNS.join(',');
const file = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
const row = (code: string, key: string, value: string, reason = '', comment = '') => `${code},,${key},,${value},${reason},${comment}`;

/** Referrals that add up (12 = 5 + 7) and 10 accepted. */
const GOOD = [row('REF_RECEIVED', '', '12'), row('REF_RECEIVED', 'POLICE', '5'), row('REF_RECEIVED', 'NOT_KNOWN', '7'), row('REF_ACCEPTED', '', '10', '', 'Two declined')];

async function newReturn(options: { providerId?: string; status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'RETURNED'; period?: string; modules?: string[] } = {}) {
  const service = await createService({ providerId: options.providerId ?? providerA, priorityIssueCodes: options.modules ?? ['PI-ONLINE'] });
  return createReturn({
    serviceId: service.id,
    periodId: options.period ?? periodId,
    status: options.status ?? 'NOT_STARTED',
    values: { REF_RECEIVED: '3', 'REF_RECEIVED[NOT_KNOWN]': '3', STAFF_VACANCIES: '2' },
  });
}

type Payload = {
  __typename: string;
  data?: { imported: number; changed: number; performanceReturn: any };
  message?: string;
  problems?: { row: number | null; column: string | null; message: string }[];
  currentVersion?: number;
};
async function importCsv(returnId: string, csv: string, viewer: Viewer | null = own, expectedVersion = 1, headers?: Record<string, string>) {
  const response = await execute(IMPORT, { input: { returnId, csv, expectedVersion } }, { viewer, headers });
  return { response, payload: response.data?.importReturnCsv as Payload | undefined };
}

const valueOf = (ret: { values: { measureCode: string; breakdownOption: string; value: string | null }[] }, code: string, key = '') =>
  ret.values.find((v) => v.measureCode === code && v.breakdownOption === key)?.value ?? null;

async function stored(returnId: string) {
  return (await execute(ONE, { id: returnId }, { viewer: own })).data!.performanceReturn;
}

describe('the CSV template of a return', () => {
  it('has a row per figure of the return, with what is saved, and a file name with the service and period', async () => {
    const ret = await newReturn({ modules: ['PI-ONLINE'] });
    const { data } = await execute(TEMPLATE, { id: ret.id }, { viewer: own });
    const csv: string = data.performanceReturn.csvTemplate;
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain('REF_RECEIVED,"Referrals received, by source",,Total,3,,');
    expect(lines).toContain('REF_RECEIVED,"Referrals received, by source",NOT_KNOWN,Not known,3,,');
    expect(lines.some((line) => line.startsWith('ONL_'))).toBe(true); // the PI-ONLINE module
    expect(lines.some((line) => line.startsWith('BUS_'))).toBe(false); // not PI-BUSINESS
    // As many rows as the return has fields.
    expect(lines.length - 2).toBe((await everyField(['PI-ONLINE'])).length);
    const service = await getPrisma().commissionedService.findFirstOrThrow({ where: { returns: { some: { id: ret.id } } } });
    expect(data.performanceReturn.csvFileName).toMatch(new RegExp(`^${service.reference}-\\d{4}-\\d{2}-Q\\d\\.csv$`));
  });

  it('is not reachable by another provider', async () => {
    const ret = await newReturn();
    const response = await execute(TEMPLATE, { id: ret.id }, { viewer: other });
    expect(response.data?.performanceReturn).toBeNull();
  });

  it('round-trips: the template uploaded unchanged changes nothing', async () => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    const csv = (await execute(TEMPLATE, { id: ret.id }, { viewer: own })).data.performanceReturn.csvTemplate;
    const { payload } = await importCsv(ret.id, csv);
    expect(payload?.__typename, JSON.stringify(payload)).toBe('MutationImportReturnCsvSuccess');
    expect(payload!.data!.changed).toBe(0);
    expect(payload!.data!.imported).toBe(3);
    expect(payload!.data!.performanceReturn.values).toHaveLength(3);
  });
});

describe('importReturnCsv', () => {
  it('saves every figure of a good file, starts the return and bumps its version once', async () => {
    const ret = await newReturn();
    const { payload } = await importCsv(ret.id, file(...GOOD, row('FIN_SPEND_QUARTER', '', '"£1,250.5"'), row('FIN_SPEND_QUARTER', 'NOT_KNOWN', '1250.50'), row('STAFF_VACANCIES', '', '')));
    expect(payload?.__typename, JSON.stringify(payload)).toBe('MutationImportReturnCsvSuccess');
    const ret2 = payload!.data!.performanceReturn;
    expect(ret2.status).toBe('IN_PROGRESS');
    expect(ret2.version).toBe(2);
    expect(valueOf(ret2, 'REF_RECEIVED')).toBe('12');
    expect(valueOf(ret2, 'REF_RECEIVED', 'NOT_KNOWN')).toBe('7');
    expect(valueOf(ret2, 'FIN_SPEND_QUARTER')).toBe('1250.50');
    expect(ret2.values.find((v: any) => v.measureCode === 'REF_ACCEPTED').comment).toBe('Two declined');
    // A blank without a reason clears the figure.
    expect(ret2.values.find((v: any) => v.measureCode === 'STAFF_VACANCIES')).toBeUndefined();
    expect(payload!.data!.imported).toBe(6);
    expect(payload!.data!.changed).toBe(7);
  });

  it('saves nothing when one row among good ones is bad, and names its row and column', async () => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    const { payload } = await importCsv(ret.id, file(...GOOD, row('REF_WAITING_LIST', '', '-4'), row('REF_CONTACTED_2WD', '', '3')));
    expect(payload?.__typename).toBe('CsvImportFailed');
    expect(payload!.message).toBe('1 problem in the file: nothing was saved.');
    expect(payload!.problems).toEqual([{ row: 6, column: 'value', message: 'Row 6: Waiting list at quarter end cannot be negative' }]);
    const now = await stored(ret.id);
    expect(now.version).toBe(1);
    expect(now.status).toBe('IN_PROGRESS');
    expect(valueOf(now, 'REF_RECEIVED')).toBe('3');
    expect(valueOf(now, 'REF_ACCEPTED')).toBeNull();
  });

  it.each([
    ['an extra column', `${HEADER},notes\r\nREF_ACCEPTED,,,,1,,,x\r\n`, /Column 8, "notes", is not a column of the template/],
    ['an unknown measure code', file(row('REF_NOPE', '', '1')), /REF_NOPE is not a measure of this return/],
    ['a measure of a module the service does not have', file(row('BUS_ENGAGED', '', '1')), /BUS_ENGAGED is not a measure of this return/],
    ['a decimal in a count', file(row('REF_ACCEPTED', '', '2.5')), /Referrals accepted must be a whole number/],
    ['1e309', file(row('REF_ACCEPTED', '', '1e309')), /Referrals accepted must be a whole number/],
    ['text in a number', file(row('REF_ACCEPTED', '', 'ten')), /Referrals accepted must be a whole number/],
    ['replacement characters (not UTF-8)', file(row('REF_ACCEPTED', '', '1', '', 'Caf\uFFFD')), /not UTF-8 text: save it as CSV UTF-8/],
  ])('refuses %s with a message that names it, and saves nothing', async (_name, csv, message) => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    const { payload } = await importCsv(ret.id, csv);
    expect(payload?.__typename, JSON.stringify(payload)).toBe('CsvImportFailed');
    expect(payload!.problems![0]!.message).toMatch(message);
    expect((await stored(ret.id)).version).toBe(1);
  });

  it('refuses 100,000 rows with one message', async () => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    const csv = `${HEADER}\r\n${'REF_ACCEPTED,,,,1,,\r\n'.repeat(100_000)}`;
    const { payload } = await importCsv(ret.id, csv);
    expect(payload?.problems).toEqual([{ row: null, column: null, message: 'The file has 100,000 rows; a return has at most 5,000' }]);
  });

  it('saves nothing when a HARD check would fail with the figures after the import, naming the measures', async () => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    // The file has accepted 10 but no referrals received: the saved 3 stay, and 10 accepted > 3 received.
    const { payload } = await importCsv(ret.id, file(row('REF_ACCEPTED', '', '10')));
    expect(payload?.__typename).toBe('CsvImportFailed');
    expect(payload!.message).toBe('1 check fails with the figures in the file: nothing was saved.');
    expect(payload!.problems).toEqual([
      { row: 2, column: 'value', message: 'Referrals accepted cannot be more than referrals received. (REF_ACCEPTED, REF_RECEIVED)' },
    ]);
    const now = await stored(ret.id);
    expect(now.version).toBe(1);
    expect(valueOf(now, 'REF_ACCEPTED')).toBeNull();
  });

  it('is for the provider of the service: its users and its API token; anyone else is refused', async () => {
    const ret = await newReturn();
    const csv = file(...GOOD);
    for (const viewer of [other, tokenViewer(providerB), officer, admin, commissioner]) {
      const { response } = await importCsv(ret.id, csv, viewer);
      expect(codes(response), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes((await importCsv(ret.id, csv, null)).response)).toEqual(['UNAUTHENTICATED']);
    expect((await stored(ret.id)).version).toBe(1);
    const byToken = await importCsv(ret.id, csv, tokenViewer(providerA));
    expect(byToken.payload?.__typename).toBe('MutationImportReturnCsvSuccess');
  });

  it('works over HTTP with a real Bearer token of the provider; a token of another organisation is FORBIDDEN', async () => {
    const ret = await newReturn();
    const issue = async (organisationId: string) => {
      const { token, hash, prefix } = generateToken();
      await getPrisma().apiToken.create({ data: { organisationId, name: 'Case system', tokenHash: hash, prefix, createdById: admin.userId! } });
      return { authorization: `Bearer ${token}` };
    };
    const theirs = await importCsv(ret.id, file(...GOOD), null, 1, await issue(providerB));
    expect(codes(theirs.response)).toEqual(['FORBIDDEN']);
    const ours = await importCsv(ret.id, file(...GOOD), null, 1, await issue(providerA));
    expect(ours.payload?.__typename, JSON.stringify(ours.response)).toBe('MutationImportReturnCsvSuccess');
    expect(valueOf(ours.payload!.data!.performanceReturn, 'REF_ACCEPTED')).toBe('10');
  });

  it('answers a stale version with VersionConflict, a locked period with PeriodLocked and a submitted return with NotAllowed', async () => {
    const ret = await newReturn({ status: 'IN_PROGRESS' });
    expect((await importCsv(ret.id, file(...GOOD))).payload?.__typename).toBe('MutationImportReturnCsvSuccess');
    const stale = await importCsv(ret.id, file(row('REF_ACCEPTED', '', '1')), own, 1);
    expect(stale.payload).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    expect(valueOf(await stored(ret.id), 'REF_ACCEPTED')).toBe('10');

    const locked = await newReturn({ status: 'IN_PROGRESS', period: (await lockedPeriod()).id });
    expect((await importCsv(locked.id, file(...GOOD))).payload?.__typename).toBe('PeriodLocked');

    const submitted = await newReturn({ status: 'IN_PROGRESS' });
    await getPrisma().performanceReturn.update({
      where: { id: submitted.id },
      data: { status: 'SUBMITTED', submittedAt: new Date(), submittedById: own.userId, declarationName: 'Sam Provider' },
    });
    const refused = await importCsv(submitted.id, file(...GOOD));
    expect(refused.payload).toMatchObject({ __typename: 'NotAllowed', message: 'The return is submitted: it cannot be changed.' });
  });

  it('refuses bad input: a return id that is not an id, a missing version', async () => {
    const response = await execute(IMPORT, { input: { returnId: 'nope', csv: file(...GOOD), expectedVersion: 1 } }, { viewer: own });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    const noVersion = await execute(IMPORT, { input: { returnId: (await newReturn()).id, csv: file(...GOOD), expectedVersion: 0 } }, { viewer: own });
    expect(codes(noVersion)).toEqual(['BAD_USER_INPUT']);
  });

  it('issues the same number of SQL statements for a file of 4 rows as for every figure of the return', async () => {
    const modules = (await getPrisma().priorityIssue.findMany({ select: { code: true } })).map((issue) => issue.code);
    const every = await everyField(modules);
    expect(every.length).toBeGreaterThan(200);
    const small = await newReturn({ status: 'IN_PROGRESS', modules });
    const large = await newReturn({ status: 'IN_PROGRESS', modules });
    const fullFile = file(...every.map((f) => row(f.measureCode, f.breakdownOption, f.value)));
    const few = await countStatements(() => importCsv(small.id, file(...GOOD)));
    const many = await countStatements(() => importCsv(large.id, fullFile));
    expect(few.result.payload?.__typename).toBe('MutationImportReturnCsvSuccess');
    expect(many.result.payload?.__typename, JSON.stringify(many.result.payload?.problems?.slice(0, 3))).toBe('MutationImportReturnCsvSuccess');
    expect(many.statements).toBe(few.statements);
    expect(await getPrisma().returnValue.count({ where: { returnId: large.id } })).toBe(every.length);
  });
});
