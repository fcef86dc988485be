// todayInLondon reuses its answer within a UTC hour (London's offset from UTC is a whole number of hours): the
// answers must be exactly the time zone database's, at every step across midnights and clock changes.
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '../../graphql/domain/periods';

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('todayInLondon', () => {
  it('agrees with the time zone database every 7 minutes for two years, in order and out of order', () => {
    const instants: number[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 60_000) instants.push(t);
    const shuffled = [...instants].sort((a, b) => ((a * 2654435761) % 1000) - ((b * 2654435761) % 1000));
    for (const t of [...instants, ...shuffled]) expect(todayInLondon(new Date(t))).toBe(LONDON.format(t));
  });

  it('changes date at midnight in London, in summer (23:00 UTC) and winter (00:00 UTC)', () => {
    expect(todayInLondon(new Date('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInLondon(new Date('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(todayInLondon(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01');
  });
});
