// Export files (graphql/domain/export-files.ts): CSV as RFC 4180 with a BOM, CRLF, quoting and formula neutralising,
// numbers written plainly (money to the penny); XLSX read back with exceljs: numbers are numbers, [c] is text, dates
// are dates, a sheet per table with its caption and bold frozen headings, and a Notes sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  FORMULA_NOTE,
  MONEY_FORMAT,
  moneyText,
  rowCountOf,
  sheetNames,
  toCsv,
  toXlsx,
  type ExportNote,
  type ExportTable,
} from '../../graphql/domain/export-files';

const people: ExportTable = {
  name: 'Age',
  caption: 'New service users by age, 2025/26',
  columns: [
    { header: 'Age', kind: 'text' },
    { header: 'New service users', kind: 'count' },
  ],
  rows: [
    ['Under 13', 15],
    ['13-17', '[c]'],
    ['18+', 0],
    ['Total', 1234],
  ],
  totalRows: 1,
};

const mixed: ExportTable = {
  name: 'Services',
  caption: 'Services, "quoted", with commas',
  columns: [
    { header: 'Title', kind: 'text' },
    { header: 'Annual value (£)', kind: 'money' },
    { header: 'On time (%)', kind: 'percentage' },
    { header: 'End date', kind: 'date' },
    { header: 'FTE', kind: 'number' },
  ],
  rows: [
    ['Plain', '85000', 88, '2026-03-31', 2.5],
    ['Comma, inside', '1234.5', null, '2026-04-01', 0],
    ['Say "hello"', '0.005', '[c]', '2026-04-02', null],
    ['Line\nbreak', 100.1, 0, new Date('2026-04-03T00:00:00Z').toISOString(), 12],
    ['=SUM(A1:A2)', '12.345', 5, '2026-04-04', 1],
    ['+1 and -1 and @x', { kind: 'count', value: 7 }, 1, '2026-04-05', { kind: 'money', value: '3' }],
    ['-minus', null, null, null, null],
  ],
};

const notes: ExportNote[] = [
  { label: 'File', text: 'Reach: who the services supported' },
  { label: 'Disclosure control', text: 'Counts of people are under disclosure control: 0 stays 0, 1 to 7 people are shown as [c].' },
];

describe('toCsv', () => {
  const csv = toCsv([people, mixed], notes);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 byte order mark and ends every line with CRLF (no bare LF outside quotes)', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The only LF not after a CR is inside the quoted "Line\nbreak" field.
    expect(csv.match(/(?<!\r)\n/g)).toHaveLength(1);
    expect(csv).toContain('"Line\nbreak"');
  });

  it('writes each table after its caption line and before a blank line, then the notes', () => {
    expect(lines.slice(0, 7)).toEqual([
      '"New service users by age, 2025/26"',
      'Age,New service users',
      'Under 13,15',
      '13-17,[c]',
      '18+,0',
      'Total,1234',
      '',
    ]);
    expect(lines[7]).toBe('"Services, ""quoted"", with commas"');
    expect(lines[8]).toBe('Title,Annual value (£),On time (%),End date,FTE');
    const notesAt = lines.indexOf('Notes');
    expect(notesAt).toBeGreaterThan(8);
    expect(lines[notesAt - 1]).toBe('');
    expect(lines.slice(notesAt + 1, notesAt + 3)).toEqual([
      'File,Reach: who the services supported',
      'Disclosure control,"Counts of people are under disclosure control: 0 stays 0, 1 to 7 people are shown as [c]."',
    ]);
    expect(csv).toContain(`Formulas,"${FORMULA_NOTE.replaceAll('"', '""')}"`);
  });

  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csv).toContain('\r\n"Comma, inside",1234.50,,2026-04-01,0\r\n');
    expect(csv).toContain('\r\n"Say ""hello""",0.01,[c],2026-04-02,\r\n');
    expect(csv).toContain('\r\n"Line\nbreak",100.10,0,2026-04-03,12\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, and only text', () => {
    expect(csv).toContain("\r\n'=SUM(A1:A2),12.35,5,2026-04-04,1\r\n");
    expect(csv).toContain("\r\n'+1 and -1 and @x,7,1,2026-04-05,3.00\r\n");
    expect(csv).toContain("\r\n'-minus,,,,\r\n");
    expect(toCsv([{ ...people, rows: [['@handle', 1], ['ok', -3]] }], [])).toContain("\r\n'@handle,1\r\nok,-3\r\n");
  });

  it('writes numbers plainly: no thousands separators, money to the penny, dates as ISO', () => {
    expect(csv).toContain('\r\nPlain,85000.00,88,2026-03-31,2.5\r\n');
    expect(csv).toContain('\r\nTotal,1234\r\n');
  });
});

