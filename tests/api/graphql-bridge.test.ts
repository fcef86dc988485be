// The pages' bridge (app/utils/graphql.server.ts gqlResult, graphql/yoga.ts executeInProcess) runs operations
// through Yoga's pipeline without its HTTP layer: it must answer exactly what POST /graphql answers for the same
// viewer - the same data, the same errors (codes, messages, paths, field issues), the same rollback.
import { describe, expect, it } from 'vitest';
import type { TypedDocumentString } from '../../app/gql/graphql';
import { gqlResult } from '../../app/utils/graphql.server';
import { createSession, getOptionalUser, viewerOf } from '../../app/utils/session.server';
import { getPrisma } from '../../graphql/db';
import { execute } from '../helpers/api';
import { createUser } from '../helpers/factories';

const document = (query: string) => ({ toString: () => query }) as unknown as TypedDocumentString<unknown, Record<string, unknown>>;

async function signedIn(role: 'POLICY_OFFICER' | 'PROVIDER') {
  const user = await createUser({ role });
  const cookie = (await createSession(user.id, { ipAddress: '127.0.0.1', userAgent: 'vitest' })).split(';')[0]!;
  const request = () => new Request('http://portal.test/page', { headers: { cookie } });
  const viewer = viewerOf((await getOptionalUser(request()))!);
  return { user, request, viewer };
}

/** The bridge's answer beside the endpoint's, for the same viewer (null: signed out). */
async function both(who: Awaited<ReturnType<typeof signedIn>> | null, query: string, variables: Record<string, unknown> = {}) {
  const request = who ? who.request() : new Request('http://portal.test/page');
  const bridge = await gqlResult(request, document(query), variables);
  const endpoint = await execute(query, variables, { viewer: who?.viewer ?? null, source: 'in-process' });
  return { bridge, endpoint: { data: endpoint.data ?? null, errors: endpoint.errors ?? [] } };
}

const CREATE = `mutation ($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    __typename
    ... on MutationCreateOrganisationSuccess { data { name kind type } }
    ... on NameTaken { message }
  }
}`;

describe('the pages’ bridge answers what POST /graphql answers', () => {
  it('data', async () => {
    const officer = await signedIn('POLICY_OFFICER');
    const { bridge, endpoint } = await both(officer, '{ me { email role organisation { kind } } areas { code name } priorityIssues { code title } }');
    expect(bridge.errors).toEqual([]);
    expect(bridge.data).toEqual(endpoint.data);
    expect(bridge.data).toMatchObject({ me: { email: officer.user.email, role: 'POLICY_OFFICER' } });
  });

  it.each([
    ['a syntax error', '{ me { email ', {}],
    ['an unknown field', '{ me { email shoeSize } }', {}],
    ['a variable of the wrong type', 'query ($id: ID!) { organisation(id: $id) { name } }', { id: { not: 'an id' } }],
    ['a missing variable', 'query ($id: ID!) { organisation(id: $id) { name } }', {}],
    ['too many aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { email }`).join(' ')} }`, {}],
  ])('errors: %s', async (_name, query, variables) => {
    const officer = await signedIn('POLICY_OFFICER');
    const { bridge, endpoint } = await both(officer, query, variables);
    expect(endpoint.errors.length).toBeGreaterThan(0);
    expect(bridge).toEqual(endpoint);
    expect(bridge.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('errors: signed out, and refused', async () => {
    const anonymous = await both(null, '{ organisations { name } }');
    expect(anonymous.bridge).toEqual(anonymous.endpoint);
    expect(anonymous.bridge.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const provider = await signedIn('PROVIDER');
    const refused = await both(provider, '{ reviewQueue { id } }');
    expect(refused.bridge).toEqual(refused.endpoint);
    expect(refused.bridge.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('mutations: the same typed results, and bad input leaves nothing behind', async () => {
    const officer = await signedIn('POLICY_OFFICER');
    const before = await getPrisma().organisation.count();
    const bad = await both(officer, CREATE, { input: { name: '', type: 'CHARITY' } });
    expect(bad.bridge).toEqual(bad.endpoint);
    expect(bad.bridge.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await getPrisma().organisation.count()).toBe(before);

    const name = `Bridge ${crypto.randomUUID().slice(0, 8)}`;
    const created = await gqlResult(officer.request(), document(CREATE), { input: { name, type: 'CHARITY' } });
    expect(created).toEqual({ data: { createOrganisation: { __typename: 'MutationCreateOrganisationSuccess', data: { name, kind: 'PROVIDER', type: 'CHARITY' } } }, errors: [] });
    const again = await both(officer, CREATE, { input: { name, type: 'CHARITY' } });
    expect(again.bridge).toEqual(again.endpoint);
    expect(again.bridge.data).toMatchObject({ createOrganisation: { __typename: 'NameTaken' } });
  });
});
