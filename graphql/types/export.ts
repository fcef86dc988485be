// Exports (issue 5, part 3): every dashboard's tables and the returns data as CSV (RFC 4180, UTF-8 BOM) or XLSX.
// The API makes the files, so the rules are in one place and API clients get the same as the pages:
// - dashboardExport: OPCC staff. The dashboard's answer comes from the SAME function its root field resolves with
//   (graphql/types/dashboard-*.ts), with the same resolved filter, so the figures are the page's: exact for officers
//   and admins, under disclosure control CSA-SDC-1 for the Commissioner (`[c]` for a suppressed figure).
//   graphql/domain/export-tables.ts turns the answer into tables; graphql/domain/export-files.ts writes the file.
// - returnsDataExport: the figures of the counted returns (approved, plus provisional ones for officers who ask), one
//   row per figure, in ONE SQL statement whatever the number of returns. OPCC staff see every provider; providers
//   only their own organisation (another organisation's service or provider answers FORBIDDEN, not an empty file).
//   Exact for officers, admins and providers; for the Commissioner every count of people (measure.counts_people)
//   goes through controlCount and waiting times (days) are withheld (the return does not say how many people are
//   behind them, and the rule needs 8 or more). Money and other figures are not controlled. Figures only: no
//   narrative answers, comments or blank reasons.
// They are queries, not mutations (the Commissioner "reads everything and writes nothing"): an export is a read that
// is logged. Each export writes ONE audit event (action EXPORT) through recordAuditEvent, in its own transaction,
// with the actor yoga.ts gives mutations (auditActorOf). A refused export (bad filter, FORBIDDEN) writes nothing.
import { Prisma } from '../../prisma/client';
import { auditActorOf, recordAuditEvent } from '../audit';
import { builder } from '../builder';
import type { Context } from '../context';
import { getPrisma } from '../db';
import { controlCount, SUPPRESSED_EXPORT } from '../domain/disclosure';
import {
  CSV_CONTENT_TYPE,
  moneyText,
  rowCountOf,
  toCsv,
  toXlsx,
  XLSX_CONTENT_TYPE,
  type ExportCell,
  type ExportNote,
  type ExportTable,
} from '../domain/export-files';
import {
  contractsEndingTables,
  coverageTables,
  coverNotes,
  DASHBOARD_EXPORTS,
  DASHBOARD_NAMES,
  headlineTables,
  initiativesTables,
  outcomesTables,
  reachTables,
  timelinessTables,
  valueForMoneyTables,
  type DashboardName,
  type DashboardTables,
} from '../domain/export-tables';
import { financialYearLabel, periodLabel } from '../domain/periods';
import { BadUserInputError, ForbiddenError } from '../errors';
import { ReturnsExportFilterSchema, type ExportFormatCode, type ReturnsExportFilterFields } from '../validation/export';
import {
  DashboardFilterInput,
  PROVISIONAL_NOTE,
  resolveDashboardFilter,
  type DashboardFilter,
  type DashboardReturnStatus,
  type ResolvedDashboardFilter,
} from './dashboard-filter';
import {
  COST_BASIS_NOTE,
  dashboardOutcomes,
  dashboardReach,
  dashboardValueForMoney,
  TARGETS_NOTE,
} from './dashboard-outcomes';
import { contractsEnding, coverage, headline, initiatives, timeliness } from './dashboard-portfolio';

// ---------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------

const DashboardNameEnum = builder.enumType('DashboardName', {
  description: 'A dashboard whose tables can be exported.',
  values: Object.fromEntries(
    DASHBOARD_NAMES.map((name) => [name, { description: `The "${DASHBOARD_EXPORTS[name].title}" dashboard.` }]),
  ) as Record<DashboardName, { description: string }>,
});

const ExportFormatEnum = builder.enumType('ExportFormat', {
  description: 'The file an export is made as.',
  values: {
    CSV: { description: 'CSV (RFC 4180), UTF-8 with a byte order mark; every table in one file, each after its caption, then the notes.' },
    XLSX: { description: 'Excel workbook: a sheet per table (numbers as numbers) and a Notes sheet.' },
  } as const,
});

