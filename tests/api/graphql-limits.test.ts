// What one request to the API may ask for (graphql/limits.ts, docs/decisions/0008): each limit refused with a clear
// message just over it and accepted at it, over the same Yoga pipeline POST /graphql uses (yoga.fetch) and the
// pages' in-process bridge; batched requests; introspection and "Did you mean" suggestions only for OPCC staff signed
// in to the portal; GraphiQL only for OPCC staff with a session; no CORS; the body size; and every operation the
// pages send within every limit.
import { getIntrospectionQuery, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../prisma/client';
import { generateToken } from '../../graphql/auth/tokens';
import type { ServerContext, Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { costOf, LIMITS, LIST_SIZE, measure, tokensOf } from '../../graphql/limits';
import { schema } from '../../graphql/schema';
import { executeInProcess, yoga } from '../../graphql/yoga';
import * as operations from '../../app/gql/graphql';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { codes, execute, type GraphQLResponse } from '../helpers/api';

let officer: Viewer;
let provider: Viewer;

beforeAll(async () => {
  officer = await viewerFor('POLICY_OFFICER');
  provider = await viewerFor('PROVIDER');
});

/** An API token of a new organisation of this kind, with this role. */
async function bearer(role: Role = 'PROVIDER', kind: 'PROVIDER' | 'OPCC' = 'PROVIDER') {
  const organisation = await createOrganisation({ kind });
  const issuer = await createUser({ role: kind === 'OPCC' ? 'ADMIN' : 'PROVIDER', organisationId: organisation.id });
  const { token, hash, prefix } = generateToken();
  await getPrisma().apiToken.create({
    data: { organisationId: organisation.id, name: 'Case system', tokenHash: hash, prefix, role, createdById: issuer.id },
  });
  return { authorization: `Bearer ${token}` };
}

const asOfficer = (query: string) => execute(query, {}, { viewer: officer });

function expectLimit(response: GraphQLResponse, limit: string, message: RegExp) {
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  const error = response.errors?.find((e) => e.extensions?.limit === limit);
  expect(error, JSON.stringify(response.errors)).toBeDefined();
  expect(error!.message).toMatch(message);
  expect(error!.message).not.toMatch(/Syntax Error/);
  expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit, max: LIMITS[limit as keyof typeof LIMITS] });
}

const accepted = (response: GraphQLResponse) => {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
};

/** `{ me { ... on User { ... on User { id } } } }`: depth grows by one per inline fragment, cost does not. */
function queryOfDepth(depth: number): string {
  for (let fragments = 0; fragments < 50; fragments += 1) {
    const query = `{ me { ${'... on User { '.repeat(fragments)}id${' }'.repeat(fragments)} } }`;
    const found = measure(schema, query, parse(query)).depth;
    if (found === depth) return query;
  }
  throw new Error(`no query of depth ${depth}`);
}

/**
 * A query whose estimated cost is exactly `target`: organisations (a list) > services (a list) > provider > services
 * (a list), with __typename selected more or fewer times at each level (each counts 1000, 100, 10 or 1).
 */
function queryOfCost(target: number): string {
  const build = (k: number[]) =>
    `{ ${'__typename '.repeat(k[0]!)}organisations { ${'__typename '.repeat(k[1]!)}services { ${'__typename '.repeat(k[2]!)}provider { services { __typename ${'__typename '.repeat(k[3]!)}} } } } }`;
  const base = costOf(schema, parse(build([0, 0, 0, 0])));
  let rest = target - base;
  const k = [0, 0, 0, 0];
  for (const [level, weight] of [[3, 1000], [2, 100], [1, 10], [0, 1]] as const) {
    k[level] = Math.floor(rest / weight);
    rest -= k[level]! * weight;
  }
  const query = build(k);
  expect(costOf(schema, parse(query))).toBe(target);
  return query;
}

