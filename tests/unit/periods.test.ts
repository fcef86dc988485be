import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  comparePeriods,
  dayOfWeek,
  financialYearLabel,
  financialYearOf,
  isWorkingDay,
  nextPeriod,
  parsePeriodLabel,
  periodContaining,
  periodLabel,
  periodSchedule,
  previousPeriod,
  quarterDates,
  todayInLondon,
  toIsoDate,
  toUtcDate,
  workingDaysBetween,
} from '../../graphql/domain/periods';

describe('labels', () => {
  it('labels financial years by their first calendar year', () => {
    expect(financialYearLabel(2026)).toBe('2026/27');
    expect(financialYearLabel(2024)).toBe('2024/25');
    expect(financialYearLabel(2009)).toBe('2009/10');
    expect(financialYearLabel(1999)).toBe('1999/00'); // century ends
    expect(financialYearLabel(2099)).toBe('2099/00');
  });

  it('labels periods', () => {
    expect(periodLabel(2026, 1)).toBe('2026/27 Q1');
    expect(periodLabel(2024, 4)).toBe('2024/25 Q4');
    expect(() => periodLabel(2026, 0)).toThrow(RangeError);
    expect(() => periodLabel(2026, 5)).toThrow(RangeError);
    expect(() => financialYearLabel(2026.5)).toThrow(RangeError);
  });

  it('parses period labels back', () => {
    expect(parsePeriodLabel('2026/27 Q1')).toEqual({ financialYear: 2026, quarter: 1 });
    expect(parsePeriodLabel('1999/00 Q4')).toEqual({ financialYear: 1999, quarter: 4 });
    expect(parsePeriodLabel('2026/28 Q1')).toBeNull();
    expect(parsePeriodLabel('2026/27 Q5')).toBeNull();
    expect(parsePeriodLabel('Q1 2026')).toBeNull();
  });
});

