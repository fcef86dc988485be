// The check engine: the ONE implementation of TemplateCheck rules, used in the browser (as a provider types), on the
// server (saveReturnDraft, submitReturn) and for CSV imports. Pure: no Prisma, no Node-only imports. The rule shapes
// and their meaning are documented in seeds/measures.ts ("CHECKS"); this module implements exactly that:
//
// - Operand "CODE" is the measure's total: its '' value, or for a breakdown-only measure (MeasureInfo.totalMeasure
//   set) the sum of its cells - blank cells count as 0, and the total is blank when every cell is blank.
//   Operand { measure, key } is one cell.
// - A check applies only when every measure it names is in the return (`context.measures` is the return's
//   measures); otherwise it is 'skipped' (skipReason 'not-in-return'). It is 'skipped' when an operand it needs is
//   blank ('blank'), when there is no previous return (changeVsLastQuarter, 'no-previous-return'), when the
//   denominator is 0 (minRatio, 'denominator-zero') and when no measure it covers has a target (targetMet, 'no-target').
// - lte: left <= right. breakdownSumsToTotal: the sum of every cell of `measure` (every key but '', NOT_KNOWN and
//   two-dimensional 'A|B' keys included; blank cells count as 0) equals the '' value of `total` (default: `measure`);
//   skipped when that total is blank. range: every non-blank value of the measure (total and cells) lies in
//   [min, max]; skipped when all are blank. changeVsLastQuarter: fails when |this - last| > absolute AND
//   > percent% of last (last 0: any change over absolute). minRatio: fails when numerator / denominator < min.
//   targetMet: the quarter's target, else the annual target (quarter 0) - divided by 4 for COUNT and MONEY, used as
//   it is for DAYS, PERCENT and DECIMAL (seeds/measures.ts words this "divided by 4 for COUNT and MONEY, as it is for
//   DAYS, PERCENT and DECIMAL"; a median wait or a percentage is not a quarter of a year's); HIGHER_IS_BETTER fails
//   below it, LOWER_IS_BETTER above it, NEUTRAL never fails. TEXT measures are never compared.
// - SOFT checks are explained by a non-empty comment on the '' row of the measure the check is about (lte: left;
//   changeVsLastQuarter and range and breakdownSumsToTotal: measure; minRatio: numerator; targetMet: EVERY measure
//   that missed its target). HARD failures always block; SOFT failures block until explained.
//
// Arithmetic is exact: every value is turned into a whole number of hundredths (pence for MONEY) as a BigInt before
// it is added or compared, so 0.1 + 0.2 = 0.3 and sums of money never drift. Values with finer fractions (parseValue
// never produces them) are rounded to the nearest hundredth. Ratios and percentages are compared by cross-
// multiplying (numerator * 1 < min * denominator), never by dividing; an annual target is compared as total * 4.

import type {
  CheckDefinition as SeedCheckDefinition,
  CheckOperand,
  CheckRule,
  DirectionCode,
  MeasureUnitCode,
} from '../../seeds/measures';

export type { CheckOperand, CheckRule };
export type CheckSeverity = 'HARD' | 'SOFT';
export type MeasureDirection = DirectionCode;

export interface CheckDefinition {
  code: string;
  severity: CheckSeverity;
  rule: CheckRule;
  message: string;
}

// The definition above must stay the seed data's (seeds/measures.ts): a compile error here means they diverged.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CheckDefinitionMatchesSeeds = Assert<Same<CheckDefinition, SeedCheckDefinition>>;

export interface MeasureInfo {
  code: string;
  unit: MeasureUnitCode;
  direction: DirectionCode;
  /** For breakdown-only measures: the measure holding their total (they have no '' row). */
  totalMeasure?: string | null;
}

/** A numeric view of a return's values. `key` defaults to '' (the total). */
export interface ReturnValues {
  get(measureCode: string, key?: string): number | null;
  /** The measure's cells: every breakdownKey except ''. */
  cells(measureCode: string): { key: string; value: number | null }[];
  comment(measureCode: string, key?: string): string | null;
}

export interface ValueRow {
  measureCode: string;
  breakdownKey: string;
  value: string | number | null;
  comment?: string | null;
}

export interface TargetValue {
  measureCode: string;
  /** 1-4 for a quarter's target, 0 for the annual target. */
  quarter: number;
  /** A number, or a decimal string (e.g. Prisma's Decimal#toString()) for exactness. */
  value: number | string;
}

export interface CheckContext {
  /** The measures of this return (core sections plus the service's modules), by code. */
  measures: Map<string, MeasureInfo>;
  values: ReturnValues;
  /** The same service's return for the previous quarter, if there is one. */
  previous?: ReturnValues | null;
  /** The service's targets for the period's financial year. */
  targets?: TargetValue[];
  quarter: 1 | 2 | 3 | 4;
}

