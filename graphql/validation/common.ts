// Building blocks for input schemas: every rule with a message a user understands.
import { z } from 'zod';

/** Pounds and pence as a string, exact: "85000", "85000.5", "85000.50". Never a float. */
export const money = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}`, abort: true })
    .transform((value) => value.replace(/^£/, '').replaceAll(',', ''))
    .refine((value) => !value.startsWith('-'), { error: `${capitalise(label)} cannot be negative`, abort: true })
    .refine((value) => /^\d+(\.\d+)?$/.test(value), { error: `${capitalise(label)} must be an amount in pounds, like 85000 or 85000.50`, abort: true })
    .refine((value) => /^\d+(\.\d{1,2})?$/.test(value), { error: `${capitalise(label)} must have no more than 2 decimal places`, abort: true })
    .refine((value) => /^\d{1,12}(\.\d{1,2})?$/.test(value), { error: `${capitalise(label)} must be less than £1,000,000,000,000` });

/**
 * Control characters other than tab and line ends: invisible on a page and in a CSV export, dropped from XLSX ones
 * (which then differ from what is stored), and PostgreSQL cannot store NUL at all: it failed as an unexpected error
 * (found by the fuzz tests, tests/api/fuzz-mutations*.test.ts).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Characters JavaScript's trim() keeps that show nothing: zero-width spaces and joiners, word joiner, soft hyphen. */
const INVISIBLE_CHARACTERS = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** True when the text has no control characters (tab, line feed and carriage return are allowed). */
export const withoutControlCharacters = (value: string) => !CONTROL_CHARACTERS.test(value);
/** True when the text shows something: not only spaces and zero-width characters. */
export const hasVisibleText = (value: string) => value.replace(INVISIBLE_CHARACTERS, '') !== '';
export const controlCharactersMessage = (label: string) => `${capitalise(label)} must not contain hidden control characters`;

/** A required line of text, trimmed, with a length limit; text that shows nothing is no text. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}`, abort: true })
    .refine(hasVisibleText, { error: `Enter ${label}`, abort: true })
    .refine(withoutControlCharacters, { error: controlCharactersMessage(label), abort: true })
    .max(max, { error: `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** Optional text: blank (or nothing visible) becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .refine(withoutControlCharacters, { error: controlCharactersMessage(label), abort: true })
    .max(max, { error: `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .nullish()
    .transform((value) => (value && hasVisibleText(value) ? value : null));

/** A calendar date as YYYY-MM-DD. */
export const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}`, abort: true })
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: `${capitalise(label)} must be a real date`,
    });

export const id = (label: string) => z.string({ error: `Choose ${label}` }).uuid({ error: `Choose ${label}` });

export const expectedVersion = z
  .number({ error: 'The version you edited is missing: reload the page' })
  .int()
  .min(1, 'The version you edited is missing: reload the page');

/** 2026 for 2026/27. */
export const financialYear = z
  .number({ error: 'Enter a financial year' })
  .int({ error: 'Enter a financial year like 2026 (for 2026/27)' })
  .min(2000, { error: 'Enter a financial year from 2000/01' })
  .max(2100, { error: 'Enter a financial year before 2100/01' });

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
