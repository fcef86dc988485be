// Hostile input for the fuzz tests (tests/api/fuzz-*.test.ts), derived from the schema: every argument of a root
// mutation is walked down its GraphQL input type, and each scalar gets values chosen to break things - empty and
// blank text, 10,000+ characters, NUL bytes, lone surrogates, right-to-left and zero-width characters, markup, SQL
// quotes, spreadsheet formulas, Int extremes, money in every wrong shape, malformed and foreign ids, impossible
// dates - plus values of the wrong type, to test variable coercion. Enums take their valid values (and, rarely, an
// invalid one). A scalar this file does not know makes the walk throw: a new scalar must be taught here before its
// mutations can be fuzzed.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLInputObjectType,
} from 'graphql';

export type Path = (string | number)[];

/** Real values of the fixture, so that hostile input also reaches rows that exist (and rows of another organisation). */
export interface FuzzPools {
  /** Ids of rows the caller may use (its own organisation's, reference data). */
  ownIds: string[];
  /** Ids of another provider organisation's rows, of the OPCC's people and of rows in states nobody may change. */
  foreignIds: string[];
  measureCodes: string[];
  breakdownOptions: string[];
  priorityIssueCodes: string[];
}

const LENGTHS = [40, 41, 60, 61, 120, 121, 200, 201, 300, 301, 320, 321, 500, 501, 2_000, 2_001, 5_000, 5_001, 10_000, 10_001, 20_001];

/** Strings that have broken systems before. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n  ',
  '\u00a0\u2003\u3000',
  '\u200b',
  '\u200b\u200c\u200d\u2060\ufeff',
  'a\u0000b',
  '\u0000',
  'trailing NUL\u0000',
  '\ud800',
  'lone low \udfff surrogate',
  '\udfff\ud800',
  '\u202eevil.exe\u202c',
  '\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  'Z\u0335\u0321\u0322a\u0337\u0327l\u0334g\u0336o\u0338',
  '\u0007\u0008\u001b[31mred\u001b[0m',
  '\r\n',
  'line one\r\nline two\rline three\n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<b>bold</b> &amp; &lt;',
  "'; DROP TABLE organisation; --",
  "O'Brien \"quoted\" `backtick`",
  "' OR '1'='1",
  '\\',
  '\\x00\\u0000%00',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '%s%s%n%x',
  '${7*7}{{7*7}}#{7*7}',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  'https://evil.example/',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '𝕳𝖊𝖑𝖑𝖔',
  'ﷺ'.repeat(300),
  '😀'.repeat(5_001),
  // Grows when lower-cased (İ is i + a combining dot): a limit checked before lower-casing is exceeded after.
  'İ'.repeat(200),
  'ß'.repeat(200),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'true',
  '0',
  '-0',
  '1e309',
  '__proto__',
  'constructor',
  '{"a":1}',
  'a,b,"c",\n"d"',
];

const lengthBoundary = fc
  .tuple(fc.constantFrom(...LENGTHS), fc.constantFrom('a', 'é', '😀', ' ', 'x '))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Any string: hostile constants, random Unicode (lone surrogates included), length boundaries, padding. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // fast-check's units never produce half surrogates: add them.
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units)) },
  { weight: 2, arbitrary: lengthBoundary },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('  ', '\t', '\n', '\u00a0')).map(([s, pad]) => `${pad}${s}${pad}`) },
);

/** Int extremes (2^31 and beyond are refused by GraphQL's Int itself), small numbers and smallint edges. */
export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -1, 1, 2, 3, 4, 5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 32_767, 32_768, -32_769, 1999, 2000, 2026, 2100, 2101, 120, 121) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, -0, 1e308, -1e308, 5e-324) },
);

export const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 0, 5e-324, 0.1 + 0.2, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Money as people (and machines) type it, right and wrong. */
export const hostileMoney: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '0', '0.00', '1', '85000', '85000.5', '85000.50', ' 100 ', '100.', '.5', '0.005', '-0', '-0.001', '-5', '1e9', '1E3',
      '99999999999999.99', '999999999999.99', '1000000000000', '0000000000001', '000000000000000000000000001', '12,000', '1,00',
      '£12,000.50', '£ 5', '£-5', '-£5', '12 000', '12.000,50', 'NaN', 'Infinity', '0x10', '１２３', '٣', '', ' ', '5\u0000',
      '10%', '+5', '5-', '1.2.3', '٫5',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(1e9, -0, 0.1 + 0.2, 1e21, -5, 12.345, 85000) },
  { weight: 2, arbitrary: fc.tuple(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 999 })).map(([pounds, pence]) => `${pounds}.${pence}`) },
  { weight: 1, arbitrary: hostileString },
);

