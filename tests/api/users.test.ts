// Users: administrators add and change them; set-password links are one-time, hashed, 24 hours; providers see
// only their own colleagues; the set-password flow (not GraphQL) works once and ends old sessions.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { signIn } from '../../app/utils/auth.server';
import { findPasswordLink, LINK_EXPIRED_MESSAGE, setPasswordWithLink } from '../../app/utils/password-reset.server';
import { codes, execute } from '../helpers/api';
import { createOrganisation, createUser, TEST_PASSWORD, viewerFor } from '../helpers/factories';
import { createPasswordLink, createSessionRow, unique } from '../helpers/people-factories';
import { countStatements } from '../helpers/statements';

const CREATE = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on MutationCreateUserSuccess { data { setPasswordUrl expiresAt user { id email name role active hasPassword version organisation { id } } } }
    ... on EmailTaken { message }
  }
}`;
const UPDATE = `mutation ($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on MutationUpdateUserSuccess { data { id name role version organisation { id } } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
    ... on NotAllowed { message }
  }
}`;
const DEACTIVATE = `mutation ($input: UserVersionInput!) {
  deactivateUser(input: $input) {
    __typename
    ... on MutationDeactivateUserSuccess { data { id active version } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
    ... on NotAllowed { message }
  }
}`;
const REACTIVATE = DEACTIVATE.replaceAll('deactivateUser', 'reactivateUser').replace('MutationDeactivateUserSuccess', 'MutationReactivateUserSuccess');
const RESET = `mutation ($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) {
    __typename
    ... on MutationResetUserPasswordSuccess { data { setPasswordUrl expiresAt user { id } } }
    ... on NotFound { message }
    ... on NotAllowed { message }
  }
}`;

const meta = () => ({ ipAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: null, requestId: `req-${unique()}` });
const tokenOf = (url: string) => url.replace('/set-password/', '');
const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('createUser', () => {
  it('lets an administrator add a provider user and answers a one-time link valid for 24 hours, stored only as a hash', async () => {
    const admin = await viewerFor('ADMIN');
    const provider = await createOrganisation();
    const email = `New.Person-${unique()}@Provider.example`;
    const before = Date.now();
    const response = await execute(CREATE, { input: { organisationId: provider.id, email, name: 'New Person', role: 'PROVIDER' } }, { viewer: admin });
    expect(response.errors).toBeUndefined();
    const { data } = response.data.createUser;
    expect(data.user).toMatchObject({ email: email.toLowerCase(), name: 'New Person', role: 'PROVIDER', active: true, hasPassword: false, version: 1, organisation: { id: provider.id } });
    expect(data.setPasswordUrl).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);
    const expires = new Date(data.expiresAt).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 5_000);
    expect(expires - before).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    const token = tokenOf(data.setPasswordUrl);
    const rows = await getPrisma().passwordReset.findMany({ where: { userId: data.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(json(await getPrisma().auditEvent.findMany({ where: { entityId: rows[0]!.id } }))).not.toContain(token);
  });

  it.each(['POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const)('is refused to %s with FORBIDDEN, and nothing is written', async (role) => {
    const viewer = await viewerFor(role);
    const email = `refused-${unique()}@test.example`;
    const response = await execute(CREATE, { input: { organisationId: viewer.organisationId, email, name: 'X', role } }, { viewer });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await getPrisma().user.count({ where: { email } })).toBe(0);
  });

  it('is refused to anonymous callers', async () => {
    const org = await createOrganisation();
    const response = await execute(CREATE, { input: { organisationId: org.id, email: 'a@b.example', name: 'X', role: 'PROVIDER' } });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers EmailTaken for an address already used, whatever its case', async () => {
    const admin = await viewerFor('ADMIN');
    const existing = await createUser({ role: 'POLICY_OFFICER', organisationId: admin.organisationId });
    const response = await execute(
      CREATE,
      { input: { organisationId: admin.organisationId, email: existing.email.toUpperCase(), name: 'Twin', role: 'COMMISSIONER' } },
      { viewer: admin },
    );
    expect(response.data.createUser).toEqual({ __typename: 'EmailTaken', message: `There is already a user with the email address ${existing.email}` });
  });

  it.each([
    [{ role: 'ADMIN', kind: 'PROVIDER' }, 'input.role', 'Choose the Provider role for someone in a provider organisation'],
    [{ role: 'PROVIDER', kind: 'OPCC' }, 'input.role', 'Choose Administrator, Policy officer or Commissioner for someone in the OPCC'],
  ] as const)('refuses a role that does not fit the organisation %j', async ({ role, kind }, field, message) => {
    const admin = await viewerFor('ADMIN');
    const organisation = kind === 'OPCC' ? { id: admin.organisationId } : await createOrganisation();
    const email = `mismatch-${unique()}@test.example`;
    const response = await execute(CREATE, { input: { organisationId: organisation.id, email, name: 'X', role } }, { viewer: admin });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]).toMatchObject({ message, extensions: { field } });
    expect(await getPrisma().user.count({ where: { email } })).toBe(0);
  });

  it.each([
    [{ name: 'x'.repeat(10_000) }, 'input.name', 'Their full name must be 200 characters or fewer'],
    [{ name: '' }, 'input.name', 'Enter their full name'],
    [{ email: 'nobody' }, 'input.email', 'Enter an email address in the correct format, like name@example.org'],
    [{ email: '' }, 'input.email', 'Enter an email address'],
    [{ organisationId: 'nope' }, 'input.organisationId', 'Choose an organisation'],
    [{ organisationId: '00000000-0000-4000-8000-000000000000' }, 'input.organisationId', 'Choose an organisation from the list'],
  ])('refuses bad input %j with a clear message', async (overrides, field, message) => {
    const admin = await viewerFor('ADMIN');
    const response = await execute(
      CREATE,
      { input: { organisationId: admin.organisationId, email: `ok-${unique()}@test.example`, name: 'Fine', role: 'COMMISSIONER', ...overrides } },
      { viewer: admin },
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]).toMatchObject({ message, extensions: { field } });
  });

  it('stores HTML and script in a name as plain text', async () => {
    const admin = await viewerFor('ADMIN');
    const name = '<img src=x onerror=alert(1)>';
    const response = await execute(CREATE, { input: { organisationId: admin.organisationId, email: `h-${unique()}@test.example`, name, role: 'COMMISSIONER' } }, { viewer: admin });
    expect(response.data.createUser.data.user.name).toBe(name);
  });

  it('cannot add a user to an archived organisation', async () => {
    const admin = await viewerFor('ADMIN');
    const org = await createOrganisation();
    await getPrisma().organisation.update({ where: { id: org.id }, data: { archivedAt: new Date() } });
    const response = await execute(CREATE, { input: { organisationId: org.id, email: `a-${unique()}@test.example`, name: 'X', role: 'PROVIDER' } }, { viewer: admin });
    expect(response.errors![0]).toMatchObject({ message: `${org.name} is archived: choose another organisation` });
  });
});

describe('reading users', () => {
  it.each(['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'] as const)('%s reads every user, filters by organisation, and sees deactivated ones only when asked', async (role) => {
    const org = await createOrganisation();
    const active = await createUser({ role: 'PROVIDER', organisationId: org.id });
    const gone = await createUser({ role: 'PROVIDER', organisationId: org.id });
    await getPrisma().user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const viewer = await viewerFor(role);
    const all = await execute('{ users { id } }', {}, { viewer });
    expect(all.data.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([active.id, viewer.userId]));
    const filtered = await execute('query ($org: ID) { users(organisationId: $org) { id } }', { org: org.id }, { viewer });
    expect(filtered.data.users).toEqual([{ id: active.id }]);
    const withGone = await execute('query ($org: ID) { users(organisationId: $org, includeDeactivated: true) { id active } }', { org: org.id }, { viewer });
    expect(withGone.data.users).toHaveLength(2);
    const one = await execute('query ($id: ID!) { user(id: $id) { email organisation { id } } }', { id: gone.id }, { viewer });
    expect(one.data.user).toEqual({ email: gone.email, organisation: { id: org.id } });
  });

  it('lists users with their organisations in a fixed number of statements (no N+1)', async () => {
    const viewer = await viewerFor('ADMIN');
    const query = '{ users(includeDeactivated: true) { id name organisation { name areas { name } contacts { name } } } }';
    const before = await countStatements(() => execute(query, {}, { viewer }));
    for (let i = 0; i < 4; i++) await createUser({ role: 'PROVIDER' });
    const after = await countStatements(() => execute(query, {}, { viewer }));
    expect(after.result.errors).toBeUndefined();
    expect(after.statements).toBe(before.statements);
  });

  it('a provider reads only the users of its own organisation', async () => {
    const mine = await createOrganisation();
    const colleague = await createUser({ role: 'PROVIDER', organisationId: mine.id });
    const stranger = await createUser({ role: 'PROVIDER' });
    const viewer = await viewerFor('PROVIDER', mine.id);
    const all = await execute('{ users(includeDeactivated: true) { id organisation { id } } }', {}, { viewer });
    expect(all.data.users.map((u: { id: string }) => u.id).sort()).toEqual([colleague.id, viewer.userId].sort());
    const theirs = await execute('query ($org: ID) { users(organisationId: $org) { id } }', { org: stranger.organisationId }, { viewer });
    expect(theirs.data.users).toEqual([]);
    expect((await execute('query ($id: ID!) { user(id: $id) { id } }', { id: stranger.id }, { viewer })).data.user).toBeNull();
    expect((await execute('query ($id: ID!) { user(id: $id) { id } }', { id: colleague.id }, { viewer })).data.user).toEqual({ id: colleague.id });
  });

  it('answers UNAUTHENTICATED to anonymous callers, and null for an unknown or malformed id', async () => {
    expect(codes(await execute('{ users { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await execute('{ user(id: "x") { id } }'))).toEqual(['UNAUTHENTICATED']);
    const viewer = await viewerFor('ADMIN');
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
      expect((await execute('query ($id: ID!) { user(id: $id) { id } }', { id }, { viewer })).data.user).toBeNull();
    }
  });
});

describe('updateUser', () => {
  it('changes name, role and organisation; a stale version answers VersionConflict and nothing is overwritten', async () => {
    const admin = await viewerFor('ADMIN');
    const user = await createUser({ role: 'POLICY_OFFICER', organisationId: admin.organisationId });
    const ok = await execute(UPDATE, { input: { id: user.id, organisationId: admin.organisationId, name: 'Renamed', role: 'COMMISSIONER', expectedVersion: 1 } }, { viewer: admin });
    expect(ok.data.updateUser.data).toMatchObject({ name: 'Renamed', role: 'COMMISSIONER', version: 2 });
    const stale = await execute(UPDATE, { input: { id: user.id, organisationId: admin.organisationId, name: 'Other', role: 'ADMIN', expectedVersion: 1 } }, { viewer: admin });
    expect(stale.data.updateUser).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    const row = await getPrisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: 'Renamed', role: 'COMMISSIONER', version: 2 });
  });

  it('moving a user to a provider needs the Provider role; an admin cannot take away their own admin role', async () => {
    const admin = await viewerFor('ADMIN');
    const user = await createUser({ role: 'POLICY_OFFICER', organisationId: admin.organisationId });
    const provider = await createOrganisation();
    const wrong = await execute(UPDATE, { input: { id: user.id, organisationId: provider.id, name: 'X', role: 'POLICY_OFFICER', expectedVersion: 1 } }, { viewer: admin });
    expect(wrong.errors![0]).toMatchObject({ message: 'Choose the Provider role for someone in a provider organisation', extensions: { code: 'BAD_USER_INPUT', field: 'input.role' } });
    const self = await execute(UPDATE, { input: { id: admin.userId, organisationId: admin.organisationId, name: 'Me', role: 'COMMISSIONER', expectedVersion: 1 } }, { viewer: admin });
    expect(self.data.updateUser.__typename).toBe('NotAllowed');
    const missing = await execute(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', organisationId: admin.organisationId, name: 'X', role: 'ADMIN', expectedVersion: 1 } }, { viewer: admin });
    expect(missing.data.updateUser.__typename).toBe('NotFound');
  });

  it.each(['POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const)('is refused to %s', async (role) => {
    const viewer = await viewerFor(role);
    const response = await execute(UPDATE, { input: { id: viewer.userId, organisationId: viewer.organisationId, name: 'X', role: 'ADMIN', expectedVersion: 1 } }, { viewer });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: viewer.userId! } })).role).toBe(role);
  });
});

describe('deactivateUser and reactivateUser', () => {
  it('ends the sessions of a deactivated user, who can no longer sign in; reactivating lets them back', async () => {
    const admin = await viewerFor('ADMIN');
    const user = await createUser({ role: 'PROVIDER' });
    await createSessionRow(user.id);
    const off = await execute(DEACTIVATE, { input: { id: user.id, expectedVersion: 1 } }, { viewer: admin });
    expect(off.data.deactivateUser.data).toEqual({ id: user.id, active: false, version: 2 });
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).ok).toBe(false);
    const again = await execute(DEACTIVATE, { input: { id: user.id, expectedVersion: 2 } }, { viewer: admin });
    expect(again.data.deactivateUser.__typename).toBe('NotAllowed');
    const stale = await execute(REACTIVATE, { input: { id: user.id, expectedVersion: 1 } }, { viewer: admin });
    expect(stale.data.reactivateUser).toMatchObject({ __typename: 'VersionConflict', currentVersion: 2 });
    const on = await execute(REACTIVATE, { input: { id: user.id, expectedVersion: 2 } }, { viewer: admin });
    expect(on.data.reactivateUser.data).toEqual({ id: user.id, active: true, version: 3 });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).ok).toBe(true);
  });

  it('answers a caller that selects only __typename (the record is not needed)', async () => {
    const admin = await viewerFor('ADMIN');
    const user = await createUser({ role: 'PROVIDER' });
    const response = await execute(
      'mutation ($input: UserVersionInput!) { deactivateUser(input: $input) { __typename } }',
      { input: { id: user.id, expectedVersion: 1 } },
      { viewer: admin },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.deactivateUser).toEqual({ __typename: 'MutationDeactivateUserSuccess' });
  });

  it('an administrator cannot deactivate themself; others may not deactivate anyone', async () => {
    const admin = await viewerFor('ADMIN');
    const self = await execute(DEACTIVATE, { input: { id: admin.userId, expectedVersion: 1 } }, { viewer: admin });
    expect(self.data.deactivateUser).toEqual({ __typename: 'NotAllowed', message: 'You cannot deactivate your own account.' });
    const target = await createUser({ role: 'PROVIDER' });
    for (const role of ['POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const) {
      const viewer = await viewerFor(role, role === 'PROVIDER' ? target.organisationId : undefined);
      expect(codes(await execute(DEACTIVATE, { input: { id: target.id, expectedVersion: 1 } }, { viewer }))).toEqual(['FORBIDDEN']);
      expect(codes(await execute(REACTIVATE, { input: { id: target.id, expectedVersion: 1 } }, { viewer }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(DEACTIVATE, { input: { id: target.id, expectedVersion: 1 } }))).toEqual(['UNAUTHENTICATED']);
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
  });
});

describe('resetUserPassword and the set-password link', () => {
  async function newUserWithLink() {
    const admin = await viewerFor('ADMIN');
    const org = await createOrganisation();
    const email = `link-${unique()}@test.example`;
    const created = await execute(CREATE, { input: { organisationId: org.id, email, name: 'Link User', role: 'PROVIDER' } }, { viewer: admin });
    const { user, setPasswordUrl } = created.data.createUser.data;
    return { admin, user, email, token: tokenOf(setPasswordUrl) };
  }

  it('sets a password once: the link then stops working, sessions end, and PASSWORD_SET is audited', async () => {
    const { user, email, token } = await newUserWithLink();
    expect(await findPasswordLink(token)).toMatchObject({ id: user.id, email });
    await createSessionRow(user.id);
    const password = 'a long new password 42';
    const outcome = await setPasswordWithLink(token, { password, confirmPassword: password }, { ipAddress: '127.0.0.1', requestId: 'req-set' });
    expect(outcome).toEqual({ ok: true, email });
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn({ email, password }, meta())).ok).toBe(true);
    const audit = await getPrisma().auditEvent.findFirst({ where: { action: 'PASSWORD_SET', entityId: user.id } });
    expect(audit).toMatchObject({ actorUserId: user.id, actorLabel: email, requestId: 'req-set', entityType: 'app_user' });
    expect(json(audit)).not.toContain(password);

    expect(await findPasswordLink(token)).toBeNull();
    const twice = await setPasswordWithLink(token, { password: 'another password 99', confirmPassword: 'another password 99' }, { ipAddress: '127.0.0.1', requestId: 'r' });
    expect(twice).toEqual({ ok: false, expired: true });
    expect((await signIn({ email, password }, meta())).ok).toBe(true);
  });

  it('refuses a link after 24 hours, an unknown link, and a link of a deactivated user', async () => {
    const { user } = await newUserWithLink();
    const expired = await createPasswordLink(user.id, { expiresAt: new Date(Date.now() - 1000) });
    const outcome = await setPasswordWithLink(expired, { password: 'a long new password 42', confirmPassword: 'a long new password 42' }, { ipAddress: 'x', requestId: 'r' });
    expect(outcome).toEqual({ ok: false, expired: true });
    expect(await findPasswordLink('not-a-real-token-at-all-1234567890')).toBeNull();
    expect(await findPasswordLink(undefined)).toBeNull();
    const fresh = await createPasswordLink(user.id);
    await getPrisma().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await findPasswordLink(fresh)).toBeNull();
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
    expect(LINK_EXPIRED_MESSAGE).toBe('This link has expired or has already been used. Ask your portal administrator for a new one.');
  });

  it.each([
    [{ password: 'short', confirmPassword: 'short' }, 'password', 'Enter a password of at least 12 characters'],
    [{ password: '', confirmPassword: '' }, 'password', 'Enter a password of at least 12 characters'],
    [{ password: 'a long new password 42', confirmPassword: 'something else entirely' }, 'confirmPassword', 'The passwords do not match: enter the same password twice'],
  ])('refuses a password that breaks the policy %j, and the link still works', async (input, field, message) => {
    const { token } = await newUserWithLink();
    const outcome = await setPasswordWithLink(token, input, { ipAddress: 'x', requestId: 'r' });
    expect(outcome).toMatchObject({ ok: false, expired: false });
    expect(outcome.ok === false && !outcome.expired && outcome.errors[0]).toEqual({ field, message });
    expect(await findPasswordLink(token)).not.toBeNull();
  });

  it('refuses the email address as the password', async () => {
    const { token, email } = await newUserWithLink();
    const outcome = await setPasswordWithLink(token, { password: email, confirmPassword: email }, { ipAddress: 'x', requestId: 'r' });
    expect(outcome).toEqual({ ok: false, expired: false, errors: [{ field: 'password', message: 'Your password must not be your email address' }] });
  });

  it('resetUserPassword answers a new link; the earlier one stops working', async () => {
    const { admin, user, token } = await newUserWithLink();
    const response = await execute(RESET, { input: { id: user.id } }, { viewer: admin });
    expect(response.data.resetUserPassword.data.user).toEqual({ id: user.id });
    const newToken = tokenOf(response.data.resetUserPassword.data.setPasswordUrl);
    expect(newToken).not.toBe(token);
    expect(await findPasswordLink(token)).toBeNull();
    expect(await findPasswordLink(newToken)).toMatchObject({ id: user.id });
    const missing = await execute(RESET, { input: { id: '00000000-0000-4000-8000-000000000000' } }, { viewer: admin });
    expect(missing.data.resetUserPassword.__typename).toBe('NotFound');
  });

  it('resetUserPassword is for administrators only', async () => {
    const target = await createUser({ role: 'PROVIDER' });
    for (const role of ['POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const) {
      const viewer = await viewerFor(role, role === 'PROVIDER' ? target.organisationId : undefined);
      expect(codes(await execute(RESET, { input: { id: target.id } }, { viewer }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(RESET, { input: { id: target.id } }))).toEqual(['UNAUTHENTICATED']);
    expect(await getPrisma().passwordReset.count({ where: { userId: target.id } })).toBe(0);
  });
});
