// The fuzz tests of the mutations (tests/api/fuzz-mutations*.test.ts): property-based tests (fast-check) that send
// hostile input to EVERY root mutation of the schema, as the callers allowed to call it (found by calling it with
// its valid variables as each kind of caller), starting from valid variables (tests/helpers/fuzz-cases.ts) and
// changing one field at a time (sometimes several, sometimes everything) with values derived from the field's
// GraphQL type (tests/helpers/fuzz-arbitraries.ts). Properties:
//   (a) the answer is never an unexpected error: no HTTP 5xx, no INTERNAL_SERVER_ERROR ("Unexpected error."), every
//       error is BAD_USER_INPUT, FORBIDDEN or UNAUTHENTICATED with a message that gives away no internals, every
//       typed error (VersionConflict, NotAllowed, ValidationFailed...) has a message;
//   (b) a refusal (an error, or a typed error) writes nothing: no audit event carries the request's id;
//   (c) callers the matrix refuses are refused whatever they send, and write nothing;
//   (d) afterwards every invariant of tests/helpers/invariants.ts holds: the database is re-read, and no invalid row
//       was stored.
// Runs: FUZZ_RUNS (default 30) per mutation; FUZZ_SEED fixes the seed (default: a fixed one, so CI is repeatable;
// fast-check prints the seed and the path of a failure: rerun with them to replay it).
import fc from 'fast-check';
import type { GraphQLField } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../graphql/schema';
import { createMatrixFixture, type MatrixFixture } from './access-matrix-fixture';
import { arbitraryFor, describeValue, pathsOf, setIn, valueAt, type FuzzPools, type Path } from './fuzz-arbitraries';
import { BASES, callAs, FUZZ_CALLERS, mutationDocument, mutationNames, poolsOf, type FuzzCaller, type Vars } from './fuzz-cases';
import { auditEventsOf, brokenInvariants } from './invariants';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
export const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20_261_129);

/** One change to the valid variables: the value at a path ([] replaces every variable). */
export interface Edit {
  path: Path;
  value: unknown;
}
export interface Regression {
  caller: FuzzCaller;
  edits: Edit[];
  /** What went wrong before the fix, for the reader. */
  found: string;
}

export type Group = 'portfolio' | 'returns' | 'people';

/** Which file fuzzes a mutation (three files, so that vitest runs them side by side). */
export function groupOf(name: string): Group {
  if (/Return|Query|LockException|Csv/i.test(name)) return 'returns';
  if (/User|Organisation|ApiToken|Notification|PriorityIssue|Password|Totp|SignIn|Session/i.test(name)) return 'people';
  return 'portfolio';
}

const CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']);
// What a message must never show a caller: the database, the ORM, a stack, a JavaScript failure.
const INTERNALS = /prisma|postgres|\bsql\b|constraint|violates|invalid input syntax|invalid byte sequence|ECONN|\n\s+at |TypeError|ReferenceError|RangeError|SyntaxError|Cannot read prop|is not a function|\[object Object\]|unexpected error/i;

const errorTypes = new Set(schema.getPossibleTypes(schema.getType('Error') as never).map((type) => type.name));

type Answer = Awaited<ReturnType<typeof callAs>>;

const answerOf = (name: string, response: Answer): any => (response.data as Record<string, unknown> | null | undefined)?.[name];

export function succeeded(name: string, response: Answer): boolean {
  if (response.errors?.length) return false;
  const answer = answerOf(name, response);
  if (answer === null || answer === undefined) return false;
  return !errorTypes.has(answer.__typename);
}

const refused = (response: Answer) => (response.errors ?? []).some((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(error.extensions?.code)));

