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

/** A required line of text, trimmed, with a length limit. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}`, abort: true })
    .max(max, { error: `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** Optional text: blank becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${capitalise(label)} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .nullish()
    .transform((value) => (value ? value : null));

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
