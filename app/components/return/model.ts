// The provider's return form as data: which fields a measure has, their ids and labels, turning stored values into
// form fields and back into saveReturnDraft values, completeness and the status of a section. Pure and browser-safe:
// the pages, their actions and the browser all use it. Values are parsed by graphql/domain/values.ts (the one parser).
import { unansweredMeasure, type CompletenessMeasure, type Unanswered } from '../../../graphql/domain/completeness';
import { parseValue, type MeasureUnit } from '../../../graphql/domain/values';

export interface FormOption {
  code: string;
  label: string;
  isNotKnown: boolean;
}

export interface FormBreakdown {
  code: string;
  label: string;
  options: FormOption[];
}

export interface FormMeasure {
  code: string;
  label: string;
  helpText?: string | null;
  unit: string;
  direction: string;
  required: boolean;
  totalMeasure?: string | null;
  breakdown?: FormBreakdown | null;
  secondaryBreakdown?: FormBreakdown | null;
}

export interface FormSection {
  code: string;
  title: string;
  description?: string | null;
  measures: FormMeasure[];
}

export interface StoredValue {
  measureCode: string;
  breakdownOption: string;
  value?: string | null;
  comment?: string | null;
  blankReason?: string | null;
}

/** Form fields by id: figures (see fieldId), comments (commentId) and reasons for blanks (reasonId). Blank is ''. */
export type Fields = Record<string, string>;

/** One input of a measure: its total ('') or a cell of its breakdown. */
export interface Cell {
  key: string;
  id: string;
  /** The full label, for screen readers and messages: "Referrals received, by source: Police". */
  label: string;
  /** The words of its row and column in a grid ('' for the total). */
  row: string;
  column?: string;
}

/** The section that is the check answers page, not a form. */
export const DECLARATION_SECTION = 'DECLARATION';

/** Sections that record activity: "no activity this quarter" answers them with zeros. */
export const NO_ACTIVITY_EXEMPT = new Set(['ABOUT', 'NARRATIVE', 'FINANCE', DECLARATION_SECTION]);
export const NO_ACTIVITY_REASON = 'No activity this quarter';

export const fieldId = (code: string, key = '') => (key ? `${code}--${key.replace('|', '--')}` : code);
export const commentId = (code: string) => `comment--${code}`;
export const reasonId = (code: string) => `reason--${code}`;

/** "Referrals received, by source" reads better without its ", by source" in a cell's label. */
const shortLabel = (label: string) => label.replace(/, by [^,]+$/, '');

/** The inputs of a measure in order: its total first (unless breakdown-only), then each cell of its breakdown. */
export function cellsOf(measure: FormMeasure): Cell[] {
  const cells: Cell[] = [];
  const name = shortLabel(measure.label);
  const primary = measure.breakdown?.options ?? [];
  const secondary = measure.secondaryBreakdown?.options ?? [];
  if (!measure.totalMeasure)
    cells.push({
      key: '',
      id: fieldId(measure.code),
      label: primary.length ? `${name}: Total` : measure.label,
      row: '',
    });
  for (const a of primary) {
    if (secondary.length === 0) {
      cells.push({
        key: a.code,
        id: fieldId(measure.code, a.code),
        label: `${name}: ${a.label}`,
        row: a.label,
      });
    } else {
      for (const b of secondary) {
        const key = `${a.code}|${b.code}`;
        cells.push({
          key,
          id: fieldId(measure.code, key),
          label: `${name}: ${a.label}, ${b.label}`,
          row: a.label,
          column: b.label,
        });
      }
    }
  }
  return cells;
}

/** The row that carries a measure's comment: its total, or for a breakdown-only measure its first cell. */
export const commentKeyOf = (measure: FormMeasure) => cellsOf(measure)[0]?.key ?? '';

/** Every field id of a measure: its cells, its comment and its reason for blanks. */
export const fieldIdsOf = (measure: FormMeasure) => [...cellsOf(measure).map((c) => c.id), commentId(measure.code), reasonId(measure.code)];

