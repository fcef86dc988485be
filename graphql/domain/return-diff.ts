// The differences between two states of a return: two frozen versions (ReturnVersion snapshots), or a version and
// the return as it is now ("changed since approval"). Pure: no Prisma, no Node-only imports, so the pages may use it.
//
// A state is a list of values, one per measure x breakdown key ('' for the total), each holding a number (as exact
// decimal text), a text (TEXT measures), or neither (blank), and an optional comment. Numbers are compared as
// numbers written without trailing zeros ("12.50" equals "12.5" and 12.5), never as floats; texts exactly (line
// endings aside); comments after trimming, with a blank comment equal to none. A value present on one side only is
// compared with a blank.

import type { MeasureUnitCode } from '../../seeds/measures';

export interface StateValue {
  measureCode: string;
  breakdownKey: string;
  /** Exact decimal text ("1250.5", "12"), or null. */
  number: string | null;
  text: string | null;
  comment: string | null;
}

export interface ReturnState {
  noActivity: boolean | null;
  values: StateValue[];
}

export interface ValueDifference {
  measureCode: string;
  breakdownKey: string;
  /** ADDED: blank before; REMOVED: blank now; CHANGED: a different value; COMMENT: only the comment changed. */
  kind: 'ADDED' | 'REMOVED' | 'CHANGED' | 'COMMENT';
  before: StateValue | null;
  after: StateValue | null;
  valueChanged: boolean;
  commentChanged: boolean;
}

export interface ReturnDifferences {
  noActivityChanged: boolean;
  differences: ValueDifference[];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading states
// ---------------------------------------------------------------------------------------------------------------

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * A number as exact decimal text without trailing zeros: 12.50 -> "12.5", "0012" -> "12", -0 -> "0". Numbers read
 * from JSON are written as JavaScript writes them (the shortest text that reads back as the same number), which is
 * the decimal the portal stored (numeric(18,4) fits well within a double's 15 significant digits).
 */
export function decimalText(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = Math.abs(value) < 1e21 && !String(value).includes('e') ? String(value) : value.toFixed(4);
  } else {
    text = value.trim();
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return match[1] === '-' && body !== '0' ? `-${body}` : body;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The state frozen in a ReturnVersion snapshot (schema 1, see seeds/demo.ts):
 * `{ noActivity, values: [{ measureCode, breakdownKey, value: number | null, text, comment }] }`.
 * Anything that is not in that shape is left out rather than guessed.
 */
export function stateFromSnapshot(snapshot: unknown): ReturnState {
  const json = (typeof snapshot === 'object' && snapshot !== null ? snapshot : {}) as { noActivity?: unknown; values?: unknown };
  const values: StateValue[] = [];
  for (const entry of Array.isArray(json.values) ? json.values : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const row = entry as Record<string, unknown>;
    const measureCode = str(row.measureCode);
    if (!measureCode) continue;
    values.push({
      measureCode,
      breakdownKey: str(row.breakdownKey) ?? '',
      number: typeof row.value === 'number' || typeof row.value === 'string' ? decimalText(row.value) : null,
      text: str(row.text),
      comment: str(row.comment),
    });
  }
  return { noActivity: typeof json.noActivity === 'boolean' ? json.noActivity : null, values };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing
// ---------------------------------------------------------------------------------------------------------------

const keyOf = (value: { measureCode: string; breakdownKey: string }) => `${value.measureCode}\u0000${value.breakdownKey}`;
const normaliseText = (text: string | null) => (text === null ? null : text.replace(/\r\n?/g, '\n'));
const normaliseComment = (comment: string | null) => {
  const trimmed = (comment ?? '').replace(/\r\n?/g, '\n').trim();
  return trimmed === '' ? null : trimmed;
};
const isBlank = (value: StateValue | null) => !value || (value.number === null && (value.text === null || value.text === ''));

function sameValue(a: StateValue | null, b: StateValue | null): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (isBlank(a) !== isBlank(b)) return false;
  return decimalText(a!.number) === decimalText(b!.number) && normaliseText(a!.text) === normaliseText(b!.text);
}

/** The value with its number written exactly, without trailing zeros. */
const normalised = (value: StateValue | undefined): StateValue | null => (value ? { ...value, number: decimalText(value.number) } : null);

const sameComment = (a: StateValue | null, b: StateValue | null) =>
  normaliseComment(a?.comment ?? null) === normaliseComment(b?.comment ?? null);

export interface DiffOptions {
  /** Orders the differences (e.g. the template's order of sections, measures and options); default: by code, key. */
  compare?: (a: { measureCode: string; breakdownKey: string }, b: { measureCode: string; breakdownKey: string }) => number;
}

const byCodeAndKey = (a: { measureCode: string; breakdownKey: string }, b: { measureCode: string; breakdownKey: string }) =>
  a.measureCode < b.measureCode
    ? -1
    : a.measureCode > b.measureCode
    ? 1
    : a.breakdownKey < b.breakdownKey
    ? -1
    : a.breakdownKey > b.breakdownKey
    ? 1
    : 0;

/** Every value (or comment) that differs between `before` and `after`, in the order `options.compare` gives. */
export function diffStates(before: ReturnState, after: ReturnState, options: DiffOptions = {}): ReturnDifferences {
  const beforeByKey = new Map(before.values.map((value) => [keyOf(value), value]));
  const afterByKey = new Map(after.values.map((value) => [keyOf(value), value]));
  const keys = new Map<string, { measureCode: string; breakdownKey: string }>();
  for (const value of [...before.values, ...after.values])
    keys.set(keyOf(value), { measureCode: value.measureCode, breakdownKey: value.breakdownKey });

  const differences: ValueDifference[] = [];
  for (const [key, field] of keys) {
    const a = normalised(beforeByKey.get(key));
    const b = normalised(afterByKey.get(key));
    const valueChanged = !sameValue(a, b);
    const commentChanged = !sameComment(a, b);
    if (!valueChanged && !commentChanged) continue;
    const kind = !valueChanged ? 'COMMENT' : isBlank(a) ? 'ADDED' : isBlank(b) ? 'REMOVED' : 'CHANGED';
    differences.push({ ...field, kind, before: a, after: b, valueChanged, commentChanged });
  }
  differences.sort(options.compare ?? byCodeAndKey);
  return {
    noActivityChanged: before.noActivity !== null && after.noActivity !== null && before.noActivity !== after.noActivity,
    differences,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Showing values
// ---------------------------------------------------------------------------------------------------------------

/** A value as people read it: money with pence ("1250.50"), other numbers as they are, text as it is; null if blank. */
export function displayValue(value: StateValue | null, unit: MeasureUnitCode): string | null {
  if (!value) return null;
  if (value.number !== null) {
    const text = decimalText(value.number);
    if (text === null) return null;
    if (unit !== 'MONEY') return text;
    const [whole, fraction = ''] = text.split('.');
    return `${whole}.${(fraction + '00').slice(0, Math.max(2, fraction.length))}`;
  }
  return value.text === null || value.text === '' ? null : value.text;
}