/** Property (a): the problems with one answer (none when it is an expected answer). */
export function judge(name: string, response: Answer): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  for (const error of response.errors ?? []) {
    const code = String(error.extensions?.code ?? 'NO_CODE');
    if (!CODES.has(code)) problems.push(`an unexpected error (${code}): ${error.message}`);
    if (!error.message?.trim()) problems.push(`an error without a message (${code})`);
    // Coercion errors quote the value sent ("Variable "$input" got invalid value ..."): only the rest is checked.
    const ours = error.message.replace(/got invalid value .*?;/s, '').replace(/"[^"]*"/g, '""');
    if (INTERNALS.test(ours)) problems.push(`an error message that shows internals (${code}): ${error.message.slice(0, 300)}`);
  }
  if (!response.errors?.length) {
    const answer = answerOf(name, response);
    if (answer === null || answer === undefined) problems.push('no answer and no error');
    else if (errorTypes.has(answer.__typename)) {
      if (!String(answer.message ?? '').trim()) problems.push(`the typed error ${answer.__typename} has no message`);
      if (INTERNALS.test(String(answer.message ?? '').replace(/"[^"]*"/g, '""'))) problems.push(`the typed error ${answer.__typename} shows internals: ${answer.message}`);
    }
  }
  return problems;
}

function summary(name: string, response: Answer): string {
  if (response.errors?.length) return response.errors.map((e) => `${String(e.extensions?.code)}: ${e.message.slice(0, 200)}`).join(' | ');
  const answer = answerOf(name, response);
  return answer?.__typename ? `${answer.__typename}${answer.message ? `: ${answer.message}` : ''}` : JSON.stringify(answer)?.slice(0, 200) ?? 'nothing';
}

export function applyEdits(base: Vars, edits: Edit[]): Vars {
  let variables: unknown = base;
  for (const edit of edits) variables = setIn(variables, edit.path, edit.value);
  return (variables && typeof variables === 'object' && !Array.isArray(variables) ? variables : {}) as Vars;
}

/** The arbitrary of edits for a mutation: mostly one field, sometimes several, sometimes every argument at random. */
export function editsArbitrary(field: GraphQLField<unknown, unknown>, pools: FuzzPools): fc.Arbitrary<Edit[]> {
  const targets = field.args.flatMap((arg) => [{ path: [arg.name] as Path, type: arg.type, fieldName: arg.name }, ...pathsOf(arg.type, [arg.name])]);
  const edit = fc.constantFrom(...targets).chain((target) => valueAt(target, pools).map((value): Edit => ({ path: target.path, value })));
  const everything = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, arbitraryFor(arg.type, pools, arg.name)])));
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(edit, { minLength: 1, maxLength: 1 }) },
    { weight: 4, arbitrary: fc.array(edit, { minLength: 2, maxLength: 4 }) },
    { weight: 2, arbitrary: everything.map((args): Edit[] => [{ path: [], value: args }]) },
  );
}

export interface FuzzState {
  f: MatrixFixture;
  pools: FuzzPools;
  since: Date;
  /** Invariant violations already reported (so that each is reported once, by the first mutation that caused it). */
  reported: Set<string>;
  /** Invariants broken before any fuzzing (there must be none). */
  initial: { name: string; rows: unknown[] }[];
}

/** Which callers may call the mutation: those not refused (FORBIDDEN, UNAUTHENTICATED) with its valid variables. */
export async function callersOf(
  state: FuzzState,
  name: string,
): Promise<{ allowed: FuzzCaller[]; refusedCallers: FuzzCaller[]; answers: string[]; anySuccess: boolean }> {
  const document = mutationDocument(name);
  const allowed: FuzzCaller[] = [];
  const refusedCallers: FuzzCaller[] = [];
  const answers: string[] = [];
  let anySuccess = false;
  for (const caller of FUZZ_CALLERS) {
    const response = await callAs(state.f, caller, document, await BASES[name]!(state.f, caller));
    answers.push(`${caller}: ${summary(name, response)}`);
    (refused(response) ? refusedCallers : allowed).push(caller);
    anySuccess ||= succeeded(name, response);
  }
  return { allowed, refusedCallers, answers, anySuccess };
}