interface ExportFileShape {
  filename: string;
  contentType: string;
  encoding: 'utf-8' | 'base64';
  content: string;
  tables: string[];
  rowCount: number;
  controlled: boolean;
}

const ExportFileRef = builder.objectRef<ExportFileShape>('ExportFile').implement({
  description: 'A file made by an export, ready to save.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    filename: t.exposeString('filename', { description: 'e.g. "reach-2025-26.csv", "returns-data-2025-26-q2.xlsx".' }),
    contentType: t.exposeString('contentType', { description: 'The MIME type to serve it with.' }),
    encoding: t.exposeString('encoding', { description: '"utf-8": content is the text (CSV); "base64": content is the bytes in base64 (XLSX).' }),
    content: t.exposeString('content'),
    tables: t.exposeStringList('tables', { description: 'The tables in the file (the XLSX sheet names), in order; the notes are not listed.' }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows over every table (total rows included; captions and headings not).' }),
    controlled: t.exposeBoolean('controlled', { description: 'Disclosure control (CSA-SDC-1) was applied to figures about people.' }),
  }),
});

const ReturnsExportFilterInput = builder.inputType('ReturnsExportFilter', {
  description: 'Which returns to export: approved ones unless includeProvisional (officers and admins only).',
  fields: (t) => ({
    financialYear: t.int({ required: true, description: 'The first calendar year of the financial year: 2025 is 2025/26.' }),
    quarter: t.int({ description: '1 to 4; absent for the whole year.' }),
    serviceId: t.id({ description: 'One service; absent for every service (providers: every service of their own).' }),
    providerId: t.id({ description: 'One provider organisation; absent for every provider (providers: only their own).' }),
    includeProvisional: t.boolean({
      description: 'Also returns submitted, returned for changes or reopened, not yet approved (officers and admins only).',
    }),
  }),
  validate: ReturnsExportFilterSchema,
});

// ---------------------------------------------------------------------------------------------------------------
// Files and the audit event
// ---------------------------------------------------------------------------------------------------------------

/** "2025-26", "2025-26-q2", "2025-26-q2-provisional". */
function periodSlug(financialYear: number, quarter: number | null, provisional: boolean): string {
  return [financialYearLabel(financialYear).replace('/', '-'), quarter ? `q${quarter}` : null, provisional ? 'provisional' : null]
    .filter(Boolean)
    .join('-');
}

async function makeFile(
  format: ExportFormatCode,
  basename: string,
  title: string,
  tables: ExportTable[],
  notes: ExportNote[],
  controlled: boolean,
  generatedAt: Date,
): Promise<ExportFileShape> {
  const common = { tables: tables.map((table) => table.name), rowCount: rowCountOf(tables), controlled };
  if (format === 'CSV') {
    return { ...common, filename: `${basename}.csv`, contentType: CSV_CONTENT_TYPE, encoding: 'utf-8', content: toCsv(tables, notes) };
  }
  const buffer = await toXlsx(tables, notes, { created: generatedAt, title });
  return { ...common, filename: `${basename}.xlsx`, contentType: XLSX_CONTENT_TYPE, encoding: 'base64', content: buffer.toString('base64') };
}

/** ONE audit event per export, in its own transaction (queries do not run in the mutations' transaction). */
async function auditExport(ctx: Context, operation: string, entityType: string, entityId: string, after: Record<string, unknown>) {
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, auditActorOf(ctx, operation), { action: 'EXPORT', entityType, entityId, after }),
  );
}

const returnsCounted = (provisional: boolean) =>
  provisional ? `Approved returns and provisional ones. ${PROVISIONAL_NOTE}` : 'Approved returns only.';

// ---------------------------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------------------------

