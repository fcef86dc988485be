// Initiatives: officers add, change and archive them; everyone signed in reads them.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { codes, execute } from '../helpers/api';
import { viewerFor } from '../helpers/factories';
import { createInitiative, unique } from '../helpers/people-factories';

const CREATE = `mutation ($input: CreateInitiativeInput!) {
  createInitiative(input: $input) {
    __typename
    ... on MutationCreateInitiativeSuccess { data { id name description leadPartner status fromBriefing archived version funding { label } } }
    ... on NameTaken { message }
  }
}`;
const UPDATE = `mutation ($input: UpdateInitiativeInput!) {
  updateInitiative(input: $input) {
    __typename
    ... on MutationUpdateInitiativeSuccess { data { id name description leadPartner status version } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
    ... on NameTaken { message }
  }
}`;
const ARCHIVE = `mutation ($input: ArchiveInitiativeInput!) {
  archiveInitiative(input: $input) {
    __typename
    ... on MutationArchiveInitiativeSuccess { data { id archived version } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
  }
}`;

const input = (overrides: Record<string, unknown> = {}) => ({
  name: `Safe Spaces ${unique()}`,
  description: 'Safe spaces for young people in town centres.',
  leadPartner: 'Durham Constabulary',
  status: 'PLANNED',
  ...overrides,
});

describe('createInitiative', () => {
  it.each(['ADMIN', 'POLICY_OFFICER'] as const)('is allowed to %s', async (role) => {
    const viewer = await viewerFor(role);
    const values = input();
    const response = await execute(CREATE, { input: values }, { viewer });
    expect(response.errors).toBeUndefined();
    expect(response.data.createInitiative.data).toMatchObject({ ...values, fromBriefing: false, archived: false, version: 1, funding: [] });
  });

  it.each(['COMMISSIONER', 'PROVIDER'] as const)('is refused to %s, and nothing is written', async (role) => {
    const viewer = await viewerFor(role);
    const values = input();
    expect(codes(await execute(CREATE, { input: values }, { viewer }))).toEqual(['FORBIDDEN']);
    expect(await getPrisma().initiative.count({ where: { name: values.name } })).toBe(0);
  });

  it('is refused to anonymous callers', async () => {
    expect(codes(await execute(CREATE, { input: input() }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers NameTaken for a name already used (whatever its case), e.g. one from the briefing', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const response = await execute(CREATE, { input: input({ name: 'vulnerability tracker' }) }, { viewer });
    expect(response.data.createInitiative).toEqual({
      __typename: 'NameTaken',
      message: 'There is already an initiative called Vulnerability Tracker: enter a different name',
    });
  });

  it.each([
    [{ name: 'x'.repeat(10_000) }, 'input.name', 'A name must be 200 characters or fewer'],
    [{ name: ' ' }, 'input.name', 'Enter a name'],
    [{ description: '' }, 'input.description', 'Enter a description'],
    [{ description: 'y'.repeat(10_000) }, 'input.description', 'A description must be 2,000 characters or fewer'],
    [{ leadPartner: 'z'.repeat(10_000) }, 'input.leadPartner', 'Lead partner must be 200 characters or fewer'],
  ])('refuses bad input %j with a clear message', async (overrides, field, message) => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const response = await execute(CREATE, { input: input(overrides) }, { viewer });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]).toMatchObject({ message, extensions: { field } });
  });

  it('refuses an unknown status, and stores HTML as text', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    expect(codes(await execute(CREATE, { input: input({ status: 'MAYBE' }) }, { viewer }))).toEqual(['BAD_USER_INPUT']);
    const name = `<script>alert(1)</script> ${unique()}`;
    const response = await execute(CREATE, { input: input({ name, leadPartner: '' }) }, { viewer });
    expect(response.data.createInitiative.data).toMatchObject({ name, leadPartner: null });
  });
});

