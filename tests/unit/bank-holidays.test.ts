import { describe, expect, it } from 'vitest';
import {
  bankHolidayOn,
  bankHolidaysCover,
  easterSunday,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isBankHoliday,
} from '../../graphql/domain/bank-holidays';

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** The standing rules for England and Wales, written independently of the data under test. */
function rulesFor(year: number): { date: string; name: string; substituteDay?: true }[] {
  const list: { date: string; name: string; substituteDay?: true }[] = [];
  let newYear = utc(year, 1, 1);
  while (newYear.getUTCDay() === 0 || newYear.getUTCDay() === 6) newYear = plusDays(newYear, 1);
  list.push({ date: iso(newYear), name: "New Year's Day", ...(newYear.getUTCDate() !== 1 ? { substituteDay: true as const } : {}) });
  const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
  list.push({ date: iso(plusDays(easter, -2)), name: 'Good Friday' });
  list.push({ date: iso(plusDays(easter, 1)), name: 'Easter Monday' });
  let earlyMay = utc(year, 5, 1);
  while (earlyMay.getUTCDay() !== 1) earlyMay = plusDays(earlyMay, 1);
  list.push({ date: iso(earlyMay), name: 'Early May bank holiday' });
  let spring = utc(year, 5, 31);
  while (spring.getUTCDay() !== 1) spring = plusDays(spring, -1);
  list.push({ date: iso(spring), name: 'Spring bank holiday' });
  let summer = utc(year, 8, 31);
  while (summer.getUTCDay() !== 1) summer = plusDays(summer, -1);
  list.push({ date: iso(summer), name: 'Summer bank holiday' });
  const christmasDay = utc(year, 12, 25).getUTCDay();
  if (christmasDay === 6) {
    // Saturday: Christmas moves to Monday 27th, Boxing Day (Sunday) to Tuesday 28th.
    list.push({ date: `${year}-12-27`, name: 'Christmas Day', substituteDay: true });
    list.push({ date: `${year}-12-28`, name: 'Boxing Day', substituteDay: true });
  } else if (christmasDay === 0) {
    // Sunday: Boxing Day stays on Monday 26th, Christmas moves to Tuesday 27th.
    list.push({ date: `${year}-12-26`, name: 'Boxing Day' });
    list.push({ date: `${year}-12-27`, name: 'Christmas Day', substituteDay: true });
  } else if (christmasDay === 5) {
    // Friday: Boxing Day (Saturday) moves to Monday 28th.
    list.push({ date: `${year}-12-25`, name: 'Christmas Day' });
    list.push({ date: `${year}-12-28`, name: 'Boxing Day', substituteDay: true });
  } else {
    list.push({ date: `${year}-12-25`, name: 'Christmas Day' });
    list.push({ date: `${year}-12-26`, name: 'Boxing Day' });
  }
  return list;
}

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    // Outside the list's range, well-known dates: the earliest and latest possible Easters and a Y2K check.
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(new Date(`${expected}T00:00:00Z`).getUTCDay()).toBe(0);
  });
});

describe('England and Wales bank holidays 2024-2032', () => {
  it('matches the UK government list for 2024-2027 exactly', () => {
    // https://www.gov.uk/bank-holidays, England and Wales.
    const published = [
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ];
    const listed = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date < '2028-01-01').map((h) => h.date);
    expect(listed).toEqual(published);
  });

  it('names the substitute days as the government does', () => {
    expect(bankHolidayOn('2026-12-28')).toEqual({ date: '2026-12-28', name: 'Boxing Day', substituteDay: true });
    expect(bankHolidayOn('2027-12-27')).toEqual({ date: '2027-12-27', name: 'Christmas Day', substituteDay: true });
    expect(bankHolidayOn('2027-12-28')).toEqual({ date: '2027-12-28', name: 'Boxing Day', substituteDay: true });
    expect(bankHolidayOn('2028-01-03')).toEqual({ date: '2028-01-03', name: "New Year's Day", substituteDay: true });
    expect(bankHolidayOn('2032-12-27')?.name).toBe('Christmas Day');
    expect(bankHolidayOn('2032-12-28')?.name).toBe('Boxing Day');
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032])('follows the standing rules in %i', (year) => {
    const listed = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
    expect(listed).toEqual(rulesFor(year));
    expect(listed).toHaveLength(8);
  });

  it('is sorted, unique, and every holiday is a weekday', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) {
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(day, date).toBeGreaterThanOrEqual(1);
      expect(day, date).toBeLessThanOrEqual(5);
    }
    expect(dates).toHaveLength(72);
  });

  it('looks dates up', () => {
    expect(isBankHoliday('2026-04-03')).toBe(true);
    expect(isBankHoliday('2026-04-05')).toBe(false); // Easter Sunday is a Sunday, not a bank holiday
    expect(isBankHoliday('2026-12-26')).toBe(false); // Boxing Day 2026 is a Saturday: the holiday is Monday 28th
    expect(bankHolidayOn('2026-08-31')?.name).toBe('Summer bank holiday');
    expect(bankHolidayOn('2026-09-01')).toBeUndefined();
    expect(bankHolidaysCover(2024)).toBe(true);
    expect(bankHolidaysCover(2032)).toBe(true);
    expect(bankHolidaysCover(2023)).toBe(false);
    expect(bankHolidaysCover(2033)).toBe(false);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toBe(true);
  });
});
