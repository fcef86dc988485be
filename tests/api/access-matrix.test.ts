// The access matrix, complete (issue 7): every root Query and Mutation field of the schema, run as every kind of
// caller, against ONE table (ACCESS_MATRIX) of what each caller is answered. A root field without a row fails (add
// one, and its document to CASES); a row for a field the schema no longer has fails too. Providers' answers are
// searched for anything of another organisation, down nested paths that can reach organisation-scoped data
// (initiative -> services -> provider -> users, priority issue -> services, return -> queries -> messages...), and a
// link to such data that a provider can reach but no provider-run document follows fails as well.
//
// Callers (tests/helpers/access-matrix-fixture.ts makes two provider organisations, "own" and "other"):
// - ANONYMOUS             no session, no token
// - PROVIDER              a signed-in PROVIDER of "own", on "own"'s records
// - PROVIDER_OTHER        the same person, on "other"'s records (ids of "other" in the arguments)
// - PROVIDER_TOKEN        an API token of "own" (a real `Authorization: Bearer` token), on "own"'s records
// - PROVIDER_TOKEN_OTHER  the same token, on "other"'s records
// - ADMIN, POLICY_OFFICER, COMMISSIONER: OPCC staff, on "own"'s records
// A field without arguments naming a record (a list, `me`...) is called the same way by X and X_OTHER.
//
// Outcomes:
// - 'allow'        no UNAUTHENTICATED or FORBIDDEN error (a typed error such as VersionConflict, NotAllowed or
//                  ValidationFailed, or BAD_USER_INPUT, got through the permission check: allowed)
// - 'forbid'       FORBIDDEN, and no answer
// - 'unauth'       UNAUTHENTICATED, and no answer
// - 'null'         no error, and the answer is null or empty (another organisation's record "does not exist"; a list
//                  filtered to another organisation is empty; marking someone else's notifications marks none; the
//                  review queue holds no return for the Commissioner, who sees approved returns only)
// - 'own-only'     no error, and the answer holds rows of the caller's own organisation (at least one) and nothing
//                  of any other organisation
// - 'not-allowed'  refused as data with the typed error NotAllowed (nothing is written): an API token cannot make the
//                  declaration of submitReturn, which needs a named person
// Whatever the outcome, no provider caller's answer (data or error message) contains a marker of "other" (its ids,
// names, e-mail addresses, references, amounts), a sum of money over both organisations, or the OPCC's ids and its
// staff's e-mail addresses; no API token's answer contains the ids or e-mail addresses of people's accounts, not even
// its own organisation's (what the caller itself sent is not counted); and no answer is an unexpected error
// (INTERNAL_SERVER_ERROR) or a malformed request (a bug of this test).
//
// Queries run first, on the fixture as made; each mutation call gets rows of its own (a new service to archive, a
// submitted return to approve, a token to revoke...), so no call changes what another finds.
// ACCESS_MATRIX_LOG=1 prints what every caller was answered.
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { RETURN_CSV_COLUMNS } from '../../graphql/domain/return-csv';
import { schema } from '../../graphql/schema';
import { execute, type GraphQLResponse } from '../helpers/api';
import { createMatrixFixture, uniqueText, type MatrixFixture, type OrgSet } from '../helpers/access-matrix-fixture';

const CALLERS = [
  'ANONYMOUS',
  'PROVIDER',
  'PROVIDER_OTHER',
  'PROVIDER_TOKEN',
  'PROVIDER_TOKEN_OTHER',
  'ADMIN',
  'POLICY_OFFICER',
  'COMMISSIONER',
] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'allow' | 'forbid' | 'unauth' | 'null' | 'own-only' | 'not-allowed';
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const PROVIDER_CALLERS: readonly Caller[] = ['PROVIDER', 'PROVIDER_OTHER', 'PROVIDER_TOKEN', 'PROVIDER_TOKEN_OTHER'];

// ---------------------------------------------------------------------------------------------------------------
// THE TABLE: every root field, what each caller is answered. Columns in the order of CALLERS.
// ---------------------------------------------------------------------------------------------------------------

