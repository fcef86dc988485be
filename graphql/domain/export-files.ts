// Export files: tables of figures (and their notes) as CSV or XLSX. Pure: no Prisma, no GraphQL; the figures and the
// words come from the caller (graphql/domain/export-tables.ts shapes the dashboards' answers into tables).
//
// CSV (RFC 4180): UTF-8 with a byte order mark (so Excel opens it with the right encoding), CRLF line ends, fields
// with a comma, a double quote, CR or LF quoted and their quotes doubled. One file holds every table: each table is
// preceded by a line with its caption and followed by a blank line; the notes come last, after a line "Notes".
// Text cells that a spreadsheet would run as a formula (starting =, +, -, @, a tab or CR) are prefixed with an
// apostrophe (CSV injection); the notes say so. Numbers are written plainly (1234, 12.5, money as 1234.50).
//
// XLSX (exceljs): one worksheet per table (its caption in A1, the column headings in row 2, bold and frozen, then the
// rows; total rows in bold), numbers as real numbers (money with the format £#,##0.00, dates as real dates), a
// suppressed figure as the text [c], and a last worksheet "Notes" with the notes.
import { Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';

/** exceljs (about 30 MB of memory once loaded) is loaded the first time someone downloads a workbook. */
let excel: Promise<typeof ExcelJSModule> | undefined;
const loadExcelJS = () => (excel ??= import('exceljs').then((module) => module.default));

export type ColumnKind = 'text' | 'count' | 'money' | 'percentage' | 'number' | 'date';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}

/**
 * A cell's value: a number; a string (text, `[c]`, a decimal such as "1234.50" for money, an ISO date); null for a
 * blank. A cell may also say its own kind (the returns data has counts and money in one column).
 */
export type ExportValue = string | number | null;
export interface TypedCell {
  kind: ColumnKind;
  value: ExportValue;
}
export type ExportCell = ExportValue | TypedCell;

export interface ExportTable {
  /** The worksheet's name (at most 31 characters; made safe and unique by toXlsx). */
  name: string;
  /** What the table shows, e.g. "New service users by age, 2025/26". */
  caption: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** Rows at the end that are totals (bold in XLSX). Default 0. */
  totalRows?: number;
}

/** One line of the notes: a short label and its text ("Period", "2025/26"). */
export interface ExportNote {
  label: string;
  text: string;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FORMULA_NOTE =
  "Text that starts with =, +, - or @ is written with an apostrophe (') in front, so that a spreadsheet does not run it as a formula.";

const BOM = '\uFEFF';
const CRLF = '\r\n';
const NUMERIC = /^-?\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
export const MONEY_FORMAT = '£#,##0.00';
const COUNT_FORMAT = '#,##0';
const DATE_FORMAT = 'yyyy-mm-dd';

// ---------------------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------------------

const isTyped = (cell: ExportCell | undefined): cell is TypedCell => typeof cell === 'object' && cell !== null;

function resolve(cell: ExportCell | undefined, column: ExportColumn | undefined): TypedCell {
  if (isTyped(cell)) return cell;
  return { kind: column?.kind ?? 'text', value: cell ?? null };
}

/** A decimal (number or text) as pounds and pence, "1234.50", rounded half up to the penny in exact arithmetic. */
export function moneyText(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!NUMERIC.test(text)) return text;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let pence = BigInt(whole!) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (fraction.length > 2 && Number(fraction[2]) >= 5) pence += 1n;
  const pounds = (pence / 100n).toString();
  const rest = (pence % 100n).toString().padStart(2, '0');
  return `${negative && pence > 0n ? '-' : ''}${pounds}.${rest}`;
}