describe('moneyText', () => {
  it('gives pounds and pence exactly, rounding half up', () => {
    expect(moneyText('85000')).toBe('85000.00');
    expect(moneyText('1234.5')).toBe('1234.50');
    expect(moneyText('15000.0000')).toBe('15000.00');
    expect(moneyText('0.005')).toBe('0.01');
    expect(moneyText('0.0049')).toBe('0.00');
    expect(moneyText('999999999999.995')).toBe('1000000000000.00');
    expect(moneyText(100.1)).toBe('100.10');
    expect(moneyText('[c]')).toBe('[c]');
  });
});

describe('sheetNames', () => {
  it('keeps names to 31 safe characters, unique', () => {
    const names = sheetNames(['Age', 'age', 'A very long table name that goes on and on', 'What: a/b?', '', 'Notes']);
    expect(names[0]).toBe('Age');
    expect(names[1]).toBe('age (2)');
    expect(names[2]).toHaveLength(31);
    expect(names[3]).toBe('What a b');
    expect(names[4]).toBe('Table 5');
    expect(names[5]).toBe('Notes');
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('toXlsx', () => {
  async function read(tables: ExportTable[]) {
    const buffer = await toXlsx(tables, notes, { created: new Date('2026-11-29T10:00:00Z'), title: 'Reach, 2025/26' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }

  it('has a sheet per table and a Notes sheet last', async () => {
    const workbook = await read([people, mixed]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Age', 'Services', 'Notes']);
  });

  it('puts the caption in A1 and the headings, bold and frozen, in row 2', async () => {
    const sheet = (await read([people])).getWorksheet('Age')!;
    expect(sheet.getCell('A1').value).toBe('New service users by age, 2025/26');
    expect(sheet.getRow(2).values).toEqual([undefined, 'Age', 'New service users']);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  it('writes numbers as numbers and [c] as text', async () => {
    const sheet = (await read([people])).getWorksheet('Age')!;
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B3').value).toBe(15);
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B4').value).toBe('[c]');
    expect(sheet.getCell('B5').value).toBe(0);
    expect(sheet.getCell('B5').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B6').value).toBe(1234);
    expect(sheet.getCell('A6').font?.bold).toBe(true); // the total row
  });

  it('writes money as numbers with the pounds format, percentages as numbers, dates as dates, blanks as empty', async () => {
    const sheet = (await read([mixed])).getWorksheet('Services')!;
    expect(sheet.getCell('B3').value).toBe(85000);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B3').numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getCell('B4').value).toBe(1234.5);
    expect(sheet.getCell('B5').value).toBe(0.01);
    expect(sheet.getCell('C3').value).toBe(88);
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('C4').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('C5').value).toBe('[c]');
    expect(sheet.getCell('D3').type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell('D3').value as Date).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(sheet.getCell('E3').value).toBe(2.5);
    // A cell of its own kind: a count and money in columns of other kinds.
    expect(sheet.getCell('B8').value).toBe(7);
    expect(sheet.getCell('E8').value).toBe(3);
    expect(sheet.getCell('E8').numFmt).toBe(MONEY_FORMAT);
    // Text in XLSX is never a formula: it is written as it is.
    expect(sheet.getCell('A7').value).toBe('=SUM(A1:A2)');
    expect(sheet.getCell('A7').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes the notes on the Notes sheet', async () => {
    const sheet = (await read([people])).getWorksheet('Notes')!;
    expect(sheet.getCell('A1').value).toBe('Notes: Reach, 2025/26');
    expect(sheet.getCell('A2').value).toBe('File');
    expect(sheet.getCell('B2').value).toBe('Reach: who the services supported');
    expect(sheet.getCell('B3').value).toContain('1 to 7 people are shown as [c]');
  });
});

describe('rowCountOf', () => {
  it('counts data rows, totals included', () => {
    expect(rowCountOf([people, mixed])).toBe(11);
  });
});
