// What a person typed into a field of a quarterly return, turned into a value - per measure unit, with a message
// that names the field by its label when it cannot be a value. Pure: runs in the browser and on the server alike
// (form fields, the saveReturnDraft mutation, CSV imports).
//
// Units (seeds/measures.ts, "VALUES"):
// - COUNT, DAYS  whole numbers, 0 to 1,000,000,000. "1,200" (thousands separators) is 1200; "12.0" is 12.
// - DECIMAL      a number >= 0 with at most 2 decimal places (FTE, e.g. 2.5), up to 1,000,000,000.
// - MONEY        pounds and pence: an optional leading "£", thousands separators, >= 0, at most 2 decimal places,
//                below £1,000,000,000,000.
// - PERCENT      0 to 100 with at most 1 decimal place; a trailing "%" is allowed.
// - TEXT         any text up to 10,000 characters (Unicode characters, after trimming, line ends as "\n"), without
//                control characters other than tab and line end.
// Blank (nothing but spaces) is { ok: true, value: null }: a blank is allowed here and needs a reason elsewhere.
//
// Values come back as canonical strings, never as floats: "1200" (COUNT, DAYS), "2.5" (DECIMAL, PERCENT: no
// trailing zeros), "85000.50" (MONEY: always two decimal places). Exponents ("1e3", "1e309"), "Infinity", "NaN",
// hexadecimal ("0x10"), words ("twelve"), "+" signs and badly grouped separators ("1,20") are refused.

import type { MeasureUnitCode } from '../../seeds/measures';

export type MeasureUnit = MeasureUnitCode;

export type ParseResult = { ok: true; value: string | null } | { ok: false; message: string };

/** What parseValue needs to know about a field: its label (used in messages) and its unit. */
export interface ValueField {
  label: string;
  unit: MeasureUnit;
}

/** Largest COUNT, DAYS and DECIMAL value. */
export const MAX_WHOLE_NUMBER = 1_000_000_000;
/** MONEY must be below this many pounds. */
export const MONEY_LIMIT_POUNDS = 1_000_000_000_000;
export const MAX_TEXT_CHARACTERS = 10_000;

const MAX_WHOLE = BigInt(MAX_WHOLE_NUMBER);
const MONEY_LIMIT = BigInt(MONEY_LIMIT_POUNDS);

/** Digits with optional thousands separators (in groups of three), then an optional fraction. */
const NUMBER = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d+))?$/;
const MINUS = /^[-\u2212]/; // "-" or the Unicode minus sign

interface DecimalParts {
  negative: boolean;
  /** The whole part without separators or leading zeros ('0' for zero). */
  whole: string;
  /** The fraction's digits without trailing zeros ('' when none). */
  fraction: string;
}

function readDecimal(text: string): DecimalParts | null {
  let rest = text;
  let negative = false;
  if (MINUS.test(rest)) {
    negative = true;
    rest = rest.slice(1);
  }
  const match = NUMBER.exec(rest);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const whole = (match[1] ?? '').replaceAll(',', '').replace(/^0+/, '') || '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  // "-0" is zero, not a negative number.
  if (whole === '0' && fraction === '') negative = false;
  return { negative, whole, fraction };
}

const joined = ({ whole, fraction }: DecimalParts) => (fraction ? `${whole}.${fraction}` : whole);
const fail = (message: string): ParseResult => ({ ok: false, message });
const value = (text: string | null): ParseResult => ({ ok: true, value: text });

function parseWhole(input: string, label: string): ParseResult {
  const parts = readDecimal(input);
  if (!parts) return fail(`${label} must be a whole number, like 12`);
  if (parts.negative) return fail(`${label} cannot be negative`);
  if (parts.fraction) return fail(`${label} must be a whole number, like 12`);
  if (BigInt(parts.whole) > MAX_WHOLE) return fail(`${label} must be 1,000,000,000 or less`);
  return value(parts.whole);
}

function parseDecimal(input: string, label: string): ParseResult {
  const parts = readDecimal(input);
  if (!parts) return fail(`${label} must be a number, like 2.5`);
  if (parts.negative) return fail(`${label} cannot be negative`);
  if (parts.fraction.length > 2) return fail(`${label} must have 2 decimal places or fewer`);
  const whole = BigInt(parts.whole);
  if (whole > MAX_WHOLE || (whole === MAX_WHOLE && parts.fraction)) return fail(`${label} must be 1,000,000,000 or less`);
  return value(joined(parts));
}

function parseMoney(input: string, label: string): ParseResult {
  // "£1,250.50", "£ 1250.5", "-£5" and "£-5" (the last two are refused as negative).
  const withoutPound = input.replace(/^([-\u2212]?)\s*£\s*/, '$1');
  const parts = readDecimal(withoutPound);
  if (!parts) return fail(`${label} must be an amount in pounds and pence, like £1,250.50`);
  if (parts.negative) return fail(`${label} cannot be negative`);
  if (parts.fraction.length > 2) return fail(`${label} must have 2 decimal places or fewer`);
  if (BigInt(parts.whole) >= MONEY_LIMIT) return fail(`${label} must be less than £1,000,000,000,000`);
  return value(`${parts.whole}.${parts.fraction.padEnd(2, '0')}`);
}

function parsePercent(input: string, label: string): ParseResult {
  const parts = readDecimal(input.replace(/\s*%$/, ''));
  if (!parts) return fail(`${label} must be a percentage, like 85 or 85.5`);
  if (parts.negative) return fail(`${label} must be between 0 and 100`);
  if (parts.fraction.length > 1) return fail(`${label} must have 1 decimal place or fewer`);
  const whole = BigInt(parts.whole);
  if (whole > 100n || (whole === 100n && parts.fraction)) return fail(`${label} must be between 0 and 100`);
  return value(joined(parts));
}

// Control characters other than tab and line feed: invisible, dropped from XLSX exports, and PostgreSQL cannot store
// NUL (found by the fuzz tests).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function parseText(input: string, label: string): ParseResult {
  const text = input.replace(/\r\n?/g, '\n').trim();
  if (text === '') return value(null);
  if (CONTROL_CHARACTERS.test(text)) return fail(`${label} must not contain hidden control characters`);
  let characters = 0;
  for (const _ of text) characters += 1; // code points, not UTF-16 units: an emoji is one character
  if (characters > MAX_TEXT_CHARACTERS) return fail(`${label} must be 10,000 characters or fewer`);
  return value(text);
}

/**
 * Parses what a person typed into a field of the given measure. Blank -> { ok: true, value: null }; otherwise the
 * canonical string of the value, or a message naming the field by `measure.label`.
 */
export function parseValue(input: string, measure: ValueField): ParseResult {
  const { label, unit } = measure;
  if (unit === 'TEXT') return parseText(input, label);
  const text = input.trim();
  if (text === '') return value(null);
  switch (unit) {
    case 'COUNT':
    case 'DAYS':
      return parseWhole(text, label);
    case 'DECIMAL':
      return parseDecimal(text, label);
    case 'MONEY':
      return parseMoney(text, label);
    case 'PERCENT':
      return parsePercent(text, label);
    default: {
      const unknown: never = unit;
      throw new Error(`Unknown measure unit ${String(unknown)}`);
    }
  }
}
