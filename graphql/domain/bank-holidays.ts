// England and Wales bank holidays, 2024 to 2032, as data. No network: the portal runs offline.
//
// 2024-2027 match the UK government's published list (https://www.gov.uk/bank-holidays, "England and Wales"),
// including the substitute days 2026-12-28 (Boxing Day), 2027-12-27 (Christmas Day) and 2027-12-28 (Boxing Day).
// 2028-2032 follow the standing rules: New Year's Day (next Monday when it falls at a weekend), Good Friday and
// Easter Monday (Easter Sunday by the anonymous Gregorian algorithm, see `easterSunday`), the first and last
// Mondays of May, the last Monday of August, and Christmas Day and Boxing Day with substitute weekdays. One-off
// holidays proclaimed later (as in 2022 and 2023) must be added here by hand; tests/unit/bank-holidays.test.ts
// checks every row of this list against the rules, so an added one-off needs an entry in its exceptions list.
//
// Dates are ISO calendar dates ('YYYY-MM-DD'), with no time or time zone.

export interface BankHoliday {
  /** Calendar date, 'YYYY-MM-DD'. */
  readonly date: string;
  /** The name the UK government uses (a substitute day keeps the name of the day it replaces). */
  readonly name: string;
  /** True when the holiday moved to a weekday because the day itself fell at a weekend. */
  readonly substituteDay?: true;
}

export const FIRST_BANK_HOLIDAY_YEAR = 2024;
export const LAST_BANK_HOLIDAY_YEAR = 2032;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  { date: '2024-01-01', name: "New Year's Day" },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },
  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },
  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day', substituteDay: true },
  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day', substituteDay: true },
  { date: '2027-12-28', name: 'Boxing Day', substituteDay: true },
  { date: '2028-01-03', name: "New Year's Day", substituteDay: true },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
  { date: '2029-01-01', name: "New Year's Day" },
  { date: '2029-03-30', name: 'Good Friday' },
  { date: '2029-04-02', name: 'Easter Monday' },
  { date: '2029-05-07', name: 'Early May bank holiday' },
  { date: '2029-05-28', name: 'Spring bank holiday' },
  { date: '2029-08-27', name: 'Summer bank holiday' },
  { date: '2029-12-25', name: 'Christmas Day' },
  { date: '2029-12-26', name: 'Boxing Day' },
  { date: '2030-01-01', name: "New Year's Day" },
  { date: '2030-04-19', name: 'Good Friday' },
  { date: '2030-04-22', name: 'Easter Monday' },
  { date: '2030-05-06', name: 'Early May bank holiday' },
  { date: '2030-05-27', name: 'Spring bank holiday' },
  { date: '2030-08-26', name: 'Summer bank holiday' },
  { date: '2030-12-25', name: 'Christmas Day' },
  { date: '2030-12-26', name: 'Boxing Day' },
  { date: '2031-01-01', name: "New Year's Day" },
  { date: '2031-04-11', name: 'Good Friday' },
  { date: '2031-04-14', name: 'Easter Monday' },
  { date: '2031-05-05', name: 'Early May bank holiday' },
  { date: '2031-05-26', name: 'Spring bank holiday' },
  { date: '2031-08-25', name: 'Summer bank holiday' },
  { date: '2031-12-25', name: 'Christmas Day' },
  { date: '2031-12-26', name: 'Boxing Day' },
  { date: '2032-01-01', name: "New Year's Day" },
  { date: '2032-03-26', name: 'Good Friday' },
  { date: '2032-03-29', name: 'Easter Monday' },
  { date: '2032-05-03', name: 'Early May bank holiday' },
  { date: '2032-05-31', name: 'Spring bank holiday' },
  { date: '2032-08-30', name: 'Summer bank holiday' },
  { date: '2032-12-27', name: 'Christmas Day', substituteDay: true },
  { date: '2032-12-28', name: 'Boxing Day', substituteDay: true },
]);

const BY_DATE: ReadonlyMap<string, BankHoliday> = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday]));

/** The bank holiday on this date ('YYYY-MM-DD'), or undefined. */
export function bankHolidayOn(date: string): BankHoliday | undefined {
  return BY_DATE.get(date);
}

/** True when this date ('YYYY-MM-DD') is an England and Wales bank holiday. */
export function isBankHoliday(date: string): boolean {
  return BY_DATE.has(date);
}

/** True when the list covers this calendar year (outside it, `isBankHoliday` can only answer false). */
export function bankHolidaysCover(year: number): boolean {
  return year >= FIRST_BANK_HOLIDAY_YEAR && year <= LAST_BANK_HOLIDAY_YEAR;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"), 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
