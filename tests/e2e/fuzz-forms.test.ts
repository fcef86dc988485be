// Fuzzing the forms over HTTP (issue 7), against the production build with the demo data (tests/e2e/global.ts):
// property-based tests (fast-check) that post random and hostile bodies, with no browser.
// - The sign-in form: random e-mail addresses and passwords, huge bodies, wrong content types, missing fields,
//   multipart: never a 5xx, never a session, and a well-formed attempt always gets the one generic message (or the
//   throttle's). Sent from 127.0.0.2 (tests/helpers/fuzz-http.ts): the address throttle (20 failures in 15 minutes)
//   then counts them against that address, never against 127.0.0.1, where every other browser test signs in. No
//   demo account is tried (the account throttle would lock it): only random addresses.
// - The CSV upload of a return (/returns/:id/upload): random bytes, byte order marks, UTF-16, huge lines, formula
//   injection, binary, thousands of columns, an empty file, the wrong field name, the wrong content type: never a
//   5xx, and the return is unchanged afterwards (re-read through the API).
// - Every other route with an action (enumerated from app/routes) gets random form data with a valid Origin (the
//   server's own): never a 5xx. Records that could change are the test's own (a provider, an initiative and a
//   service made here, the return of Northern Lanterns, a provider no other browser test uses); demo rows are only
//   named by random ids.
// FUZZ_RUNS scales the runs; FUZZ_SEED fixes the seed (default: fixed).
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE_STRINGS, hostileString } from '../helpers/fuzz-arbitraries';
import { cookiesOf, multipart, routesWithActions, send, urlencoded, type FilePart, type HttpAnswer } from '../helpers/fuzz-http';

const baseUrl = () => inject('baseUrl');
const origin = () => new URL(baseUrl()).origin;
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'portal-demo-password';
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20_261_129);
const SCALE = Number(process.env.FUZZ_RUNS ?? 30) / 30;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** The address hostile sign-ins come from (see the top of this file). */
const FUZZ_ADDRESS = '127.0.0.2';
// Demo providers no other browser test signs in as: the first with a return it can edit is used.
const PROVIDERS = ['northern-lanterns', 'brighter-screens', 'safe-passage-north', 'darlington-youth-hub'].map((slug) => `provider@${slug}.example`);
const OFFICER = 'officer@opcc.example';

const SIGN_IN_FAILED = 'Enter a correct email address and password';
const SIGN_IN_THROTTLED = 'There have been too many attempts to sign in';

const hex = () => randomBytes(4).toString('hex');

/** What must hold for every answer of a form: no server error (5xx). */
function noServerError(answer: HttpAnswer, what: string) {
  expect(answer.status, `${what}: HTTP ${answer.status}\n${answer.body.slice(0, 1500)}`).toBeLessThan(500);
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await send(baseUrl(), {
    method: 'POST',
    path: '/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() },
    body: urlencoded([['email', email], ['password', password], ['redirectTo', '/']]),
  });
  expect(answer.status, answer.body.slice(0, 500)).toBe(302);
  const cookie = cookiesOf(answer);
  expect(cookie).not.toBe('');
  return cookie;
}

/** The API as a signed-in user (the session cookie, with Yoga's CSRF header). */
async function api<T = any>(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await send(baseUrl(), {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', cookie, 'x-graphql-yoga-csrf': '1', origin: origin() },
    body: JSON.stringify({ query, variables }),
  });
  const body = JSON.parse(answer.body);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------------------------

type Encoding =
  | 'urlencoded'
  | 'multipart'
  | 'json'
  | 'text'
  | 'none'
  | 'urlencoded-as-json'
  | 'garbage-multipart'
  | 'truncated-multipart'
  | 'multipart-no-boundary'
  | 'xml';

const encodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Encoding>('urlencoded') },
  { weight: 3, arbitrary: fc.constant<Encoding>('multipart') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Encoding>('json', 'text', 'none', 'urlencoded-as-json', 'garbage-multipart', 'truncated-multipart', 'multipart-no-boundary', 'xml'),
  },
);

