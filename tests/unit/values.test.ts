import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARACTERS, parseValue, type MeasureUnit } from '../../graphql/domain/values';

const field = (label: string, unit: MeasureUnit) => ({ label, unit });
const referrals = field('Referrals received', 'COUNT');
const wait = field('Median days from referral to first session', 'DAYS');
const fte = field('Funded posts', 'DECIMAL');
const spend = field('Spend this quarter', 'MONEY');
const confidence = field('Trained staff reporting improved confidence', 'PERCENT');
const story = field('Case study', 'TEXT');

const accepts = (measure: { label: string; unit: MeasureUnit }, cases: [string, string | null][]) => {
  for (const [input, value] of cases) expect(parseValue(input, measure), JSON.stringify(input)).toEqual({ ok: true, value });
};
const refuses = (measure: { label: string; unit: MeasureUnit }, cases: [string, string][]) => {
  for (const [input, message] of cases) expect(parseValue(input, measure), JSON.stringify(input)).toEqual({ ok: false, message });
};

describe('blank', () => {
  it('is null for every unit (a blank needs a reason elsewhere)', () => {
    for (const measure of [referrals, wait, fte, spend, confidence, story]) {
      expect(parseValue('', measure)).toEqual({ ok: true, value: null });
      expect(parseValue('   ', measure)).toEqual({ ok: true, value: null });
      expect(parseValue('\t\n', measure)).toEqual({ ok: true, value: null });
    }
  });
});

describe('COUNT and DAYS', () => {
  it('accepts whole numbers >= 0 as canonical strings', () => {
    accepts(referrals, [
      ['0', '0'],
      ['12', '12'],
      [' 12 ', '12'],
      ['007', '7'],
      ['1,200', '1200'],
      ['1,234,567', '1234567'],
      ['12.0', '12'], // a whole number written with a zero fraction
      ['-0', '0'],
      ['1000000000', '1000000000'],
      ['1,000,000,000', '1000000000'],
    ]);
    accepts(wait, [
      ['0', '0'],
      ['45', '45'],
    ]);
  });

  it('refuses anything else, naming the field', () => {
    const whole = 'Referrals received must be a whole number, like 12';
    refuses(referrals, [
      ['-1', 'Referrals received cannot be negative'],
      ['-1,200', 'Referrals received cannot be negative'],
      ['\u22125', 'Referrals received cannot be negative'], // Unicode minus sign
      ['-1.5', 'Referrals received cannot be negative'],
      ['12.5', whole],
      ['0.1', whole],
      ['1e3', whole],
      ['1e309', whole],
      ['Infinity', whole],
      ['-Infinity', whole],
      ['NaN', whole],
      ['0x10', whole],
      ['twelve', whole],
      ['12 people', whole],
      ['+5', whole],
      ['1,20', whole], // not a thousands separator
      ['12,00', whole],
      [',120', whole],
      ['1 200', whole],
      ['5.', whole],
      ['.', whole],
      ['-', whole],
      ['£12', whole],
      ['1000000001', 'Referrals received must be 1,000,000,000 or less'],
      ['99999999999999999999999', 'Referrals received must be 1,000,000,000 or less'],
    ]);
    refuses(wait, [
      ['2.5', 'Median days from referral to first session must be a whole number, like 12'],
      ['-3', 'Median days from referral to first session cannot be negative'],
    ]);
  });
});

describe('DECIMAL', () => {
  it('accepts numbers >= 0 with up to 2 decimal places', () => {
    accepts(fte, [
      ['0', '0'],
      ['2.5', '2.5'],
      ['2.50', '2.5'],
      ['2.25', '2.25'],
      ['.5', '0.5'],
      ['3.00', '3'],
      ['0.500', '0.5'], // trailing zeros are not decimal places of the value
      ['1,250.75', '1250.75'],
      ['1000000000', '1000000000'],
    ]);
  });

  it('refuses negatives, more places, and non-numbers', () => {
    refuses(fte, [
      ['-0.5', 'Funded posts cannot be negative'],
      ['2.125', 'Funded posts must have 2 decimal places or fewer'],
      ['two', 'Funded posts must be a number, like 2.5'],
      ['2,5', 'Funded posts must be a number, like 2.5'],
      ['1e2', 'Funded posts must be a number, like 2.5'],
      ['NaN', 'Funded posts must be a number, like 2.5'],
      ['1000000000.01', 'Funded posts must be 1,000,000,000 or less'],
    ]);
  });
});

