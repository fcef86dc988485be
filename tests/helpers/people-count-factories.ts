// The fixture of the disclosure-control test (tests/api/people-count-fields.test.ts): ONE approved return whose counts
// of people include a 5 (shown to the Commissioner as "fewer than 8") and a 13 (shown as "15") in every place a figure
// of a return reaches the API, and figures that are never controlled (a staff count, money, a zero).
//
// The return, for the open period, taken through the workflow by the API (so its versions are frozen as the portal
// freezes them), on a new service of a new provider:
//   version 1 (SUBMITTED)  REF_RECEIVED 18 (comment) = POLICE 5 (comment) + NOT_KNOWN 13, REF_ACCEPTED 5, CASELOAD_OPEN 5,
//                          FAMILY_MEMBERS_SUPPORTED 13, STAFF_VACANCIES 3 (not people), spend 1250.50, median and
//                          longest days to a first session 12 and 30 (waiting times), every other 0
//   returned for changes; REF_ACCEPTED 5 -> 13 with a comment; an officer raises a query; resubmitted (version 2)
//   approved (version 3).
// The previous quarter's return of the same service (made directly, APPROVED): REF_RECEIVED 5 (comment; NOT_KNOWN 5),
// REF_ACCEPTED 5, FAMILY_MEMBERS_SUPPORTED 13.
// After approval, targets for REF_ACCEPTED: 14 this quarter (exact 13 misses it; the Commissioner's 15 meets it) and
// 4 last quarter (exact 5 meets it; the Commissioner's "fewer than 8" cannot be compared: targetMet null).
import { expect } from 'vitest';
import { Prisma } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { previousPeriod, type PeriodRef } from '../../graphql/domain/periods';
import { execute } from './api';
import { createOrganisation, viewerFor } from './factories';
import { ReturnJourney, type ValueInput } from './review-factories';
import { createReturn, openPeriod, period } from './return-factories';

export const SMALL = '5';
export const LARGE = '13';
export const SMALL_CONTROLLED = 'fewer than 8';
export const LARGE_CONTROLLED = '15';

export const REF_RECEIVED_COMMENT = 'Includes 5 referrals from the new MASH pathway.';
export const REF_ACCEPTED_COMMENT = 'Recounted: 13 were accepted, not 5.';
export const QUERY_MESSAGE = 'You accepted 5 of 18 referrals: is that right?';
export const CELL_COMMENT = 'All 5 came through the MASH.';
export const PREVIOUS_COMMENT = 'Only 5 referrals: the service was closed for a month.';

const FIRST: ValueInput[] = [
  { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '18', comment: REF_RECEIVED_COMMENT },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: SMALL, comment: CELL_COMMENT },
  { measureCode: 'REF_RECEIVED', breakdownOption: 'NOT_KNOWN', value: LARGE },
  { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: SMALL },
  { measureCode: 'CASELOAD_OPEN', breakdownOption: '', value: SMALL },
  { measureCode: 'FAMILY_MEMBERS_SUPPORTED', breakdownOption: '', value: LARGE },
  { measureCode: 'STAFF_VACANCIES', breakdownOption: '', value: '3' },
  { measureCode: 'REF_MEDIAN_DAYS_TO_FIRST_SESSION', breakdownOption: '', value: '12' },
  { measureCode: 'REF_LONGEST_DAYS_TO_FIRST_SESSION', breakdownOption: '', value: '30' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: '', value: '1250.50' },
  { measureCode: 'FIN_SPEND_QUARTER', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: '', value: '1250.50' },
  { measureCode: 'FIN_SPEND_YTD', breakdownOption: 'NOT_KNOWN', value: '1250.50' },
];

const RAISE = `mutation ($input: RaiseReturnQueryInput!) { raiseReturnQuery(input: $input) {
  __typename ... on MutationRaiseReturnQuerySuccess { data { id } } ... on Error { message } } }`;

export interface PeopleCountFixture {
  returnId: string;
  previousReturnId: string;
  serviceId: string;
  queryId: string;
  provider: Viewer;
  officer: Viewer;
  admin: Viewer;
  commissioner: Viewer;
}

/** The approved return described above, and a viewer of each kind. */
export async function createPeopleCountFixture(): Promise<PeopleCountFixture> {
  const providerId = (await createOrganisation()).id;
  const provider = await viewerFor('PROVIDER', providerId);
  const officer = await viewerFor('POLICY_OFFICER');
  const admin = await viewerFor('ADMIN');
  const commissioner = await viewerFor('COMMISSIONER');

  const open = await openPeriod();
  const journey = await ReturnJourney.start(provider, FIRST, { periodId: open.id });
  // The previous quarter, approved (so the Commissioner sees it too): last quarter's figures, the history's
  // previous totals and the form's previous values.
  const before: PeriodRef = previousPeriod({ financialYear: open.financialYear, quarter: open.quarter as PeriodRef['quarter'] });
  const previous = await period(before.financialYear, before.quarter);
  const previousReturn = await createReturn({
    serviceId: journey.serviceId,
    periodId: previous.id,
    values: { REF_RECEIVED: SMALL, 'REF_RECEIVED[NOT_KNOWN]': SMALL, REF_ACCEPTED: SMALL, FAMILY_MEMBERS_SUPPORTED: LARGE },
  });
  await getPrisma().returnValue.updateMany({
    where: { returnId: previousReturn.id, measure: { code: 'REF_RECEIVED' }, breakdownKey: '' },
    data: { comment: PREVIOUS_COMMENT },
  });
  await getPrisma().performanceReturn.update({
    where: { id: previousReturn.id },
    data: { status: 'APPROVED', submittedAt: new Date(), submittedById: provider.userId!, reviewedAt: new Date(), reviewedById: officer.userId! },
  });

  await journey.submit();
  await journey.returnForChanges(officer, 'Please check referrals accepted.');
  await journey.save([{ measureCode: 'REF_ACCEPTED', breakdownOption: '', value: LARGE, comment: REF_ACCEPTED_COMMENT }]);
  const raised = await execute(RAISE, { input: { returnId: journey.id, message: QUERY_MESSAGE } }, { viewer: officer });
  expect(raised.data?.raiseReturnQuery?.__typename, JSON.stringify(raised)).toBe('MutationRaiseReturnQuerySuccess');
  await journey.submit();
  await journey.approve(officer);

  const measure = await getPrisma().measure.findUniqueOrThrow({ where: { code: 'REF_ACCEPTED' }, select: { id: true } });
  await getPrisma().target.createMany({
    data: [
      { serviceId: journey.serviceId, measureId: measure.id, financialYear: open.financialYear, quarter: open.quarter, value: new Prisma.Decimal(14) },
      { serviceId: journey.serviceId, measureId: measure.id, financialYear: previous.financialYear, quarter: previous.quarter, value: new Prisma.Decimal(4) },
    ],
  });

  return {
    returnId: journey.id,
    previousReturnId: previousReturn.id,
    serviceId: journey.serviceId,
    queryId: raised.data.raiseReturnQuery.data.id,
    provider,
    officer,
    admin,
    commissioner,
  };
}
