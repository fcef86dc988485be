// Disclosure control, rule CSA-SDC-1 (../shared/docs/domain.md, "Disclosure control"): the ONE implementation of how
// figures about people are shown when they leave the need-to-know circle (Commissioner views, exports, the briefing
// pack, anything published). Exact figures are stored and used for every calculation; these functions are applied
// last, to what is shown. Pure: no Prisma, no Node-only imports, so a page can use them as they are.
//
// - Counts of people: 0 stays 0; 1-7 is suppressed ("fewer than 8" in words, `[c]` in exports); 8 and above is
//   rounded to the nearest 5, halves up (8 -> 10, 12 -> 10, 13 -> 15, 17 -> 15, 18 -> 20; a whole number is never
//   exactly half-way, so "halves up" never decides). A count of 8 or more is ALWAYS kind 'rounded', even when it is
//   already a multiple of 5 (10 -> 10): a kind that said "exact" for 10 would tell 10 apart from 8, 9, 11 and 12.
//   Counts must be whole numbers from 0 to Number.MAX_SAFE_INTEGER (numbers or bigints); anything else (2.5, -1,
//   NaN, Infinity) is refused with a DisclosureInputError - a fractional "count" is a bug upstream, not a figure.
// - Totals are worked out from the EXACT parts, then controlled on their own (controlTotal); they may then differ
//   from the sum of the controlled parts, so the table carries ROUNDING_FOOTNOTE whenever any of its figures was
//   rounded. The exact total is never part of the answer.
// - Percentages (controlPercentage): hidden when the denominator is under 10, the numerator is 1-7, or denominator
//   minus numerator is 1-7 (checked in that order; the first reason found is given, in words). Otherwise worked out
//   from the ROUNDED numerator and denominator, to the nearest whole percent, halves up (12.5% -> 13%), in integer
//   arithmetic (BigInt) so no float decides a boundary. A numerator above its denominator is refused.
// - Means, medians and waiting times (controlStatistic) need 8 or more people behind them, else they are hidden
//   ("Hidden: fewer than 8 people"). A cost per person (controlCostPerPerson) is a mean too: hidden under 8 people,
//   otherwise the exact amount divided by the ROUNDED count of people (as percentages use rounded figures), to the
//   penny, halves up - dividing by the exact count would let anyone recover the exact count from the (uncontrolled)
//   amount.
// - Published breakdowns use collapsed bands (age: Under 13, 13-17, 18+ and Not known - the codes of
//   BreakdownOption.publishedBand in seeds/measures.ts). collapseToBands adds up the EXACT cells of each band first;
//   control is applied to the band totals afterwards. One protected characteristic per table: for a two-dimensional
//   key ('AGE_13_15|GIRL_WOMAN') the chosen dimension is banded and the other is added up.
// - Not controlled: money, staff counts (FTE) and numbers of services - they are not about individual children.
//   Convention: pass the measure's countsPeople flag (and whether the audience gets controlled figures) to
//   controlIf; exactCount gives the same shape, kind 'exact', for figures shown as they are. Money is never passed
//   to these functions as a count: it is formatted with formatPounds.
// - Every controlled output says so in words: `display` is the words for a page ("fewer than 8", "Hidden: fewer
//   than 10 people"), `exportValue` is a real number or `[c]` for CSV and XLSX, `value` is the number for an API
//   (null when suppressed or hidden). describeControl states in sentences what was applied to a table, for its
//   footnote and the export's notes sheet; DISCLOSURE_RULE_TEXT states the whole rule.
//
// Secondary suppression (docs/decisions/0006-secondary-suppression.md): the rule as written lets a suppressed part of
// a table be solved from its rounded total and the other parts' rounding ranges ([18, 1, 38] -> 20, "fewer than 8",
// 40, total 55: 55 is 53-57, 20 is 18-22, 40 is 38-42, so the hidden part is at most 57 - 18 - 38 = 1). controlTotal
// therefore also hides ("protects") the smallest shown part, and if need be the total, until every suppressed part
// has at least two values consistent with what is shown (interval reasoning over the published ranges, exact for
// one linear equation of whole numbers). A protected figure reads "hidden" (`[c]` in exports) and the table says so
// in words (PROTECTED_SENTENCE). This only ever hides more than the rule: it never shows a figure the rule hides.

// ---------------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------------