describe('quarters', () => {
  it('gives the boundaries of each quarter', () => {
    expect(quarterDates(2026, 1)).toEqual({ startDate: '2026-04-01', endDate: '2026-06-30' });
    expect(quarterDates(2026, 2)).toEqual({ startDate: '2026-07-01', endDate: '2026-09-30' });
    expect(quarterDates(2026, 3)).toEqual({ startDate: '2026-10-01', endDate: '2026-12-31' });
    // Q4 crosses into the next calendar year.
    expect(quarterDates(2026, 4)).toEqual({ startDate: '2027-01-01', endDate: '2027-03-31' });
  });

  it('handles the leap year 2028 (Q4 of 2027/28 holds 29 February)', () => {
    expect(quarterDates(2027, 4)).toEqual({ startDate: '2028-01-01', endDate: '2028-03-31' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(financialYearOf('2028-02-29')).toBe(2027);
    expect(periodContaining('2028-02-29')).toEqual({ financialYear: 2027, quarter: 4, label: '2027/28 Q4' });
    expect(addWorkingDays('2028-02-28', 1)).toBe('2028-02-29'); // Monday -> Tuesday 29th
    expect(() => toIsoDate('2027-02-29')).toThrow(RangeError);
  });

  it('finds the financial year and quarter of a date', () => {
    expect(financialYearOf('2026-04-01')).toBe(2026);
    expect(financialYearOf('2026-03-31')).toBe(2025);
    expect(financialYearOf('2026-12-31')).toBe(2026);
    expect(financialYearOf('2027-01-01')).toBe(2026);
    expect(financialYearOf(new Date('2026-11-29T00:00:00Z'))).toBe(2026);
    expect(periodContaining('2026-03-31')).toEqual({ financialYear: 2025, quarter: 4, label: '2025/26 Q4' });
    expect(periodContaining('2026-04-01')).toEqual({ financialYear: 2026, quarter: 1, label: '2026/27 Q1' });
    expect(periodContaining('2026-06-30').quarter).toBe(1);
    expect(periodContaining('2026-07-01').quarter).toBe(2);
    expect(periodContaining('2026-09-30').quarter).toBe(2);
    expect(periodContaining('2026-10-01').quarter).toBe(3);
    expect(periodContaining('2026-12-31')).toEqual({ financialYear: 2026, quarter: 3, label: '2026/27 Q3' });
    expect(periodContaining('2027-01-01')).toEqual({ financialYear: 2026, quarter: 4, label: '2026/27 Q4' });
  });

  it('steps between periods across year ends', () => {
    expect(previousPeriod({ financialYear: 2026, quarter: 1 })).toEqual({ financialYear: 2025, quarter: 4 });
    expect(previousPeriod({ financialYear: 2026, quarter: 3 })).toEqual({ financialYear: 2026, quarter: 2 });
    expect(nextPeriod({ financialYear: 2025, quarter: 4 })).toEqual({ financialYear: 2026, quarter: 1 });
    expect(nextPeriod({ financialYear: 2026, quarter: 2 })).toEqual({ financialYear: 2026, quarter: 3 });
    expect(comparePeriods({ financialYear: 2025, quarter: 4 }, { financialYear: 2026, quarter: 1 })).toBeLessThan(0);
    expect(comparePeriods({ financialYear: 2026, quarter: 2 }, { financialYear: 2026, quarter: 2 })).toBe(0);
  });

  it('agrees with itself: each quarter starts the day after the previous one ends, 2024-2030', () => {
    let previousEnd = '2024-03-31';
    for (let year = 2024; year <= 2030; year += 1) {
      for (const quarter of [1, 2, 3, 4]) {
        const { startDate, endDate } = quarterDates(year, quarter);
        expect(startDate).toBe(addDays(previousEnd, 1));
        expect(periodContaining(startDate).label).toBe(periodLabel(year, quarter));
        expect(periodContaining(endDate).label).toBe(periodLabel(year, quarter));
        previousEnd = endDate;
      }
    }
  });
});

describe('dates', () => {
  it('converts between ISO strings and UTC dates', () => {
    expect(toIsoDate(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
    expect(toUtcDate('2026-07-01').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(() => toIsoDate('2026-7-1')).toThrow(RangeError);
    expect(() => toIsoDate('2026-13-01')).toThrow(RangeError);
    expect(() => toIsoDate(new Date('nonsense'))).toThrow(RangeError);
    expect(dayOfWeek('2026-11-29')).toBe(0); // a Sunday
  });

  it("gives today's date in England, not in UTC", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-07-01')).toBe(true); // Wednesday
    expect(isWorkingDay('2026-07-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-07-05')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day (substitute)
    expect(isWorkingDay(new Date('2026-12-29T00:00:00Z'))).toBe(true);
  });

  it('refuses years it has no bank holidays for', () => {
    expect(() => isWorkingDay('2033-01-04')).toThrow(/2033/);
    expect(() => isWorkingDay('2023-06-01')).toThrow(RangeError);
  });

  it('counts across Easter', () => {
    // Thu 2 Apr 2026 -> (Fri 3 Good Friday, Sat, Sun, Mon 6 Easter Monday) -> Tue 7 Apr.
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    // Easter 2027 falls in March: Thu 25 Mar -> (Fri 26, Sat, Sun, Mon 29) -> Tue 30 Mar.
    expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
  });

  it('counts across Christmas and New Year', () => {
    // Thu 24 Dec 2026 -> (Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day substitute) -> Tue 29.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // Fri 24 Dec 2027 -> (Sat 25, Sun 26, Mon 27 and Tue 28 substitutes) -> Wed 29.
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    // Fri 31 Dec 2027 -> (Sat 1 Jan, Sun 2, Mon 3 New Year substitute) -> Tue 4 Jan 2028.
    expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
    // Wed 23 Dec 2026 + 5: Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), [Fri 1 Jan holiday], Mon 4 Jan (5).
    expect(addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -5)).toBe('2026-12-23');
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(5);
    expect(workingDaysBetween('2027-01-04', '2026-12-23')).toBe(-5);
  });

  it('treats n = 0 as "this date" and starts counting the day after', () => {
    expect(addWorkingDays('2026-07-04', 0)).toBe('2026-07-04');
    expect(addWorkingDays('2026-07-03', 1)).toBe('2026-07-06'); // Friday + 1 = Monday
    expect(addWorkingDays('2026-07-06', -1)).toBe('2026-07-03');
    expect(() => addWorkingDays('2026-07-06', 1.5)).toThrow(RangeError);
    expect(workingDaysBetween('2026-07-06', '2026-07-06')).toBe(0);
  });
});

describe('periodSchedule (due: 15th working day after the quarter end; locks: 10th working day after due)', () => {
  it.each([
    // 2024/25 Q3 ends Tue 31 Dec 2024. Wed 1 Jan is New Year's Day, so Thu 2 Jan is working day 1; Fri 3 (2);
    // Mon 6-Fri 10 (3-7); Mon 13-Fri 17 (8-12); Mon 20 (13), Tue 21 (14), Wed 22 Jan (15) = due.
    // Lock: Thu 23 (1), Fri 24 (2), Mon 27-Fri 31 (3-7), Mon 3 Feb (8), Tue 4 (9), Wed 5 Feb (10).
    [2024, 3, { startDate: '2024-10-01', endDate: '2024-12-31', opensOn: '2025-01-01', dueDate: '2025-01-22', locksOn: '2025-02-05' }],
    // 2024/25 Q4 ends Mon 31 Mar 2025. Tue 1-Fri 4 Apr (1-4); Mon 7-Fri 11 (5-9); Mon 14-Thu 17 (10-13);
    // Fri 18 Good Friday and Mon 21 Easter Monday skipped; Tue 22 (14), Wed 23 Apr (15) = due.
    // Lock: Thu 24 (1), Fri 25 (2), Mon 28-Fri 2 May (3-7), Mon 5 May bank holiday, Tue 6 (8), Wed 7 (9), Thu 8 May (10).
    [2024, 4, { startDate: '2025-01-01', endDate: '2025-03-31', opensOn: '2025-04-01', dueDate: '2025-04-23', locksOn: '2025-05-08' }],
    // 2025/26 Q4 ends Tue 31 Mar 2026. Wed 1 (1), Thu 2 (2), [Fri 3 Good Friday, Mon 6 Easter Monday], Tue 7-Fri 10 (3-6),
    // Mon 13-Fri 17 (7-11), Mon 20-Thu 23 Apr (12-15) = due.
    // Lock: Fri 24 (1), Mon 27-Fri 1 May (2-6), [Mon 4 May], Tue 5-Fri 8 May (7-10).
    [2025, 4, { startDate: '2026-01-01', endDate: '2026-03-31', opensOn: '2026-04-01', dueDate: '2026-04-23', locksOn: '2026-05-08' }],
    // 2026/27 Q1 ends Tue 30 Jun 2026. Wed 1-Fri 3 Jul (1-3), Mon 6-Fri 10 (4-8), Mon 13-Fri 17 (9-13), Mon 20 (14),
    // Tue 21 Jul (15) = due. Lock: Wed 22-Fri 24 (1-3), Mon 27-Fri 31 (4-8), Mon 3 (9), Tue 4 Aug (10).
    [2026, 1, { startDate: '2026-04-01', endDate: '2026-06-30', opensOn: '2026-07-01', dueDate: '2026-07-21', locksOn: '2026-08-04' }],
    // 2026/27 Q2 ends Wed 30 Sep 2026. Thu 1, Fri 2 Oct (1-2), Mon 5-Fri 9 (3-7), Mon 12-Fri 16 (8-12), Mon 19 (13),
    // Tue 20 (14), Wed 21 Oct (15) = due. Lock: Thu 22, Fri 23 (1-2), Mon 26-Fri 30 (3-7), Mon 2-Wed 4 Nov (8-10).
    [2026, 2, { startDate: '2026-07-01', endDate: '2026-09-30', opensOn: '2026-10-01', dueDate: '2026-10-21', locksOn: '2026-11-04' }],
    // 2026/27 Q3 ends Thu 31 Dec 2026. Fri 1 Jan 2027 is New Year's Day; Mon 4-Fri 8 (1-5), Mon 11-Fri 15 (6-10),
    // Mon 18-Fri 22 Jan (11-15) = due. Lock: Mon 25-Fri 29 (1-5), Mon 1-Fri 5 Feb (6-10).
    [2026, 3, { startDate: '2026-10-01', endDate: '2026-12-31', opensOn: '2027-01-01', dueDate: '2027-01-22', locksOn: '2027-02-05' }],
    // 2026/27 Q4 ends Wed 31 Mar 2027 (Easter 2027 is already over). Thu 1, Fri 2 Apr (1-2), Mon 5-Fri 9 (3-7),
    // Mon 12-Fri 16 (8-12), Mon 19-Wed 21 Apr (13-15) = due. Lock: Thu 22, Fri 23 (1-2), Mon 26-Fri 30 (3-7),
    // [Mon 3 May], Tue 4-Thu 6 May (8-10).
    [2026, 4, { startDate: '2027-01-01', endDate: '2027-03-31', opensOn: '2027-04-01', dueDate: '2027-04-21', locksOn: '2027-05-06' }],
    // 2027/28 Q3 ends Fri 31 Dec 2027. [Mon 3 Jan 2028 New Year substitute], Tue 4-Fri 7 (1-4), Mon 10-Fri 14 (5-9),
    // Mon 17-Fri 21 (10-14), Mon 24 Jan (15) = due. Lock: Tue 25-Fri 28 (1-4), Mon 31 Jan-Fri 4 Feb (5-9), Mon 7 Feb (10).
    [2027, 3, { startDate: '2027-10-01', endDate: '2027-12-31', opensOn: '2028-01-01', dueDate: '2028-01-24', locksOn: '2028-02-07' }],
    // 2027/28 Q4 (leap year) ends Fri 31 Mar 2028. Mon 3-Fri 7 Apr (1-5), Mon 10-Thu 13 (6-9), [Fri 14 Good Friday,
    // Mon 17 Easter Monday], Tue 18-Fri 21 (10-13), Mon 24 (14), Tue 25 Apr (15) = due.
    // Lock: Wed 26-Fri 28 (1-3), [Mon 1 May bank holiday], Tue 2-Fri 5 (4-7), Mon 8-Wed 10 May (8-10).
    [2027, 4, { startDate: '2028-01-01', endDate: '2028-03-31', opensOn: '2028-04-01', dueDate: '2028-04-25', locksOn: '2028-05-10' }],
  ])('%i Q%i', (financialYear, quarter, expected) => {
    expect(periodSchedule(financialYear, quarter)).toEqual(expected);
  });

  it('takes its working-day counts from the configuration', () => {
    // 2026/27 Q1 ends Tue 30 Jun: 10th working day after is Tue 14 Jul; 5 more is Tue 21 Jul.
    expect(periodSchedule(2026, 1, { dueWorkingDays: 10, lockWorkingDays: 5 })).toMatchObject({
      opensOn: '2026-07-01',
      dueDate: '2026-07-14',
      locksOn: '2026-07-21',
    });
    // A partial configuration keeps the other default.
    expect(periodSchedule(2026, 1, { lockWorkingDays: 1 })).toMatchObject({ dueDate: '2026-07-21', locksOn: '2026-07-22' });
    expect(() => periodSchedule(2026, 1, { dueWorkingDays: 0 })).toThrow(RangeError);
  });

  it('always keeps end < opens <= due <= locks (the database CHECK), 2024/25-2030/31', () => {
    for (let year = 2024; year <= 2030; year += 1) {
      for (const quarter of [1, 2, 3, 4]) {
        const s = periodSchedule(year, quarter);
        expect(s.startDate < s.endDate).toBe(true);
        expect(s.endDate < s.opensOn).toBe(true);
        expect(s.opensOn <= s.dueDate).toBe(true);
        expect(s.dueDate < s.locksOn).toBe(true);
        expect(isWorkingDay(s.dueDate)).toBe(true);
        expect(isWorkingDay(s.locksOn)).toBe(true);
        expect(workingDaysBetween(s.endDate, s.dueDate)).toBe(15);
        expect(workingDaysBetween(s.dueDate, s.locksOn)).toBe(10);
      }
    }
  });
});
