// Reporting periods: UK financial-year quarters, and the working-day arithmetic behind their due and lock dates.
// Pure functions: no Prisma, no clock (except `todayInLondon`, which takes the instant as a parameter).
//
// Dates are calendar dates written as ISO strings, 'YYYY-MM-DD' (type `IsoDate`), everywhere in this module's
// results. Every function that takes a date also accepts a JavaScript `Date`, read as its UTC calendar date: that
// is what Prisma returns for a `@db.Date` column (midnight UTC). To turn "now" into a date, use `todayInLondon`,
// not `new Date()`: between midnight and 1 a.m. in summer the UTC date is still yesterday in England.
//
// A financial year is written by its first calendar year: 2026 is "2026/27", 1 April 2026 - 31 March 2027.
// Quarters: Q1 1 Apr - 30 Jun, Q2 1 Jul - 30 Sep, Q3 1 Oct - 31 Dec, Q4 1 Jan - 31 Mar of the following year.
//
// Schedule of a period (domain.md "ReportingPeriod"; configurable):
// - opensOn: the day after the quarter's end date (whatever the day of the week).
// - dueDate: the Nth working day after the quarter's end date, N = dueWorkingDays (15): counting starts at opensOn,
//   which is working day 1 if it is a working day. E.g. 2026/27 Q1 ends Tue 30 Jun 2026; 1 Jul is working day 1
//   and Tue 21 Jul 2026 is working day 15, the due date.
// - locksOn: the Mth working day after the due date, M = lockWorkingDays (10): Tue 4 Aug 2026 for 2026/27 Q1.
//   It is the first day on which the period is locked (from then on only an admin exception allows edits).
// A return submitted on its due date is on time; one submitted after it is late.
// Working days are Monday to Friday except England and Wales bank holidays (./bank-holidays.ts, 2024-2032).

import { bankHolidaysCover, FIRST_BANK_HOLIDAY_YEAR, isBankHoliday, LAST_BANK_HOLIDAY_YEAR } from './bank-holidays';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
export type DateInput = IsoDate | Date;
export type Quarter = 1 | 2 | 3 | 4;

export interface PeriodRef {
  financialYear: number;
  quarter: Quarter;
}

export interface ScheduleConfig {
  /** The due date is this many working days after the quarter's end date. */
  dueWorkingDays: number;
  /** The lock date is this many working days after the due date. */
  lockWorkingDays: number;
}

export const DEFAULT_SCHEDULE_CONFIG: Readonly<ScheduleConfig> = Object.freeze({ dueWorkingDays: 15, lockWorkingDays: 10 });

export interface PeriodSchedule {
  startDate: IsoDate;
  endDate: IsoDate;
  opensOn: IsoDate;
  dueDate: IsoDate;
  locksOn: IsoDate;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

/** The calendar date as 'YYYY-MM-DD'. A `Date` is read in UTC; a string must already be a valid ISO date. */
export function toIsoDate(date: DateInput): IsoDate {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
    return date.toISOString().slice(0, 10);
  }
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  const [, y, m, d] = match;
  const parsed = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Date.UTC treats years 0-99 as 1900-1999; those are not dates this portal deals with, and the round trip rejects them.
  if (parsed.toISOString().slice(0, 10) !== date) throw new RangeError(`No such date: ${date}`);
  return date;
}

/** The `Date` at 00:00Z on this calendar date (what Prisma expects for a `@db.Date` column). */
export function toUtcDate(date: DateInput): Date {
  return new Date(`${toIsoDate(date)}T00:00:00.000Z`);
}