/** The smallest count of people shown (as a rounded figure); 1 to 7 are suppressed. */
export const MIN_SHOWN_COUNT = 8;
/** Counts of MIN_SHOWN_COUNT and above are rounded to a multiple of this. */
export const ROUNDING_BASE = 5;
/** Percentages need a denominator of at least this many people. */
export const MIN_PERCENTAGE_DENOMINATOR = 10;
/** Means, medians, waiting times and costs per person need at least this many people behind them. */
export const MIN_PEOPLE_FOR_STATISTIC = 8;

/** How a suppressed count reads on a page. */
export const SUPPRESSED_TEXT = 'fewer than 8';
/** How a count hidden only to protect a suppressed one (secondary suppression) reads on a page. */
export const PROTECTED_TEXT = 'hidden';
/** What a table with a protected count says about it. */
export const PROTECTED_SENTENCE =
  'Some figures are hidden ("hidden") so that a count of fewer than 8 cannot be worked out from the other figures and the total.';
/** How a suppressed count or a hidden percentage or statistic is written in CSV and XLSX exports. */
export const SUPPRESSED_EXPORT = '[c]';
/** The footnote of any table with rounded figures. */
export const ROUNDING_FOOTNOTE = 'Figures are rounded and may not sum.';

export const HIDDEN_SMALL_DENOMINATOR = 'Hidden: fewer than 10 people';
export const HIDDEN_SMALL_NUMERATOR = 'Hidden: fewer than 8 people in this group';
export const HIDDEN_SMALL_COMPLEMENT = 'Hidden: fewer than 8 people outside this group';
export const HIDDEN_FEW_PEOPLE = 'Hidden: fewer than 8 people';

/** The whole rule in words, for an export's notes sheet and the pages that explain the figures. */
export const DISCLOSURE_RULE_TEXT: readonly string[] = [
  'Figures about people are controlled to protect the children and young people behind them (rule CSA-SDC-1).',
  `Counts of 1 to 7 people are shown as "${SUPPRESSED_TEXT}" (${SUPPRESSED_EXPORT} in exports); 0 is shown as 0.`,
  'Counts of 8 or more people are rounded to the nearest 5.',
  `Totals are worked out from the exact figures and rounded on their own. ${ROUNDING_FOOTNOTE}`,
  PROTECTED_SENTENCE,
  'A percentage is hidden when it is based on fewer than 10 people, or when the people it counts, or the people it ' +
    'leaves out, number 1 to 7. Other percentages are worked out from the rounded figures, to the nearest whole percent.',
  'Averages, medians, waiting times and costs per person are shown only when 8 or more people are behind them; ' +
    'costs per person use the rounded number of people.',
  'Age is shown in the bands under 13, 13-17 and 18+, and each table shows one protected characteristic.',
  'Money, staff counts and numbers of services are not controlled.',
];

/** Refused input: a count that is not a whole number >= 0, a numerator above its denominator, an unknown band. */
export class DisclosureInputError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DisclosureInputError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------------------------

/** A whole number of people: a number or a bigint (PostgreSQL's count(*) and sum(int) arrive as bigints). */
export type CountInput = number | bigint;

export type ControlledCount =
  /** 0 people: shown as it is. */
  | { kind: 'zero'; value: 0; display: '0'; exportValue: 0 }
  /** 1 to 7 people: never shown. */
  | { kind: 'suppressed'; value: null; display: typeof SUPPRESSED_TEXT; exportValue: typeof SUPPRESSED_EXPORT }
  /** Hidden only so that a suppressed figure in the same table cannot be worked out (secondary suppression). */
  | { kind: 'protected'; value: null; display: typeof PROTECTED_TEXT; exportValue: typeof SUPPRESSED_EXPORT }
  /** 8 or more people: the nearest multiple of 5. */
  | { kind: 'rounded'; value: number; display: string; exportValue: number }
  /** Not controlled (not about people, or an audience that sees exact figures): the figure as it is. */
  | { kind: 'exact'; value: number; display: string; exportValue: number };

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

const describeInput = (n: unknown): string => (typeof n === 'bigint' ? `${n}n` : String(n));

/** The input as a safe whole number >= 0, or a DisclosureInputError naming `what`. */
function wholeCount(n: CountInput, what = 'A count of people'): number {
  if (typeof n === 'bigint') {
    if (n < 0n) throw new DisclosureInputError(`${what} cannot be negative (got ${n})`);
    if (n > BigInt(Number.MAX_SAFE_INTEGER))
      throw new DisclosureInputError(`${what} is too large to control exactly (got ${n})`);
    return Number(n);
  }
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new DisclosureInputError(`${what} must be a whole number (got ${describeInput(n)})`);
  }
  if (n < 0) throw new DisclosureInputError(`${what} cannot be negative (got ${n})`);
  if (!Number.isSafeInteger(n)) throw new DisclosureInputError(`${what} is too large to control exactly (got ${n})`);
  return n === 0 ? 0 : n; // -0 is 0
}

