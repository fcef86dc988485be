// The portfolio API: commissioned services, their funding and initiatives; who may do what; bad input answered
// clearly; version conflicts; funding rules; the activity history; the CSV export.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { toCsv } from '../../graphql/domain/csv';
import { codes, execute } from '../helpers/api';
import { createOrganisation, viewerFor } from '../helpers/factories';
import { createService, reference, uniqueReference } from '../helpers/service-factories';
import { servicesCsv } from '../../app/routes/services[.]csv/csv';

let admin: Viewer;
let officer: Viewer;
let commissioner: Viewer;
let ownProvider: Viewer;
let otherProvider: Viewer;
let providerA: string;
let providerB: string;
let ref: Awaited<ReturnType<typeof reference>>;

beforeAll(async () => {
  providerA = (await createOrganisation()).id;
  providerB = (await createOrganisation()).id;
  admin = await viewerFor('ADMIN');
  officer = await viewerFor('POLICY_OFFICER');
  commissioner = await viewerFor('COMMISSIONER');
  ownProvider = await viewerFor('PROVIDER', providerA);
  otherProvider = await viewerFor('PROVIDER', providerB);
  ref = await reference();
});

const SERVICE_FIELDS = `id reference title status startDate endDate annualValue totalValue version archived riskRating riskReason
  cohortMinAge cohortMaxAge provider { id name } priorityIssues { code } harmTypes { name } forums { name } areas { name }
  funding { financialYear label source amount } fundingByYear { label amount } initiatives { initiative { id name } funding { label amount } }
  statusHistory { from to reason newEndDate changedBy }`;

const CREATE = `mutation ($input: CreateCommissionedServiceInput!) {
  createCommissionedService(input: $input) {
    __typename
    ... on MutationCreateCommissionedServiceSuccess { data { ${SERVICE_FIELDS} } }
    ... on ReferenceTaken { message reference }
  }
}`;

const UPDATE = `mutation ($input: UpdateCommissionedServiceInput!) {
  updateCommissionedService(input: $input) {
    __typename
    ... on MutationUpdateCommissionedServiceSuccess { data { ${SERVICE_FIELDS} } }
    ... on VersionConflict { message currentVersion }
    ... on ReferenceTaken { message }
    ... on InvalidTransition { message }
  }
}`;

