// The provider's pages' API: the form of a return (sections, measures, breakdowns, checks, last quarter, targets),
// the task list of returns due (not started ones included), and startReturn. Who may see and do what, and bounded SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { runChecks, valuesFrom, checkRuleFrom } from '../../graphql/domain/checks';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';
import { mergeFields } from '../../app/components/return/merge';
import { cellsOf, fieldsFromValues, measureAnswered, measureProblems, valuesForSave, type FormMeasure } from '../../app/components/return/model';
import { returnInStatus } from '../helpers/return-form-factories';
import { createReturn, lockedPeriod, period } from '../helpers/return-factories';

let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let own: Viewer;
let other: Viewer;
let providerA: string;
let providerB: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  providerB = (await createOrganisation()).id;
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
});

const FORM = `query ($id: ID!) { performanceReturn(id: $id) { id status form {
  financialYear quarter previousReturnId previousPeriodLabel
  sections { code title description priorityIssueCode measures {
    code label helpText unit direction countsPeople required totalMeasure
    breakdown { code label options { code label isNotKnown } }
    secondaryBreakdown { code label options { code label isNotKnown } } } }
  checks { code severity message rule }
  previousValues { measureCode breakdownOption value comment blankReason }
  targets { measureCode quarter value } } } }`;

const TASKS = `query ($serviceId: ID) { returnTasks(serviceId: $serviceId) {
  status dueDate locksOn locked overdue editable lockExceptionEndsAt
  service { id reference title provider { name } }
  period { id label opensOn state }
  performanceReturn { id status version } } }`;

const START = `mutation ($input: StartReturnInput!) { startReturn(input: $input) {
  __typename
  ... on MutationStartReturnSuccess { data { id status version service { id } period { label } } }
  ... on Error { message }
  ... on PeriodLocked { locksOn } } }`;

/** 2026/27 Q2: opened on 1 October 2026 (today is after it in these tests' world, see openedPeriod). */
async function openedUnlockedPeriod() {
  // The latest period that has opened and is not locked today; tests that need one skip the check otherwise.
  const today = new Date();
  return getPrisma().reportingPeriod.findFirst({
    where: { opensOn: { lte: today }, locksOn: { gt: today } },
    orderBy: [{ financialYear: 'desc' }, { quarter: 'desc' }],
  });
}

