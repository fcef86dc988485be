// Completeness: the ONE implementation of "every question of a return is answered before it is submitted: zero is
// a value, a blank needs a reason". submitReturn refuses a return with unanswered questions, PerformanceReturn
// .unanswered lists them, and the provider's pages (app/components/return/model.ts: measureAnswered, measureProblems
// with requireAnswers) use it on their form fields. Pure and browser-safe: no Prisma, no Node-only imports.
//
// - Only required measures (TemplateSectionMeasure.required) need an answer; others may stay blank.
// - A measure's cells are its total ('', absent for a breakdown-only measure) and each cell of its breakdown
//   ("POLICE", or "A|B" for two breakdowns). A cell is blank when it has no value (null, or nothing but spaces).
//   0 is a value.
// - A required measure is answered when none of its cells is blank, or when the measure says why its blanks are
//   blank: a reason for blanks is one per measure (the form has one "why is it blank" field per measure, and saves
//   it on every blank cell), so any non-blank blankReason on a row of the measure answers its blank cells.
// - A value that cannot be read ("abc") is not blank: it is answered here and refused by the parser
//   (graphql/domain/values.ts) instead.
// - TEXT measures are the same: the text, or a reason why it is blank.
// - "No activity this quarter" (PerformanceReturn.noActivity) is a declaration, not an answer: it does not answer
//   any question by itself. Declaring it on the return page answers the activity sections for the provider (every
//   blank count becomes 0 and other blank figures get the reason "No activity this quarter"), and the sections it
//   does not cover (about the service, narrative, finance) still need answers. An API client that declares it must
//   send those zeros and reasons too: a return is complete when its stored values are.
//
// Messages are the pages' ("Enter referrals received (0 if there were none), or say why it is blank"). Fields
// follow the API's problem convention: "CODE" for a measure or its total, "CODE[KEY]" for one cell.

export interface CompletenessMeasure {
  code: string;
  label: string;
  /** The measure unit ('COUNT', 'MONEY', 'TEXT', ...). */
  unit: string;
  required: boolean;
  /** The breakdown keys of its cells in order: '' for its total (absent when breakdown-only), then each cell. */
  keys: readonly string[];
}

/** A stored value (PerformanceReturn.values) or a form's cell: null or '' when blank. */
export interface CompletenessValue {
  measureCode: string;
  breakdownKey: string;
  value?: string | null;
  blankReason?: string | null;
}

export interface Unanswered {
  measureCode: string;
  /** "CODE" or "CODE[KEY]": the first blank cell when every cell is blank, else the measure (its reason is missing). */
  field: string;
  message: string;
  /** Whether every cell is blank (nothing answered), or only some of them. */
  allBlank: boolean;
  /** The keys of its blank cells, in order. */
  blankKeys: string[];
}

/** The API's problem field of a cell: "CODE" for the total, "CODE[KEY]" for a cell. */
export const problemField = (code: string, key = '') => (key ? `${code}[${key}]` : code);

const isBlank = (text: string | null | undefined) => (text ?? '').trim() === '';
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** "Referrals received, by source" reads better without its ", by source" in a message. */
const shortLabel = (label: string) => label.replace(/, by [^,]+$/, '');

/**
 * Whether one measure is answered; when not, why. `valueOf(key)` is the value of a cell (blank: null or ''),
 * `reason` the measure's reason for blanks.
 */
export function unansweredMeasure(
  measure: CompletenessMeasure,
  valueOf: (key: string) => string | null | undefined,
  reason: string | null | undefined,
): Unanswered | null {
  if (!measure.required) return null;
  const blankKeys = measure.keys.filter((key) => isBlank(valueOf(key)));
  if (blankKeys.length === 0 || !isBlank(reason)) return null;
  const blanks = blankKeys.length;
  const allBlank = blanks === measure.keys.length;
  const name = lower(shortLabel(measure.label));
  return {
    measureCode: measure.code,
    field: allBlank ? problemField(measure.code, blankKeys[0]) : measure.code,
    allBlank,
    blankKeys,
    message: allBlank
      ? measure.unit === 'TEXT'
        ? `Enter ${lower(measure.label)}, or say why it is blank`
        : `Enter ${name} (0 if there were none), or say why it is blank`
      : `Say why ${blanks === 1 ? '1 figure' : `${blanks} figures`} of ${name} ${blanks === 1 ? 'is' : 'are'} blank, or fill ${
          blanks === 1 ? 'it' : 'them'
        } in (0 is a figure)`,
  };
}

/**
 * The required measures of a return that are not answered, in the order of `measures`, from its stored values
 * (rows for keys that are not cells of the measure are ignored; a reason on any row of the measure counts).
 */
export function unansweredMeasures(measures: Iterable<CompletenessMeasure>, values: Iterable<CompletenessValue>): Unanswered[] {
  const byMeasure = new Map<string, { cells: Map<string, string | null | undefined>; reason: string | null }>();
  for (const row of values) {
    let entry = byMeasure.get(row.measureCode);
    if (!entry) byMeasure.set(row.measureCode, (entry = { cells: new Map(), reason: null }));
    entry.cells.set(row.breakdownKey, row.value);
    if (entry.reason === null && !isBlank(row.blankReason)) entry.reason = row.blankReason!;
  }
  const found: Unanswered[] = [];
  for (const measure of measures) {
    const entry = byMeasure.get(measure.code);
    const problem = unansweredMeasure(measure, (key) => entry?.cells.get(key), entry?.reason);
    if (problem) found.push(problem);
  }
  return found;
}