/** A request body with the given fields in the given encoding (some encodings are deliberately wrong). */
function encode(fields: [string, string][], encoding: Encoding): { body?: Buffer | string; contentType?: string } {
  switch (encoding) {
    case 'urlencoded':
      return { body: urlencoded(fields), contentType: 'application/x-www-form-urlencoded' };
    case 'multipart': {
      const { body, contentType } = multipart(fields);
      return { body, contentType };
    }
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(fields)), contentType: 'application/json' };
    case 'text':
      return { body: fields.map(([k, v]) => `${k}=${v}`).join('\n'), contentType: 'text/plain' };
    case 'none':
      return { body: urlencoded(fields) };
    case 'urlencoded-as-json':
      return { body: urlencoded(fields), contentType: 'application/json' };
    case 'garbage-multipart':
      return { body: randomBytes(64 + fields.length * 10), contentType: 'multipart/form-data; boundary=----nope' };
    case 'truncated-multipart': {
      const { body, contentType } = multipart(fields.length ? fields : [['field', 'value']]);
      return { body: body.subarray(0, Math.floor(body.length / 2)), contentType };
    }
    case 'multipart-no-boundary':
      return { body: multipart(fields).body, contentType: 'multipart/form-data' };
    case 'xml':
      return { body: `<form>${fields.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</form>`, contentType: 'application/xml' };
  }
}

const fieldValue = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom('1', '0', 'yes', 'on', 'true', randomUUID()) });

// ---------------------------------------------------------------------------------------------------------------
// The sign-in form
// ---------------------------------------------------------------------------------------------------------------