describe('updateInitiative and archiveInitiative', () => {
  it('changes an initiative; a stale version answers VersionConflict and nothing is overwritten', async () => {
    const initiative = await createInitiative();
    const viewer = await viewerFor('POLICY_OFFICER');
    const ok = await execute(UPDATE, { input: { ...input({ name: `${initiative.name} A`, status: 'PAUSED' }), id: initiative.id, expectedVersion: 1 } }, { viewer });
    expect(ok.data.updateInitiative.data).toMatchObject({ name: `${initiative.name} A`, status: 'PAUSED', version: 2 });
    const stale = await execute(UPDATE, { input: { ...input({ name: `${initiative.name} B` }), id: initiative.id, expectedVersion: 1 } }, { viewer });
    expect(stale.data.updateInitiative).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    expect(await getPrisma().initiative.findUniqueOrThrow({ where: { id: initiative.id } })).toMatchObject({ name: `${initiative.name} A`, version: 2 });
  });

  it('answers NameTaken, NotFound, and BAD_USER_INPUT for a malformed id', async () => {
    const initiative = await createInitiative();
    const other = await createInitiative();
    const viewer = await viewerFor('ADMIN');
    const taken = await execute(UPDATE, { input: { ...input({ name: other.name }), id: initiative.id, expectedVersion: 1 } }, { viewer });
    expect(taken.data.updateInitiative.__typename).toBe('NameTaken');
    const missing = await execute(UPDATE, { input: { ...input(), id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 } }, { viewer });
    expect(missing.data.updateInitiative).toEqual({ __typename: 'NotFound', message: 'There is no such initiative.' });
    const bad = await execute(UPDATE, { input: { ...input(), id: 'nope', expectedVersion: 1 } }, { viewer });
    expect(bad.errors![0]).toMatchObject({ message: 'Choose an initiative', extensions: { code: 'BAD_USER_INPUT', field: 'input.id' } });
  });

  it('archives: the initiative leaves the list and initiative(id), its row is kept', async () => {
    const initiative = await createInitiative();
    const viewer = await viewerFor('POLICY_OFFICER');
    const stale = await execute(ARCHIVE, { input: { id: initiative.id, expectedVersion: 3 } }, { viewer });
    expect(stale.data.archiveInitiative).toMatchObject({ __typename: 'VersionConflict', currentVersion: 1 });
    const response = await execute(ARCHIVE, { input: { id: initiative.id, expectedVersion: 1 } }, { viewer });
    expect(response.data.archiveInitiative.data).toEqual({ id: initiative.id, archived: true, version: 2 });
    const list = await execute('{ initiatives { id } }', {}, { viewer });
    expect(list.data.initiatives.map((i: { id: string }) => i.id)).not.toContain(initiative.id);
    expect(await getPrisma().initiative.count({ where: { id: initiative.id } })).toBe(1);
  });

  it.each(['COMMISSIONER', 'PROVIDER'] as const)('refuses %s to update or archive', async (role) => {
    const initiative = await createInitiative();
    const viewer = await viewerFor(role);
    expect(codes(await execute(UPDATE, { input: { ...input(), id: initiative.id, expectedVersion: 1 } }, { viewer }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(ARCHIVE, { input: { id: initiative.id, expectedVersion: 1 } }, { viewer }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(ARCHIVE, { input: { id: initiative.id, expectedVersion: 1 } }))).toEqual(['UNAUTHENTICATED']);
    expect((await getPrisma().initiative.findUniqueOrThrow({ where: { id: initiative.id } })).version).toBe(1);
  });
});

describe('reading initiatives', () => {
  it.each(['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const)('%s reads the list and one initiative by id', async (role) => {
    const initiative = await createInitiative();
    const viewer = await viewerFor(role);
    const list = await execute('{ initiatives { id name } }', {}, { viewer });
    expect(list.data.initiatives).toContainEqual({ id: initiative.id, name: initiative.name });
    const one = await execute('query ($id: ID!) { initiative(id: $id) { id name version archived } }', { id: initiative.id }, { viewer });
    expect(one.data.initiative).toEqual({ id: initiative.id, name: initiative.name, version: 1, archived: false });
  });

  it('answers UNAUTHENTICATED to anonymous callers and null for unknown ids', async () => {
    expect(codes(await execute('{ initiative(id: "x") { id } }'))).toEqual(['UNAUTHENTICATED']);
    const viewer = await viewerFor('COMMISSIONER');
    for (const id of ['x', '00000000-0000-4000-8000-000000000000']) {
      expect((await execute('query ($id: ID!) { initiative(id: $id) { id } }', { id }, { viewer })).data.initiative).toBeNull();
    }
  });
});
