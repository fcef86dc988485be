// The differences between two states of a return (two frozen versions, or a version and now).
import { describe, expect, it } from 'vitest';
import {
  decimalText,
  diffStates,
  displayValue,
  stateFromSnapshot,
  type ReturnState,
  type StateValue,
} from '../../graphql/domain/return-diff';

const value = (
  measureCode: string,
  breakdownKey: string,
  number: string | null,
  comment: string | null = null,
  text: string | null = null
): StateValue => ({
  measureCode,
  breakdownKey,
  number,
  text,
  comment,
});
const state = (values: StateValue[], noActivity: boolean | null = false): ReturnState => ({ noActivity, values });

describe('decimalText', () => {
  it('writes numbers exactly, without trailing zeros', () => {
    expect(decimalText(12)).toBe('12');
    expect(decimalText(12.5)).toBe('12.5');
    expect(decimalText('12.50')).toBe('12.5');
    expect(decimalText('0012.000')).toBe('12');
    expect(decimalText('0.1')).toBe('0.1');
    expect(decimalText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(decimalText(-0)).toBe('0');
    expect(decimalText('-0.0')).toBe('0');
    expect(decimalText('-3.10')).toBe('-3.1');
    expect(decimalText('.5')).toBe('0.5');
    expect(decimalText(85000.5)).toBe('85000.5');
  });

  it('is null for what is not a number', () => {
    for (const input of [null, undefined, '', 'abc', '1e5x', '.', Number.NaN, Number.POSITIVE_INFINITY, '12,5']) {
      expect(decimalText(input as never), String(input)).toBeNull();
    }
  });
});

describe('stateFromSnapshot', () => {
  it('reads the snapshot of seeds/demo.ts and freezeVersion', () => {
    const read = stateFromSnapshot({
      schema: 1,
      service: 'OPCC-CSAE-2024-001',
      period: '2026/27 Q1',
      status: 'SUBMITTED',
      noActivity: false,
      declarationName: 'Hannah Lightfoot',
      values: [
        { measureCode: 'REF_RECEIVED', breakdownKey: 'POLICE', value: 7, text: null, comment: null },
        { measureCode: 'FIN_SPEND_QUARTER', breakdownKey: '', value: 1250.5, text: null, comment: 'Late invoice' },
        { measureCode: 'NARR_ACHIEVEMENTS', breakdownKey: '', value: null, text: 'A good quarter.', comment: null },
      ],
    });
    expect(read).toEqual({
      noActivity: false,
      values: [
        value('REF_RECEIVED', 'POLICE', '7'),
        value('FIN_SPEND_QUARTER', '', '1250.5', 'Late invoice'),
        value('NARR_ACHIEVEMENTS', '', null, null, 'A good quarter.'),
      ],
    });
  });

  it('leaves out what is not in that shape, and survives anything', () => {
    expect(stateFromSnapshot(null)).toEqual({ noActivity: null, values: [] });
    expect(stateFromSnapshot('text')).toEqual({ noActivity: null, values: [] });
    expect(stateFromSnapshot({ values: 'no' })).toEqual({ noActivity: null, values: [] });
    expect(stateFromSnapshot({ values: [null, 3, { breakdownKey: 'X' }, { measureCode: 'A', value: 'x1' }] })).toEqual({
      noActivity: null,
      values: [value('A', '', null)],
    });
  });
});

describe('diffStates', () => {
  it('finds nothing between equal states, whatever the way numbers are written', () => {
    const a = state([value('A', '', '12.50'), value('B', 'X', '3', ' same ')]);
    const b = state([value('B', 'X', '3.0', 'same'), value('A', '', '12.5')]);
    expect(diffStates(a, b)).toEqual({ noActivityChanged: false, differences: [] });
  });

  it('names changed, added and removed values and comment-only changes', () => {
    const before = state([value('A', '', '10'), value('B', '', '4'), value('C', '', '1', 'old'), value('E', '', null, null, 'Text')]);
    const after = state([value('A', '', '12'), value('C', '', '1', 'new'), value('D', 'POLICE', '0'), value('E', '', null, null, 'Text!')]);
    const { differences } = diffStates(before, after);
    expect(differences.map((d) => [d.measureCode, d.breakdownKey, d.kind, d.valueChanged, d.commentChanged])).toEqual([
      ['A', '', 'CHANGED', true, false],
      ['B', '', 'REMOVED', true, false],
      ['C', '', 'COMMENT', false, true],
      ['D', 'POLICE', 'ADDED', true, false],
      ['E', '', 'CHANGED', true, false],
    ]);
    expect(differences[0]!.before?.number).toBe('10');
    expect(differences[0]!.after?.number).toBe('12');
    expect(differences[1]!.after).toBeNull();
    expect(differences[3]!.before).toBeNull();
  });

  it('treats zero as a value: zero and blank differ', () => {
    const { differences } = diffStates(state([value('A', '', '0')]), state([value('A', '', null)]));
    expect(differences).toHaveLength(1);
    expect(differences[0]!.kind).toBe('REMOVED');
  });

  it('treats a missing row, a blank row and an empty text alike', () => {
    expect(diffStates(state([value('A', '', null)]), state([])).differences).toEqual([]);
    expect(diffStates(state([value('A', '', null, null, '')]), state([])).differences).toEqual([]);
    expect(diffStates(state([value('A', '', null, '  ')]), state([])).differences).toEqual([]);
  });

  it('compares texts exactly, except for line endings', () => {
    expect(diffStates(state([value('N', '', null, null, 'a\r\nb')]), state([value('N', '', null, null, 'a\nb')])).differences).toEqual([]);
    expect(diffStates(state([value('N', '', null, null, 'a b')]), state([value('N', '', null, null, 'a  b')])).differences).toHaveLength(1);
  });

  it('reports both a value and its comment changing', () => {
    const [difference] = diffStates(state([value('A', '', '1', 'x')]), state([value('A', '', '2', 'y')])).differences;
    expect(difference).toMatchObject({ kind: 'CHANGED', valueChanged: true, commentChanged: true });
  });

  it('says when "no activity this quarter" changed, but not when one side does not know', () => {
    expect(diffStates(state([], false), state([], true)).noActivityChanged).toBe(true);
    expect(diffStates(state([], null), state([], true)).noActivityChanged).toBe(false);
  });

  it('orders the differences as asked (e.g. the order of the template)', () => {
    const order = ['Z', 'A'];
    const { differences } = diffStates(state([]), state([value('A', '', '1'), value('Z', '', '1'), value('Z', 'K', '1')]), {
      compare: (a, b) => order.indexOf(a.measureCode) - order.indexOf(b.measureCode) || a.breakdownKey.localeCompare(b.breakdownKey),
    });
    expect(differences.map((d) => `${d.measureCode}[${d.breakdownKey}]`)).toEqual(['Z[]', 'Z[K]', 'A[]']);
  });

  it('compares a snapshot with the values as they are now (the reopened demo story)', () => {
    const approved = stateFromSnapshot({
      noActivity: false,
      values: [
        { measureCode: 'NEW_USERS_ETHNICITY', breakdownKey: 'WHITE', value: 10, text: null, comment: null },
        { measureCode: 'NEW_USERS_ETHNICITY', breakdownKey: 'NOT_KNOWN', value: 2, text: null, comment: null },
      ],
    });
    const now = state([value('NEW_USERS_ETHNICITY', 'WHITE', '12.0000'), value('NEW_USERS_ETHNICITY', 'NOT_KNOWN', '0.0000')]);
    const { differences } = diffStates(approved, now);
    expect(differences.map((d) => [d.breakdownKey, d.before?.number, d.after?.number])).toEqual([
      ['NOT_KNOWN', '2', '0'],
      ['WHITE', '10', '12'],
    ]);
  });
});

describe('displayValue', () => {
  it('shows money with pence and other numbers as they are', () => {
    expect(displayValue(value('M', '', '1250.5'), 'MONEY')).toBe('1250.50');
    expect(displayValue(value('M', '', '1250'), 'MONEY')).toBe('1250.00');
    expect(displayValue(value('M', '', '0.125'), 'MONEY')).toBe('0.125');
    expect(displayValue(value('C', '', '12.0'), 'COUNT')).toBe('12');
    expect(displayValue(value('P', '', '87.5'), 'PERCENT')).toBe('87.5');
    expect(displayValue(value('T', '', null, null, 'Words'), 'TEXT')).toBe('Words');
    expect(displayValue(value('T', '', null, null, ''), 'TEXT')).toBeNull();
    expect(displayValue(null, 'COUNT')).toBeNull();
  });
});
