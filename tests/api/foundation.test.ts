// The Foundation's API contract: me, reference data, organisations; who may use what; bad input answered clearly.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../graphql/db';
import { generateToken } from '../../graphql/auth/tokens';
import { codes, execute } from '../helpers/api';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';

const PRIORITY_CODES = [
  'PI-TRANSITION',
  'PI-THERAPEUTIC',
  'PI-EDUCATION',
  'PI-OUT-OF-SCHOOL',
  'PI-BUSINESS',
  'PI-SOCIAL-MEDIA',
  'PI-TRAFFICKING',
  'PI-ONLINE',
];

describe('anonymous callers', () => {
  it('see me as null', async () => {
    const response = await execute('{ me { id } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: null });
  });

  it.each(['priorityIssues { code }', 'harmTypes { name }', 'initiatives { name }', 'organisations { name }'])(
    'are refused %s with UNAUTHENTICATED',
    async (selection) => {
      const response = await execute(`{ ${selection} }`);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data).toBeNull();
    },
  );
});

describe('a signed-in policy officer', () => {
  it('sees its role and the 8 priority issue codes of the briefing, in order', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const response = await execute('{ me { role email organisation { kind } } priorityIssues { code } }', {}, { viewer });
    expect(response.errors).toBeUndefined();
    expect(response.data.me.role).toBe('POLICY_OFFICER');
    expect(response.data.me.organisation.kind).toBe('OPCC');
    expect(response.data.priorityIssues.map((issue: { code: string }) => issue.code)).toEqual(PRIORITY_CODES);
  });

  it('sees the 9 forms of harm and the 6 initiatives named in the briefing', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const response = await execute('{ harmTypes { name } initiatives { name fromBriefing } }', {}, { viewer });
    expect(response.data.harmTypes).toHaveLength(9);
    expect(response.data.harmTypes.map((harm: { name: string }) => harm.name)).toContain('Online grooming');
    expect(response.data.initiatives.map((initiative: { name: string }) => initiative.name)).toEqual(
      expect.arrayContaining([
        'Vulnerability Tracker',
        'The Philomena Protocol',
        'Police Strategy Team',
        'Through the Eyes of a Child',
        'Intervene to Protect a Child',
        'Safeguarding Champions',
      ]),
    );
  });

  it('sees every organisation, and can filter by kind', async () => {
    const provider = await createOrganisation();
    const viewer = await viewerFor('POLICY_OFFICER');
    const all = await execute('{ organisations { id } }', {}, { viewer });
    expect(all.data.organisations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([provider.id, viewer.organisationId]),
    );
    const providers = await execute('{ organisations(kind: PROVIDER) { id kind } }', {}, { viewer });
    expect(providers.data.organisations.every((o: { kind: string }) => o.kind === 'PROVIDER')).toBe(true);
  });
});

