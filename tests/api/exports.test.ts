// Exports: every dashboard's tables and the returns data as CSV and XLSX. With the dashboard fixture
// (tests/helpers/dashboard-factories.ts: every figure worked out BY HAND in its header and in addExportFixtureValues),
// the officer's files hold exactly the exact figures and the Commissioner's exactly the controlled ones ([c] for a
// small count, 15 for 13); every dashboard exports for both roles in both formats; each export writes ONE audit event
// and a refused one none; providers download only their own returns data; bad filters; statements at 5 and 100
// services.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/context';
import { getPrisma } from '../../graphql/db';
import { addDays } from '../../graphql/domain/periods';
import { DISCLOSURE_RULE_TEXT, ROUNDING_FOOTNOTE } from '../../graphql/domain/disclosure';
import { CONTROLLED_STATEMENT, DASHBOARD_NAMES, EXACT_STATEMENT } from '../../graphql/domain/export-tables';
import { codes, execute, type GraphQLResponse } from '../helpers/api';
import {
  addBulkServices,
  addExportFixtureValues,
  createDashboardFixture,
  EXPORT_FIXTURE_COMMENT,
  EXPORT_FIXTURE_NARRATIVE,
  type DashboardFixture,
} from '../helpers/dashboard-factories';
import { createOrganisation, createUser, viewerFor } from '../helpers/factories';
import { countStatements } from '../helpers/statements';
import { parseCsv } from '../helpers/csv';

const FILE = 'filename contentType encoding content tables rowCount controlled';
const DASHBOARD_EXPORT = `query ($dashboard: DashboardName!, $format: ExportFormat!, $filter: DashboardFilter) {
  dashboardExport(dashboard: $dashboard, format: $format, filter: $filter) { ${FILE} } }`;
const RETURNS_EXPORT = `query ($format: ExportFormat!, $filter: ReturnsExportFilter!) {
  returnsDataExport(format: $format, filter: $filter) { ${FILE} } }`;
const REACH = `query ($filter: DashboardFilter) { dashboardReach(filter: $filter) {
  byAge { rows { label count { exportValue } } total { exportValue } } } }`;

interface ExportFile {
  filename: string;
  contentType: string;
  encoding: string;
  content: string;
  tables: string[];
  rowCount: number;
  controlled: boolean;
}

let fx: DashboardFixture;
let officer: Viewer;
let admin: Viewer;
let commissioner: Viewer;
let alphaProvider: Viewer;

beforeAll(async () => {
  fx = await createDashboardFixture();
  await addExportFixtureValues(fx);
  [officer, admin, commissioner] = await Promise.all([viewerFor('POLICY_OFFICER'), viewerFor('ADMIN'), viewerFor('COMMISSIONER')]);
  alphaProvider = await viewerFor('PROVIDER', fx.providers.alpha.id);
});

// ---------------------------------------------------------------------------------------------------------------
// Reading the files back
// ---------------------------------------------------------------------------------------------------------------


/** The CSV's tables by caption: heading and rows (a table runs from its caption to the blank line after it). */
function csvTables(text: string): Map<string, { header: string[]; rows: string[][] }> {
  const rows = parseCsv(text);
  const tables = new Map<string, { header: string[]; rows: string[][] }>();
  let i = 0;
  while (i < rows.length && rows[i]![0] !== 'Notes') {
    const caption = rows[i]![0]!;
    const header = rows[i + 1]!;
    const body: string[][] = [];
    i += 2;
    while (i < rows.length && !(rows[i]!.length === 1 && rows[i]![0] === '')) body.push(rows[i++]!);
    tables.set(caption, { header, rows: body });
    i++; // the blank line
  }
  return tables;
}

/** The notes lines of a CSV, as label -> text. */
function csvNotes(text: string): Map<string, string> {
  const rows = parseCsv(text);
  const at = rows.findIndex((row) => row.length === 1 && row[0] === 'Notes');
  return new Map(rows.slice(at + 1).map((row) => [row[0]!, row[1]!]));
}

async function workbookOf(file: ExportFile) {
  expect(file.encoding).toBe('base64');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's data rows (row 3 on: row 1 is the caption, row 2 the headings), as cell values. */
function sheetRows(sheet: ExcelJS.Worksheet, columns: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    rows.push(Array.from({ length: columns }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? null));
  }
  return rows;
}

const notesText = (workbook: ExcelJS.Workbook) => {
  const sheet = workbook.getWorksheet('Notes')!;
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push(`${row.getCell(1).value ?? ''}: ${row.getCell(2).value ?? ''}`));
  return lines.join('\n');
};