/**
 * A whole number >= 0 rounded to the nearest multiple of 5, halves up (a whole number is never half-way).
 * Exact for every safe integer: no division, no float.
 */
export function roundToNearest5(n: CountInput): number {
  const whole = wholeCount(n);
  const remainder = whole % ROUNDING_BASE;
  // 0, 1, 2 round down; 3, 4 round up. The largest safe integer ends in 1, so rounding up never leaves safe range.
  return remainder < 3 ? whole - remainder : whole - remainder + ROUNDING_BASE;
}

/** A count of people under CSA-SDC-1: 0 -> 0, 1-7 -> suppressed, 8+ -> rounded to the nearest 5. */
export function controlCount(n: CountInput): ControlledCount {
  const whole = wholeCount(n);
  if (whole === 0) return { kind: 'zero', value: 0, display: '0', exportValue: 0 };
  if (whole < MIN_SHOWN_COUNT) {
    return { kind: 'suppressed', value: null, display: SUPPRESSED_TEXT, exportValue: SUPPRESSED_EXPORT };
  }
  const rounded = roundToNearest5(whole);
  return { kind: 'rounded', value: rounded, display: WHOLE.format(rounded), exportValue: rounded };
}

/**
 * A figure shown as it is, in the same shape as a controlled count: figures that are not about people (staff FTE,
 * numbers of services), or any figure for an audience that sees exact figures. Any finite number >= 0
 * (FTE may have decimals); shown with up to 2 decimal places.
 */
export function exactCount(n: CountInput): ControlledCount {
  const value = typeof n === 'bigint' ? wholeCount(n, 'A figure') : n;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DisclosureInputError(`A figure must be a finite number (got ${describeInput(n)})`);
  }
  if (value < 0) throw new DisclosureInputError(`A figure cannot be negative (got ${value})`);
  const plain = value === 0 ? 0 : value;
  return { kind: 'exact', value: plain, display: DECIMAL.format(plain), exportValue: plain };
}

/**
 * The convention for what is controlled: `controlIf(measure.countsPeople && audienceIsControlled, n)`.
 * true -> controlCount (n must be a whole number); false -> exactCount (money never comes here).
 */
export function controlIf(control: boolean, n: CountInput): ControlledCount {
  return control ? controlCount(n) : exactCount(n);
}

// ---------------------------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------------------------

export interface ControlledTotal {
  /** Each part controlled on its own, in the order given. */
  parts: ControlledCount[];
  /** The exact parts' sum, controlled on its own. */
  total: ControlledCount;
  /** ROUNDING_FOOTNOTE when any part or the total was rounded, else null. */
  footnote: string | null;
}

/**
 * Controls a breakdown and its total: the total is the sum of the EXACT parts, controlled on its own (parts 3, 4, 5
 * -> each "fewer than 8", total 12 -> 10). The exact total is not returned. Then secondary suppression: while some
 * suppressed part could be worked out to one value from the figures shown, the smallest shown non-zero part is
 * protected (ties: the first), or the total when no part is left to protect.
 */
export function controlTotal(parts: readonly CountInput[]): ControlledTotal {
  const exact = parts.map((part) => wholeCount(part));
  // A sum of safe non-negative integers that leaves safe range is no longer a safe integer: refused by wholeCount.
  const sum = exact.reduce((a, b) => a + b, 0);
  let total: ControlledCount = controlCount(wholeCount(sum, 'A total of people'));
  const controlled: ControlledCount[] = exact.map(controlCount);
  while (controlled.some((part, i) => part.kind === 'suppressed' && candidateRange(controlled, total, i) < 2)) {
    let smallest = -1;
    controlled.forEach((part, i) => {
      if (part.kind === 'rounded' && (smallest < 0 || exact[i]! < exact[smallest]!)) smallest = i;
    });
    if (smallest >= 0) controlled[smallest] = PROTECTED;
    else if (total.kind !== 'protected') total = PROTECTED;
    else break; // unreachable: with the total hidden every suppressed part keeps 1-7 open
  }
  const rounded = total.kind === 'rounded' || controlled.some((part) => part.kind === 'rounded');
  return { parts: controlled, total, footnote: rounded ? ROUNDING_FOOTNOTE : null };
}

