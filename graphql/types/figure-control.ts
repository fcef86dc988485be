// Disclosure control (rule CSA-SDC-1, graphql/domain/disclosure.ts) for the figures of ONE return: the values of a
// return, of its frozen versions, of the comparison between versions, of its history beside the previous quarters and
// of the previous quarter's answers in its form. The dashboards control their figures through PeopleCount/Percentage/
// Statistic (graphql/types/dashboard-filter.ts); a return's figures are canonical text ("12", "1250.50", a text
// answer), so this helper answers text too. Applied in the API, never in components: a page shows what it is given.
//
// Who sees what (../shared/docs/domain.md "Roles" and "Disclosure control"):
// - The COMMISSIONER sees approved returns only (visibleReturns), and their counts of people (a measure with
//   countsPeople) under control, in words: 0 stays "0", 1 to 7 becomes "fewer than 8", 8 or more is rounded to the
//   nearest 5 and written as a whole number ("15", "1235": the canonical form of the field, no separators). A total
//   (the '' row, or the sum of a breakdown-only measure's cells) is worked out from the exact figures and controlled
//   on its own; each cell of a breakdown is controlled on its own.
//   Medians and waiting times in days (unit DAYS) are hidden from the Commissioner ("Hidden: ..."): the rule shows
//   them only with 8 or more people behind them, and a return does not say how many there are (the exports withhold
//   them too, graphql/types/export.ts).
// - Everyone else who may see the return (the provider: its own figures; policy officers and admins: the reviewing
//   officers) sees exact figures.
// - Not controlled, for anyone: money, staff counts and FTE, numbers of sessions or reports, percentages typed by the
//   provider, and text answers (measures without countsPeople, other than days).
// - Officer and provider working tools that quote or reveal exact figures (comments beside figures, check results,
//   query threads, the CSV template) are refused to the Commissioner with FORBIDDEN: see `notForCommissioner`.
import type { Context, Viewer } from '../context';
import { controlCount, DisclosureInputError, DISCLOSURE_RULE_TEXT, ROUNDING_FOOTNOTE, SUPPRESSED_TEXT } from '../domain/disclosure';

/** What the helper needs to know about a figure's measure. */
export interface FigureMeasure {
  unit: string;
  countsPeople: boolean;
}

/** A figure as a viewer may see it. */
export interface ShownFigure {
  /** Canonical text ("12", "1250.50", a text answer), "fewer than 8" when suppressed; null when blank. */
  value: string | null;
  /**
   * Disclosure control suppressed, rounded or hid it: every count of people of 1 or more shown to the Commissioner -
   * also one that is already a multiple of 5, so that `controlled` never tells 10 apart from 8, 9, 11 or 12 - and every
   * figure in days. False for exact figures, for a count of 0 (0 is shown as 0) and for blanks.
   */
  controlled: boolean;
}

/** The viewer gets counts of people under disclosure control: the Commissioner. */
export const controlsPeopleCounts = (viewer: Viewer | null | undefined): boolean => viewer?.role === 'COMMISSIONER';

const WHOLE = /^\d+$/;

/** How a median or waiting time (days) reads for the Commissioner. */
export const HIDDEN_WAITING_TIME_TEXT = 'Hidden: not known to have 8 or more people behind it';

/** The figure is one disclosure control applies to: a count of people, with a number (not a blank or a text). */
const isPeopleCount = (measure: FigureMeasure) => measure.countsPeople && measure.unit !== 'TEXT' && measure.unit !== 'MONEY';

/**
 * THE rule for a figure of a return: `figure` is its canonical text (or null when blank). Exact for everyone but the
 * Commissioner; for the Commissioner a count of people becomes its controlled form in words ("0", "fewer than 8",
 * "15") and a median or waiting time in days is hidden (HIDDEN_WAITING_TIME_TEXT). A count of people that is not a
 * whole number >= 0 is a bug upstream (values are validated when saved): it is refused with a DisclosureInputError
 * rather than shown.
 */
export function shownFigure(viewer: Viewer | null | undefined, figure: string | null, measure: FigureMeasure): ShownFigure {
  if (figure === null || !controlsPeopleCounts(viewer)) return { value: figure, controlled: false };
  if (measure.unit === 'DAYS') return { value: HIDDEN_WAITING_TIME_TEXT, controlled: true };
  if (!isPeopleCount(measure)) return { value: figure, controlled: false };
  const text = figure.trim();
  if (!WHOLE.test(text)) throw new DisclosureInputError(`A count of people must be a whole number (got "${figure}")`);
  const controlled = controlCount(BigInt(text));
  if (controlled.kind === 'zero') return { value: '0', controlled: false };
  if (controlled.kind === 'suppressed') return { value: SUPPRESSED_TEXT, controlled: true };
  return { value: String(controlled.value), controlled: true };
}

/** shownFigure's text only. */
export const shownValue = (viewer: Viewer | null | undefined, figure: string | null, measure: FigureMeasure): string | null =>
  shownFigure(viewer, figure, measure).value;

/**
 * Field-level authScopes for officer and provider working tools that quote or reveal exact figures about people
 * (comments beside figures, check results, query threads, the CSV template): anyone who may see the return except
 * the Commissioner, who gets FORBIDDEN.
 */
export const notForCommissioner = (_parent: unknown, _args: unknown, ctx: Context): boolean =>
  !!ctx.viewer && !controlsPeopleCounts(ctx.viewer);

/** The words added to the description of a field refused to the Commissioner. */
export const NOT_FOR_COMMISSIONER_TEXT =
  'Not for the Commissioner (FORBIDDEN): it can quote or reveal exact counts of people, which reach the Commissioner ' +
  'only under disclosure control (CSA-SDC-1).';

/** The words added to the description of a figure that is controlled for the Commissioner. */
export const CONTROLLED_FIGURE_TEXT =
  'For the Commissioner, counts of people are under disclosure control (CSA-SDC-1): 0 stays "0", 1 to 7 is "fewer than 8", ' +
  '8 or more is rounded to the nearest 5 ("15"); totals are controlled on their own; medians and waiting times in days are hidden ' +
  `("${HIDDEN_WAITING_TIME_TEXT}"). Exact for the provider and OPCC officers. ` +
  'Money, staff counts, percentages and text answers are never controlled.';

/** What `controlled` means, for the description of each such field. */
export const CONTROLLED_FLAG_TEXT =
  'true when disclosure control (CSA-SDC-1) suppressed, rounded or hid the figure (the Commissioner: a count of people of 1 or ' +
  'more, or days); false for exact figures, 0 and blanks.';

/** The note of a return shown to the Commissioner: what disclosure control does to its figures, in words. */
export const RETURN_DISCLOSURE_NOTE = [
  DISCLOSURE_RULE_TEXT[0]!,
  `Counts of 1 to 7 people are shown as "${SUPPRESSED_TEXT}"; 0 is shown as 0. Counts of 8 or more people are rounded to the nearest 5.`,
  `Totals are worked out from the exact figures and rounded on their own. ${ROUNDING_FOOTNOTE}`,
  'Medians and waiting times in days are hidden: the rule shows them only when 8 or more people are behind them, and a ' +
    'return does not say how many there are.',
  'Money, staff counts, percentages and text answers are not controlled.',
].join(' ');

/** RETURN_DISCLOSURE_NOTE for the Commissioner, null for viewers who see exact figures. */
export const returnDisclosureNote = (viewer: Viewer | null | undefined): string | null =>
  controlsPeopleCounts(viewer) ? RETURN_DISCLOSURE_NOTE : null;
