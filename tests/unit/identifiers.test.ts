import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findLikelyIdentifiers,
  IDENTIFIER_KINDS,
  identifierMessage,
  isValidNhsNumber,
  nhsCheckDigit,
  type IdentifierKind,
} from '../../graphql/domain/identifiers';

interface Positive {
  text: string;
  kinds: IdentifierKind[];
  triggers: string[];
}
interface Negative {
  text: string;
  why: string;
}

const corpus = JSON.parse(readFileSync(new URL('../fixtures/identifiers.json', import.meta.url), 'utf8')) as {
  positive: Positive[];
  negative: Negative[];
};

const found = (text: string) => findLikelyIdentifiers(text).map((w) => ({ kind: w.kind, text: w.text }));

describe('the corpus of return narrative', () => {
  it('is big enough and well formed', () => {
    expect(corpus.positive.length).toBeGreaterThanOrEqual(40);
    expect(corpus.negative.length).toBeGreaterThanOrEqual(40);
    for (const p of corpus.positive) {
      expect(p.kinds.length, p.text).toBeGreaterThan(0);
      expect(p.triggers.length, p.text).toBe(p.kinds.length);
      for (const kind of p.kinds) expect(IDENTIFIER_KINDS, p.text).toContain(kind);
      for (const trigger of p.triggers) expect(p.text, trigger).toContain(trigger);
    }
    for (const n of corpus.negative) expect(n.why.length, n.text).toBeGreaterThan(0);
    // Every kind has true cases.
    for (const kind of IDENTIFIER_KINDS) expect(corpus.positive.some((p) => p.kinds.includes(kind)), kind).toBe(true);
  });

  it.each(corpus.positive)('flags exactly $kinds in "$text"', ({ text, kinds, triggers }) => {
    expect(found(text)).toEqual(kinds.map((kind, i) => ({ kind, text: triggers[i] })));
  });

  it.each(corpus.negative)('flags nothing in "$text" ($why)', ({ text }) => {
    expect(found(text)).toEqual([]);
  });

  it('flags the corpus run together as one narrative, sorted, with the offsets of each warning', () => {
    const texts = [...corpus.positive.map((p) => p.text), ...corpus.negative.map((n) => n.text)];
    const narrative = texts.join('\n');
    const warnings = findLikelyIdentifiers(narrative);
    expect(warnings.map((w) => ({ kind: w.kind, text: w.text }))).toEqual(
      corpus.positive.flatMap((p) => p.kinds.map((kind, i) => ({ kind, text: p.triggers[i] }))),
    );
    for (const [i, w] of warnings.entries()) {
      expect(narrative.slice(w.start, w.end)).toBe(w.text);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual(warnings[i - 1]!.start);
    }
  });
});