/** The dashboard's answer, from the function its root field resolves with, as tables (and its disclosure note). */
async function dashboardTables(
  ctx: Context,
  name: DashboardName,
  filter: ResolvedDashboardFilter,
): Promise<DashboardTables & { disclosure: string | null }> {
  switch (name) {
    case 'HEADLINE': {
      const [answer, quarters] = await Promise.all([headline(ctx, filter), timeliness(ctx, filter)]);
      return { ...headlineTables(answer, quarters), disclosure: answer.disclosure };
    }
    case 'COVERAGE': {
      const answer = await coverage(ctx, filter);
      return { ...coverageTables(answer), disclosure: answer.disclosure };
    }
    case 'TIMELINESS': {
      const answer = await timeliness(ctx, filter);
      return { ...timelinessTables(answer), disclosure: answer.disclosure };
    }
    case 'CONTRACTS_ENDING': {
      const answer = await contractsEnding(ctx, filter);
      return { ...contractsEndingTables(answer), disclosure: answer.disclosure };
    }
    case 'INITIATIVES': {
      const answer = await initiatives(ctx, filter);
      return { ...initiativesTables(answer), disclosure: answer.disclosure };
    }
    case 'OUTCOMES': {
      const answer = await dashboardOutcomes(ctx, filter);
      return { ...outcomesTables(answer, TARGETS_NOTE), disclosure: answer.disclosure };
    }
    case 'REACH': {
      const answer = await dashboardReach(ctx, filter);
      return { ...reachTables(answer), disclosure: answer.disclosure };
    }
    case 'VALUE_FOR_MONEY': {
      const answer = await dashboardValueForMoney(ctx, filter);
      return { ...valueForMoneyTables(answer, COST_BASIS_NOTE), disclosure: answer.disclosure };
    }
  }
}

async function providerName(ctx: Context, providerId: string | null): Promise<string | null> {
  if (!providerId) return null;
  const provider = await ctx.db.organisation.findUnique({ where: { id: providerId }, select: { name: true } });
  return provider?.name ?? null;
}