describe('MONEY', () => {
  it('accepts pounds and pence, with or without £ and separators, always as 2 decimal places', () => {
    accepts(spend, [
      ['0', '0.00'],
      ['85000.50', '85000.50'],
      ['85000.5', '85000.50'],
      ['£85,000.50', '85000.50'],
      ['£ 85,000', '85000.00'],
      ['£1,250', '1250.00'],
      ['£0.07', '0.07'],
      ['.99', '0.99'],
      ['999,999,999,999.99', '999999999999.99'],
    ]);
  });

  it('refuses negatives, fractions of a penny, amounts too large and text', () => {
    refuses(spend, [
      ['-5', 'Spend this quarter cannot be negative'],
      ['-£5', 'Spend this quarter cannot be negative'],
      ['£-5', 'Spend this quarter cannot be negative'],
      ['12.345', 'Spend this quarter must have 2 decimal places or fewer'],
      ['£1,000,000,000,000', 'Spend this quarter must be less than £1,000,000,000,000'],
      ['1000000000000.00', 'Spend this quarter must be less than £1,000,000,000,000'],
      ['£', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
      ['£££5', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
      ['5 pounds', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
      ['$5', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
      ['1e6', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
      ['Infinity', 'Spend this quarter must be an amount in pounds and pence, like £1,250.50'],
    ]);
  });
});

describe('PERCENT', () => {
  it('accepts 0-100 with at most 1 decimal place, and a trailing %', () => {
    accepts(confidence, [
      ['0', '0'],
      ['85', '85'],
      ['85.5', '85.5'],
      ['85.50', '85.5'],
      ['85%', '85'],
      ['85.5 %', '85.5'],
      ['100', '100'],
      ['100.0', '100'],
    ]);
  });

  it('refuses values outside 0-100, more places and text', () => {
    refuses(confidence, [
      ['-1', 'Trained staff reporting improved confidence must be between 0 and 100'],
      ['100.1', 'Trained staff reporting improved confidence must be between 0 and 100'],
      ['101', 'Trained staff reporting improved confidence must be between 0 and 100'],
      ['1,000', 'Trained staff reporting improved confidence must be between 0 and 100'],
      ['85.55', 'Trained staff reporting improved confidence must have 1 decimal place or fewer'],
      ['most', 'Trained staff reporting improved confidence must be a percentage, like 85 or 85.5'],
      ['%', 'Trained staff reporting improved confidence must be a percentage, like 85 or 85.5'],
      ['NaN', 'Trained staff reporting improved confidence must be a percentage, like 85 or 85.5'],
    ]);
  });
});

describe('TEXT', () => {
  it('accepts any text up to 10,000 characters, trimmed, with line ends as \\n', () => {
    accepts(story, [
      ['twelve', 'twelve'],
      ['  A young person, 14, referred by school.  ', 'A young person, 14, referred by school.'],
      ['Line one\r\nLine two\rLine three', 'Line one\nLine two\nLine three'],
      ['12', '12'],
      ['x'.repeat(MAX_TEXT_CHARACTERS), 'x'.repeat(MAX_TEXT_CHARACTERS)],
      // An emoji is one character (two UTF-16 units).
      ['😀'.repeat(MAX_TEXT_CHARACTERS), '😀'.repeat(MAX_TEXT_CHARACTERS)],
    ]);
  });

  it('refuses more than 10,000 characters', () => {
    refuses(story, [
      ['x'.repeat(MAX_TEXT_CHARACTERS + 1), 'Case study must be 10,000 characters or fewer'],
      ['😀'.repeat(MAX_TEXT_CHARACTERS + 1), 'Case study must be 10,000 characters or fewer'],
    ]);
    // Surrounding spaces do not count.
    expect(parseValue(`  ${'x'.repeat(MAX_TEXT_CHARACTERS)}  `, story)).toEqual({ ok: true, value: 'x'.repeat(MAX_TEXT_CHARACTERS) });
  });
});

describe('canonical strings', () => {
  it('are strings, never floats, and parse back to themselves', () => {
    const cases: [{ label: string; unit: MeasureUnit }, string][] = [
      [referrals, '1,200'],
      [fte, '0.10'],
      [spend, '£0.30'],
      [confidence, '33.3%'],
    ];
    for (const [measure, input] of cases) {
      const first = parseValue(input, measure);
      expect(first.ok).toBe(true);
      if (!first.ok) continue;
      expect(typeof first.value).toBe('string');
      expect(parseValue(first.value!, measure)).toEqual(first);
    }
  });
});