describe('the sign-in form, fuzzed', () => {
  const randomEmail = fc.oneof(
    fc.constant(null).map(() => `fuzz-${hex()}@example.org`),
    fc.emailAddress().map((email) => `fuzz${hex()}.${email}`),
    hostileString,
    fc.constantFrom(...HOSTILE_STRINGS).map((text) => `${text}@fuzz-${hex()}.example`),
  );
  const shape = fc.record({
    email: fc.option(randomEmail, { freq: 8 }),
    password: fc.option(fc.oneof(hostileString, fc.string({ minLength: 1, maxLength: 30 }), fc.constant('x'.repeat(1_001))), { freq: 8 }),
    extra: fc.array(fc.tuple(fc.oneof(fc.constantFrom('email', 'password', 'redirectTo', '_data', '__proto__'), fc.string({ maxLength: 12 })), fieldValue), { maxLength: 3 }),
    encoding: encodingArb,
    withOrigin: fc.boolean(),
    huge: fc.constantFrom(0, 0, 0, 0, 0, 2_000_000),
  });

  it('never answers a server error, never signs anyone in, and answers a well-formed attempt with the generic message', async () => {
    let wellFormedAttempts = 0;
    await fc.assert(
      fc.asyncProperty(shape, async (attempt) => {
        const fields: [string, string][] = [];
        if (attempt.email !== null) fields.push(['email', attempt.email]);
        if (attempt.password !== null) fields.push(['password', attempt.password]);
        fields.push(...attempt.extra);
        if (attempt.huge) fields.push(['padding', 'p'.repeat(attempt.huge)]);
        const { body, contentType } = encode(fields, attempt.encoding);
        const answer = await send(baseUrl(), {
          method: 'POST',
          path: '/sign-in',
          localAddress: FUZZ_ADDRESS,
          headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(attempt.withOrigin ? { origin: origin() } : {}) },
          body,
        });
        const what = `sign-in ${attempt.encoding} ${JSON.stringify(fields).slice(0, 300)}`;
        noServerError(answer, what);
        expect(cookiesOf(answer), what).not.toMatch(/portal_session=[^;]/);
        expect(answer.status, what).not.toBe(302);
        const wellFormed =
          attempt.encoding === 'urlencoded' || attempt.encoding === 'multipart'
            ? attempt.email !== null &&
              attempt.password !== null &&
              /^[^\s@\u0000-\u001F\u007F]+@[^\s@\u0000-\u001F\u007F]+$/.test(attempt.email.trim()) &&
              attempt.email.trim().length <= 320 &&
              attempt.password.length > 0 &&
              attempt.password.length <= 1000 &&
              !attempt.extra.some(([name]) => name === 'email' || name === 'password')
            : false;
        if (wellFormed && answer.status !== 413) {
          wellFormedAttempts += 1;
          expect(answer.body.includes(SIGN_IN_FAILED) || answer.body.includes(SIGN_IN_THROTTLED), `${what}: not the generic message`).toBe(true);
        }
      }),
      {
        numRuns: runs(40),
        seed: SEED,
        // Found by this test: a JSON body (and every other body that is not a form) answered 500.
        examples: [
          [{ email: 'fuzz@example.org', password: 'x', extra: [], encoding: 'json', withOrigin: true, huge: 0 }],
          [{ email: 'fuzz@example.org', password: 'x', extra: [], encoding: 'truncated-multipart', withOrigin: true, huge: 0 }],
          [{ email: 'fuzz@example.org', password: 'x', extra: [], encoding: 'none', withOrigin: false, huge: 0 }],
          [{ email: 'fuzz\u0000@example.org', password: 'x', extra: [], encoding: 'urlencoded', withOrigin: true, huge: 0 }],
          [{ email: `fuzz-${hex()}@example.org`, password: 'not the password', extra: [], encoding: 'multipart', withOrigin: true, huge: 0 }],
        ],
      },
    );
    expect(wellFormedAttempts, 'well-formed attempts checked for the generic message').toBeGreaterThan(0);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------------------------
// The CSV upload form
// ---------------------------------------------------------------------------------------------------------------

const HEADER = 'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment';
const RETURN_STATE = `query ($id: ID!) { performanceReturn(id: $id) { id version status noActivity
  values { measureCode breakdownOption value comment blankReason } } }`;

let provider: string;
let officer: string;
let returnId: string;
let returnVersion: number;

/** A demo provider's session and a return it can edit (started through the API when none is). */
async function providerWithReturn(): Promise<{ cookie: string; id: string; version: number }> {
  for (const email of PROVIDERS) {
    const cookie = await signIn(email);
    const found = await editableReturn(cookie);
    if (found) return { cookie, ...found };
  }
  throw new Error(`none of ${PROVIDERS.join(', ')} has a return it can edit`);
}

/**
 * A return of the provider it can edit: one of its returns of a period that is not locked, or a new one (made by
 * saveReturnDraft, as the provider's case system would) for its first service in the first period not yet locked.
 */
async function editableReturn(cookie: string): Promise<{ id: string; version: number } | null> {
  const { services, reportingPeriods } = await api(cookie, '{ services { nodes { id } } reportingPeriods { id state locksOn } }');
  const today = new Date().toISOString().slice(0, 10);
  const period = reportingPeriods.filter((p: any) => p.locksOn > today).sort((a: any, b: any) => a.locksOn.localeCompare(b.locksOn))[0];
  const serviceId = services.nodes[0]?.id;
  if (!period || !serviceId) return null;
  const { returns } = await api(cookie, 'query ($s: ID, $p: ID) { returns(filter: { serviceId: $s, periodId: $p }) { id version status } }', { s: serviceId, p: period.id });
  if (returns[0]) return ['SUBMITTED', 'APPROVED'].includes(returns[0].status) ? null : returns[0];
  const started = await api(
    cookie,
    `mutation ($input: SaveReturnDraftInput!) { saveReturnDraft(input: $input) { __typename ... on MutationSaveReturnDraftSuccess { data { id version } } ... on Error { message } } }`,
    { input: { serviceId, periodId: period.id, values: [] } },
  );
  if (started.saveReturnDraft.__typename !== 'MutationSaveReturnDraftSuccess') throw new Error(JSON.stringify(started));
  return started.saveReturnDraft.data;
}

const utf16 = (text: string, bom: boolean, bigEndian = false) => {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
};

/** Files no import may accept: every one is wrong somewhere, so the return must never change. */
const hostileFile: fc.Arbitrary<{ label: string; content: Buffer }> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map((bytes) => ({ label: 'random bytes', content: Buffer.from(bytes) })),
  fc.constant({ label: 'empty', content: Buffer.alloc(0) }),
  fc.constant({ label: 'a BOM alone', content: Buffer.from('\uFEFF', 'utf8') }),
  fc.constant({ label: 'two BOMs', content: Buffer.from(`\uFEFF\uFEFF${HEADER}\r\nREF_RECEIVED,,,,-1,,\r\n`, 'utf8') }),
  fc.boolean().map((bom) => ({ label: `UTF-16LE${bom ? ' with BOM' : ''}`, content: utf16(`${HEADER}\r\nREF_RECEIVED,,,,12,,\r\n`, bom) })),
  fc.constant({ label: 'UTF-16BE with BOM', content: utf16(`${HEADER}\r\nREF_RECEIVED,,,,12,,\r\n`, true, true) }),
  fc.constant({ label: 'one huge line', content: Buffer.from(`${HEADER}\r\nREF_RECEIVED,,,,${'9'.repeat(2_000_000)},,\r\n`, 'utf8') }),
  fc.constant({ label: 'over 5 MB', content: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) }),
  fc.constant({ label: 'thousands of columns', content: Buffer.from(`${HEADER}${',extra'.repeat(5_000)}\r\n${'1,'.repeat(5_006)}1\r\n`, 'utf8') }),
  fc.constant({ label: 'binary with NUL', content: Buffer.concat([Buffer.from(`${HEADER}\r\nREF_RECEIVED,,,,1`), Buffer.from([0, 0, 0xff, 0xfe, 0]), Buffer.from(',,\r\n')]) }),
  fc.constant({ label: 'invalid UTF-8', content: Buffer.concat([Buffer.from(`${HEADER}\r\nNARR_ACHIEVEMENTS,,,,`), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(',,\r\n')]) }),
  fc.constant({ label: 'an unclosed quote', content: Buffer.from(`${HEADER}\r\nREF_RECEIVED,,,,"12,,\r\n`, 'utf8') }),
  fc
    .constantFrom('=1+1', "=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1)', '=HYPERLINK("http://evil.example")')
    .map((formula) => ({ label: `formula ${formula} as a figure`, content: Buffer.from(`\uFEFF${HEADER}\r\nREF_RECEIVED,,,,${formula.includes(',') ? `"${formula}"` : formula},,\r\n`, 'utf8') })),
  fc
    .array(fc.array(hostileString, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 5 })
    .map((rows) => ({
      label: 'hostile rows under a wrong header',
      content: Buffer.from(`measure_code,value\r\n${rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n')}`, 'utf8'),
    })),
  fc
    .array(fc.tuple(fc.constantFrom('REF_RECEIVED', 'NOPE', 'NARR_ACHIEVEMENTS'), hostileString), { minLength: 1, maxLength: 5 })
    .map((rows) => ({
      label: 'unknown measures and hostile figures',
      content: Buffer.from(`\uFEFF${HEADER}\r\nNOT_A_MEASURE,,,,1,,\r\n${rows.map(([code, value]) => `${code},,,,"${value.replaceAll('"', '""')}",,`).join('\r\n')}\r\n`, 'utf8'),
    })),
);

type UploadShape = {
  file: { label: string; content: Buffer };
  fieldName: string;
  filename: string;
  version: string | null;
  encoding: 'multipart' | 'urlencoded' | 'json' | 'multipart-no-boundary' | 'garbage-multipart' | 'truncated-multipart';
};

const uploadShape: fc.Arbitrary<UploadShape> = fc.record({
  file: hostileFile,
  fieldName: fc.oneof({ weight: 5, arbitrary: fc.constant('csvFile') }, { weight: 1, arbitrary: fc.constantFrom('file', 'csv', 'CSVFILE', '') }),
  filename: fc.oneof({ weight: 5, arbitrary: fc.constant('return.csv') }, { weight: 1, arbitrary: fc.constantFrom('return.txt', '', '../../etc/passwd.csv', 'r\u202eVSC.exe', 'a'.repeat(300) + '.csv') }),
  version: fc.option(fc.constantFrom('CURRENT', '0', '-1', 'abc', '99999999999', '1e3', ''), { freq: 6 }),
  encoding: fc.oneof(
    { weight: 8, arbitrary: fc.constant<UploadShape['encoding']>('multipart') },
    { weight: 3, arbitrary: fc.constantFrom<UploadShape['encoding']>('urlencoded', 'json', 'multipart-no-boundary', 'garbage-multipart', 'truncated-multipart') },
  ),
});

describe('the CSV upload form, fuzzed', () => {
  beforeAll(async () => {
    ({ cookie: provider, id: returnId, version: returnVersion } = await providerWithReturn());
  });

  it('never answers a server error and never changes the return', async () => {
    const before = await api(provider, RETURN_STATE, { id: returnId });
    await fc.assert(
      fc.asyncProperty(uploadShape, async (upload) => {
        const version = upload.version === null ? undefined : upload.version === 'CURRENT' ? String(returnVersion) : upload.version;
        const file: FilePart = { filename: upload.filename, content: upload.file.content, type: 'text/csv' };
        let body: Buffer | string;
        let contentType: string;
        if (upload.encoding === 'multipart' || upload.encoding === 'multipart-no-boundary' || upload.encoding === 'truncated-multipart') {
          const parts: [string, string | FilePart][] = [[upload.fieldName, file]];
          if (version !== undefined) parts.push(['expectedVersion', version]);
          const encoded = multipart(parts);
          body = upload.encoding === 'truncated-multipart' ? encoded.body.subarray(0, Math.floor(encoded.body.length / 2)) : encoded.body;
          contentType = upload.encoding === 'multipart-no-boundary' ? 'multipart/form-data' : encoded.contentType;
        } else if (upload.encoding === 'garbage-multipart') {
          body = upload.file.content;
          contentType = 'multipart/form-data; boundary=----nope';
        } else {
          const fields: [string, string][] = [[upload.fieldName, upload.file.content.toString('latin1').slice(0, 100_000)], ['expectedVersion', version ?? '']];
          ({ body, contentType } = encode(fields, upload.encoding) as { body: string; contentType: string });
        }
        const answer = await send(baseUrl(), {
          method: 'POST',
          path: `/returns/${returnId}/upload`,
          headers: { 'content-type': contentType, cookie: provider, origin: origin() },
          body,
        });
        const what = `upload of ${upload.file.label} (${upload.file.content.length} bytes) as ${upload.encoding}, field ${upload.fieldName}, file ${upload.filename}, version ${version}`;
        noServerError(answer, what);
        expect(answer.status, `${what}: an import succeeded`).not.toBe(302);
        const after = await api(provider, RETURN_STATE, { id: returnId });
        expect(after, `${what}: the return changed`).toEqual(before);
      }),
      {
        numRuns: runs(40),
        seed: SEED,
        // Found by this test: a url-encoded body, and a multipart one cut short, answered 500.
        examples: [
          [{ file: { label: 'a figure', content: Buffer.from(`${HEADER}\r\nREF_RECEIVED,,,,-1,,\r\n`) }, fieldName: 'csvFile', filename: 'return.csv', version: 'CURRENT', encoding: 'urlencoded' }],
          [{ file: { label: 'a figure', content: Buffer.from(`${HEADER}\r\nREF_RECEIVED,,,,-1,,\r\n`) }, fieldName: 'csvFile', filename: 'return.csv', version: 'CURRENT', encoding: 'truncated-multipart' }],
          [{ file: { label: 'NUL', content: Buffer.from(`${HEADER}\r\nNARR_ACHIEVEMENTS,,,,a\u0000b,,\r\n`) }, fieldName: 'csvFile', filename: 'return.csv', version: 'CURRENT', encoding: 'multipart' }],
        ],
      },
    );
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Every other form action
// ---------------------------------------------------------------------------------------------------------------

// Fuzzed elsewhere (the API: tests/api/fuzz-mutations*.test.ts; sign-in and upload: above) or signing the session out.
const NOT_HERE = new Set(['graphql', 'sign-in', 'returns.$id.upload', 'sign-out']);
// Whose routes a provider uses; the others are the officer's.
const providerRoute = (name: string) => /^(returns|api-tokens|queries|notifications)/.test(name);

describe('every form action, fuzzed with random fields', () => {
  const routes = routesWithActions().filter((route) => !NOT_HERE.has(route.name));
  const own: Record<string, string[]> = {};

  beforeAll(async () => {
    if (!provider) ({ cookie: provider, id: returnId } = await providerWithReturn());
    officer = await signIn(OFFICER);
    // Rows of this test's own, for routes that change a record.
    const ERROR = '__typename ... on Error { message }';
    const organisation = await api(officer, `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ERROR} ... on MutationCreateOrganisationSuccess { data { id } } } }`, {
      input: { name: `Fuzz forms provider ${hex()}`, type: 'CHARITY' },
    });
    const organisationId = organisation.createOrganisation.data.id as string;
    const initiative = await api(officer, `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${ERROR} ... on MutationCreateInitiativeSuccess { data { id } } } }`, {
      input: { name: `Fuzz forms initiative ${hex()}`, description: 'Made by the form fuzz test.', status: 'ACTIVE' },
    });
    const service = await api(officer, `mutation ($input: CreateCommissionedServiceInput!) { createCommissionedService(input: $input) { ${ERROR} ... on MutationCreateCommissionedServiceSuccess { data { id } } } }`, {
      input: {
        reference: `FUZZ-FORMS-${hex().toUpperCase()}`,
        title: 'Fuzz forms service',
        providerId: organisationId,
        startDate: '2026-04-01',
        endDate: '2028-03-31',
        annualValue: '1000',
        totalValue: '2000',
        priorityIssueCodes: ['PI-ONLINE'],
        riskRating: 'GREEN',
        status: 'PLANNED',
      },
    });
    own.organisations = [organisationId];
    own.initiatives = [initiative.createInitiative.data.id];
    own.services = [service.createCommissionedService.data.id];
    own.returns = [returnId];
    own.review = [returnId];
  });

  it('has found the routes with actions', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((route) => route.pattern)).toEqual(expect.arrayContaining(['/services/:id/edit', '/initiatives/:id/archive', '/returns/:id/sections/:section']));
  });

  // Found by this test: confirming an archive with no (or a broken) version answered 500.
  const regressions = (name: string): [string, [string, string][], Encoding, string][] => {
    const family = name.split('.')[0]!;
    const id = own[family]?.[0];
    if (!id) return [];
    if (name === 'initiatives.$id_.archive') return [[`/initiatives/${id}/archive`, [], 'urlencoded', 'officer']];
    if (name === 'organisations.$id.archive') return [[`/organisations/${id}/archive`, [['expectedVersion', 'x']], 'urlencoded', 'officer']];
    if (name === 'services.$id._index') return [[`/services/${id}`, [], 'urlencoded', 'officer'], ['/services/not-a-uuid', [['expectedVersion', '1']], 'urlencoded', 'officer']];
    return [];
  };

  /** Values for a route's path parameters: the test's own rows, random ids, malformed ids. */
  const paramValues = (routeName: string, param: string): string[] => {
    const family = routeName.split('.')[0]!;
    if (param === 'id') return [...(own[family] ?? []), randomUUID(), 'not-a-uuid', '%2e%2e%2f'];
    if (param === 'section') return ['referrals', 'narrative', 'finance', 'nope', '..'];
    if (param === 'code') return ['PI-ONLINE', 'PI-NOPE', 'x'];
    return [randomBytes(24).toString('base64url'), 'x'];
  };

  it('never answers a server error to random form data with a valid Origin', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const params = [...route.pattern.matchAll(/:([a-z]+)/gi)].map((match) => match[1]!);
      const pathArb = fc
        .tuple(...params.map((param) => fc.constantFrom(...paramValues(route.name, param))))
        .map((values) => params.reduce((path, param, index) => path.replace(`:${param}`, encodeURIComponent(values[index]!)), route.pattern));
      const known = route.fields.length ? fc.constantFrom(...route.fields) : fc.constant('field');
      const fieldsArb = fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: known }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), fieldValue), { maxLength: 8 });
      const roleArb = fc.oneof({ weight: 6, arbitrary: fc.constant(providerRoute(route.name) ? 'provider' : 'officer') }, { weight: 1, arbitrary: fc.constantFrom('provider', 'officer', 'anonymous') });
      const details = await fc.check(
        fc.asyncProperty(pathArb, fieldsArb, encodingArb, roleArb, async (path, fields, encoding, role) => {
          const { body, contentType } = encode(fields, encoding);
          const cookie = role === 'provider' ? provider : role === 'officer' ? officer : undefined;
          const answer = await send(baseUrl(), {
            method: 'POST',
            path,
            headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(cookie ? { cookie } : {}), origin: origin() },
            body,
          });
          if (process.env.FUZZ_LOG) console.log(`${answer.status} ${route.name} POST ${path} as ${role}, ${encoding}`);
          noServerError(answer, `${route.name}: POST ${path} as ${role}, ${encoding}: ${JSON.stringify(fields).slice(0, 400)}`);
        }),
        { numRuns: runs(12), seed: SEED, examples: regressions(route.name) },
      );
      if (details.failed) failures.push(`${route.name}: ${String((details.errorInstance as Error)?.message ?? details.errorInstance).split('\n')[0]}\n${fc.defaultReportMessage(details)?.split('\n').slice(0, 3).join('\n')}`);
    }
    // Every route is tried, and every failing one reported.
    expect(failures).toEqual([]);
  }, 900_000);

  it('sign-out takes random form data too, and signs out', async () => {
    const session = await signIn(OFFICER);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fieldValue), { maxLength: 4 }), encodingArb, async (fields, encoding) => {
        const { body, contentType } = encode(fields, encoding);
        const answer = await send(baseUrl(), {
          method: 'POST',
          path: '/sign-out',
          headers: { ...(contentType ? { 'content-type': contentType } : {}), cookie: session, origin: origin() },
          body,
        });
        noServerError(answer, `sign-out ${encoding}`);
      }),
      { numRuns: runs(5), seed: SEED },
    );
  }, 120_000);
});