export const isText = (measure: FormMeasure) => measure.unit === 'TEXT';

/** Stored values as form fields. */
export function fieldsFromValues(measures: FormMeasure[], values: StoredValue[]): Fields {
  const byMeasure = new Map<string, StoredValue[]>();
  for (const value of values) {
    const list = byMeasure.get(value.measureCode) ?? [];
    list.push(value);
    byMeasure.set(value.measureCode, list);
  }
  const fields: Fields = {};
  for (const measure of measures) {
    const rows = byMeasure.get(measure.code) ?? [];
    const commentKey = commentKeyOf(measure);
    for (const cell of cellsOf(measure)) fields[cell.id] = rows.find((r) => r.breakdownOption === cell.key)?.value ?? '';
    fields[commentId(measure.code)] = rows.find((r) => r.breakdownOption === commentKey)?.comment ?? rows.find((r) => r.comment)?.comment ?? '';
    fields[reasonId(measure.code)] = rows.find((r) => r.blankReason)?.blankReason ?? '';
  }
  return fields;
}

export interface ValueInput {
  measureCode: string;
  breakdownOption: string;
  value: string;
  comment: string | null;
  blankReason: string | null;
}

/**
 * A measure's fields as saveReturnDraft values: every cell (a blank one carries the measure's reason, if any) and
 * the comment on its comment row. The whole measure is always sent, so its reason and comment stay consistent.
 */
