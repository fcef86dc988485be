import { describe, expect, it } from 'vitest';
import { unansweredMeasure, unansweredMeasures, type CompletenessMeasure, type CompletenessValue } from '../../graphql/domain/completeness';
import { fieldId, measureAnswered, measureProblems, reasonId, type FormMeasure } from '../../app/components/return/model';

const received: CompletenessMeasure = {
  code: 'REF_RECEIVED',
  label: 'Referrals received, by source',
  unit: 'COUNT',
  required: true,
  keys: ['', 'POLICE', 'NOT_KNOWN'],
};
const waiting: CompletenessMeasure = { code: 'WAITING', label: 'Waiting list at quarter end', unit: 'COUNT', required: true, keys: [''] };
const optional: CompletenessMeasure = { code: 'VOLUNTEERS', label: 'Volunteer hours', unit: 'COUNT', required: false, keys: [''] };
const story: CompletenessMeasure = { code: 'NARR_STORY', label: 'A case study', unit: 'TEXT', required: true, keys: [''] };
// Breakdown-only (its total is another measure) and two-dimensional: no '' cell.
const ages: CompletenessMeasure = {
  code: 'SUP_AGE',
  label: 'People supported, by age and gender',
  unit: 'COUNT',
  required: true,
  keys: ['AGE_0_12|GIRL', 'AGE_0_12|BOY'],
};

const row = (measureCode: string, breakdownKey: string, value: string | null, blankReason: string | null = null): CompletenessValue => ({
  measureCode,
  breakdownKey,
  value,
  blankReason,
});

describe('unansweredMeasures', () => {
  it('names a required measure with no rows at all, on its total', () => {
    expect(unansweredMeasures([waiting], [])).toEqual([
      {
        measureCode: 'WAITING',
        field: 'WAITING',
        allBlank: true,
        blankKeys: [''],
        message: 'Enter waiting list at quarter end (0 if there were none), or say why it is blank',
      },
    ]);
  });

  it('names a blank total (null or spaces), with the short label', () => {
    const found = unansweredMeasures([received], [row('REF_RECEIVED', '', null), row('REF_RECEIVED', 'POLICE', '  ')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      field: 'REF_RECEIVED',
      allBlank: true,
      blankKeys: ['', 'POLICE', 'NOT_KNOWN'],
      message: 'Enter referrals received (0 if there were none), or say why it is blank',
    });
  });

  it('counts zero as an answer', () => {
    expect(unansweredMeasures([waiting], [row('WAITING', '', '0')])).toEqual([]);
    expect(
      unansweredMeasures([received], [row('REF_RECEIVED', '', '0'), row('REF_RECEIVED', 'POLICE', '0'), row('REF_RECEIVED', 'NOT_KNOWN', '0')]),
    ).toEqual([]);
  });

  it('accepts a blank with a reason, and not a blank reason', () => {
    expect(unansweredMeasures([waiting], [row('WAITING', '', null, 'The case system was down')])).toEqual([]);
    expect(unansweredMeasures([waiting], [row('WAITING', '', null, '   ')]).map((u) => u.field)).toEqual(['WAITING']);
  });

  it('asks why some cells of a breakdown are blank, naming the measure', () => {
    const found = unansweredMeasures([received], [row('REF_RECEIVED', '', '12'), row('REF_RECEIVED', 'POLICE', '12')]);
    expect(found).toEqual([
      {
        measureCode: 'REF_RECEIVED',
        field: 'REF_RECEIVED',
        allBlank: false,
        blankKeys: ['NOT_KNOWN'],
        message: 'Say why 1 figure of referrals received is blank, or fill it in (0 is a figure)',
      },
    ]);
    const two = unansweredMeasures([received], [row('REF_RECEIVED', '', '12')]);
    expect(two[0]!.message).toBe('Say why 2 figures of referrals received are blank, or fill them in (0 is a figure)');
  });

  it("answers a breakdown's blank cells with the measure's reason on any of its rows", () => {
    const values = [row('REF_RECEIVED', '', '12'), row('REF_RECEIVED', 'POLICE', null, 'Not recorded by source'), row('REF_RECEIVED', 'NOT_KNOWN', null)];
    expect(unansweredMeasures([received], values)).toEqual([]);
  });

  it('names the first cell of a blank breakdown-only measure as CODE[KEY]', () => {
    const found = unansweredMeasures([ages], [row('SUP_AGE', 'AGE_0_12|BOY', '')]);
    expect(found.map((u) => [u.field, u.message])).toEqual([
      ['SUP_AGE[AGE_0_12|GIRL]', 'Enter people supported (0 if there were none), or say why it is blank'],
    ]);
    expect(unansweredMeasures([ages], [row('SUP_AGE', 'AGE_0_12|GIRL', '3'), row('SUP_AGE', 'AGE_0_12|BOY', '0')])).toEqual([]);
  });

  it('ignores rows that are not cells of the measure (a stale key does not answer it)', () => {
    expect(unansweredMeasures([waiting], [row('WAITING', 'OLD_KEY', '4')]).map((u) => u.field)).toEqual(['WAITING']);
  });

  it('never asks for measures that are not required', () => {
    expect(unansweredMeasures([optional], [])).toEqual([]);
    expect(unansweredMeasure(optional, () => null, null)).toBeNull();
  });

  it('asks for text measures in their own words', () => {
    expect(unansweredMeasures([story], [row('NARR_STORY', '', ' ')]).map((u) => u.message)).toEqual([
      'Enter a case study, or say why it is blank',
    ]);
    expect(unansweredMeasures([story], [row('NARR_STORY', '', 'A young person found their voice.')])).toEqual([]);
    expect(unansweredMeasures([story], [row('NARR_STORY', '', null, 'No case study this quarter')])).toEqual([]);
  });

  it('counts an unreadable value as answered (the parser refuses it instead)', () => {
    expect(unansweredMeasures([waiting], [row('WAITING', '', 'twelve')])).toEqual([]);
  });

  it('lists every unanswered measure in the order given', () => {
    const found = unansweredMeasures([story, waiting, optional, received], [row('REF_RECEIVED', '', '1')]);
    expect(found.map((u) => u.measureCode)).toEqual(['NARR_STORY', 'WAITING', 'REF_RECEIVED']);
  });
});