const PROTECTED: ControlledCount = { kind: 'protected', value: null, display: PROTECTED_TEXT, exportValue: SUPPRESSED_EXPORT };

/** The whole numbers a published count may stand for: [low, high] (high Infinity when unbounded). */
function publishedRange(figure: ControlledCount): [number, number] {
  switch (figure.kind) {
    case 'zero':
      return [0, 0];
    case 'suppressed':
      return [1, MIN_SHOWN_COUNT - 1];
    case 'protected':
      return [MIN_SHOWN_COUNT, Infinity];
    case 'rounded':
      return [Math.max(MIN_SHOWN_COUNT, figure.value - 2), figure.value + 2];
    case 'exact':
      return [figure.value, figure.value];
  }
}

/**
 * How many values part `index` may take given every other published figure of the table (parts and total): the
 * part is the total minus the others, each somewhere in its published range; a hidden total bounds nothing.
 */
function candidateRange(parts: readonly ControlledCount[], total: ControlledCount, index: number): number {
  const [ownLow, ownHigh] = publishedRange(parts[index]!);
  if (total.kind === 'protected') return ownHigh - ownLow + 1;
  const [totalLow, totalHigh] = publishedRange(total);
  let othersLow = 0;
  let othersHigh = 0;
  parts.forEach((part, i) => {
    if (i === index) return;
    const [low, high] = publishedRange(part);
    othersLow += low;
    othersHigh += high;
  });
  const low = Math.max(ownLow, totalLow - othersHigh);
  const high = Math.min(ownHigh, totalHigh - othersLow);
  return high >= low ? high - low + 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Percentages
// ---------------------------------------------------------------------------------------------------------------

export type PercentageHiddenReason = 'small-denominator' | 'small-numerator' | 'small-complement';

export type ControlledPercentage =
  /** A whole percent (0-100), worked out from the rounded numerator and denominator. `display` is e.g. "65%". */
  | { kind: 'percentage'; value: number; display: string; exportValue: number; reason: null }
  /** Hidden; `display` says why in words. */
  | {
      kind: 'hidden-percentage';
      value: null;
      display: string;
      exportValue: typeof SUPPRESSED_EXPORT;
      reason: PercentageHiddenReason;
    };

const HIDDEN_TEXT: Record<PercentageHiddenReason, string> = {
  'small-denominator': HIDDEN_SMALL_DENOMINATOR,
  'small-numerator': HIDDEN_SMALL_NUMERATOR,
  'small-complement': HIDDEN_SMALL_COMPLEMENT,
};

const isSmall = (n: number) => n >= 1 && n < MIN_SHOWN_COUNT;

/** 100 * numerator / denominator to the nearest whole number, halves up, exactly (denominator > 0). */
function wholePercent(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((200n * n + d) / (2n * d));
}

/**
 * "numerator of denominator people" as a controlled percentage. Hidden when the denominator is under 10, the
 * numerator is 1-7, or denominator - numerator is 1-7 (the first that applies is the reason); otherwise the
 * rounded numerator over the rounded denominator, to the nearest whole percent, halves up.
 */
export function controlPercentage(numerator: CountInput, denominator: CountInput): ControlledPercentage {
  const n = wholeCount(numerator, "A percentage's numerator");
  const d = wholeCount(denominator, "A percentage's denominator");
  if (n > d)
    throw new DisclosureInputError(`A percentage's numerator (${n}) cannot be more than its denominator (${d})`);
  const reason: PercentageHiddenReason | null =
    d < MIN_PERCENTAGE_DENOMINATOR
      ? 'small-denominator'
      : isSmall(n)
      ? 'small-numerator'
      : isSmall(d - n)
      ? 'small-complement'
      : null;
  if (reason)
    return {
      kind: 'hidden-percentage',
      value: null,
      display: HIDDEN_TEXT[reason],
      exportValue: SUPPRESSED_EXPORT,
      reason,
    };
  const percent = wholePercent(roundToNearest5(n), roundToNearest5(d));
  return { kind: 'percentage', value: percent, display: `${percent}%`, exportValue: percent, reason: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Means, medians, waiting times, costs per person
// ---------------------------------------------------------------------------------------------------------------

export type ControlledStatistic =
  /** Shown as given: `value` a number, `display` formatted (up to 2 decimal places unless a format is given). */
  | { kind: 'statistic'; value: number; display: string; exportValue: number }
  | { kind: 'hidden-statistic'; value: null; display: typeof HIDDEN_FEW_PEOPLE; exportValue: typeof SUPPRESSED_EXPORT };

const HIDDEN_STATISTIC = {
  kind: 'hidden-statistic',
  value: null,
  display: HIDDEN_FEW_PEOPLE,
  exportValue: SUPPRESSED_EXPORT,
} as const satisfies ControlledStatistic;

/** A plain decimal number as text ("12", "12.50", "-3.5"), as Prisma's Decimal#toString() and parseValue give. */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

function statisticNumber(value: number | string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value === 0 ? 0 : value;
  } else if (DECIMAL_TEXT.test(value.trim())) {
    return Number(value.trim());
  }
  throw new DisclosureInputError(
    `A mean, median or waiting time must be a finite number (got ${JSON.stringify(value)})`
  );
}

/**
 * A mean, median or waiting time with `people` behind it: hidden ("Hidden: fewer than 8 people") when fewer than 8,
 * otherwise shown as it is (it is not rounded). `format` turns the number into words for pages (default: up to 2
 * decimal places, thousands separated).
 */
export function controlStatistic(
  value: number | string,
  people: CountInput,
  format: (value: number) => string = (v) => DECIMAL.format(v)
): ControlledStatistic {
  const behind = wholeCount(people, 'The number of people behind a statistic');
  const number = statisticNumber(value);
  if (behind < MIN_PEOPLE_FOR_STATISTIC) return HIDDEN_STATISTIC;
  return { kind: 'statistic', value: number, display: format(number), exportValue: number };
}

export type ControlledCostPerPerson =
  /** `value` pounds and pence as canonical text ("1234.50", as values.ts gives MONEY), `display` "£1,234.50". */
  | { kind: 'statistic'; value: string; display: string; exportValue: number }
  | { kind: 'hidden-statistic'; value: null; display: typeof HIDDEN_FEW_PEOPLE; exportValue: typeof SUPPRESSED_EXPORT };

const MONEY_TEXT = /^(\d+)(?:\.(\d{1,2}))?$/;

function pence(amount: string | number): bigint {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(2) : '') : amount.trim();
  const match = MONEY_TEXT.exec(text);
  if (!match)
    throw new DisclosureInputError(
      `An amount must be pounds and pence of 0 or more, like 1250.50 (got ${JSON.stringify(amount)})`
    );
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

const POUNDS_GROUPED = /\B(?=(\d{3})+(?!\d))/g;

/**
 * A cost per person (per child supported, per improved outcome): hidden when fewer than 8 people, otherwise the
 * amount (pounds, e.g. Prisma's Decimal#toString()) divided by the ROUNDED number of people, to the penny, halves up.
 */
export function controlCostPerPerson(amount: string | number, people: CountInput): ControlledCostPerPerson {
  const total = pence(amount);
  const behind = wholeCount(people, 'The number of people behind a cost per person');
  if (behind < MIN_PEOPLE_FOR_STATISTIC) return HIDDEN_STATISTIC;
  const divisor = BigInt(roundToNearest5(behind));
  const each = (2n * total + divisor) / (2n * divisor);
  const pounds = (each / 100n).toString();
  const pennies = (each % 100n).toString().padStart(2, '0');
  return {
    kind: 'statistic',
    value: `${pounds}.${pennies}`,
    display: `£${pounds.replace(POUNDS_GROUPED, ',')}.${pennies}`,
    exportValue: Number(`${pounds}.${pennies}`),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Collapsed bands for published breakdowns
// ---------------------------------------------------------------------------------------------------------------

/** The published age bands (BreakdownOption.publishedBand of AGE_BAND in seeds/measures.ts), in order. */
export const PUBLISHED_AGE_BANDS = ['Under 13', '13-17', '18+', 'Not known'] as const;
export type PublishedAgeBand = (typeof PUBLISHED_AGE_BANDS)[number];

/** AGE_BAND option code -> published band; must match seeds/measures.ts (a test compares them). */
export const AGE_BAND_OF: Readonly<Record<string, PublishedAgeBand>> = {
  AGE_0_4: 'Under 13',
  AGE_5_9: 'Under 13',
  AGE_10_12: 'Under 13',
  AGE_13_15: '13-17',
  AGE_16_17: '13-17',
  AGE_18_24: '18+',
  AGE_25_PLUS: '18+',
  NOT_KNOWN: 'Not known',
};

export interface BandCell {
  /** A breakdownKey: 'AGE_13_15', or 'AGE_13_15|GIRL_WOMAN' for a two-dimensional breakdown. '' (the total) is skipped. */
  key: string;
  /** An exact count, or null for a blank cell. */
  value: CountInput | null;
}

export interface BandTotal {
  band: string;
  /** The EXACT sum of the band's cells (blank cells count as 0); null when none of its cells had a value. */
  value: number | null;
}

export interface CollapseOptions {
  /** Which part of a two-dimensional key is banded: 0 (the primary breakdown, default) or 1; the other is summed. */
  dimension?: 0 | 1;
  /** The bands in the order wanted; default: the order in which `bandOf` first names them. */
  bands?: readonly string[];
}

/**
 * Adds up exact cells into published bands (e.g. AGE_BAND_OF, or option code -> BreakdownOption.publishedBand from
 * the database) BEFORE control: control the returned values with controlTotal / controlCount. Every band is
 * returned, in order. A cell whose option has no band is refused: a new option must be given a band, not dropped.
 */
export function collapseToBands(
  cells: readonly BandCell[],
  bandOf: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  options: CollapseOptions = {}
): BandTotal[] {
  const lookup = bandOf instanceof Map ? bandOf : new Map(Object.entries(bandOf));
  const dimension = options.dimension ?? 0;
  const order = options.bands ?? [...new Set(lookup.values())];
  const sums = new Map<string, number | null>(order.map((band) => [band, null]));
  for (const cell of cells) {
    if (cell.key === '') continue;
    const parts = cell.key.split('|');
    const option = parts[dimension];
    if (parts.length > 2) throw new DisclosureInputError(`The breakdown key "${cell.key}" has more than two parts`);
    if (option === undefined)
      throw new DisclosureInputError(`The breakdown key "${cell.key}" has no part ${dimension + 1} to band`);
    const band = lookup.get(option);
    if (band === undefined) throw new DisclosureInputError(`The option "${option}" has no published band`);
    if (!sums.has(band)) throw new DisclosureInputError(`The band "${band}" is not one of the bands asked for`);
    if (cell.value === null) continue;
    const sum = (sums.get(band) ?? 0) + wholeCount(cell.value);
    sums.set(band, wholeCount(sum, `The total of the band "${band}"`));
  }
  return [...sums].map(([band, value]) => ({ band, value }));
}

// ---------------------------------------------------------------------------------------------------------------
// Saying what was applied
// ---------------------------------------------------------------------------------------------------------------

export type ControlledValue = ControlledCount | ControlledPercentage | ControlledStatistic | ControlledCostPerPerson;

/**
 * What control was applied to a table, in sentences, for its footnote and the export's notes sheet: only what
 * applies to these figures (a table with a rounded figure gets ROUNDING_FOOTNOTE). [] for a table with no figures.
 */
export function describeControl(figures: readonly (ControlledValue | ControlledTotal)[]): string[] {
  const values: ControlledValue[] = figures.flatMap((figure) =>
    'parts' in figure ? [...figure.parts, figure.total] : [figure]
  );
  const kinds = new Set(values.map((value) => value.kind));
  const has = (...wanted: ControlledValue['kind'][]) => wanted.some((kind) => kinds.has(kind));
  const sentences: string[] = [];
  if (has('zero', 'suppressed', 'rounded', 'percentage', 'hidden-percentage', 'statistic', 'hidden-statistic')) {
    sentences.push(DISCLOSURE_RULE_TEXT[0]!);
  }
  if (has('suppressed'))
    sentences.push(`Counts of 1 to 7 people are shown as "${SUPPRESSED_TEXT}" (${SUPPRESSED_EXPORT} in exports).`);
  if (has('protected')) sentences.push(PROTECTED_SENTENCE);
  if (has('rounded')) {
    sentences.push(
      'Counts of 8 or more people are rounded to the nearest 5; totals are rounded on their own.',
      ROUNDING_FOOTNOTE
    );
  }
  if (has('percentage'))
    sentences.push('Percentages are worked out from the rounded figures, to the nearest whole percent.');
  if (has('hidden-percentage')) {
    sentences.push(
      'A percentage is hidden when it is based on fewer than 10 people, or when the people it counts, or the people it ' +
        'leaves out, number 1 to 7.'
    );
  }
  if (has('statistic', 'hidden-statistic')) {
    sentences.push(
      'Averages, medians, waiting times and costs per person are shown only when 8 or more people are behind them.'
    );
  }
  if (has('exact')) sentences.push('Money, staff counts and numbers of services are not controlled.');
  return sentences;
}
