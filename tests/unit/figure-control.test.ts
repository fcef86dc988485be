// The rule for a figure of one return (graphql/types/figure-control.ts): exact for everyone but the Commissioner; for
// the Commissioner counts of people under CSA-SDC-1 in words, waiting times in days hidden, everything else exact.
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { DisclosureInputError } from '../../graphql/domain/disclosure';
import {
  controlsPeopleCounts,
  HIDDEN_WAITING_TIME_TEXT,
  RETURN_DISCLOSURE_NOTE,
  returnDisclosureNote,
  shownFigure,
} from '../../graphql/types/figure-control';

const viewer = (role: Viewer['role']): Viewer => ({
  userId: '00000000-0000-4000-8000-000000000001',
  label: 'test',
  role,
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationKind: role === 'PROVIDER' ? 'PROVIDER' : 'OPCC',
  via: 'session',
});

const commissioner = viewer('COMMISSIONER');
const PEOPLE = { unit: 'COUNT', countsPeople: true };

describe('shownFigure', () => {
  it('controls counts of people for the Commissioner: 0, fewer than 8, the nearest 5', () => {
    const shown = (n: string) => shownFigure(commissioner, n, PEOPLE);
    expect(shown('0')).toEqual({ value: '0', controlled: false });
    expect(shown('1')).toEqual({ value: 'fewer than 8', controlled: true });
    expect(shown('7')).toEqual({ value: 'fewer than 8', controlled: true });
    expect(shown('8')).toEqual({ value: '10', controlled: true });
    // Already a multiple of 5: still controlled, or `controlled` would tell 10 apart from 8, 9, 11 and 12.
    expect(shown('10')).toEqual({ value: '10', controlled: true });
    expect(shown('12')).toEqual({ value: '10', controlled: true });
    expect(shown('13')).toEqual({ value: '15', controlled: true });
    // The field's canonical form: digits, no thousands separators.
    expect(shown('1234')).toEqual({ value: '1235', controlled: true });
  });

  it('gives everyone else exact figures', () => {
    for (const role of ['ADMIN', 'POLICY_OFFICER', 'PROVIDER'] as const) {
      expect(shownFigure(viewer(role), '5', PEOPLE), role).toEqual({ value: '5', controlled: false });
      expect(shownFigure(viewer(role), '12', { unit: 'DAYS', countsPeople: false }), role).toEqual({ value: '12', controlled: false });
      expect(controlsPeopleCounts(viewer(role)), role).toBe(false);
      expect(returnDisclosureNote(viewer(role)), role).toBeNull();
    }
    expect(shownFigure(null, '5', PEOPLE)).toEqual({ value: '5', controlled: false });
  });

  it('does not control money, staff counts, percentages or text, and hides days from the Commissioner', () => {
    expect(shownFigure(commissioner, '1250.50', { unit: 'MONEY', countsPeople: false })).toEqual({ value: '1250.50', controlled: false });
    expect(shownFigure(commissioner, '3', { unit: 'COUNT', countsPeople: false })).toEqual({ value: '3', controlled: false });
    expect(shownFigure(commissioner, '2.5', { unit: 'DECIMAL', countsPeople: false })).toEqual({ value: '2.5', controlled: false });
    expect(shownFigure(commissioner, '45.5', { unit: 'PERCENT', countsPeople: false })).toEqual({ value: '45.5', controlled: false });
    expect(shownFigure(commissioner, 'Five children', { unit: 'TEXT', countsPeople: false })).toEqual({
      value: 'Five children',
      controlled: false,
    });
    expect(shownFigure(commissioner, '12', { unit: 'DAYS', countsPeople: false })).toEqual({ value: HIDDEN_WAITING_TIME_TEXT, controlled: true });
    expect(shownFigure(commissioner, '0', { unit: 'DAYS', countsPeople: false })).toEqual({ value: HIDDEN_WAITING_TIME_TEXT, controlled: true });
  });

  it('leaves blanks blank, and refuses a count of people that is not a whole number', () => {
    expect(shownFigure(commissioner, null, PEOPLE)).toEqual({ value: null, controlled: false });
    expect(shownFigure(commissioner, null, { unit: 'DAYS', countsPeople: false })).toEqual({ value: null, controlled: false });
    expect(() => shownFigure(commissioner, '2.5', PEOPLE)).toThrow(DisclosureInputError);
    expect(() => shownFigure(commissioner, '-1', PEOPLE)).toThrow(DisclosureInputError);
  });

  it('says in words what control does, for the Commissioner', () => {
    expect(controlsPeopleCounts(commissioner)).toBe(true);
    expect(returnDisclosureNote(commissioner)).toBe(RETURN_DISCLOSURE_NOTE);
    expect(RETURN_DISCLOSURE_NOTE).toContain('"fewer than 8"');
    expect(RETURN_DISCLOSURE_NOTE).toContain('Figures are rounded and may not sum.');
  });
});