/** Ids: random UUIDs, malformed ones, and ids of real rows (the caller's own, and other organisations'). */
export const hostileId = (pools: FuzzPools): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '', ' ', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
        'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '{6f9619ff-8b86-d011-b42d-00c04fc964ff}', '6f9619ff8b86d011b42d00c04fc964ff',
        ' 6f9619ff-8b86-4011-b42d-00c04fc964ff ', '6f9619ff-8b86-4011-b42d-00c04fc964ff0', "' OR 1=1 --", '1', '-1', 'null',
        '6f9619ff-8b86-4011-b42d-00c04fc964f\u0000',
      ),
    },
    { weight: 3, arbitrary: pools.ownIds.length ? fc.constantFrom(...pools.ownIds) : fc.uuid() },
    { weight: 4, arbitrary: pools.foreignIds.length ? fc.constantFrom(...pools.foreignIds) : fc.uuid() },
    { weight: 1, arbitrary: fc.integer() },
  );

export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '2026-04-01', '2027-03-31', '2024-02-29', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', '0001-01-01',
      '0000-01-01', '1899-12-31', '1970-01-01', '9999-12-31', '275760-09-13', '+275760-09-13', '-000001-01-01', '2026-04-01T00:00:00Z',
      ' 2026-04-01 ', '01/04/2026', '', 'today', '2026-04-01\u0000',
    ),
  },
  { weight: 2, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.integer() },
);

export const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '2030-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z', '10000-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '2026', '1', '0', '',
      'not a date', '2026-02-30T00:00:00Z', '2030-01-01T25:00:00Z', '2030-01-01', '2030-01-01T00:00:00+14:00',
    ),
  },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer() },
);

/** A value of the wrong type for whatever the schema wants (coercion must refuse it cleanly). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ nested: 'x', __proto__: { polluted: true } }),
  fc.constant([['deep', ['er']]]),
  fc.string({ maxLength: 10 }),
  fc.constant('x'.repeat(100_000)),
);

/** Extra values for fields whose name says what they hold, so that fuzzing reaches business rules. */
function hints(fieldName: string, pools: FuzzPools): fc.Arbitrary<unknown> | null {
  const name = fieldName.toLowerCase();
  if (name === 'measurecode') return fc.oneof(fc.constantFrom(...pools.measureCodes), fc.constantFrom(...pools.measureCodes).map((c) => ` ${c.toLowerCase()} `));
  if (name === 'breakdownoption') return fc.oneof(fc.constant(''), fc.constantFrom(...pools.breakdownOptions));
  if (name === 'priorityissuecodes' || name === 'code') return fc.constantFrom(...pools.priorityIssueCodes, 'PI-NOPE', 'pi-online');
  if (name === 'value') {
    return fc.oneof(
      fc.constantFrom('0', '1', '12', '1,200', '12.0', '2.5', '100', '100.1', '-1', '1e3', '1000000001', '85.55', '£1,250.50', '50%', ''),
      fc.nat({ max: 10_000 }).map(String),
    );
  }
  if (name === 'email') return fc.constantFrom('a@b.c', 'Person@Example.ORG', 'x@y', 'no-at-sign', ' spaced@example.org ', 'a'.repeat(320) + '@x.org', 'ok+tag@example.org', 'é@é.fr', `${'İ'.repeat(300)}@example.org`, 'a\u0000b@example.org');
  if (name === 'website') return fc.constantFrom('https://www.example.org', 'http://x', 'javascript:alert(1)', 'ftp://example.org', 'https://exa mple.org', `https://${'a'.repeat(300)}.org`);
  if (name === 'phone') return fc.constantFrom('0191 496 0123', '+44 191 496 0123', '123', '+'.repeat(30), '(((((((', '0'.repeat(25));
  if (name === 'financialyear') return fc.constantFrom(1999, 2000, 2025, 2026, 2027, 2100, 2101, -2026, 32_768);
  if (name === 'expectedversion') return fc.constantFrom(0, 1, 2, 3, -1, 2 ** 31 - 1);
  if (name === 'quarter') return fc.constantFrom(-1, 0, 1, 4, 5);
  if (name === 'csv') return hostileCsvText;
  if (name.endsWith('age')) return fc.constantFrom(-1, 0, 17, 25, 120, 121, 32_767);
  return null;
}