export function addDays(date: DateInput, days: number): IsoDate {
  return new Date(toUtcDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: DateInput): number {
  return toUtcDate(date).getUTCDay();
}

export function isWeekend(date: DateInput): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/**
 * Monday to Friday and not an England and Wales bank holiday. Throws a RangeError for a year the bank-holiday
 * list does not cover (a silently wrong due date is worse than an error that says to extend the list).
 */
export function isWorkingDay(date: DateInput): boolean {
  const iso = toIsoDate(date);
  const year = Number(iso.slice(0, 4));
  if (!bankHolidaysCover(year)) {
    throw new RangeError(
      `No bank holidays are recorded for ${year} (only ${FIRST_BANK_HOLIDAY_YEAR}-${LAST_BANK_HOLIDAY_YEAR}): ` +
        'extend graphql/domain/bank-holidays.ts.',
    );
  }
  return !isWeekend(iso) && !isBankHoliday(iso);
}

/**
 * The |n|th working day after (n > 0) or before (n < 0) `date`, not counting `date` itself; n = 0 answers
 * `date` unchanged (even when it is not a working day).
 * addWorkingDays('2026-06-30', 15) === '2026-07-21'; addWorkingDays('2026-12-24', 1) === '2026-12-29'.
 */
export function addWorkingDays(date: DateInput, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`);
  let current = toIsoDate(date);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days d with from < d <= to (negative, counted the same way, when `to` is before `from`).
 * workingDaysBetween(dueDate, submittedOn) is how many working days late a return was.
 */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  const start = toIsoDate(from);
  const end = toIsoDate(to);
  if (start === end) return 0;
  const [low, high, sign] = start < end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let current = addDays(low, 1); current <= high; current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return sign * count;
}

// Made once: a DateTimeFormat with a time zone costs tens of microseconds to create (ICU), formatting one date far less.
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// London has been a whole number of hours from UTC since 1847 (GMT, BST, and the double summer time of the 1940s),
// so its date cannot change within an hour of UTC: the last answer is reused within the same UTC hour.
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1848, 0, 1);
let lastAnswer: { hour: number; date: IsoDate } | undefined;

/** Today's calendar date in England (Europe/London), for the instant given (default: now). */
export function todayInLondon(now: Date = new Date()): IsoDate {
  const time = now.getTime();
  const hour = Math.floor(time / 3_600_000);
  if (lastAnswer?.hour === hour && time >= WHOLE_HOUR_OFFSETS_SINCE) return lastAnswer.date;
  const parts = LONDON_DATE.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  if (time >= WHOLE_HOUR_OFFSETS_SINCE) lastAnswer = { hour, date };
  return date;
}

// ---------------------------------------------------------------------------------------------------------------
// Financial years and quarters
// ---------------------------------------------------------------------------------------------------------------

function assertPeriod(financialYear: number, quarter: number): asserts quarter is Quarter {
  if (!Number.isInteger(financialYear) || financialYear < 1000 || financialYear > 9998) {
    throw new RangeError(`Not a financial year: ${financialYear}`);
  }
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new RangeError(`Not a quarter (1-4): ${quarter}`);
  }
}

/** financialYearLabel(2026) === '2026/27'. */
export function financialYearLabel(financialYear: number): string {
  if (!Number.isInteger(financialYear) || financialYear < 1000 || financialYear > 9998) {
    throw new RangeError(`Not a financial year: ${financialYear}`);
  }
  return `${financialYear}/${String((financialYear + 1) % 100).padStart(2, '0')}`;
}

/** periodLabel(2026, 1) === '2026/27 Q1'. */
export function periodLabel(financialYear: number, quarter: number): string {
  assertPeriod(financialYear, quarter);
  return `${financialYearLabel(financialYear)} Q${quarter}`;
}

/** '2026/27 Q1' -> { financialYear: 2026, quarter: 1 }; null for anything else (including '2026/28 Q1'). */
export function parsePeriodLabel(label: string): PeriodRef | null {
  const match = /^(\d{4})\/(\d{2}) Q([1-4])$/.exec(label.trim());
  if (!match) return null;
  const financialYear = Number(match[1]);
  if ((financialYear + 1) % 100 !== Number(match[2])) return null;
  return { financialYear, quarter: Number(match[3]) as Quarter };
}

/** The financial year a date falls in: 1 April starts a new one. financialYearOf('2027-03-31') === 2026. */
export function financialYearOf(date: DateInput): number {
  const iso = toIsoDate(date);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** First and last day of a quarter. Q4 of 2026/27 is 2027-01-01 to 2027-03-31. */
export function quarterDates(financialYear: number, quarter: number): { startDate: IsoDate; endDate: IsoDate } {
  assertPeriod(financialYear, quarter);
  const year = quarter === 4 ? financialYear + 1 : financialYear;
  const startMonth = quarter === 4 ? 1 : quarter * 3 + 1; // Q1 -> April (4), Q2 -> July (7), Q3 -> October (10)
  const startDate = new Date(Date.UTC(year, startMonth - 1, 1));
  // Day 0 of the month after the quarter's last month is that last month's last day.
  const endDate = new Date(Date.UTC(year, startMonth - 1 + 3, 0));
  return { startDate: toIsoDate(startDate), endDate: toIsoDate(endDate) };
}

/** The quarter a date falls in. periodContaining('2027-02-14') -> 2026/27 Q4. */
export function periodContaining(date: DateInput): PeriodRef & { label: string } {
  const iso = toIsoDate(date);
  const financialYear = financialYearOf(iso);
  const month = Number(iso.slice(5, 7));
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as Quarter;
  return { financialYear, quarter, label: periodLabel(financialYear, quarter) };
}

export function previousPeriod(period: PeriodRef): PeriodRef {
  assertPeriod(period.financialYear, period.quarter);
  return period.quarter === 1
    ? { financialYear: period.financialYear - 1, quarter: 4 }
    : { financialYear: period.financialYear, quarter: (period.quarter - 1) as Quarter };
}

export function nextPeriod(period: PeriodRef): PeriodRef {
  assertPeriod(period.financialYear, period.quarter);
  return period.quarter === 4
    ? { financialYear: period.financialYear + 1, quarter: 1 }
    : { financialYear: period.financialYear, quarter: (period.quarter + 1) as Quarter };
}

/** Orders periods: negative when a is earlier than b. */
export function comparePeriods(a: PeriodRef, b: PeriodRef): number {
  return a.financialYear - b.financialYear || a.quarter - b.quarter;
}

/**
 * Start, end, opening, due and lock dates of a quarter (see the top of this file for the definitions).
 * periodSchedule(2026, 1) -> { startDate: '2026-04-01', endDate: '2026-06-30', opensOn: '2026-07-01',
 *                              dueDate: '2026-07-21', locksOn: '2026-08-04' }
 */
export function periodSchedule(
  financialYear: number,
  quarter: number,
  config: Partial<ScheduleConfig> = DEFAULT_SCHEDULE_CONFIG,
): PeriodSchedule {
  const { dueWorkingDays, lockWorkingDays } = { ...DEFAULT_SCHEDULE_CONFIG, ...config };
  for (const [name, value] of [
    ['dueWorkingDays', dueWorkingDays],
    ['lockWorkingDays', lockWorkingDays],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 250) {
      throw new RangeError(`${name} must be a whole number of working days from 1 to 250, not ${value}`);
    }
  }
  const { startDate, endDate } = quarterDates(financialYear, quarter);
  const opensOn = addDays(endDate, 1);
  const dueDate = addWorkingDays(endDate, dueWorkingDays);
  const locksOn = addWorkingDays(dueDate, lockWorkingDays);
  return { startDate, endDate, opensOn, dueDate, locksOn };
}