describe('each limit: accepted at it, refused just over it with a clear message', () => {
  it('depth', async () => {
    accepted(await asOfficer(queryOfDepth(LIMITS.depth)));
    expectLimit(await asOfficer(queryOfDepth(LIMITS.depth + 1)), 'depth', new RegExp(`nested ${LIMITS.depth + 1} levels deep; the limit is ${LIMITS.depth}`));
  });

  it('cost: the estimated size of the answer, each list counted as 10 items', async () => {
    expect(LIST_SIZE).toBe(10);
    accepted(await asOfficer(queryOfCost(LIMITS.cost)));
    const over = await asOfficer(queryOfCost(LIMITS.cost + 1));
    expectLimit(over, 'cost', new RegExp(`about ${LIMITS.cost + 1} values .* the limit is ${LIMITS.cost}`));
    expect(over.errors![0]!.extensions).toMatchObject({ found: LIMITS.cost + 1 });
  });

  it('cost: refuses lists nested in lists that a depth limit alone lets through', async () => {
    const nested = '{ organisations { services { provider { services { provider { services { provider { services { id } } } } } } } } }';
    expect(measure(schema, nested, parse(nested)).depth).toBeLessThanOrEqual(LIMITS.depth);
    expectLimit(await asOfficer(nested), 'cost', /asks for too much at once/);
  });

  it('aliases', async () => {
    const withAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    accepted(await asOfficer(withAliases(LIMITS.aliases)));
    expectLimit(await asOfficer(withAliases(LIMITS.aliases + 1)), 'aliases', new RegExp(`uses ${LIMITS.aliases + 1} aliases; the limit is ${LIMITS.aliases}`));
  });

  it('directives', async () => {
    // One per field (repeating a non-repeatable directive on one field is itself invalid).
    const spread = (n: number) => `{ me { ${Array.from({ length: n }, () => 'id @include(if: true)').join(' ')} } }`;
    accepted(await asOfficer(spread(LIMITS.directives)));
    expectLimit(await asOfficer(spread(LIMITS.directives + 1)), 'directives', new RegExp(`uses ${LIMITS.directives + 1} directives; the limit is ${LIMITS.directives}`));
  });

  it('tokens', async () => {
    // A long list argument (the same field selected a thousand times would meet graphql's own overlapping-fields budget).
    const withTokens = (n: number) => `{ services(filter: { statuses: [${'ACTIVE '.repeat(n - 16)}] }) { totalCount } }`;
    expect(tokensOf(withTokens(LIMITS.tokens))).toBe(LIMITS.tokens);
    accepted(await asOfficer(withTokens(LIMITS.tokens)));
    const over = await asOfficer(withTokens(LIMITS.tokens + 1));
    expectLimit(over, 'tokens', new RegExp(`too long: more than ${LIMITS.tokens} tokens`));
  });

  it('reports every limit a query breaks, not only the first', async () => {
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: organisations { services { provider { services { provider { services { id } } } } } }`).join(' ');
    const response = await asOfficer(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(new Set(response.errors?.map((e) => e.extensions?.limit))).toEqual(new Set(['aliases', 'cost']));
  });

  it('applies to anonymous callers, API tokens and the pages\' in-process bridge alike', async () => {
    const tooDeep = queryOfDepth(LIMITS.depth + 1);
    expectLimit(await execute(tooDeep), 'depth', /nested/);
    expectLimit(await execute(tooDeep, {}, { headers: await bearer() }), 'depth', /nested/);
    const inProcess = await executeInProcess({ query: tooDeep }, { viewer: officer, source: 'in-process' });
    expect(inProcess.data).toBeNull();
    expect(inProcess.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } });
  });
});

describe('every operation the pages send fits every limit', () => {
  const documents = Object.entries(operations).filter(
    ([name, value]) => name.endsWith('Document') && value instanceof (operations as unknown as { TypedDocumentString: new (...args: never[]) => unknown }).TypedDocumentString,
  );

  it('finds the pages\' operations', () => {
    expect(documents.length).toBeGreaterThan(50);
  });

  it('each is within depth, cost, aliases, directives and tokens, and validates', () => {
    const over: string[] = [];
    const largest = { depth: 0, cost: 0, aliases: 0, directives: 0, tokens: 0 };
    for (const [name, document] of documents) {
      const query = String(document);
      const measured = measure(schema, query, parse(query));
      expect(measured.errors.map((e) => `${name}: ${e.message}`)).toEqual([]);
      for (const limit of Object.keys(largest) as (keyof typeof largest)[]) {
        largest[limit] = Math.max(largest[limit], measured[limit]);
        if (measured[limit] > LIMITS[limit]) over.push(`${name}: ${limit} ${measured[limit]} > ${LIMITS[limit]}`);
      }
    }
    expect(over).toEqual([]);
    // The headroom docs/decisions/0008 records: the largest page operation uses at most this share of each limit.
    expect(largest.depth).toBeLessThanOrEqual(LIMITS.depth - 2);
    expect(largest.cost).toBeLessThanOrEqual(LIMITS.cost / 2);
    expect(largest.tokens).toBeLessThanOrEqual(LIMITS.tokens / 2);
  });
});

describe('one operation per request', () => {
  it('refuses a batched request (a JSON array)', async () => {
    const response = await yoga.fetch(
      'http://portal.test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(await bearer()) },
        body: JSON.stringify([{ query: '{ priorityIssues { code } }' }, { query: '{ priorityIssues { title } }' }]),
      },
      { viewer: null, source: 'anonymous' } satisfies ServerContext,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/batch/i);
  });

  it('refuses a body over 12 MB before reading it all', async () => {
    const response = await yoga.fetch(
      'http://portal.test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await bearer()) },
        body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(12 * 1024 * 1024) } }),
      },
      { viewer: null, source: 'anonymous' } satisfies ServerContext,
    );
    expect(response.status).toBe(413);
  });
});

describe('introspection: OPCC staff signed in to the portal only', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const TYPE = '{ __type(name: "User") { name fields { name } } }';

  it('is answered to OPCC staff: in-process, and with the cookie (GraphiQL)', async () => {
    for (const role of ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER'] as const) {
      const viewer = await viewerFor(role);
      const response = await execute(SCHEMA, {}, { viewer });
      accepted(response);
      expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    }
    const cookie = await execute(TYPE, {}, { viewer: officer, source: 'cookie', headers: { 'x-graphql-yoga-csrf': '1' } });
    accepted(cookie);
    expect(cookie.data.__type.name).toBe('User');
    // GraphiQL's own introspection query fits the limits.
    accepted(await execute(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}, { viewer: officer, source: 'cookie', headers: { 'x-graphql-yoga-csrf': '1' } }));
  });

  it('is refused to anonymous callers (UNAUTHENTICATED), providers and every API token (FORBIDDEN)', async () => {
    for (const query of [SCHEMA, TYPE, getIntrospectionQuery()]) {
      const anonymous = await execute(query);
      expect(anonymous.status).toBe(401);
      expect(anonymous.data ?? null).toBeNull();
      expect(codes(anonymous)).toContain('UNAUTHENTICATED');
      expect(anonymous.errors![0]!.message).toMatch(/Sign in as OPCC staff to introspect the schema/);

      const asProvider = await execute(query, {}, { viewer: provider });
      expect(asProvider.status).toBe(403);
      expect(codes(asProvider)).toContain('FORBIDDEN');
      expect(asProvider.errors![0]!.message).toMatch(/Only OPCC staff signed in to the portal may introspect/);
    }
    // A token is refused whatever its role, even an administrator's token of the OPCC.
    for (const headers of [await bearer('PROVIDER'), await bearer('ADMIN', 'OPCC')]) {
      const response = await execute(SCHEMA, {}, { headers });
      expect(response.status).toBe(403);
      expect(codes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('is refused inside fragments too', async () => {
    const hidden = 'query { ...Q } fragment Q on Query { __schema { types { name } } }';
    expect(codes(await execute(hidden, {}, { viewer: provider }))).toContain('FORBIDDEN');
    const inline = '{ ... on Query { __type(name: "Role") { enumValues { name } } } }';
    expect(codes(await execute(inline))).toContain('UNAUTHENTICATED');
  });

  it('never shares a cached validation between staff and others (either order)', async () => {
    const first = `{ __type(name: "Organisation") { name } }`;
    accepted(await asOfficer(first));
    expect(codes(await execute(first, {}, { viewer: provider }))).toEqual(['FORBIDDEN']);
    const second = `{ __type(name: "CommissionedService") { name } }`;
    expect(codes(await execute(second, {}, { viewer: provider }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(second))).toEqual(['UNAUTHENTICATED']);
    accepted(await asOfficer(second));
  });

  it('leaves __typename alone (it is not introspection)', async () => {
    const response = await execute('{ __typename priorityIssues { __typename code } }', {}, { viewer: provider });
    accepted(response);
    expect(response.data.__typename).toBe('Query');
  });
});

describe('"Did you mean ...?" suggestions name parts of the schema: OPCC staff only', () => {
  it('are left out for providers, tokens and anonymous callers, kept for staff', async () => {
    const typo = '{ me { nam } }';
    const staff = await asOfficer(typo);
    expect(staff.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    for (const response of [await execute(typo, {}, { viewer: provider }), await execute(typo), await execute(typo, {}, { headers: await bearer() })]) {
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.message).toBe('Cannot query field "nam" on type "User".');
    }
  });

  it('are left out of variables\' errors (enum values) for others', async () => {
    const query = 'query ($kind: OrganisationKind) { organisations(kind: $kind) { id } }';
    const staff = await execute(query, { kind: 'PROVIDR' }, { viewer: officer });
    expect(staff.errors?.[0]?.message).toMatch(/Did you mean/);
    const other = await execute(query, { kind: 'PROVIDR' }, { viewer: provider });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('GraphiQL: OPCC staff with a session only', () => {
  const page = (context: ServerContext, headers: Record<string, string> = {}) =>
    yoga.fetch('http://portal.test/graphql', { method: 'GET', headers: { accept: 'text/html', ...headers } }, context);

  it('is served to staff with the cookie, its inline script allowed by its own policy\'s nonce', async () => {
    const response = await page({ viewer: officer, source: 'cookie' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9_-]+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/'unsafe-eval'/);
    const html = await response.text();
    expect(html).toContain('<title>Portal API explorer</title>');
    // Its one script element (React's bundle inside it holds the text "<script><\/script>", which is not an element).
    expect(html.match(/<script[^>]*>/)?.[0]).toBe(`<script nonce="${nonce}">`);
    expect(html.match(/<script nonce=/g)).toHaveLength(1);
    expect(html).not.toContain('cspNonce');
  });

  it('uses the nonce server.ts gave the request', async () => {
    const nonce = 'AbCdEfGhIjKlMnOpQrStUv';
    const response = await page({ viewer: officer, source: 'cookie' }, { 'x-portal-csp-nonce': nonce });
    expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(await response.text()).toContain(`<script nonce="${nonce}">`);
  });

  it('is not served to providers, to anonymous callers, in-process or to tokens', async () => {
    for (const response of [
      await page({ viewer: provider, source: 'cookie' }),
      await page({ viewer: null, source: 'anonymous' }),
      await page({ viewer: officer, source: 'in-process' }),
      await page({ viewer: null, source: 'anonymous' }, await bearer('ADMIN', 'OPCC')),
    ]) {
      expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await response.text()).not.toContain('Portal API explorer');
    }
  });
});

describe('cross-origin reads', () => {
  it('sends no CORS headers, whatever the Origin (no credentialed reads from other origins)', async () => {
    const headers = { origin: 'https://evil.opcc.example', 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' };
    const post = await yoga.fetch(
      'http://portal.test/graphql',
      { method: 'POST', headers, body: JSON.stringify({ query: '{ me { id } }' }) },
      { viewer: officer, source: 'cookie' } satisfies ServerContext,
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await yoga.fetch(
      'http://portal.test/graphql',
      { method: 'OPTIONS', headers: { origin: 'https://evil.opcc.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-graphql-yoga-csrf' } },
      { viewer: null, source: 'anonymous' } satisfies ServerContext,
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('still refuses a cookie request without the CSRF header, and takes a token from anywhere', async () => {
    const refused = await execute('{ me { id } }', {}, { viewer: officer, source: 'cookie' });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const token = await execute('{ priorityIssues { code } }', {}, { headers: { ...(await bearer()), origin: 'https://anywhere.example' } });
    accepted(token);
  });
});