function createInput(overrides: Record<string, unknown> = {}) {
  return {
    reference: uniqueReference(),
    title: 'Online safety for families',
    description: 'Sessions for parents and carers.',
    providerId: providerA,
    status: 'PLANNED',
    startDate: '2026-04-01',
    endDate: '2028-03-31',
    annualValue: '85000',
    totalValue: '170000.50',
    cohortMinAge: 10,
    cohortMaxAge: 17,
    areaIds: [ref.areas[0]!.id],
    priorityIssueCodes: ['PI-ONLINE', 'PI-EDUCATION'],
    harmTypeIds: [ref.harms[0]!.id],
    forumIds: [ref.forums[0]!.id],
    riskRating: 'GREEN',
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, viewer: Viewer = officer) {
  const response = await execute(CREATE, { input: createInput(overrides) }, { viewer });
  return response;
}

function updateInputOf(service: any, overrides: Record<string, unknown> = {}) {
  return {
    id: service.id,
    reference: service.reference,
    title: service.title,
    description: null,
    providerId: service.provider.id,
    startDate: service.startDate,
    endDate: service.endDate,
    annualValue: service.annualValue,
    totalValue: service.totalValue,
    cohortMinAge: service.cohortMinAge,
    cohortMaxAge: service.cohortMaxAge,
    areaIds: [ref.areas[0]!.id],
    priorityIssueCodes: service.priorityIssues.map((issue: { code: string }) => issue.code),
    harmTypeIds: [],
    forumIds: [],
    riskRating: service.riskRating,
    riskReason: service.riskReason,
    expectedVersion: service.version,
    ...overrides,
  };
}

describe('createCommissionedService', () => {
  it('lets a policy officer and an admin create a service, with its links and a first status history row', async () => {
    for (const viewer of [officer, admin]) {
      const response = await create({}, viewer);
      expect(response.errors).toBeUndefined();
      const result = response.data.createCommissionedService;
      expect(result.__typename).toBe('MutationCreateCommissionedServiceSuccess');
      const service = result.data;
      expect(service.annualValue).toBe('85000.00');
      expect(service.totalValue).toBe('170000.50');
      expect(service.status).toBe('PLANNED');
      expect(service.priorityIssues.map((i: { code: string }) => i.code).sort()).toEqual(['PI-EDUCATION', 'PI-ONLINE']);
      expect(service.areas).toHaveLength(1);
      expect(service.statusHistory).toEqual([
        expect.objectContaining({ from: null, to: 'PLANNED', changedBy: expect.any(String) }),
      ]);
    }
  });

  it.each([
    ['COMMISSIONER', () => commissioner, 'FORBIDDEN'],
    ['PROVIDER', () => ownProvider, 'FORBIDDEN'],
    ['anonymous', () => null, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, viewer, code) => {
    const input = createInput();
    const response = await execute(CREATE, { input }, { viewer: viewer() });
    expect(codes(response)).toEqual([code]);
    expect(await getPrisma().commissionedService.count({ where: { reference: input.reference } })).toBe(0);
  });

  it('answers ReferenceTaken for a duplicate reference, naming it, and saves nothing', async () => {
    const first = await create();
    const reference = first.data.createCommissionedService.data.reference;
    const before = await getPrisma().commissionedService.count();
    const second = await create({ reference });
    expect(second.errors).toBeUndefined();
    expect(second.data.createCommissionedService).toEqual({
      __typename: 'ReferenceTaken',
      reference,
      message: expect.stringContaining(reference),
    });
    expect(await getPrisma().commissionedService.count()).toBe(before);
  });

  it.each([
    [{ annualValue: '-5' }, /Enter an amount in pounds/],
    [{ annualValue: 'lots' }, /Enter an amount in pounds/],
    [{ totalValue: '100.123' }, /no more than 2 decimal places/],
    [{ endDate: '2026-03-31' }, /End date must be the same as or after the start date/],
    [{ title: '' }, /Enter a title/],
    [{ title: 'x'.repeat(10_000) }, /Title must be 200 characters or fewer/],
    [{ description: 'x'.repeat(10_000) }, /Description must be 5,000 characters or fewer/],
    [{ reference: 'bad ref' }, /Reference must be 3 to 40 capital letters/],
    [{ priorityIssueCodes: [] }, /Choose at least one priority issue/],
    [{ priorityIssueCodes: ['PI-NOPE'] }, /There is no priority issue PI-NOPE/],
    [{ providerId: '00000000-0000-4000-8000-000000000000' }, /Choose a provider from the list/],
    [{ areaIds: ['00000000-0000-4000-8000-000000000000'] }, /Choose areas from the list/],
    [{ cohortMinAge: 18, cohortMaxAge: 10 }, /Oldest age must be the same as or more than the youngest age/],
    [{ cohortMinAge: 130 }, /120 or less/],
    [{ riskRating: 'RED', riskReason: '' }, /Enter the reason for an amber or red risk rating/],
    [{ status: 'ENDED' }, /Choose whether the service is planned or active/],
  ])('answers BAD_USER_INPUT for %j', async (overrides, message) => {
    const response = await create(overrides);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(message);
  });

  it('refuses an OPCC organisation as provider', async () => {
    const response = await create({ providerId: officer.organisationId });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!.field).toBe('input.providerId');
  });

  it('answers a mutation that selects only __typename', async () => {
    const response = await execute(
      'mutation ($input: CreateCommissionedServiceInput!) { createCommissionedService(input: $input) { __typename } }',
      { input: createInput() },
      { viewer: officer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.createCommissionedService.__typename).toBe('MutationCreateCommissionedServiceSuccess');
  });

  it('stores HTML as text', async () => {
    const response = await create({ title: '<script>alert(1)</script>' });
    expect(response.data.createCommissionedService.data.title).toBe('<script>alert(1)</script>');
  });
});

describe('reading services', () => {
  let mine: { id: string; reference: string };
  let theirs: { id: string; reference: string };
  let initiativeId: string;

  beforeAll(async () => {
    initiativeId = ref.initiatives[0]!.id;
    mine = await createService({ providerId: providerA, funding: { 2026: '50000' }, initiativeIds: [initiativeId], priorityIssueCodes: ['PI-TRAFFICKING'] });
    theirs = await createService({ providerId: providerB, funding: { 2026: '70000' }, initiativeIds: [initiativeId], priorityIssueCodes: ['PI-TRAFFICKING'] });
  });

  it('OPCC staff see every service', async () => {
    for (const viewer of [admin, officer, commissioner]) {
      const response = await execute('{ services(pageSize: 100) { nodes { id } totalCount } }', {}, { viewer });
      expect(response.errors).toBeUndefined();
      const ids = response.data.services.nodes.map((n: { id: string }) => n.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    }
  });

  it('a provider sees only its own services, by every path', async () => {
    const list = await execute('{ services(pageSize: 100) { nodes { id provider { id } } totalCount totalAnnualValue } }', {}, { viewer: ownProvider });
    expect(list.errors).toBeUndefined();
    expect(list.data.services.nodes.every((n: { provider: { id: string } }) => n.provider.id === providerA)).toBe(true);
    expect(list.data.services.nodes.map((n: { id: string }) => n.id)).toContain(mine.id);

    const one = await execute('query ($id: ID!) { service(id: $id) { id } }', { id: theirs.id }, { viewer: ownProvider });
    expect(one.data.service).toBeNull();
    const own = await execute('query ($id: ID!) { service(id: $id) { id } }', { id: mine.id }, { viewer: ownProvider });
    expect(own.data.service.id).toBe(mine.id);

    const viaInitiative = await execute(
      'query ($id: ID!) { initiative(id: $id) { services { id provider { name } annualValue } } }',
      { id: initiativeId },
      { viewer: ownProvider },
    );
    expect(viaInitiative.errors).toBeUndefined();
    expect(viaInitiative.data.initiative.services.map((s: { id: string }) => s.id)).toEqual([mine.id]);

    const viaList = await execute('{ initiatives { services { id provider { name } } } }', {}, { viewer: ownProvider });
    expect(viaList.errors).toBeUndefined();
    const seen = viaList.data.initiatives.flatMap((i: { services: { id: string }[] }) => i.services.map((s) => s.id));
    expect(seen).not.toContain(theirs.id);

    const viaIssue = await execute('{ priorityIssue(code: "PI-TRAFFICKING") { services { id } investment { label amount } } }', {}, { viewer: ownProvider });
    expect(viaIssue.data.priorityIssue.services.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect(viaIssue.data.priorityIssue.investment).toEqual([{ label: '2026/27', amount: '50000.00' }]);

    const viaIssues = await execute('{ priorityIssues { services { id } } }', {}, { viewer: ownProvider });
    expect(viaIssues.data.priorityIssues.flatMap((i: { services: { id: string }[] }) => i.services.map((s) => s.id))).not.toContain(theirs.id);

    const viaOrganisation = await execute('{ organisations { id services { id } } }', {}, { viewer: ownProvider });
    expect(viaOrganisation.errors).toBeUndefined();
    expect(viaOrganisation.data.organisations).toEqual([{ id: providerA, services: expect.arrayContaining([{ id: mine.id }]) }]);
  });

  it('the other provider cannot see the first one either', async () => {
    const one = await execute('query ($id: ID!) { service(id: $id) { id } }', { id: mine.id }, { viewer: otherProvider });
    expect(one.data.service).toBeNull();
  });

  it('a provider does not see the activity of its own service (OPCC only)', async () => {
    const response = await execute('query ($id: ID!) { service(id: $id) { id activity { actor } } }', { id: mine.id }, { viewer: ownProvider });
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('anonymous callers are refused', async () => {
    expect(codes(await execute('{ services { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await execute('query ($id: ID!) { service(id: $id) { id } }', { id: mine.id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('OPCC staff see investment per year for an issue', async () => {
    const response = await execute('{ priorityIssue(code: "PI-TRAFFICKING") { investment { label amount } } }', {}, { viewer: commissioner });
    expect(response.data.priorityIssue.investment).toEqual([{ label: '2026/27', amount: '120000.00' }]);
  });
});

describe('the portfolio filters, sorting, totals and paging', () => {
  let provider: string;
  beforeAll(async () => {
    provider = (await createOrganisation()).id;
    await createService({ providerId: provider, reference: 'FILTER-AAA-1', title: 'Alpha outreach', annualValue: '1000.10', status: 'ACTIVE', endDate: '2099-01-01' });
    await createService({ providerId: provider, reference: 'FILTER-BBB-2', title: 'Beta therapy', annualValue: '2000.20', status: 'PLANNED', priorityIssueCodes: ['PI-THERAPEUTIC'] });
    await createService({ providerId: provider, reference: 'FILTER-CCC-3', title: 'Gamma archived', annualValue: '5000', archived: true });
  });

  const query = `query ($filter: ServiceFilter, $orderBy: ServiceOrder, $page: Int, $pageSize: Int) {
    services(filter: $filter, orderBy: $orderBy, page: $page, pageSize: $pageSize) {
      nodes { reference } totalCount totalAnnualValue page pageSize pageCount
    }
  }`;

  it('filters by provider, totals everything matching (not just the page), pages and sorts', async () => {
    const response = await execute(query, { filter: { providerId: provider }, orderBy: { field: 'ANNUAL_VALUE', direction: 'DESC' }, pageSize: 1 }, { viewer: officer });
    expect(response.errors).toBeUndefined();
    expect(response.data.services).toEqual({
      nodes: [{ reference: 'FILTER-BBB-2' }],
      totalCount: 2,
      totalAnnualValue: '3000.30',
      page: 1,
      pageSize: 1,
      pageCount: 2,
    });
    const page2 = await execute(query, { filter: { providerId: provider }, orderBy: { field: 'ANNUAL_VALUE', direction: 'DESC' }, page: 2, pageSize: 1 }, { viewer: officer });
    expect(page2.data.services.nodes).toEqual([{ reference: 'FILTER-AAA-1' }]);
  });

  it('includes archived services only when asked', async () => {
    const response = await execute(query, { filter: { providerId: provider, includeArchived: true } }, { viewer: officer });
    expect(response.data.services.totalCount).toBe(3);
  });

  it('filters by status, priority issue and search (any case)', async () => {
    const byStatus = await execute(query, { filter: { providerId: provider, statuses: ['PLANNED'] } }, { viewer: officer });
    expect(byStatus.data.services.nodes).toEqual([{ reference: 'FILTER-BBB-2' }]);
    const byIssue = await execute(query, { filter: { providerId: provider, priorityIssueCodes: ['PI-THERAPEUTIC'] } }, { viewer: officer });
    expect(byIssue.data.services.nodes).toEqual([{ reference: 'FILTER-BBB-2' }]);
    const bySearch = await execute(query, { filter: { search: 'alpha OUT' } }, { viewer: officer });
    expect(bySearch.data.services.nodes).toEqual([{ reference: 'FILTER-AAA-1' }]);
    const byRef = await execute(query, { filter: { search: 'filter-ccc' , includeArchived: true } }, { viewer: officer });
    expect(byRef.data.services.nodes).toEqual([{ reference: 'FILTER-CCC-3' }]);
  });

  it('filters contracts ending within N months', async () => {
    const soon = await createService({ providerId: provider, status: 'ACTIVE', startDate: '2020-01-01', endDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) });
    const response = await execute(query, { filter: { providerId: provider, endsWithinMonths: 3 } }, { viewer: officer });
    expect(response.data.services.nodes).toEqual([{ reference: soon.reference }]);
  });

  it.each([
    [{ filter: { priorityIssueCodes: ['PI-NOPE'] } }, 'filter.priorityIssueCodes'],
    [{ filter: { providerId: '00000000-0000-4000-8000-000000000000' } }, 'filter.providerId'],
    [{ filter: { initiativeId: 'nope' } }, 'filter.initiativeId'],
    [{ filter: { areaId: '00000000-0000-4000-8000-000000000000' } }, 'filter.areaId'],
    [{ filter: { endsWithinMonths: 61 } }, 'filter.endsWithinMonths'],
    [{ pageSize: 101 }, 'pageSize'],
    [{ page: 0 }, 'page'],
  ])('answers BAD_USER_INPUT naming the field for %j', async (variables, field) => {
    const response = await execute(query, variables, { viewer: officer });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!.field).toBe(field);
  });
});

describe('updateCommissionedService', () => {
  it('updates, bumps the version and records before -> after in the activity', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const response = await execute(UPDATE, { input: updateInputOf(created, { title: 'Renamed service', annualValue: '90000' }) }, { viewer: officer });
    expect(response.errors).toBeUndefined();
    const updated = response.data.updateCommissionedService.data;
    expect(updated.title).toBe('Renamed service');
    expect(updated.version).toBe(created.version + 1);

    const activity = await execute('query ($id: ID!) { service(id: $id) { activity { actor action table changes { field before after } } } }', { id: created.id }, { viewer: commissioner });
    expect(activity.errors).toBeUndefined();
    const update = activity.data.service.activity.find((e: { table: string; action: string }) => e.table === 'commissioned_service' && e.action === 'UPDATE');
    expect(update.actor).toBe(officer.label);
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: 'Online safety for families', after: 'Renamed service' },
        { field: 'annual_value', before: '85000', after: '90000' },
      ]),
    );
    expect(update.changes.map((c: { field: string }) => c.field)).not.toContain('version');
    // Link rows removed by the update show up too.
    expect(activity.data.service.activity.some((e: { table: string; action: string }) => e.table === 'service_harm_type' && e.action === 'DELETE')).toBe(true);
  });

  it('answers VersionConflict for a stale version and overwrites nothing', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const first = await execute(UPDATE, { input: updateInputOf(created, { title: 'First edit' }) }, { viewer: officer });
    expect(first.data.updateCommissionedService.__typename).toBe('MutationUpdateCommissionedServiceSuccess');
    const stale = await execute(UPDATE, { input: updateInputOf(created, { title: 'Second edit' }) }, { viewer: admin });
    expect(stale.data.updateCommissionedService).toEqual({
      __typename: 'VersionConflict',
      message: expect.stringContaining('changed by someone else'),
      currentVersion: created.version + 1,
    });
    const row = await getPrisma().commissionedService.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.title).toBe('First edit');
  });

  it('answers ReferenceTaken when changing to another service\'s reference', async () => {
    const a = (await create()).data.createCommissionedService.data;
    const b = (await create()).data.createCommissionedService.data;
    const response = await execute(UPDATE, { input: updateInputOf(b, { reference: a.reference }) }, { viewer: officer });
    expect(response.data.updateCommissionedService.__typename).toBe('ReferenceTaken');
  });

  it('is refused to the commissioner and providers', async () => {
    const created = (await create()).data.createCommissionedService.data;
    for (const viewer of [commissioner, ownProvider, otherProvider]) {
      const response = await execute(UPDATE, { input: updateInputOf(created, { title: 'Nope' }) }, { viewer });
      expect(codes(response)).toEqual(['FORBIDDEN']);
    }
  });
});

