// Organisations: who may read and change them, bad input answered clearly, optimistic concurrency, archiving.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../prisma/client';
import { getPrisma } from '../../graphql/db';
import { signIn } from '../../app/utils/auth.server';
import { codes, execute } from '../helpers/api';
import { createOrganisation, createUser, TEST_PASSWORD, viewerFor } from '../helpers/factories';
import { areas, createSessionRow, unique } from '../helpers/people-factories';
import { countStatements } from '../helpers/statements';

const CREATE = `mutation ($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    __typename
    ... on MutationCreateOrganisationSuccess { data { id kind name slug type registeredNumber email phone website address version
      areas { name } contacts { name jobTitle email phone isPrimary } } }
    ... on NameTaken { message }
  }
}`;

const UPDATE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) {
    __typename
    ... on MutationUpdateOrganisationSuccess { data { id name version email areas { name } contacts { name isPrimary } } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
    ... on NotAllowed { message }
    ... on NameTaken { message }
  }
}`;

const ARCHIVE = `mutation ($input: ArchiveOrganisationInput!) {
  archiveOrganisation(input: $input) {
    __typename
    ... on MutationArchiveOrganisationSuccess { data { id archived archivedAt version } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
    ... on NotAllowed { message }
  }
}`;

const validInput = (overrides: Record<string, unknown> = {}) => ({
  name: `Northern Lights Trust ${unique()}`,
  type: 'CHARITY',
  registeredNumber: '1234567',
  email: 'hello@northern-lights.example',
  phone: '0191 496 0123',
  website: 'https://northern-lights.example',
  address: '1 High Street\nDurham\nDH1 1AA',
  areaIds: [],
  contacts: [{ name: 'Sam Carter', jobTitle: 'Service manager', email: 'sam@northern-lights.example', phone: '0191 496 0456', isPrimary: true }],
  ...overrides,
});

async function create(viewerRole: Role = 'POLICY_OFFICER', overrides: Record<string, unknown> = {}) {
  const viewer = await viewerFor(viewerRole);
  const response = await execute(CREATE, { input: validInput(overrides) }, { viewer });
  return { viewer, response, organisation: response.data?.createOrganisation?.data };
}

describe('createOrganisation', () => {
  it.each(['ADMIN', 'POLICY_OFFICER'] as const)('is allowed to %s, makes a provider with its contacts and areas', async (role) => {
    const [durham] = await areas();
    const { response, organisation } = await create(role, { areaIds: [durham!.id] });
    expect(response.errors).toBeUndefined();
    expect(organisation).toMatchObject({
      kind: 'PROVIDER',
      type: 'CHARITY',
      registeredNumber: '1234567',
      email: 'hello@northern-lights.example',
      website: 'https://northern-lights.example',
      version: 1,
      areas: [{ name: 'County Durham' }],
      contacts: [{ name: 'Sam Carter', jobTitle: 'Service manager', isPrimary: true }],
    });
    expect(organisation.slug).toMatch(/^northern-lights-trust-[0-9a-f]{8}$/);
  });

  it.each(['COMMISSIONER', 'PROVIDER'] as const)('is refused to %s with FORBIDDEN, and nothing is written', async (role) => {
    const name = `Refused ${unique()}`;
    const viewer = await viewerFor(role);
    const response = await execute(CREATE, { input: validInput({ name }) }, { viewer });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await getPrisma().organisation.count({ where: { name } })).toBe(0);
  });

  it('is refused to anonymous callers with UNAUTHENTICATED', async () => {
    expect(codes(await execute(CREATE, { input: validInput() }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers NameTaken for a name already used (whatever its case), and a unique slug for a similar name', async () => {
    const { organisation, viewer } = await create();
    const again = await execute(CREATE, { input: validInput({ name: organisation.name.toUpperCase() }) }, { viewer });
    expect(again.data.createOrganisation).toEqual({
      __typename: 'NameTaken',
      message: `There is already an organisation called ${organisation.name}: enter a different name`,
    });
    const similar = await execute(CREATE, { input: validInput({ name: `${organisation.name}!` }) }, { viewer });
    expect(similar.data.createOrganisation.data.slug).toBe(`${organisation.slug}-2`);
  });

  it('stores HTML and script as plain text', async () => {
    const name = `<script>alert("x")</script> ${unique()}`;
    const { organisation } = await create('POLICY_OFFICER', { name, address: '<b>bold</b>' });
    expect(organisation.name).toBe(name);
    const row = await getPrisma().organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(row.name).toBe(name);
    expect(row.address).toBe('<b>bold</b>');
  });

  it.each([
    [{ name: 'x'.repeat(10_000) }, 'input.name', "The organisation's name must be 200 characters or fewer"],
    [{ name: '   ' }, 'input.name', "Enter the organisation's name"],
    [{ email: 'not-an-email' }, 'input.email', 'Enter an email address in the correct format, like name@example.org'],
    [{ website: 'javascript:alert(1)' }, 'input.website', 'Enter a website address starting with https://, like https://www.example.org'],
    [{ phone: 'call me' }, 'input.phone', 'Enter a telephone number, like 0191 496 0123 or +44 191 496 0123'],
    [{ address: 'a'.repeat(10_000) }, 'input.address', 'Address must be 500 characters or fewer'],
    [{ areaIds: ['nope'] }, 'input.areaIds.0', 'Choose an area from the list'],
    [{ contacts: [{ name: '' }] }, 'input.contacts.0.name', "Enter the contact's name"],
    [{ contacts: [{ name: 'A', email: 'a@' }] }, 'input.contacts.0.email', 'Enter an email address in the correct format, like name@example.org'],
    [
      { contacts: [{ name: 'A', isPrimary: true }, { name: 'B', isPrimary: true }] },
      'input.contacts',
      'Choose only one main contact',
    ],
  ])('refuses bad input %j with a clear message', async (overrides, field, message) => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const response = await execute(CREATE, { input: validInput(overrides) }, { viewer });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe(message);
    expect(response.errors![0]!.extensions!.field).toBe(field);
  });

  it('refuses an unknown area id (a well-formed one) and writes nothing', async () => {
    const name = `Unknown area ${unique()}`;
    const viewer = await viewerFor('ADMIN');
    const response = await execute(
      CREATE,
      { input: validInput({ name, areaIds: ['00000000-0000-4000-8000-000000000000'] }) },
      { viewer },
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]).toMatchObject({ message: 'Choose areas from the list', extensions: { field: 'input.areaIds' } });
    expect(await getPrisma().organisation.count({ where: { name } })).toBe(0);
  });

  it('refuses a kind: only providers are added', async () => {
    const viewer = await viewerFor('ADMIN');
    const response = await execute(CREATE, { input: { ...validInput(), kind: 'OPCC' } }, { viewer });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateOrganisation', () => {
  it('changes the details and replaces contacts and areas', async () => {
    const { organisation, viewer } = await create();
    const [durham, darlington] = await areas();
    const response = await execute(
      UPDATE,
      {
        input: {
          ...validInput({ name: `${organisation.name} renamed`, email: '' }),
          id: organisation.id,
          expectedVersion: 1,
          areaIds: [durham!.id, darlington!.id],
          contacts: [{ name: 'Alex Lee' }, { name: 'Bo Chen', isPrimary: true }],
        },
      },
      { viewer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.updateOrganisation.data).toEqual({
      id: organisation.id,
      name: `${organisation.name} renamed`,
      version: 2,
      email: null,
      areas: [{ name: 'County Durham' }, { name: 'Darlington' }],
      contacts: [
        { name: 'Bo Chen', isPrimary: true },
        { name: 'Alex Lee', isPrimary: false },
      ],
    });
  });

  it('answers VersionConflict to a stale version, and nothing is overwritten', async () => {
    const { organisation, viewer } = await create();
    const first = await execute(UPDATE, { input: { ...validInput({ name: `${organisation.name} A` }), id: organisation.id, expectedVersion: 1 } }, { viewer });
    expect(first.data.updateOrganisation.data.version).toBe(2);
    const stale = await execute(
      UPDATE,
      { input: { ...validInput({ name: `${organisation.name} B`, contacts: [] }), id: organisation.id, expectedVersion: 1 } },
      { viewer },
    );
    expect(stale.data.updateOrganisation).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    const row = await getPrisma().organisation.findUniqueOrThrow({ where: { id: organisation.id }, include: { contacts: true } });
    expect(row.name).toBe(`${organisation.name} A`);
    expect(row.version).toBe(2);
    expect(row.contacts).toHaveLength(1);
  });

  it('answers NameTaken for the name of another organisation, NotFound for an unknown id', async () => {
    const { organisation, viewer } = await create();
    const other = await createOrganisation();
    const taken = await execute(UPDATE, { input: { ...validInput({ name: other.name }), id: organisation.id, expectedVersion: 1 } }, { viewer });
    expect(taken.data.updateOrganisation.__typename).toBe('NameTaken');
    const missing = await execute(
      UPDATE,
      { input: { ...validInput(), id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 } },
      { viewer },
    );
    expect(missing.data.updateOrganisation).toEqual({ __typename: 'NotFound', message: 'There is no such organisation.' });
    const badId = await execute(UPDATE, { input: { ...validInput(), id: 'nope', expectedVersion: 1 } }, { viewer });
    expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['COMMISSIONER', 'PROVIDER'] as const)('is refused to %s (even a provider for its own organisation)', async (role) => {
    const { organisation } = await create();
    const viewer = await viewerFor(role, role === 'PROVIDER' ? organisation.id : undefined);
    const response = await execute(UPDATE, { input: { ...validInput(), id: organisation.id, expectedVersion: 1 } }, { viewer });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect((await getPrisma().organisation.findUniqueOrThrow({ where: { id: organisation.id } })).version).toBe(1);
  });
});

describe('archiveOrganisation', () => {
  it('hides the provider from lists (unless asked), keeps it readable by id, and its users can no longer sign in', async () => {
    const { organisation, viewer } = await create();
    const member = await createUser({ role: 'PROVIDER', organisationId: organisation.id });
    await createSessionRow(member.id);
    const meta = { ipAddress: '127.0.0.9', userAgent: null, requestId: 'test' };
    expect((await signIn({ email: member.email, password: TEST_PASSWORD }, meta)).ok).toBe(true);

    const response = await execute(ARCHIVE, { input: { id: organisation.id, expectedVersion: 1 } }, { viewer });
    expect(response.data.archiveOrganisation.data).toMatchObject({ id: organisation.id, archived: true, version: 2 });

    const listed = await execute('{ organisations { id } }', {}, { viewer });
    expect(listed.data.organisations.map((o: { id: string }) => o.id)).not.toContain(organisation.id);
    const all = await execute('{ organisations(includeArchived: true) { id archived } }', {}, { viewer });
    expect(all.data.organisations).toContainEqual({ id: organisation.id, archived: true });
    const one = await execute('query ($id: ID!) { organisation(id: $id) { name archived } }', { id: organisation.id }, { viewer });
    expect(one.data.organisation).toEqual({ name: organisation.name, archived: true });

    expect(await getPrisma().session.count({ where: { userId: member.id } })).toBe(0);
    expect((await signIn({ email: member.email, password: TEST_PASSWORD }, meta)).ok).toBe(false);
    // History is kept: the row is still there, and so are its users.
    expect(await getPrisma().user.count({ where: { organisationId: organisation.id } })).toBe(1);
    const audit = await getPrisma().auditEvent.findFirst({ where: { entityId: organisation.id, operation: 'archiveOrganisation' } });
    expect(audit?.actorUserId).toBe(viewer.userId);
  });

  it('cannot archive the OPCC, answers VersionConflict to a stale version, and is refused to non-officers', async () => {
    const viewer = await viewerFor('ADMIN');
    const opcc = await getPrisma().organisation.findUniqueOrThrow({ where: { id: viewer.organisationId } });
    const refused = await execute(ARCHIVE, { input: { id: opcc.id, expectedVersion: opcc.version } }, { viewer });
    expect(refused.data.archiveOrganisation).toEqual({ __typename: 'NotAllowed', message: 'The OPCC cannot be archived.' });

    const { organisation } = await create();
    const stale = await execute(ARCHIVE, { input: { id: organisation.id, expectedVersion: 7 } }, { viewer });
    expect(stale.data.archiveOrganisation).toMatchObject({ __typename: 'VersionConflict', currentVersion: 1 });
    for (const role of ['COMMISSIONER', 'PROVIDER'] as const) {
      const other = await viewerFor(role);
      expect(codes(await execute(ARCHIVE, { input: { id: organisation.id, expectedVersion: 1 } }, { viewer: other }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(ARCHIVE, { input: { id: organisation.id, expectedVersion: 1 } }))).toEqual(['UNAUTHENTICATED']);
    const row = await getPrisma().organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(row.archivedAt).toBeNull();
  });
});

describe('reading organisations', () => {
  it.each(['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'] as const)('%s reads any organisation by id, with its contacts and users', async (role) => {
    const { organisation } = await create();
    const member = await createUser({ role: 'PROVIDER', organisationId: organisation.id });
    const viewer = await viewerFor(role);
    const response = await execute(
      'query ($id: ID!) { organisation(id: $id) { id contacts { name } users { email } } }',
      { id: organisation.id },
      { viewer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.organisation).toEqual({ id: organisation.id, contacts: [{ name: 'Sam Carter' }], users: [{ email: member.email }] });
  });

  it('a provider sees its own organisation and nothing of another, through any path', async () => {
    const { organisation: theirs } = await create();
    const stranger = await createUser({ role: 'PROVIDER', organisationId: theirs.id });
    const mine = await createOrganisation();
    const viewer = await viewerFor('PROVIDER', mine.id);

    const list = await execute('{ organisations(includeArchived: true) { id users { id } } }', {}, { viewer });
    expect(list.data.organisations).toEqual([{ id: mine.id, users: [{ id: viewer.userId }] }]);

    const other = await execute('query ($id: ID!) { organisation(id: $id) { id name users { email } } }', { id: theirs.id }, { viewer });
    expect(other.errors).toBeUndefined();
    expect(other.data.organisation).toBeNull();
    const own = await execute('query ($id: ID!) { organisation(id: $id) { id } }', { id: mine.id }, { viewer });
    expect(own.data.organisation).toEqual({ id: mine.id });

    const users = await execute('query ($org: ID) { users(organisationId: $org, includeDeactivated: true) { id } }', { org: theirs.id }, { viewer });
    expect(users.data.users).toEqual([]);
    const user = await execute('query ($id: ID!) { user(id: $id) { id } }', { id: stranger.id }, { viewer });
    expect(user.data.user).toBeNull();
    const viaMe = await execute('{ me { organisation { id users { organisation { id } } } } }', {}, { viewer });
    expect(viaMe.data.me.organisation.users.every((u: { organisation: { id: string } }) => u.organisation.id === mine.id)).toBe(true);
  });

  it('answers null for an unknown or malformed id, and UNAUTHENTICATED to anonymous callers', async () => {
    const viewer = await viewerFor('ADMIN');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await execute('query ($id: ID!) { organisation(id: $id) { id } }', { id }, { viewer });
      expect(response.errors).toBeUndefined();
      expect(response.data.organisation).toBeNull();
    }
    expect(codes(await execute('query { organisation(id: "x") { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists organisations with contacts, areas and users in a fixed number of statements (no N+1)', async () => {
    const viewer = await viewerFor('COMMISSIONER');
    const query = '{ organisations { id name areas { name } contacts { name } users { name organisation { name } } } }';
    const before = await countStatements(() => execute(query, {}, { viewer }));
    for (let i = 0; i < 4; i++) {
      const { organisation } = await create();
      await createUser({ role: 'PROVIDER', organisationId: organisation.id });
    }
    const after = await countStatements(() => execute(query, {}, { viewer }));
    expect(after.result.errors).toBeUndefined();
    expect(after.statements).toBe(before.statements);
  });
});
