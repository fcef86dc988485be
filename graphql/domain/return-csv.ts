// A quarterly return as a CSV file: the template a provider downloads (one row per figure of the return, filled in
// with what is saved) and the file it uploads back. Pure: no Prisma, no Node-only imports (runs on the server and
// in tests; the page that uploads a file uses decodeCsvBytes before it sends the text to the API).
//
// The file (RFC 4180, UTF-8 with a byte order mark so Excel opens it with the right encoding):
//
//   measure_code,measure,breakdown_option,breakdown,value,blank_reason,comment
//   REF_RECEIVED,"Referrals received, by source",,Total,12,,
//   REF_RECEIVED,"Referrals received, by source",POLICE,Police,5,,
//
// - measure_code and breakdown_option say which figure a row is ('' breakdown_option: the measure's total);
//   measure and breakdown are the same in words, for people, and are not read back.
// - value is read per measure unit by graphql/domain/values.ts#parseValue (the same rules and messages as the
//   form); blank_reason explains a blank value; comment is the comment on the figure.
// - The file is the whole truth for the rows it has: a blank value without a reason clears the figure, a blank
//   comment clears the comment. Figures without a row are left as they are.
// - Columns may come in any order; names are read without regard to case or surrounding spaces. Missing,
//   extra, renamed and repeated columns are refused, each named in the message.
// - Spreadsheet formulas: on export, text starting with = + - @ (or a tab or CR) is prefixed with an apostrophe
//   (graphql/domain/csv.ts); on import that apostrophe is removed again, so a file round-trips.
// - Limits: MAX_CSV_BYTES bytes and MAX_CSV_ROWS rows (blank lines are not counted). A file over the row limit is
//   answered with one message after a counting pass that keeps nothing in memory.
// - Row numbers are the spreadsheet's: the header is row 1, the first figure row 2.
import { toCsv } from './csv';
import { runChecks, valuesFrom, type CheckDefinition, type MeasureInfo, type ValueRow } from './checks';
import { parseValue } from './values';
import { ReturnValueInputSchema } from '../validation/return';

export const RETURN_CSV_COLUMNS = ['measure_code', 'measure', 'breakdown_option', 'breakdown', 'value', 'blank_reason', 'comment'] as const;
export type ReturnCsvColumn = (typeof RETURN_CSV_COLUMNS)[number];

/** At most this many figure rows in a file (a return with every module has well under 1,000 figures). */
export const MAX_CSV_ROWS = 5_000;
/** At most this many bytes (and, for text handed to the API, characters). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Problems listed at most; the rest are counted in one last message. */
export const MAX_CSV_PROBLEMS = 1_000;

export interface CsvMeasure extends MeasureInfo {
  label: string;
  /** Allowed breakdown keys ('' for the total, unless breakdown-only) with their words ("Label (Option)"). */
  keys: Map<string, string>;
}

export interface CsvProblem {
  /** The spreadsheet row (1 is the header); null for the file as a whole. */
  row: number | null;
  column: ReturnCsvColumn | null;
  message: string;
}

export interface CsvRow {
  row: number;
  measureCode: string;
  breakdownKey: string;
  /** Canonical value (parseValue), or null when blank. */
  value: string | null;
  blankReason: string | null;
  comment: string | null;
}

export interface CsvCurrentValue {
  value: string | null;
  blankReason: string | null;
  comment: string | null;
}

export const csvValueKey = (measureCode: string, breakdownKey: string) => `${measureCode}\u0000${breakdownKey}`;

const BOM = '\uFEFF';
const formatCount = (n: number) => n.toLocaleString('en-GB');

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// The template
// ---------------------------------------------------------------------------------------------------------------

/** The words of a breakdown option: "Referrals received, by source (Police)" -> "Police"; '' -> "Total". */
export function breakdownWords(measure: CsvMeasure, key: string): string {
  if (key === '') return measure.keys.size > 1 ? 'Total' : '';
  const words = measure.keys.get(key) ?? key;
  const prefix = `${measure.label} (`;
  return words.startsWith(prefix) && words.endsWith(')') ? words.slice(prefix.length, -1) : words;
}

/**
 * The template of a return: one row per figure of its measures (in the order given: the template's sections and
 * measures, then the breakdown's options), with what is saved now.
 */