describe('warnings', () => {
  it('are empty for empty text', () => {
    expect(findLikelyIdentifiers('')).toEqual([]);
  });

  it('give offsets into the text', () => {
    const text = 'Mum is on 07700 900123.';
    expect(findLikelyIdentifiers(text)).toEqual([
      {
        kind: 'PHONE_NUMBER',
        text: '07700 900123',
        start: 10,
        end: 22,
        message: identifierMessage('PHONE_NUMBER', '07700 900123'),
      },
    ]);
  });

  it('are sorted by position, never overlapping another of the same kind', () => {
    const text =
      'Amy Smith (DOB 12/03/2012) of Hummersknott Academy lives at DL3 7RW; Ben (12), DOB 01/01/2014, is at ' +
      'Carmel College; call 07700 900123 or 0191 496 0123, e-mail a.b@example.org, NHS 943 476 5919.';
    const warnings = findLikelyIdentifiers(text);
    expect(warnings.map((w) => w.kind)).toEqual([
      'NAME_WITH_DATE_OF_BIRTH',
      'SCHOOL_NAME',
      'POSTCODE',
      'NAME_WITH_DATE_OF_BIRTH',
      'SCHOOL_NAME',
      'PHONE_NUMBER',
      'PHONE_NUMBER',
      'EMAIL_ADDRESS',
      'NHS_NUMBER',
    ]);
    for (const kind of IDENTIFIER_KINDS) {
      const ofKind = warnings.filter((w) => w.kind === kind);
      for (let i = 1; i < ofKind.length; i++) expect(ofKind[i]!.start).toBeGreaterThanOrEqual(ofKind[i - 1]!.end);
    }
  });

  it('report a name with a date of birth once, not also as a date of birth', () => {
    expect(found('Amy Smith, DOB 12/03/2012.')).toEqual([
      { kind: 'NAME_WITH_DATE_OF_BIRTH', text: 'Amy Smith, DOB 12/03/2012' },
    ]);
  });

  it('report an e-mail address once, whatever it holds', () => {
    expect(found('Write to dh13le.07700900123@example.org today.')).toEqual([
      { kind: 'EMAIL_ADDRESS', text: 'dh13le.07700900123@example.org' },
    ]);
  });

  it('join a name to the nearest date of birth only', () => {
    expect(found('Ben Ward, DOB 02/02/2012; his sister DOB 03/04/2014.')).toEqual([
      { kind: 'NAME_WITH_DATE_OF_BIRTH', text: 'Ben Ward, DOB 02/02/2012' },
      { kind: 'DATE_OF_BIRTH', text: 'DOB 03/04/2014' },
    ]);
  });

  it('do not join a name in another sentence to a date of birth', () => {
    expect(found('Amy Smith was referred in May. DOB 12/03/2012.')).toEqual([
      { kind: 'DATE_OF_BIRTH', text: 'DOB 12/03/2012' },
    ]);
  });

  it('take a long pasted narrative in linear time', () => {
    const paragraph = corpus.positive.map((p) => p.text).join(' ');
    const long = paragraph.repeat(Math.ceil(200_000 / paragraph.length));
    const started = performance.now();
    const warnings = findLikelyIdentifiers(long);
    expect(warnings.length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(2000);
    // Inputs that make careless regular expressions backtrack.
    for (const hostile of ['Amy Smith Jones '.repeat(10_000), 'a.'.repeat(20_000) + '@', 'DOB is the '.repeat(10_000)]) {
      const t0 = performance.now();
      findLikelyIdentifiers(hostile);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('NHS numbers', () => {
  it('computes the modulus 11 check digit', () => {
    // 9 4 3 4 7 6 5 9 1 weighted 10..2: 90+36+24+28+42+30+20+27+2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('401023213')).toBe(7);
    expect(nhsCheckDigit('485777345')).toBe(7);
    // 4x10 + 2x2 = 44, remainder 0: 11 - 0 = 11, which is written 0.
    expect(nhsCheckDigit('400000002')).toBe(0);
    // 4x10 + 8x2 = 56, remainder 1: 11 - 1 = 10, so no NHS number starts 400000008.
    expect(nhsCheckDigit('400000008')).toBeNull();
    expect(() => nhsCheckDigit('12345678')).toThrow(RangeError);
    expect(() => nhsCheckDigit('12345678a')).toThrow(RangeError);
  });

  it('validates whole numbers, spaced or not', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('4000000020')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false); // wrong check digit
    expect(isValidNhsNumber('4000000080')).toBe(false); // check digit would be 10
    expect(isValidNhsNumber('943476591')).toBe(false); // nine digits
    expect(isValidNhsNumber('94347659190')).toBe(false); // eleven digits
    expect(isValidNhsNumber('943476591X')).toBe(false);
  });

  it('agrees with the check written out longhand for every final digit', () => {
    const longhand = (digits: string) => {
      const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];
      const total = weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);
      const check = 11 - (total % 11);
      return check === 10 ? false : (check === 11 ? 0 : check) === Number(digits[9]);
    };
    let seed = 42;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 500; n++) {
      const prefix = String(100_000_000 + (next() % 900_000_000));
      for (let last = 0; last <= 9; last++) {
        const digits = `${prefix}${last}`;
        expect(isValidNhsNumber(digits), digits).toBe(longhand(digits));
      }
    }
  });

  it('flags only ten-digit numbers that pass the check, so most random numbers do not trigger', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    let flagged = 0;
    const tries = 2000;
    for (let n = 0; n < tries; n++) {
      const digits = String(1_000_000_000 + (next() % 9_000_000_000)).padStart(10, '0').slice(0, 10);
      const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
      const kinds = (text: string) => findLikelyIdentifiers(`Reference ${text} was quoted.`).map((w) => w.kind);
      const expected = isValidNhsNumber(digits) && !/^(\d)\1{9}$/.test(digits) ? ['NHS_NUMBER'] : [];
      expect(kinds(digits), digits).toEqual(expected);
      expect(kinds(spaced), spaced).toEqual(expected);
      if (expected.length) flagged++;
    }
    // About one in eleven: ten check digits of eleven remainders, one of them right.
    expect(flagged / tries).toBeGreaterThan(0.06);
    expect(flagged / tries).toBeLessThan(0.12);
  });

  it('flags a valid number once, and none of its ten wrong check digits', () => {
    for (let last = 0; last <= 9; last++) {
      expect(found(`NHS number 943 476 591${last}.`)).toEqual(
        last === 9 ? [{ kind: 'NHS_NUMBER', text: '943 476 5919' }] : [],
      );
    }
  });

  it('treats one digit ten times as a placeholder, though it passes the check', () => {
    expect(isValidNhsNumber('1111111111')).toBe(true);
    expect(found('NHS number 1111111111 (not known).')).toEqual([]);
  });
});