describe('a provider user', () => {
  it('sees its own organisation and nothing of another', async () => {
    const mine = await createOrganisation();
    const theirs = await createOrganisation();
    await createUser({ role: 'PROVIDER', organisationId: theirs.id });
    const viewer = await viewerFor('PROVIDER', mine.id);
    const response = await execute('{ organisations { id name users { email } } }', {}, { viewer });
    expect(response.errors).toBeUndefined();
    expect(response.data.organisations).toHaveLength(1);
    expect(response.data.organisations[0].id).toBe(mine.id);
    expect(JSON.stringify(response.data)).not.toContain(theirs.name);
  });

  it('cannot change reference data', async () => {
    const viewer = await viewerFor('PROVIDER');
    const response = await execute(
      'mutation { updatePriorityIssue(input: { code: "PI-ONLINE", title: "x", description: "y", expectedVersion: 1 }) { __typename } }',
      {},
      { viewer },
    );
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('the Commissioner', () => {
  it('reads reference data and organisations but may not change them', async () => {
    const viewer = await viewerFor('COMMISSIONER');
    const read = await execute('{ me { role } priorityIssues { code } organisations { id } }', {}, { viewer });
    expect(read.errors).toBeUndefined();
    expect(read.data.me.role).toBe('COMMISSIONER');
    const write = await execute(
      'mutation { updatePriorityIssue(input: { code: "PI-ONLINE", title: "x", description: "y", expectedVersion: 1 }) { __typename } }',
      {},
      { viewer },
    );
    expect(codes(write)).toEqual(['FORBIDDEN']);
  });
});

const UPDATE = `mutation Update($input: UpdatePriorityIssueInput!) {
  updatePriorityIssue(input: $input) {
    __typename
    ... on MutationUpdatePriorityIssueSuccess { data { code title version } }
    ... on VersionConflict { message currentVersion }
    ... on NotFound { message }
  }
}`;

describe('an admin editing a priority issue', () => {
  it('saves it, and the audit trail says who, what, which record, before and after', async () => {
    const viewer = await viewerFor('ADMIN');
    const before = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-ONLINE' } });
    const response = await execute(
      UPDATE,
      { input: { code: 'PI-ONLINE', title: 'Online offending', description: 'New words.', expectedVersion: before.version } },
      { viewer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.updatePriorityIssue).toEqual({
      __typename: 'MutationUpdatePriorityIssueSuccess',
      data: { code: 'PI-ONLINE', title: 'Online offending', version: before.version + 1 },
    });
    const events = await getPrisma().auditEvent.findMany({ where: { entityType: 'priority_issue', entityId: before.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'UPDATE',
      operation: 'updatePriorityIssue',
      actorUserId: viewer.userId,
      actorLabel: viewer.label,
    });
    expect((events[0]!.before as { title: string }).title).toBe(before.title);
    expect((events[0]!.after as { title: string }).title).toBe('Online offending');
    expect(events[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is told of a conflict when someone else saved first, and nothing is overwritten', async () => {
    const viewer = await viewerFor('ADMIN');
    const start = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-EDUCATION' } });
    const first = await execute(
      UPDATE,
      { input: { code: 'PI-EDUCATION', title: 'First', description: 'First.', expectedVersion: start.version } },
      { viewer },
    );
    expect(first.data.updatePriorityIssue.__typename).toBe('MutationUpdatePriorityIssueSuccess');
    const second = await execute(
      UPDATE,
      { input: { code: 'PI-EDUCATION', title: 'Second', description: 'Second.', expectedVersion: start.version } },
      { viewer },
    );
    expect(second.data.updatePriorityIssue).toMatchObject({ __typename: 'VersionConflict', currentVersion: start.version + 1 });
    const stored = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-EDUCATION' } });
    expect(stored.title).toBe('First');
  });

  it('answers BAD_USER_INPUT naming the field for an empty title, and saves nothing', async () => {
    const viewer = await viewerFor('ADMIN');
    const response = await execute(
      UPDATE,
      { input: { code: 'PI-ONLINE', title: '   ', description: 'x', expectedVersion: 1 } },
      { viewer },
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe('Enter a title');
    expect(response.errors![0]!.extensions!.field).toContain('title');
  });

  it('answers NotFound for an unknown code', async () => {
    const viewer = await viewerFor('ADMIN');
    const response = await execute(
      UPDATE,
      { input: { code: 'PI-NOPE', title: 'x', description: 'y', expectedVersion: 1 } },
      { viewer },
    );
    expect(response.data.updatePriorityIssue.__typename).toBe('NotFound');
  });
});

describe('bad requests get clear answers, never a 500', () => {
  it('refuses a query nested 50 deep with BAD_USER_INPUT', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `organisation { users { ${selection} } }`;
    const response = await execute(`{ me { ${selection} } }`, {}, { viewer });
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('BAD_USER_INPUT');
  });

  it('refuses 500 aliases with BAD_USER_INPUT', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: priorityIssues { code }`).join(' ');
    const response = await execute(`{ ${aliases} }`, {}, { viewer });
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('BAD_USER_INPUT');
  });

  it('answers malformed JSON with 400', async () => {
    const { yoga } = await import('../../graphql/yoga');
    const response = await yoga.fetch(
      'http://portal.test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id }' },
      { source: 'anonymous' },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/JSON/);
  });

  it('answers a syntax error with BAD_USER_INPUT', async () => {
    const response = await execute('{ me { id ');
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const viewer = await viewerFor('ADMIN');
    const response = await execute(UPDATE, { input: { code: 'PI-ONLINE', title: 'x', description: 'y', expectedVersion: 'one' } }, { viewer });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('browser sessions and API tokens', () => {
  it('refuses cookie-authenticated requests without the CSRF header', async () => {
    const viewer = await viewerFor('POLICY_OFFICER');
    const refused = await execute('{ me { id } }', {}, { viewer, source: 'cookie' });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const allowed = await execute('{ me { id } }', {}, { viewer, source: 'cookie', headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(allowed.data).toEqual({ me: { id: viewer.userId } });
  });

  it('lets a token act as its organisation with the PROVIDER role, and refuses unknown tokens', async () => {
    const organisation = await createOrganisation();
    const issuer = await createUser({ role: 'PROVIDER', organisationId: organisation.id });
    const { token, hash, prefix } = generateToken();
    await getPrisma().apiToken.create({
      data: { organisationId: organisation.id, name: 'Case system', tokenHash: hash, prefix, createdById: issuer.id },
    });
    const ok = await execute('{ me { id } organisations { id } }', {}, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ me: null, organisations: [{ id: organisation.id }] });

    const bad = await execute('{ organisations { id } }', {}, { headers: { authorization: 'Bearer pcc_not-a-real-token' } });
    expect(codes(bad)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a mutation result asked for only by __typename', () => {
  it('is answered, not failed (Prisma refuses an empty select: the client leaves it out)', async () => {
    const viewer = await viewerFor('ADMIN');
    const issue = await getPrisma().priorityIssue.findUniqueOrThrow({ where: { code: 'PI-TRAFFICKING' } });
    const response = await execute(
      'mutation U($input: UpdatePriorityIssueInput!) { updatePriorityIssue(input: $input) { __typename } }',
      { input: { code: 'PI-TRAFFICKING', title: issue.title, description: issue.description, expectedVersion: issue.version } },
      { viewer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.updatePriorityIssue).toEqual({ __typename: 'MutationUpdatePriorityIssueSuccess' });
  });
});