export function buildReturnCsv(measures: Iterable<CsvMeasure>, current: ReadonlyMap<string, CsvCurrentValue>): string {
  const rows: string[][] = [];
  for (const measure of measures) {
    for (const key of measure.keys.keys()) {
      const saved = current.get(csvValueKey(measure.code, key));
      rows.push([
        measure.code,
        measure.label,
        key,
        breakdownWords(measure, key),
        saved?.value ?? '',
        saved?.blankReason ?? '',
        saved?.comment ?? '',
      ]);
    }
  }
  return toCsv([...RETURN_CSV_COLUMNS], rows);
}

/** A file name for a return's CSV: "OPCC-CSAE-2026-004-2026-27-Q2.csv". */
export function returnCsvFileName(serviceReference: string, periodLabel: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe(serviceReference)}-${safe(periodLabel)}.csv`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a file
// ---------------------------------------------------------------------------------------------------------------

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const NOT_UTF8 = 'The file is not UTF-8 text: save it as CSV UTF-8';

/** Uploaded bytes as text: strictly UTF-8 (a byte order mark is allowed), within the size limit. */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty: download the template, fill it in and upload it' };
  if (bytes.length > MAX_CSV_BYTES) {
    return { ok: false, message: `The file is ${formatSize(bytes.length)}: a return's CSV file can be at most ${formatSize(MAX_CSV_BYTES)}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'The file is UTF-16 text: save it as CSV UTF-8' };
  }
  let text: string;
  try {
    // The decoder removes a UTF-8 byte order mark itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: NOT_UTF8 };
  }
  // NUL bytes: a binary file, or UTF-16 without its byte order mark (the database could not store them anyway).
  if (text.includes('\u0000')) return { ok: false, message: 'The file is not CSV text (it has NUL characters): save it as CSV UTF-8' };
  return { ok: true, text };
}

/**
 * RFC 4180 records, one at a time: quoted fields may hold commas, quotes ("") and line breaks; records end at CRLF,
 * LF or CR. With `collect` false a record is only scanned (for counting) and no cell text is kept.
 */
class CsvReader {
  private position = 0;
  /** The record number of the record `next` returns (1 is the first line of the file). */
  record = 0;
  /** Set when a quoted field is still open at the end of the file. */
  unclosedQuoteAt: number | null = null;

  constructor(private readonly text: string) {}

  get done() {
    return this.position >= this.text.length;
  }

