// A return as a CSV file (graphql/domain/return-csv.ts): the template (quoting, BOM, formula injection), reading a
// file (encoding, header, rows, limits) with a message naming the row and column for every problem, and the HARD
// checks of the one engine on the figures the return would have.
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../../graphql/domain/checks';
import {
  buildReturnCsv,
  csvValueKey,
  decodeCsvBytes,
  importCheckProblems,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  parseReturnCsv,
  RETURN_CSV_COLUMNS,
  returnCsvFileName,
  type CsvMeasure,
} from '../../graphql/domain/return-csv';
import { CHECKS } from '../../seeds/measures';

const measure = (code: string, label: string, unit: CsvMeasure['unit'], options: [string, string][] = [], totalMeasure?: string): CsvMeasure => {
  const keys = new Map<string, string>();
  if (!totalMeasure) keys.set('', label);
  for (const [key, words] of options) keys.set(key, `${label} (${words})`);
  return { code, label, unit, direction: 'NEUTRAL', keys, ...(totalMeasure ? { totalMeasure } : {}) };
};

const MEASURES = [
  measure('REF_RECEIVED', 'Referrals received, by source', 'COUNT', [
    ['POLICE', 'Police'],
    ['NOT_KNOWN', 'Not known'],
  ]),
  measure('REF_ACCEPTED', 'Referrals accepted', 'COUNT'),
  measure('NEW_USERS', 'New service users', 'COUNT'),
  measure('NEW_USERS_ETHNICITY', 'New service users by ethnicity', 'COUNT', [
    ['WHITE', 'White'],
    ['NOT_KNOWN', 'Not known'],
  ], 'NEW_USERS'),
  measure('STAFF_FTE_FUNDED', 'Funded posts (full-time equivalent) by role', 'DECIMAL'),
  measure('FIN_SPEND_QUARTER', 'Spend this quarter', 'MONEY'),
  measure('NARR_ACHIEVEMENTS', 'Achievements this quarter', 'TEXT'),
];
const LIBRARY = new Map(MEASURES.map((m) => [m.code, m]));
const HEADER = RETURN_CSV_COLUMNS.join(',');

/** A file with the template's header and the given rows (each row's cells joined by commas). */
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const row = (code: string, key: string, value: string, reason = '', comment = '') => `${code},,${key},,${value},${reason},${comment}`;

/** Reads a CSV back into cells (for checking what the template wrote). */
function cellsOf(csv: string): string[][] {
  const out: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\r') continue;
    else if (ch === '\n') cells.push(cell), out.push(cells), (cells = []), (cell = '');
    else cell += ch;
  }
  return out;
}

describe('the template', () => {
  const current = new Map([
    [csvValueKey('REF_RECEIVED', ''), { value: '12', blankReason: null, comment: 'Up, because of the new "MASH" pathway, again' }],
    [csvValueKey('REF_RECEIVED', 'POLICE'), { value: '12', blankReason: null, comment: null }],
    [csvValueKey('REF_ACCEPTED', ''), { value: null, blankReason: 'Not recorded this quarter', comment: null }],
    [csvValueKey('FIN_SPEND_QUARTER', ''), { value: '1250.50', blankReason: null, comment: '=HYPERLINK("http://evil.example")' }],
    [csvValueKey('NARR_ACHIEVEMENTS', ''), { value: '-5 on the waiting list\nand @everyone happy, +1', blankReason: null, comment: null }],
  ]);
  const csv = buildReturnCsv(MEASURES, current);
  const cells = cellsOf(csv);

  it('is UTF-8 text with a byte order mark, CRLF line ends and the template header', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per figure of the return, in order, with its words and what is saved', () => {
    expect(cells.slice(1).map((c) => `${c[0]}[${c[2]}]`)).toEqual([
      'REF_RECEIVED[]',
      'REF_RECEIVED[POLICE]',
      'REF_RECEIVED[NOT_KNOWN]',
      'REF_ACCEPTED[]',
      'NEW_USERS[]',
      'NEW_USERS_ETHNICITY[WHITE]',
      'NEW_USERS_ETHNICITY[NOT_KNOWN]',
      'STAFF_FTE_FUNDED[]',
      'FIN_SPEND_QUARTER[]',
      'NARR_ACHIEVEMENTS[]',
    ]);
    expect(cells[1]).toEqual(['REF_RECEIVED', 'Referrals received, by source', '', 'Total', '12', '', 'Up, because of the new "MASH" pathway, again']);
    expect(cells[2]!.slice(0, 5)).toEqual(['REF_RECEIVED', 'Referrals received, by source', 'POLICE', 'Police', '12']);
    expect(cells[4]!.slice(4, 6)).toEqual(['', 'Not recorded this quarter']);
    expect(cells[5]![3]).toBe(''); // a measure without a breakdown: no words for its only row
  });

  it('quotes cells with commas, quotes and line breaks (quotes doubled)', () => {
    expect(csv).toContain('"Referrals received, by source"');
    expect(csv).toContain('"Up, because of the new ""MASH"" pathway, again"');
    expect(csv).toContain('"\'-5 on the waiting list\nand @everyone happy, +1"');
  });

  it('neutralises spreadsheet formulas in text cells (= + - @) with an apostrophe', () => {
    expect(cells[9]![6]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(cells[10]![4]!.startsWith("'-5")).toBe(true);
  });

  it('reads back as the same figures (the apostrophe is removed again)', () => {
    const { problems, rows } = parseReturnCsv(csv, LIBRARY);
    expect(problems).toEqual([]);
    const byKey = new Map(rows.map((r) => [csvValueKey(r.measureCode, r.breakdownKey), r]));
    expect(byKey.get(csvValueKey('FIN_SPEND_QUARTER', ''))).toMatchObject({ value: '1250.50', comment: '=HYPERLINK("http://evil.example")' });
    expect(byKey.get(csvValueKey('NARR_ACHIEVEMENTS', ''))?.value).toBe('-5 on the waiting list\nand @everyone happy, +1');
    expect(byKey.get(csvValueKey('REF_ACCEPTED', ''))).toMatchObject({ value: null, blankReason: 'Not recorded this quarter' });
    expect(byKey.get(csvValueKey('REF_RECEIVED', ''))).toMatchObject({ row: 2, value: '12', comment: 'Up, because of the new "MASH" pathway, again' });
  });

  it('names the file by service reference and period', () => {
    expect(returnCsvFileName('OPCC-CSAE-2026-004', '2026/27 Q2')).toBe('OPCC-CSAE-2026-004-2026-27-Q2.csv');
  });
});

