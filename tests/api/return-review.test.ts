// The officer's review: what each frozen version holds, the differences between versions and since approval, a return
// beside its previous 4 quarters and its targets, the review queue; who may see what; bounded SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { periodLabel, previousPeriod, type PeriodRef } from '../../graphql/domain/periods';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { GOOD, ReturnJourney } from '../helpers/review-factories';
import { completeValues, createReturn, isFiller, openPeriod, period, tokenViewer } from '../helpers/return-factories';
import { createService } from '../helpers/service-factories';
import { countStatements } from '../helpers/statements';

let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let own: Viewer;
let other: Viewer;
let providerA: string;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  const providerB = (await createOrganisation()).id;
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
  own = await viewerFor('PROVIDER', providerA);
  other = await viewerFor('PROVIDER', providerB);
});

const COMPARISON = `fromVersion fromStatus fromCreatedAt toVersion toStatus toCreatedAt noActivityChanged noActivityNow
  changes { measureCode measureLabel sectionTitle breakdownOption optionLabel kind before after commentBefore commentAfter valueChanged commentChanged }`;

const VERSIONS = `query ($id: ID!, $from: Int!, $to: Int) { performanceReturn(id: $id) {
  id status
  versions { number status createdAt createdBy noActivity values { measureCode measureLabel breakdownOption optionLabel sectionTitle value comment } }
  versionComparison(from: $from, to: $to) { ${COMPARISON} }
  changesSinceApproval { ${COMPARISON} }
} }`;

const HISTORY = `query ($id: ID!) { performanceReturn(id: $id) { id history {
  periodLabel financialYear quarter
  periods { label financialYear quarter returnId status }
  sections { code title measures { code label unit direction breakdownOnly current comment blankReason previous quarterTarget annualTarget target targetMet
    cells { breakdownOption optionLabel value comment blankReason } } }
  targets { measureCode measureLabel financialYear quarter label value }
} } }`;

const QUEUE = `query ($periodId: ID, $status: ReturnStatus, $limit: Int) {
  reviewQueue(periodId: $periodId) { id status submittedAt service { reference title provider { name } } period { label dueDate } }
  recentlyReviewedReturns(periodId: $periodId, status: $status, limit: $limit) { id status reviewedAt reviewedBy service { reference } }
}`;

const read = async (id: string, viewer: Viewer, from = 1, to: number | null = null) =>
  (await execute(VERSIONS, { id, from, to }, { viewer })).data?.performanceReturn ?? null;

