// The quarterly return API: drafts, submission with checks, the review workflow, locks and exceptions, who may do
// what, bad values answered per field with nothing lost, version conflicts, and bounded SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';
import { completeValues, createReturn, everyField, lockedPeriod, openPeriod, period, tokenViewer } from '../helpers/return-factories';

let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let own: Viewer;
let other: Viewer;
let ownToken: Viewer;
let otherToken: Viewer;
let providerA: string;
let providerB: string;
let periodId: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  providerB = (await createOrganisation()).id;
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
  ownToken = tokenViewer(providerA);
  otherToken = tokenViewer(providerB);
  periodId = (await openPeriod()).id;
});

const RETURN_FIELDS = `id status version noActivity locked submittedAt submittedBy reviewedAt reviewedBy returnedReason reopenedReason
  declarationName values { measureCode breakdownOption value comment blankReason }
  versions { number status createdBy declarationName } service { id provider { id name } } period { id label }`;

const RESULT = (name: string, checks = true) => `
    __typename
    ... on Mutation${name}Success { data { ${RETURN_FIELDS} } }
    ... on Error { message }
    ... on VersionConflict { currentVersion }
    ${checks ? '... on ValidationFailed { problems { field message } failedChecks { code severity status message measures explained } }' : ''}
    ${checks ? '... on PeriodLocked { locksOn }' : ''}`;

const SAVE = `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) { ${RESULT('SaveReturnDraft')} } }`;
const SUBMIT = `mutation ($input: SubmitReturnInput!) { submitReturn(input: $input) { ${RESULT('SubmitReturn')} } }`;
const APPROVE = `mutation ($input: ReviewReturnInput!) { approveReturn(input: $input) { ${RESULT('ApproveReturn', false)} } }`;
const RETURN_FOR_CHANGES = `mutation ($input: ReviewReturnInput!) { returnForChanges(input: $input) { ${RESULT('ReturnForChanges', false)} } }`;
const REOPEN = `mutation ($input: ReopenReturnInput!) { reopenReturn(input: $input) { ${RESULT('ReopenReturn', false)} } }`;
const GRANT = `mutation ($input: GrantLockExceptionInput!) { grantLockException(input: $input) {
  __typename ... on MutationGrantLockExceptionSuccess { data { ${RETURN_FIELDS} } } ... on Error { message } } }`;
const ONE = `query ($id: ID!) { performanceReturn(id: $id) { ${RETURN_FIELDS} checks { code status severity explained } } }`;
const LIST = `query ($filter: ReturnFilter) { returns(filter: $filter) { id status service { reference provider { name } } period { label } values { measureCode value } versions { number } submittedBy locked } }`;

type Result = { __typename: string; data?: any; message?: string; currentVersion?: number; problems?: { field: string; message: string }[]; failedChecks?: any[] };
const result = (response: any, field: string): Result => response.data?.[field];

/** A valid, consistent set of figures. */
const GOOD = [
  { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '12' },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '5' },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: '7' },
  { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '10' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: '', value: '£1,250.5' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
  // The year to date covers the quarter (a HARD check once every figure is answered).
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: '', value: '1250.50' },
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
];

async function serviceOf(providerId: string, priorityIssueCodes = ['PI-ONLINE']) {
  return createService({ providerId, priorityIssueCodes });
}

async function startReturn(values = GOOD, viewer = own, priorityIssueCodes = ['PI-ONLINE']) {
  const service = await serviceOf(viewer.organisationId, priorityIssueCodes);
  const response = await execute(SAVE, { input: { serviceId: service.id, periodId, values } }, { viewer });
  const saved = result(response, 'saveReturnDraft');
  expect(saved?.__typename, JSON.stringify(response)).toBe('MutationSaveReturnDraftSuccess');
  return { service, ret: saved.data };
}

const valueOf = (ret: { values: { measureCode: string; breakdownOption: string; value: string | null }[] }, code: string, key = '') =>
  ret.values.find((v) => v.measureCode === code && v.breakdownOption === key)?.value ?? null;