  /** The next record's cells (or, when not collecting, whether it has anything but blanks), null at the end. */
  next(collect: true): string[] | null;
  next(collect: false): boolean | null;
  next(collect: boolean): string[] | boolean | null {
    const { text } = this;
    if (this.position >= text.length) return null;
    this.record += 1;
    const cells: string[] = [];
    let cell = '';
    let anything = false;
    let i = this.position;
    let quoted = false;
    let atCellStart = true;
    for (;;) {
      if (i >= text.length) {
        if (quoted) this.unclosedQuoteAt = this.record;
        break;
      }
      const ch = text.charCodeAt(i);
      if (quoted) {
        if (ch === 34 /* " */) {
          if (text.charCodeAt(i + 1) === 34) {
            if (collect) cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i += 1;
          continue;
        }
        // Copy up to the next quote in one go.
        const end = text.indexOf('"', i);
        const stop = end === -1 ? text.length : end;
        if (collect) cell += text.slice(i, stop);
        if (!anything && /\S/.test(text.slice(i, stop))) anything = true;
        i = stop;
        continue;
      }
      if (ch === 34 && atCellStart) {
        quoted = true;
        atCellStart = false;
        i += 1;
        continue;
      }
      if (ch === 44 /* , */) {
        if (collect) cells.push(cell);
        cell = '';
        atCellStart = true;
        i += 1;
        continue;
      }
      if (ch === 13 /* \r */ || ch === 10 /* \n */) {
        i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        break;
      }
      if (collect) cell += text[i];
      if (!anything && ch !== 32 && ch !== 9) anything = true;
      atCellStart = false;
      i += 1;
    }
    this.position = i;
    if (!collect) return anything;
    cells.push(cell);
    return cells;
  }
}

const isBlankRecord = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Removes the apostrophe the export put before text a spreadsheet would run as a formula. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const normaliseColumn = (name: string) => name.trim().toLowerCase().replace(/\s+/g, '_');
const columnList = RETURN_CSV_COLUMNS.map((name) => `"${name}"`).join(', ');

function headerProblems(header: string[]): { problems: CsvProblem[]; positions: Map<ReturnCsvColumn, number> } {
  const problems: CsvProblem[] = [];
  const positions = new Map<ReturnCsvColumn, number>();
  const expected = new Set<string>(RETURN_CSV_COLUMNS);
  const names = header.map(normaliseColumn);
  if (names.length === 1 && header[0]!.includes(';')) {
    problems.push({
      row: 1,
      column: null,
      message: 'The file uses semicolons between columns: save it as CSV UTF-8 (comma delimited)',
    });
    return { problems, positions };
  }
  const unknown: { index: number; name: string }[] = [];
  names.forEach((name, index) => {
    if (name === '' && index === names.length - 1 && index >= RETURN_CSV_COLUMNS.length) return; // a trailing comma
    if (!expected.has(name)) {
      unknown.push({ index, name: header[index]!.trim() });
      return;
    }
    const column = name as ReturnCsvColumn;
    if (positions.has(column)) {
      problems.push({ row: 1, column, message: `The column "${column}" appears more than once: keep one` });
      return;
    }
    positions.set(column, index);
  });
  const missing = RETURN_CSV_COLUMNS.filter((column) => !positions.has(column));
  for (const column of missing) {
    // A column in the template's place with another name: it was renamed.
    const at = RETURN_CSV_COLUMNS.indexOf(column);
    const renamed = unknown.find((u) => u.index === at);
    if (renamed) {
      unknown.splice(unknown.indexOf(renamed), 1);
      problems.push({
        row: 1,
        column,
        message: `Column ${at + 1} is called "${renamed.name || '(blank)'}": it must be called "${column}", as in the template`,
      });
    } else {
      problems.push({ row: 1, column, message: `The file has no "${column}" column: use the template's columns (${columnList})` });
    }
  }
  for (const extra of unknown) {
    problems.push({
      row: 1,
      column: null,
      message: `Column ${extra.index + 1}, "${extra.name || '(blank)'}", is not a column of the template: remove it (the columns are ${columnList})`,
    });
  }
  return { problems, positions };
}

/** Maps the zod row schema's fields to the file's columns. */
const COLUMN_OF_FIELD: Record<string, ReturnCsvColumn> = {
  measureCode: 'measure_code',
  breakdownOption: 'breakdown_option',
  value: 'value',
  comment: 'comment',
  blankReason: 'blank_reason',
};

export interface ParsedCsv {
  problems: CsvProblem[];
  rows: CsvRow[];
}

/**
 * Reads a return's CSV file against the measures of the return. Every problem is reported with its row and
 * column (up to MAX_CSV_PROBLEMS); rows are only usable when there is no problem at all.
 */
export function parseReturnCsv(input: string, measures: ReadonlyMap<string, CsvMeasure>): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const whole = (message: string): ParsedCsv => ({ problems: [{ row: null, column: null, message }], rows: [] });
  if (text.trim() === '') return whole('The file is empty: download the template, fill it in and upload it');
  if (text.length > MAX_CSV_BYTES) {
    return whole(`The file is over ${formatSize(MAX_CSV_BYTES)}: a return's CSV file can be at most ${formatSize(MAX_CSV_BYTES)}`);
  }
  // U+FFFD is what a decoder leaves where bytes were not UTF-8.
  if (text.includes('\uFFFD')) return whole(NOT_UTF8);

  const reader = new CsvReader(text);
  let header: string[] | null = null;
  while (!header) {
    const cells = reader.next(true);
    if (cells === null) return whole('The file is empty: download the template, fill it in and upload it');
    if (!isBlankRecord(cells)) header = cells;
  }
  const headerRow = reader.record;
  const { problems: headerIssues, positions } = headerProblems(header);
  if (headerIssues.length) return { problems: headerIssues.map((p) => ({ ...p, row: headerRow })), rows: [] };

  const problems: CsvProblem[] = [];
  let hidden = 0;
  const report = (problem: CsvProblem) => {
    if (problems.length < MAX_CSV_PROBLEMS) problems.push(problem);
    else hidden += 1;
  };
  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  const width = header.length;
  let count = 0;