describe('versions and their differences', () => {
  it('shows what each version holds, what changed between versions, and what changed since approval', async () => {
    const journey = await ReturnJourney.start(own);
    await journey.submit();
    await journey.returnForChanges(officer);
    await journey.save([
      { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '12', comment: 'Includes two from the new MASH pathway.' },
      { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '11' },
    ]);
    await journey.submit();

    // Before approval there is nothing to compare "now" with.
    const submitted = await read(journey.id, officer, 1, 2);
    expect(submitted.changesSinceApproval).toBeNull();
    expect(submitted.versions.map((v: any) => [v.number, v.status])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'SUBMITTED'],
    ]);

    // What version 1 holds, in the order of the return, with the words for measures and options: the figures chosen
    // here, and 0 (or a text) for every other question (a return is only submitted complete).
    const first = submitted.versions[0];
    expect(first.createdBy).toMatch(/^Test provider/);
    expect(first.noActivity).toBe(false);
    expect(first.values).toHaveLength((await completeValues(GOOD)).length);
    const chosen = first.values.filter((v: any) => !isFiller(v.value));
    expect(chosen.map((v: any) => `${v.measureCode}[${v.breakdownOption}]=${v.value}`)).toEqual([
      'REF_RECEIVED[]=12',
      'REF_RECEIVED[POLICE]=5',
      'REF_RECEIVED[NOT_KNOWN]=7',
      'REF_ACCEPTED[]=10',
      'FIN_SPEND_QUARTER[]=1250.50',
      'FIN_SPEND_QUARTER[NOT_KNOWN]=1250.50',
      'FIN_SPEND_YTD[]=1250.50',
      'FIN_SPEND_YTD[NOT_KNOWN]=1250.50',
    ]);
    expect(chosen[1]).toMatchObject({
      measureLabel: 'Referrals received, by source',
      optionLabel: 'Police',
      sectionTitle: 'Referrals and access',
    });
    expect(chosen[0].optionLabel).toBeNull();

    // Version 1 -> 2: the comment on referrals received, and referrals accepted.
    const oneToTwo = submitted.versionComparison;
    expect(oneToTwo).toMatchObject({
      fromVersion: 1,
      fromStatus: 'SUBMITTED',
      toVersion: 2,
      toStatus: 'SUBMITTED',
      noActivityChanged: false,
    });
    expect(oneToTwo.changes).toEqual([
      {
        measureCode: 'REF_RECEIVED',
        measureLabel: 'Referrals received, by source',
        sectionTitle: 'Referrals and access',
        breakdownOption: '',
        optionLabel: null,
        kind: 'COMMENT',
        before: '12',
        after: '12',
        commentBefore: null,
        commentAfter: 'Includes two from the new MASH pathway.',
        valueChanged: false,
        commentChanged: true,
      },
      expect.objectContaining({
        measureCode: 'REF_ACCEPTED',
        measureLabel: 'Referrals accepted',
        kind: 'CHANGED',
        before: '10',
        after: '11',
        valueChanged: true,
      }),
    ]);

    // Unknown versions: null.
    expect((await read(journey.id, officer, 9)).versionComparison).toBeNull();
    expect((await read(journey.id, officer, 1, 9)).versionComparison).toBeNull();
    // Version 1 -> now (no `to`) is the same as 1 -> 2 while nothing changed since.
    expect((await read(journey.id, officer, 1)).versionComparison.changes).toHaveLength(2);

    await journey.approve(officer);
    const approved = await read(journey.id, officer, 2, 3);
    expect(approved.versionComparison).toMatchObject({ fromVersion: 2, toVersion: 3, toStatus: 'APPROVED', changes: [] });
    expect(approved.changesSinceApproval).toMatchObject({
      fromVersion: 3,
      fromStatus: 'APPROVED',
      toVersion: null,
      toStatus: 'APPROVED',
      changes: [],
    });

    // Reopened by an admin and corrected: "changed since approval".
    await journey.reopen(admin);
    await journey.save([
      { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '9', comment: 'Two referrals were counted twice.' },
      { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '' },
      { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: '12' },
    ]);
    const reopened = await read(journey.id, officer);
    expect(reopened.status).toBe('REOPENED');
    expect(reopened.changesSinceApproval).toMatchObject({ fromVersion: 3, toVersion: null, toStatus: 'REOPENED', toCreatedAt: null });
    expect(
      reopened.changesSinceApproval.changes.map((c: any) => [c.measureCode, c.optionLabel, c.kind, c.before, c.after, c.commentAfter])
    ).toEqual([
      ['REF_RECEIVED', 'Police', 'REMOVED', '5', null, null],
      ['REF_RECEIVED', 'Not known', 'CHANGED', '7', '12', null],
      ['REF_ACCEPTED', null, 'CHANGED', '11', '9', 'Two referrals were counted twice.'],
    ]);

    // The provider sees its own return's versions and differences; the Commissioner does not see a reopened return;
    // another provider sees nothing.
    expect((await read(journey.id, own)).changesSinceApproval.changes).toHaveLength(3);
    expect(await read(journey.id, commissioner)).toBeNull();
    expect(await read(journey.id, other)).toBeNull();
    expect(await read(journey.id, tokenViewer(other.organisationId))).toBeNull();
  });

  it('shows the Commissioner approved returns only, with their versions', async () => {
    const journey = await ReturnJourney.start(own);
    await journey.submit();
    expect(await read(journey.id, commissioner)).toBeNull();
    await journey.approve(officer);
    const seen = await read(journey.id, commissioner, 1, 2);
    expect(seen.versions).toHaveLength(2);
    expect(seen.versionComparison.changes).toEqual([]);
  });

  it('reads versions without a query per version', async () => {
    const LIST = `query ($id: ID!) { performanceReturn(id: $id) { versions { number createdBy values { measureLabel optionLabel value } } } }`;
    const few = await ReturnJourney.start(own);
    await few.submit();
    const many = await ReturnJourney.start(own);
    await many.submit();
    await many.returnForChanges(officer);
    await many.submit();
    await many.returnForChanges(officer);
    await many.submit();
    await many.approve(officer);
    const a = await countStatements(() => execute(LIST, { id: few.id }, { viewer: officer }));
    const b = await countStatements(() => execute(LIST, { id: many.id }, { viewer: officer }));
    expect(b.result.data!.performanceReturn.versions).toHaveLength(4);
    expect(b.statements).toBe(a.statements);
  });
});