/** CSV text for importReturnCsv: formulas, BOMs, quotes that never end, thousands of columns, huge cells. */
export const hostileCsvText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '\uFEFF',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment',
    '\uFEFFmeasure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\r\nREF_RECEIVED,,,,=1+1,,',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\nREF_RECEIVED,,,,"12,,\n',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\nREF_RECEIVED,,,,-5,,=cmd|\' /C calc\'!A0',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\nNOPE,,,,1,,\nREF_RECEIVED,,NOPE,,1,,',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\nREF_RECEIVED,,,,1,,\nREF_RECEIVED,,,,2,,',
    'measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment\nNARR_ACHIEVEMENTS,,,,' + 'x'.repeat(20_000) + ',,',
    'a\u0000b,c\n',
    `${'c,'.repeat(5_000)}c\n`,
    '\ud800,\udfff\n',
    '"\n'.repeat(100),
  ),
  fc.array(fc.array(hostileString, { maxLength: 8 }), { maxLength: 6 }).map((rows) => rows.map((row) => row.join(',')).join('\r\n')),
);

/** The arbitrary of a value of an input type, walking input objects and lists down to scalars and enums. */
export function arbitraryFor(type: GraphQLInputType, pools: FuzzPools, fieldName = '', depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, pools, fieldName, depth);
  if (isListType(type)) {
    return fc.array(arbitraryFor(type.ofType, pools, fieldName, depth + 1), { maxLength: depth > 1 ? 2 : 5 });
  }
  if (isInputObjectType(type)) return inputObjectArbitrary(type, pools, depth);
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('NOPE', values[0]!.toLowerCase(), '') });
  }
  if (isScalarType(type)) {
    const hint = hints(fieldName, pools);
    const base = scalarArbitrary(type.name, pools, fieldName);
    return hint ? fc.oneof({ weight: 1, arbitrary: base }, { weight: 1, arbitrary: hint }) : base;
  }
  throw new Error(`Cannot fuzz input type ${String(type)}: teach tests/helpers/fuzz-arbitraries.ts`);
}

function scalarArbitrary(name: string, pools: FuzzPools, fieldName: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      // Strings that hold ids (organisationId as String, ...) get ids too.
      return /Id$|^id$/.test(fieldName) ? fc.oneof(hostileId(pools), hostileString) : hostileString;
    case 'ID':
      return hostileId(pools);
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.boolean();
    case 'Money':
      return hostileMoney;
    case 'Date':
      return hostileDate;
    case 'DateTime':
      return hostileDateTime;
    default:
      throw new Error(`Cannot fuzz the scalar ${name}: add its hostile values to tests/helpers/fuzz-arbitraries.ts`);
  }
}

function inputObjectArbitrary(type: GraphQLInputObjectType, pools: FuzzPools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const entries = fields.map((field) => {
    const value = arbitraryFor(field.type, pools, field.name, depth + 1);
    // Optional fields are sometimes left out and sometimes null.
    const arb = isNonNullType(field.type) ? value : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
    return [field.name, arb] as const;
  });
  const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
  return fc.record(Object.fromEntries(entries), { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Every path into an input value worth mutating: each field, fields of nested objects, fields of a list's first item. */
export function pathsOf(type: GraphQLInputType, prefix: Path = [], depth = 0): { path: Path; type: GraphQLInputType; fieldName: string }[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || depth > 3) return [];
  const out: { path: Path; type: GraphQLInputType; fieldName: string }[] = [];
  for (const field of Object.values(named.getFields())) {
    const path = [...prefix, field.name];
    out.push({ path, type: field.type, fieldName: field.name });
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (isListType(inner)) {
      const item = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
      out.push({ path: [...path, 0], type: inner.ofType, fieldName: field.name });
      if (isInputObjectType(item)) out.push(...pathsOf(item, [...path, 0], depth + 1));
    } else if (isInputObjectType(inner)) {
      out.push(...pathsOf(inner, path, depth + 1));
    }
  }
  return out;
}

const OMIT = Symbol('omit');

/** The value to put at a path: mostly one of its type, sometimes the wrong type, sometimes nothing at all. */
export function valueAt(target: { type: GraphQLInputType; fieldName: string }, pools: FuzzPools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: arbitraryFor(target.type, pools, target.fieldName) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(OMIT) },
  );
}

/** A copy of `value` with `replacement` at `path` (intermediate objects and arrays made as needed; OMIT deletes). */
export function setIn(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement === OMIT ? undefined : replacement;
  const [head, ...rest] = path;
  const container: any = Array.isArray(value)
    ? [...value]
    : value && typeof value === 'object'
      ? { ...(value as Record<string, unknown>) }
      : typeof head === 'number'
        ? []
        : {};
  const next = setIn(container[head as any], rest, replacement);
  if (next === undefined && rest.length === 0 && replacement === OMIT) {
    if (Array.isArray(container)) container.splice(head as number, 1);
    else delete container[head as string];
  } else {
    container[head as any] = next;
  }
  return container;
}

/** Printable form of a value for failure messages (long strings shortened, odd characters escaped). */
export function describeValue(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)…${v.slice(-20)}` : v === OMIT ? '<omitted>' : v));
}