async function exportDashboard(
  ctx: Context,
  name: DashboardName,
  format: ExportFormatCode,
  input: DashboardFilter | null | undefined,
): Promise<ExportFileShape> {
  const filter = await resolveDashboardFilter(ctx, input);
  const generatedAt = new Date();
  const [answer, provider] = await Promise.all([dashboardTables(ctx, name, filter), providerName(ctx, filter.providerId)]);
  const { title, slug } = DASHBOARD_EXPORTS[name];
  const notes = coverNotes({
    title,
    filter: [
      ['Period', filter.label],
      ['Area', filter.areaCode ?? 'Every area'],
      ['Priority issue', filter.priorityIssueCode ?? 'Every priority issue'],
      ['Provider', provider ?? 'Every provider'],
      ['Returns counted', returnsCounted(filter.provisional)],
    ],
    generatedAt,
    generatedBy: ctx.viewer!.label,
    controlled: filter.controlled,
    disclosure: answer.disclosure,
    about: answer.notes,
  });
  const file = await makeFile(
    format,
    `${slug}-${periodSlug(filter.financialYear, filter.quarter, filter.provisional)}`,
    `${title}, ${filter.label}`,
    answer.tables,
    notes,
    filter.controlled,
    generatedAt,
  );
  await auditExport(ctx, 'dashboardExport', 'DashboardExport', name, {
    format,
    filter: {
      label: filter.label,
      financialYear: filter.financialYear,
      quarter: filter.quarter,
      areaCode: filter.areaCode,
      priorityIssueCode: filter.priorityIssueCode,
      providerId: filter.providerId,
      provisional: filter.provisional,
    },
    rowCount: file.rowCount,
    controlled: file.controlled,
  });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Returns data
// ---------------------------------------------------------------------------------------------------------------

const PROVISIONAL_STATUSES: DashboardReturnStatus[] = ['APPROVED', 'SUBMITTED', 'RETURNED', 'REOPENED'];
const STATUS_WORDS: Record<string, string> = {
  APPROVED: 'Approved',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned for changes',
  REOPENED: 'Reopened',
};
const UNIT_WORDS: Record<string, string> = {
  COUNT: 'count',
  DECIMAL: 'number',
  MONEY: 'pounds',
  DAYS: 'days',
  PERCENT: 'percent',
};

interface ResolvedReturnsFilter {
  financialYear: number;
  quarter: number | null;
  label: string;
  periodIds: string[];
  service: { id: string; reference: string; title: string } | null;
  /** The provider whose returns are exported: the one asked for, or a provider's own organisation. */
  provider: { id: string; name: string } | null;
  statuses: DashboardReturnStatus[];
  provisional: boolean;
  controlled: boolean;
}

const field = (name: string) => `filter.${name}`;

async function resolveReturnsFilter(ctx: Context, input: ReturnsExportFilterFields): Promise<ResolvedReturnsFilter> {
  const parsed = ReturnsExportFilterSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadUserInputError(issue.message, field(issue.path.map(String).join('.')));
  }
  const data = parsed.data;
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  const officer = viewer.role === 'ADMIN' || viewer.role === 'POLICY_OFFICER';
  const isProvider = viewer.role === 'PROVIDER';
  if (data.includeProvisional && !officer) {
    throw new ForbiddenError('Only policy officers and admins can include provisional figures: approved figures only.');
  }
  if (isProvider && data.providerId && data.providerId !== viewer.organisationId) {
    throw new ForbiddenError("You can only download your own organisation's returns data.");
  }
  const providerId = data.providerId ?? (isProvider ? viewer.organisationId : null);

  const [periods, service, provider] = await Promise.all([
    ctx.db.reportingPeriod.findMany({
      where: { financialYear: data.financialYear },
      orderBy: { quarter: 'asc' },
      select: { id: true, quarter: true },
    }),
    data.serviceId
      ? ctx.db.commissionedService.findUnique({
          where: { id: data.serviceId },
          select: { id: true, reference: true, title: true, providerId: true },
        })
      : null,
    providerId
      ? ctx.db.organisation.findFirst({ where: { id: providerId, kind: 'PROVIDER' }, select: { id: true, name: true } })
      : null,
  ]);
  const yearLabel = financialYearLabel(data.financialYear);
  if (periods.length === 0) {
    throw new BadUserInputError(`There is no financial year ${yearLabel} in the reporting calendar`, field('financialYear'));
  }
  let chosen = periods;
  if (data.quarter !== null) {
    chosen = periods.filter((period) => period.quarter === data.quarter);
    if (chosen.length === 0) {
      throw new BadUserInputError(`There is no ${periodLabel(data.financialYear, data.quarter)} in the reporting calendar`, field('quarter'));
    }
  }
  if (data.serviceId && !service) throw new BadUserInputError('There is no such service: choose a service from the list', field('serviceId'));
  if (service && isProvider && service.providerId !== viewer.organisationId) {
    throw new ForbiddenError("You can only download your own organisation's returns data.");
  }
  if (data.providerId && !provider) {
    throw new BadUserInputError('There is no such provider: choose a provider from the list', field('providerId'));
  }
  if (service && provider && service.providerId !== provider.id) {
    throw new BadUserInputError(`${service.reference} is not a service of ${provider.name}`, field('serviceId'));
  }
  return {
    financialYear: data.financialYear,
    quarter: data.quarter,
    label: data.quarter === null ? yearLabel : periodLabel(data.financialYear, data.quarter),
    periodIds: chosen.map((period) => period.id),
    service: service ? { id: service.id, reference: service.reference, title: service.title } : null,
    provider: provider ?? (isProvider ? { id: viewer.organisationId, name: '' } : null),
    statuses: data.includeProvisional ? PROVISIONAL_STATUSES : ['APPROVED'],
    provisional: data.includeProvisional,
    controlled: viewer.role === 'COMMISSIONER',
  };
}

interface ReturnsDataRow {
  reference: string;
  service_title: string;
  provider_name: string;
  period_label: string;
  status: string;
  measure_code: string;
  measure_label: string;
  unit: string;
  counts_people: boolean;
  breakdown: string;
  value: string;
}

/**
 * ONE statement: every figure (numeric value, not TEXT) of the counted returns in the filter, with the service,
 * provider, period, measure and breakdown option labels, in the return's order (service, quarter, section, measure,
 * total first, then the options in their order).
 */
