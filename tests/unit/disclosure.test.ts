import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_BAND_OF,
  collapseToBands,
  controlCostPerPerson,
  controlCount,
  controlIf,
  controlPercentage,
  controlStatistic,
  controlTotal,
  describeControl,
  DISCLOSURE_RULE_TEXT,
  DisclosureInputError,
  exactCount,
  PUBLISHED_AGE_BANDS,
  roundToNearest5,
  PROTECTED_SENTENCE,
  ROUNDING_FOOTNOTE,
  SUPPRESSED_EXPORT,
  SUPPRESSED_TEXT,
  type ControlledCount,
} from '../../graphql/domain/disclosure';
import { breakdownOptions } from '../../seeds/measures';

const SUPPRESSED: ControlledCount = { kind: 'suppressed', value: null, display: 'fewer than 8', exportValue: '[c]' };
const ZERO: ControlledCount = { kind: 'zero', value: 0, display: '0', exportValue: 0 };
const rounded = (value: number, display = String(value)): ControlledCount => ({
  kind: 'rounded',
  value,
  display,
  exportValue: value,
});

const isSmall = (n: number) => n >= 1 && n <= 7;
/** Whether any field of a controlled output, read as a number, is 1 to 7. */
const reveals = (output: { value: unknown; display: string; exportValue: unknown }) =>
  [output.value, output.exportValue, Number(output.display.replaceAll(',', '').replace(/%$/, ''))].some(
    (field) => typeof field === 'number' && isSmall(field)
  );

const MAX = Number.MAX_SAFE_INTEGER;
/** Counts weighted towards the interesting boundaries, with the occasional very large one. */
const count = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX }) }
);

// ---------------------------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------------------------