// prettier-ignore
const ACCESS_MATRIX: Record<string, Row> = {
  //                                  ANONYMOUS  PROVIDER     PROVIDER_OTHER PROVIDER_TOKEN PROVIDER_TOKEN_OTHER ADMIN    POLICY_OFFICER COMMISSIONER
  'Query.apiTokens':                 ['unauth', 'own-only',  'null',        'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.areas':                     ['unauth', 'allow',     'allow',       'allow',       'allow',             'allow', 'allow',       'allow'],
  'Query.briefingPack':              ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardContractsEnding':  ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardCoverage':         ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardExport':           ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardHeadline':         ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardInitiatives':      ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardOutcomes':         ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardReach':            ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardTimeliness':       ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.dashboardValueForMoney':    ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.emailOutbox':               ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Query.harmTypes':                 ['unauth', 'allow',     'allow',       'allow',       'allow',             'allow', 'allow',       'allow'],
  'Query.initiative':                ['unauth', 'own-only',  'own-only',    'own-only',    'own-only',          'allow', 'allow',       'allow'],
  'Query.initiatives':               ['unauth', 'own-only',  'own-only',    'own-only',    'own-only',          'allow', 'allow',       'allow'],
  'Query.me':                        ['null',   'own-only',  'own-only',    'null',        'null',              'allow', 'allow',       'allow'],
  'Query.notifications':             ['unauth', 'own-only',  'own-only',    'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.organisation':              ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.organisations':             ['unauth', 'own-only',  'own-only',    'own-only',    'own-only',          'allow', 'allow',       'allow'],
  'Query.partnershipForums':         ['unauth', 'allow',     'allow',       'allow',       'allow',             'allow', 'allow',       'allow'],
  'Query.performanceReturn':         ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.priorityIssue':             ['unauth', 'own-only',  'own-only',    'own-only',    'own-only',          'allow', 'allow',       'allow'],
  'Query.priorityIssues':            ['unauth', 'own-only',  'own-only',    'own-only',    'own-only',          'allow', 'allow',       'allow'],
  'Query.recentlyReviewedReturns':   ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.reportingPeriods':          ['unauth', 'allow',     'allow',       'allow',       'allow',             'allow', 'allow',       'allow'],
  'Query.returnQueries':             ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.returnQuery':               ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.returnTasks':               ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'forbid'],
  'Query.returns':                   ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.returnsDataExport':         ['unauth', 'own-only',  'forbid',      'own-only',    'forbid',            'allow', 'allow',       'allow'],
  'Query.reviewQueue':               ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'null'],
  'Query.service':                   ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.services':                  ['unauth', 'own-only',  'null',        'own-only',    'null',              'allow', 'allow',       'allow'],
  'Query.unreadNotificationCount':   ['unauth', 'allow',     'allow',       'allow',       'allow',             'allow', 'allow',       'allow'],
  'Query.user':                      ['unauth', 'own-only',  'null',        'forbid',      'forbid',            'allow', 'allow',       'allow'],
  'Query.users':                     ['unauth', 'own-only',  'null',        'forbid',      'forbid',            'allow', 'allow',       'allow'],

  'Mutation.activateCommissionedService': ['unauth', 'forbid', 'forbid',    'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.approveReturn':          ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.archiveCommissionedService': ['unauth', 'forbid', 'forbid',     'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.archiveInitiative':      ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.archiveOrganisation':    ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.createApiToken':         ['unauth', 'allow',     'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.createCommissionedService': ['unauth', 'forbid', 'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.createInitiative':       ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.createOrganisation':     ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.createUser':             ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.deactivateUser':         ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.endCommissionedService': ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.extendCommissionedService': ['unauth', 'forbid', 'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.grantLockException':     ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.importReturnCsv':        ['unauth', 'allow',     'forbid',      'allow',       'forbid',            'forbid', 'forbid',     'forbid'],
  'Mutation.linkServiceInitiative':  ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.markNotificationsRead':  ['unauth', 'allow',     'null',        'forbid',      'forbid',            'null',  'null',        'null'],
  'Mutation.raiseReturnQuery':       ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.reactivateUser':         ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.reopenReturn':           ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.replyToReturnQuery':     ['unauth', 'allow',     'forbid',      'allow',       'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.resetUserPassword':      ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.resolveReturnQuery':     ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.returnForChanges':       ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.revokeApiToken':         ['unauth', 'allow',     'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.saveReturnDraft':        ['unauth', 'allow',     'forbid',      'allow',       'forbid',            'forbid', 'forbid',     'forbid'],
  'Mutation.setInitiativeFunding':   ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.setServiceFunding':      ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.startReturn':            ['unauth', 'allow',     'forbid',      'allow',       'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.submitReturn':           ['unauth', 'allow',     'forbid',      'not-allowed', 'forbid',            'forbid', 'forbid',     'forbid'],
  'Mutation.unlinkServiceInitiative': ['unauth', 'forbid',   'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.updateCommissionedService': ['unauth', 'forbid', 'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.updateInitiative':       ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.updateOrganisation':     ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.updatePriorityIssue':    ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
  'Mutation.updateServiceTargets':   ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'allow',       'forbid'],
  'Mutation.updateUser':             ['unauth', 'forbid',    'forbid',      'forbid',      'forbid',            'allow', 'forbid',      'forbid'],
};

// ---------------------------------------------------------------------------------------------------------------
// How each root field is called: a document (with nested paths that could reach another organisation's data) and
// the variables for a caller, from the fixture. `t` is the organisation the caller acts on ("other" for *_OTHER).
// ---------------------------------------------------------------------------------------------------------------

type Vars = Record<string, unknown>;
interface Case {
  document: string;
  variables?: (t: OrgSet, f: MatrixFixture, caller: Caller) => Vars | Promise<Vars>;
  /** For 'null': the part of the answer that must be null or empty (default: the answer itself). */
  empty?: (answer: any) => unknown;
}

// Nested paths that lead to organisation-scoped data (kept within the API's depth and cost limits).
const USERS = 'users { id email name }';
const ORGANISATION = `id name slug contacts { name email } ${USERS} services { id reference title }`;
const INITIATIVE = `id name funding { financialYear amount } services { id reference title provider { id name } fundingByYear { amount } }`;
const SERVICE = `id reference title annualValue fundingByYear { amount } funding { amount }
  provider { ${ORGANISATION} } leadOfficer { id email }
  returns { id status }
  initiatives { funding { amount } initiative { ${INITIATIVE} } }`;
const QUERY_THREAD = 'id status raisedBy messageCount messages { authorName fromOpcc } lastMessage { authorName } return { id status }';
const RETURN = `id status submittedBy reviewedBy period { label }
  service { id reference title provider { id name ${USERS} } }
  values { measureCode value }
  queries { ${QUERY_THREAD} }
  versions { number createdBy }
  lockExceptions { grantedBy }
  history { periods { label returnId } }
  form { previousReturnId previousPeriodLabel previousValues { measureCode value } }`;
const ERROR = '__typename ... on Error { message }';

const mutation = (field: string, inputType: string, data = '{ id }') =>
  `mutation ($input: ${inputType}!) { ${field}(input: $input) { ${ERROR} ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data ${data} } } }`;

const dashboard = (field: string, selection: string) => ({ document: `{ ${field} { ${selection} } }` });

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000);

const serviceInput = (t: OrgSet) => ({
  reference: `MATRIX-${uniqueText().toUpperCase()}`,
  title: `Matrix service ${uniqueText()}`,
  providerId: t.organisationId,
  startDate: '2026-04-01',
  endDate: '2028-03-31',
  annualValue: '1000.00',
  totalValue: '2000.00',
  priorityIssueCodes: ['PI-ONLINE'],
  riskRating: 'GREEN',
});

const organisationVersion = async (id: string) =>
  (await getPrisma().organisation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const isStaff = (caller: Caller) => ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'].includes(caller);

const CASES: Record<string, Case> = {
  // --- Queries ---------------------------------------------------------------------------------------------------
  'Query.apiTokens': {
    document: `query ($organisationId: ID) { apiTokens(organisationId: $organisationId) { id name prefix createdBy organisation { ${ORGANISATION} } } }`,
    variables: (t) => ({ organisationId: t.organisationId }),
  },
  'Query.areas': { document: '{ areas { id code name } }' },
  'Query.briefingPack': dashboard('briefingPack', 'title headline { summary } currentIssues { code services { providerName reference } }'),
  'Query.dashboardContractsEnding': dashboard('dashboardContractsEnding', 'contracts { providerName reference }'),
  'Query.dashboardCoverage': dashboard('dashboardCoverage', 'issues { code services { providerName reference } }'),
  'Query.dashboardExport': { document: '{ dashboardExport(dashboard: COVERAGE, format: CSV) { filename rowCount content } }' },
  'Query.dashboardHeadline': dashboard('dashboardHeadline', 'activeServices annualInvestment'),
  'Query.dashboardInitiatives': dashboard('dashboardInitiatives', 'initiatives { name funding services { providerName reference } }'),
  'Query.dashboardOutcomes': dashboard('dashboardOutcomes', 'domains { code selection { assessed { display } } }'),
  'Query.dashboardReach': dashboard('dashboardReach', 'byAge { total { display } }'),
  'Query.dashboardTimeliness': dashboard('dashboardTimeliness', 'quarters { label expected received }'),
  'Query.dashboardValueForMoney': dashboard('dashboardValueForMoney', 'services { providerName reference spend }'),
  'Query.emailOutbox': { document: '{ emailOutbox { total nodes { to subject } } }' },
  'Query.harmTypes': { document: '{ harmTypes { id code name } }' },
  'Query.initiative': {
    document: `query ($id: ID!) { initiative(id: $id) { ${INITIATIVE} } }`,
    variables: (_t, f) => ({ id: f.initiativeId }),
  },
  'Query.initiatives': { document: `{ initiatives { ${INITIATIVE} } }` },
  'Query.me': { document: `{ me { id email name organisation { ${ORGANISATION} } } }` },
  'Query.notifications': { document: '{ notifications { id subject body returnId } }' },
  'Query.organisation': {
    document: `query ($id: ID!) { organisation(id: $id) { ${ORGANISATION} } }`,
    variables: (t) => ({ id: t.organisationId }),
  },
  'Query.organisations': { document: `{ organisations { kind ${ORGANISATION} } }` },
  'Query.partnershipForums': { document: '{ partnershipForums { id code name } }' },
  'Query.performanceReturn': {
    document: `query ($id: ID!) { performanceReturn(id: $id) { ${RETURN} } }`,
    variables: (t) => ({ id: t.approvedReturnId }),
  },
  'Query.priorityIssue': {
    document: `query { priorityIssue(code: "PI-ONLINE") { code investment { financialYear amount } services { id reference provider { id name ${USERS} } fundingByYear { amount } } } }`,
  },
  'Query.priorityIssues': {
    document: `{ priorityIssues { code investment { financialYear amount } services { id reference title provider { id name } } } }`,
  },
  'Query.recentlyReviewedReturns': { document: '{ recentlyReviewedReturns { id service { reference provider { name } } } }' },
  'Query.reportingPeriods': { document: '{ reportingPeriods { id label state } }' },
  'Query.returnQueries': {
    document: `query ($returnId: ID) { returnQueries(filter: { returnId: $returnId }) { ${QUERY_THREAD} } }`,
    variables: (t) => ({ returnId: t.approvedReturnId }),
  },
  'Query.returnQuery': {
    document: `query ($id: ID!) { returnQuery(id: $id) { id status return { id service { id reference provider { id name ${USERS} } } } messages { authorName } } }`,
    variables: (t) => ({ id: t.queryId }),
  },
  'Query.returnTasks': {
    document: `query ($serviceId: ID) { returnTasks(serviceId: $serviceId) { status period { label } service { id reference provider { id name } } performanceReturn { id service { id reference } } } }`,
    variables: (t) => ({ serviceId: t.serviceId }),
  },
  'Query.returns': {
    document: `query ($serviceId: ID) { returns(filter: { serviceId: $serviceId }) { ${RETURN} } }`,
    variables: (t) => ({ serviceId: t.serviceId }),
  },
  'Query.returnsDataExport': {
    document: 'query ($filter: ReturnsExportFilter!) { returnsDataExport(format: CSV, filter: $filter) { filename rowCount content } }',
    variables: (t, f) => ({ filter: { financialYear: f.financialYear, providerId: t.organisationId } }),
  },
  'Query.reviewQueue': { document: '{ reviewQueue { id service { reference provider { name } } } }' },
  'Query.service': {
    document: `query ($id: ID!) { service(id: $id) { ${SERVICE} } }`,
    variables: (t) => ({ id: t.serviceId }),
  },
  'Query.services': {
    document: `query ($providerId: ID) { services(filter: { providerId: $providerId }) { totalCount totalAnnualValue nodes { id reference title provider { id name ${USERS} } } } }`,
    variables: (t) => ({ providerId: t.organisationId }),
    empty: (answer) => (answer && (answer.totalCount !== 0 || answer.totalAnnualValue !== '0.00' || answer.nodes.length) ? answer : null),
  },
  'Query.unreadNotificationCount': { document: '{ unreadNotificationCount }' },
  'Query.user': {
    document: `query ($id: ID!) { user(id: $id) { id email name organisation { ${ORGANISATION} } } }`,
    variables: (t) => ({ id: t.provider.userId }),
  },
  'Query.users': {
    document: `query ($organisationId: ID) { users(organisationId: $organisationId) { id email name organisation { id name } } }`,
    variables: (t) => ({ organisationId: t.organisationId }),
  },

  // --- Mutations (each call on rows made for it, so that no call changes what another one finds) ------------------
  'Mutation.activateCommissionedService': {
    document: mutation('activateCommissionedService', 'ActivateCommissionedServiceInput'),
    variables: async (t, f) => ({ input: { id: (await f.fresh.service(t, { status: 'PLANNED' })).id, expectedVersion: 1 } }),
  },
  'Mutation.approveReturn': {
    document: mutation('approveReturn', 'ReviewReturnInput'),
    variables: async (t, f) => ({ input: { returnId: (await f.fresh.return(t, 'SUBMITTED')).id, expectedVersion: 1 } }),
  },
  'Mutation.archiveCommissionedService': {
    document: mutation('archiveCommissionedService', 'ArchiveCommissionedServiceInput'),
    variables: async (t, f) => ({ input: { id: (await f.fresh.service(t)).id, expectedVersion: 1 } }),
  },
  'Mutation.archiveInitiative': {
    document: mutation('archiveInitiative', 'ArchiveInitiativeInput'),
    variables: async (_t, f) => ({ input: { id: (await f.fresh.initiative()).id, expectedVersion: 1 } }),
  },
  'Mutation.archiveOrganisation': {
    document: mutation('archiveOrganisation', 'ArchiveOrganisationInput'),
    // Providers try their own (or the other) organisation; OPCC staff archive a spare provider.
    variables: async (t, f, caller) => {
      const id = isStaff(caller) ? (await f.fresh.organisation()).id : t.organisationId;
      return { input: { id, expectedVersion: await organisationVersion(id) } };
    },
  },
  'Mutation.createApiToken': {
    document: mutation(
      'createApiToken',
      'CreateApiTokenInput',
      `{ token apiToken { id name prefix createdBy organisation { ${ORGANISATION} } } }`,
    ),
    variables: (t) => ({ input: { name: `Matrix token ${uniqueText()}`, organisationId: t.organisationId } }),
  },
  'Mutation.createCommissionedService': {
    document: mutation('createCommissionedService', 'CreateCommissionedServiceInput'),
    variables: (t) => ({ input: { ...serviceInput(t), status: 'ACTIVE' } }),
  },
  'Mutation.createInitiative': {
    document: mutation('createInitiative', 'CreateInitiativeInput'),
    variables: () => ({ input: { name: `Matrix initiative ${uniqueText()}`, description: 'Made by the access matrix.', status: 'PLANNED' } }),
  },
  'Mutation.createOrganisation': {
    document: mutation('createOrganisation', 'CreateOrganisationInput'),
    variables: () => ({ input: { name: `Matrix new provider ${uniqueText()}`, type: 'CHARITY' } }),
  },
  'Mutation.createUser': {
    document: mutation('createUser', 'CreateUserInput', '{ user { id } }'),
    variables: (t) => ({
      input: { email: `matrix-${uniqueText()}@test.example`, name: 'Matrix New Person', organisationId: t.organisationId, role: 'PROVIDER' },
    }),
  },
  'Mutation.deactivateUser': {
    document: mutation('deactivateUser', 'UserVersionInput'),
    variables: async (t, f) => ({ input: { id: (await f.fresh.user(t)).id, expectedVersion: 1 } }),
  },
  'Mutation.endCommissionedService': {
    document: mutation('endCommissionedService', 'EndCommissionedServiceInput'),
    variables: async (t, f) => ({
      input: { id: (await f.fresh.service(t)).id, endDate: '2027-03-31', reason: 'Ended early.', expectedVersion: 1 },
    }),
  },
  'Mutation.extendCommissionedService': {
    document: mutation('extendCommissionedService', 'ExtendCommissionedServiceInput'),
    variables: async (t, f) => ({
      input: { id: (await f.fresh.service(t)).id, newEndDate: '2029-03-31', reason: 'Extended.', expectedVersion: 1 },
    }),
  },
  'Mutation.grantLockException': {
    document: mutation('grantLockException', 'GrantLockExceptionInput'),
    variables: async (t, f) => ({
      input: { returnId: (await f.fresh.return(t, 'IN_PROGRESS')).id, reason: 'Late figures.', endsAt: dateIn(7).toISOString() },
    }),
  },
  'Mutation.importReturnCsv': {
    document: mutation('importReturnCsv', 'ImportReturnCsvInput', `{ imported changed performanceReturn { ${RETURN} } }`),
    variables: async (t, f) => ({
      input: {
        returnId: (await f.fresh.return(t, 'NOT_STARTED')).id,
        // Referrals that add up (12 = 5 + 7) and 10 accepted: the file passes the template's checks.
        csv: `\uFEFF${[RETURN_CSV_COLUMNS.join(','), 'REF_RECEIVED,,,,12,,', 'REF_RECEIVED,,POLICE,,5,,', 'REF_RECEIVED,,NOT_KNOWN,,7,,', 'REF_ACCEPTED,,,,10,,'].join('\r\n')}\r\n`,
        expectedVersion: 1,
      },
    }),
  },
  'Mutation.linkServiceInitiative': {
    document: mutation('linkServiceInitiative', 'ServiceInitiativeInput'),
    variables: async (t, f) => ({ input: { serviceId: (await f.fresh.service(t)).id, initiativeId: f.initiativeId } }),
  },
  'Mutation.markNotificationsRead': {
    document: 'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unread } }',
    // A notification of the provider of `t`: only that person may mark it.
    variables: async (t, f) => ({ input: { ids: [(await f.fresh.notification(t)).id] } }),
    empty: (answer) => (answer?.marked ? answer : null),
  },
  'Mutation.raiseReturnQuery': {
    document: mutation('raiseReturnQuery', 'RaiseReturnQueryInput'),
    variables: async (t, f) => ({ input: { returnId: (await f.fresh.return(t, 'SUBMITTED')).id, message: 'Is this right?' } }),
  },
  'Mutation.reactivateUser': {
    document: mutation('reactivateUser', 'UserVersionInput'),
    variables: async (t, f) => ({ input: { id: (await f.fresh.user(t, { deactivated: true })).id, expectedVersion: 1 } }),
  },
  'Mutation.reopenReturn': {
    document: mutation('reopenReturn', 'ReopenReturnInput'),
    variables: async (t, f) => ({ input: { returnId: (await f.fresh.return(t, 'APPROVED')).id, reason: 'A figure was wrong.', expectedVersion: 1 } }),
  },
  'Mutation.replyToReturnQuery': {
    document: mutation('replyToReturnQuery', 'ReplyToReturnQueryInput', `{ ${QUERY_THREAD} return { service { id reference provider { id name ${USERS} } } } }`),
    variables: async (t, f) => ({ input: { queryId: (await f.fresh.query(t)).id, message: 'Yes: we checked.' } }),
  },
  'Mutation.resetUserPassword': {
    document: mutation('resetUserPassword', 'ResetUserPasswordInput', '{ user { id } }'),
    variables: async (t, f) => ({ input: { id: (await f.fresh.user(t)).id } }),
  },
  'Mutation.resolveReturnQuery': {
    document: mutation('resolveReturnQuery', 'ResolveReturnQueryInput'),
    variables: async (t, f) => ({ input: { queryId: (await f.fresh.query(t)).id } }),
  },
  'Mutation.returnForChanges': {
    document: mutation('returnForChanges', 'ReviewReturnInput'),
    variables: async (t, f) => ({
      input: { returnId: (await f.fresh.return(t, 'SUBMITTED')).id, reason: 'Please check the referrals.', expectedVersion: 1 },
    }),
  },
  'Mutation.revokeApiToken': {
    document: mutation('revokeApiToken', 'RevokeApiTokenInput', `{ id name status organisation { ${ORGANISATION} } }`),
    variables: async (t, f) => ({ input: { id: (await f.fresh.token(t)).id } }),
  },
  'Mutation.saveReturnDraft': {
    document: mutation('saveReturnDraft', 'SaveReturnDraftInput', `{ ${RETURN} }`),
    variables: async (t, f) => ({
      input: {
        returnId: (await f.fresh.return(t, 'IN_PROGRESS')).id,
        expectedVersion: 1,
        values: [{ measureCode: 'REF_RECEIVED', breakdownOption: '', value: '14' }],
      },
    }),
  },
  'Mutation.setInitiativeFunding': {
    document: mutation('setInitiativeFunding', 'SetInitiativeFundingInput'),
    variables: async (t, f) => ({
      input: {
        serviceId: (await f.fresh.service(t, { funding: '5000.00', initiative: true })).id,
        initiativeId: f.initiativeId,
        financialYear: f.financialYear,
        amount: '100.00',
      },
    }),
  },
  'Mutation.setServiceFunding': {
    document: mutation('setServiceFunding', 'SetServiceFundingInput'),
    variables: async (t, f) => ({
      input: {
        serviceId: (await f.fresh.service(t)).id,
        financialYear: f.financialYear,
        amounts: [{ source: 'PCC_CORE_GRANT', amount: '5000.00' }],
        expectedVersion: 1,
      },
    }),
  },
  'Mutation.startReturn': {
    document: mutation('startReturn', 'StartReturnInput', `{ ${RETURN} }`),
    // The latest locked period: an admin may start its return; the provider is told it is locked (a typed error).
    variables: async (t, f) => ({ input: { serviceId: (await f.fresh.service(t)).id, periodId: f.lockedPeriodId } }),
  },
  'Mutation.submitReturn': {
    document: mutation('submitReturn', 'SubmitReturnInput', `{ ${RETURN} }`),
    variables: async (t, f) => ({
      input: { returnId: (await f.fresh.return(t, 'IN_PROGRESS')).id, declarationName: 'Sam Provider', expectedVersion: 1 },
    }),
  },
  'Mutation.unlinkServiceInitiative': {
    document: mutation('unlinkServiceInitiative', 'ServiceInitiativeInput'),
    variables: async (t, f) => ({ input: { serviceId: (await f.fresh.service(t, { initiative: true })).id, initiativeId: f.initiativeId } }),
  },
  'Mutation.updateCommissionedService': {
    document: mutation('updateCommissionedService', 'UpdateCommissionedServiceInput'),
    variables: async (t, f) => ({ input: { ...serviceInput(t), id: (await f.fresh.service(t)).id, expectedVersion: 1 } }),
  },
  'Mutation.updateInitiative': {
    document: mutation('updateInitiative', 'UpdateInitiativeInput'),
    variables: async (_t, f) => ({
      input: {
        id: (await f.fresh.initiative()).id,
        name: `Matrix initiative ${uniqueText()}`,
        description: 'Changed by the access matrix.',
        status: 'PAUSED',
        expectedVersion: 1,
      },
    }),
  },
  'Mutation.updateOrganisation': {
    document: mutation('updateOrganisation', 'UpdateOrganisationInput'),
    // Providers try their own (or the other) organisation; OPCC staff change a spare provider.
    variables: async (t, f, caller) => {
      const id = isStaff(caller) ? (await f.fresh.organisation()).id : t.organisationId;
      return { input: { id, name: `Matrix renamed ${uniqueText()}`, type: 'CIC', expectedVersion: await organisationVersion(id) } };
    },
  },
  'Mutation.updatePriorityIssue': {
    document: mutation('updatePriorityIssue', 'UpdatePriorityIssueInput', '{ code }'),
    variables: async () => {
      const issue = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-ONLINE' } });
      return { input: { code: issue.code, title: issue.title, description: issue.description, expectedVersion: issue.version } };
    },
  },
  'Mutation.updateServiceTargets': {
    document: mutation('updateServiceTargets', 'UpdateServiceTargetsInput'),
    variables: async (t, f) => ({
      input: {
        serviceId: (await f.fresh.service(t)).id,
        financialYear: f.financialYear,
        expectedVersion: 1,
        targets: [{ measureCode: 'REF_RECEIVED', quarter: 0, value: '40' }],
      },
    }),
  },
  'Mutation.updateUser': {
    document: mutation('updateUser', 'UpdateUserInput'),
    variables: async (t, f) => ({
      input: { id: (await f.fresh.user(t)).id, organisationId: t.organisationId, name: 'Matrix Renamed Person', role: 'PROVIDER', expectedVersion: 1 },
    }),
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Running a call and judging its answer
// ---------------------------------------------------------------------------------------------------------------

let f: MatrixFixture;

beforeAll(async () => {
  f = await createMatrixFixture();
});

function call(caller: Caller, document: string, variables: Vars): Promise<GraphQLResponse> {
  switch (caller) {
    case 'ANONYMOUS':
      return execute(document, variables);
    case 'PROVIDER':
    case 'PROVIDER_OTHER':
      return execute(document, variables, { viewer: f.own.provider });
    case 'PROVIDER_TOKEN':
    case 'PROVIDER_TOKEN_OTHER':
      return execute(document, variables, { headers: f.own.bearer });
    case 'ADMIN':
      return execute(document, variables, { viewer: f.admin });
    case 'POLICY_OFFICER':
      return execute(document, variables, { viewer: f.officer });
    case 'COMMISSIONER':
      return execute(document, variables, { viewer: f.commissioner });
  }
}

const rootOf = (key: string) => key.split('.')[1]!;
const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/** The part of an answer that 'null' wants null or empty. */
const emptiable = (key: string, answer: unknown) =>
  answer === null || answer === undefined ? answer : (CASES[key]!.empty ?? ((a: unknown) => a))(answer);

/** What a caller was answered, in the table's words (for messages). */
function summary(key: string, response: GraphQLResponse): string {
  const codes = (response.errors ?? []).map((error) => String(error.extensions?.code ?? 'NO_CODE'));
  if (codes.length) return `errors ${[...new Set(codes)].join(', ')}: ${response.errors!.map((e) => e.message).join(' | ')}`;
  const answer: any = response.data?.[rootOf(key)];
  if (isEmpty(emptiable(key, answer))) return 'null';
  if (answer?.__typename && !/Success$/.test(answer.__typename)) {
    return `typed error ${answer.__typename}: ${answer.message}`;
  }
  const text = JSON.stringify(answer);
  return [...f.own.markers].some((marker) => text.includes(marker)) ? 'own-only' : 'allow';
}

/** The problems with one answer, empty when it is what the table says. */
function judge(key: string, caller: Caller, expected: Outcome, response: GraphQLResponse, variables: Vars): string[] {
  const problems: string[] = [];
  const root = rootOf(key);
  const codes = (response.errors ?? []).map((error) => error.extensions?.code);
  const answer: any = response.data?.[root];
  const got = () => summary(key, response);

  if ((response.errors ?? []).some((error) => !error.path)) problems.push(`the request itself is wrong (fix the case): ${got()}`);
  if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push(`unexpected error: ${got()}`);

  if (PROVIDER_CALLERS.includes(caller)) {
    // Echoing what the caller sent is not a leak; anything else of the other organisation is.
    const sent = JSON.stringify(variables);
    const text = JSON.stringify(response);
    const foreign = [...f.other.markers, ...f.notForProviders].filter((marker) => !sent.includes(marker));
    const leaked = foreign.filter((marker) => text.includes(marker));
    if (leaked.length) {
      const at = text.indexOf(leaked[0]!);
      problems.push(`LEAK: the answer holds another organisation's data (${leaked.join(', ')}): ...${text.slice(Math.max(0, at - 300), at + 100)}...`);
    }
    if (caller.startsWith('PROVIDER_TOKEN')) {
      const people = [...f.own.people].filter((marker) => !sent.includes(marker) && text.includes(marker));
      if (people.length) problems.push(`LEAK: an API token was answered people's accounts (${people.join(', ')})`);
    }
  }

  switch (expected) {
    case 'unauth':
      if (!codes.includes('UNAUTHENTICATED') || !isEmpty(answer)) problems.push(`expected UNAUTHENTICATED, got ${got()}`);
      break;
    case 'forbid':
      if (!codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED') || !isEmpty(answer)) {
        problems.push(`expected FORBIDDEN, got ${got()}`);
      }
      break;
    case 'allow':
      if (codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED')) problems.push(`expected to be allowed, got ${got()}`);
      break;
    case 'null':
      if (codes.length || !isEmpty(emptiable(key, answer))) problems.push(`expected null or nothing, got ${got()}`);
      break;
    case 'own-only': {
      const text = JSON.stringify(answer ?? null);
      if (codes.length || isEmpty(answer) || ![...f.own.markers].some((marker) => text.includes(marker))) {
        problems.push(`expected its own organisation's rows only, got ${got()}`);
      }
      break;
    }
    case 'not-allowed':
      if (codes.length || answer?.__typename !== 'NotAllowed') problems.push(`expected the typed error NotAllowed, got ${got()}`);
      break;
  }
  return problems.map((problem) => `${key} as ${caller}: ${problem}`);
}

async function runRow(key: string): Promise<string[]> {
  const row = ACCESS_MATRIX[key]!;
  const definition = CASES[key]!;
  const problems: string[] = [];
  // One caller after another: a mutation's call must not change what the next one finds (each has its own rows).
  for (const [index, caller] of CALLERS.entries()) {
    const target = caller.endsWith('_OTHER') ? f.other : f.own;
    const variables = (await definition.variables?.(target, f, caller)) ?? {};
    const response = await call(caller, definition.document, variables);
    problems.push(...judge(key, caller, row[index]!, response, variables));
    if (process.env.ACCESS_MATRIX_LOG) console.log(`${key} as ${caller}: ${summary(key, response).slice(0, 200)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------------

type WithScopes = { pothosOptions?: { authScopes?: unknown } };

const rootFields = () =>
  [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`));

describe('the access matrix covers the schema', () => {
  it('has a row for every root Query and Mutation field', () => {
    const missing = rootFields().filter((key) => !(key in ACCESS_MATRIX));
    expect(
      missing.map((key) => `${key} has no row: add it to ACCESS_MATRIX (and a document to CASES) in tests/api/access-matrix.test.ts`),
    ).toEqual([]);
  });

  it('has no row for a field the schema does not have', () => {
    const fields = new Set(rootFields());
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !fields.has(key));
    expect(stale.map((key) => `${key} is not a root field of the schema: remove its row`)).toEqual([]);
  });

  it('has, for every row, a valid document that calls that field', () => {
    const problems: string[] = [];
    for (const key of Object.keys(ACCESS_MATRIX)) {
      const definition = CASES[key];
      if (!definition) {
        problems.push(`${key}: add a document to CASES`);
        continue;
      }
      const document = parse(definition.document);
      const errors = validate(schema, document);
      if (errors.length) problems.push(`${key}: ${errors.map((error) => error.message).join(' | ')}`);
      const operation = document.definitions[0];
      const [type, field] = key.split('.');
      const selected =
        operation?.kind === 'OperationDefinition' &&
        (operation.operation === 'query' ? 'Query' : 'Mutation') === type &&
        operation.selectionSet.selections.some((selection) => selection.kind === 'Field' && selection.name.value === field);
      if (!selected) problems.push(`${key}: its document does not call ${key}`);
    }
    for (const key of Object.keys(CASES)) if (!(key in ACCESS_MATRIX)) problems.push(`${key}: a document without a row`);
    expect(problems).toEqual([]);
  });

  it('follows, as a provider, every link to organisation-scoped data a provider can reach', () => {
    // Types whose rows belong to one organisation (their authScopes are a function of the row), and the sums of
    // money over services that must only add up what the caller may see.
    const scoped = new Set(
      Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .filter((type) => typeof (type.extensions as WithScopes).pothosOptions?.authScopes === 'function')
        .map((type) => type.name),
    );
    for (const name of ['YearAmount', 'InitiativeYearFunding', 'ServiceInitiative']) scoped.add(name);
    expect([...scoped]).toEqual(expect.arrayContaining(['Organisation', 'User', 'CommissionedService', 'PerformanceReturn', 'ReturnQuery']));

    const providerRuns = Object.keys(ACCESS_MATRIX).filter((key) =>
      PROVIDER_CALLERS.some((caller) => !['forbid', 'unauth'].includes(ACCESS_MATRIX[key]![CALLERS.indexOf(caller)]!)),
    );
    // The types a provider can reach from the root fields it may call.
    const reachable = new Set<string>();
    const queue: GraphQLNamedType[] = providerRuns.map((key) => {
      const [type, field] = key.split('.');
      return getNamedType((schema.getType(type!) as GraphQLObjectType).getFields()[field!]!.type);
    });
    while (queue.length) {
      const type = queue.pop()!;
      if (reachable.has(type.name)) continue;
      reachable.add(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
      }
      if (isUnionType(type)) queue.push(...type.getTypes());
      if (isInterfaceType(type)) queue.push(...schema.getPossibleTypes(type));
    }
    // The links the provider-run documents follow.
    const followed = new Set<string>();
    for (const key of providerRuns) {
      const typeInfo = new TypeInfo(schema);
      visit(
        parse(CASES[key]!.document),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (parent && field) followed.add(`${parent.name}.${field.name}`);
          },
        }),
      );
    }
    // A link is a field whose type is organisation-scoped, or an ID naming another record (returnId, serviceId...).
    const unfollowed: string[] = [];
    for (const name of reachable) {
      const type = schema.getType(name);
      if (!isObjectType(type) || ['Query', 'Mutation'].includes(name)) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type).name;
        const link = scoped.has(target) || (target === 'ID' && /.Id$/.test(field.name));
        if (link && !followed.has(`${name}.${field.name}`)) {
          unfollowed.push(`${name}.${field.name} (${target}): select it in the document of a field providers may call, in CASES`);
        }
      }
    }
    expect(unfollowed).toEqual([]);
  });
});

describe.each([
  ['Query', Object.keys(ACCESS_MATRIX).filter((key) => key.startsWith('Query.'))],
  ['Mutation', Object.keys(ACCESS_MATRIX).filter((key) => key.startsWith('Mutation.'))],
])('%s fields, as every caller', (_root, keys) => {
  it.each(keys)('%s', async (key) => {
    expect(await runRow(key)).toEqual([]);
  });
});

// Found while building the matrix: two ways a provider's data could reach another organisation without any query
// crossing organisations, because the record itself changed organisation.
describe('records that change organisation', () => {
  const MOVE_SERVICE = mutation('updateCommissionedService', 'UpdateCommissionedServiceInput', '{ id provider { id } }');
  const ONE_RETURN = 'query ($id: ID!) { performanceReturn(id: $id) { id } }';

  it("a service with returns cannot move to another provider (its returns would go with it); one without returns can", async () => {
    const ret = await f.fresh.return(f.own, 'APPROVED');
    const moved = await execute(MOVE_SERVICE, { input: { ...serviceInput(f.other), id: ret.serviceId, expectedVersion: 1 } }, { viewer: f.officer });
    expect(moved.errors, JSON.stringify(moved)).toMatchObject([
      { message: expect.stringContaining('its provider cannot change'), extensions: { code: 'BAD_USER_INPUT', field: 'input.providerId' } },
    ]);
    expect((await execute(ONE_RETURN, { id: ret.id }, { viewer: f.other.provider })).data?.performanceReturn).toBeNull();
    expect((await execute(ONE_RETURN, { id: ret.id }, { viewer: f.own.provider })).data?.performanceReturn).toEqual({ id: ret.id });

    // Correcting the provider of a service before its first return is still possible.
    const service = await f.fresh.service(f.own);
    const corrected = await execute(MOVE_SERVICE, { input: { ...serviceInput(f.other), id: service.id, expectedVersion: 1 } }, { viewer: f.officer });
    expect(corrected.data?.updateCommissionedService, JSON.stringify(corrected)).toMatchObject({
      __typename: 'MutationUpdateCommissionedServiceSuccess',
      data: { id: service.id, provider: { id: f.other.organisationId } },
    });
  });

  it("a person moved to another provider no longer reads the first one's notifications", async () => {
    const UPDATE = mutation('updateUser', 'UpdateUserInput', '{ id organisation { id } }');
    const INBOX = '{ notifications { id } unreadNotificationCount }';
    const person = await f.fresh.user(f.own);
    const notice = await f.fresh.notification(f.own, person.id);
    const as = (organisationId: string) => ({
      viewer: { userId: person.id, label: person.email, role: 'PROVIDER' as const, organisationId, organisationKind: 'PROVIDER' as const, via: 'session' as const },
    });

    // Renamed in the same organisation: the notifications stay.
    const renamed = await execute(UPDATE, { input: { id: person.id, organisationId: f.own.organisationId, name: 'Matrix Renamed', role: 'PROVIDER', expectedVersion: 1 } }, { viewer: f.admin });
    expect(renamed.data?.updateUser?.__typename, JSON.stringify(renamed)).toBe('MutationUpdateUserSuccess');
    expect((await execute(INBOX, {}, as(f.own.organisationId))).data).toEqual({ notifications: [{ id: notice.id }], unreadNotificationCount: 1 });

    const moved = await execute(UPDATE, { input: { id: person.id, organisationId: f.other.organisationId, name: 'Matrix Renamed', role: 'PROVIDER', expectedVersion: 2 } }, { viewer: f.admin });
    expect(moved.data?.updateUser, JSON.stringify(moved)).toMatchObject({ data: { organisation: { id: f.other.organisationId } } });
    expect((await execute(INBOX, {}, as(f.other.organisationId))).data).toEqual({ notifications: [], unreadNotificationCount: 0 });
  });
});