describe('encoding', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('accepts UTF-8 with or without a byte order mark', () => {
    const withBom = decodeCsvBytes(utf8(`\uFEFF${file(row('REF_ACCEPTED', '', '3', '', 'Café – “quoted”'))}`));
    const without = decodeCsvBytes(utf8(file(row('REF_ACCEPTED', '', '3', '', 'Café – “quoted”'))));
    expect(withBom.ok && without.ok).toBe(true);
    for (const decoded of [withBom, without]) {
      const { problems, rows } = parseReturnCsv(decoded.ok ? decoded.text : '', LIBRARY);
      expect(problems).toEqual([]);
      expect(rows[0]).toMatchObject({ measureCode: 'REF_ACCEPTED', value: '3', comment: 'Café – “quoted”' });
    }
  });

  it('refuses Windows-1252 (Excel\'s "CSV" in the UK) and UTF-16, saying how to save it', () => {
    const latin1 = Uint8Array.from([...utf8(`${HEADER}\r\nREF_ACCEPTED,,,,3,,Caf`), 0xe9, 0x0d, 0x0a]);
    expect(decodeCsvBytes(latin1)).toEqual({ ok: false, message: 'The file is not UTF-8 text: save it as CSV UTF-8' });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...HEADER].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(decodeCsvBytes(utf16)).toEqual({ ok: false, message: 'The file is UTF-16 text: save it as CSV UTF-8' });
  });

  it('refuses text that was decoded with replacement characters, an empty file and a file over the size limit', () => {
    expect(parseReturnCsv(file(row('REF_ACCEPTED', '', '3', '', 'Caf\uFFFD')), LIBRARY).problems[0]!.message).toBe(
      'The file is not UTF-8 text: save it as CSV UTF-8',
    );
    expect(decodeCsvBytes(new Uint8Array()).ok).toBe(false);
    expect(parseReturnCsv('\uFEFF\r\n', LIBRARY).problems[0]!.message).toMatch(/The file is empty/);
    const big = decodeCsvBytes(new Uint8Array(MAX_CSV_BYTES + 1));
    expect(big).toEqual({ ok: false, message: "The file is 5.0 MB: a return's CSV file can be at most 5.0 MB" });
  });
});

