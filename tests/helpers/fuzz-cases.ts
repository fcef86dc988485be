// The fuzz tests' starting points: for every root mutation, VALID variables (made from the access matrix's fixture,
// tests/helpers/access-matrix-fixture.ts, on rows made for each call) that the fuzzer then changes one field at a
// time, so that hostile input reaches validation and business rules, not only the parser. The operation document of
// each mutation is made from the schema (graphql/schema.ts), so a new mutation needs only its valid variables here;
// the test fails, naming it, until it has them.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  isNonNullType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { Prisma } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { RETURN_CSV_COLUMNS } from '../../graphql/domain/return-csv';
import { schema } from '../../graphql/schema';
import { yoga } from '../../graphql/yoga';
import type { GraphQLResponse } from './api';
import type { MatrixFixture, OrgSet } from './access-matrix-fixture';
import { createService } from './service-factories';
import { defaultTemplate, everyField } from './return-factories';
import type { FuzzPools } from './fuzz-arbitraries';

export const FUZZ_CALLERS = ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER', 'PROVIDER_TOKEN'] as const;
export type FuzzCaller = (typeof FUZZ_CALLERS)[number];
export type Vars = Record<string, unknown>;

const hex = () => randomBytes(4).toString('hex');
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000);
const isStaff = (caller: FuzzCaller) => ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'].includes(caller);

// ---------------------------------------------------------------------------------------------------------------
// Calling the API as a caller, with a request id of our own (to find what the call wrote in the audit trail)
// ---------------------------------------------------------------------------------------------------------------

