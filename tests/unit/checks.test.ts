import { describe, expect, it } from 'vitest';
import {
  blockingFailures,
  breakdownOnlyTotals,
  checkRuleFrom,
  measuresNamedBy,
  runChecks,
  valuesFrom,
  type CheckContext,
  type CheckDefinition,
  type CheckRule,
  type MeasureInfo,
  type ReturnValues,
  type TargetValue,
  type ValueRow,
} from '../../graphql/domain/checks';
import { CHECKS, MEASURES, measuresNamedBy as seedMeasuresNamedBy } from '../../seeds/measures';

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

type Unit = MeasureInfo['unit'];
type Direction = MeasureInfo['direction'];
const info = (code: string, unit: Unit = 'COUNT', direction: Direction = 'NEUTRAL', totalMeasure?: string): MeasureInfo => ({
  code,
  unit,
  direction,
  ...(totalMeasure ? { totalMeasure } : {}),
});

/** A small measure library for the rule tests. */
const LIBRARY: MeasureInfo[] = [
  info('RECEIVED'), // breakdown by source, total at ''
  info('ACCEPTED', 'COUNT', 'HIGHER_IS_BETTER'),
  info('USERS', 'COUNT', 'HIGHER_IS_BETTER'),
  info('USERS_AGE_GENDER', 'COUNT', 'NEUTRAL', 'USERS'), // breakdown-only, two-dimensional
  info('USERS_ETHNICITY', 'COUNT', 'NEUTRAL', 'USERS'), // breakdown-only
  info('CLOSED'),
  info('WITH_OUTCOME', 'COUNT', 'HIGHER_IS_BETTER'),
  info('SPEND', 'MONEY'), // breakdown by funding source
  info('SPEND_YTD', 'MONEY'),
  info('GRANT_SPENT', 'MONEY', 'HIGHER_IS_BETTER'),
  info('WAIT_DAYS', 'DAYS', 'LOWER_IS_BETTER'),
  info('WAITING_LIST', 'COUNT', 'LOWER_IS_BETTER'),
  info('CONFIDENCE', 'PERCENT', 'HIGHER_IS_BETTER'),
  info('FTE', 'DECIMAL', 'HIGHER_IS_BETTER'),
  info('STORY', 'TEXT'),
];

const library = (...without: string[]) => new Map(LIBRARY.filter((m) => !without.includes(m.code)).map((m) => [m.code, m]));

type Rows = Record<string, number | string | null | Record<string, number | string | null>>;

/** { RECEIVED: 10, SPEND: { '': '1.50', POLICE: 1 } } -> rows. */
function rows(values: Rows, comments: Record<string, string> = {}): ValueRow[] {
  const list: ValueRow[] = [];
  for (const [measureCode, value] of Object.entries(values)) {
    if (value !== null && typeof value === 'object') {
      for (const [breakdownKey, cell] of Object.entries(value)) list.push({ measureCode, breakdownKey, value: cell });
    } else {
      list.push({ measureCode, breakdownKey: '', value });
    }
  }
  for (const [key, comment] of Object.entries(comments)) {
    const [measureCode, breakdownKey = ''] = key.split('#') as [string, string?];
    const row = list.find((r) => r.measureCode === measureCode && r.breakdownKey === breakdownKey);
    if (row) row.comment = comment;
    else list.push({ measureCode, breakdownKey, value: null, comment });
  }
  return list;
}

interface Scenario {
  values: Rows;
  comments?: Record<string, string>;
  previous?: Rows | null;
  targets?: TargetValue[];
  quarter?: 1 | 2 | 3 | 4;
  measures?: Map<string, MeasureInfo>;
}

function context(scenario: Scenario): CheckContext {
  return {
    measures: scenario.measures ?? library(),
    values: valuesFrom(rows(scenario.values, scenario.comments)),
    previous: scenario.previous ? valuesFrom(rows(scenario.previous)) : (scenario.previous ?? undefined),
    targets: scenario.targets ?? [],
    quarter: scenario.quarter ?? 1,
  };
}

const check = (rule: CheckRule, severity: 'HARD' | 'SOFT' = 'HARD', code = 'CHECK'): CheckDefinition => ({
  code,
  severity,
  rule,
  message: `The message of ${code}.`,
});

/** Runs one rule, returns its result. */
function run(rule: CheckRule, scenario: Scenario, severity: 'HARD' | 'SOFT' = 'HARD') {
  const results = runChecks([check(rule, severity)], context(scenario));
  expect(results).toHaveLength(1);
  return results[0]!;
}
const statusOf = (rule: CheckRule, scenario: Scenario) => run(rule, scenario).status;

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