describe('the header', () => {
  const problemsOf = (header: string) => parseReturnCsv(`${header}\r\nREF_ACCEPTED,,,,3,,\r\n`, LIBRARY).problems;

  it('may have its columns in any order, in any case, with spaces around them', () => {
    const { problems, rows } = parseReturnCsv(' Value ,MEASURE_CODE,comment,measure,breakdown_option,breakdown,blank_reason\r\n4,REF_ACCEPTED,Fine,,,,\r\n', LIBRARY);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ row: 2, measureCode: 'REF_ACCEPTED', breakdownKey: '', value: '4', blankReason: null, comment: 'Fine' }]);
  });

  it('names an extra column', () => {
    expect(problemsOf(`${HEADER},notes`)).toEqual([
      { row: 1, column: null, message: expect.stringMatching(/^Column 8, "notes", is not a column of the template: remove it/) },
    ]);
  });

  it('names a missing column', () => {
    expect(problemsOf('measure_code,measure,breakdown_option,breakdown,value,blank_reason')).toEqual([
      { row: 1, column: 'comment', message: expect.stringMatching(/^The file has no "comment" column/) },
    ]);
  });

  it('names a renamed column, and a repeated one', () => {
    expect(problemsOf('measure_code,measure,breakdown_option,breakdown,amount,blank_reason,comment')).toEqual([
      { row: 1, column: 'value', message: 'Column 5 is called "amount": it must be called "value", as in the template' },
    ]);
    expect(problemsOf(`${HEADER},value`).map((p) => p.message)).toEqual(['The column "value" appears more than once: keep one']);
  });

  it('says when the file uses semicolons', () => {
    expect(problemsOf(RETURN_CSV_COLUMNS.join(';'))[0]!.message).toBe(
      'The file uses semicolons between columns: save it as CSV UTF-8 (comma delimited)',
    );
  });
});

describe('rows', () => {
  it('reports every problem by row and column, with parseValue\'s messages, and gives no rows to save', () => {
    const { problems } = parseReturnCsv(
      file(
        row('REF_RECEIVED', '', '12'), // 2: fine
        row('REF_RECEIVED', 'POLICE', '-3'), // 3: negative count
        row('REF_ACCEPTED', '', '2.5'), // 4: decimal in a count
        row('NEW_USERS', '', '1e309'), // 5
        row('STAFF_FTE_FUNDED', '', 'two'), // 6: text in a number
        row('NO_SUCH_MEASURE', '', '1'), // 7
        row('REF_RECEIVED', 'MARS', '1'), // 8
        row('REF_RECEIVED', 'POLICE', '1'), // 9: fine on its own, but the same figure as row 3
        row('NEW_USERS_ETHNICITY', '', '4'), // 10: breakdown-only: no total
        row('FIN_SPEND_QUARTER', '', '12.345'), // 11
      ),
      LIBRARY,
    );
    expect(problems).toEqual([
      { row: 3, column: 'value', message: 'Row 3: Referrals received, by source (Police) cannot be negative' },
      { row: 4, column: 'value', message: 'Row 4: Referrals accepted must be a whole number, like 12' },
      { row: 5, column: 'value', message: 'Row 5: New service users must be a whole number, like 12' },
      { row: 6, column: 'value', message: 'Row 6: Funded posts (full-time equivalent) by role must be a number, like 2.5' },
      { row: 7, column: 'measure_code', message: 'Row 7: NO_SUCH_MEASURE is not a measure of this return' },
      { row: 8, column: 'breakdown_option', message: 'Row 8: "MARS" is not an option of Referrals received, by source' },
      { row: 9, column: 'breakdown_option', message: 'Row 9 is the same figure as row 3 (Referrals received, by source (Police)): keep one of them' },
      { row: 10, column: 'breakdown_option', message: 'Row 10: New service users by ethnicity has no total of its own: enter its breakdown' },
      { row: 11, column: 'value', message: 'Row 11: Spend this quarter must have 2 decimal places or fewer' },
    ]);
  });

  it('reads values per unit (thousands separators, £), keeps blank reasons for blanks only, skips blank lines', () => {
    const { problems, rows } = parseReturnCsv(
      file(row('REF_RECEIVED', '', '"1,200"'), '', ',,,,,,', row('FIN_SPEND_QUARTER', '', '£85000.5'), row('REF_ACCEPTED', '', '', 'Not recorded'), row('NEW_USERS', '', '4', 'Ignored')),
      LIBRARY,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.measureCode, r.value, r.blankReason])).toEqual([
      [2, 'REF_RECEIVED', '1200', null],
      [5, 'FIN_SPEND_QUARTER', '85000.50', null],
      [6, 'REF_ACCEPTED', null, 'Not recorded'],
      [7, 'NEW_USERS', '4', null],
    ]);
  });

  it('counts a row by its spreadsheet row even when a quoted cell holds line breaks; reads lowercase codes', () => {
    const { problems, rows } = parseReturnCsv(file('NARR_ACHIEVEMENTS,,,,"Line one\r\nline two, with a comma",,', 'ref_accepted,,,,-1,,'), LIBRARY);
    expect(rows[0]).toMatchObject({ row: 2, value: 'Line one\nline two, with a comma' });
    expect(problems).toEqual([{ row: 3, column: 'value', message: 'Row 3: Referrals accepted cannot be negative' }]);
  });

  it('refuses a row with more cells than the header, and a quote never closed', () => {
    expect(parseReturnCsv(file('REF_ACCEPTED,,,,3,,fine,extra'), LIBRARY).problems[0]).toMatchObject({
      row: 2,
      column: null,
      message: expect.stringMatching(/^Row 2 has 8 cells but the header has 7/),
    });
    // Trailing empty cells (a spreadsheet's extra commas) are fine.
    expect(parseReturnCsv(file('REF_ACCEPTED,,,,3,,,,'), LIBRARY).problems).toEqual([]);
    expect(parseReturnCsv(file('REF_ACCEPTED,,,,3,,"never closed'), LIBRARY).problems.at(-1)!.message).toMatch(/^Row 2 opens a quote/);
  });

  it('refuses a comment of 10,000 characters by its row and column (the same limits as the form)', () => {
    const { problems } = parseReturnCsv(file(row('REF_ACCEPTED', '', '3', '', 'x'.repeat(10_000))), LIBRARY);
    expect(problems).toEqual([{ row: 2, column: 'comment', message: 'Row 2: Comment must be 2,000 characters or fewer' }]);
  });

  it('answers a file of 100,000 rows with one message, quickly', () => {
    const line = 'REF_ACCEPTED,,,,3,,\r\n';
    const csv = HEADER + '\r\n' + line.repeat(100_000);
    const started = performance.now();
    const { problems, rows } = parseReturnCsv(csv, LIBRARY);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ row: null, column: null, message: `The file has 100,000 rows; a return has at most ${MAX_CSV_ROWS.toLocaleString('en-GB')}` }]);
  });

  it('lists at most 1,000 problems and says how many more there are', () => {
    const csv = file(...Array.from({ length: 1_500 }, (_, i) => row('NO_SUCH', String(i), '1')));
    const { problems } = parseReturnCsv(csv, LIBRARY);
    expect(problems).toHaveLength(1_001);
    expect(problems.at(-1)!.message).toBe('500 more problems are not listed: fix the ones above and upload the file again');
  });
});