export async function callAs(
  f: MatrixFixture,
  caller: FuzzCaller,
  document: string,
  variables: Vars,
  requestId = randomUUID(),
): Promise<GraphQLResponse & { requestId: string }> {
  const viewer: Viewer | null =
    caller === 'ADMIN' ? f.admin : caller === 'POLICY_OFFICER' ? f.officer : caller === 'COMMISSIONER' ? f.commissioner : caller === 'PROVIDER' ? f.own.provider : null;
  const headers: Record<string, string> = caller === 'PROVIDER_TOKEN' ? f.own.bearer : {};
  const response = await yoga.fetch(
    'http://portal.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    },
    { viewer, source: viewer ? 'in-process' : 'anonymous', requestId },
  );
  const text = await response.text();
  let body: Omit<GraphQLResponse, 'status'>;
  try {
    body = JSON.parse(text) as GraphQLResponse;
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { ...body, status: response.status, requestId };
}

// ---------------------------------------------------------------------------------------------------------------
// Documents made from the schema: every argument a variable; the answer's typename, its typed error's message and
// the scalar fields of what it answers (so the answer is serialised, read back from what was stored)
// ---------------------------------------------------------------------------------------------------------------

const scalarFields = (type: GraphQLNamedType): string[] =>
  isObjectType(type) || isInterfaceType(type)
    ? Object.values(type.getFields())
        .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
        .filter((field) => {
          const named = getNamedType(field.type);
          return isScalarType(named) || isEnumType(named);
        })
        .map((field) => field.name)
    : [];

function selectionOf(type: GraphQLNamedType, depth = 0): string {
  if (isUnionType(type)) {
    const members = type.getTypes().map((member) => `... on ${member.name} { ${selectionOf(member, depth + 1)} }`);
    return `__typename ${members.join(' ')}`;
  }
  if (!isObjectType(type)) return '';
  const parts = ['__typename', ...scalarFields(type)];
  // A success's `data`: its scalars, one level down.
  const data = type.getFields().data;
  if (data && depth < 3) parts.push(`data { ${selectionOf(getNamedType(data.type), depth + 1)} }`);
  return parts.join(' ');
}

export function mutationDocument(name: string): string {
  const field = schema.getMutationType()!.getFields()[name] as GraphQLField<unknown, unknown>;
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation Fuzz${variables ? `(${variables})` : ''} { ${name}${args ? `(${args})` : ''} { ${selectionOf(getNamedType(field.type))} } }`;
}

export const mutationNames = () => Object.keys(schema.getMutationType()!.getFields()).sort();

// ---------------------------------------------------------------------------------------------------------------
// Rows made for one call
// ---------------------------------------------------------------------------------------------------------------

let everyFieldCache: Promise<{ measureCode: string; breakdownOption: string; value: string }[]> | undefined;

/** A fresh service of `set` with an IN_PROGRESS return in the open period, every question answered (0 or a text). */
async function completeReturn(f: MatrixFixture, set: OrgSet) {
  const db = getPrisma();
  const service = await f.fresh.service(set);
  const template = await defaultTemplate();
  everyFieldCache ??= everyField(['PI-ONLINE']);
  const fields = await everyFieldCache;
  const measures = await db.measure.findMany({ where: { code: { in: [...new Set(fields.map((v) => v.measureCode))] } }, select: { id: true, code: true, unit: true } });
  const byCode = new Map(measures.map((m) => [m.code, m]));
  const ret = await db.performanceReturn.create({
    data: { serviceId: service.id, periodId: f.openPeriodId, templateId: template.id, status: 'IN_PROGRESS' },
  });
  await db.returnValue.createMany({
    data: fields.map((v) => {
      const measure = byCode.get(v.measureCode)!;
      return {
        returnId: ret.id,
        measureId: measure.id,
        breakdownKey: v.breakdownOption,
        numericValue: measure.unit === 'TEXT' ? null : new Prisma.Decimal(v.value),
        textValue: measure.unit === 'TEXT' ? v.value : null,
      };
    }),
  });
  set.markers.add(ret.id);
  return ret;
}

const organisationVersion = async (id: string) =>
  (await getPrisma().organisation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const serviceInput = (set: OrgSet, f: MatrixFixture) => ({
  reference: `FUZZ-${hex().toUpperCase()}`,
  title: `Fuzz service ${hex()}`,
  description: 'Made by the fuzz tests.',
  providerId: set.organisationId,
  leadOfficerId: f.officer.userId,
  startDate: '2026-04-01',
  endDate: '2028-03-31',
  annualValue: '1000.00',
  totalValue: '2000.00',
  cohortMinAge: 5,
  cohortMaxAge: 17,
  areaIds: [],
  priorityIssueCodes: ['PI-ONLINE'],
  harmTypeIds: [],
  forumIds: [],
  riskRating: 'AMBER',
  riskReason: 'Staffing.',
});

const organisationInput = () => ({
  name: `Fuzz provider ${hex()}`,
  type: 'CHARITY',
  registeredNumber: '1234567',
  email: 'office@fuzz.example',
  phone: '0191 496 0123',
  address: '1 High Street, Durham',
  website: 'https://www.fuzz.example',
  areaIds: [],
  contacts: [{ name: 'Fuzz Contact', jobTitle: 'Manager', email: 'contact@fuzz.example', phone: '0191 496 0124', isPrimary: true }],
});

/** Valid variables for every mutation, for a caller (providers act on their own organisation, "own"). */
export const BASES: Record<string, (f: MatrixFixture, caller: FuzzCaller) => Promise<Vars>> = {
  activateCommissionedService: async (f) => ({ input: { id: (await f.fresh.service(f.own, { status: 'PLANNED' })).id, expectedVersion: 1 } }),
  approveReturn: async (f) => ({ input: { returnId: (await f.fresh.return(f.own, 'SUBMITTED')).id, reason: 'Fine.', expectedVersion: 1 } }),
  archiveCommissionedService: async (f) => ({ input: { id: (await f.fresh.service(f.own)).id, expectedVersion: 1 } }),
  archiveInitiative: async (f) => ({ input: { id: (await f.fresh.initiative()).id, expectedVersion: 1 } }),
  archiveOrganisation: async (f, caller) => {
    const id = isStaff(caller) ? (await f.fresh.organisation()).id : f.own.organisationId;
    return { input: { id, expectedVersion: await organisationVersion(id) } };
  },
  createApiToken: async (f) => ({ input: { name: `Fuzz token ${hex()}`, organisationId: f.own.organisationId, expiresAt: dateIn(30).toISOString().slice(0, 10) } }),
  createCommissionedService: async (f) => ({ input: { ...serviceInput(f.own, f), status: 'ACTIVE' } }),
  createInitiative: async () => ({ input: { name: `Fuzz initiative ${hex()}`, description: 'Made by the fuzz tests.', leadPartner: 'Durham Constabulary', status: 'PLANNED' } }),
  createOrganisation: async () => ({ input: organisationInput() }),
  createUser: async (f) => ({
    input: { email: `fuzz-${hex()}@test.example`, name: 'Fuzz New Person', organisationId: f.own.organisationId, role: 'PROVIDER' },
  }),
  deactivateUser: async (f) => ({ input: { id: (await f.fresh.user(f.own)).id, expectedVersion: 1 } }),
  endCommissionedService: async (f) => ({
    input: { id: (await f.fresh.service(f.own)).id, endDate: '2027-03-31', reason: 'Ended early.', expectedVersion: 1 },
  }),
  extendCommissionedService: async (f) => ({
    input: { id: (await f.fresh.service(f.own)).id, newEndDate: '2029-03-31', reason: 'Extended.', expectedVersion: 1 },
  }),
  grantLockException: async (f) => ({
    input: { returnId: (await f.fresh.return(f.own, 'IN_PROGRESS')).id, reason: 'Late figures.', endsAt: dateIn(7).toISOString() },
  }),
  importReturnCsv: async (f) => ({
    input: {
      returnId: (await f.fresh.return(f.own, 'NOT_STARTED')).id,
      csv: `\uFEFF${[RETURN_CSV_COLUMNS.join(','), 'REF_RECEIVED,,,,12,,', 'REF_RECEIVED,,POLICE,,5,,', 'REF_RECEIVED,,NOT_KNOWN,,7,,', 'REF_ACCEPTED,,,,10,,', 'NARR_ACHIEVEMENTS,,,,Good quarter,,A comment'].join('\r\n')}\r\n`,
      expectedVersion: 1,
    },
  }),
  linkServiceInitiative: async (f) => ({ input: { serviceId: (await f.fresh.service(f.own)).id, initiativeId: f.initiativeId } }),
  markNotificationsRead: async (f) => ({ input: { ids: [(await f.fresh.notification(f.own)).id], all: false } }),
  raiseReturnQuery: async (f) => ({
    input: { returnId: (await f.fresh.return(f.own, 'SUBMITTED')).id, measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', message: 'Is this right?' },
  }),
  reactivateUser: async (f) => ({ input: { id: (await f.fresh.user(f.own, { deactivated: true })).id, expectedVersion: 1 } }),
  reopenReturn: async (f) => ({ input: { returnId: (await f.fresh.return(f.own, 'APPROVED')).id, reason: 'A figure was wrong.', expectedVersion: 1 } }),
  replyToReturnQuery: async (f) => ({ input: { queryId: (await f.fresh.query(f.own)).id, message: 'Yes: we checked.' } }),
  resetUserPassword: async (f) => ({ input: { id: (await f.fresh.user(f.own)).id } }),
  resolveReturnQuery: async (f) => ({ input: { queryId: (await f.fresh.query(f.own)).id, expectedStatus: 'OPEN' } }),
  returnForChanges: async (f) => ({
    input: { returnId: (await f.fresh.return(f.own, 'SUBMITTED')).id, reason: 'Please check the referrals.', expectedVersion: 1 },
  }),
  revokeApiToken: async (f) => ({ input: { id: (await f.fresh.token(f.own)).id } }),
  saveReturnDraft: async (f) => ({
    input: {
      returnId: (await f.fresh.return(f.own, 'IN_PROGRESS')).id,
      expectedVersion: 1,
      noActivity: false,
      values: [
        { measureCode: 'REF_RECEIVED', breakdownOption: '', value: '14', comment: 'More than usual.' },
        { measureCode: 'REF_RECEIVED', breakdownOption: 'POLICE', value: '14' },
        { measureCode: 'NARR_ACHIEVEMENTS', breakdownOption: '', value: 'A good quarter.' },
        { measureCode: 'REF_ACCEPTED', breakdownOption: '', value: '', blankReason: 'Not recorded yet.' },
      ],
    },
  }),
  setInitiativeFunding: async (f) => ({
    input: {
      serviceId: (await f.fresh.service(f.own, { funding: '5000.00', initiative: true })).id,
      initiativeId: f.initiativeId,
      financialYear: f.financialYear,
      amount: '100.00',
    },
  }),
  setServiceFunding: async (f) => ({
    input: {
      serviceId: (await f.fresh.service(f.own)).id,
      financialYear: f.financialYear,
      amounts: [
        { source: 'PCC_CORE_GRANT', amount: '5000.00' },
        { source: 'HOME_OFFICE', amount: '250.50' },
      ],
      expectedVersion: 1,
    },
  }),
  startReturn: async (f, caller) => ({
    // Providers start a return of the open period; an admin may start one of a locked period too.
    input: { serviceId: (await f.fresh.service(f.own)).id, periodId: caller === 'ADMIN' ? f.lockedPeriodId : f.openPeriodId },
  }),
  submitReturn: async (f) => ({
    input: { returnId: (await completeReturn(f, f.own)).id, declarationName: 'Sam Provider', expectedVersion: 1 },
  }),
  unlinkServiceInitiative: async (f) => ({ input: { serviceId: (await f.fresh.service(f.own, { initiative: true })).id, initiativeId: f.initiativeId } }),
  updateCommissionedService: async (f) => ({ input: { ...serviceInput(f.own, f), id: (await f.fresh.service(f.own)).id, expectedVersion: 1 } }),
  updateInitiative: async (f) => ({
    input: {
      id: (await f.fresh.initiative()).id,
      name: `Fuzz initiative ${hex()}`,
      description: 'Changed by the fuzz tests.',
      leadPartner: null,
      status: 'PAUSED',
      expectedVersion: 1,
    },
  }),
  updateOrganisation: async (f, caller) => {
    const id = isStaff(caller) ? (await f.fresh.organisation()).id : f.own.organisationId;
    return { input: { id, ...organisationInput(), expectedVersion: await organisationVersion(id) } };
  },
  updatePriorityIssue: async () => {
    const issue = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-ONLINE' } });
    return { input: { code: issue.code, title: issue.title, description: issue.description, expectedVersion: issue.version } };
  },
  updateServiceTargets: async (f) => ({
    input: {
      serviceId: (await f.fresh.service(f.own)).id,
      financialYear: f.financialYear,
      expectedVersion: 1,
      targets: [
        { measureCode: 'REF_RECEIVED', quarter: 0, value: '40' },
        { measureCode: 'REF_RECEIVED', quarter: 2, value: '10' },
        { measureCode: 'STAFF_FTE_FUNDED', quarter: 0, value: '2.5' },
      ],
    },
  }),
  updateUser: async (f) => ({
    input: { id: (await f.fresh.user(f.own)).id, organisationId: f.own.organisationId, name: 'Fuzz Renamed Person', role: 'PROVIDER', expectedVersion: 1 },
  }),
};

/** Ids and codes the fuzzer mixes into ids and codes: the caller's own rows, and rows it must not reach. */
export async function poolsOf(f: MatrixFixture): Promise<FuzzPools> {
  const db = getPrisma();
  const [areas, harms, forums, measures, options, issues, staff] = await Promise.all([
    db.area.findMany({ select: { id: true } }),
    db.harmType.findMany({ select: { id: true } }),
    db.partnershipForum.findMany({ select: { id: true } }),
    db.measure.findMany({ select: { code: true } }),
    db.breakdownOption.findMany({ select: { code: true }, distinct: ['code'] }),
    db.priorityIssue.findMany({ select: { code: true } }),
    db.user.findMany({ where: { organisationId: f.opccId }, select: { id: true } }),
  ]);
  const setIds = (set: OrgSet) => [
    set.organisationId, set.serviceId, set.approvedReturnId, set.submittedReturnId, set.queryId, set.notificationId, set.tokenId, set.provider.userId!,
  ];
  return {
    ownIds: [...setIds(f.own), f.initiativeId, f.openPeriodId, f.lockedPeriodId, ...areas.map((a) => a.id), ...harms.map((h) => h.id), ...forums.map((x) => x.id)],
    foreignIds: [...setIds(f.other), f.opccId, ...staff.map((s) => s.id)],
    measureCodes: measures.map((m) => m.code),
    breakdownOptions: options.map((o) => o.code),
    priorityIssueCodes: issues.map((i) => i.code),
  };
}