export type SkipReason = 'not-in-return' | 'blank' | 'no-previous-return' | 'denominator-zero' | 'no-target';

export interface CheckResult {
  code: string;
  severity: CheckSeverity;
  status: 'passed' | 'failed' | 'skipped';
  /** The check's message, as the template declares it. */
  message: string;
  /** The measure codes involved, for showing the message beside fields (targetMet failed: those that missed). */
  measures: string[];
  /** SOFT: the measure whose '' comment explains it (targetMet: the first missed measure still without one). */
  explainedBy?: string;
  /** SOFT and failed: whether it is explained (targetMet: every measure that missed has a comment). */
  explained?: boolean;
  /** Skipped: why. */
  skipReason?: SkipReason;
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

/** A plain decimal number as text: digits, an optional fraction and exponent. No hex, no Infinity, no separators. */
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (!NUMERIC_TEXT.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * The values of a return from its rows (ReturnValue rows, a form's fields, a CSV file). Values that are not numbers
 * (TEXT measures) read as null. A later row for the same measure and key replaces an earlier one.
 */
export function valuesFrom(rows: readonly ValueRow[]): ReturnValues {
  const byMeasure = new Map<string, Map<string, { value: number | null; comment: string | null }>>();
  for (const row of rows) {
    let cells = byMeasure.get(row.measureCode);
    if (!cells) byMeasure.set(row.measureCode, (cells = new Map()));
    cells.set(row.breakdownKey, { value: toNumber(row.value), comment: row.comment ?? null });
  }
  return {
    get: (measureCode, key = '') => byMeasure.get(measureCode)?.get(key)?.value ?? null,
    cells: (measureCode) =>
      [...(byMeasure.get(measureCode) ?? new Map<string, { value: number | null }>())]
        .filter(([key]) => key !== '')
        .map(([key, cell]) => ({ key, value: cell.value })),
    comment: (measureCode, key = '') => byMeasure.get(measureCode)?.get(key)?.comment ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Exact arithmetic: hundredths as BigInt
// ---------------------------------------------------------------------------------------------------------------

/** Hundredths in one unit. */
const HUNDRED = 100n;
/** Ratio and percentage parameters are read in millionths. */
const MILLION = 1_000_000n;

/** A number as a whole number of hundredths (pence), exactly: 85000.5 -> 8500050n, 0.1 + 0.2 -> 30n. */
function hundredths(value: number | string | null | undefined): bigint | null {
  const number = typeof value === 'string' ? toNumber(value) : value;
  if (number === null || number === undefined || !Number.isFinite(number)) return null;
  // Below 1e15 a double is exact to far better than half a hundredth, and toFixed rounds its exact binary value
  // correctly: the decimal digits of toFixed(2) are the nearest hundredth.
  if (Math.abs(number) < 1e15) {
    const fixed = number.toFixed(2);
    const digits = BigInt(fixed.replace('-', '').replace('.', ''));
    return fixed.startsWith('-') ? -digits : digits;
  }
  return BigInt(Math.round(number)) * HUNDRED;
}

/** A parameter (0.8, 50) in millionths. Parameters are small numbers, exact to a millionth. */
const millionths = (value: number): bigint => BigInt(Math.round(value * 1_000_000));

const abs = (value: bigint) => (value < 0n ? -value : value);

// ---------------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------------

/** A rule of a type this engine does not know (JSON from the database): never treated as passed. */
function unknownRule(rule: never): never {
  throw new TypeError(`Unknown check rule type: ${JSON.stringify(rule)}`);
}

const operandMeasure = (operand: CheckOperand) => (typeof operand === 'string' ? operand : operand.measure);

/** The measure codes a rule names (as seeds/measures.ts `measuresNamedBy`): it applies only when all are in the return. */
export function measuresNamedBy(rule: CheckRule): string[] {
  switch (rule.type) {
    case 'lte':
      return [operandMeasure(rule.left), operandMeasure(rule.right)];
    case 'breakdownSumsToTotal':
      return rule.total ? [rule.measure, rule.total] : [rule.measure];
    case 'range':
    case 'changeVsLastQuarter':
      return [rule.measure];
    case 'minRatio':
      return [operandMeasure(rule.numerator), operandMeasure(rule.denominator)];
    case 'targetMet':
      return rule.measures ? [...rule.measures] : [];
    default:
      return unknownRule(rule);
  }
}

/** The measure whose '' comment explains a SOFT failure of this rule (targetMet: each measure that missed). */
export function explainingMeasure(rule: CheckRule): string | null {
  switch (rule.type) {
    case 'lte':
      return operandMeasure(rule.left);
    case 'breakdownSumsToTotal':
    case 'range':
    case 'changeVsLastQuarter':
      return rule.measure;
    case 'minRatio':
      return operandMeasure(rule.numerator);
    case 'targetMet':
      return null;
    default:
      return unknownRule(rule);
  }
}

/**
 * The breakdown-only measures of a template and the measure holding each one's total, read from its checks: the
 * database has no column for it, the pairing shows as a breakdownSumsToTotal rule whose `total` names another
 * measure (seeds/measures.ts). Use it to fill MeasureInfo.totalMeasure on the server.
 */
export function breakdownOnlyTotals(checks: readonly CheckDefinition[]): Map<string, string> {
  const totals = new Map<string, string>();
  for (const { rule } of checks) {
    if (rule.type === 'breakdownSumsToTotal' && rule.total && rule.total !== rule.measure) totals.set(rule.measure, rule.total);
  }
  return totals;
}

const isOperand = (value: unknown): value is CheckOperand =>
  (typeof value === 'string' && value !== '') ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { measure?: unknown }).measure === 'string' &&
    typeof (value as { key?: unknown }).key === 'string');
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOptionalNumber = (value: unknown) => value === undefined || isNumber(value);
const isCode = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * A rule read from JSON (TemplateCheck.rule), checked against the shapes of seeds/measures.ts. Throws a TypeError
 * for anything else, so that a malformed rule is never silently treated as passed.
 */
export function checkRuleFrom(json: unknown): CheckRule {
  const rule = json as Record<string, unknown> | null;
  const ok = (() => {
    if (typeof rule !== 'object' || rule === null) return false;
    switch (rule.type) {
      case 'lte':
        return isOperand(rule.left) && isOperand(rule.right);
      case 'breakdownSumsToTotal':
        return isCode(rule.measure) && (rule.total === undefined || isCode(rule.total));
      case 'range':
        return isCode(rule.measure) && isOptionalNumber(rule.min) && isOptionalNumber(rule.max);
      case 'changeVsLastQuarter':
        return isCode(rule.measure) && isNumber(rule.percent) && isNumber(rule.absolute);
      case 'minRatio':
        return isOperand(rule.numerator) && isOperand(rule.denominator) && isNumber(rule.min);
      case 'targetMet':
        return rule.measures === undefined || (Array.isArray(rule.measures) && rule.measures.every(isCode));
      default:
        return false;
    }
  })();
  if (!ok) throw new TypeError(`Not a check rule: ${JSON.stringify(json)}`);
  return json as CheckRule;
}

type Outcome =
  | { status: 'passed' | 'failed'; measures?: string[] }
  | { status: 'skipped'; skipReason: SkipReason; measures?: string[] };

const skipped = (skipReason: SkipReason): Outcome => ({ status: 'skipped', skipReason });
const verdict = (failed: boolean): Outcome => ({ status: failed ? 'failed' : 'passed' });

class Evaluator {
  constructor(private readonly context: CheckContext) {}

  private info(code: string): MeasureInfo {
    const info = this.context.measures.get(code);
    if (!info) throw new Error(`Measure ${code} is not in the return`); // callers check first
    return info;
  }

  /** The measure's total in hundredths: its '' value, or the sum of a breakdown-only measure's cells. */
  total(values: ReturnValues, code: string): bigint | null {
    if (this.info(code).totalMeasure) {
      let sum = 0n;
      let any = false;
      for (const cell of values.cells(code)) {
        if (cell.key === '') continue;
        const value = hundredths(cell.value);
        if (value === null) continue;
        sum += value;
        any = true;
      }
      return any ? sum : null;
    }
    return hundredths(values.get(code, ''));
  }

  operand(operand: CheckOperand): bigint | null {
    return typeof operand === 'string'
      ? this.total(this.context.values, operand)
      : hundredths(this.context.values.get(operand.measure, operand.key));
  }

  evaluate(rule: CheckRule): Outcome {
    const { values } = this.context;
    switch (rule.type) {
      case 'lte': {
        const left = this.operand(rule.left);
        const right = this.operand(rule.right);
        if (left === null || right === null) return skipped('blank');
        return verdict(left > right);
      }

      case 'breakdownSumsToTotal': {
        const total = hundredths(values.get(rule.total ?? rule.measure, ''));
        if (total === null) return skipped('blank');
        let sum = 0n;
        for (const cell of values.cells(rule.measure)) if (cell.key !== '') sum += hundredths(cell.value) ?? 0n;
        return verdict(sum !== total);
      }

      case 'range': {
        const all = [values.get(rule.measure, ''), ...values.cells(rule.measure).map((cell) => cell.value)]
          .map(hundredths)
          .filter((value): value is bigint => value !== null);
        if (all.length === 0) return skipped('blank');
        const min = rule.min === undefined ? null : hundredths(rule.min);
        const max = rule.max === undefined ? null : hundredths(rule.max);
        return verdict(all.some((value) => (min !== null && value < min) || (max !== null && value > max)));
      }

      case 'changeVsLastQuarter': {
        const { previous } = this.context;
        if (!previous) return skipped('no-previous-return');
        const now = this.total(values, rule.measure);
        const last = this.total(previous, rule.measure);
        if (now === null || last === null) return skipped('blank');
        const change = abs(now - last);
        const overAbsolute = change > (hundredths(rule.absolute) ?? 0n);
        // change > percent/100 * last  <=>  change * 100 * 10^6 > (percent * 10^6) * last. Last 0: any change.
        const overPercent = change * HUNDRED * MILLION > millionths(rule.percent) * last;
        return verdict(overAbsolute && overPercent);
      }

      case 'minRatio': {
        const numerator = this.operand(rule.numerator);
        const denominator = this.operand(rule.denominator);
        if (numerator === null || denominator === null) return skipped('blank');
        if (denominator <= 0n) return skipped('denominator-zero');
        // numerator / denominator < min  <=>  numerator * 10^6 < (min * 10^6) * denominator
        return verdict(numerator * MILLION < millionths(rule.min) * denominator);
      }

      case 'targetMet':
        return this.targets(rule.measures ?? [...this.context.measures.keys()]);
      default:
        return unknownRule(rule);
    }
  }

  private targets(codes: string[]): Outcome {
    const { targets = [], quarter, values } = this.context;
    const evaluated: string[] = [];
    const missed: string[] = [];
    let anyTarget = false;
    for (const code of codes) {
      const info = this.context.measures.get(code);
      if (!info) continue;
      const quarterly = targets.find((t) => t.measureCode === code && t.quarter === quarter);
      const annual = quarterly ? undefined : targets.find((t) => t.measureCode === code && t.quarter === 0);
      const target = hundredths((quarterly ?? annual)?.value ?? null);
      if (target === null) continue;
      anyTarget = true;
      const total = this.total(values, code);
      if (total === null) continue;
      evaluated.push(code);
      // An annual target for a COUNT or MONEY measure is a quarter's worth: compare total * 4 with it.
      const times = annual && (info.unit === 'COUNT' || info.unit === 'MONEY') ? 4n : 1n;
      const scaled = total * times;
      if (
        (info.direction === 'HIGHER_IS_BETTER' && scaled < target) ||
        (info.direction === 'LOWER_IS_BETTER' && scaled > target)
      ) {
        missed.push(code);
      }
    }
    if (!anyTarget) return { ...skipped('no-target'), measures: [] };
    if (evaluated.length === 0) return { ...skipped('blank'), measures: [] };
    return missed.length ? { status: 'failed', measures: missed } : { status: 'passed', measures: evaluated };
  }
}

const hasComment = (values: ReturnValues, code: string) => (values.comment(code, '') ?? '').trim() !== '';

/** Runs every check against the return, in order: one result per check. */
export function runChecks(checks: readonly CheckDefinition[], context: CheckContext): CheckResult[] {
  const evaluator = new Evaluator(context);
  return checks.map((check): CheckResult => {
    const named = measuresNamedBy(check.rule);
    const base = { code: check.code, severity: check.severity, message: check.message };
    const inReturn = named.every((code) => context.measures.has(code));
    const outcome: Outcome = inReturn ? evaluator.evaluate(check.rule) : skipped('not-in-return');
    const result: CheckResult = { ...base, status: outcome.status, measures: outcome.measures ?? named };
    if (outcome.status === 'skipped') result.skipReason = outcome.skipReason;
    if (check.severity === 'SOFT') {
      const explainers =
        check.rule.type === 'targetMet'
          ? outcome.status === 'failed'
            ? result.measures
            : []
          : [explainingMeasure(check.rule)!];
      const unexplained = explainers.filter((code) => !hasComment(context.values, code));
      const explainedBy = unexplained[0] ?? explainers[0];
      if (explainedBy !== undefined) result.explainedBy = explainedBy;
      if (outcome.status === 'failed') result.explained = unexplained.length === 0;
    }
    return result;
  });
}

/** The results that stop a submission: HARD failures, and SOFT failures without an explanation. */
export function blockingFailures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter(
    (result) => result.status === 'failed' && (result.severity === 'HARD' || (result.severity === 'SOFT' && !result.explained)),
  );
}