describe('hard checks on the figures after the import', () => {
  const checks = CHECKS as readonly CheckDefinition[];

  it('reports each failing HARD check (the seeded checks, through the one engine), naming its measures and the row', () => {
    const { rows } = parseReturnCsv(
      file(row('REF_RECEIVED', '', '12'), row('REF_RECEIVED', 'POLICE', '5'), row('REF_RECEIVED', 'NOT_KNOWN', '5'), row('REF_ACCEPTED', '', '13')),
      LIBRARY,
    );
    expect(importCheckProblems(checks, LIBRARY, [], rows)).toEqual([
      { row: 5, column: 'value', message: 'Referrals accepted cannot be more than referrals received. (REF_ACCEPTED, REF_RECEIVED)' },
      {
        row: 2,
        column: 'value',
        message: 'Referrals received by source must add up to the total (use "Not known" where it was not recorded). (REF_RECEIVED)',
      },
    ]);
  });

  it('uses what is saved for figures the file does not have, and the file for those it has', () => {
    const saved = [
      { measureCode: 'NEW_USERS', breakdownKey: '', value: '10' },
      { measureCode: 'NEW_USERS_ETHNICITY', breakdownKey: 'WHITE', value: '10' },
    ];
    const { rows } = parseReturnCsv(file(row('NEW_USERS_ETHNICITY', 'NOT_KNOWN', '2')), LIBRARY);
    expect(importCheckProblems(checks, LIBRARY, saved, rows).map((p) => [p.row, p.message])).toEqual([
      [2, 'New service users by ethnicity must add up to the number of new service users (use "Not known" where it was not recorded). (NEW_USERS_ETHNICITY, NEW_USERS)'],
    ]);
    const fixed = parseReturnCsv(file(row('NEW_USERS', '', '12'), row('NEW_USERS_ETHNICITY', 'NOT_KNOWN', '2')), LIBRARY).rows;
    expect(importCheckProblems(checks, LIBRARY, saved, fixed)).toEqual([]);
  });

  it('ignores SOFT checks (a draft may still need comments)', () => {
    const soft: CheckDefinition[] = [{ code: 'S', severity: 'SOFT', rule: { type: 'lte', left: 'REF_ACCEPTED', right: 'REF_RECEIVED' }, message: 'Soft' }];
    const { rows } = parseReturnCsv(file(row('REF_RECEIVED', '', '1'), row('REF_ACCEPTED', '', '5')), LIBRARY);
    expect(importCheckProblems(soft, LIBRARY, [], rows)).toEqual([]);
  });
});