const STATUS = `
  mutation Activate($a: ActivateCommissionedServiceInput!) { activateCommissionedService(input: $a) { __typename ... on MutationActivateCommissionedServiceSuccess { data { status version endDate statusHistory { from to reason newEndDate } } } ... on Error { message } } }
  mutation Extend($e: ExtendCommissionedServiceInput!) { extendCommissionedService(input: $e) { __typename ... on MutationExtendCommissionedServiceSuccess { data { status version endDate } } ... on Error { message } } }
  mutation End($n: EndCommissionedServiceInput!) { endCommissionedService(input: $n) { __typename ... on MutationEndCommissionedServiceSuccess { data { status version endDate } } ... on Error { message } } }
  mutation Archive($r: ArchiveCommissionedServiceInput!) { archiveCommissionedService(input: $r) { __typename ... on MutationArchiveCommissionedServiceSuccess { data { archived version } } ... on Error { message } } }
`;

async function run(operationName: string, variables: Record<string, unknown>, viewer: Viewer | null = officer) {
  const response = await fetchOp(operationName, variables, viewer);
  return response;
}

async function fetchOp(operationName: string, variables: Record<string, unknown>, viewer: Viewer | null) {
  const { yoga } = await import('../../graphql/yoga');
  const res = await yoga.fetch(
    'http://portal.test/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: STATUS, variables, operationName }) },
    { viewer, source: viewer ? 'in-process' : 'anonymous' },
  );
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('status changes', () => {
  it('activates, extends, ends and archives, writing the status history', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const activated = await run('Activate', { a: { id: created.id, expectedVersion: created.version } });
    expect(activated.data.activateCommissionedService.data.status).toBe('ACTIVE');
    const v2 = activated.data.activateCommissionedService.data.version;

    const tooEarly = await run('Extend', { e: { id: created.id, newEndDate: '2028-03-01', reason: 'More work', expectedVersion: v2 } });
    expect(tooEarly.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(tooEarly.errors![0]!.message).toMatch(/after the current end date/);

    const noReason = await run('Extend', { e: { id: created.id, newEndDate: '2029-03-31', reason: ' ', expectedVersion: v2 } });
    expect(noReason.errors![0]!.message).toBe('Enter a reason');

    const extended = await run('Extend', { e: { id: created.id, newEndDate: '2029-03-31', reason: 'Good results', expectedVersion: v2 } });
    expect(extended.data.extendCommissionedService.data).toEqual({ status: 'EXTENDED', version: v2 + 1, endDate: '2029-03-31' });

    const stale = await run('End', { n: { id: created.id, endDate: '2028-12-31', reason: 'Funding cut', expectedVersion: v2 } });
    expect(stale.data.endCommissionedService.__typename).toBe('VersionConflict');

    const ended = await run('End', { n: { id: created.id, endDate: '2028-12-31', reason: 'Funding cut', expectedVersion: v2 + 1 } });
    expect(ended.data.endCommissionedService.data).toEqual({ status: 'ENDED', version: v2 + 2, endDate: '2028-12-31' });

    const again = await run('Activate', { a: { id: created.id, expectedVersion: v2 + 2 } });
    expect(again.data.activateCommissionedService.__typename).toBe('InvalidTransition');
    expect(again.data.activateCommissionedService.message).toMatch(/only a planned service can be activated/);

    const archived = await run('Archive', { r: { id: created.id, expectedVersion: v2 + 2 } });
    expect(archived.data.archiveCommissionedService.data.archived).toBe(true);
    expect(await getPrisma().commissionedService.count({ where: { id: created.id } })).toBe(1);

    const history = await getPrisma().serviceStatusChange.findMany({ where: { serviceId: created.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'PLANNED'],
      ['PLANNED', 'ACTIVE'],
      ['ACTIVE', 'EXTENDED'],
      ['EXTENDED', 'ENDED'],
    ]);
    expect(history.every((h) => h.changedById === officer.userId)).toBe(true);
  });

  it('refuses to extend a planned service with InvalidTransition saying what is allowed', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const response = await run('Extend', { e: { id: created.id, newEndDate: '2030-01-01', reason: 'x', expectedVersion: created.version } });
    expect(response.data.extendCommissionedService).toEqual({
      __typename: 'InvalidTransition',
      message: expect.stringMatching(/only an active or extended service can be extended/),
    });
  });

  it.each([
    ['COMMISSIONER', () => commissioner, 'FORBIDDEN'],
    ['PROVIDER', () => ownProvider, 'FORBIDDEN'],
    ['anonymous', () => null, 'UNAUTHENTICATED'],
  ])('refuses %s every status change', async (_name, viewer, code) => {
    const created = (await create()).data.createCommissionedService.data;
    for (const [op, vars] of [
      ['Activate', { a: { id: created.id, expectedVersion: 1 } }],
      ['Extend', { e: { id: created.id, newEndDate: '2030-01-01', reason: 'x', expectedVersion: 1 } }],
      ['End', { n: { id: created.id, endDate: '2027-01-01', reason: 'x', expectedVersion: 1 } }],
      ['Archive', { r: { id: created.id, expectedVersion: 1 } }],
    ] as const) {
      const response = await run(op, vars, viewer());
      expect(response.errors?.map((e) => e.extensions?.code), op).toEqual([code]);
    }
  });
});