function returnsDataRows(ctx: Context, filter: ResolvedReturnsFilter): Promise<ReturnsDataRow[]> {
  const where: Prisma.Sql[] = [
    Prisma.sql`pr.period_id = ANY(${filter.periodIds}::uuid[])`,
    Prisma.sql`pr.status::text = ANY(ARRAY[${Prisma.join(filter.statuses)}]::text[])`,
    Prisma.sql`m.unit <> 'TEXT'`,
    Prisma.sql`rv.numeric_value IS NOT NULL`,
  ];
  if (filter.service) where.push(Prisma.sql`s.id = ${filter.service.id}::uuid`);
  if (filter.provider) where.push(Prisma.sql`s.provider_id = ${filter.provider.id}::uuid`);
  return ctx.db.$queryRaw<ReturnsDataRow[]>`
    WITH measure_order AS (
      SELECT ts.template_id, tsm.measure_id, min(ts.sort_order) AS section_order, min(tsm.sort_order) AS measure_order
      FROM template_section ts JOIN template_section_measure tsm ON tsm.section_id = ts.id
      GROUP BY ts.template_id, tsm.measure_id
    )
    SELECT s.reference, s.title AS service_title, o.name AS provider_name, p.label AS period_label, pr.status::text AS status,
           m.code AS measure_code, m.label AS measure_label, m.unit::text AS unit, m.counts_people,
           concat_ws(' / ', o1.label, o2.label) AS breakdown,
           rv.numeric_value::text AS value
    FROM return_value rv
    JOIN performance_return pr ON pr.id = rv.return_id
    JOIN commissioned_service s ON s.id = pr.service_id
    JOIN organisation o ON o.id = s.provider_id
    JOIN reporting_period p ON p.id = pr.period_id
    JOIN measure m ON m.id = rv.measure_id
    LEFT JOIN breakdown_option o1
      ON rv.breakdown_key <> '' AND o1.breakdown_id = m.breakdown_id AND o1.code = split_part(rv.breakdown_key, '|', 1)
    LEFT JOIN breakdown_option o2
      ON strpos(rv.breakdown_key, '|') > 0 AND o2.breakdown_id = m.secondary_breakdown_id
     AND o2.code = split_part(rv.breakdown_key, '|', 2)
    LEFT JOIN measure_order ord ON ord.template_id = pr.template_id AND ord.measure_id = m.id
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY s.reference, p.financial_year, p.quarter, ord.section_order NULLS LAST, ord.measure_order NULLS LAST, m.code,
             rv.breakdown_key <> '', o1.sort_order NULLS FIRST, o2.sort_order NULLS FIRST, rv.breakdown_key`;
}

/** One figure as a cell: money exact to the penny; counts of people controlled for the Commissioner. */
function valueCell(row: ReturnsDataRow, controlled: boolean): ExportCell {
  if (row.unit === 'MONEY') return { kind: 'money', value: moneyText(row.value) };
  const number = Number(row.value);
  if (controlled && row.counts_people) {
    const shown = Number.isSafeInteger(number) && number >= 0 ? controlCount(number).exportValue : SUPPRESSED_EXPORT;
    return { kind: 'count', value: shown };
  }
  if (controlled && row.unit === 'DAYS') return { kind: 'number', value: SUPPRESSED_EXPORT };
  return { kind: row.unit === 'COUNT' ? 'count' : 'number', value: number };
}

const RETURNS_DATA_NOTES: ExportNote[] = [
  {
    label: 'Figures only',
    text:
      'One row per figure of each counted return. Narrative answers, comments and figures left blank (with their ' +
      'reasons) are not included.',
  },
  { label: 'Breakdown', text: "The breakdown option(s) a figure is for; blank means the measure's total." },
  {
    label: 'Unit',
    text:
      'people: a count of people (under disclosure control for the Commissioner); count: a count of something else ' +
      '(sessions, posts); pounds: money, exact; days: a number of days; number: a decimal (for example full-time ' +
      'equivalent staff); percent: a whole percent.',
  },
];

const WAITING_TIMES_NOTE: ExportNote = {
  label: 'Waiting times',
  text:
    `Medians and waiting times in days are shown as ${SUPPRESSED_EXPORT}: the return does not say how many people are ` +
    'behind each one, and rule CSA-SDC-1 shows them only when 8 or more are.',
};

