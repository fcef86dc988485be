// The fixture of the access matrix (tests/api/access-matrix.test.ts): two provider organisations, "own" (the
// provider callers' organisation) and "other" (someone else's), each with people, a service with an approved return
// and a query on it, a second service with a submitted return, a notification, a contact and a real API token; an
// initiative both first services fund; OPCC staff.
//
// Every row of "other" is remembered as a MARKER (ids, names, e-mail addresses, references, distinctive amounts):
// nothing a provider caller of "own" is answered may contain one. Rows made later for one call (fresh services,
// returns, users, tokens...: mutations need rows they can archive, approve or revoke) register their markers too.
//
// Amounts are chosen so that a sum over both organisations is recognisable as well:
//   service funding FY:       own 10000.00, other 88888.88  (a sum over both: 98888.88)
//   initiative funding FY:    own  1111.11, other  2222.22  (a sum over both:  3333.33)
import { randomBytes } from 'node:crypto';
import { Prisma, type ReturnStatus, type ServiceStatus } from '../../prisma/client';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { generateToken } from '../../graphql/auth/tokens';
import { execute } from './api';
import { createOrganisation, createUser, viewerFor } from './factories';
import { defaultTemplate, lockedPeriod, openPeriod } from './return-factories';
import { createService } from './service-factories';

const hex = () => randomBytes(4).toString('hex');

export const OWN_SERVICE_FUNDING = '10000.00';
export const OTHER_SERVICE_FUNDING = '88888.88';
export const OWN_INITIATIVE_FUNDING = '1111.11';
export const OTHER_INITIATIVE_FUNDING = '2222.22';

/** One provider organisation and its rows. */
export interface OrgSet {
  key: 'own' | 'other';
  organisationId: string;
  /** A signed-in PROVIDER user of the organisation. */
  provider: Viewer;
  /** `Authorization: Bearer` headers of an active API token of the organisation. */
  bearer: { authorization: string };
  tokenId: string;
  serviceId: string;
  /** APPROVED (so the Commissioner may read it too), in the open period, with a query raised by an officer. */
  approvedReturnId: string;
  /** SUBMITTED, waiting for review (not for the Commissioner: figures that have not been reviewed), on a second service. */
  submittedReturnId: string;
  queryId: string;
  /** The QUERY_RAISED notification of `provider`. */
  notificationId: string;
  /** Strings that identify the organisation's rows (ids, names, e-mails, references, amounts). */
  markers: Set<string>;
  /** The ids and e-mail addresses of its people (their accounts: not for API tokens, not even its own). */
  people: Set<string>;
}

export interface MatrixFixture {
  own: OrgSet;
  other: OrgSet;
  opccId: string;
  admin: Viewer;
  officer: Viewer;
  commissioner: Viewer;
  /** Funded by the services of both organisations. */
  initiativeId: string;
  /** The first period that is not locked (returns are saved in it) and the latest locked one. */
  openPeriodId: string;
  lockedPeriodId: string;
  financialYear: number;
  /**
   * Other strings no provider may be answered: sums over both organisations, and the OPCC's own rows (its id, its
   * staff's ids and e-mail addresses; officers' names are shown to providers on purpose: who raised a query, who
   * reviewed a return).
   */
  notForProviders: string[];
  fresh: Fresh;
}

const RAISE = `mutation ($input: RaiseReturnQueryInput!) { raiseReturnQuery(input: $input) {
  __typename ... on MutationRaiseReturnQuerySuccess { data { id } } ... on Error { message } } }`;

function remember(set: { markers: Set<string> }, ...values: (string | null | undefined)[]) {
  for (const value of values) if (value) set.markers.add(value);
}

async function rememberUser(set: { markers: Set<string>; people: Set<string> }, userId: string) {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  remember(set, user.id, user.email, user.name);
  set.people.add(user.id).add(user.email);
}

/** A real API token of the organisation, issued by a new provider user of it. */
async function issueToken(set: OrgSet) {
  const issuer = await createUser({ role: 'PROVIDER', organisationId: set.organisationId });
  await rememberUser(set, issuer.id);
  const { token, hash, prefix } = generateToken();
  const row = await getPrisma().apiToken.create({
    data: { organisationId: set.organisationId, name: `Matrix case system ${hex()}`, tokenHash: hash, prefix, createdById: issuer.id },
  });
  remember(set, row.id, row.prefix, row.name);
  return { token, id: row.id };
}