const SET_FUNDING = `mutation ($input: SetServiceFundingInput!) {
  setServiceFunding(input: $input) {
    __typename
    ... on MutationSetServiceFundingSuccess { data { version funding { label source amount } fundingByYear { label amount } } }
    ... on Error { message }
  }
}`;
const LINK = `mutation ($input: ServiceInitiativeInput!) { linkServiceInitiative(input: $input) { __typename ... on MutationLinkServiceInitiativeSuccess { data { initiatives { initiative { id } } } } ... on Error { message } } }`;
const UNLINK = `mutation ($input: ServiceInitiativeInput!) { unlinkServiceInitiative(input: $input) { __typename ... on MutationUnlinkServiceInitiativeSuccess { data { initiatives { initiative { id } } } } ... on Error { message } } }`;
const SET_INITIATIVE_FUNDING = `mutation ($input: SetInitiativeFundingInput!) {
  setInitiativeFunding(input: $input) {
    __typename
    ... on MutationSetInitiativeFundingSuccess { data { initiatives { initiative { id } funding { label amount } } } }
    ... on FundingExceeded { message financialYear serviceFunding initiativeFunding }
    ... on Error { message }
  }
}`;

describe('funding and initiatives', () => {
  it('sets a year of funding by source, bumping the version; a stale version conflicts', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const response = await execute(
      SET_FUNDING,
      { input: { serviceId: created.id, financialYear: 2026, expectedVersion: created.version, amounts: [{ source: 'PCC_CORE_GRANT', amount: '60000' }, { source: 'HOME_OFFICE', amount: '30000.50' }] } },
      { viewer: officer },
    );
    expect(response.errors).toBeUndefined();
    const data = response.data.setServiceFunding.data;
    expect(data.version).toBe(created.version + 1);
    expect(data.fundingByYear).toEqual([{ label: '2026/27', amount: '90000.50' }]);

    const stale = await execute(
      SET_FUNDING,
      { input: { serviceId: created.id, financialYear: 2026, expectedVersion: created.version, amounts: [] } },
      { viewer: officer },
    );
    expect(stale.data.setServiceFunding.__typename).toBe('VersionConflict');
    expect(await getPrisma().serviceFunding.count({ where: { serviceId: created.id } })).toBe(2);

    const negative = await execute(
      SET_FUNDING,
      { input: { serviceId: created.id, financialYear: 2026, expectedVersion: data.version, amounts: [{ source: 'OTHER', amount: '-1' }] } },
      { viewer: officer },
    );
    expect(codes(negative)).toEqual(['BAD_USER_INPUT']);
  });

  it('FundingExceeded: initiatives cannot get more than the service, and the service cannot drop below its initiatives', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const initiativeA = ref.initiatives[0]!.id;
    const initiativeB = ref.initiatives[1]!.id;
    const funded = await execute(
      SET_FUNDING,
      { input: { serviceId: created.id, financialYear: 2026, expectedVersion: created.version, amounts: [{ source: 'PCC_CORE_GRANT', amount: '90000' }] } },
      { viewer: officer },
    );
    const version = funded.data.setServiceFunding.data.version;
    for (const initiativeId of [initiativeA, initiativeB]) {
      const linked = await execute(LINK, { input: { serviceId: created.id, initiativeId } }, { viewer: officer });
      expect(linked.errors).toBeUndefined();
    }
    const first = await execute(SET_INITIATIVE_FUNDING, { input: { serviceId: created.id, initiativeId: initiativeA, financialYear: 2026, amount: '60000' } }, { viewer: officer });
    expect(first.data.setInitiativeFunding.__typename).toBe('MutationSetInitiativeFundingSuccess');

    const tooMuch = await execute(SET_INITIATIVE_FUNDING, { input: { serviceId: created.id, initiativeId: initiativeB, financialYear: 2026, amount: '35000' } }, { viewer: officer });
    expect(tooMuch.data.setInitiativeFunding).toEqual({
      __typename: 'FundingExceeded',
      message: "Initiative funding for 2026/27 would be £95,000.00, more than the service's funding of £90,000.00",
      financialYear: 2026,
      serviceFunding: '90000.00',
      initiativeFunding: '95000.00',
    });
    expect(await getPrisma().initiativeFunding.count({ where: { serviceId: created.id, initiativeId: initiativeB } })).toBe(0);

    const reduce = await execute(
      SET_FUNDING,
      { input: { serviceId: created.id, financialYear: 2026, expectedVersion: version, amounts: [{ source: 'PCC_CORE_GRANT', amount: '50000' }] } },
      { viewer: officer },
    );
    expect(reduce.data.setServiceFunding.__typename).toBe('FundingExceeded');
    expect(reduce.data.setServiceFunding.message).toMatch(/£50,000.00.*£60,000.00/);
    const row = await getPrisma().serviceFunding.findFirstOrThrow({ where: { serviceId: created.id } });
    expect(row.amount.toFixed(2)).toBe('90000.00');

    const unlinked = await execute(UNLINK, { input: { serviceId: created.id, initiativeId: initiativeA } }, { viewer: officer });
    expect(unlinked.data.unlinkServiceInitiative.data.initiatives.map((i: { initiative: { id: string } }) => i.initiative.id)).toEqual([initiativeB]);
    expect(await getPrisma().initiativeFunding.count({ where: { serviceId: created.id } })).toBe(0);
  });

  it('refuses funding for an initiative that is not linked, and unknown initiatives', async () => {
    const created = (await create()).data.createCommissionedService.data;
    const notLinked = await execute(SET_INITIATIVE_FUNDING, { input: { serviceId: created.id, initiativeId: ref.initiatives[2]!.id, financialYear: 2026, amount: '1' } }, { viewer: officer });
    expect(codes(notLinked)).toEqual(['BAD_USER_INPUT']);
    const unknown = await execute(LINK, { input: { serviceId: created.id, initiativeId: '00000000-0000-4000-8000-000000000000' } }, { viewer: officer });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['COMMISSIONER', () => commissioner, 'FORBIDDEN'],
    ['PROVIDER', () => ownProvider, 'FORBIDDEN'],
    ['anonymous', () => null, 'UNAUTHENTICATED'],
  ])('refuses %s funding and initiative changes', async (_name, viewer, code) => {
    const service = await createService({ providerId: providerA });
    const initiativeId = ref.initiatives[0]!.id;
    for (const [query, input] of [
      [SET_FUNDING, { serviceId: service.id, financialYear: 2026, expectedVersion: 1, amounts: [] }],
      [LINK, { serviceId: service.id, initiativeId }],
      [UNLINK, { serviceId: service.id, initiativeId }],
      [SET_INITIATIVE_FUNDING, { serviceId: service.id, initiativeId, financialYear: 2026, amount: '1' }],
    ] as const) {
      expect(codes(await execute(query, { input }, { viewer: viewer() }))).toEqual([code]);
    }
  });
});

describe('the CSV export', () => {
  it('quotes commas, quotes and line breaks, starts with a BOM and writes money as plain numbers', () => {
    const csv = servicesCsv([
      {
        reference: 'OPCC-1',
        title: 'Say "hello", then\nleave',
        provider: { name: 'Harbour, Lights' },
        status: 'ACTIVE',
        startDate: '2026-04-01',
        endDate: '2027-03-31',
        annualValue: '85000.00',
        totalValue: '170000.00',
        riskRating: 'GREEN',
        priorityIssues: [{ code: 'PI-ONLINE' }, { code: 'PI-EDUCATION' }],
        areas: [{ name: 'Darlington' }],
        initiatives: [],
        fundingByYear: [],
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Reference,Title,Provider,Status,Start date,End date,Annual value,Total value,Risk,Priority issues,Areas,Initiatives,Funding by year');
    expect(lines[1]).toBe('OPCC-1,"Say ""hello"", then\nleave","Harbour, Lights",Active,2026-04-01,2027-03-31,85000.00,170000.00,Green,PI-ONLINE; PI-EDUCATION,Darlington,,');
    expect(toCsv(['a'], [['=SUM(A1)']])).toBe("\uFEFFa\r\n'=SUM(A1)\r\n");
  });
});