describe('controlCount', () => {
  it('shows 0 as 0', () => {
    expect(controlCount(0)).toEqual(ZERO);
    expect(controlCount(-0)).toEqual(ZERO);
    expect(controlCount(0n)).toEqual(ZERO);
  });

  it('suppresses every count from 1 to 7 identically', () => {
    for (let n = 1; n <= 7; n += 1) {
      expect(controlCount(n), String(n)).toEqual(SUPPRESSED);
      expect(controlCount(BigInt(n)), `${n}n`).toEqual(SUPPRESSED);
    }
    expect(SUPPRESSED_TEXT).toBe('fewer than 8');
    expect(SUPPRESSED_EXPORT).toBe('[c]');
  });

  it('rounds 8 and above to the nearest 5 (every boundary)', () => {
    const cases: [number, number][] = [
      [8, 10],
      [9, 10],
      [10, 10],
      [11, 10],
      [12, 10],
      [13, 15],
      [14, 15],
      [15, 15],
      [16, 15],
      [17, 15],
      [18, 20],
      [19, 20],
      [20, 20],
      [22, 20],
      [23, 25],
      [99, 100],
      [102, 100],
      [103, 105],
    ];
    for (const [n, value] of cases) expect(controlCount(n), String(n)).toEqual(rounded(value));
  });

  it('marks every count of 8 or more as rounded, even a multiple of 5 (else 10 would be told apart from 8, 9, 11, 12)', () => {
    expect(controlCount(10).kind).toBe('rounded');
    expect(controlCount(15).kind).toBe('rounded');
    expect(controlCount(1000).kind).toBe('rounded');
  });

  it('handles large numbers exactly, with thousands separators in words', () => {
    expect(controlCount(1232)).toEqual(rounded(1230, '1,230'));
    expect(controlCount(1233)).toEqual(rounded(1235, '1,235'));
    expect(controlCount(1_000_000_003)).toEqual(rounded(1_000_000_005, '1,000,000,005'));
    expect(controlCount(1_000_000_002n)).toEqual(rounded(1_000_000_000, '1,000,000,000'));
    // The largest safe integer ends in 1: it rounds down, and rounding never leaves the safe range.
    expect(controlCount(MAX)).toEqual(rounded(MAX - 1, '9,007,199,254,740,990'));
    expect(controlCount(MAX - 3).value).toBe(MAX - 1); // ...988 rounds up to ...990
  });

  it('refuses what is not a whole number of people, with a clear message', () => {
    const refused: [unknown, string][] = [
      [-1, 'A count of people cannot be negative (got -1)'],
      [-8, 'A count of people cannot be negative (got -8)'],
      [-1n, 'A count of people cannot be negative (got -1)'],
      [2.5, 'A count of people must be a whole number (got 2.5)'],
      [7.999, 'A count of people must be a whole number (got 7.999)'],
      [Number.NaN, 'A count of people must be a whole number (got NaN)'],
      [Number.POSITIVE_INFINITY, 'A count of people must be a whole number (got Infinity)'],
      [Number.NEGATIVE_INFINITY, 'A count of people must be a whole number (got -Infinity)'],
      ['12', 'A count of people must be a whole number (got 12)'],
      [null, 'A count of people must be a whole number (got null)'],
      [2 ** 53, 'A count of people is too large to control exactly (got 9007199254740992)'],
      [2n ** 53n, 'A count of people is too large to control exactly (got 9007199254740992)'],
    ];
    for (const [input, message] of refused) {
      expect(() => controlCount(input as number), String(input)).toThrow(DisclosureInputError);
      expect(() => controlCount(input as number), String(input)).toThrow(message);
    }
  });

  it('never reveals a count of 1 to 7 (value, words or export)', () => {
    fc.assert(
      fc.property(count, (n) => {
        const output = controlCount(n);
        expect(reveals(output)).toBe(false);
        if (isSmall(n)) expect(output).toEqual(SUPPRESSED); // nothing in the output depends on which of 1-7 it was
      }),
      { numRuns: 2000 }
    );
  });

  it('rounds to a multiple of 5 within 2 of the exact count (never exactly half-way for whole numbers)', () => {
    fc.assert(
      fc.property(count, (n) => {
        const output = controlCount(n);
        if (n < 8) return;
        expect(output.kind).toBe('rounded');
        expect(output.value! % 5).toBe(0);
        expect(Math.abs(output.value! - n)).toBeLessThanOrEqual(2);
        expect(output.value).toBeGreaterThanOrEqual(10);
        expect(output.exportValue).toBe(output.value);
        expect(roundToNearest5(n)).toBe(output.value);
      }),
      { numRuns: 2000 }
    );
  });

  it('suppresses exactly 1-7, and is monotone: a larger count never shows as less', () => {
    const rank = (output: ControlledCount) => (output.kind === 'zero' ? 0 : output.kind === 'suppressed' ? 1 : 2);
    fc.assert(
      fc.property(count, count, (a, b) => {
        const [n, m] = a <= b ? [a, b] : [b, a];
        const small = controlCount(n);
        const large = controlCount(m);
        expect(small.kind === 'suppressed').toBe(isSmall(n));
        expect(rank(small)).toBeLessThanOrEqual(rank(large));
        if (small.kind === 'rounded') expect(small.value).toBeLessThanOrEqual(large.value!);
        if (small.kind === 'rounded' && small.value === large.value) expect(small).toEqual(large);
      }),
      { numRuns: 2000 }
    );
    // Around the boundary, by hand.
    expect([0, 1, 7, 8].map((n) => controlCount(n).kind)).toEqual(['zero', 'suppressed', 'suppressed', 'rounded']);
  });

  it('refuses every non-integer and every negative number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x) || x < 0),
        (x) => {
          expect(() => controlCount(x)).toThrow(DisclosureInputError);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe('roundToNearest5', () => {
  it('rounds halves up and refuses what controlCount refuses', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 17, 18].map(roundToNearest5)).toEqual([
      0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 15, 15, 20,
    ]);
    expect(() => roundToNearest5(12.5)).toThrow('A count of people must be a whole number (got 12.5)');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// What is not controlled
// ---------------------------------------------------------------------------------------------------------------

describe('exactCount and controlIf (money, staff counts, numbers of services are not controlled)', () => {
  it('shows figures that are not about people as they are', () => {
    expect(exactCount(3)).toEqual({ kind: 'exact', value: 3, display: '3', exportValue: 3 });
    expect(exactCount(2.5)).toEqual({ kind: 'exact', value: 2.5, display: '2.5', exportValue: 2.5 }); // FTE
    expect(exactCount(1234)).toEqual({ kind: 'exact', value: 1234, display: '1,234', exportValue: 1234 });
    expect(exactCount(0)).toEqual({ kind: 'exact', value: 0, display: '0', exportValue: 0 });
    expect(exactCount(7n)).toEqual({ kind: 'exact', value: 7, display: '7', exportValue: 7 });
  });

  it('controls only when asked: controlIf(measure.countsPeople && audienceIsControlled, n)', () => {
    expect(controlIf(true, 3)).toEqual(SUPPRESSED);
    expect(controlIf(true, 12)).toEqual(rounded(10));
    expect(controlIf(false, 3)).toEqual(exactCount(3));
    expect(controlIf(false, 12)).toEqual(exactCount(12));
    expect(() => controlIf(true, 2.5)).toThrow(DisclosureInputError);
  });

  it('refuses negative and non-finite figures', () => {
    expect(() => exactCount(-1)).toThrow('A figure cannot be negative (got -1)');
    expect(() => exactCount(Number.NaN)).toThrow('A figure must be a finite number (got NaN)');
    expect(() => exactCount(Number.POSITIVE_INFINITY)).toThrow('A figure must be a finite number (got Infinity)');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------------------------

describe('controlTotal', () => {
  it('works the total out from the exact parts, then controls it on its own', () => {
    const table = controlTotal([3, 4, 5]);
    expect(table).toEqual({
      parts: [SUPPRESSED, SUPPRESSED, SUPPRESSED],
      total: rounded(10),
      footnote: ROUNDING_FOOTNOTE,
    });
    expect(ROUNDING_FOOTNOTE).toBe('Figures are rounded and may not sum.');
    // The exact total (12) is not in the answer.
    expect(JSON.stringify(table)).not.toContain('12');
  });

  it('may not sum, and says so', () => {
    expect(controlTotal([8, 8, 8])).toEqual({
      parts: [rounded(10), rounded(10), rounded(10)],
      total: rounded(25),
      footnote: ROUNDING_FOOTNOTE,
    });
    expect(controlTotal([12, 13, 0])).toEqual({
      parts: [rounded(10), rounded(15), ZERO],
      total: rounded(25),
      footnote: ROUNDING_FOOTNOTE,
    });
    // Even when the rounded figures happen to add up, they are rounded figures.
    expect(controlTotal([10, 20])).toEqual({
      parts: [rounded(10), rounded(20)],
      total: rounded(30),
      footnote: ROUNDING_FOOTNOTE,
    });
  });

  it('has no footnote when nothing was rounded', () => {
    expect(controlTotal([])).toEqual({ parts: [], total: ZERO, footnote: null });
    expect(controlTotal([0, 0])).toEqual({ parts: [ZERO, ZERO], total: ZERO, footnote: null });
    expect(controlTotal([1, 2, 0])).toEqual({
      parts: [SUPPRESSED, SUPPRESSED, ZERO],
      total: SUPPRESSED,
      footnote: null,
    });
  });

  it('accepts bigints and refuses bad parts and totals too large to add up exactly', () => {
    expect(controlTotal([3n, 5n]).total).toEqual(rounded(10));
    expect(() => controlTotal([3, 2.5])).toThrow('A count of people must be a whole number (got 2.5)');
    expect(() => controlTotal([3, -1])).toThrow(DisclosureInputError);
    expect(() => controlTotal([MAX, 1])).toThrow('A total of people is too large to control exactly');
  });

  it('controls each part and the exact sum on their own, hiding more only to protect (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          count.filter((n) => n < 1e12),
          { maxLength: 12 }
        ),
        (parts) => {
          const table = controlTotal(parts);
          // Each figure is the rule's own, or "hidden" (secondary suppression): never anything more revealing.
          table.parts.forEach((part, i) => {
            if (part.kind === 'protected') expect(controlCount(parts[i]!).kind).toBe('rounded');
            else expect(part).toEqual(controlCount(parts[i]!));
          });
          if (table.total.kind !== 'protected') expect(table.total).toEqual(controlCount(parts.reduce((a, b) => a + b, 0)));
          const anyRounded = [...table.parts, table.total].some((figure) => figure.kind === 'rounded');
          expect(table.footnote).toBe(anyRounded ? ROUNDING_FOOTNOTE : null);
          for (const figure of [...table.parts, table.total]) expect(reveals(figure)).toBe(false);
        }
      ),
      { numRuns: 1000 }
    );
  });

  // Which exact values could lie behind a published figure (a hidden one: 8 up to `ceiling`).
  const candidates = (figure: ControlledCount, ceiling: number): number[] =>
    figure.kind === 'zero'
      ? [0]
      : figure.kind === 'suppressed'
      ? [1, 2, 3, 4, 5, 6, 7]
      : figure.kind === 'protected'
      ? Array.from({ length: Math.max(0, ceiling - 7) }, (_, i) => 8 + i)
      : [-2, -1, 0, 1, 2].map((d) => figure.value! + d).filter((v) => v >= 8);
  /**
   * The values of part `index` that, with some values of the other parts, fit every figure of the published table:
   * each part in its published range and their sum in the total's (exhaustive search, independent of the code).
   */
  function consistentValues(table: ReturnType<typeof controlTotal>, index: number, ceiling = 80): number[] {
    const totals = table.total.kind === 'protected' ? null : new Set(candidates(table.total, ceiling));
    const options = table.parts.map((part) => candidates(part, ceiling));
    const found = new Set<number>();
    const search = (i: number, chosen: number[], sum: number) => {
      if (i === options.length) {
        if (totals === null || totals.has(sum)) found.add(chosen[index]!);
        return;
      }
      for (const value of options[i]!) search(i + 1, [...chosen, value], sum + value);
    };
    search(0, [], 0);
    return [...found].sort((a, b) => a - b);
  }

  it('a suppressed part of a small table with a large total keeps at least two candidates', () => {
    expect(consistentValues(controlTotal([7, 7]), 0)).toEqual([6, 7]); // 14 -> 15: 13 or 14 behind it
    expect(consistentValues(controlTotal([3, 8]), 0)).toEqual([1, 2, 3, 4]);
  });

  it('protects a suppressed part the rounded total would give away (secondary suppression)', () => {
    // Without protection: 20, fewer than 8, 40, total 55 -> the hidden part is at most 57 - 18 - 38 = 1.
    const table = controlTotal([18, 1, 38]);
    expect(table.parts.map((part) => part.display)).toEqual(['hidden', 'fewer than 8', '40']);
    expect(table.parts[0]).toMatchObject({ kind: 'protected', value: null, exportValue: '[c]' });
    expect(table.total).toEqual(rounded(55));
    expect(consistentValues(table, 1).length).toBeGreaterThanOrEqual(2);
    // Four parts of 7 (28 -> 30) could only be 7 each: nothing shown to protect, so the total is hidden.
    const sevens = controlTotal([7, 7, 7, 7]);
    expect(sevens.parts.every((part) => part.kind === 'suppressed')).toBe(true);
    expect(sevens.total.kind).toBe('protected');
    expect(consistentValues(sevens, 0)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A table with nothing to give away is left as the rule has it.
    expect(controlTotal([3, 8]).parts.map((part) => part.kind)).toEqual(['suppressed', 'rounded']);
    expect(describeControl([table])).toContain(PROTECTED_SENTENCE);
  });

  it('no suppressed part can be worked out to one value from the table (property)', () => {
    // Small counts, any count up to 40, and counts at the bottom of their rounding range (13, 18, ...: the hardest).
    const small = fc.oneof(
      fc.integer({ min: 0, max: 7 }),
      fc.integer({ min: 8, max: 40 }),
      fc.integer({ min: 3, max: 8 }).map((k) => 5 * k - 2)
    );
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 4 }), (parts) => {
        const table = controlTotal(parts);
        table.parts.forEach((part, i) => {
          if (part.kind === 'suppressed') expect(consistentValues(table, i, 60).length, `${parts} part ${i}`).toBeGreaterThanOrEqual(2);
        });
      }),
      { numRuns: 1000 }
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Percentages
// ---------------------------------------------------------------------------------------------------------------

describe('controlPercentage', () => {
  const shown = (value: number) => ({
    kind: 'percentage',
    value,
    display: `${value}%`,
    exportValue: value,
    reason: null,
  });
  const hidden = (reason: string, display: string) => ({
    kind: 'hidden-percentage',
    value: null,
    display,
    exportValue: '[c]',
    reason,
  });
  const smallDenominator = hidden('small-denominator', 'Hidden: fewer than 10 people');
  const smallNumerator = hidden('small-numerator', 'Hidden: fewer than 8 people in this group');
  const smallComplement = hidden('small-complement', 'Hidden: fewer than 8 people outside this group');

  it('hides a percentage of fewer than 10 people', () => {
    expect(controlPercentage(9, 9)).toEqual(smallDenominator);
    expect(controlPercentage(8, 8)).toEqual(smallDenominator);
    expect(controlPercentage(0, 9)).toEqual(smallDenominator);
    expect(controlPercentage(3, 9)).toEqual(smallDenominator); // the denominator is the first reason given
    expect(controlPercentage(0, 0)).toEqual(smallDenominator);
    expect(controlPercentage(1, 1)).toEqual(smallDenominator);
  });

  it('hides a percentage whose numerator is 1 to 7', () => {
    expect(controlPercentage(3, 10)).toEqual(smallNumerator);
    expect(controlPercentage(7, 20)).toEqual(smallNumerator);
    expect(controlPercentage(1, 1000)).toEqual(smallNumerator);
  });

  it('hides a percentage whose complement (denominator - numerator) is 1 to 7', () => {
    expect(controlPercentage(13, 20)).toEqual(smallComplement);
    expect(controlPercentage(8, 15)).toEqual(smallComplement);
    expect(controlPercentage(9, 10)).toEqual(smallComplement);
    expect(controlPercentage(999, 1000)).toEqual(smallComplement);
    expect(controlPercentage(3, 10).reason).toBe('small-numerator'); // numerator 3 and complement 7: the numerator is given
  });

  it('shows 0% and 100% (a complement or numerator of 0 reveals no small group)', () => {
    expect(controlPercentage(10, 10)).toEqual(shown(100));
    expect(controlPercentage(0, 10)).toEqual(shown(0));
    expect(controlPercentage(0, 1000)).toEqual(shown(0));
    expect(controlPercentage(1000, 1000)).toEqual(shown(100));
  });

  it('works from the rounded figures, to the nearest whole percent, halves up', () => {
    expect(controlPercentage(8, 16)).toEqual(shown(67)); // 10 / 15 = 66.7%
    expect(controlPercentage(12, 20)).toEqual(shown(50)); // 10 / 20 (exact 60%)
    expect(controlPercentage(13, 22)).toEqual(shown(75)); // 15 / 20 (exact 59%)
    expect(controlPercentage(10, 80)).toEqual(shown(13)); // 10 / 80 = 12.5% -> 13%
    expect(controlPercentage(70, 80)).toEqual(shown(88)); // 70 / 80 = 87.5% -> 88%
    expect(controlPercentage(8, 18)).toEqual(shown(50)); // 10 / 20
    expect(controlPercentage(1990, 2000)).toEqual(shown(100)); // 99.5% -> 100%
    expect(controlPercentage(123_456_789n, 987_654_321n)).toEqual(shown(13)); // 123,456,790 / 987,654,320 = 12.5% exactly
  });

  it('refuses a numerator above its denominator and counts that are not whole numbers', () => {
    expect(() => controlPercentage(11, 10)).toThrow(
      "A percentage's numerator (11) cannot be more than its denominator (10)"
    );
    expect(() => controlPercentage(2.5, 10)).toThrow("A percentage's numerator must be a whole number (got 2.5)");
    expect(() => controlPercentage(5, -10)).toThrow("A percentage's denominator cannot be negative (got -10)");
    expect(() => controlPercentage(Number.NaN, 10)).toThrow(DisclosureInputError);
  });

  const pair = fc
    .tuple(count, count)
    .map(([a, b]) => (a <= b ? { n: a, d: b } : { n: b, d: a }))
    .chain(({ n, d }) =>
      fc.oneof(
        fc.constant({ n, d }),
        fc.integer({ min: 0, max: 9 }).map((k) => ({ n: Math.max(0, d - k), d }))
      )
    );

  it('is never shown when the numerator or its complement is 1 to 7, or the denominator under 10 (property)', () => {
    fc.assert(
      fc.property(pair, ({ n, d }) => {
        const output = controlPercentage(n, d);
        const mustHide = d < 10 || isSmall(n) || isSmall(d - n);
        expect(output.kind === 'hidden-percentage').toBe(mustHide);
        if (output.kind === 'hidden-percentage') {
          expect(output.value).toBeNull();
          expect(output.exportValue).toBe('[c]');
          expect(output.display).toMatch(/^Hidden: /);
        }
      }),
      { numRuns: 3000 }
    );
  });

  it('when shown, is the rounded numerator over the rounded denominator, 0-100 (property)', () => {
    fc.assert(
      fc.property(
        pair.filter(({ d }) => d <= 1e9),
        ({ n, d }) => {
          const output = controlPercentage(n, d);
          if (output.kind !== 'percentage') return;
          const rn = controlCount(n).value!;
          const rd = controlCount(d).value!;
          expect(output.value).toBe(Math.floor((100 * rn) / rd + 0.5));
          expect(output.value).toBeGreaterThanOrEqual(0);
          expect(output.value).toBeLessThanOrEqual(100);
          expect(output.display).toBe(`${output.value}%`);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Means, medians, waiting times, costs per person
// ---------------------------------------------------------------------------------------------------------------

describe('controlStatistic', () => {
  const hiddenStatistic = {
    kind: 'hidden-statistic',
    value: null,
    display: 'Hidden: fewer than 8 people',
    exportValue: '[c]',
  };

  it('hides a mean, median or waiting time with fewer than 8 people behind it', () => {
    for (let people = 0; people <= 7; people += 1)
      expect(controlStatistic(42, people), String(people)).toEqual(hiddenStatistic);
    expect(controlStatistic('3.5', 7)).toEqual(hiddenStatistic);
  });

  it('shows it as it is (not rounded) with 8 or more people behind it', () => {
    expect(controlStatistic(42, 8)).toEqual({ kind: 'statistic', value: 42, display: '42', exportValue: 42 });
    expect(controlStatistic(3, 8)).toEqual({ kind: 'statistic', value: 3, display: '3', exportValue: 3 }); // 3 days, not 3 people
    expect(controlStatistic('12.50', 9n)).toEqual({
      kind: 'statistic',
      value: 12.5,
      display: '12.5',
      exportValue: 12.5,
    });
    expect(controlStatistic(1234.567, 100)).toEqual({
      kind: 'statistic',
      value: 1234.567,
      display: '1,234.57',
      exportValue: 1234.567,
    });
    expect(controlStatistic(21, 50, (days) => `${days} days`).display).toBe('21 days');
  });

  it('is hidden exactly when fewer than 8 people are behind it (property)', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 0, max: 365 }), (people, days) => {
        expect(controlStatistic(days, people).kind).toBe(people < 8 ? 'hidden-statistic' : 'statistic');
      })
    );
  });

  it('refuses values that are not numbers and people that are not whole numbers', () => {
    expect(() => controlStatistic('soon', 20)).toThrow(
      'A mean, median or waiting time must be a finite number (got "soon")'
    );
    expect(() => controlStatistic(Number.NaN, 20)).toThrow(DisclosureInputError);
    expect(() => controlStatistic(10, 7.5)).toThrow(
      'The number of people behind a statistic must be a whole number (got 7.5)'
    );
    expect(() => controlStatistic(10, -8)).toThrow(
      'The number of people behind a statistic cannot be negative (got -8)'
    );
  });
});

describe('controlCostPerPerson', () => {
  it('is hidden with fewer than 8 people (the amount is not controlled, so it would give the count away)', () => {
    for (let people = 0; people <= 7; people += 1) {
      expect(controlCostPerPerson('30000.00', people)).toEqual({
        kind: 'hidden-statistic',
        value: null,
        display: 'Hidden: fewer than 8 people',
        exportValue: '[c]',
      });
    }
  });

  it('divides the exact amount by the ROUNDED number of people, to the penny, halves up', () => {
    expect(controlCostPerPerson('10000', 8)).toEqual({
      kind: 'statistic',
      value: '1000.00',
      display: '£1,000.00',
      exportValue: 1000,
    });
    expect(controlCostPerPerson('1234.56', 13)).toEqual({
      kind: 'statistic',
      value: '82.30',
      display: '£82.30',
      exportValue: 82.3,
    }); // / 15
    expect(controlCostPerPerson('0.25', 10).value).toBe('0.03'); // 2.5p -> 3p
    expect(controlCostPerPerson('0.24', 10).value).toBe('0.02');
    expect(controlCostPerPerson('1000000', 12n)).toEqual({
      kind: 'statistic',
      value: '100000.00',
      display: '£100,000.00',
      exportValue: 100000,
    });
    expect(controlCostPerPerson(850.5, 18).value).toBe('42.53'); // 85050p / 20 = 4252.5p
    expect(controlCostPerPerson('0', 50).display).toBe('£0.00');
  });

  it('refuses amounts that are not pounds and pence of 0 or more', () => {
    for (const amount of ['-5', '12.345', 'abc', '', '£12']) {
      expect(() => controlCostPerPerson(amount, 20), amount).toThrow(DisclosureInputError);
    }
    expect(() => controlCostPerPerson(Number.POSITIVE_INFINITY, 20)).toThrow(DisclosureInputError);
    expect(() => controlCostPerPerson('12', 2.5)).toThrow(DisclosureInputError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Collapsed bands
// ---------------------------------------------------------------------------------------------------------------

describe('collapseToBands', () => {
  it('uses the published bands of the seed data (BreakdownOption.publishedBand)', () => {
    const options = breakdownOptions('AGE_BAND');
    expect(Object.fromEntries(options.map((option) => [option.code, option.publishedBand]))).toEqual(AGE_BAND_OF);
    expect([...new Set(options.map((option) => option.publishedBand))]).toEqual([...PUBLISHED_AGE_BANDS]);
  });

  it('adds up the EXACT cells of each band before control', () => {
    const cells = [
      { key: '', value: 23 }, // the total: not a cell
      { key: 'AGE_0_4', value: 3 },
      { key: 'AGE_5_9', value: 2 },
      { key: 'AGE_10_12', value: 4 },
      { key: 'AGE_13_15', value: 10 },
      { key: 'AGE_16_17', value: null },
      { key: 'AGE_18_24', value: 0 },
      { key: 'NOT_KNOWN', value: 4n },
    ];
    const bands = collapseToBands(cells, AGE_BAND_OF);
    expect(bands).toEqual([
      { band: 'Under 13', value: 9 },
      { band: '13-17', value: 10 },
      { band: '18+', value: 0 },
      { band: 'Not known', value: 4 },
    ]);
    // Three suppressed cells make a band of 9, shown as 10; the total is controlled on its own.
    const table = controlTotal(bands.map((band) => band.value ?? 0));
    expect(table).toEqual({
      parts: [rounded(10), rounded(10), ZERO, SUPPRESSED],
      total: rounded(25),
      footnote: ROUNDING_FOOTNOTE,
    });
  });

  it('gives every band, null when none of its cells has a value', () => {
    expect(collapseToBands([{ key: 'AGE_25_PLUS', value: null }], AGE_BAND_OF)).toEqual([
      { band: 'Under 13', value: null },
      { band: '13-17', value: null },
      { band: '18+', value: null },
      { band: 'Not known', value: null },
    ]);
  });

  it('bands one dimension of a two-dimensional breakdown and adds up the other (one characteristic per table)', () => {
    const cells = [
      { key: 'AGE_0_4|GIRL_WOMAN', value: 2 },
      { key: 'AGE_0_4|BOY_MAN', value: 3 },
      { key: 'AGE_13_15|GIRL_WOMAN', value: 5 },
      { key: 'AGE_16_17|NOT_KNOWN', value: 1 },
      { key: 'NOT_KNOWN|BOY_MAN', value: 6 },
    ];
    expect(collapseToBands(cells, AGE_BAND_OF).map((band) => band.value)).toEqual([5, 6, null, 6]);
    const gender = new Map([
      ['GIRL_WOMAN', 'Girl or woman'],
      ['BOY_MAN', 'Boy or man'],
      ['NON_BINARY_OTHER', 'Non-binary or other'],
      ['NOT_KNOWN', 'Not known'],
    ]);
    expect(collapseToBands(cells, gender, { dimension: 1 })).toEqual([
      { band: 'Girl or woman', value: 7 },
      { band: 'Boy or man', value: 9 },
      { band: 'Non-binary or other', value: null },
      { band: 'Not known', value: 1 },
    ]);
  });

  it('gives the bands in the order asked for', () => {
    const bands = collapseToBands([{ key: 'AGE_25_PLUS', value: 8 }], AGE_BAND_OF, {
      bands: ['18+', '13-17', 'Under 13', 'Not known'],
    });
    expect(bands.map((band) => band.band)).toEqual(['18+', '13-17', 'Under 13', 'Not known']);
    expect(bands[0]).toEqual({ band: '18+', value: 8 });
  });

  it('refuses options without a band, malformed keys and bad counts', () => {
    expect(() => collapseToBands([{ key: 'AGE_99', value: 1 }], AGE_BAND_OF)).toThrow(
      'The option "AGE_99" has no published band'
    );
    expect(() => collapseToBands([{ key: 'AGE_0_4', value: 1 }], AGE_BAND_OF, { dimension: 1 })).toThrow(
      'The breakdown key "AGE_0_4" has no part 2 to band'
    );
    expect(() => collapseToBands([{ key: 'AGE_0_4|A|B', value: 1 }], AGE_BAND_OF)).toThrow('has more than two parts');
    expect(() => collapseToBands([{ key: 'AGE_0_4', value: 1 }], AGE_BAND_OF, { bands: ['18+'] })).toThrow(
      'The band "Under 13" is not one of the bands asked for'
    );
    expect(() => collapseToBands([{ key: 'AGE_0_4', value: 1.5 }], AGE_BAND_OF)).toThrow(DisclosureInputError);
    expect(() => collapseToBands([{ key: 'AGE_0_4', value: -1 }], AGE_BAND_OF)).toThrow(DisclosureInputError);
  });

  it('keeps every person: the bands add up to the cells (property)', () => {
    const keys = Object.keys(AGE_BAND_OF);
    const cell = fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.integer({ min: 0, max: 1000 })) });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (cells) => {
        const bands = collapseToBands(cells, AGE_BAND_OF);
        expect(bands.map((band) => band.band)).toEqual([...PUBLISHED_AGE_BANDS]);
        const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(sum(bands.map((band) => band.value))).toBe(sum(cells.map((c) => c.value)));
      })
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Saying what was applied
// ---------------------------------------------------------------------------------------------------------------

describe('describeControl', () => {
  const RULE =
    'Figures about people are controlled to protect the children and young people behind them (rule CSA-SDC-1).';

  it('says what was applied to a table of counts and its total', () => {
    expect(describeControl([controlTotal([3, 4, 5])])).toEqual([
      RULE,
      'Counts of 1 to 7 people are shown as "fewer than 8" ([c] in exports).',
      'Counts of 8 or more people are rounded to the nearest 5; totals are rounded on their own.',
      'Figures are rounded and may not sum.',
    ]);
  });

  it('says only what applies', () => {
    expect(describeControl([])).toEqual([]);
    expect(describeControl([controlCount(0)])).toEqual([RULE]);
    expect(describeControl([controlCount(3)])).toEqual([
      RULE,
      'Counts of 1 to 7 people are shown as "fewer than 8" ([c] in exports).',
    ]);
    expect(describeControl([exactCount(2.5), exactCount(12)])).toEqual([
      'Money, staff counts and numbers of services are not controlled.',
    ]);
    expect(describeControl([controlPercentage(12, 20)])).toEqual([
      RULE,
      'Percentages are worked out from the rounded figures, to the nearest whole percent.',
    ]);
    expect(describeControl([controlPercentage(3, 20)])).toEqual([
      RULE,
      'A percentage is hidden when it is based on fewer than 10 people, or when the people it counts, or the people it leaves out, number 1 to 7.',
    ]);
    const averages =
      'Averages, medians, waiting times and costs per person are shown only when 8 or more people are behind them.';
    expect(describeControl([controlStatistic(21, 4)])).toEqual([RULE, averages]);
    expect(describeControl([controlCostPerPerson('1000', 20)])).toEqual([RULE, averages]);
  });

  it('covers a mixed table, controlled and not', () => {
    const lines = describeControl([
      controlCount(40),
      controlIf(false, 3),
      controlPercentage(40, 45),
      controlStatistic(12, 40),
    ]);
    expect(lines[0]).toBe(RULE);
    expect(lines).toContain(ROUNDING_FOOTNOTE);
    expect(lines).toContain('Money, staff counts and numbers of services are not controlled.');
    expect(lines.some((line) => line.startsWith('A percentage is hidden'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Averages'))).toBe(true);
  });

  it('has the whole rule in words for an export notes sheet', () => {
    const text = DISCLOSURE_RULE_TEXT.join(' ');
    for (const phrase of [
      'CSA-SDC-1',
      '"fewer than 8"',
      '[c]',
      'nearest 5',
      ROUNDING_FOOTNOTE,
      'fewer than 10 people',
      '13-17',
      'not controlled',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