async function organisationSet(key: 'own' | 'other', officer: Viewer, periodId: string, financialYear: number, initiativeId: string) {
  const db = getPrisma();
  const organisation = await createOrganisation({ name: `Matrix ${key} provider ${hex()}` });
  const set = { key, organisationId: organisation.id, markers: new Set<string>(), people: new Set<string>() } as OrgSet;
  remember(set, organisation.id, organisation.name, organisation.slug);
  const contact = await db.organisationContact.create({
    data: { organisationId: organisation.id, name: `Matrix ${key} contact ${hex()}`, email: `contact-${hex()}@${key}.example`, isPrimary: true },
  });
  remember(set, contact.id, contact.name, contact.email);

  set.provider = await viewerFor('PROVIDER', organisation.id);
  await rememberUser(set, set.provider.userId!);

  const service = await createService({
    providerId: organisation.id,
    title: `Matrix ${key} service ${hex()}`,
    funding: { [financialYear]: key === 'own' ? OWN_SERVICE_FUNDING : OTHER_SERVICE_FUNDING },
    initiativeIds: [initiativeId],
  });
  await db.commissionedService.update({ where: { id: service.id }, data: { leadOfficerId: officer.userId } });
  await db.initiativeFunding.create({
    data: {
      serviceId: service.id,
      initiativeId,
      financialYear,
      amount: new Prisma.Decimal(key === 'own' ? OWN_INITIATIVE_FUNDING : OTHER_INITIATIVE_FUNDING),
    },
  });
  set.serviceId = service.id;
  remember(set, service.id, service.reference, service.title);
  if (key === 'other') remember(set, OTHER_SERVICE_FUNDING, OTHER_INITIATIVE_FUNDING);

  set.approvedReturnId = (await returnIn(set, service.id, periodId, 'APPROVED', officer)).id;
  const second = await createService({ providerId: organisation.id, title: `Matrix ${key} second service ${hex()}` });
  remember(set, second.id, second.reference, second.title);
  set.submittedReturnId = (await returnIn(set, second.id, periodId, 'SUBMITTED', officer)).id;

  // The officer's query notifies the organisation's provider users (only `provider` so far).
  const raised = await execute(RAISE, { input: { returnId: set.approvedReturnId, message: `Matrix question ${hex()}` } }, { viewer: officer });
  if (raised.data?.raiseReturnQuery?.__typename !== 'MutationRaiseReturnQuerySuccess') throw new Error(JSON.stringify(raised));
  set.queryId = raised.data.raiseReturnQuery.data.id;
  remember(set, set.queryId);
  const notification = await db.notification.findFirstOrThrow({ where: { userId: set.provider.userId!, returnId: set.approvedReturnId } });
  set.notificationId = notification.id;
  remember(set, notification.id, notification.subject);

  const token = await issueToken(set);
  set.bearer = { authorization: `Bearer ${token.token}` };
  set.tokenId = token.id;
  return set;
}

/** A return made directly, in a status; past IN_PROGRESS it was submitted by the organisation's provider user. */
async function returnIn(set: OrgSet, serviceId: string, periodId: string, status: ReturnStatus, officer: Viewer) {
  const template = await defaultTemplate();
  const measure = await getPrisma().measure.findUniqueOrThrow({ where: { code: 'REF_RECEIVED' }, select: { id: true } });
  const submitted = !['NOT_STARTED', 'IN_PROGRESS'].includes(status);
  const reviewed = ['APPROVED', 'RETURNED', 'REOPENED'].includes(status);
  const created = await getPrisma().performanceReturn.create({
    data: {
      serviceId,
      periodId,
      templateId: template.id,
      status,
      submittedAt: submitted ? new Date() : null,
      submittedById: submitted ? set.provider.userId : null,
      declarationName: submitted ? 'Matrix Declarer' : null,
      reviewedAt: reviewed ? new Date() : null,
      reviewedById: reviewed ? officer.userId : null,
      returnedReason: status === 'RETURNED' ? 'Please check.' : null,
      values: { create: [{ measureId: measure.id, breakdownKey: '', numericValue: new Prisma.Decimal(12) }] },
    },
  });
  remember(set, created.id);
  return created;
}

