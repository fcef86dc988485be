// Small shared helpers for the API and the pages (browser-safe: no Node imports).
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** An amount in pounds ("85000.5", 85000.5, or a Decimal) as "£85,000.50", for messages and pages. */
export function formatPounds(value: { toFixed(digits: number): string } | string | number): string {
  const text = typeof value === 'object' ? value.toFixed(2) : String(value);
  return POUNDS.format(Number(text));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else can be answered "not found" without asking the database (which would refuse it). */
export const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);

/**
 * A value for Prisma's `equals`/`contains` with `mode: 'insensitive'`, which PostgreSQL runs as ILIKE without escaping
 * (prisma/orm#10810, #19506): unescaped, "first_last@x.org" matched "first.last@x.org" (a false "already taken"),
 * "%" matched every row, and a trailing backslash failed the query (found by the fuzz tests).
 */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (character) => `\\${character}`);