describe('the form of a return', () => {
  it('has the sections in order, with measures, breakdowns (Not known last), checks as JSON, last quarter and targets', async () => {
    const service = await createService({ providerId: providerA, priorityIssueCodes: ['PI-THERAPEUTIC'] });
    const q1 = await period(2026, 1);
    const q2 = await period(2026, 2);
    const previous = await returnInStatus({
      serviceId: service.id,
      periodId: q1.id,
      providerId: providerA,
      status: 'APPROVED',
      values: { REF_RECEIVED: '20', 'REF_RECEIVED[POLICE]': '20', STAFF_VACANCIES: '1' },
    });
    const ret = await createReturn({ serviceId: service.id, periodId: q2.id, values: { REF_RECEIVED: '35' } });
    const measure = await getPrisma().measure.findUniqueOrThrow({ where: { code: 'NEW_USERS' } });
    await getPrisma().target.create({
      data: { serviceId: service.id, measureId: measure.id, financialYear: 2026, quarter: 0, value: new Prisma.Decimal('120') },
    });

    const response = await execute(FORM, { id: ret.id }, { viewer: own });
    expect(response.errors).toBeUndefined();
    const form = response.data.performanceReturn.form;
    expect(form).toMatchObject({ financialYear: 2026, quarter: 2, previousReturnId: previous.id, previousPeriodLabel: '2026/27 Q1' });
    const sectionCodes = form.sections.map((s: any) => s.code);
    expect(sectionCodes).toEqual([
      'ABOUT',
      'REFERRALS',
      'SUPPORTED',
      'ABUSE',
      'SUPPORT',
      'OUTCOMES',
      'NARRATIVE',
      'FINANCE',
      'MOD-PI-THERAPEUTIC',
      'DECLARATION',
    ]);
    const referrals = form.sections.find((s: any) => s.code === 'REFERRALS');
    expect(referrals.title).toBe('Referrals and access');
    const received = referrals.measures[0];
    expect(received).toMatchObject({ code: 'REF_RECEIVED', unit: 'COUNT', required: true, totalMeasure: null, secondaryBreakdown: null });
    expect(received.breakdown.options[0]).toEqual({ code: 'POLICE', label: 'Police', isNotKnown: false });
    expect(received.breakdown.options.at(-1)).toMatchObject({ code: 'NOT_KNOWN', isNotKnown: true });
    const ageGender = form.sections.find((s: any) => s.code === 'SUPPORTED').measures.find((m: any) => m.code === 'NEW_USERS_AGE_GENDER');
    expect(ageGender).toMatchObject({ totalMeasure: 'NEW_USERS', breakdown: { code: 'AGE_BAND' }, secondaryBreakdown: { code: 'GENDER' } });
    const help = form.sections.find((s: any) => s.code === 'NARRATIVE').measures.find((m: any) => m.code === 'NARR_HELP_NEEDED');
    expect(help).toMatchObject({ unit: 'TEXT', required: false });
    expect(form.previousValues).toContainEqual({
      measureCode: 'REF_RECEIVED',
      breakdownOption: 'POLICE',
      value: '20',
      comment: null,
      blankReason: null,
    });
    expect(form.targets).toEqual([{ measureCode: 'NEW_USERS', quarter: 0, value: '120' }]);

    // The definitions run in the browser's engine as they are: REF_RECEIVED rose from 20 to 35 (more than 50% and 10).
    const definitions = form.checks.map((c: any) => ({ ...c, rule: checkRuleFrom(JSON.parse(c.rule)) }));
    const measures = new Map<string, any>(
      form.sections
        .flatMap((s: any) => s.measures)
        .map((m: any) => [m.code, { code: m.code, unit: m.unit, direction: m.direction, totalMeasure: m.totalMeasure }]),
    );
    const results = runChecks(definitions, {
      measures,
      values: valuesFrom([{ measureCode: 'REF_RECEIVED', breakdownKey: '', value: '35' }]),
      previous: valuesFrom(form.previousValues.map((v: any) => ({ measureCode: v.measureCode, breakdownKey: v.breakdownOption, value: v.value }))),
      targets: form.targets,
      quarter: 2,
    });
    expect(results.find((r) => r.code === 'CHANGE_REF_RECEIVED')).toMatchObject({ status: 'failed', severity: 'SOFT' });
    // ... and the server agrees.
    const server = await execute(`query ($id: ID!) { performanceReturn(id: $id) { checks { code status } } }`, { id: ret.id }, { viewer: own });
    expect(server.data.performanceReturn.checks.find((c: any) => c.code === 'CHANGE_REF_RECEIVED').status).toBe('FAILED');
  });

  it('is not visible to another provider (null), and the Commissioner sees it only for approved returns', async () => {
    const service = await createService({ providerId: providerA });
    const ret = await createReturn({ serviceId: service.id, periodId: (await period(2026, 2)).id });
    expect((await execute(FORM, { id: ret.id }, { viewer: other })).data.performanceReturn).toBeNull();
    expect((await execute(FORM, { id: ret.id }, { viewer: commissioner })).data.performanceReturn).toBeNull();
    expect((await execute(FORM, { id: ret.id }, { viewer: officer })).data.performanceReturn.form.sections.length).toBeGreaterThan(5);
    expect(codes(await execute(FORM, { id: ret.id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers in a fixed number of statements', async () => {
    const small = await createService({ providerId: providerA, priorityIssueCodes: [] });
    const large = await createService({ providerId: providerA, priorityIssueCodes: ['PI-THERAPEUTIC', 'PI-ONLINE', 'PI-EDUCATION', 'PI-BUSINESS'] });
    const q2 = (await period(2026, 2)).id;
    const a = await createReturn({ serviceId: small.id, periodId: q2 });
    const b = await createReturn({ serviceId: large.id, periodId: q2, values: { REF_RECEIVED: '3', NEW_USERS: '2' } });
    const few = await countStatements(() => execute(FORM, { id: a.id }, { viewer: own }));
    const many = await countStatements(() => execute(FORM, { id: b.id }, { viewer: own }));
    expect(many.result.data.performanceReturn.form.sections.length).toBeGreaterThan(few.result.data.performanceReturn.form.sections.length);
    expect(many.statements).toBe(few.statements);
  });
});

describe('returnTasks', () => {
  it('lists every return due for the provider, newest period first, including those not started', async () => {
    const org = (await createOrganisation()).id;
    const provider = await viewerFor('PROVIDER', org);
    const service = await createService({ providerId: org, startDate: '2026-04-01', endDate: '2028-03-31' });
    await createService({ providerId: org, status: 'PLANNED' });
    await createService({ providerId: org, archived: true });
    const q1 = await period(2026, 1);
    const started = await returnInStatus({ serviceId: service.id, periodId: q1.id, providerId: org, status: 'SUBMITTED' });

    const response = await execute(TASKS, {}, { viewer: provider });
    expect(response.errors).toBeUndefined();
    const tasks = response.data.returnTasks;
    const today = new Date().toISOString().slice(0, 10);
    // Only periods that have opened, only the active service (not the planned or archived one).
    expect(tasks.every((t: any) => t.service.id === service.id)).toBe(true);
    expect(tasks.every((t: any) => t.period.opensOn <= today)).toBe(true);
    const labels = tasks.map((t: any) => t.period.label);
    expect(labels).toContain('2026/27 Q1');
    expect(labels).not.toContain('2025/26 Q4');
    expect(labels).toEqual([...labels].sort().reverse());
    const q1Task = tasks.find((t: any) => t.period.label === '2026/27 Q1');
    expect(q1Task).toMatchObject({ status: 'SUBMITTED', performanceReturn: { id: started.id }, editable: false, overdue: false });
    const notStarted = tasks.filter((t: any) => t.performanceReturn === null);
    expect(notStarted.length).toBeGreaterThan(0);
    for (const task of notStarted) {
      expect(task.status).toBe('NOT_STARTED');
      expect(task.dueDate <= task.locksOn).toBe(true);
      expect(task.overdue).toBe(today > task.dueDate);
      expect(task.editable).toBe(!task.locked);
    }
  });

  it('shows a provider nothing of another organisation; officers see every service; the Commissioner may not ask', async () => {
    const service = await createService({ providerId: providerB });
    const mine = await execute(TASKS, {}, { viewer: own });
    expect(mine.data.returnTasks.some((t: any) => t.service.id === service.id)).toBe(false);
    expect((await execute(TASKS, { serviceId: service.id }, { viewer: own })).data.returnTasks).toEqual([]);
    const staff = await execute(TASKS, { serviceId: service.id }, { viewer: officer });
    expect(staff.data.returnTasks.length).toBeGreaterThan(0);
    expect(staff.data.returnTasks.every((t: any) => t.editable === false)).toBe(true);
    expect(codes(await execute(TASKS, {}, { viewer: commissioner }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(TASKS, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers in a fixed number of statements, however many services and returns', async () => {
    const one = (await createOrganisation()).id;
    const many = (await createOrganisation()).id;
    const viewerOne = await viewerFor('PROVIDER', one);
    const viewerMany = await viewerFor('PROVIDER', many);
    await createService({ providerId: one });
    const q1 = await period(2026, 1);
    for (let i = 0; i < 6; i++) {
      const service = await createService({ providerId: many, startDate: '2025-04-01' });
      await returnInStatus({ serviceId: service.id, periodId: q1.id, providerId: many, status: 'APPROVED' });
    }
    const few = await countStatements(() => execute(TASKS, {}, { viewer: viewerOne }));
    const lots = await countStatements(() => execute(TASKS, {}, { viewer: viewerMany }));
    expect(few.result.errors).toBeUndefined();
    expect(lots.result.errors).toBeUndefined();
    expect(lots.result.data.returnTasks.length).toBeGreaterThan(few.result.data.returnTasks.length * 4);
    expect(lots.statements).toBe(few.statements);
  });
});

describe('startReturn', () => {
  it('makes the return NOT_STARTED once and answers the same one again (idempotent)', async () => {
    const open = await openedUnlockedPeriod();
    const service = await createService({ providerId: providerA, startDate: '2024-04-01' });
    if (open) {
      const first = await execute(START, { input: { serviceId: service.id, periodId: open.id } }, { viewer: own });
      expect(first.data.startReturn).toMatchObject({ __typename: 'MutationStartReturnSuccess', data: { status: 'NOT_STARTED', version: 1 } });
      const again = await execute(START, { input: { serviceId: service.id, periodId: open.id } }, { viewer: own });
      expect(again.data.startReturn.data.id).toBe(first.data.startReturn.data.id);
    }
    // A locked period: the provider is told to ask for an exception; an admin can make it, then grant one.
    const locked = await lockedPeriod();
    const refused = await execute(START, { input: { serviceId: service.id, periodId: locked.id } }, { viewer: own });
    expect(refused.data.startReturn.__typename).toBe('PeriodLocked');
    expect(refused.data.startReturn.message).toContain('ask an administrator for an exception');
    const byAdmin = await execute(START, { input: { serviceId: service.id, periodId: locked.id } }, { viewer: admin });
    expect(byAdmin.data.startReturn).toMatchObject({ __typename: 'MutationStartReturnSuccess', data: { status: 'NOT_STARTED' } });
    const existing = await execute(START, { input: { serviceId: service.id, periodId: locked.id } }, { viewer: own });
    expect(existing.data.startReturn.data.id).toBe(byAdmin.data.startReturn.data.id);
    expect(await getPrisma().performanceReturn.count({ where: { serviceId: service.id, periodId: locked.id } })).toBe(1);
  });

  it('refuses another organisation, officers and the Commissioner, periods that have not opened, and bad ids', async () => {
    const service = await createService({ providerId: providerA, startDate: '2024-04-01' });
    const locked = await lockedPeriod();
    const input = { serviceId: service.id, periodId: locked.id };
    for (const viewer of [other, officer, commissioner]) {
      expect(codes(await execute(START, { input }, { viewer })), viewer.role).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(START, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await getPrisma().performanceReturn.count({ where: { serviceId: service.id } })).toBe(0);

    const future = await getPrisma().reportingPeriod.findFirstOrThrow({
      where: { opensOn: { gt: new Date() } },
      orderBy: [{ financialYear: 'asc' }, { quarter: 'asc' }],
    });
    const early = await execute(START, { input: { serviceId: service.id, periodId: future.id } }, { viewer: admin });
    expect(early.data.startReturn.__typename).toBe('NotAllowed');
    expect(early.data.startReturn.message).toContain('open on');

    const bad = await execute(START, { input: { serviceId: 'nope', periodId: locked.id } }, { viewer: own });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const missing = await execute(START, { input: { serviceId: '00000000-0000-4000-8000-000000000000', periodId: locked.id } }, { viewer: own });
    expect(missing.data.startReturn.__typename).toBe('NotFound');

    const planned = await createService({ providerId: providerA, status: 'PLANNED' });
    const notYet = await execute(START, { input: { serviceId: planned.id, periodId: locked.id } }, { viewer: admin });
    expect(notYet.data.startReturn.__typename).toBe('NotAllowed');
    const outside = await createService({ providerId: providerA, startDate: '2028-04-01', endDate: '2029-03-31' });
    const uncovered = await execute(START, { input: { serviceId: outside.id, periodId: locked.id } }, { viewer: admin });
    expect(uncovered.data.startReturn.message).toContain('does not cover');
  });
});

describe('the form model the pages and the browser share (app/components/return)', () => {
  const received: FormMeasure = {
    code: 'REF_RECEIVED',
    label: 'Referrals received, by source',
    unit: 'COUNT',
    direction: 'NEUTRAL',
    required: true,
    totalMeasure: null,
    breakdown: {
      code: 'REFERRAL_SOURCE',
      label: 'Referral source',
      options: [
        { code: 'POLICE', label: 'Police', isNotKnown: false },
        { code: 'NOT_KNOWN', label: 'Not known', isNotKnown: true },
      ],
    },
    secondaryBreakdown: null,
  };
  const ageGender: FormMeasure = {
    code: 'NEW_USERS_AGE_GENDER',
    label: 'New service users by age band and gender',
    unit: 'COUNT',
    direction: 'NEUTRAL',
    required: true,
    totalMeasure: 'NEW_USERS',
    breakdown: { code: 'AGE_BAND', label: 'Age band', options: [{ code: 'AGE_13_15', label: '13-15', isNotKnown: false }] },
    secondaryBreakdown: {
      code: 'GENDER',
      label: 'Gender',
      options: [
        { code: 'GIRL_WOMAN', label: 'Girl or woman', isNotKnown: false },
        { code: 'NOT_KNOWN', label: 'Not known', isNotKnown: true },
      ],
    },
  };

  it('labels every input by its row and column, and has no total for a breakdown-only measure', () => {
    expect(cellsOf(received).map((c) => [c.id, c.label])).toEqual([
      ['REF_RECEIVED', 'Referrals received: Total'],
      ['REF_RECEIVED--POLICE', 'Referrals received: Police'],
      ['REF_RECEIVED--NOT_KNOWN', 'Referrals received: Not known'],
    ]);
    expect(cellsOf(ageGender).map((c) => c.label)).toEqual([
      'New service users by age band and gender: 13-15, Girl or woman',
      'New service users by age band and gender: 13-15, Not known',
    ]);
    expect(cellsOf(ageGender)[0]!.id).toBe('NEW_USERS_AGE_GENDER--AGE_13_15--GIRL_WOMAN');
  });

  it('turns stored values into fields and back: zero is a value, a blank carries the reason, the comment its row', () => {
    const fields = fieldsFromValues(
      [received],
      [
        { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '5', comment: 'Up after a school assembly' },
        { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '0' },
        { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: null, blankReason: 'Not recorded in our case system' },
      ],
    );
    expect(fields).toEqual({
      REF_RECEIVED: '5',
      'REF_RECEIVED--POLICE': '0',
      'REF_RECEIVED--NOT_KNOWN': '',
      'comment--REF_RECEIVED': 'Up after a school assembly',
      'reason--REF_RECEIVED': 'Not recorded in our case system',
    });
    expect(valuesForSave(received, fields)).toEqual([
      { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '5', comment: 'Up after a school assembly', blankReason: null },
      { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '0', comment: null, blankReason: null },
      { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: '', comment: null, blankReason: 'Not recorded in our case system' },
    ]);
    expect(measureAnswered(received, fields)).toBe(true);
    expect(measureAnswered(received, { ...fields, 'reason--REF_RECEIVED': '' })).toBe(false);
  });

  it('says what is wrong, per field, in words a provider understands', () => {
    expect(measureProblems(received, { REF_RECEIVED: '-3' })).toEqual([
      { field: 'REF_RECEIVED', message: 'Referrals received: Total cannot be negative' },
    ]);
    expect(measureProblems(received, { 'REF_RECEIVED--POLICE': '1e309' })[0]!.message).toBe(
      'Referrals received: Police must be a whole number, like 12',
    );
    expect(measureProblems(received, { 'comment--REF_RECEIVED': 'Why' })).toEqual([
      { field: 'reason--REF_RECEIVED', message: 'To keep your comment on referrals received, by source, enter the total or say why it is blank' },
    ]);
    expect(measureProblems(received, { REF_RECEIVED: '2' })).toEqual([]);
    expect(measureProblems(received, { REF_RECEIVED: '2' }, { requireAnswers: true })[0]).toMatchObject({ field: 'reason--REF_RECEIVED' });
  });

  it('merges two saves field by field: only a field changed on both sides differently is a conflict', () => {
    const base = { a: '1', b: '2', c: '3', d: '4' };
    const mine = { a: '10', b: '2', c: '30', d: '40' };
    const latest = { a: '1', b: '20', c: '31', d: '40' };
    const merge = mergeFields(base, mine, latest);
    expect(merge.merged).toEqual({ a: '10', b: '20', c: '30', d: '40' });
    expect(merge.changedByMe.sort()).toEqual(['a', 'c']);
    expect(merge.takenFromLatest).toEqual(['b']);
    expect(merge.conflicts).toEqual([{ field: 'c', mine: '30', theirs: '31' }]);
  });
});