  for (let cells = reader.next(true); cells !== null; cells = reader.next(true)) {
    if (isBlankRecord(cells)) continue;
    count += 1;
    if (count > MAX_CSV_ROWS) {
      // Count the rest without keeping them.
      for (let more = reader.next(false); more !== null; more = reader.next(false)) if (more) count += 1;
      return whole(`The file has ${formatCount(count)} rows; a return has at most ${formatCount(MAX_CSV_ROWS)}`);
    }
    const row = reader.record;
    if (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== '')) {
      report({
        row,
        column: null,
        message: `Row ${row} has ${cells.length} cells but the header has ${width}: put text with commas in quotes, or save the file from a spreadsheet as CSV UTF-8`,
      });
      continue;
    }
    const cell = (column: ReturnCsvColumn) => unguard(cells[positions.get(column)!] ?? '');
    const shape = ReturnValueInputSchema.safeParse({
      measureCode: cell('measure_code'),
      breakdownOption: cell('breakdown_option'),
      value: cell('value'),
      comment: cell('comment'),
      blankReason: cell('blank_reason'),
    });
    if (!shape.success) {
      const fields = new Set<string>();
      for (const issue of shape.error.issues) {
        const field = String(issue.path[0] ?? 'value');
        if (fields.has(field)) continue;
        fields.add(field);
        report({ row, column: COLUMN_OF_FIELD[field] ?? null, message: `Row ${row}: ${issue.message}` });
      }
      continue;
    }
    const code = shape.data.measureCode.toUpperCase();
    const key = shape.data.breakdownOption.toUpperCase();
    const measure = measures.get(code);
    if (!measure) {
      report({ row, column: 'measure_code', message: `Row ${row}: ${code} is not a measure of this return` });
      continue;
    }
    const label = measure.keys.get(key);
    if (label === undefined) {
      report({
        row,
        column: 'breakdown_option',
        message: key
          ? `Row ${row}: "${key}" is not an option of ${measure.label}`
          : `Row ${row}: ${measure.label} has no total of its own: enter its breakdown`,
      });
      continue;
    }
    const figure = csvValueKey(code, key);
    const earlier = seen.get(figure);
    if (earlier !== undefined) {
      report({
        row,
        column: key ? 'breakdown_option' : 'measure_code',
        message: `Row ${row} is the same figure as row ${earlier} (${label}): keep one of them`,
      });
      continue;
    }
    seen.set(figure, row);
    const parsed = parseValue(shape.data.value, { label, unit: measure.unit });
    if (!parsed.ok) {
      report({ row, column: 'value', message: `Row ${row}: ${parsed.message}` });
      continue;
    }
    rows.push({
      row,
      measureCode: code,
      breakdownKey: key,
      value: parsed.value,
      blankReason: parsed.value === null ? shape.data.blankReason : null,
      comment: shape.data.comment,
    });
  }
  if (reader.unclosedQuoteAt !== null) {
    report({
      row: reader.unclosedQuoteAt,
      column: null,
      message: `Row ${reader.unclosedQuoteAt} opens a quote (") that is never closed: check the text in quotes`,
    });
  }
  if (count === 0) return whole('The file has a header but no figures: fill in the template and upload it again');
  if (hidden) problems.push({ row: null, column: null, message: `${formatCount(hidden)} more problems are not listed: fix the ones above and upload the file again` });
  return { problems, rows };
}

/**
 * The template's HARD checks on the figures the return would have after the import (what is saved, with the
 * file's rows on top), through the one check engine. Each failure names its measures and, where the file has a
 * row for one of them, that row.
 */
export function importCheckProblems(
  checks: readonly CheckDefinition[],
  measures: ReadonlyMap<string, CsvMeasure>,
  current: readonly ValueRow[],
  rows: readonly CsvRow[],
): CsvProblem[] {
  const merged = new Map<string, ValueRow>();
  for (const value of current) merged.set(csvValueKey(value.measureCode, value.breakdownKey), value);
  for (const row of rows) {
    merged.set(csvValueKey(row.measureCode, row.breakdownKey), {
      measureCode: row.measureCode,
      breakdownKey: row.breakdownKey,
      value: row.value,
      comment: row.comment,
    });
  }
  const results = runChecks(
    checks.filter((check) => check.severity === 'HARD'),
    { measures: measures as unknown as Map<string, MeasureInfo>, values: valuesFrom([...merged.values()]), quarter: 1 },
  );
  const rowOf = (code: string) =>
    rows.find((row) => row.measureCode === code && row.breakdownKey === '')?.row ?? rows.find((row) => row.measureCode === code)?.row ?? null;
  return results
    .filter((result) => result.status === 'failed')
    .map((result) => {
      const row = result.measures.map(rowOf).find((r) => r !== null) ?? null;
      return {
        row,
        column: 'value' as const,
        message: `${result.message} (${result.measures.join(', ')})`,
      };
    });
}
