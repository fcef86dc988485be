// Fuzzing every root mutation (issue 7): the portfolio's mutations here, plus the checks that every mutation of the
// schema can be fuzzed; the returns' and the people's mutations in fuzz-mutations-returns.test.ts and
// fuzz-mutations-people.test.ts (three files, so that vitest runs them side by side). How: tests/helpers/fuzz-runner.ts.
import { parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { execute } from '../helpers/api';
import { viewerFor } from '../helpers/factories';
import { createService } from '../helpers/service-factories';
import { schema } from '../../graphql/schema';
import { arbitraryFor, pathsOf, type FuzzPools } from '../helpers/fuzz-arbitraries';
import { BASES, mutationDocument, mutationNames } from '../helpers/fuzz-cases';
import { fuzzGroup, type Regression } from '../helpers/fuzz-runner';

describe('every mutation of the schema can be fuzzed', () => {
  const pools: FuzzPools = { ownIds: [], foreignIds: [], measureCodes: ['X'], breakdownOptions: ['X'], priorityIssueCodes: ['PI-X'] };

  it('has valid variables for every mutation, and none for a mutation the schema does not have', () => {
    const names = mutationNames();
    expect(names.filter((name) => !BASES[name]).map((name) => `${name}: add its valid variables to BASES in tests/helpers/fuzz-cases.ts`)).toEqual([]);
    expect(Object.keys(BASES).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('makes a valid document for every mutation, and an arbitrary for every argument (every scalar is known)', () => {
    for (const name of mutationNames()) {
      expect(validate(schema, parse(mutationDocument(name))).map((error) => `${name}: ${error.message}`)).toEqual([]);
      for (const arg of schema.getMutationType()!.getFields()[name]!.args) {
        expect(() => arbitraryFor(arg.type, pools, arg.name), `${name}(${arg.name})`).not.toThrow();
        expect(pathsOf(arg.type).length, `${name}(${arg.name})`).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

// Inputs that broke a mutation once: tried first, every run.
const REGRESSIONS: Record<string, Regression[]> = {
  createInitiative: [
    { caller: 'ADMIN', edits: [{ path: ['input', 'description'], value: 'trailing NUL\u0000' }], found: 'a NUL byte: PostgreSQL refused it, answered INTERNAL_SERVER_ERROR' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'name'], value: 'lone \ud800 surrogate' }], found: 'an unpaired surrogate: stored as U+FFFD, silently not what was sent' },
    {
      caller: 'ADMIN',
      // The valid variables' names start "Fuzz initiative ": a stored one matches up to the backslash.
      edits: [{ path: ['input', 'name'], value: 'Fuzz initiative\\' }],
      found: 'a trailing backslash: the name check ran the name as an ILIKE pattern, which PostgreSQL refused (500) once a stored name matched up to it',
    },
  ],
  updateInitiative: [
    { caller: 'ADMIN', edits: [{ path: ['input', 'description'], value: '\u0000' }], found: 'INTERNAL_SERVER_ERROR' },
    { caller: 'ADMIN', edits: [{ path: ['input', 'description'], value: '適ᱫ\u0004㐮㝝' }], found: 'a control character stored in the description' },
  ],
  createCommissionedService: [
    { caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'title'], value: 'a\u0000' }], found: 'INTERNAL_SERVER_ERROR' },
    { caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'title'], value: '\u200b' }], found: 'a title of a zero-width space: nothing to show or click on' },
    { caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'startDate'], value: '0001-01-01' }], found: 'a contract starting in year 1 was stored' },
    { caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'endDate'], value: '9999-12-31' }], found: 'a contract ending in year 9999 was stored' },
  ],
  extendCommissionedService: [
    { caller: 'POLICY_OFFICER', edits: [{ path: ['input', 'reason'], value: 'a\u0000' }], found: 'INTERNAL_SERVER_ERROR' },
  ],
};

fuzzGroup('portfolio', REGRESSIONS);

// Found by the fuzz tests, in arguments no input schema reads: a NUL character in the services' search or a
// dashboard's area code failed as an unexpected error (PostgreSQL refuses NUL), and the search took % and _ as
// wildcards ("%" found every service) and failed on a trailing backslash.
describe('queries: text the database cannot store is refused, and searches are literal', () => {
  let officer: Viewer;
  let reference: string;
  beforeAll(async () => {
    officer = await viewerFor('POLICY_OFFICER');
    const provider = await viewerFor('PROVIDER');
    reference = (await createService({ providerId: provider.organisationId, title: 'Likeable 100% service' })).reference;
  });
  const SEARCH = 'query ($s: String) { services(filter: { search: $s }) { totalCount nodes { reference } } }';

  it.each([
    ['services search', SEARCH, { s: 'a\u0000' }, 's'],
    ['services search (half an emoji)', SEARCH, { s: '\ud83d' }, 's'],
    ['dashboard area code', 'query ($f: DashboardFilter!) { dashboardHeadline(filter: $f) { activeServices } }', { f: { financialYear: 2026, areaCode: 'A\u0000' } }, 'f.areaCode'],
  ])('%s', async (_name, query, variables, field) => {
    const answer = await execute(query, variables, { viewer: officer });
    expect(answer.errors).toMatchObject([{ message: expect.stringContaining('cannot be stored'), extensions: { code: 'BAD_USER_INPUT', field } }]);
    expect(answer.status).toBe(400);
  });

  it('a NUL written into the operation itself', async () => {
    const answer = await execute('{ services(filter: { search: "a\\u0000" }) { totalCount } }', {}, { viewer: officer });
    expect(answer.errors).toMatchObject([{ message: expect.stringContaining('cannot be stored'), extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('the search takes %, _ and \\ literally', async () => {
    const found = async (s: string) => ((await execute(SEARCH, { s }, { viewer: officer })).data as any)?.services.nodes.map((n: any) => n.reference);
    expect(await found('100%')).toEqual([reference]);
    expect(await found('100% service')).toEqual([reference]);
    expect(await found('Likeable_100')).toEqual([]);
    expect(await found('x\\')).toEqual([]);
  });
});