// ---------------------------------------------------------------------------------------------------------------
// Calling the API
// ---------------------------------------------------------------------------------------------------------------

async function exportCount(): Promise<number> {
  const [row] = await getPrisma().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event WHERE action = 'EXPORT'`;
  return Number(row!.n);
}

async function dashboardExport(
  dashboard: string,
  format: 'CSV' | 'XLSX',
  filter: Record<string, unknown> | null,
  viewer: Viewer | null,
): Promise<GraphQLResponse<{ dashboardExport: ExportFile }>> {
  return execute(DASHBOARD_EXPORT, { dashboard, format, filter }, { viewer });
}

async function dashboardFile(dashboard: string, format: 'CSV' | 'XLSX', filter: Record<string, unknown> | null, viewer: Viewer) {
  const before = await exportCount();
  const response = await dashboardExport(dashboard, format, filter, viewer);
  expect(response.errors).toBeUndefined();
  expect(await exportCount()).toBe(before + 1);
  return response.data!.dashboardExport;
}

async function returnsExport(format: 'CSV' | 'XLSX', filter: Record<string, unknown>, viewer: Viewer | null) {
  return execute<{ returnsDataExport: ExportFile }>(RETURNS_EXPORT, { format, filter }, { viewer });
}

async function returnsFile(format: 'CSV' | 'XLSX', filter: Record<string, unknown>, viewer: Viewer) {
  const before = await exportCount();
  const response = await returnsExport(format, filter, viewer);
  expect(response.errors).toBeUndefined();
  expect(await exportCount()).toBe(before + 1);
  return response.data!.returnsDataExport;
}

const Y = { financialYear: 2025 };

// ---------------------------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------------------------

describe('dashboardExport: reach', () => {
  // Hand-computed in addExportFixtureValues: approved returns of 2025/26.
  const AGE_EXACT = [['Under 13', '8'], ['13-17', '19'], ['18+', '2'], ['Not known', '0'], ['Total', '29']];
  const AGE_CONTROLLED = [['Under 13', '10'], ['13-17', '20'], ['18+', '[c]'], ['Not known', '0'], ['Total', '30']];

  it('gives an officer the exact figures as CSV, the same as the dashboard', async () => {
    const file = await dashboardFile('REACH', 'CSV', Y, officer);
    expect(file).toMatchObject({
      filename: 'reach-2025-26.csv',
      contentType: 'text/csv; charset=utf-8',
      encoding: 'utf-8',
      tables: ['Age', 'Gender', 'Ethnicity'],
      controlled: false,
    });
    const tables = csvTables(file.content);
    expect([...tables.keys()]).toEqual([
      'New service users by age, 2025/26',
      'New service users by gender, 2025/26',
      'New service users by ethnicity, 2025/26',
    ]);
    const age = tables.get('New service users by age, 2025/26')!;
    expect(age.header).toEqual(['Age', 'New service users']);
    expect(age.rows).toEqual(AGE_EXACT);
    expect(tables.get('New service users by gender, 2025/26')!.rows).toEqual([
      ['Girl or woman', '20'],
      ['Boy or man', '9'],
      ['Non-binary or other', '0'],
      ['Not known', '0'],
      ['Total', '29'],
    ]);
    expect(tables.get('New service users by ethnicity, 2025/26')!.rows).toEqual([
      ['Asian or Asian British', '2'],
      ['Black, Black British, Caribbean or African', '3'],
      ['Mixed or multiple ethnic groups', '3'],
      ['White', '21'],
      ['Other ethnic group', '0'],
      ['Not known', '0'],
      ['Total', '29'],
    ]);
    expect(file.rowCount).toBe(5 + 5 + 7);
    // The dashboard answers the same.
    const reach = (await execute(REACH, { filter: Y }, { viewer: officer })).data!.dashboardReach;
    expect([...reach.byAge.rows.map((r: any) => [r.label, r.count.exportValue]), ['Total', reach.byAge.total.exportValue]]).toEqual(AGE_EXACT);
    const notes = csvNotes(file.content);
    expect(notes.get('Disclosure control')).toBe(EXACT_STATEMENT);
    expect(notes.get('Period')).toBe('2025/26');
    expect(notes.get('Generated by')).toBe(officer.label);
  });

  it('gives the Commissioner the controlled figures as CSV: [c] for 1 to 7, rounded to 5, with the statement', async () => {
    const file = await dashboardFile('REACH', 'CSV', Y, commissioner);
    expect(file.controlled).toBe(true);
    const tables = csvTables(file.content);
    expect(tables.get('New service users by age, 2025/26')!.rows).toEqual(AGE_CONTROLLED);
    expect(tables.get('New service users by gender, 2025/26')!.rows.map((r) => r[1])).toEqual(['20', '10', '0', '0', '30']);
    expect(tables.get('New service users by ethnicity, 2025/26')!.rows.map((r) => r[1])).toEqual(['[c]', '[c]', '[c]', '20', '0', '0', '30']);
    const reach = (await execute(REACH, { filter: Y }, { viewer: commissioner })).data!.dashboardReach;
    expect([...reach.byAge.rows.map((r: any) => [r.label, r.count.exportValue]), ['Total', reach.byAge.total.exportValue]]).toEqual(
      AGE_CONTROLLED,
    );
    const notes = csvNotes(file.content);
    expect(notes.get('Disclosure control')).toBe(CONTROLLED_STATEMENT);
    expect(notes.get('Disclosure control')).toContain('0 stays 0, 1 to 7 people are shown as [c], other counts are rounded to the nearest 5');
    expect(notes.get('Disclosure control')).toContain(ROUNDING_FOOTNOTE);
    expect(notes.get('Rule CSA-SDC-1')).toBe(DISCLOSURE_RULE_TEXT.join(' '));
    expect(notes.get('About these figures')).toContain('"fewer than 8"');
  });

  it('rounds 13 to 15 for the Commissioner in a quarter, as XLSX with numbers as numbers', async () => {
    const file = await dashboardFile('REACH', 'XLSX', { ...Y, quarter: 1 }, commissioner);
    expect(file).toMatchObject({
      filename: 'reach-2025-26-q1.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      controlled: true,
    });
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Age', 'Gender', 'Ethnicity', 'Notes']);
    const age = workbook.getWorksheet('Age')!;
    expect(age.getCell('A1').value).toBe('New service users by age, 2025/26 Q1');
    expect(age.getRow(2).values).toEqual([undefined, 'Age', 'New service users']);
    // Q1: Under 13 = A 5 + C 3 = 8 -> 10; 13-17 = B 13 -> 15; total 21 -> 20.
    expect(sheetRows(age, 2)).toEqual([['Under 13', 10], ['13-17', 15], ['18+', 0], ['Not known', 0], ['Total', 20]]);
    expect(age.getCell('B4').type).toBe(ExcelJS.ValueType.Number);
    // Gender Q1: girl 5 + 13 = 18 -> 20, boy 3 -> [c] (text).
    const gender = workbook.getWorksheet('Gender')!;
    expect(gender.getCell('B4').value).toBe('[c]');
    expect(gender.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(gender.getCell('B3').value).toBe(20);
    const notes = notesText(workbook);
    expect(notes).toContain(`Disclosure control: ${CONTROLLED_STATEMENT}`);
    expect(notes).toContain('Period: 2025/26 Q1');
    expect(notes).toContain(`Generated by: ${commissioner.label}`);
  });

  it('gives an officer exact figures as XLSX', async () => {
    const workbook = await workbookOf(await dashboardFile('REACH', 'XLSX', { ...Y, quarter: 1 }, officer));
    expect(sheetRows(workbook.getWorksheet('Age')!, 2)).toEqual([['Under 13', 8], ['13-17', 13], ['18+', 0], ['Not known', 0], ['Total', 21]]);
    expect(sheetRows(workbook.getWorksheet('Gender')!, 2).slice(0, 2)).toEqual([['Girl or woman', 18], ['Boy or man', 3]]);
    expect(notesText(workbook)).toContain(`Disclosure control: ${EXACT_STATEMENT}`);
  });
});

describe('dashboardExport: headline', () => {
  const SUMMARY_HEADER = [
    'Services running',
    'Annual investment (£)',
    'Children and young people supported',
    'Children supported: quarters covered',
    'Returns expected',
    'Returns received',
    'Returns on time',
    'Returns on time (%)',
  ];
  const QUARTERS = [
    ['2025/26 Q1', '3', '3', '2'],
    ['2025/26 Q2', '3', '2', '0'],
    ['2025/26 Q3', '2', '2', '2'],
    ['2025/26 Q4', '2', '0', '0'],
  ];

  it('gives an officer the summary and the returns per quarter, exact', async () => {
    const file = await dashboardFile('HEADLINE', 'CSV', Y, officer);
    expect(file.filename).toBe('headline-2025-26.csv');
    expect(file.tables).toEqual(['Summary', 'Returns on time']);
    const tables = csvTables(file.content);
    const summary = tables.get('Portfolio headline, 2025/26')!;
    expect(summary.header).toEqual(SUMMARY_HEADER);
    // 3 services; 215000.50; 29 children; 10 expected, 7 received, 4 on time (40%).
    expect(summary.rows).toEqual([['3', '215000.50', '29', '2025/26 Q1 to Q4', '10', '7', '4', '40']]);
    const quarters = tables.get('Returns expected, received and on time, 2025/26')!;
    expect(quarters.header).toEqual(['Quarter', 'Expected', 'Received', 'On time']);
    expect(quarters.rows).toEqual(QUARTERS);
  });

  it('gives the Commissioner 30 for 29 children, and [c] for 5, with money and returns exact', async () => {
    const summary = csvTables((await dashboardFile('HEADLINE', 'CSV', Y, commissioner)).content).get('Portfolio headline, 2025/26')!;
    expect(summary.rows).toEqual([['3', '215000.50', '30', '2025/26 Q1 to Q4', '10', '7', '4', '40']]);
    const small = await dashboardFile('HEADLINE', 'XLSX', { ...Y, quarter: 1, providerId: fx.providers.alpha.id, priorityIssueCode: 'PI-ONLINE' }, commissioner);
    const sheet = (await workbookOf(small)).getWorksheet('Summary')!;
    // PI-ONLINE services of alpha in Q1: A only, 5 new users -> [c]; A's funding 125000.50.
    expect(sheetRows(sheet, 8)).toEqual([[1, 125000.5, '[c]', '2025/26 Q1', 1, 1, 1, 100]]);
    expect(sheet.getCell('B3').numFmt).toBe('£#,##0.00');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    const notes = notesText(await workbookOf(small));
    expect(notes).toContain(`Provider: ${fx.providers.alpha.name}`);
    expect(notes).toContain('Priority issue: PI-ONLINE');
  });
});

describe('dashboardExport: initiatives and contracts ending', () => {
  it('gives an officer each initiative and the services it funds, exact; the Commissioner controlled', async () => {
    const exact = csvTables((await dashboardFile('INITIATIVES', 'CSV', Y, officer)).content);
    const initiatives = exact.get('Initiatives, 2025/26')!;
    expect(initiatives.header).toEqual(['Initiative', 'Status', 'Services funded', 'Funding (£)', 'Sessions delivered', 'New service users']);
    expect(initiatives.rows[0]).toEqual([fx.initiatives.I1.name, expect.any(String), '2', '60000.00', '64', '26']);
    expect(initiatives.rows[1]).toEqual([fx.initiatives.I2.name, expect.any(String), '1', '15000.00', '30', '13']);
    expect(initiatives.rows).toHaveLength(6);
    const services = exact.get('Services funded by each initiative, 2025/26')!;
    expect(services.rows).toEqual([
      [fx.initiatives.I1.name, fx.services.A.reference, fx.services.A.title, fx.providers.alpha.name, '40000.00', '34', '13'],
      [fx.initiatives.I1.name, fx.services.B.reference, fx.services.B.title, fx.providers.beta.name, '20000.00', '30', '13'],
      [fx.initiatives.I2.name, fx.services.B.reference, fx.services.B.title, fx.providers.beta.name, '15000.00', '30', '13'],
    ]);
    const controlled = csvTables((await dashboardFile('INITIATIVES', 'CSV', { ...Y, quarter: 1 }, commissioner)).content);
    // Q1: A 5 -> [c], B 13 -> 15, I1's total 18 -> 20.
    expect(controlled.get('Initiatives, 2025/26 Q1')!.rows[0]!.slice(4)).toEqual(['54', '20']);
    expect(controlled.get('Services funded by each initiative, 2025/26 Q1')!.rows.map((r) => r.slice(5))).toEqual([
      ['24', '[c]'],
      ['30', '15'],
      ['30', '15'],
    ]);
  });

  it('lists the contracts ending with real dates and a total, the same for everyone', async () => {
    for (const viewer of [officer, commissioner]) {
      const file = await dashboardFile('CONTRACTS_ENDING', 'XLSX', Y, viewer);
      const sheet = (await workbookOf(file)).getWorksheet('Contracts ending')!;
      const rows = sheetRows(sheet, 8);
      expect(rows.map((r) => [r[0], r[2], r[3], (r[4] as Date | null)?.toISOString().slice(0, 10) ?? null, r[6], r[7]])).toEqual([
        [fx.services.F.reference, fx.providers.alpha.name, 'Active', addDays(fx.today, 20), 20, 50000],
        [fx.services.B.reference, fx.providers.beta.name, 'Extended', addDays(fx.today, 90), 90, 60000],
        ['Total', null, null, null, null, 110000],
      ]);
      expect(sheet.getCell('E3').type).toBe(ExcelJS.ValueType.Date);
      const csv = csvTables((await dashboardFile('CONTRACTS_ENDING', 'CSV', Y, viewer)).content);
      const [table] = [...csv.values()];
      expect(table!.rows[0]![4]).toBe(addDays(fx.today, 20));
      expect(table!.rows[2]).toEqual(['Total', '', '', '', '', '', '', '110000.00']);
    }
  });
});

describe('dashboardExport: every dashboard', () => {
  it('exports every dashboard for an officer and the Commissioner, in both formats, each audited once', async () => {
    for (const dashboard of DASHBOARD_NAMES) {
      for (const viewer of [officer, commissioner]) {
        for (const format of ['CSV', 'XLSX'] as const) {
          const file = await dashboardFile(dashboard, format, Y, viewer);
          expect(file.controlled).toBe(viewer === commissioner);
          expect(file.tables.length).toBeGreaterThan(0);
          expect(file.filename).toMatch(new RegExp(`^[a-z-]+-2025-26\\.${format.toLowerCase()}$`));
          if (format === 'CSV') {
            const tables = csvTables(file.content);
            expect(tables.size).toBe(file.tables.length);
            expect([...tables.values()].reduce((n, t) => n + t.rows.length, 0)).toBe(file.rowCount);
          } else {
            const workbook = await workbookOf(file);
            expect(workbook.worksheets.map((s) => s.name)).toEqual([...file.tables, 'Notes']);
            expect(notesText(workbook)).toContain(viewer === commissioner ? CONTROLLED_STATEMENT : EXACT_STATEMENT);
          }
        }
      }
    }
  });

  it('records who exported what, with the filter as resolved', async () => {
    await dashboardFile('VALUE_FOR_MONEY', 'XLSX', { ...Y, quarter: 2 }, commissioner);
    const [event] = await getPrisma().auditEvent.findMany({ where: { action: 'EXPORT' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({
      actorUserId: commissioner.userId,
      actorLabel: commissioner.label,
      organisationId: commissioner.organisationId,
      entityType: 'DashboardExport',
      entityId: 'VALUE_FOR_MONEY',
      operation: 'dashboardExport',
    });
    expect(event!.after).toMatchObject({
      format: 'XLSX',
      filter: { label: '2025/26 Q2', financialYear: 2025, quarter: 2, provisional: false },
      controlled: true,
      rowCount: expect.any(Number),
    });
  });
});

describe('dashboardExport: refused', () => {
  it('refuses providers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), and writes no audit event', async () => {
    const before = await exportCount();
    for (const format of ['CSV', 'XLSX'] as const) {
      const forbidden = await dashboardExport('REACH', format, Y, alphaProvider);
      expect(codes(forbidden)).toEqual(['FORBIDDEN']);
      expect(forbidden.data).toBeNull();
      expect(codes(await dashboardExport('HEADLINE', format, Y, null))).toEqual(['UNAUTHENTICATED']);
    }
    expect(await exportCount()).toBe(before);
  });

  it('answers a bad filter with the dashboard message (BAD_USER_INPUT), and provisional figures FORBIDDEN to the Commissioner', async () => {
    const before = await exportCount();
    const unknown = await dashboardExport('REACH', 'CSV', { financialYear: 2040 }, officer);
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.message).toBe('There is no financial year 2040/41 in the reporting calendar');
    expect(unknown.errors![0]!.extensions!.field).toBe('filter.financialYear');
    const issue = await dashboardExport('COVERAGE', 'XLSX', { ...Y, priorityIssueCode: 'PI-NOPE' }, commissioner);
    expect(issue.errors![0]!.message).toBe('PI-NOPE is not a priority issue');
    expect(codes(await dashboardExport('REACH', 'CSV', { ...Y, quarter: 7 }, officer))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await dashboardExport('NOPE', 'CSV', Y, officer))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await dashboardExport('REACH', 'PDF' as 'CSV', Y, officer))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await dashboardExport('REACH', 'CSV', { ...Y, includeProvisional: true }, commissioner))).toEqual(['FORBIDDEN']);
    expect(await exportCount()).toBe(before);
  });

  it('includes provisional figures for an officer who asks, and says so', async () => {
    const file = await dashboardFile('REACH', 'CSV', { ...Y, includeProvisional: true }, admin);
    expect(file.filename).toBe('reach-2025-26-provisional.csv');
    // + A Q3 submitted: 16-17 girl 4 -> 13-17 = 23; total 33 (B Q2's 2 new users have no breakdown).
    expect(csvTables(file.content).get('New service users by age, 2025/26')!.rows[1]).toEqual(['13-17', '23']);
    expect(csvNotes(file.content).get('Returns counted')).toContain('provisional');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Returns data
// ---------------------------------------------------------------------------------------------------------------

const RETURNS_HEADER = ['Service reference', 'Service title', 'Provider', 'Period', 'Return status', 'Measure code', 'Measure', 'Breakdown', 'Value', 'Unit'];
const CAPTION_2025 = 'Figures from approved returns, 2025/26';

/** The returns data CSV's rows as objects keyed by heading. */
function returnsRows(file: ExportFile, caption: string) {
  const table = csvTables(file.content).get(caption)!;
  expect(table.header).toEqual(RETURNS_HEADER);
  return table.rows.map((row) => Object.fromEntries(RETURNS_HEADER.map((h, i) => [h, row[i]!])));
}

describe('returnsDataExport', () => {
  it('gives an officer every figure of the approved returns, exact, one row per figure, no text or comments', async () => {
    const file = await returnsFile('CSV', { ...Y, serviceId: fx.services.A.id }, officer);
    expect(file).toMatchObject({ filename: 'returns-data-2025-26.csv', tables: ['Returns data'], controlled: false });
    const rows = returnsRows(file, CAPTION_2025);
    // A Q1 (approved): NEW_USERS 5, SD one-to-one 20, SD group 4, 10-12 girl 5, White 5, spend 15000.50, median days 12.
    // A Q2 (approved): NEW_USERS 8, SD 10, 13-15 boy 6, 18-24 girl 2, White 6, Asian 2. A Q3 is only submitted.
    expect(rows).toHaveLength(13);
    expect(file.rowCount).toBe(13);
    const pick = (period: string, code: string, breakdown = '') =>
      rows.find((r) => r.Period === period && r['Measure code'] === code && r.Breakdown === breakdown);
    expect(pick('2025/26 Q1', 'NEW_USERS')).toEqual({
      'Service reference': fx.services.A.reference,
      'Service title': fx.services.A.title,
      Provider: fx.providers.alpha.name,
      Period: '2025/26 Q1',
      'Return status': 'Approved',
      'Measure code': 'NEW_USERS',
      Measure: 'New service users',
      Breakdown: '',
      Value: '5',
      Unit: 'people',
    });
    expect(pick('2025/26 Q1', 'NEW_USERS_AGE_GENDER', '10-12 / Girl or woman')!.Value).toBe('5');
    expect(pick('2025/26 Q1', 'SESSIONS_DELIVERED', 'One-to-one support')).toMatchObject({ Value: '20', Unit: 'count' });
    expect(pick('2025/26 Q1', 'FIN_SPEND_QUARTER')).toMatchObject({ Value: '15000.50', Unit: 'pounds' });
    expect(pick('2025/26 Q1', 'REF_MEDIAN_DAYS_TO_FIRST_SESSION')).toMatchObject({ Value: '12', Unit: 'days' });
    expect(pick('2025/26 Q2', 'NEW_USERS_ETHNICITY', 'Asian or Asian British')!.Value).toBe('2');
    expect(rows.some((r) => r.Period === '2025/26 Q3')).toBe(false);
    // Figures only.
    expect(file.content).not.toContain(EXPORT_FIXTURE_COMMENT);
    expect(file.content).not.toContain(EXPORT_FIXTURE_NARRATIVE);
    expect(rows.some((r) => r['Measure code'] === 'NARR_ACHIEVEMENTS')).toBe(false);
    // In the return's order: Q1 before Q2, a measure's total before its breakdown.
    expect(rows.findIndex((r) => r.Period === '2025/26 Q2')).toBeGreaterThan(rows.findLastIndex((r) => r.Period === '2025/26 Q1'));
    expect(csvNotes(file.content).get('Disclosure control')).toBe(EXACT_STATEMENT);
    expect(csvNotes(file.content).get('Service')).toBe(`${fx.services.A.reference}: ${fx.services.A.title}`);
  });

  it('gives the Commissioner counts of people controlled ([c] for 1 to 7, 15 for 13) and money exact', async () => {
    const file = await returnsFile('XLSX', { ...Y, quarter: 1, providerId: fx.providers.alpha.id }, commissioner);
    expect(file).toMatchObject({ filename: 'returns-data-2025-26-q1.xlsx', controlled: true });
    const workbook = await workbookOf(file);
    const sheet = workbook.getWorksheet('Returns data')!;
    expect(sheet.getCell('A1').value).toBe('Figures from approved returns, 2025/26 Q1');
    const rows = sheetRows(sheet, 10);
    const pick = (reference: string, code: string, breakdown = '') =>
      rows.find((r) => r[0] === reference && r[5] === code && (r[7] ?? '') === breakdown);
    const a = fx.services.A.reference;
    expect(pick(a, 'NEW_USERS')![8]).toBe('[c]'); // 5
    expect(pick(a, 'NEW_USERS_AGE_GENDER', '10-12 / Girl or woman')![8]).toBe('[c]');
    expect(pick(a, 'SESSIONS_DELIVERED', 'One-to-one support')![8]).toBe(20); // not people
    expect(pick(a, 'FIN_SPEND_QUARTER')![8]).toBe(15000.5); // money: exact
    expect(pick(a, 'REF_MEDIAN_DAYS_TO_FIRST_SESSION')![8]).toBe('[c]'); // a waiting time with no count behind it
    expect(pick(fx.services.C.reference, 'NEW_USERS')![8]).toBe('[c]'); // 3
    // Only alpha's services (A, C and the archived E: 200 -> 200).
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([fx.providers.alpha.name]));
    expect(pick(fx.services.E.reference, 'NEW_USERS')![8]).toBe(200);
    const spend = sheet.getRow(rows.findIndex((r) => r[5] === 'FIN_SPEND_QUARTER') + 3).getCell(9);
    expect(spend.type).toBe(ExcelJS.ValueType.Number);
    expect(spend.numFmt).toBe('£#,##0.00');
    const notes = notesText(workbook);
    expect(notes).toContain(CONTROLLED_STATEMENT);
    expect(notes).toContain('Waiting times');
    // B Q1: 13 -> 15.
    const b = returnsRows(await returnsFile('CSV', { ...Y, quarter: 1, serviceId: fx.services.B.id }, commissioner), 'Figures from approved returns, 2025/26 Q1');
    expect(b.find((r) => r['Measure code'] === 'NEW_USERS')!.Value).toBe('15');
    expect(b.find((r) => r['Measure code'] === 'NEW_USERS_ETHNICITY' && r.Breakdown === 'White')!.Value).toBe('10');
    expect(b.find((r) => r['Measure code'] === 'NEW_USERS_ETHNICITY' && (r.Breakdown ?? '').startsWith('Black'))!.Value).toBe('[c]');
    // The officer sees 13 and 3.
    const exact = returnsRows(await returnsFile('CSV', { ...Y, quarter: 1, serviceId: fx.services.B.id }, officer), 'Figures from approved returns, 2025/26 Q1');
    expect(exact.find((r) => r['Measure code'] === 'NEW_USERS')!.Value).toBe('13');
    expect(exact.find((r) => r['Measure code'] === 'NEW_USERS_ETHNICITY' && (r.Breakdown ?? '').startsWith('Black'))!.Value).toBe('3');
  });

  it("gives a provider only its own organisation's figures, exact", async () => {
    const file = await returnsFile('CSV', Y, alphaProvider);
    expect(file.controlled).toBe(false);
    const rows = returnsRows(file, CAPTION_2025);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Provider))).toEqual(new Set([fx.providers.alpha.name]));
    expect(new Set(rows.map((r) => r['Service reference']))).toEqual(
      new Set([fx.services.A.reference, fx.services.C.reference, fx.services.E.reference]),
    );
    expect(rows.find((r) => r['Service reference'] === fx.services.C.reference && r['Measure code'] === 'NEW_USERS')!.Value).toBe('3');
    expect(file.content).not.toContain(fx.providers.beta.name);
    expect(csvNotes(file.content).get('Provider')).toBe(fx.providers.alpha.name);
    // Its own service and its own organisation by id are fine.
    await returnsFile('XLSX', { ...Y, serviceId: fx.services.A.id, providerId: fx.providers.alpha.id }, alphaProvider);
  });

  it("refuses another organisation's service or provider (FORBIDDEN, not an empty file), and writes no audit event", async () => {
    const before = await exportCount();
    for (const filter of [
      { ...Y, serviceId: fx.services.B.id },
      { ...Y, providerId: fx.providers.beta.id },
      { ...Y, serviceId: fx.services.B.id, providerId: fx.providers.alpha.id },
      { ...Y, includeProvisional: true },
    ]) {
      const response = await returnsExport('CSV', filter, alphaProvider);
      expect(codes(response), JSON.stringify(filter)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
    expect(codes(await returnsExport('CSV', { ...Y, includeProvisional: true }, commissioner))).toEqual(['FORBIDDEN']);
    expect(codes(await returnsExport('CSV', Y, null))).toEqual(['UNAUTHENTICATED']);
    expect(await exportCount()).toBe(before);
  });

  it('answers bad filters with clear messages (BAD_USER_INPUT) and writes no audit event', async () => {
    const before = await exportCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ financialYear: 2040 }, 'There is no financial year 2040/41 in the reporting calendar', 'financialYear'],
      [{ financialYear: 1999 }, 'Enter a financial year from 2000/01', 'financialYear'],
      [{ ...Y, quarter: 5 }, 'Choose a quarter from 1 to 4, or none for the whole year', 'quarter'],
      [{ ...Y, serviceId: 'abc' }, 'Choose a service from the list', 'serviceId'],
      [{ ...Y, serviceId: '00000000-0000-4000-8000-000000000000' }, 'There is no such service: choose a service from the list', 'serviceId'],
      [{ ...Y, providerId: '00000000-0000-4000-8000-000000000000' }, 'There is no such provider: choose a provider from the list', 'providerId'],
      [{ ...Y, serviceId: fx.services.B.id, providerId: fx.providers.alpha.id }, `${fx.services.B.reference} is not a service of ${fx.providers.alpha.name}`, 'serviceId'],
    ];
    for (const [filter, message, field] of cases) {
      const response = await returnsExport('XLSX', filter, officer);
      expect(codes(response), message).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(message);
      expect(response.errors![0]!.extensions!.field).toBe(`filter.${field}`);
    }
    expect(codes(await returnsExport('CSV', {}, officer))).toEqual(['BAD_USER_INPUT']);
    expect(await exportCount()).toBe(before);
  });

  it('includes provisional returns for an officer who asks', async () => {
    const file = await returnsFile('CSV', { ...Y, quarter: 3, serviceId: fx.services.A.id, includeProvisional: true }, officer);
    expect(file.filename).toBe('returns-data-2025-26-q3-provisional.csv');
    const rows = returnsRows(file, 'Figures from approved and provisional returns, 2025/26 Q3');
    expect(rows.find((r) => r['Measure code'] === 'NEW_USERS')).toMatchObject({ Value: '4', 'Return status': 'Submitted' });
  });

  it('records the export with the filter as resolved', async () => {
    await returnsFile('CSV', { ...Y, quarter: 2 }, alphaProvider);
    const [event] = await getPrisma().auditEvent.findMany({ where: { action: 'EXPORT' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ entityType: 'ReturnsDataExport', entityId: 'RETURNS_DATA', actorLabel: alphaProvider.label, operation: 'returnsDataExport' });
    expect(event!.after).toMatchObject({
      format: 'CSV',
      filter: { label: '2025/26 Q2', financialYear: 2025, quarter: 2, serviceId: null, providerId: fx.providers.alpha.id, provisional: false },
      controlled: false,
    });
  });
});

// Last: it adds many services (of their own provider, so the figures above are untouched whatever the order).
describe('statements', () => {
  it('sends the same number of SQL statements for 5 and for 100 services', async () => {
    const provider = await createOrganisation();
    const bulkOfficer = await createUser({ role: 'POLICY_OFFICER' });
    await addBulkServices(5, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const filter = { financialYear: 2024, providerId: provider.id };
    const measure = async () => {
      const returns = await countStatements(() => returnsExport('CSV', filter, commissioner));
      const reach = await countStatements(() => dashboardExport('HEADLINE', 'XLSX', filter, commissioner));
      expect(returns.result.errors).toBeUndefined();
      expect(reach.result.errors).toBeUndefined();
      return { returns: returns.statements, headline: reach.statements, rows: returns.result.data!.returnsDataExport.rowCount };
    };
    const five = await measure();
    await addBulkServices(95, { providerId: provider.id, financialYear: 2024, userId: bulkOfficer.id });
    const hundred = await measure();
    expect({ returns: hundred.returns, headline: hundred.headline }).toEqual({ returns: five.returns, headline: five.headline });
    // 4 quarters x 2 figures per service.
    expect([five.rows, hundred.rows]).toEqual([40, 800]);
    expect(five.returns).toBeLessThanOrEqual(10);
  });
});