describe('saveReturnDraft', () => {
  it('creates the return for the provider, in progress, with canonical values', async () => {
    const { ret } = await startReturn();
    expect(ret.status).toBe('IN_PROGRESS');
    expect(ret.version).toBe(1);
    expect(ret.locked).toBe(false);
    expect(valueOf(ret, 'REF_RECEIVED')).toBe('12');
    expect(valueOf(ret, 'REF_RECEIVED', 'POLICE')).toBe('5');
    expect(valueOf(ret, 'FIN_SPEND_QUARTER')).toBe('1250.50');
  });

  it('updates with expectedVersion, bumps the version once, removes blanks without a reason and keeps blanks with one', async () => {
    const { ret } = await startReturn();
    const response = await execute(
      SAVE,
      {
        input: {
          returnId: ret.id,
          expectedVersion: 1,
          values: [
            { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '' },
            { measureCode: 'NEW_USERS', value: '', blankReason: 'Not recorded this quarter' },
            { measureCode: 'REF_RECEIVED', value: '12', comment: 'A <script>alert(1)</script> comment' },
          ],
        },
      },
      { viewer: own },
    );
    const saved = result(response, 'saveReturnDraft').data;
    expect(saved.version).toBe(2);
    expect(valueOf(saved, 'REF_ACCEPTED')).toBeNull();
    expect(saved.values.find((v: any) => v.measureCode === 'REF_ACCEPTED')).toBeUndefined();
    expect(saved.values.find((v: any) => v.measureCode === 'NEW_USERS')).toMatchObject({ value: null, blankReason: 'Not recorded this quarter' });
    expect(saved.values.find((v: any) => v.measureCode === 'REF_RECEIVED' && v.breakdownOption === '').comment).toBe(
      'A <script>alert(1)</script> comment',
    );
  });

  it('is refused to everyone but the provider of the service (or its token)', async () => {
    const service = await serviceOf(providerA);
    const input = { serviceId: service.id, periodId, values: GOOD };
    for (const viewer of [other, otherToken, officer, admin, commissioner]) {
      const response = await execute(SAVE, { input }, { viewer });
      expect(codes(response), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(SAVE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await getPrisma().performanceReturn.count({ where: { serviceId: service.id } })).toBe(0);
    const byToken = result(await execute(SAVE, { input }, { viewer: ownToken }), 'saveReturnDraft');
    expect(byToken.__typename).toBe('MutationSaveReturnDraftSuccess');
  });

  it('answers a stale version with VersionConflict and overwrites nothing', async () => {
    const { ret } = await startReturn();
    await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 1, values: [{ measureCode: 'REF_ACCEPTED', value: '9' }] } }, { viewer: own });
    const stale = result(
      await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 1, values: [{ measureCode: 'REF_ACCEPTED', value: '3' }] } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(stale.__typename).toBe('VersionConflict');
    expect(stale.currentVersion).toBe(2);
    // Starting the same return again without a version is a conflict too.
    const again = result(
      await execute(SAVE, { input: { serviceId: ret.service.id, periodId, values: [{ measureCode: 'REF_ACCEPTED', value: '3' }] } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(again.__typename).toBe('VersionConflict');
    const now = (await execute(ONE, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(now.version).toBe(2);
    expect(valueOf(now, 'REF_ACCEPTED')).toBe('9');
  });

  it.each([
    ['REF_ACCEPTED', '', '-3', 'cannot be negative'],
    ['REF_ACCEPTED', '', '2.5', 'whole number'],
    ['REF_ACCEPTED', '', '1e309', 'whole number'],
    ['REF_ACCEPTED', '', 'twelve', 'whole number'],
    ['REF_RECEIVED', 'MARS', '1', 'not an option'],
    ['NEW_USERS_AGE_GENDER', 'AGE_13_15', '1', 'not an option'],
    ['NOT_A_MEASURE', '', '1', 'not a measure of this return'],
    ['BUS_ENGAGED', '', '1', 'not a measure of this return'],
    ['FIN_SPEND_QUARTER', '', '10.505', '2 decimal places'],
  ])('refuses %s[%s] = %s naming the field, and keeps what was saved', async (measureCode, breakdownOption, value, words) => {
    const { ret } = await startReturn();
    const response = await execute(
      SAVE,
      {
        input: {
          returnId: ret.id,
          expectedVersion: 1,
          values: [{ measureCode: 'REF_RECEIVED', value: '99' }, { measureCode, breakdownOption, value }],
        },
      },
      { viewer: own },
    );
    const failed = result(response, 'saveReturnDraft');
    expect(failed.__typename, JSON.stringify(response)).toBe('ValidationFailed');
    const field = breakdownOption ? `${measureCode}[${breakdownOption}]` : measureCode;
    expect(failed.problems).toHaveLength(1);
    expect(failed.problems![0]!.field).toBe(field);
    expect(failed.problems![0]!.message).toContain(words);
    const now = (await execute(ONE, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(now.version).toBe(1);
    expect(valueOf(now, 'REF_RECEIVED')).toBe('12');
    expect(valueOf(now, 'REF_ACCEPTED')).toBe('10');
  });

  it('accepts a two-dimensional cell and a module measure of the service', async () => {
    const { ret } = await startReturn([
      { measureCode: 'NEW_USERS', breakdownOption: '', value: '1' },
      { measureCode: 'NEW_USERS_AGE_GENDER', breakdownOption: 'AGE_13_15|GIRL_WOMAN', value: '1' },
    ]);
    expect(valueOf(ret, 'NEW_USERS_AGE_GENDER', 'AGE_13_15|GIRL_WOMAN')).toBe('1');
  });

  it('issues the same number of SQL statements for 10 values as for 300+', async () => {
    const modules = (await getPrisma().priorityIssue.findMany({ select: { code: true } })).map((issue) => issue.code);
    // Every field of the template with every module (about 200), then 100 of them again with a comment (a later
    // value for the same field replaces the earlier one): over 300 values in one save.
    const every = await everyField(modules);
    const fields = [...every, ...every.slice(0, 100).map((f) => ({ ...f, comment: 'Checked twice.' }))];
    expect(fields.length).toBeGreaterThanOrEqual(300);
    const small = await startReturn([], own, modules);
    const large = await startReturn([], own, modules);
    const save = (id: string, values: unknown[]) =>
      execute(SAVE, { input: { returnId: id, expectedVersion: 1, values } }, { viewer: own });
    const few = await countStatements(() => save(small.ret.id, fields.slice(0, 10)));
    const many = await countStatements(() => save(large.ret.id, fields));
    expect(result(few.result, 'saveReturnDraft').__typename).toBe('MutationSaveReturnDraftSuccess');
    expect(result(many.result, 'saveReturnDraft').__typename).toBe('MutationSaveReturnDraftSuccess');
    expect(many.statements).toBe(few.statements);
    expect(await getPrisma().returnValue.count({ where: { returnId: large.ret.id } })).toBe(every.length);
    expect(await getPrisma().returnValue.count({ where: { returnId: large.ret.id, comment: 'Checked twice.' } })).toBe(100);
  });
});

describe('the workflow', () => {
  it('draft -> submit -> returned with a reason -> resubmitted -> approved -> reopened by an admin', async () => {
    const { ret } = await startReturn(await completeValues(GOOD));
    const input = { returnId: ret.id, declarationName: 'Sam Provider', expectedVersion: 1 };

    // Who may submit: the provider as a person only.
    for (const viewer of [other, officer, admin, commissioner, otherToken]) {
      expect(codes(await execute(SUBMIT, { input }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(SUBMIT, { input }))).toEqual(['UNAUTHENTICATED']);
    const byToken = result(await execute(SUBMIT, { input }, { viewer: ownToken }), 'submitReturn');
    expect(byToken.__typename).toBe('NotAllowed');
    expect(byToken.message).toContain('Submit from the portal with a named person');
    expect(codes(await execute(SUBMIT, { input: { ...input, declarationName: '  ' } }, { viewer: own }))).toEqual(['BAD_USER_INPUT']);

    const submitted = result(await execute(SUBMIT, { input }, { viewer: own }), 'submitReturn');
    expect(submitted.__typename).toBe('MutationSubmitReturnSuccess');
    expect(submitted.data).toMatchObject({ status: 'SUBMITTED', version: 2, declarationName: 'Sam Provider' });
    expect(submitted.data.submittedAt).toBeTruthy();
    expect(submitted.data.versions).toEqual([expect.objectContaining({ number: 1, status: 'SUBMITTED', declarationName: 'Sam Provider' })]);
    const snapshot = (await getPrisma().returnVersion.findFirstOrThrow({ where: { returnId: ret.id, number: 1 } })).snapshot as any;
    expect(snapshot).toMatchObject({ schema: 1, status: 'SUBMITTED', period: ret.period.label, declarationName: 'Sam Provider' });
    expect(snapshot.values).toContainEqual({ measureCode: 'REF_RECEIVED', breakdownKey: 'POLICE', value: 5, text: null, comment: null });

    // A submitted return cannot be edited.
    const edit = result(await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 2, values: GOOD } }, { viewer: own }), 'saveReturnDraft');
    expect(edit.__typename).toBe('NotAllowed');

    // Review: officers only; a reason is required to return it.
    const review = { returnId: ret.id, expectedVersion: 2 };
    for (const viewer of [own, ownToken, commissioner]) {
      expect(codes(await execute(RETURN_FOR_CHANGES, { input: { ...review, reason: 'x' } }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
      expect(codes(await execute(APPROVE, { input: review }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(APPROVE, { input: review }))).toEqual(['UNAUTHENTICATED']);
    const noReason = await execute(RETURN_FOR_CHANGES, { input: review }, { viewer: officer });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors![0]!.extensions!.field).toBe('reason');
    const returned = result(
      await execute(RETURN_FOR_CHANGES, { input: { ...review, reason: 'Please check the referral sources.' } }, { viewer: officer }),
      'returnForChanges',
    );
    expect(returned.data).toMatchObject({ status: 'RETURNED', version: 3, returnedReason: 'Please check the referral sources.' });
    expect(returned.data.reviewedBy).toBeTruthy();

    // The provider corrects it (it stays RETURNED) and resubmits.
    const corrected = result(
      await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 3, values: [{ measureCode: 'REF_ACCEPTED', value: '11' }] } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(corrected.data).toMatchObject({ status: 'RETURNED', version: 4 });
    const resubmitted = result(await execute(SUBMIT, { input: { ...input, expectedVersion: 4 } }, { viewer: own }), 'submitReturn');
    expect(resubmitted.data).toMatchObject({ status: 'SUBMITTED', version: 5 });

    // Stale approval: VersionConflict, nothing changes.
    const stale = result(await execute(APPROVE, { input: { returnId: ret.id, expectedVersion: 4 } }, { viewer: officer }), 'approveReturn');
    expect(stale.__typename).toBe('VersionConflict');
    const approved = result(await execute(APPROVE, { input: { returnId: ret.id, expectedVersion: 5 } }, { viewer: officer }), 'approveReturn');
    expect(approved.data).toMatchObject({ status: 'APPROVED', version: 6 });
    expect(approved.data.versions.map((v: any) => [v.number, v.status])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'SUBMITTED'],
      [3, 'APPROVED'],
    ]);
    const approveAgain = result(await execute(APPROVE, { input: { returnId: ret.id, expectedVersion: 6 } }, { viewer: officer }), 'approveReturn');
    expect(approveAgain.__typename).toBe('NotAllowed');
    const editApproved = result(
      await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 6, values: GOOD } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(editApproved.__typename).toBe('NotAllowed');

    // Reopen: admins only, with a reason.
    const reopen = { returnId: ret.id, expectedVersion: 6, reason: 'A figure was wrong.' };
    for (const viewer of [own, officer, commissioner]) {
      expect(codes(await execute(REOPEN, { input: reopen }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(REOPEN, { input: { ...reopen, reason: '' } }, { viewer: admin }))).toEqual(['BAD_USER_INPUT']);
    const reopened = result(await execute(REOPEN, { input: reopen }, { viewer: admin }), 'reopenReturn');
    expect(reopened.data).toMatchObject({ status: 'REOPENED', version: 7, reopenedReason: 'A figure was wrong.' });
    const editReopened = result(
      await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 7, values: [{ measureCode: 'REF_ACCEPTED', value: '12' }] } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(editReopened.data).toMatchObject({ status: 'REOPENED', version: 8 });
  });

  it('a HARD check failure blocks submission with every failed check listed, and changes nothing', async () => {
    const { ret } = await startReturn(
      await completeValues([
        { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '12' },
        { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '5' }, // does not add up to 12
        { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '20' }, // more than received
      ]),
    );
    const failed = result(
      await execute(SUBMIT, { input: { returnId: ret.id, declarationName: 'Sam', expectedVersion: 1 } }, { viewer: own }),
      'submitReturn',
    );
    expect(failed.__typename).toBe('ValidationFailed');
    expect(failed.message).toBe(`The return cannot be submitted: ${failed.failedChecks!.length} checks need attention.`);
    // Complete, so every problem is a failed check.
    expect(failed.problems).toHaveLength(failed.failedChecks!.length);
    const failedCodes = failed.failedChecks!.map((c) => c.code);
    expect(failedCodes).toContain('SUM_REF_RECEIVED');
    expect(failedCodes.length).toBeGreaterThanOrEqual(2);
    expect(failed.failedChecks!.every((c) => c.status === 'FAILED' && c.severity === 'HARD')).toBe(true);
    const now = (await execute(ONE, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(now).toMatchObject({ status: 'IN_PROGRESS', version: 1, versions: [] });
    expect(now.checks.find((c: any) => c.code === 'SUM_REF_RECEIVED').status).toBe('FAILED');
  });

  it('a SOFT check failure needs a comment before the return can be submitted', async () => {
    const service = await serviceOf(providerA);
    const current = await period((await openPeriod()).financialYear, (await openPeriod()).quarter);
    const previous = current.quarter === 1 ? await period(current.financialYear - 1, 4) : await period(current.financialYear, current.quarter - 1);
    await createReturn({ serviceId: service.id, periodId: previous.id, status: 'IN_PROGRESS', values: { REF_ACCEPTED: '10' } });
    const saved = result(
      await execute(
        SAVE,
        {
          input: {
            serviceId: service.id,
            periodId: current.id,
            values: await completeValues([
              { measureCode: 'REF_RECEIVED', value: '100' },
              { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '100' },
              { measureCode: 'REF_ACCEPTED', value: '100' },
            ]),
          },
        },
        { viewer: own },
      ),
      'saveReturnDraft',
    );
    const id = saved.data.id;
    const blocked = result(await execute(SUBMIT, { input: { returnId: id, declarationName: 'Sam', expectedVersion: 1 } }, { viewer: own }), 'submitReturn');
    expect(blocked.__typename).toBe('ValidationFailed');
    expect(blocked.failedChecks).toContainEqual(expect.objectContaining({ code: 'CHANGE_REF_ACCEPTED', severity: 'SOFT', explained: false }));
    expect(blocked.failedChecks!.every((c) => c.severity === 'SOFT')).toBe(true);
    await execute(
      SAVE,
      { input: { returnId: id, expectedVersion: 1, values: [{ measureCode: 'REF_ACCEPTED', value: '100', comment: 'A new school referral route opened.' }] } },
      { viewer: own },
    );
    const submitted = result(await execute(SUBMIT, { input: { returnId: id, declarationName: 'Sam', expectedVersion: 2 } }, { viewer: own }), 'submitReturn');
    expect(submitted.__typename, JSON.stringify(submitted)).toBe('MutationSubmitReturnSuccess');
  });
});

describe('completeness', () => {
  const UNANSWERED = `query ($id: ID!) { performanceReturn(id: $id) { status version noActivity versions { number } unanswered { field message } } }`;

  it('refuses an incomplete return naming every unanswered question, and changes nothing', async () => {
    const values = (await completeValues(GOOD)).filter(
      // Referrals accepted: nothing at all. Referrals received: the police cell left blank. A narrative text: blank.
      (v) => v.measureCode !== 'REF_ACCEPTED' && !(v.measureCode === 'REF_RECEIVED' && v.breakdownOption === 'POLICE') && v.measureCode !== 'NARR_RISKS',
    );
    const { ret } = await startReturn(values.map((v) => (v.measureCode === 'REF_RECEIVED' && v.breakdownOption === 'NOT_KNOWN' ? { ...v, value: '12' } : v)));
    const expected = [
      { field: 'REF_RECEIVED', message: 'Say why 1 figure of referrals received is blank, or fill it in (0 is a figure)' },
      { field: 'REF_ACCEPTED', message: 'Enter referrals accepted (0 if there were none), or say why it is blank' },
      { field: 'NARR_RISKS', message: 'Enter risks to delivery, or say why it is blank' },
    ];
    // The API says what is missing before anyone tries to submit.
    const before = (await execute(UNANSWERED, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(before.unanswered).toEqual(expected);
    expect((await execute(UNANSWERED, { id: ret.id }, { viewer: ownToken })).data!.performanceReturn.unanswered).toEqual(expected);

    const input = { returnId: ret.id, declarationName: 'Sam Provider', expectedVersion: 1 };
    const failed = result(await execute(SUBMIT, { input }, { viewer: own }), 'submitReturn');
    expect(failed.__typename).toBe('ValidationFailed');
    expect(failed.message).toBe('The return cannot be submitted: 3 questions have no answer yet (0 is an answer; a blank needs a reason).');
    expect(failed.problems).toEqual(expected);
    expect(failed.failedChecks).toEqual([]);
    const now = (await execute(ONE, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(now).toMatchObject({ status: 'IN_PROGRESS', version: 1, versions: [], submittedAt: null, declarationName: null });
    expect(await getPrisma().returnVersion.count({ where: { returnId: ret.id } })).toBe(0);

    // "No activity this quarter" answers nothing by itself: the questions still need their 0s or reasons.
    const declared = result(await execute(SAVE, { input: { returnId: ret.id, expectedVersion: 1, noActivity: true, values: [] } }, { viewer: own }), 'saveReturnDraft');
    expect(declared.data).toMatchObject({ noActivity: true, version: 2 });
    const stillIncomplete = result(await execute(SUBMIT, { input: { ...input, expectedVersion: 2 } }, { viewer: own }), 'submitReturn');
    expect(stillIncomplete.__typename).toBe('ValidationFailed');
    expect(stillIncomplete.problems).toEqual(expected);

    // Zero is an answer, and a blank with a reason is one.
    const answered = result(
      await execute(
        SAVE,
        {
          input: {
            returnId: ret.id,
            expectedVersion: 2,
            values: [
              { measureCode: 'REF_ACCEPTED', value: '0' },
              { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '', blankReason: 'The police did not say which referrals were theirs' },
              { measureCode: 'NARR_RISKS', value: ' ', blankReason: 'Nothing new this quarter' },
            ],
          },
        },
        { viewer: own },
      ),
      'saveReturnDraft',
    );
    expect(answered.__typename).toBe('MutationSaveReturnDraftSuccess');
    expect((await execute(UNANSWERED, { id: ret.id }, { viewer: own })).data!.performanceReturn.unanswered).toEqual([]);
    const submitted = result(await execute(SUBMIT, { input: { ...input, expectedVersion: 3 } }, { viewer: own }), 'submitReturn');
    expect(submitted.__typename, JSON.stringify(submitted)).toBe('MutationSubmitReturnSuccess');
    expect(submitted.data).toMatchObject({ status: 'SUBMITTED', version: 4 });
  });

  it('lists both unanswered questions and failing checks, and needs no answer to questions that are not required', async () => {
    const values = (await completeValues([
      { measureCode: 'REF_RECEIVED', value: '12' },
      { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '12' },
      { measureCode: 'REF_ACCEPTED', value: '20' }, // more than received: a HARD check
    ])).filter((v) => v.measureCode !== 'NEW_USERS' && v.measureCode !== 'NARR_HELP_NEEDED'); // NARR_HELP_NEEDED is not required
    const { ret } = await startReturn(values);
    const failed = result(
      await execute(SUBMIT, { input: { returnId: ret.id, declarationName: 'Sam', expectedVersion: 1 } }, { viewer: own }),
      'submitReturn',
    );
    expect(failed.__typename).toBe('ValidationFailed');
    expect(failed.message).toMatch(/^The return cannot be submitted: 1 question has no answer yet \(0 is an answer; a blank needs a reason\), and \d+ checks? needs? attention\.$/);
    expect(failed.problems![0]).toEqual({ field: 'NEW_USERS', message: 'Enter new service users (0 if there were none), or say why it is blank' });
    expect(failed.problems!.map((p) => p.field)).not.toContain('NARR_HELP_NEEDED');
    expect(failed.failedChecks!.map((c) => c.code)).toContain('REF_ACCEPTED_LTE_RECEIVED');
    expect(failed.problems).toHaveLength(1 + failed.failedChecks!.length);
    const now = (await execute(ONE, { id: ret.id }, { viewer: own })).data!.performanceReturn;
    expect(now).toMatchObject({ status: 'IN_PROGRESS', version: 1, versions: [] });
  });
});

describe('locks', () => {
  it('refuses edits after the lock date unless an admin grants an exception', async () => {
    const locked = await lockedPeriod();
    const service = await serviceOf(providerA);
    const start = result(
      await execute(SAVE, { input: { serviceId: service.id, periodId: locked.id, values: GOOD } }, { viewer: own }),
      'saveReturnDraft',
    );
    expect(start.__typename).toBe('PeriodLocked');
    expect(await getPrisma().performanceReturn.count({ where: { serviceId: service.id } })).toBe(0);

    const ret = await createReturn({ serviceId: service.id, periodId: locked.id, values: { REF_RECEIVED: '4' } });
    const edit = { returnId: ret.id, expectedVersion: 1, values: [{ measureCode: 'REF_RECEIVED', value: '5' }] };
    expect(result(await execute(SAVE, { input: edit }, { viewer: own }), 'saveReturnDraft').__typename).toBe('PeriodLocked');

    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const grant = { returnId: ret.id, reason: 'Late because of staff illness.', endsAt: future };
    for (const viewer of [own, officer, commissioner]) {
      expect(codes(await execute(GRANT, { input: grant }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(GRANT, { input: { ...grant, reason: ' ' } }, { viewer: admin }))).toEqual(['BAD_USER_INPUT']);
    const past = await execute(GRANT, { input: { ...grant, endsAt: new Date(Date.now() - 60_000).toISOString() } }, { viewer: admin });
    expect(codes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0]!.message).toContain('in the future');
    const granted = result(await execute(GRANT, { input: grant }, { viewer: admin }), 'grantLockException');
    expect(granted.data.locked).toBe(false);
    const saved = result(await execute(SAVE, { input: edit }, { viewer: own }), 'saveReturnDraft');
    expect(saved.__typename).toBe('MutationSaveReturnDraftSuccess');
    expect(valueOf(saved.data, 'REF_RECEIVED')).toBe('5');
  });
});

describe('reading returns', () => {
  it('shows a provider only its own organisation’s returns, and OPCC staff all', async () => {
    const mine = await startReturn(GOOD, own);
    const theirs = await startReturn(GOOD, other);
    const ids = (response: any) => (response.data.returns as { id: string }[]).map((r) => r.id);

    const forMe = await execute(LIST, {}, { viewer: own });
    expect(ids(forMe)).toContain(mine.ret.id);
    expect(ids(forMe)).not.toContain(theirs.ret.id);
    expect(JSON.stringify(forMe.data)).not.toContain(theirs.ret.service.provider.name);
    expect(ids(await execute(LIST, {}, { viewer: ownToken }))).not.toContain(theirs.ret.id);
    expect((await execute(ONE, { id: theirs.ret.id }, { viewer: own })).data!.performanceReturn).toBeNull();
    expect((await execute(ONE, { id: theirs.ret.id }, { viewer: ownToken })).data!.performanceReturn).toBeNull();
    expect((await execute(ONE, { id: 'not-an-id' }, { viewer: own })).data!.performanceReturn).toBeNull();

    for (const viewer of [officer, admin]) {
      const all = ids(await execute(LIST, { filter: { periodId } }, { viewer }));
      expect(all).toEqual(expect.arrayContaining([mine.ret.id, theirs.ret.id]));
    }
    // The Commissioner sees approved returns only (see 'the Commissioner' below); these are drafts.
    const forCommissioner = ids(await execute(LIST, { filter: { periodId } }, { viewer: commissioner }));
    expect(forCommissioner).not.toContain(mine.ret.id);
    expect(forCommissioner).not.toContain(theirs.ret.id);
    expect(codes(await execute(LIST, {}))).toEqual(['UNAUTHENTICATED']);

    const filtered = await execute(LIST, { filter: { serviceId: mine.service.id, statuses: ['IN_PROGRESS'] } }, { viewer: officer });
    expect(ids(filtered)).toEqual([mine.ret.id]);
    const byService = await execute(
      `query ($id: ID!) { service(id: $id) { returns { id } } }`,
      { id: mine.service.id },
      { viewer: own },
    );
    expect(byService.data!.service.returns).toEqual([{ id: mine.ret.id }]);
  });

  it('lists returns without a query per row', async () => {
    const org = (await createOrganisation()).id;
    const viewer = await viewerFor('PROVIDER', org);
    await startReturn(GOOD, viewer);
    await startReturn(GOOD, viewer);
    const two = await countStatements(() => execute(LIST, {}, { viewer }));
    for (let i = 0; i < 4; i++) await startReturn(GOOD, viewer);
    const six = await countStatements(() => execute(LIST, {}, { viewer }));
    expect((six.result.data as any).returns).toHaveLength(6);
    expect(six.statements).toBe(two.statements);
  });
});


describe('the Commissioner', () => {
  it('sees a return only once it is approved, through every path', async () => {
    const { service, ret } = await startReturn();
    const SERVICE_RETURNS = 'query ($id: ID!) { service(id: $id) { returns { id status } } }';
    // Without the working tools refused to the Commissioner (checks, comments: tests/api/people-count-fields.test.ts).
    const READ = 'query ($id: ID!) { performanceReturn(id: $id) { id status values { measureCode breakdownOption value controlled } } }';
    const seen = async () => ({
      one: (await execute(READ, { id: ret.id }, { viewer: commissioner })).data?.performanceReturn?.id ?? null,
      list: ((await execute(LIST, { filter: { serviceId: service.id } }, { viewer: commissioner })).data?.returns ?? []).map((r: any) => r.id),
      nested: (await execute(SERVICE_RETURNS, { id: service.id }, { viewer: commissioner })).data?.service?.returns.map((r: any) => r.id),
    });
    expect(await seen()).toEqual({ one: null, list: [], nested: [] });
    // An officer sees it meanwhile.
    expect((await execute(ONE, { id: ret.id }, { viewer: officer })).data.performanceReturn.id).toBe(ret.id);

    await getPrisma().performanceReturn.update({
      where: { id: ret.id },
      data: { status: 'APPROVED', submittedAt: new Date(), submittedById: own.userId!, reviewedAt: new Date(), reviewedById: officer.userId! },
    });
    expect(await seen()).toEqual({ one: ret.id, list: [ret.id], nested: [ret.id] });
    expect(codes(await execute(ONE, { id: ret.id }, { viewer: commissioner }))).toContain('FORBIDDEN');
  });
});