describe('the form uses the same rule (app/components/return/model.ts)', () => {
  const formMeasure: FormMeasure = {
    code: 'REF_RECEIVED',
    label: 'Referrals received, by source',
    unit: 'COUNT',
    direction: 'NEUTRAL',
    required: true,
    breakdown: {
      code: 'SOURCE',
      label: 'Source',
      options: [
        { code: 'POLICE', label: 'Police', isNotKnown: false },
        { code: 'NOT_KNOWN', label: 'Not known', isNotKnown: true },
      ],
    },
  };
  const total = fieldId('REF_RECEIVED');
  const police = fieldId('REF_RECEIVED', 'POLICE');
  const notKnown = fieldId('REF_RECEIVED', 'NOT_KNOWN');

  it('puts an all-blank measure on its first cell and a partly blank one on its reason', () => {
    expect(measureAnswered(formMeasure, {})).toBe(false);
    expect(measureProblems(formMeasure, {}, { requireAnswers: true })).toEqual([
      { field: total, message: 'Enter referrals received (0 if there were none), or say why it is blank' },
    ]);
    const partly = { [total]: '3', [police]: '0', [notKnown]: '' };
    expect(measureAnswered(formMeasure, partly)).toBe(false);
    expect(measureProblems(formMeasure, partly, { requireAnswers: true })).toEqual([
      { field: reasonId('REF_RECEIVED'), message: 'Say why 1 figure of referrals received is blank, or fill it in (0 is a figure)' },
    ]);
    expect(measureProblems(formMeasure, partly)).toEqual([]);
  });

  it('answers with zeros or with a reason, and not-required measures always', () => {
    expect(measureAnswered(formMeasure, { [total]: '0', [police]: '0', [notKnown]: '0' })).toBe(true);
    expect(measureAnswered(formMeasure, { [total]: '3', [reasonId('REF_RECEIVED')]: 'Source not recorded' })).toBe(true);
    expect(measureAnswered({ ...formMeasure, required: false }, {})).toBe(true);
  });
});