/** An ISO date (YYYY-MM-DD) from a Date or a date/date-time string. */
function isoDate(value: string | number | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** A number written plainly: no exponent, no thousands separators. */
function plainNumber(value: number): string {
  if (Number.isInteger(value)) return value.toString();
  return String(Number(value.toFixed(10)));
}

/** The text of one CSV field, before quoting. */
function csvText(cell: TypedCell): string {
  const { kind, value } = cell;
  if (value === null || value === '') return '';
  if (kind === 'text') {
    const text = String(value);
    return FORMULA_START.test(text) ? `'${text}` : text;
  }
  if (kind === 'date') return isoDate(value);
  if (typeof value === 'number') return kind === 'money' ? moneyText(value) : plainNumber(value);
  if (NUMERIC.test(value.trim())) return kind === 'money' ? moneyText(value) : value.trim();
  // A marker in a figure's column ([c]): written as text, neutralised like any text.
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: TypedCell[]) => cells.map((cell) => quote(csvText(cell))).join(',');
const textCell = (value: string): TypedCell => ({ kind: 'text', value });

// ---------------------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------------------

/** Every table and the notes in one RFC 4180 CSV text, starting with a UTF-8 byte order mark. */
export function toCsv(tables: readonly ExportTable[], notes: readonly ExportNote[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(csvLine([textCell(table.caption)]));
    lines.push(csvLine(table.columns.map((column) => textCell(column.header))));
    for (const row of table.rows) lines.push(csvLine(table.columns.map((column, i) => resolve(row[i], column))));
    lines.push('');
  }
  lines.push(csvLine([textCell('Notes')]));
  for (const note of [...notes, { label: 'Formulas', text: FORMULA_NOTE }]) {
    lines.push(csvLine([textCell(note.label), textCell(note.text)]));
  }
  return BOM + lines.join(CRLF) + CRLF;
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------------------------

const MAX_SHEET_NAME = 31;

/** Sheet names: no []:*?/\ characters, at most 31 characters, not blank, unique (case-insensitively). */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    const base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || `Table ${index + 1}`;
    let candidate = base.slice(0, MAX_SHEET_NAME).trim();
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

interface XlsxValue {
  value: string | number | Date | null;
  numFmt?: string;
}

function xlsxValue(cell: TypedCell): XlsxValue {
  const { kind, value } = cell;
  if (value === null || value === '') return { value: null };
  if (kind === 'text') return { value: String(value) };
  if (kind === 'date') {
    const iso = isoDate(value);
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { value: new Date(`${iso}T00:00:00Z`), numFmt: DATE_FORMAT } : { value: iso };
  }
  const number = typeof value === 'number' ? value : NUMERIC.test(value.trim()) ? Number(kind === 'money' ? moneyText(value) : value.trim()) : null;
  if (number === null) return { value: String(value) }; // [c]
  if (kind === 'money') return { value: number, numFmt: MONEY_FORMAT };
  if (kind === 'count') return { value: number, numFmt: COUNT_FORMAT };
  return { value: number };
}

/** How wide a column needs to be, in characters, for its heading and values (within limits). */
function widthOf(texts: string[], min: number, max: number): number {
  const longest = Math.max(0, ...texts.map((text) => Math.max(...text.split('\n').map((line) => line.length))));
  return Math.min(max, Math.max(min, longest + 2));
}

/**
 * Every table as a worksheet, then the notes as the worksheet "Notes", in one XLSX workbook. Written with exceljs's
 * streaming writer, each row committed as soon as it is filled: a year of returns data at volume (about 120,000 rows)
 * peaked at 1.6 GB of memory through the in-memory workbook model (docs/performance.md).
 */
export async function toXlsx(
  tables: readonly ExportTable[],
  notes: readonly ExportNote[],
  options: { created?: Date; title?: string } = {},
): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'PCC Commissioning and Outcomes Portal';
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;
  if (options.title) workbook.title = options.title;
  const names = sheetNames([...tables.map((table) => table.name), 'Notes']);

  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(names[index]!, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
    // Widths first: the streaming writer writes them before the first row.
    table.columns.forEach((column, c) => {
      const texts = [column.header, ...table.rows.map((row) => csvText(resolve(row[c], column)))];
      sheet.getColumn(c + 1).width = widthOf(texts, 10, 60);
    });
    const caption = sheet.getRow(1);
    caption.getCell(1).value = table.caption;
    caption.getCell(1).font = { bold: true, size: 12 };
    caption.commit();
    const header = sheet.getRow(2);
    table.columns.forEach((column, c) => {
      const cell = header.getCell(c + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: column.kind === 'text' || column.kind === 'date' ? 'left' : 'right' };
    });
    header.commit();
    const totalFrom = table.rows.length - (table.totalRows ?? 0);
    table.rows.forEach((row, r) => {
      const xlsxRow = sheet.getRow(r + 3);
      table.columns.forEach((column, c) => {
        const typed = resolve(row[c], column);
        const { value, numFmt } = xlsxValue(typed);
        const cell = xlsxRow.getCell(c + 1);
        if (value === null) return;
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        if (typeof value === 'string' && typed.kind !== 'text') cell.alignment = { horizontal: 'right' };
        if (r >= totalFrom) cell.font = { bold: true };
      });
      xlsxRow.commit();
    });
    sheet.commit();
  });

  const sheet = workbook.addWorksheet(names[tables.length]!);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 100;
  const heading = sheet.getRow(1);
  heading.getCell(1).value = options.title ? `Notes: ${options.title}` : 'Notes';
  heading.getCell(1).font = { bold: true, size: 12 };
  heading.commit();
  notes.forEach((note, index) => {
    const row = sheet.getRow(index + 2);
    row.getCell(1).value = note.label;
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).value = note.text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** How many data rows the tables hold (total rows included; captions and headings not). */
export const rowCountOf = (tables: readonly ExportTable[]) => tables.reduce((sum, table) => sum + table.rows.length, 0);
