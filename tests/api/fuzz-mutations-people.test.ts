// Fuzzing the people mutations (issue 7): see tests/api/fuzz-mutations.test.ts and tests/helpers/fuzz-runner.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../helpers/api';
import { viewerFor } from '../helpers/factories';
import { FUZZ_SEED, fuzzGroup, type Regression } from '../helpers/fuzz-runner';
import type { Viewer } from '../../graphql/context';

// Inputs that broke a mutation once: tried first, every run.
const REGRESSIONS: Record<string, Regression[]> = {
  createOrganisation: [
    { caller: 'ADMIN', edits: [{ path: ['input', 'name'], value: '\u0000' }], found: 'INTERNAL_SERVER_ERROR' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'name'], value: '\u0004㐮㝝' }], found: 'a control character stored in a provider\'s name' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'website'], value: 'https://x.org/a\u0001b' }], found: 'a control character stored in a website' },
  ],
  createUser: [
    { caller: 'ADMIN', edits: [{ path: ['input', 'name'], value: '\u200b' }], found: 'a name of a zero-width space was stored' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'email'], value: 'a\u0000b@example.org' }], found: 'INTERNAL_SERVER_ERROR' },
    {
      caller: 'ADMIN',
      edits: [{ path: ['input', 'email'], value: `${'İ'.repeat(300)}@example.org` }],
      found: '312 characters, 612 once lower-cased: too long for the column, INTERNAL_SERVER_ERROR',
    },
  ],
  createApiToken: [{ caller: 'PROVIDER', edits: [{ path: ['input', 'name'], value: 'a\u0000b' }], found: 'INTERNAL_SERVER_ERROR' }],
  updatePriorityIssue: [{ caller: 'ADMIN', edits: [{ path: ['input', 'title'], value: 'a\u0000' }], found: 'INTERNAL_SERVER_ERROR' }],
};

fuzzGroup('people', REGRESSIONS);

// Found by the fuzz tests: "already taken" checks compared names and e-mail addresses as LIKE patterns (Prisma runs
// `equals` with `mode: 'insensitive'` as ILIKE, unescaped), so "first_last@..." was refused because "first.last@..."
// existed, "%" was "already" any initiative, and a trailing backslash failed the query. A name is taken exactly when
// the same name, ignoring case, exists.
describe('"already taken" means the same text, ignoring case: never a pattern', () => {
  let admin: Viewer;
  beforeAll(async () => {
    admin = await viewerFor('ADMIN');
  });
  const CREATE_INITIATIVE = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { __typename ... on Error { message } } }`;
  const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename ... on Error { message } } }`;

  it('initiative names', async () => {
    const taken = new Set<string>();
    const prefix = `Like ${Date.now().toString(36)} `;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'A', '_', '%', '\\', '.', 'b'), minLength: 1, maxLength: 4 }), async (suffix) => {
        const name = `${prefix}${suffix}`;
        const answer = await execute(CREATE_INITIATIVE, { input: { name, description: 'Like test.', status: 'ACTIVE' } }, { viewer: admin });
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        expect(answer.data?.createInitiative.__typename).toBe(taken.has(name.toLowerCase()) ? 'NameTaken' : 'MutationCreateInitiativeSuccess');
        taken.add(name.toLowerCase());
      }),
      { numRuns: 40, seed: FUZZ_SEED, examples: [['a.b'], ['a_b'], ['%'], ['a\\'], ['A.B']] },
    );
  });

  it('e-mail addresses', async () => {
    const organisationId = admin.organisationId;
    const stamp = Date.now().toString(36);
    const input = (local: string) => ({ input: { email: `${local}.${stamp}@like.example`, name: 'Like Person', organisationId, role: 'POLICY_OFFICER' } });
    expect((await execute(CREATE_USER, input('first.last'), { viewer: admin })).data?.createUser.__typename).toBe('MutationCreateUserSuccess');
    expect((await execute(CREATE_USER, input('first_last'), { viewer: admin })).data?.createUser.__typename).toBe('MutationCreateUserSuccess');
    expect((await execute(CREATE_USER, input('first%'), { viewer: admin })).data?.createUser.__typename).toBe('MutationCreateUserSuccess');
    expect((await execute(CREATE_USER, input('FIRST_LAST'), { viewer: admin })).data?.createUser.__typename).toBe('EmailTaken');
  });

  it("providers' names and API tokens' names", async () => {
    const CREATE_ORGANISATION = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
      __typename ... on Error { message } ... on MutationCreateOrganisationSuccess { data { id } } } }`;
    const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on Error { message } } }`;
    const stamp = Date.now().toString(36);
    const organisation = async (name: string) =>
      (await execute(CREATE_ORGANISATION, { input: { name: `${name} ${stamp}`, type: 'CHARITY' } }, { viewer: admin })).data?.createOrganisation;
    const first = await organisation('Like Org');
    expect(first.__typename).toBe('MutationCreateOrganisationSuccess');
    expect((await organisation('Like_Org')).__typename).toBe('MutationCreateOrganisationSuccess');
    expect((await organisation('LIKE ORG')).__typename).toBe('NameTaken');
    const token = async (name: string) =>
      (await execute(CREATE_TOKEN, { input: { name, organisationId: first.data.id } }, { viewer: admin })).data?.createApiToken.__typename;
    expect(await token('Case system')).toBe('MutationCreateApiTokenSuccess');
    expect(await token('Case_system')).toBe('MutationCreateApiTokenSuccess');
    expect(await token('%')).toBe('MutationCreateApiTokenSuccess');
    expect(await token('token\\')).toBe('MutationCreateApiTokenSuccess');
    expect(await token('CASE SYSTEM')).toBe('NameTaken');
  });
});