describe('valuesFrom', () => {
  const values = valuesFrom([
    { measureCode: 'RECEIVED', breakdownKey: '', value: '40', comment: 'More referrals from schools.' },
    { measureCode: 'RECEIVED', breakdownKey: 'POLICE', value: 12 },
    { measureCode: 'RECEIVED', breakdownKey: 'NOT_KNOWN', value: null },
    { measureCode: 'SPEND', breakdownKey: '', value: '85000.5000' },
    { measureCode: 'STORY', breakdownKey: '', value: 'A young person, referred by school.' },
    { measureCode: 'ODD', breakdownKey: 'A', value: '0x10' },
    { measureCode: 'ODD', breakdownKey: 'B', value: 'Infinity' },
    { measureCode: 'ODD', breakdownKey: 'C', value: Number.NaN },
    { measureCode: 'ODD', breakdownKey: 'D', value: '' },
    { measureCode: 'ODD', breakdownKey: 'E', value: '1,200' },
    { measureCode: 'REPEATED', breakdownKey: '', value: 1 },
    { measureCode: 'REPEATED', breakdownKey: '', value: 2 },
  ]);

  it('reads totals (key defaults to ""), cells and comments', () => {
    expect(values.get('RECEIVED')).toBe(40);
    expect(values.get('RECEIVED', '')).toBe(40);
    expect(values.get('RECEIVED', 'POLICE')).toBe(12);
    expect(values.get('RECEIVED', 'NOT_KNOWN')).toBeNull();
    expect(values.get('RECEIVED', 'EDUCATION')).toBeNull();
    expect(values.get('MISSING')).toBeNull();
    expect(values.get('SPEND')).toBe(85000.5);
    expect(values.cells('RECEIVED')).toEqual([
      { key: 'POLICE', value: 12 },
      { key: 'NOT_KNOWN', value: null },
    ]);
    expect(values.cells('MISSING')).toEqual([]);
    expect(values.comment('RECEIVED')).toBe('More referrals from schools.');
    expect(values.comment('RECEIVED', 'POLICE')).toBeNull();
    expect(values.comment('MISSING')).toBeNull();
    expect(values.get('REPEATED')).toBe(2); // the later row wins
  });

  it('reads text and anything that is not a plain number as null', () => {
    expect(values.get('STORY')).toBeNull();
    expect(values.cells('ODD').map((cell) => cell.value)).toEqual([null, null, null, null, null]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// lte
// ---------------------------------------------------------------------------------------------------------------

describe('lte', () => {
  const rule: CheckRule = { type: 'lte', left: 'ACCEPTED', right: 'RECEIVED' };

  it('passes when left <= right, equal included', () => {
    expect(statusOf(rule, { values: { ACCEPTED: 5, RECEIVED: 10 } })).toBe('passed');
    expect(statusOf(rule, { values: { ACCEPTED: 10, RECEIVED: 10 } })).toBe('passed');
    expect(statusOf(rule, { values: { ACCEPTED: 0, RECEIVED: 0 } })).toBe('passed');
  });

  it('fails when left > right, with the message as declared and the measures involved', () => {
    expect(run(rule, { values: { ACCEPTED: 11, RECEIVED: 10 } })).toEqual({
      code: 'CHECK',
      severity: 'HARD',
      status: 'failed',
      message: 'The message of CHECK.',
      measures: ['ACCEPTED', 'RECEIVED'],
    });
  });

  it('reads a total at "" even when the measure has cells', () => {
    expect(statusOf(rule, { values: { ACCEPTED: 11, RECEIVED: { '': 10, POLICE: 50 } } })).toBe('failed');
  });

  it('is skipped when an operand is blank or missing', () => {
    expect(run(rule, { values: { ACCEPTED: null, RECEIVED: 10 } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(rule, { values: { ACCEPTED: 11 } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(rule, { values: {} })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    // Zero is a value, not a blank.
    expect(statusOf(rule, { values: { ACCEPTED: 1, RECEIVED: 0 } })).toBe('failed');
  });

  it('applies only when every measure it names is in the return', () => {
    expect(run(rule, { values: { ACCEPTED: 11, RECEIVED: 10 }, measures: library('RECEIVED') })).toMatchObject({
      status: 'skipped',
      skipReason: 'not-in-return',
      measures: ['ACCEPTED', 'RECEIVED'],
    });
    expect(run(rule, { values: { ACCEPTED: 11, RECEIVED: 10 }, measures: library('ACCEPTED') }).status).toBe('skipped');
  });

  it('compares one cell with { measure, key } operands', () => {
    const cellRule: CheckRule = { type: 'lte', left: { measure: 'RECEIVED', key: 'POLICE' }, right: 'ACCEPTED' };
    expect(statusOf(cellRule, { values: { RECEIVED: { '': 40, POLICE: 12 }, ACCEPTED: 12 } })).toBe('passed');
    expect(statusOf(cellRule, { values: { RECEIVED: { '': 40, POLICE: 13 }, ACCEPTED: 12 } })).toBe('failed');
    expect(run(cellRule, { values: { RECEIVED: { '': 40 }, ACCEPTED: 12 } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(cellRule, { values: {} }).measures).toEqual(['RECEIVED', 'ACCEPTED']);
  });

  it('reads the total of a breakdown-only measure as the sum of its cells (blank cells 0; all blank: blank)', () => {
    const onlyRule: CheckRule = { type: 'lte', left: 'USERS_ETHNICITY', right: 'ACCEPTED' };
    const cells = { WHITE: 6, ASIAN: 2, MIXED: null, NOT_KNOWN: 2 };
    expect(statusOf(onlyRule, { values: { USERS_ETHNICITY: cells, ACCEPTED: 10 } })).toBe('passed');
    expect(statusOf(onlyRule, { values: { USERS_ETHNICITY: cells, ACCEPTED: 9 } })).toBe('failed');
    // A stray '' row of a breakdown-only measure is not its total.
    expect(statusOf(onlyRule, { values: { USERS_ETHNICITY: { '': 0, ...cells }, ACCEPTED: 9 } })).toBe('failed');
    expect(run(onlyRule, { values: { USERS_ETHNICITY: { WHITE: null, NOT_KNOWN: null }, ACCEPTED: 9 } })).toMatchObject({
      status: 'skipped',
      skipReason: 'blank',
    });
    expect(run(onlyRule, { values: { ACCEPTED: 9 } }).status).toBe('skipped');
  });

  it('compares money exactly, in pence', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    const money: CheckRule = { type: 'lte', left: 'SPEND', right: 'SPEND_YTD' };
    const measures = library();
    measures.set('SPEND', info('SPEND', 'MONEY', 'NEUTRAL', 'SPEND_YTD')); // breakdown-only for this test
    expect(statusOf(money, { values: { SPEND: { A: '0.10', B: 0.2 }, SPEND_YTD: '0.30' }, measures })).toBe('passed');
    expect(statusOf(money, { values: { SPEND: { A: '0.10', B: 0.21 }, SPEND_YTD: '0.30' }, measures })).toBe('failed');
    expect(
      statusOf({ type: 'lte', left: 'SPEND_YTD', right: 'GRANT_SPENT' }, { values: { SPEND_YTD: '999999999999.99', GRANT_SPENT: '999999999999.98' } }),
    ).toBe('failed');
    expect(
      statusOf({ type: 'lte', left: 'SPEND_YTD', right: 'GRANT_SPENT' }, { values: { SPEND_YTD: '999999999999.99', GRANT_SPENT: 999999999999.99 } }),
    ).toBe('passed');
  });

  it('compares decimals exactly', () => {
    expect(statusOf({ type: 'lte', left: 'FTE', right: 'CONFIDENCE' }, { values: { FTE: 2.05, CONFIDENCE: '2.05' } })).toBe('passed');
    expect(statusOf({ type: 'lte', left: 'FTE', right: 'CONFIDENCE' }, { values: { FTE: '2.06', CONFIDENCE: 2.05 } })).toBe('failed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// breakdownSumsToTotal
// ---------------------------------------------------------------------------------------------------------------

describe('breakdownSumsToTotal', () => {
  const own: CheckRule = { type: 'breakdownSumsToTotal', measure: 'RECEIVED' };
  const other: CheckRule = { type: 'breakdownSumsToTotal', measure: 'USERS_AGE_GENDER', total: 'USERS' };

  it('passes when every cell, NOT_KNOWN included, adds up to the measure’s own total', () => {
    expect(statusOf(own, { values: { RECEIVED: { '': 40, POLICE: 12, EDUCATION: 20, NOT_KNOWN: 8 } } })).toBe('passed');
    // Without NOT_KNOWN the cells would not add up: it counts.
    expect(statusOf(own, { values: { RECEIVED: { '': 32, POLICE: 12, EDUCATION: 20, NOT_KNOWN: 8 } } })).toBe('failed');
  });

  it('fails when the cells do not add up, one too many or one too few', () => {
    expect(run(own, { values: { RECEIVED: { '': 40, POLICE: 12, EDUCATION: 20, NOT_KNOWN: 9 } } })).toMatchObject({
      status: 'failed',
      measures: ['RECEIVED'],
    });
    expect(statusOf(own, { values: { RECEIVED: { '': 40, POLICE: 12, EDUCATION: 20, NOT_KNOWN: 7 } } })).toBe('failed');
  });

  it('counts blank cells as 0, and no cells at all as 0', () => {
    expect(statusOf(own, { values: { RECEIVED: { '': 32, POLICE: 12, EDUCATION: 20, NOT_KNOWN: null } } })).toBe('passed');
    expect(statusOf(own, { values: { RECEIVED: { '': 5 } } })).toBe('failed');
    expect(statusOf(own, { values: { RECEIVED: { '': 0 } } })).toBe('passed');
    expect(statusOf(own, { values: { RECEIVED: { '': 5, POLICE: null, NOT_KNOWN: null } } })).toBe('failed');
  });

  it('is skipped when the total is blank', () => {
    expect(run(own, { values: { RECEIVED: { '': null, POLICE: 12 } } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(own, { values: { RECEIVED: { POLICE: 12 } } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
  });

  it('sums every two-dimensional "A|B" cell of a breakdown-only measure against the other measure’s total', () => {
    const cells = {
      'AGE_13_15|GIRL_WOMAN': 10,
      'AGE_13_15|BOY_MAN': 5,
      'AGE_16_17|GIRL_WOMAN': 8,
      'AGE_10_12|NOT_KNOWN': 3,
      'NOT_KNOWN|GIRL_WOMAN': 2,
      'NOT_KNOWN|NOT_KNOWN': 2,
    };
    expect(run(other, { values: { USERS: 30, USERS_AGE_GENDER: cells } })).toMatchObject({
      status: 'passed',
      measures: ['USERS_AGE_GENDER', 'USERS'],
    });
    expect(statusOf(other, { values: { USERS: 31, USERS_AGE_GENDER: cells } })).toBe('failed');
    expect(statusOf(other, { values: { USERS: 30, USERS_AGE_GENDER: { ...cells, 'NOT_KNOWN|NOT_KNOWN': 3 } } })).toBe('failed');
    expect(run(other, { values: { USERS_AGE_GENDER: cells } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(other, { values: { USERS: 30, USERS_AGE_GENDER: cells }, measures: library('USERS') })).toMatchObject({
      status: 'skipped',
      skipReason: 'not-in-return',
    });
  });

  it('adds money exactly', () => {
    const spend: CheckRule = { type: 'breakdownSumsToTotal', measure: 'SPEND' };
    // 12000.10 + 9250.20 + 0.20 is 21250.500000000004 in floating point.
    expect(statusOf(spend, { values: { SPEND: { '': '21250.50', PCC: 12000.1, MOJ: '9250.20', HOME_OFFICE: 0.2 } } })).toBe('passed');
    expect(statusOf(spend, { values: { SPEND: { '': '21250.51', PCC: 12000.1, MOJ: '9250.20', HOME_OFFICE: 0.2 } } })).toBe('failed');
    expect(statusOf(spend, { values: { SPEND: { '': 0.3, A: 0.1, B: 0.2 } } })).toBe('passed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// range
// ---------------------------------------------------------------------------------------------------------------

describe('range', () => {
  const rule: CheckRule = { type: 'range', measure: 'CONFIDENCE', min: 0, max: 100 };

  it('passes inside [min, max], both ends included', () => {
    for (const value of [0, 50, 87.5, 100, '100.0']) expect(statusOf(rule, { values: { CONFIDENCE: value } })).toBe('passed');
  });

  it('fails outside', () => {
    for (const value of [100.1, 101, -0.1, '-1']) expect(statusOf(rule, { values: { CONFIDENCE: value } })).toBe('failed');
  });

  it('checks the cells as well as the total, ignoring blank ones', () => {
    expect(statusOf(rule, { values: { CONFIDENCE: { '': 50, A: 100, B: null } } })).toBe('passed');
    expect(statusOf(rule, { values: { CONFIDENCE: { '': 50, A: 120 } } })).toBe('failed');
    expect(statusOf(rule, { values: { CONFIDENCE: { '': null, A: 120 } } })).toBe('failed');
  });

  it('is skipped when every value is blank, or the measure is not in the return', () => {
    expect(run(rule, { values: { CONFIDENCE: null } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(rule, { values: {} })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(rule, { values: { CONFIDENCE: 120 }, measures: library('CONFIDENCE') })).toMatchObject({
      status: 'skipped',
      skipReason: 'not-in-return',
    });
  });

  it('takes min or max alone', () => {
    expect(statusOf({ type: 'range', measure: 'CONFIDENCE', min: 10 }, { values: { CONFIDENCE: 1000 } })).toBe('passed');
    expect(statusOf({ type: 'range', measure: 'CONFIDENCE', min: 10 }, { values: { CONFIDENCE: 9.9 } })).toBe('failed');
    expect(statusOf({ type: 'range', measure: 'CONFIDENCE', max: 10 }, { values: { CONFIDENCE: -5 } })).toBe('passed');
    expect(statusOf({ type: 'range', measure: 'CONFIDENCE', max: 10 }, { values: { CONFIDENCE: 10.01 } })).toBe('failed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// changeVsLastQuarter
// ---------------------------------------------------------------------------------------------------------------

describe('changeVsLastQuarter', () => {
  const rule: CheckRule = { type: 'changeVsLastQuarter', measure: 'RECEIVED', percent: 50, absolute: 10 };
  const change = (last: number | string | null, now: number | string | null) =>
    run(rule, { values: { RECEIVED: now }, previous: { RECEIVED: last } }, 'SOFT');

  it('fails only when the change is more than 10 AND more than 50% of last quarter', () => {
    expect(change(20, 30).status).toBe('passed'); // +10: exactly the absolute threshold
    expect(change(20, 31).status).toBe('failed'); // +11 > 10 and 11 > 50% of 20
    expect(change(22, 33).status).toBe('passed'); // +11 > 10, but exactly 50% of 22
    expect(change(22, 34).status).toBe('failed'); // +12 > 11
    expect(change(100, 140).status).toBe('passed'); // +40 > 10 but only 40%
    expect(change(100, 151).status).toBe('failed');
    expect(change(100, 150).status).toBe('passed'); // exactly 50%
    expect(change(8, 15).status).toBe('passed'); // +87.5% but only 7
    expect(change(5, 15).status).toBe('passed'); // +200% but exactly 10
    expect(change(5, 16).status).toBe('failed');
  });

  it('fails on falls as well as rises', () => {
    expect(change(20, 9).status).toBe('failed'); // -11
    expect(change(20, 10).status).toBe('passed'); // -10
    expect(change(100, 49).status).toBe('failed');
    expect(change(100, 50).status).toBe('passed');
  });

  it('treats last quarter 0 as "any change over 10"', () => {
    expect(change(0, 10).status).toBe('passed');
    expect(change(0, 11).status).toBe('failed');
    expect(change(0, 0).status).toBe('passed');
    expect(change(11, 0).status).toBe('failed');
  });

  it('is skipped when there is no previous return, or either value is blank', () => {
    expect(run(rule, { values: { RECEIVED: 100 } })).toMatchObject({ status: 'skipped', skipReason: 'no-previous-return' });
    expect(run(rule, { values: { RECEIVED: 100 }, previous: null })).toMatchObject({ status: 'skipped', skipReason: 'no-previous-return' });
    expect(change(null, 100)).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(change(100, null)).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    // Last quarter's return did not have the measure (a module added since).
    expect(run(rule, { values: { RECEIVED: 100 }, previous: { ACCEPTED: 1 } })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(run(rule, { values: { RECEIVED: 100 }, previous: { RECEIVED: 1 }, measures: library('RECEIVED') })).toMatchObject({
      status: 'skipped',
      skipReason: 'not-in-return',
    });
  });

  it('compares the totals of breakdown-only measures (the sums of their cells)', () => {
    const only: CheckRule = { type: 'changeVsLastQuarter', measure: 'USERS_ETHNICITY', percent: 50, absolute: 10 };
    expect(statusOf(only, { values: { USERS_ETHNICITY: { WHITE: 20, NOT_KNOWN: 11 } }, previous: { USERS_ETHNICITY: { WHITE: 20 } } })).toBe(
      'failed',
    );
    expect(statusOf(only, { values: { USERS_ETHNICITY: { WHITE: 20, NOT_KNOWN: 10 } }, previous: { USERS_ETHNICITY: { WHITE: 20 } } })).toBe(
      'passed',
    );
  });

  it('works with money, exactly', () => {
    const money: CheckRule = { type: 'changeVsLastQuarter', measure: 'SPEND_YTD', percent: 50, absolute: 10 };
    expect(statusOf(money, { values: { SPEND_YTD: '30.00' }, previous: { SPEND_YTD: '20.00' } })).toBe('passed');
    expect(statusOf(money, { values: { SPEND_YTD: '30.01' }, previous: { SPEND_YTD: '20.00' } })).toBe('failed');
    expect(statusOf(money, { values: { SPEND_YTD: 0.3 }, previous: { SPEND_YTD: 0 } })).toBe('passed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// minRatio
// ---------------------------------------------------------------------------------------------------------------

describe('minRatio', () => {
  const rule: CheckRule = { type: 'minRatio', numerator: 'WITH_OUTCOME', denominator: 'CLOSED', min: 0.8 };
  const ratio = (numerator: number | null, denominator: number | null) =>
    run(rule, { values: { WITH_OUTCOME: numerator, CLOSED: denominator } }, 'SOFT');

  it('passes at or above the minimum, fails below it', () => {
    expect(ratio(8, 10).status).toBe('passed'); // exactly 0.8
    expect(ratio(12, 15).status).toBe('passed'); // exactly 0.8
    expect(ratio(20, 25).status).toBe('passed');
    expect(ratio(10, 10).status).toBe('passed');
    expect(ratio(7, 10).status).toBe('failed');
    expect(ratio(79, 99).status).toBe('failed'); // 0.7979...
    expect(ratio(0, 1).status).toBe('failed');
    expect(ratio(11, 10).status).toBe('passed'); // more than the denominator: another check's business
  });

  it('is skipped when the denominator is 0, or an operand is blank', () => {
    expect(ratio(0, 0)).toMatchObject({ status: 'skipped', skipReason: 'denominator-zero' });
    expect(ratio(5, 0)).toMatchObject({ status: 'skipped', skipReason: 'denominator-zero' });
    expect(ratio(null, 10)).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    expect(ratio(8, null)).toMatchObject({ status: 'skipped', skipReason: 'blank' });
  });

  it('reports both measures, and is explained by the numerator', () => {
    expect(ratio(7, 10)).toMatchObject({ measures: ['WITH_OUTCOME', 'CLOSED'], explainedBy: 'WITH_OUTCOME', explained: false });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// targetMet
// ---------------------------------------------------------------------------------------------------------------

describe('targetMet', () => {
  const all: CheckRule = { type: 'targetMet' };
  const t = (measureCode: string, quarter: number, value: number | string): TargetValue => ({ measureCode, quarter, value });

  it('uses the quarter’s target when there is one, else the annual target', () => {
    const targets = [t('USERS', 0, 100), t('USERS', 2, 40)];
    // Quarter 2 has its own target of 40 (not 100 / 4 = 25).
    expect(run(all, { values: { USERS: 39 }, targets, quarter: 2 })).toMatchObject({ status: 'failed', measures: ['USERS'] });
    expect(run(all, { values: { USERS: 40 }, targets, quarter: 2 })).toMatchObject({ status: 'passed', measures: ['USERS'] });
    // Quarter 1 has none: the annual target / 4.
    expect(run(all, { values: { USERS: 25 }, targets, quarter: 1 }).status).toBe('passed');
    expect(run(all, { values: { USERS: 24 }, targets, quarter: 1 }).status).toBe('failed');
    // A quarter's target alone, for another quarter: no target this quarter.
    expect(run(all, { values: { USERS: 0 }, targets: [t('USERS', 3, 10)], quarter: 1 })).toMatchObject({
      status: 'skipped',
      skipReason: 'no-target',
    });
  });

  it('divides an annual target by 4 for COUNT and MONEY, exactly', () => {
    // 101 / 4 = 25.25: 25 misses it, 26 meets it.
    expect(run(all, { values: { USERS: 25 }, targets: [t('USERS', 0, 101)] }).status).toBe('failed');
    expect(run(all, { values: { USERS: 26 }, targets: [t('USERS', 0, 101)] }).status).toBe('passed');
    // £1,000.02 / 4 = £250.005.
    expect(run(all, { values: { GRANT_SPENT: '250.00' }, targets: [t('GRANT_SPENT', 0, '1000.02')] }).status).toBe('failed');
    expect(run(all, { values: { GRANT_SPENT: '250.01' }, targets: [t('GRANT_SPENT', 0, '1000.02')] }).status).toBe('passed');
    // A quarter's money target is not divided.
    expect(run(all, { values: { GRANT_SPENT: '250.01' }, targets: [t('GRANT_SPENT', 1, 1000)] }).status).toBe('failed');
  });

  it('does not divide annual targets for DAYS, PERCENT and DECIMAL', () => {
    expect(run(all, { values: { CONFIDENCE: 80 }, targets: [t('CONFIDENCE', 0, 80)] }).status).toBe('passed');
    expect(run(all, { values: { CONFIDENCE: 79.9 }, targets: [t('CONFIDENCE', 0, 80)] }).status).toBe('failed');
    expect(run(all, { values: { FTE: 2.5 }, targets: [t('FTE', 0, 2.5)] }).status).toBe('passed');
    expect(run(all, { values: { FTE: 2.49 }, targets: [t('FTE', 0, 2.5)] }).status).toBe('failed');
    expect(run(all, { values: { WAIT_DAYS: 20 }, targets: [t('WAIT_DAYS', 0, 20)] }).status).toBe('passed');
  });

  it('is direction-aware: LOWER_IS_BETTER fails above the target, NEUTRAL never fails', () => {
    expect(run(all, { values: { WAIT_DAYS: 21 }, targets: [t('WAIT_DAYS', 0, 20)] }).status).toBe('failed');
    expect(run(all, { values: { WAIT_DAYS: 5 }, targets: [t('WAIT_DAYS', 0, 20)] }).status).toBe('passed');
    // LOWER_IS_BETTER COUNT with an annual target: 40 / 4 = 10 a quarter.
    expect(run(all, { values: { WAITING_LIST: 10 }, targets: [t('WAITING_LIST', 0, 40)] }).status).toBe('passed');
    expect(run(all, { values: { WAITING_LIST: 11 }, targets: [t('WAITING_LIST', 0, 40)] }).status).toBe('failed');
    expect(run(all, { values: { RECEIVED: 0 }, targets: [t('RECEIVED', 0, 1000)] }).status).toBe('passed');
    expect(run(all, { values: { RECEIVED: 5000 }, targets: [t('RECEIVED', 1, 1)] }).status).toBe('passed');
  });

  it('lists every measure that missed, and passes measures that met theirs', () => {
    const targets = [t('USERS', 1, 30), t('WAIT_DAYS', 1, 20), t('CONFIDENCE', 1, 80), t('ACCEPTED', 1, 10)];
    const result = run(all, { values: { USERS: 29, WAIT_DAYS: 25, CONFIDENCE: 90, ACCEPTED: 10 }, targets }, 'SOFT');
    expect(result).toMatchObject({ status: 'failed', measures: ['USERS', 'WAIT_DAYS'], explainedBy: 'USERS', explained: false });
  });

  it('is skipped when nothing has a target, or every measure with one is blank', () => {
    expect(run(all, { values: { USERS: 1 } })).toMatchObject({ status: 'skipped', skipReason: 'no-target', measures: [] });
    expect(run(all, { values: { USERS: null }, targets: [t('USERS', 1, 10)] })).toMatchObject({ status: 'skipped', skipReason: 'blank' });
    // A blank measure does not stop the others being compared.
    expect(run(all, { values: { USERS: null, ACCEPTED: 1 }, targets: [t('USERS', 1, 10), t('ACCEPTED', 1, 10)] }).status).toBe('failed');
    // A target for a measure that is not in this return is ignored.
    expect(run(all, { values: { USERS: 0 }, targets: [t('USERS', 1, 10)], measures: library('USERS') })).toMatchObject({
      status: 'skipped',
      skipReason: 'no-target',
    });
  });

  it('covers only the measures it names, when it names some', () => {
    const named: CheckRule = { type: 'targetMet', measures: ['USERS'] };
    const targets = [t('USERS', 1, 10), t('ACCEPTED', 1, 10)];
    expect(run(named, { values: { USERS: 10, ACCEPTED: 0 }, targets })).toMatchObject({ status: 'passed', measures: ['USERS'] });
    expect(run(named, { values: { USERS: 9, ACCEPTED: 0 }, targets })).toMatchObject({ status: 'failed', measures: ['USERS'] });
    expect(run(named, { values: { USERS: 9 }, targets, measures: library('USERS') })).toMatchObject({
      status: 'skipped',
      skipReason: 'not-in-return',
      measures: ['USERS'],
    });
  });

  it('compares the total of a breakdown-only measure', () => {
    const measures = library();
    measures.set('USERS_ETHNICITY', info('USERS_ETHNICITY', 'COUNT', 'HIGHER_IS_BETTER', 'USERS'));
    const targets = [t('USERS_ETHNICITY', 1, 10)];
    expect(run(all, { values: { USERS_ETHNICITY: { WHITE: 6, NOT_KNOWN: 4 } }, targets, measures }).status).toBe('passed');
    expect(run(all, { values: { USERS_ETHNICITY: { WHITE: 6, NOT_KNOWN: 3 } }, targets, measures }).status).toBe('failed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Soft checks and explanations
// ---------------------------------------------------------------------------------------------------------------

describe('soft checks', () => {
  const changeRule: CheckRule = { type: 'changeVsLastQuarter', measure: 'RECEIVED', percent: 50, absolute: 10 };
  const failing = (comments: Record<string, string>) =>
    run(changeRule, { values: { RECEIVED: { '': 40, POLICE: 40 } }, previous: { RECEIVED: 10 }, comments }, 'SOFT');

  it('is explained by a non-empty comment on the "" row of the measure it is about', () => {
    expect(failing({ RECEIVED: 'A new school liaison post.' })).toMatchObject({
      status: 'failed',
      explainedBy: 'RECEIVED',
      explained: true,
    });
  });

  it('is not explained by an empty comment, one on a cell, or one on another measure', () => {
    expect(failing({})).toMatchObject({ status: 'failed', explainedBy: 'RECEIVED', explained: false });
    expect(failing({ RECEIVED: '   \n' }).explained).toBe(false);
    expect(failing({ 'RECEIVED#POLICE': 'Police referrals up.' }).explained).toBe(false);
    expect(failing({ ACCEPTED: 'Explained here by mistake.' }).explained).toBe(false);
  });

  it('explains an lte whose right operand is a cell by the left measure’s "" comment', () => {
    const lte: CheckRule = { type: 'lte', left: 'ACCEPTED', right: { measure: 'RECEIVED', key: 'POLICE' } };
    const result = run(lte, { values: { ACCEPTED: 5, RECEIVED: { POLICE: 4 } }, comments: { ACCEPTED: 'Accepted from last quarter.' } }, 'SOFT');
    expect(result).toMatchObject({ status: 'failed', explainedBy: 'ACCEPTED', explained: true });
  });

  it('names the left measure of lte and the numerator of minRatio', () => {
    const lte = run({ type: 'lte', left: 'ACCEPTED', right: 'RECEIVED' }, { values: { ACCEPTED: 5, RECEIVED: 4 }, comments: { RECEIVED: 'x' } }, 'SOFT');
    expect(lte).toMatchObject({ explainedBy: 'ACCEPTED', explained: false });
    const ratio = run(
      { type: 'minRatio', numerator: 'WITH_OUTCOME', denominator: 'CLOSED', min: 0.8 },
      { values: { WITH_OUTCOME: 1, CLOSED: 10 }, comments: { WITH_OUTCOME: 'Assessment tool changed.' } },
      'SOFT',
    );
    expect(ratio).toMatchObject({ status: 'failed', explainedBy: 'WITH_OUTCOME', explained: true });
  });

  it('targetMet needs a comment on every measure that missed', () => {
    const targets: TargetValue[] = [
      { measureCode: 'USERS', quarter: 1, value: 30 },
      { measureCode: 'WAIT_DAYS', quarter: 1, value: 20 },
    ];
    const scenario = (comments: Record<string, string>) =>
      run({ type: 'targetMet' }, { values: { USERS: 20, WAIT_DAYS: 25 }, targets, comments }, 'SOFT');
    expect(scenario({ USERS: 'Staff vacancy.' })).toMatchObject({ explained: false, explainedBy: 'WAIT_DAYS' });
    expect(scenario({ WAIT_DAYS: 'Therapist on leave.' })).toMatchObject({ explained: false, explainedBy: 'USERS' });
    expect(scenario({ USERS: 'Staff vacancy.', WAIT_DAYS: 'Therapist on leave.' })).toMatchObject({ explained: true, explainedBy: 'USERS' });
  });

  it('passed and skipped SOFT results carry no "explained"; HARD results carry neither field', () => {
    const passed = run(changeRule, { values: { RECEIVED: 10 }, previous: { RECEIVED: 10 } }, 'SOFT');
    expect(passed.status).toBe('passed');
    expect(passed.explained).toBeUndefined();
    expect(passed.explainedBy).toBe('RECEIVED');
    const hard = run(changeRule, { values: { RECEIVED: 40 }, previous: { RECEIVED: 10 } }, 'HARD');
    expect(hard.status).toBe('failed');
    expect(hard).not.toHaveProperty('explained');
    expect(hard).not.toHaveProperty('explainedBy');
  });
});

describe('blockingFailures', () => {
  it('is the HARD failures plus the unexplained SOFT failures', () => {
    const checks: CheckDefinition[] = [
      check({ type: 'lte', left: 'ACCEPTED', right: 'RECEIVED' }, 'HARD', 'HARD_FAILED'),
      check({ type: 'lte', left: 'USERS', right: 'RECEIVED' }, 'HARD', 'HARD_PASSED'),
      check({ type: 'lte', left: 'CLOSED', right: 'RECEIVED' }, 'HARD', 'HARD_SKIPPED'),
      check({ type: 'changeVsLastQuarter', measure: 'RECEIVED', percent: 50, absolute: 10 }, 'SOFT', 'SOFT_UNEXPLAINED'),
      check({ type: 'changeVsLastQuarter', measure: 'ACCEPTED', percent: 50, absolute: 10 }, 'SOFT', 'SOFT_EXPLAINED'),
      check({ type: 'changeVsLastQuarter', measure: 'USERS', percent: 50, absolute: 10 }, 'SOFT', 'SOFT_PASSED'),
    ];
    const results = runChecks(
      checks,
      context({
        values: { RECEIVED: 40, ACCEPTED: 45, USERS: 30 },
        comments: { ACCEPTED: 'A waiting list was cleared.' },
        previous: { RECEIVED: 10, ACCEPTED: 10, USERS: 28 },
      }),
    );
    expect(results.map((r) => [r.code, r.status])).toEqual([
      ['HARD_FAILED', 'failed'],
      ['HARD_PASSED', 'passed'],
      ['HARD_SKIPPED', 'skipped'],
      ['SOFT_UNEXPLAINED', 'failed'],
      ['SOFT_EXPLAINED', 'failed'],
      ['SOFT_PASSED', 'passed'],
    ]);
    expect(blockingFailures(results).map((r) => r.code)).toEqual(['HARD_FAILED', 'SOFT_UNEXPLAINED']);
    // A HARD failure is not lifted by a comment.
    const commented = runChecks(checks.slice(0, 1), context({ values: { RECEIVED: 40, ACCEPTED: 45 }, comments: { ACCEPTED: 'Why.' } }));
    expect(blockingFailures(commented).map((r) => r.code)).toEqual(['HARD_FAILED']);
    expect(blockingFailures([])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Rule JSON
// ---------------------------------------------------------------------------------------------------------------

describe('rules as data', () => {
  it('names the same measures as seeds/measures.ts for every seeded check', () => {
    for (const { rule } of CHECKS) expect(measuresNamedBy(rule)).toEqual(seedMeasuresNamedBy(rule));
  });

  it('reads every seeded rule back from JSON, and refuses malformed ones', () => {
    for (const { rule } of CHECKS) expect(checkRuleFrom(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
    for (const bad of [
      null,
      'lte',
      {},
      { type: 'gte', left: 'A', right: 'B' },
      { type: 'lte', left: 'A' },
      { type: 'lte', left: { measure: 'A' }, right: 'B' },
      { type: 'breakdownSumsToTotal' },
      { type: 'range', measure: 'A', min: '0' },
      { type: 'changeVsLastQuarter', measure: 'A', percent: 50 },
      { type: 'minRatio', numerator: 'A', denominator: 'B' },
      { type: 'targetMet', measures: 'A' },
    ]) {
      expect(() => checkRuleFrom(bad), JSON.stringify(bad)).toThrow(TypeError);
    }
  });

  it('finds the breakdown-only measures and their totals among the seeded checks', () => {
    const expected = new Map(MEASURES.filter((m) => m.totalMeasure).map((m) => [m.code, m.totalMeasure!]));
    expect(breakdownOnlyTotals(CHECKS)).toEqual(expected);
    expect([...breakdownOnlyTotals(CHECKS).keys()]).toEqual([
      'NEW_USERS_AGE_GENDER',
      'NEW_USERS_ETHNICITY',
      'NEW_USERS_DISABILITY',
      'NEW_USERS_CONTEXT',
      'NEW_USERS_HARM_TYPE',
    ]);
  });

  it('refuses to run a rule it does not know instead of passing it', () => {
    const unknown = { code: 'X', severity: 'HARD', rule: { type: 'gte' }, message: 'x' } as unknown as CheckDefinition;
    expect(() => runChecks([unknown], context({ values: {} }))).toThrow(/Unknown check rule type/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The seeded checks against whole returns
// ---------------------------------------------------------------------------------------------------------------

describe('every check of the default template (seeds/measures.ts CHECKS)', () => {
  const measureMap = (filter: (m: (typeof MEASURES)[number]) => boolean = () => true) =>
    new Map(
      MEASURES.filter(filter).map((m): [string, MeasureInfo] => [
        m.code,
        { code: m.code, unit: m.unit, direction: m.direction ?? 'NEUTRAL', totalMeasure: m.totalMeasure ?? null },
      ]),
    );

  /** A consistent return with every module: every HARD check holds. Values as the database gives them (strings). */
  const consistent = (): Rows => {
    const outcomes: Rows = {};
    for (const prefix of ['OUT_COPE', 'OUT_FEEL_SAFER', 'OUT_HEALTH', 'OUT_INFORMED', 'OUT_CJS', 'OUT_COPE_RECOVER']) {
      outcomes[`${prefix}_ASSESSED`] = '20';
      outcomes[`${prefix}_IMPROVED`] = '16';
    }
    return {
      ABOUT_CONTACT_NAME: 'Service manager',
      ABOUT_CONTACT_EMAIL: 'manager@example.org',
      STAFF_FTE_FUNDED: { '': '4.5', PRACTITIONER: '2.5', ISVA: '1.5', MANAGER: '0.5', NOT_KNOWN: '0' },
      STAFF_FTE_IN_POST: { '': '4', PRACTITIONER: '2', ISVA: '1.5', MANAGER: '0.5' },
      STAFF_VACANCIES: '1',
      REF_RECEIVED: {
        '': '40',
        POLICE: '12',
        CHILDRENS_SOCIAL_CARE: '10',
        HEALTH: '6',
        EDUCATION: '5',
        VOLUNTARY_SECTOR: '2',
        SELF_FAMILY: '3',
        OTHER: '1',
        NOT_KNOWN: '1',
      },
      REF_ACCEPTED: '34',
      REF_NOT_TAKEN_UP: { '': '6', DECLINED: '3', NOT_ELIGIBLE: '2', UNABLE_TO_CONTACT: '1', OTHER: null },
      REF_CONTACTED_2WD: '30',
      REF_WAITING_LIST: '5',
      REF_MEDIAN_DAYS_TO_FIRST_SESSION: '14',
      REF_LONGEST_DAYS_TO_FIRST_SESSION: '42',
      NEW_USERS: '30',
      NEW_USERS_AGE_GENDER: {
        'AGE_13_15|GIRL_WOMAN': '10',
        'AGE_13_15|BOY_MAN': '5',
        'AGE_16_17|GIRL_WOMAN': '8',
        'AGE_10_12|BOY_MAN': '4',
        'AGE_18_24|NON_BINARY_OTHER': '1',
        'NOT_KNOWN|NOT_KNOWN': '2',
        'AGE_0_4|GIRL_WOMAN': '0',
      },
      NEW_USERS_ETHNICITY: { WHITE: '24', ASIAN: '2', MIXED: '2', NOT_KNOWN: '2' },
      NEW_USERS_DISABILITY: { DISABLED: '6', NOT_DISABLED: '20', NOT_KNOWN: '4' },
      NEW_USERS_LOOKED_AFTER: '4',
      NEW_USERS_CP_CIN: '9',
      NEW_USERS_MISSING: '5',
      NEW_USERS_SEND: '7',
      NEW_USERS_NOT_IN_EDUCATION: '3',
      CASELOAD_OPEN: '85',
      FAMILY_MEMBERS_SUPPORTED: '20',
      NEW_USERS_CONTEXT: { INTRA_FAMILIAL: '12', EXTRA_FAMILIAL: '8', CSE: '6', HSB: '2', NOT_KNOWN: '2' },
      NEW_USERS_ONLINE_ELEMENT: '14',
      NEW_USERS_HARM_TYPE: { CONTACT: '14', GROOMING: '8', SEXTING: '4', COUNTY_LINES: '2', NOT_KNOWN: '2' },
      NEW_USERS_REPORTED_TO_POLICE: '18',
      SESSIONS_DELIVERED: { '': '300', ONE_TO_ONE: '180', GROUP: '40', FAMILY: '30', ADVOCACY: '20', THERAPY: '30' },
      COURT_SUPPORT: '5',
      SPECIAL_MEASURES: '3',
      S28_HEARINGS: '1',
      ONWARD_REFERRALS: '9',
      CLOSED_TOTAL: { '': '25', COMPLETED: '18', DISENGAGED: '4', TRANSFERRED: '2', MOVED_AWAY: '1' },
      CLOSED_WITH_OUTCOME: '21',
      ...outcomes,
      NARR_ACHIEVEMENTS: 'Waiting times fell.',
      NARR_BARRIERS: 'Recruitment.',
      NARR_EMERGING_THEMES: 'Gaming platforms.',
      NARR_RISKS: 'Funding after March.',
      NARR_CASE_STUDY: 'A young person referred by their school ...',
      NARR_HELP_NEEDED: null,
      FIN_SPEND_QUARTER: { '': '21250.50', PCC_CORE_GRANT: '12000.10', MOJ_VICTIMS_GRANT: '9250.20', HOME_OFFICE: '0.20', NOT_KNOWN: '0.00' },
      FIN_SPEND_YTD: { '': '42500.75', PCC_CORE_GRANT: '24000.40', MOJ_VICTIMS_GRANT: '18500.35' },
      FIN_FORECAST_OUTTURN: '85000.00',
      TRN_YOUNG_ADULTS_SUPPORTED: '6',
      TRN_TURNED_18: '3',
      TRN_PLANS_AGREED: '2',
      TRN_ADULT_SERVICES_HANDOVERS: '1',
      THR_CYP_IN_THERAPY: '15',
      THR_SESSIONS: '60',
      THR_MEDIAN_WAIT_DAYS: '21',
      THR_PRACTITIONERS: '4',
      THR_PRACTITIONERS_TRAINED: '3',
      EDU_CYP_REACHED: '20',
      EDU_RSE_SESSIONS: '8',
      EDU_RSE_PARTICIPANTS: '15',
      OOS_SETTINGS_ENGAGED: { '': '7', SPORTS: '3', FAITH: '2', YOUTH_CLUB: '2' },
      OOS_STAFF_HEADCOUNT: '120',
      OOS_STAFF_TRAINED: '80',
      OOS_CONFIDENCE_IMPROVED_PCT: '87.5',
      BUS_ENGAGED: { '': '9', HOTEL: '4', TRANSPORT: '2', RETAIL: '3' },
      BUS_STAFF_TRAINED: '45',
      BUS_INTEL_SUBMISSIONS: '3',
      SOC_REPORTS_TO_PLATFORMS: '12',
      SOC_CONTENT_REMOVED: '7',
      SOC_MEDIAN_RESPONSE_DAYS: '4',
      TRF_CCE_CSE_OVERLAP: '5',
      TRF_NRM_REFERRALS: '2',
      TRF_COUNTY_LINES_CASES: '3',
      ONL_AWARENESS_SESSIONS: '10',
      ONL_PEOPLE_REACHED: { '': '400', CHILDREN: '250', PARENTS: '100', PROFESSIONALS: '50' },
      ONL_HARM_REFERRALS: '6',
    };
  };

  /** Last quarter: every changed figure moved by 10 or less, or by 50% or less. */
  const lastQuarter = (): Rows => ({
    ...consistent(),
    REF_RECEIVED: '35',
    REF_ACCEPTED: '35',
    NEW_USERS: '28',
    CASELOAD_OPEN: '80',
    CLOSED_TOTAL: '22',
    SESSIONS_DELIVERED: '280',
  });

  const targets: TargetValue[] = [
    { measureCode: 'REF_ACCEPTED', quarter: 0, value: 120 }, // 30 a quarter; 34 meets it
    { measureCode: 'REF_MEDIAN_DAYS_TO_FIRST_SESSION', quarter: 0, value: 21 }, // LOWER_IS_BETTER, not divided
    { measureCode: 'OUT_COPE_RECOVER_IMPROVED', quarter: 1, value: '15.00' },
    { measureCode: 'OOS_CONFIDENCE_IMPROVED_PCT', quarter: 0, value: 80 },
    { measureCode: 'FIN_SPEND_QUARTER', quarter: 0, value: '85000.00' }, // NEUTRAL: never fails
  ];

  const runAll = (values: Rows, measures = measureMap(), comments: Record<string, string> = {}) =>
    runChecks(CHECKS, {
      measures,
      values: valuesFrom(rows(values, comments)),
      previous: valuesFrom(rows(lastQuarter())),
      targets,
      quarter: 1,
    });

  const failedCodes = (results: ReturnType<typeof runChecks>) => results.filter((r) => r.status === 'failed').map((r) => r.code);

  it('the hand-built return is a whole one: a value for every measure of the library', () => {
    const values = consistent();
    for (const measure of MEASURES) expect(values, measure.code).toHaveProperty(measure.code);
  });

  it('passes every check of a consistent return (none skipped, none failed)', () => {
    const results = runAll(consistent());
    expect(results).toHaveLength(CHECKS.length);
    expect(results.map((r) => r.code)).toEqual(CHECKS.map((c) => c.code));
    expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.code}: ${r.status} ${r.skipReason ?? ''}`)).toEqual([]);
    expect(blockingFailures(results)).toEqual([]);
    expect(results.find((r) => r.code === 'TARGETS_MET')!.measures).toEqual([
      'REF_ACCEPTED',
      'REF_MEDIAN_DAYS_TO_FIRST_SESSION',
      'OUT_COPE_RECOVER_IMPROVED',
      'FIN_SPEND_QUARTER',
      'OOS_CONFIDENCE_IMPROVED_PCT',
    ]);
  });

  it('fails exactly the broken checks: accepted > received, and a breakdown that does not sum', () => {
    const broken = consistent();
    broken.REF_ACCEPTED = '45'; // > 40 received; +10 on last quarter's 35 is not a change to explain
    broken.NEW_USERS_ETHNICITY = { WHITE: '25', ASIAN: '2', MIXED: '2', NOT_KNOWN: '2' }; // 31, not 30
    const results = runAll(broken);
    expect(failedCodes(results)).toEqual(['REF_ACCEPTED_LTE_RECEIVED', 'SUM_NEW_USERS_ETHNICITY']);
    expect(results.filter((r) => r.status === 'skipped')).toEqual([]);
    const failures = blockingFailures(results);
    expect(failures.map((r) => [r.code, r.measures, r.message])).toEqual([
      ['REF_ACCEPTED_LTE_RECEIVED', ['REF_ACCEPTED', 'REF_RECEIVED'], 'Referrals accepted cannot be more than referrals received.'],
      [
        'SUM_NEW_USERS_ETHNICITY',
        ['NEW_USERS_ETHNICITY', 'NEW_USERS'],
        'New service users by ethnicity must add up to the number of new service users (use "Not known" where it was not recorded).',
      ],
    ]);
  });

  it('fails the sum of a breakdown with its own total, and of a two-dimensional one, and the soft checks', () => {
    const broken = consistent();
    broken.REF_RECEIVED = { ...(broken.REF_RECEIVED as Record<string, string>), NOT_KNOWN: null }; // 39, not 40
    broken.NEW_USERS_AGE_GENDER = { ...(broken.NEW_USERS_AGE_GENDER as Record<string, string>), 'NOT_KNOWN|NOT_KNOWN': '3' };
    broken.FIN_SPEND_YTD = { '': '42500.75', PCC_CORE_GRANT: '24000.40', MOJ_VICTIMS_GRANT: '18500.36' }; // a penny out
    broken.CLOSED_WITH_OUTCOME = '20'; // 20 / 25 = 0.8: still enough
    broken.CASELOAD_OPEN = '121'; // +41 on 80: more than 10 and 50%
    broken.REF_ACCEPTED = '29'; // annual target 120 = 30 a quarter: missed
    let results = runAll(broken);
    expect(failedCodes(results)).toEqual([
      'SUM_REF_RECEIVED',
      'SUM_NEW_USERS_AGE_GENDER',
      'SUM_FIN_SPEND_YTD',
      'CHANGE_CASELOAD_OPEN',
      'TARGETS_MET',
    ]);
    expect(results.find((r) => r.code === 'TARGETS_MET')).toMatchObject({ measures: ['REF_ACCEPTED'], explainedBy: 'REF_ACCEPTED', explained: false });
    expect(blockingFailures(results).map((r) => r.code)).toEqual(failedCodes(results));

    // Explaining the soft ones leaves the hard ones.
    results = runAll(broken, measureMap(), { CASELOAD_OPEN: 'Cases transferred from a closed service.', REF_ACCEPTED: 'Two staff vacancies.' });
    expect(blockingFailures(results).map((r) => r.code)).toEqual(['SUM_REF_RECEIVED', 'SUM_NEW_USERS_AGE_GENDER', 'SUM_FIN_SPEND_YTD']);

    broken.CLOSED_WITH_OUTCOME = '19'; // 19 / 25 = 0.76
    results = runAll(broken);
    expect(failedCodes(results)).toContain('OUTCOME_COVERAGE');
  });

  it('skips the checks of modules the service is not commissioned for', () => {
    const coreOnly = measureMap((m) => !m.priorityIssue);
    const results = runAll(consistent(), coreOnly);
    expect(failedCodes(results)).toEqual([]);
    expect(results.filter((r) => r.status === 'skipped').map((r) => [r.code, r.skipReason])).toEqual([
      ['SUM_OOS_SETTINGS_ENGAGED', 'not-in-return'],
      ['SUM_BUS_ENGAGED', 'not-in-return'],
      ['SUM_ONL_PEOPLE_REACHED', 'not-in-return'],
      ['TRN_PLANS_LTE_TURNED_18', 'not-in-return'],
      ['THR_TRAINED_LTE_HEADCOUNT', 'not-in-return'],
      ['OOS_TRAINED_LTE_HEADCOUNT', 'not-in-return'],
      ['SOC_REMOVED_LTE_REPORTS', 'not-in-return'],
      ['EDU_PARTICIPANTS_LTE_REACHED', 'not-in-return'],
      ['OOS_CONFIDENCE_PERCENT_RANGE', 'not-in-return'],
    ]);
    // The module's target is not counted either.
    expect(results.find((r) => r.code === 'TARGETS_MET')!.measures).not.toContain('OOS_CONFIDENCE_IMPROVED_PCT');
  });

  it('skips, rather than fails, what cannot be checked yet: an empty draft and no previous return', () => {
    const results = runChecks(CHECKS, { measures: measureMap(), values: valuesFrom([]), quarter: 1 });
    expect(failedCodes(results)).toEqual([]);
    // Breakdowns are skipped because their totals are blank; change checks because there is no previous return.
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['skipped']));
    expect(results.find((r) => r.code === 'CHANGE_REF_RECEIVED')!.skipReason).toBe('no-previous-return');
    expect(results.find((r) => r.code === 'TARGETS_MET')!.skipReason).toBe('no-target');
  });
});

// Keeps the ReturnValues interface implementable by hand (e.g. over a form's live state), not only by valuesFrom.
describe('a hand-written ReturnValues', () => {
  it('is enough for the engine', () => {
    const values: ReturnValues = {
      get: (code, key = '') => (code === 'ACCEPTED' && key === '' ? 11 : code === 'RECEIVED' && key === '' ? 10 : null),
      cells: () => [],
      comment: () => null,
    };
    const [result] = runChecks([check({ type: 'lte', left: 'ACCEPTED', right: 'RECEIVED' })], { measures: library(), values, quarter: 1 });
    expect(result!.status).toBe('failed');
  });
});