/** Runs the properties for one mutation; answers the problems found (empty when none). */
export async function fuzzMutation(state: FuzzState, name: string, regressions: Regression[] = []): Promise<string[]> {
  const field = schema.getMutationType()!.getFields()[name] as GraphQLField<unknown, unknown>;
  const document = mutationDocument(name);
  const { allowed, refusedCallers, answers, anySuccess } = await callersOf(state, name);
  if (!allowed.length) return [`${name} cannot be fuzzed: every caller is refused its valid variables (${answers.join('; ')})`];
  // Valid variables that no longer succeed would leave the fuzzer stuck at the first check: fix them in BASES.
  if (!anySuccess) return [`${name}: its valid variables (BASES in tests/helpers/fuzz-cases.ts) succeed for no caller: ${answers.join('; ')}`];

  const successes: string[] = [];
  const caller = refusedCallers.length
    ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: fc.constantFrom(...refusedCallers) })
    : fc.constantFrom(...allowed);
  const property = fc.asyncProperty(caller, editsArbitrary(field, state.pools), async (who, edits) => {
    const base = await BASES[name]!(state.f, who);
    const variables = applyEdits(base, edits);
    const response = await callAs(state.f, who, document, variables);
    const problems = judge(name, response);
    const ok = succeeded(name, response);
    if (refusedCallers.includes(who) && ok) problems.push(`${who} is refused this mutation, yet it succeeded`);
    if (!ok) {
      const writes = await auditEventsOf(response.requestId);
      if (writes) problems.push(`it was refused (${summary(name, response)}) yet wrote ${writes} audit event(s): a partial write`);
    } else if (successes.length < 50) {
      successes.push(`${who} ${describeValue(edits)}`);
    }
    if (problems.length) {
      throw new Error(`${name} as ${who}: ${problems.join('; ')}\n  answer: ${summary(name, response)}\n  variables: ${describeValue(variables)}`);
    }
  });
  const problems: string[] = [];
  const details = await fc.check(property, {
    numRuns: FUZZ_RUNS,
    seed: FUZZ_SEED,
    examples: regressions.map((regression) => [regression.caller, regression.edits] as [FuzzCaller, Edit[]]),
    // Shrinking re-creates rows for every attempt: keep it short.
    interruptAfterTimeLimit: 240_000,
    markInterruptAsFailure: false,
  });
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    problems.push(`${error}\n${fc.defaultReportMessage(details) ?? ''}`);
  }

  // (d) the stored data, re-read
  const broken = (await brokenInvariants(state.since))
    .map((entry) => ({ ...entry, key: `${entry.name}: ${JSON.stringify(entry.rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}` }))
    .filter((entry) => !state.reported.has(entry.key));
  for (const entry of broken) {
    state.reported.add(entry.key);
    problems.push(`after fuzzing ${name}, an invariant is broken: ${entry.key}\n  successful inputs: ${successes.join('\n    ')}`);
  }
  return problems;
}

/** The tests of one group of mutations (one test file). */
export function fuzzGroup(group: Group, regressions: Record<string, Regression[]> = {}) {
  const names = mutationNames().filter((name) => groupOf(name) === group);
  const state = { reported: new Set<string>() } as FuzzState;

  beforeAll(async () => {
    state.since = new Date(Date.now() - 1_000);
    state.f = await createMatrixFixture();
    state.pools = await poolsOf(state.f);
    // Invariants the fixture itself breaks are not the fuzzer's findings (there must be none: checked below).
    state.initial = await brokenInvariants(state.since);
  });

  describe(`fuzzing the ${group} mutations (${FUZZ_RUNS} runs each, seed ${FUZZ_SEED})`, () => {
    it('starts from data that keeps every invariant', () => {
      expect(state.initial).toEqual([]);
    });

    it.each(names)('%s: never an unexpected error, refusals write nothing, no invalid row stored', async (name) => {
      if (!BASES[name]) throw new Error(`${name} has no valid variables: add them to BASES in tests/helpers/fuzz-cases.ts`);
      expect(await fuzzMutation(state, name, regressions[name] ?? [])).toEqual([]);
    }, 300_000);
  });
}