export async function createMatrixFixture(): Promise<MatrixFixture> {
  const db = getPrisma();
  const opcc = await createOrganisation({ kind: 'OPCC', name: `Matrix OPCC ${hex()}` });
  const [admin, officer, commissioner] = [
    await viewerFor('ADMIN', opcc.id),
    await viewerFor('POLICY_OFFICER', opcc.id),
    await viewerFor('COMMISSIONER', opcc.id),
  ];
  const staff = await db.user.findMany({ where: { organisationId: opcc.id }, select: { id: true, email: true } });
  const open = await openPeriod();
  const locked = await lockedPeriod();
  const initiative = await db.initiative.create({
    data: { name: `Matrix initiative ${hex()}`, description: 'Funded by both providers of the access matrix.', status: 'ACTIVE' },
  });
  const own = await organisationSet('own', officer, open.id, open.financialYear, initiative.id);
  const other = await organisationSet('other', officer, open.id, open.financialYear, initiative.id);
  const sum = (a: string, b: string) => new Prisma.Decimal(a).add(b).toFixed(2);
  const fixture: MatrixFixture = {
    own,
    other,
    opccId: opcc.id,
    admin,
    officer,
    commissioner,
    initiativeId: initiative.id,
    openPeriodId: open.id,
    lockedPeriodId: locked.id,
    financialYear: open.financialYear,
    notForProviders: [
      sum(OWN_SERVICE_FUNDING, OTHER_SERVICE_FUNDING),
      sum(OWN_INITIATIVE_FUNDING, OTHER_INITIATIVE_FUNDING),
      opcc.id,
      opcc.slug,
      ...staff.flatMap((user) => [user.id, user.email]),
    ],
    fresh: undefined as unknown as Fresh,
  };
  fixture.fresh = new Fresh(fixture);
  return fixture;
}

/**
 * Rows made for one call of a mutation (so that archiving, approving or revoking one leaves the fixture as it was),
 * each remembered among its organisation's markers.
 */
export class Fresh {
  constructor(private readonly fixture: MatrixFixture) {}

  async service(set: OrgSet, options: { status?: ServiceStatus; funding?: string; initiative?: boolean } = {}) {
    const service = await createService({
      providerId: set.organisationId,
      title: `Matrix ${set.key} service ${hex()}`,
      status: options.status ?? 'ACTIVE',
      funding: options.funding ? { [this.fixture.financialYear]: options.funding } : {},
      initiativeIds: options.initiative ? [this.fixture.initiativeId] : [],
    });
    remember(set, service.id, service.reference, service.title);
    return service;
  }

  /** A return of a new service of the organisation, in the open period. */
  async return(set: OrgSet, status: ReturnStatus) {
    const service = await this.service(set);
    return returnIn(set, service.id, this.fixture.openPeriodId, status, this.fixture.officer);
  }

  /** An OPEN query on a new approved return of the organisation. */
  async query(set: OrgSet) {
    const ret = await this.return(set, 'APPROVED');
    const officerId = this.fixture.officer.userId!;
    const query = await getPrisma().returnQuery.create({
      data: { returnId: ret.id, raisedById: officerId, messages: { create: { authorId: officerId, body: `Matrix question ${hex()}` } } },
    });
    remember(set, query.id);
    return query;
  }

  async user(set: OrgSet, options: { deactivated?: boolean } = {}) {
    const user = await createUser({ role: 'PROVIDER', organisationId: set.organisationId });
    if (options.deactivated) await getPrisma().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await rememberUser(set, user.id);
    return user;
  }

  async token(set: OrgSet) {
    return issueToken(set);
  }

  /** An unread notification of the organisation's provider user (or of another of its people). */
  async notification(set: OrgSet, userId = set.provider.userId!) {
    const row = await getPrisma().notification.create({
      data: {
        userId,
        kind: 'MATRIX',
        subject: `Matrix notice ${hex()}`,
        body: 'For the access matrix.',
        dedupeKey: `matrix:${hex()}${hex()}`,
      },
    });
    remember(set, row.id, row.subject);
    return row;
  }

  async initiative() {
    return getPrisma().initiative.create({
      data: { name: `Matrix initiative ${hex()}`, description: 'Made for one call of the access matrix.', status: 'ACTIVE' },
    });
  }

  /** A provider organisation of no one in the fixture (for OPCC staff to change or archive). */
  async organisation() {
    return createOrganisation({ name: `Matrix spare provider ${hex()}` });
  }
}

/** Unique text for names, references and e-mail addresses in inputs. */
export const uniqueText = hex;