export function valuesForSave(measure: FormMeasure, fields: Fields): ValueInput[] {
  const reason = (fields[reasonId(measure.code)] ?? '').trim();
  const comment = (fields[commentId(measure.code)] ?? '').trim();
  const commentKey = commentKeyOf(measure);
  return cellsOf(measure).map((cell) => {
    const value = fields[cell.id] ?? '';
    const blank = value.trim() === '';
    return {
      measureCode: measure.code,
      breakdownOption: cell.key,
      value,
      comment: cell.key === commentKey && comment ? comment : null,
      blankReason: blank && reason ? reason : null,
    };
  });
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The value of a cell as the parser reads it (the same messages everywhere). */
export const parseCell = (measure: FormMeasure, cell: Cell, text: string) =>
  parseValue(text, { label: cell.label, unit: measure.unit as MeasureUnit });

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What is wrong with a measure's fields. Always: values the parser refuses, over-long comments and reasons, a
 * comment that cannot be kept (its row is blank without a reason). With `requireAnswers`: a required measure that
 * is not answered (graphql/domain/completeness.ts: blanks without a reason), on its first cell when all are blank,
 * else on its reason.
 */
export function measureProblems(measure: FormMeasure, fields: Fields, options: { requireAnswers?: boolean } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const cells = cellsOf(measure);
  for (const cell of cells) {
    const result = parseCell(measure, cell, fields[cell.id] ?? '');
    if (!result.ok) problems.push({ field: cell.id, message: result.message });
  }
  const comment = (fields[commentId(measure.code)] ?? '').trim();
  const reason = (fields[reasonId(measure.code)] ?? '').trim();
  if (comment.length > 2000)
    problems.push({
      field: commentId(measure.code),
      message: 'Comment must be 2,000 characters or fewer',
    });
  if (reason.length > 500)
    problems.push({
      field: reasonId(measure.code),
      message: 'Reason must be 500 characters or fewer',
    });
  const commentCell = cells.find((c) => c.key === commentKeyOf(measure));
  if (comment && commentCell && (fields[commentCell.id] ?? '').trim() === '' && !reason) {
    problems.push({
      field: reasonId(measure.code),
      message: `To keep your comment on ${lower(measure.label)}, enter ${
        commentCell.key
          ? `the figure for ${commentCell.column ? `${commentCell.row}, ${commentCell.column}` : commentCell.row}`
          : measure.breakdown
          ? 'the total'
          : 'a figure'
      } or say why it is blank`,
    });
  }
  if (options.requireAnswers && !problems.some((p) => p.field === reasonId(measure.code))) {
    const unanswered = unansweredOf(measure, fields);
    if (unanswered)
      problems.push({
        field: unanswered.allBlank ? fieldId(measure.code, unanswered.blankKeys[0]) : reasonId(measure.code),
        message: unanswered.message,
      });
  }
  return problems;
}

/** The measure as graphql/domain/completeness.ts sees it: its cells' keys, in order. */
const completenessMeasure = (measure: FormMeasure): CompletenessMeasure => ({
  code: measure.code,
  label: measure.label,
  unit: measure.unit,
  required: measure.required,
  keys: cellsOf(measure).map((cell) => cell.key),
});

/** Why a measure is not answered yet (graphql/domain/completeness.ts, the rule submitReturn enforces), or null. */
export const unansweredOf = (measure: FormMeasure, fields: Fields): Unanswered | null =>
  unansweredMeasure(completenessMeasure(measure), (key) => fields[fieldId(measure.code, key)], fields[reasonId(measure.code)]);

/** Whether a measure is answered: every cell has a value, or the measure says why its blanks are blank. */
export const measureAnswered = (measure: FormMeasure, fields: Fields): boolean => unansweredOf(measure, fields) === null;

/** Whether anything at all has been entered for a measure. */
export const measureTouched = (measure: FormMeasure, fields: Fields) => fieldIdsOf(measure).some((id) => (fields[id] ?? '').trim() !== '');

export type SectionProgress = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'HAS_PROBLEMS';

/**
 * A section's status on the task list: Has problems (a value that cannot be read, or a check that stops the
 * submission names one of its measures), Completed (every question answered), In progress, Not started.
 */
export function sectionProgress(section: FormSection, fields: Fields, blockingMeasures: ReadonlySet<string>): SectionProgress {
  const measures = section.measures;
  if (measures.some((m) => blockingMeasures.has(m.code) || measureProblems(m, fields).length > 0)) return 'HAS_PROBLEMS';
  if (measures.every((m) => measureAnswered(m, fields))) return 'COMPLETED';
  return measures.some((m) => measureTouched(m, fields)) ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** The sections a provider fills in (the declaration is the check answers page). */
export const formSections = <S extends FormSection & { code: string }>(sections: S[]) => sections.filter((s) => s.code !== DECLARATION_SECTION);

/** The measure a field id belongs to ("REF_RECEIVED--POLICE" -> "REF_RECEIVED"). */
export function measureOfField(id: string): string {
  const base = id.replace(/^(comment|reason)--/, '');
  return base.split('--')[0]!;
}

/** The field id of an API problem's field: "CODE", "CODE[KEY]" or "CODE[A|B]". */
export function fieldOfProblem(field: string): string {
  const match = /^([^[]+)\[(.*)\]$/.exec(field);
  return match ? fieldId(match[1]!, match[2]!) : field;
}

/** Words for the figure of a cell: "12", "£1,250.50", "2.5", "45%", "14 days"; blank: null. */
export function formatFigure(unit: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const parsed = parseValue(value, {
    label: 'Value',
    unit: unit as MeasureUnit,
  });
  const text = parsed.ok && parsed.value !== null ? parsed.value : value;
  if (unit === 'TEXT') return text;
  const [whole, fraction] = text.split('.');
  const grouped = /^\d+$/.test(whole ?? '') ? BigInt(whole!).toLocaleString('en-GB') : whole ?? '';
  const number = fraction ? `${grouped}.${fraction}` : grouped;
  switch (unit) {
    case 'MONEY':
      return `£${number}`;
    case 'PERCENT':
      return `${number}%`;
    case 'DAYS':
      return `${number} ${text === '1' ? 'day' : 'days'}`;
    default:
      return number;
  }
}

/** A submitted return's reference, e.g. "OPCC-CSAE-2024-001-2627Q2-V3": the service, 2026/27 Q2, version 3. */
export function returnReference(reference: string, financialYear: number, quarter: number, version: number) {
  const years = `${String(financialYear).slice(2)}${String(financialYear + 1).slice(2)}`;
  return `${reference}-${years}Q${quarter}-V${version}`;
}