/** A return made directly with `values`, then put in `status` (with what the database requires of it). */
async function returnIn(
  status: 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'APPROVED',
  options: { serviceId: string; periodId: string; values: Record<string, string> }
) {
  const ret = await createReturn({ ...options, status: 'IN_PROGRESS' });
  if (status === 'IN_PROGRESS') return ret;
  return getPrisma().performanceReturn.update({
    where: { id: ret.id },
    data: {
      status,
      submittedAt: new Date(),
      submittedById: own.userId!,
      returnedReason: status === 'RETURNED' ? 'Please check.' : null,
      ...(status === 'SUBMITTED' ? {} : { reviewedAt: new Date(), reviewedById: officer.userId! }),
    },
  });
}

describe('history: the previous 4 quarters and the targets', () => {
  async function world() {
    const service = await createService({ providerId: providerA });
    const current = await openPeriod();
    const refs: PeriodRef[] = [];
    let cursor: PeriodRef = { financialYear: current.financialYear, quarter: current.quarter as PeriodRef['quarter'] };
    for (let i = 0; i < 4; i++) refs.unshift((cursor = previousPeriod(cursor)));
    const periods = await Promise.all(refs.map((ref) => period(ref.financialYear, ref.quarter)));
    // Oldest: approved; then returned; then none; then in progress.
    await returnIn('APPROVED', {
      serviceId: service.id,
      periodId: periods[0]!.id,
      values: { REF_RECEIVED: '20', 'NEW_USERS_ETHNICITY[WHITE]': '3', 'NEW_USERS_ETHNICITY[NOT_KNOWN]': '1', FIN_SPEND_QUARTER: '900' },
    });
    await returnIn('RETURNED', { serviceId: service.id, periodId: periods[1]!.id, values: { REF_RECEIVED: '16' } });
    await returnIn('IN_PROGRESS', { serviceId: service.id, periodId: periods[3]!.id, values: { REF_RECEIVED: '9', REF_ACCEPTED: '8' } });
    const ret = await returnIn('SUBMITTED', {
      serviceId: service.id,
      periodId: current.id,
      values: {
        REF_RECEIVED: '12',
        'REF_RECEIVED[POLICE]': '12',
        REF_ACCEPTED: '10',
        'NEW_USERS_ETHNICITY[WHITE]': '4',
        'NEW_USERS_ETHNICITY[MIXED]': '2',
        FIN_SPEND_QUARTER: '1250.5',
      },
    });
    await getPrisma().returnValue.updateMany({
      where: { returnId: ret.id, measure: { code: 'REF_ACCEPTED' }, breakdownKey: '' },
      data: { comment: 'Below target: a vacancy.' },
    });
    const measures = await getPrisma().measure.findMany({
      where: { code: { in: ['REF_RECEIVED', 'REF_ACCEPTED', 'REF_WAITING_LIST', 'FIN_SPEND_QUARTER'] } },
    });
    const measureId = (code: string) => measures.find((m) => m.code === code)!.id;
    const target = (code: string, quarter: number, value: string, financialYear = current.financialYear) =>
      getPrisma().target.create({
        data: { serviceId: service.id, measureId: measureId(code), financialYear, quarter, value: new Prisma.Decimal(value) },
      });
    await target('REF_RECEIVED', 0, '100'); // annual COUNT: a quarter's worth is 25
    await target('REF_ACCEPTED', current.quarter, '15'); // this quarter's own target
    await target('REF_WAITING_LIST', 0, '5'); // lower is better
    await target('FIN_SPEND_QUARTER', 0, '5000.10');
    await target('REF_RECEIVED', 0, '999', current.financialYear - 1); // another year: not shown
    return { service, current, periods, ret };
  }

  it('puts each measure beside the previous quarters (whatever their status, which is said) and its target', async () => {
    const { current, periods, ret } = await world();
    const response = await execute(HISTORY, { id: ret.id }, { viewer: officer });
    const history = response.data!.performanceReturn.history;
    expect(history).toMatchObject({ periodLabel: current.label, financialYear: current.financialYear, quarter: current.quarter });
    expect(history.periods.map((p: any) => [p.label, p.status])).toEqual([
      [periods[0]!.label, 'APPROVED'],
      [periods[1]!.label, 'RETURNED'],
      [periods[2]!.label, null],
      [periods[3]!.label, 'IN_PROGRESS'],
    ]);
    expect(history.periods[2].returnId).toBeNull();
    expect(history.periods[0].label).toBe(periodLabel(periods[0]!.financialYear, periods[0]!.quarter));

    expect(history.sections[0]).toMatchObject({ code: 'ABOUT', title: 'About this return' });
    const sectionCodes = history.sections.map((s: any) => s.code);
    expect(sectionCodes).toContain('MOD-PI-ONLINE');
    expect(sectionCodes).not.toContain('MOD-PI-TRANSITION');
    const measure = (code: string) => history.sections.flatMap((s: any) => s.measures).find((m: any) => m.code === code);

    expect(measure('REF_RECEIVED')).toMatchObject({
      label: 'Referrals received, by source',
      unit: 'COUNT',
      current: '12',
      previous: ['20', '16', null, '9'],
      annualTarget: '100',
      quarterTarget: null,
      target: '25',
      targetMet: null, // no direction
    });
    expect(measure('REF_RECEIVED').cells[0]).toEqual({
      breakdownOption: 'POLICE',
      optionLabel: 'Police',
      value: '12',
      comment: null,
      blankReason: null,
    });
    expect(measure('REF_ACCEPTED')).toMatchObject({
      current: '10',
      previous: [null, null, null, '8'],
      quarterTarget: '15',
      target: '15',
      targetMet: false,
      comment: 'Below target: a vacancy.',
    });
    expect(measure('REF_WAITING_LIST')).toMatchObject({ current: null, annualTarget: '5', target: '1.25', targetMet: null }); // as the checks: a quarter's worth of a COUNT
    // A breakdown-only measure: its total is the sum of its cells.
    expect(measure('NEW_USERS_ETHNICITY')).toMatchObject({ breakdownOnly: true, current: '6', previous: ['4', null, null, null] });
    // Money with pence; an annual money target is a quarter's worth.
    expect(measure('FIN_SPEND_QUARTER')).toMatchObject({
      current: '1250.50',
      previous: ['900.00', null, null, null],
      annualTarget: '5000.10',
      target: '1250.025',
    });

    expect(history.targets.map((t: any) => [t.measureCode, t.quarter, t.value])).toEqual([
      ['REF_RECEIVED', 0, '100'],
      ['REF_ACCEPTED', current.quarter, '15'],
      ['REF_WAITING_LIST', 0, '5'],
      ['FIN_SPEND_QUARTER', 0, '5000.10'],
    ]);
    expect(history.targets[1]).toMatchObject({ measureLabel: 'Referrals accepted', label: current.label });
    expect(history.targets[0].label).toBe(current.label.slice(0, 7));
  });

  it('shows the provider its own history, the Commissioner approved quarters only, another provider nothing', async () => {
    const { ret } = await world();
    expect(
      (await execute(HISTORY, { id: ret.id }, { viewer: own })).data!.performanceReturn.history.periods.filter((p: any) => p.status)
    ).toHaveLength(3);
    expect((await execute(HISTORY, { id: ret.id }, { viewer: other })).data!.performanceReturn).toBeNull();
    expect((await execute(HISTORY, { id: ret.id }, { viewer: commissioner })).data!.performanceReturn).toBeNull();
    await getPrisma().performanceReturn.update({
      where: { id: ret.id },
      data: { status: 'APPROVED', reviewedAt: new Date(), reviewedById: officer.userId! },
    });
    const seen = (await execute(HISTORY, { id: ret.id }, { viewer: commissioner })).data!.performanceReturn.history;
    expect(seen.periods.map((p: any) => p.status)).toEqual(['APPROVED', null, null, null]);
    expect(seen.sections.flatMap((s: any) => s.measures).find((m: any) => m.code === 'REF_RECEIVED').previous).toEqual([
      '20',
      null,
      null,
      null,
    ]);
    expect(codes(await execute(HISTORY, { id: ret.id }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the review queue', () => {
  it('lists submitted returns oldest submission first, and recently reviewed ones latest first', async () => {
    const a = await ReturnJourney.start(own);
    await a.submit();
    const b = await ReturnJourney.start(own);
    await b.submit();
    const c = await ReturnJourney.start(own);
    await c.submit();
    await getPrisma().performanceReturn.update({ where: { id: b.id }, data: { submittedAt: new Date('2020-01-01T10:00:00Z') } });
    await c.approve(officer);
    const d = await ReturnJourney.start(own);
    await d.submit();
    await d.returnForChanges(officer);

    const response = await execute(QUEUE, {}, { viewer: officer });
    const waiting = response.data!.reviewQueue.map((r: any) => r.id);
    expect(waiting.indexOf(b.id)).toBeLessThan(waiting.indexOf(a.id));
    expect(waiting).not.toContain(c.id);
    expect(response.data!.reviewQueue.every((r: any) => r.status === 'SUBMITTED')).toBe(true);
    const recent = response.data!.recentlyReviewedReturns.map((r: any) => r.id);
    expect(recent.indexOf(d.id)).toBeLessThan(recent.indexOf(c.id));
    expect(recent).not.toContain(a.id);

    const approvedOnly = await execute(QUEUE, { status: 'APPROVED' }, { viewer: officer });
    expect(approvedOnly.data!.recentlyReviewedReturns.map((r: any) => r.status)).not.toContain('RETURNED');
    const other = await openPeriod().then((p) => period(p.financialYear - 1, p.quarter));
    const elsewhere = await execute(QUEUE, { periodId: other.id }, { viewer: officer });
    expect(elsewhere.data!.reviewQueue.map((r: any) => r.id)).not.toContain(a.id);
    expect(codes(await execute(QUEUE, { periodId: 'nope' }, { viewer: officer }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await execute(QUEUE, { limit: 1000 }, { viewer: officer }))).toEqual(['BAD_USER_INPUT']);

    // The Commissioner sees approved returns only: nothing waiting.
    const seen = await execute(QUEUE, {}, { viewer: commissioner });
    expect(seen.data!.reviewQueue).toEqual([]);
    expect(seen.data!.recentlyReviewedReturns.every((r: any) => r.status === 'APPROVED')).toBe(true);
    // Providers and anonymous callers may not use the queue.
    for (const viewer of [own, tokenViewer(providerA)]) expect(codes(await execute(QUEUE, {}, { viewer }))).toContain('FORBIDDEN');
    expect(codes(await execute(QUEUE, {}))).toContain('UNAUTHENTICATED');
  });

  it('does not issue a query per return', async () => {
    const LIST = `{ reviewQueue { id submittedAt service { reference title provider { name } } period { label dueDate locksOn } } }`;
    const first = await countStatements(() => execute(LIST, {}, { viewer: officer }));
    for (let i = 0; i < 3; i++) await (await ReturnJourney.start(own)).submit();
    const second = await countStatements(() => execute(LIST, {}, { viewer: officer }));
    expect(second.result.data!.reviewQueue.length).toBeGreaterThan(first.result.data!.reviewQueue.length);
    expect(second.statements).toBe(first.statements);
  });
});

describe('the reused workflow mutations, as the review pages use them', () => {
  it('answers a stale approval with VersionConflict and a missing reason with BAD_USER_INPUT', async () => {
    const journey = await ReturnJourney.start(own);
    await journey.submit();
    const APPROVE = `mutation ($input: ReviewReturnInput!) { approveReturn(input: $input) { __typename ... on VersionConflict { currentVersion message } } }`;
    const stale = await execute(APPROVE, { input: { returnId: journey.id, expectedVersion: journey.version - 1 } }, { viewer: officer });
    expect(stale.data!.approveReturn).toMatchObject({ __typename: 'VersionConflict', currentVersion: journey.version });
    const RFC = `mutation ($input: ReviewReturnInput!) { returnForChanges(input: $input) { __typename } }`;
    const empty = await execute(
      RFC,
      { input: { returnId: journey.id, expectedVersion: journey.version, reason: '   ' } },
      { viewer: officer }
    );
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect((await getPrisma().performanceReturn.findUniqueOrThrow({ where: { id: journey.id } })).status).toBe('SUBMITTED');
    expect(GOOD.length).toBeGreaterThan(0);
  });
});