async function exportReturnsData(ctx: Context, format: ExportFormatCode, input: ReturnsExportFilterFields): Promise<ExportFileShape> {
  const filter = await resolveReturnsFilter(ctx, input);
  const generatedAt = new Date();
  const rows = await returnsDataRows(ctx, filter);
  const table: ExportTable = {
    name: 'Returns data',
    caption: `Figures from ${filter.provisional ? 'approved and provisional' : 'approved'} returns, ${filter.label}`,
    columns: [
      { header: 'Service reference', kind: 'text' },
      { header: 'Service title', kind: 'text' },
      { header: 'Provider', kind: 'text' },
      { header: 'Period', kind: 'text' },
      { header: 'Return status', kind: 'text' },
      { header: 'Measure code', kind: 'text' },
      { header: 'Measure', kind: 'text' },
      { header: 'Breakdown', kind: 'text' },
      { header: 'Value', kind: 'number' },
      { header: 'Unit', kind: 'text' },
    ],
    rows: rows.map((row) => [
      row.reference,
      row.service_title,
      row.provider_name,
      row.period_label,
      STATUS_WORDS[row.status] ?? row.status,
      row.measure_code,
      row.measure_label,
      row.breakdown,
      valueCell(row, filter.controlled),
      row.counts_people ? 'people' : (UNIT_WORDS[row.unit] ?? row.unit.toLowerCase()),
    ]),
  };
  const notes = coverNotes({
    title: 'Returns data',
    filter: [
      ['Period', filter.label],
      ['Service', filter.service ? `${filter.service.reference}: ${filter.service.title}` : 'Every service'],
      ['Provider', filter.provider ? filter.provider.name || 'Your organisation' : 'Every provider'],
      ['Returns counted', returnsCounted(filter.provisional)],
    ],
    generatedAt,
    generatedBy: ctx.viewer!.label,
    controlled: filter.controlled,
    about: [...RETURNS_DATA_NOTES, ...(filter.controlled ? [WAITING_TIMES_NOTE] : [])],
  });
  const file = await makeFile(
    format,
    `returns-data-${periodSlug(filter.financialYear, filter.quarter, filter.provisional)}`,
    `Returns data, ${filter.label}`,
    [table],
    notes,
    filter.controlled,
    generatedAt,
  );
  await auditExport(ctx, 'returnsDataExport', 'ReturnsDataExport', 'RETURNS_DATA', {
    format,
    filter: {
      label: filter.label,
      financialYear: filter.financialYear,
      quarter: filter.quarter,
      serviceId: filter.service?.id ?? null,
      providerId: filter.provider?.id ?? null,
      provisional: filter.provisional,
    },
    rowCount: file.rowCount,
    controlled: file.controlled,
  });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Root fields
// ---------------------------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  dashboardExport: t.field({
    type: ExportFileRef,
    description:
      "A dashboard's tables as a CSV or XLSX file, with a notes sheet (what it covers, who made it when, and the " +
      'disclosure statement). The same figures as the dashboard: exact for officers and admins, under disclosure ' +
      'control for the Commissioner ([c] for a suppressed figure). OPCC staff only. Each export is audited (EXPORT).',
    authScopes: { opccStaff: true },
    args: {
      dashboard: t.arg({ type: DashboardNameEnum, required: true }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
      filter: t.arg({ type: DashboardFilterInput, description: 'As the dashboard takes it; absent: the dashboard\'s default.' }),
    },
    resolve: (_root, args, ctx) =>
      exportDashboard(ctx, args.dashboard, args.format, args.filter as DashboardFilter | null | undefined),
  }),
  returnsDataExport: t.field({
    type: ExportFileRef,
    description:
      'The figures of the counted returns (approved unless includeProvisional), one row per figure: service, provider, ' +
      'period, return status, measure, breakdown, value, unit. OPCC staff: every provider; providers: their own ' +
      "organisation only (another organisation's service or provider is FORBIDDEN). Exact, except for the " +
      'Commissioner: counts of people under disclosure control ([c] for 1 to 7), waiting times withheld; money exact. ' +
      'Figures only (no narrative or comments). Each export is audited (EXPORT).',
    authScopes: { authenticated: true },
    args: {
      format: t.arg({ type: ExportFormatEnum, required: true }),
      filter: t.arg({ type: ReturnsExportFilterInput, required: true }),
    },
    resolve: (_root, args, ctx) => exportReturnsData(ctx, args.format, args.filter as ReturnsExportFilterFields),
  }),
}));