describe('messages', () => {
  it('words a postcode warning as the portal shows it', () => {
    const [warning] = findLikelyIdentifiers('She lives at DH1 3LE.');
    expect(warning?.message).toBe(
      'This looks like a postcode: "DH1 3LE". Remove it or make it less specific, e.g. "County Durham".',
    );
  });

  it('quote the exact words that triggered each warning', () => {
    const examples: [IdentifierKind, string][] = [
      ['NAME_WITH_DATE_OF_BIRTH', 'Amy Smith (DOB 12/03/2012)'],
      ['DATE_OF_BIRTH', 'DOB 12/03/2012'],
      ['POSTCODE', 'dl37rw'],
      ['PHONE_NUMBER', '+44 (0)20 7946 0018'],
      ['EMAIL_ADDRESS', 'amy.smith99@gmail.com'],
      ['NHS_NUMBER', '943 476 5919'],
      ['SCHOOL_NAME', "St Mary's Primary School"],
    ];
    for (const [kind, words] of examples) {
      const message = identifierMessage(kind, words);
      expect(message, kind).toContain(`"${words}"`);
      expect(message, kind).toMatch(/^This looks like /);
      expect(message, kind).not.toMatch(/[A-Z]{2,}_/); // no kind codes in what a provider reads
    }
    for (const p of corpus.positive) {
      for (const w of findLikelyIdentifiers(p.text)) expect(w.message).toContain(`"${w.text}"`);
    }
  });

  it('say what to do instead', () => {
    expect(identifierMessage('DATE_OF_BIRTH', 'DOB 12/03/2012')).toBe(
      'This looks like a date of birth: "DOB 12/03/2012". Remove it or give an age band instead, e.g. "aged 13 to 17".',
    );
    expect(identifierMessage('NAME_WITH_DATE_OF_BIRTH', 'Amy, DOB 12/03/2012')).toBe(
      'This looks like a name with a date of birth: "Amy, DOB 12/03/2012". Remove both: use a letter such as "A" ' +
        'instead of the name, and an age band such as "aged 13 to 17" instead of the date of birth.',
    );
    expect(identifierMessage('PHONE_NUMBER', '07700 900123')).toBe(
      'This looks like a phone number: "07700 900123". Remove it: a phone number can identify a child or family.',
    );
    expect(identifierMessage('EMAIL_ADDRESS', 'a@b.org')).toBe(
      'This looks like an e-mail address: "a@b.org". Remove it: an e-mail address can identify a person.',
    );
    expect(identifierMessage('NHS_NUMBER', '943 476 5919')).toBe(
      'This looks like an NHS number: "943 476 5919". Remove it: an NHS number identifies one person.',
    );
  });

  it('suggest a description that fits the kind of school', () => {
    const suggestion = (name: string) => /e\.g\. "([^"]+)"\.$/.exec(identifierMessage('SCHOOL_NAME', name))?.[1];
    expect(suggestion("St Mary's Primary School")).toBe('a primary school');
    expect(suggestion('Rise Carr Infant School')).toBe('a primary school');
    expect(suggestion('Longfield High School')).toBe('a secondary school');
    expect(suggestion('Durham Johnston Comprehensive')).toBe('a secondary school');
    expect(suggestion('Carmel College')).toBe('a college');
    expect(suggestion('Hummersknott Academy')).toBe('a local school');
    expect(identifierMessage('SCHOOL_NAME', 'Carmel College')).toBe(
      'This looks like the name of a school: "Carmel College". Remove it or describe the school instead, ' +
        'e.g. "a college".',
    );
  });
});

describe('the module', () => {
  it('imports nothing, so it runs in the browser as well as on the server', () => {
    const source = readFileSync(new URL('../../graphql/domain/identifiers.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
    // A lookbehind is a syntax error in older Safari and would break the page that loads the module.
    expect(source).not.toMatch(/\(\?<[=!]/);
  });
});
