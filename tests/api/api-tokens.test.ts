// API tokens: who may list, issue and revoke them; a token issued here works as a Bearer token for its own
// organisation only, stops working when revoked or expired, and only its SHA-256 is stored.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { generateToken, hashToken } from '../../graphql/auth/tokens';
import { codes, execute } from '../helpers/api';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { countStatements } from '../helpers/statements';

const unique = () => randomBytes(4).toString('hex');

const LIST = `query ($organisationId: ID, $includeRevoked: Boolean) {
  apiTokens(organisationId: $organisationId, includeRevoked: $includeRevoked) {
    id name prefix role createdBy createdAt lastUsedAt expiresAt revokedAt status active organisation { id name }
  }
}`;
const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on MutationCreateApiTokenSuccess { data { token apiToken { id name prefix role createdBy expiresAt status active organisation { id } } } }
    ... on NameTaken { message }
  }
}`;
const REVOKE = `mutation ($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) {
    __typename
    ... on MutationRevokeApiTokenSuccess { data { id revokedAt status active } }
    ... on NotFound { message }
  }
}`;

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const isoDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** A token row made directly (e.g. already expired, which the API would refuse to issue). */
async function tokenRow(organisationId: string, overrides: { expiresAt?: Date | null; revokedAt?: Date | null; name?: string } = {}) {
  const issuer = await createUser({ role: 'ADMIN' });
  const { token, hash, prefix } = generateToken();
  const row = await getPrisma().apiToken.create({
    data: {
      organisationId,
      name: overrides.name ?? `Row ${unique()}`,
      tokenHash: hash,
      prefix,
      createdById: issuer.id,
      expiresAt: overrides.expiresAt ?? null,
      revokedAt: overrides.revokedAt ?? null,
    },
  });
  return { token, row };
}

async function world() {
  const provider = await createOrganisation();
  const other = await createOrganisation();
  const opcc = await createOrganisation({ kind: 'OPCC' });
  const viewers: Record<string, Viewer | null> = {
    ADMIN: await viewerFor('ADMIN', opcc.id),
    POLICY_OFFICER: await viewerFor('POLICY_OFFICER', opcc.id),
    COMMISSIONER: await viewerFor('COMMISSIONER', opcc.id),
    PROVIDER_OWN: await viewerFor('PROVIDER', provider.id),
    PROVIDER_OTHER: await viewerFor('PROVIDER', other.id),
    ANONYMOUS: null,
  };
  const mine = await tokenRow(provider.id, { name: 'Existing' });
  return { provider, other, opcc, viewers, mine };
}

describe('apiTokens: who may list', () => {
  it('follows the permission matrix', async () => {
    const { provider, viewers, mine } = await world();
    const otherRow = await tokenRow((await createOrganisation()).id);
    const expectations: Record<string, 'all' | 'own' | 'none' | 'UNAUTHENTICATED'> = {
      ADMIN: 'all',
      POLICY_OFFICER: 'all',
      COMMISSIONER: 'all',
      PROVIDER_OWN: 'own',
      PROVIDER_OTHER: 'none',
      ANONYMOUS: 'UNAUTHENTICATED',
    };
    for (const [who, expected] of Object.entries(expectations)) {
      const response = await execute(LIST, {}, { viewer: viewers[who] });
      if (expected === 'UNAUTHENTICATED') {
        expect(codes(response), who).toEqual(['UNAUTHENTICATED']);
        continue;
      }
      expect(response.errors, who).toBeUndefined();
      const ids = response.data.apiTokens.map((token: { id: string }) => token.id);
      expect(ids.includes(mine.row.id), who).toBe(expected !== 'none');
      expect(ids.includes(otherRow.row.id), who).toBe(expected === 'all');
    }
    // A provider asking for another organisation's tokens gets none.
    const asked = await execute(LIST, { organisationId: otherRow.row.organisationId }, { viewer: viewers.PROVIDER_OWN });
    expect(asked.data.apiTokens).toEqual([]);
    // An admin can filter by organisation.
    const filtered = await execute(LIST, { organisationId: provider.id }, { viewer: viewers.ADMIN });
    expect(filtered.data.apiTokens.map((token: { id: string }) => token.id)).toEqual([mine.row.id]);
    // A token caller may not list tokens, not even its own organisation's.
    const asToken = await execute(LIST, {}, bearer(mine.token));
    expect(codes(asToken)).toEqual(['FORBIDDEN']);
  });

  it('answers what a list needs, never the token or its hash, and leaves revoked ones out unless asked', async () => {
    const { provider, viewers } = await world();
    const revoked = await tokenRow(provider.id, { revokedAt: new Date() });
    const expired = await tokenRow(provider.id, { expiresAt: new Date(Date.now() - 1000) });
    const list = await execute(LIST, { organisationId: provider.id }, { viewer: viewers.ADMIN });
    const byId = new Map(list.data.apiTokens.map((token: { id: string }) => [token.id, token]));
    expect(byId.has(revoked.row.id)).toBe(false);
    expect(byId.get(expired.row.id)).toMatchObject({ status: 'EXPIRED', active: false, role: 'PROVIDER' });
    const withRevoked = await execute(LIST, { organisationId: provider.id, includeRevoked: true }, { viewer: viewers.ADMIN });
    const row = withRevoked.data.apiTokens.find((token: { id: string }) => token.id === revoked.row.id);
    expect(row).toMatchObject({ status: 'REVOKED', active: false, lastUsedAt: null });
    expect(row.createdBy).toMatch(/^Test admin/);
    expect(JSON.stringify(withRevoked)).not.toContain(revoked.row.tokenHash);
    expect(JSON.stringify(withRevoked)).not.toContain(revoked.token);
    const type = await execute(`{ __type(name: "ApiToken") { fields { name } } }`, {}, { viewer: viewers.ADMIN });
    const fields = type.data.__type.fields.map((field: { name: string }) => field.name);
    expect(fields).not.toContain('tokenHash');
    expect(fields).not.toContain('token');
  });

  it('does not grow in statements with the number of tokens (no N+1)', async () => {
    const { viewers } = await world();
    const before = await countStatements(() => execute(LIST, {}, { viewer: viewers.ADMIN }));
    for (let i = 0; i < 4; i++) await tokenRow((await createOrganisation()).id);
    const after = await countStatements(() => execute(LIST, {}, { viewer: viewers.ADMIN }));
    expect(after.result.errors).toBeUndefined();
    expect(after.statements).toBe(before.statements);
  });
});

describe('createApiToken', () => {
  it('follows the permission matrix', async () => {
    const { provider, viewers, mine } = await world();
    const cases: [string, Viewer | null | 'TOKEN', Record<string, unknown>, string][] = [
      ['ADMIN', viewers.ADMIN!, { organisationId: provider.id }, 'ok'],
      ['POLICY_OFFICER', viewers.POLICY_OFFICER!, { organisationId: provider.id }, 'FORBIDDEN'],
      ['COMMISSIONER', viewers.COMMISSIONER!, { organisationId: provider.id }, 'FORBIDDEN'],
      ['PROVIDER own, no organisation', viewers.PROVIDER_OWN!, {}, 'ok'],
      ['PROVIDER own, its organisation', viewers.PROVIDER_OWN!, { organisationId: provider.id }, 'ok'],
      ['PROVIDER other', viewers.PROVIDER_OTHER!, { organisationId: provider.id }, 'FORBIDDEN'],
      ['ANONYMOUS', null, { organisationId: provider.id }, 'UNAUTHENTICATED'],
      ['token caller', 'TOKEN', { organisationId: provider.id }, 'FORBIDDEN'],
    ];
    for (const [who, viewer, extra, expected] of cases) {
      const input = { name: `Case system ${unique()}`, ...extra };
      const response =
        viewer === 'TOKEN' ? await execute(CREATE, { input }, bearer(mine.token)) : await execute(CREATE, { input }, { viewer });
      if (expected === 'ok') {
        expect(response.errors, who).toBeUndefined();
        const { token, apiToken } = response.data.createApiToken.data;
        expect(token, who).toMatch(/^pcc_/);
        expect(apiToken, who).toMatchObject({ name: input.name, role: 'PROVIDER', status: 'ACTIVE', active: true, organisation: { id: provider.id } });
        expect(token.startsWith(apiToken.prefix), who).toBe(true);
      } else {
        expect(codes(response), who).toEqual([expected]);
        expect(await getPrisma().apiToken.count({ where: { name: input.name } }), who).toBe(0);
      }
    }
  });

  it('issues a token that works as a Bearer token for its own organisation only, until revoked', async () => {
    const { provider, other, viewers } = await world();
    const created = await execute(CREATE, { input: { name: 'Case management system' } }, { viewer: viewers.PROVIDER_OWN });
    const { token, apiToken } = created.data.createApiToken.data;

    // Only the hash is stored.
    const stored = await getPrisma().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.createdById).toBe(viewers.PROVIDER_OWN!.userId);
    expect(stored.lastUsedAt).toBeNull();

    const seen = await execute(`{ me { id } organisations { id name } }`, {}, bearer(token));
    expect(seen.errors).toBeUndefined();
    expect(seen.data.me).toBeNull();
    expect(seen.data.organisations.map((organisation: { id: string }) => organisation.id)).toEqual([provider.id]);
    expect(JSON.stringify(seen)).not.toContain(other.name);
    const used = await getPrisma().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(used.lastUsedAt).not.toBeNull();
    const listed = await execute(LIST, {}, { viewer: viewers.PROVIDER_OWN });
    expect(listed.data.apiTokens.find((row: { id: string }) => row.id === apiToken.id).lastUsedAt).not.toBeNull();

    // Its own organisation cannot be reached through it for another provider's data either.
    const nested = await execute(`{ organisation(id: "${other.id}") { name } }`, {}, bearer(token));
    expect(nested.data.organisation).toBeNull();

    const revoked = await execute(REVOKE, { input: { id: apiToken.id } }, { viewer: viewers.PROVIDER_OWN });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiToken.data).toMatchObject({ status: 'REVOKED', active: false });
    const after = await execute(`{ organisations { name } }`, {}, bearer(token));
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);

    // Revoking twice is harmless: the first revocation time is kept.
    const again = await execute(REVOKE, { input: { id: apiToken.id } }, { viewer: viewers.ADMIN });
    expect(again.data.revokeApiToken.data.revokedAt).toBe(revoked.data.revokeApiToken.data.revokedAt);
  });

  it('an expired token answers UNAUTHENTICATED; one with an expiry ahead works', async () => {
    const { provider, viewers } = await world();
    const expired = await tokenRow(provider.id, { expiresAt: new Date(Date.now() - 60_000) });
    expect(codes(await execute(`{ organisations { name } }`, {}, bearer(expired.token)))).toEqual(['UNAUTHENTICATED']);
    const created = await execute(CREATE, { input: { name: 'Short lived', expiresAt: isoDay(30) } }, { viewer: viewers.PROVIDER_OWN });
    const { token, apiToken } = created.data.createApiToken.data;
    expect(apiToken.expiresAt).toBe(`${isoDay(30)}T00:00:00.000Z`);
    expect((await execute(`{ organisations { name } }`, {}, bearer(token))).errors).toBeUndefined();
    await getPrisma().apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codes(await execute(`{ organisations { name } }`, {}, bearer(token)))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers bad input with clear messages and saves nothing', async () => {
    const { provider, opcc, viewers } = await world();
    const bad: [Viewer, Record<string, unknown>, string, string][] = [
      [viewers.PROVIDER_OWN!, { name: '' }, 'name', 'Enter a name for the token'],
      [viewers.PROVIDER_OWN!, { name: '   ' }, 'name', 'Enter a name for the token'],
      [viewers.PROVIDER_OWN!, { name: 'x'.repeat(10_000) }, 'name', 'The name must be 120 characters or fewer'],
      [viewers.PROVIDER_OWN!, { name: 'Past', expiresAt: isoDay(-1) }, 'expiresAt', 'Expiry date must be in the future'],
      [viewers.PROVIDER_OWN!, { name: 'Today', expiresAt: isoDay(0) }, 'expiresAt', 'Expiry date must be in the future'],
      [viewers.PROVIDER_OWN!, { name: 'Far', expiresAt: isoDay(365 * 3) }, 'expiresAt', 'Expiry date must be no more than 2 years from today'],
      [viewers.PROVIDER_OWN!, { name: 'Unreal', expiresAt: '2027-02-30' }, 'expiresAt', 'Expiry date must be a real date, like 2027-03-31'],
      [viewers.ADMIN!, { name: 'No organisation' }, 'organisationId', 'Choose the provider the token is for'],
      [viewers.ADMIN!, { name: 'Unknown', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId', 'Choose an organisation from the list'],
      [viewers.ADMIN!, { name: 'Not an id', organisationId: 'nope' }, 'organisationId', 'Choose an organisation from the list'],
      [viewers.ADMIN!, { name: 'The OPCC', organisationId: opcc.id }, 'organisationId', 'API tokens are for providers: choose a provider'],
    ];
    for (const [viewer, input, field, message] of bad) {
      const response = await execute(CREATE, { input }, { viewer });
      expect(codes(response), message).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(message);
      expect(response.errors![0]!.extensions!.field).toBe(`input.${field}`);
    }
    expect(await getPrisma().apiToken.count({ where: { organisationId: provider.id } })).toBe(1);
  });

  it('stores HTML in a name as text, and a duplicate active name is a typed error', async () => {
    const { provider, viewers } = await world();
    const name = '<script>alert(1)</script> & co';
    const first = await execute(CREATE, { input: { name } }, { viewer: viewers.PROVIDER_OWN });
    expect(first.data.createApiToken.data.apiToken.name).toBe(name);
    const again = await execute(CREATE, { input: { name: name.toUpperCase() } }, { viewer: viewers.PROVIDER_OWN });
    expect(again.errors).toBeUndefined();
    expect(again.data.createApiToken).toMatchObject({ __typename: 'NameTaken' });
    expect(again.data.createApiToken.message).toContain('already has an active token called');
    // A revoked token's name may be used again.
    await execute(REVOKE, { input: { id: first.data.createApiToken.data.apiToken.id } }, { viewer: viewers.ADMIN });
    const reused = await execute(CREATE, { input: { name, organisationId: provider.id } }, { viewer: viewers.ADMIN });
    expect(reused.data.createApiToken.__typename).toBe('MutationCreateApiTokenSuccess');
  });
});

describe('revokeApiToken', () => {
  it('follows the permission matrix', async () => {
    const { provider, viewers, mine } = await world();
    const cases: [string, Viewer | null | 'TOKEN', string][] = [
      ['POLICY_OFFICER', viewers.POLICY_OFFICER!, 'FORBIDDEN'],
      ['COMMISSIONER', viewers.COMMISSIONER!, 'FORBIDDEN'],
      ['PROVIDER other', viewers.PROVIDER_OTHER!, 'FORBIDDEN'],
      ['ANONYMOUS', null, 'UNAUTHENTICATED'],
      ['token caller (its own token)', 'TOKEN', 'FORBIDDEN'],
      ['PROVIDER own', viewers.PROVIDER_OWN!, 'ok'],
      ['ADMIN', viewers.ADMIN!, 'ok'],
    ];
    for (const [who, viewer, expected] of cases) {
      const target = expected === 'ok' ? (await tokenRow(provider.id)).row : mine.row;
      const input = { id: target.id };
      const response =
        viewer === 'TOKEN' ? await execute(REVOKE, { input }, bearer(mine.token)) : await execute(REVOKE, { input }, { viewer });
      if (expected === 'ok') {
        expect(response.errors, who).toBeUndefined();
        expect(response.data.revokeApiToken.data.status, who).toBe('REVOKED');
      } else {
        expect(codes(response), who).toEqual([expected]);
        expect((await getPrisma().apiToken.findUniqueOrThrow({ where: { id: mine.row.id } })).revokedAt, who).toBeNull();
      }
    }
    const unknown = await execute(REVOKE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, { viewer: viewers.ADMIN });
    expect(unknown.data.revokeApiToken.__typename).toBe('NotFound');
    const notAnId = await execute(REVOKE, { input: { id: 'nope' } }, { viewer: viewers.ADMIN });
    expect(codes(notAnId)).toEqual(['BAD_USER_INPUT']);
  });
});
