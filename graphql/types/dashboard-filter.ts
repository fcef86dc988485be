// The dashboards' shared contract: the DashboardFilter input every dashboard root field takes, how it is resolved
// against the reporting calendar and the caller (resolveDashboardFilter), the SQL fragments for the scope (the
// services in scope, the periods selected, the returns counted), and the ONE GraphQL shape of each controlled figure
// (PeopleCount, Percentage, Statistic) with the helpers that build them from exact figures.
//
// One statement per dashboard (issue 6): everything the SQL needs is known from the filter itself (year, quarter,
// codes, provider id: DashboardScope), so a root field sends its figures' statement and the filter's reference data
// (the year's periods, the ids behind the codes) as ONE statement (queryDashboard), checks the filter against that
// reference data exactly as resolveDashboardFilter does, then shapes the rows. Each set of rows comes back as one
// json value (RowSet), so the client decodes one value per set, not one per row and column. Exports and the
// briefing pack resolve the filter first (one statement) and then ask for the same rows (dashboardRows).
// Object types run their authScopes once per object (runScopesOnType) rather than before each of its fields: the
// same check, on lists of hundreds of rows with up to 25 fields each.
//
// Who sees what (domain.md "Disclosure control", rule CSA-SDC-1; graphql/domain/disclosure.ts):
// - Dashboards are for OPCC staff only (`authScopes: { opccStaff: true }` on every root field; providers: FORBIDDEN).
// - The COMMISSIONER gets controlled figures (`controlled: true`): counts of people suppressed/rounded, percentages
//   of people hidden or worked out from rounded figures, statistics about people hidden under 8 people.
// - ADMIN and POLICY_OFFICER get exact figures (`controlled: false`), and only they may include provisional figures
//   (returns submitted but not yet approved). The Commissioner asking for them is refused with FORBIDDEN: it is a
//   permission, not a typo (decision recorded in the dashboard report; the page simply does not offer the option).
// - Money, numbers of services and numbers of returns are never controlled.
//
// Every figure is aggregated in PostgreSQL by the dashboards; these helpers only shape one figure each.
import { createHash } from 'node:crypto';
import { Prisma } from '../../prisma/client';
import { builder } from '../builder';
import type { Context } from '../context';
import { getPool, getPrisma } from '../db';
import {
  controlCostPerPerson,
  controlCount,
  controlPercentage,
  controlStatistic,
  describeControl,
  exactCount,
  type ControlledCount,
  type ControlledValue,
} from '../domain/disclosure';
import { financialYearLabel, periodContaining, periodLabel, previousPeriod, todayInLondon } from '../domain/periods';
import { BadUserInputError, ForbiddenError } from '../errors';
import { DashboardFilterSchema, type DashboardFilterFields } from '../validation/dashboard';

// ---------------------------------------------------------------------------------------------------------------
// The filter
// ---------------------------------------------------------------------------------------------------------------

export const DashboardFilterInput = builder.inputType('DashboardFilter', {
  description:
    'What a dashboard covers. Approved returns only unless includeProvisional (officers and admins only). ' +
    'Absent: the financial year of the latest quarter that has ended, whole year.',
  fields: (t) => ({
    financialYear: t.int({ required: true, description: 'The first calendar year of the financial year: 2026 is 2026/27.' }),
    quarter: t.int({ description: '1 to 4; absent for the whole year. The quarter must have ended.' }),
    areaCode: t.string({ description: 'An area code; absent for every area.' }),
    priorityIssueCode: t.string({ description: 'A priority issue code such as PI-ONLINE; absent for every issue.' }),
    providerId: t.id({ description: 'A provider organisation; absent for every provider.' }),
    includeProvisional: t.boolean({
      description: 'Also count returns submitted but not yet approved (officers and admins only).',
    }),
  }),
  validate: DashboardFilterSchema,
});

/** The filter as GraphQL hands it to a resolver. */
export type DashboardFilter = typeof DashboardFilterInput.$inferInput | DashboardFilterFields;

export type DashboardReturnStatus = 'APPROVED' | 'SUBMITTED' | 'RETURNED' | 'REOPENED' | 'IN_PROGRESS';

export interface DashboardPeriod {
  id: string;
  quarter: number;
  label: string;
  /** ISO dates. */
  startDate: string;
  endDate: string;
  dueDate: string;
  /** The quarter's end date is before today (England): its returns are due. */
  ended: boolean;
}

export interface ResolvedDashboardFilter {
  financialYear: number;
  quarter: number | null;
  /** "2026/27" or "2026/27 Q2". */
  label: string;
  /** The year's 4 periods, or the one quarter. */
  periodIds: string[];
  areaId: string | null;
  priorityIssueId: string | null;
  providerId: string | null;
  /** ['APPROVED'] unless provisional: then also SUBMITTED, RETURNED, REOPENED. */
  statuses: DashboardReturnStatus[];
  provisional: boolean;
  /** true for the COMMISSIONER (disclosure control CSA-SDC-1 applies); false for officers/admins (exact). */
  controlled: boolean;
  // --- beyond the contract's minimum -------------------------------------------------------------------------
  /** All 4 periods of the year, in quarter order (whatever the quarter filter). */
  yearPeriods: DashboardPeriod[];
  /** "Year to date": the year's periods up to and including the filter's quarter (when none: the quarters that have ended). */
  yearToDatePeriodIds: string[];
  /** The window the filter covers, ISO dates: the year's, or the quarter's. */
  startDate: string;
  endDate: string;
  /** Today in England, ISO. */
  today: string;
  areaCode: string | null;
  priorityIssueCode: string | null;
}

/** The field named in BAD_USER_INPUT, as the validation plugin names it: the argument is always `filter`. */
const field = (name: string) => `filter.${name}`;

const PROVISIONAL_STATUSES: DashboardReturnStatus[] = ['APPROVED', 'SUBMITTED', 'RETURNED', 'REOPENED'];

/** With no filter: the financial year of the latest quarter that has ended (2026/27 from July 2026 to June 2027). */
export function defaultFinancialYear(today: string): number {
  return previousPeriod(periodContaining(today)).financialYear;
}

/**
 * What the dashboards' SQL needs to know about a filter: all of it is known before the database is asked (the
 * reporting periods, area, priority issue and provider are selected IN the statement, by year, quarter, code and id),
 * so a dashboard's figures and the filter's reference data come back from ONE statement (queryDashboard).
 * A ResolvedDashboardFilter is one too.
 */
export interface DashboardScope {
  financialYear: number;
  /** null for the whole year. */
  quarter: number | null;
  /** Today in England, ISO. */
  today: string;
  areaCode: string | null;
  priorityIssueCode: string | null;
  providerId: string | null;
  statuses: DashboardReturnStatus[];
}

/** The filter checked against the caller, before the database: the scope, plus who asks. */
export interface PlannedDashboardFilter extends DashboardScope {
  provisional: boolean;
  controlled: boolean;
}

/**
 * The filter's shape and the caller's permission, checked without the database: BAD_USER_INPUT naming the field,
 * FORBIDDEN for provisional figures asked by the Commissioner. `input` absent: defaultFinancialYear, whole year.
 */
export function planDashboardFilter(ctx: Context, input: DashboardFilter | null | undefined, now: Date = new Date()): PlannedDashboardFilter {
  const today = todayInLondon(now);
  const parsed = DashboardFilterSchema.safeParse(input ?? { financialYear: defaultFinancialYear(today) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadUserInputError(issue.message, field(issue.path.map(String).join('.')));
  }
  const data = parsed.data;
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  if (data.includeProvisional && !(viewer.role === 'ADMIN' || viewer.role === 'POLICY_OFFICER')) {
    throw new ForbiddenError(
      'Only policy officers and admins can include provisional figures: the Commissioner sees approved figures only.',
    );
  }
  return {
    financialYear: data.financialYear,
    quarter: data.quarter,
    today,
    areaCode: data.areaCode,
    priorityIssueCode: data.priorityIssueCode,
    providerId: data.providerId,
    statuses: data.includeProvisional ? PROVISIONAL_STATUSES : ['APPROVED'],
    provisional: data.includeProvisional,
    controlled: viewer.role === 'COMMISSIONER',
  };
}

/**
 * The filter's reference data as ONE json value (a column of whichever statement asks for it): the year's reporting
 * periods in quarter order, each [id, quarter, label, start, end, due] (null when the calendar has no such year), and
 * the ids of the area, priority issue and provider (a PROVIDER organisation) named, null when not named or not found.
 */
export function filterReferenceSql(plan: DashboardScope): Prisma.Sql {
  return Prisma.sql`json_build_array(
    (SELECT json_agg(json_build_array(rp.id, rp.quarter, rp.label, rp.start_date, rp.end_date, rp.due_date) ORDER BY rp.quarter)
       FROM reporting_period rp WHERE rp.financial_year = ${plan.financialYear}::int),
    ${plan.areaCode ? Prisma.sql`(SELECT a.id FROM area a WHERE a.code = ${plan.areaCode})` : Prisma.sql`NULL::uuid`},
    ${plan.priorityIssueCode ? Prisma.sql`(SELECT p.id FROM priority_issue p WHERE p.code = ${plan.priorityIssueCode})` : Prisma.sql`NULL::uuid`},
    ${plan.providerId ? Prisma.sql`(SELECT o.id FROM organisation o WHERE o.id = ${plan.providerId}::uuid AND o.kind = 'PROVIDER')` : Prisma.sql`NULL::uuid`}
  )`;
}

/** filterReferenceSql's value, as JSON gives it. */
type FilterReference = [[string, number, string, string, string, string][] | null, string | null, string | null, string | null];

/**
 * The planned filter checked against its reference data (filterReferenceSql): BAD_USER_INPUT naming the field when the
 * year is not in the calendar, a code or the provider does not exist, the quarter has not ended (or, for the whole
 * year, no quarter has).
 */
export function resolvePlannedFilter(plan: PlannedDashboardFilter, reference: FilterReference): ResolvedDashboardFilter {
  const [periods, areaId, priorityIssueId, providerId] = reference;
  const yearLabel = financialYearLabel(plan.financialYear);
  if (!periods || periods.length === 0) {
    throw new BadUserInputError(`There is no financial year ${yearLabel} in the reporting calendar`, field('financialYear'));
  }
  if (plan.areaCode && !areaId) throw new BadUserInputError(`${plan.areaCode} is not an area`, field('areaCode'));
  if (plan.priorityIssueCode && !priorityIssueId) {
    throw new BadUserInputError(`${plan.priorityIssueCode} is not a priority issue`, field('priorityIssueCode'));
  }
  if (plan.providerId && !providerId) throw new BadUserInputError('There is no such provider: choose a provider from the list', field('providerId'));

  const today = plan.today;
  const yearPeriods: DashboardPeriod[] = periods.map(([id, quarter, label, startDate, endDate, dueDate]) => ({
    id,
    quarter,
    label,
    startDate,
    endDate,
    dueDate,
    ended: endDate < today,
  }));

  let chosen = yearPeriods;
  if (plan.quarter !== null) {
    const period = yearPeriods.find((p) => p.quarter === plan.quarter);
    if (!period) {
      throw new BadUserInputError(`There is no ${periodLabel(plan.financialYear, plan.quarter)} in the reporting calendar`, field('quarter'));
    }
    if (!period.ended) {
      throw new BadUserInputError(`${period.label} has not ended yet: its figures are not in`, field('quarter'));
    }
    chosen = [period];
  } else if (!yearPeriods.some((p) => p.ended)) {
    throw new BadUserInputError(`No quarter of ${yearLabel} has ended yet: its figures are not in`, field('financialYear'));
  }

  // Year to date: up to the chosen quarter, or for the whole year up to the latest quarter that has ended.
  const yearToDatePeriodIds = yearPeriods.filter((p) => (plan.quarter === null ? p.ended : p.quarter <= plan.quarter)).map((p) => p.id);
  return {
    financialYear: plan.financialYear,
    quarter: plan.quarter,
    label: plan.quarter === null ? yearLabel : periodLabel(plan.financialYear, plan.quarter),
    periodIds: chosen.map((p) => p.id),
    areaId,
    priorityIssueId,
    providerId,
    statuses: plan.statuses,
    provisional: plan.provisional,
    controlled: plan.controlled,
    yearPeriods,
    yearToDatePeriodIds,
    startDate: chosen[0]!.startDate,
    endDate: chosen[chosen.length - 1]!.endDate,
    today,
    areaCode: plan.areaCode,
    priorityIssueCode: plan.priorityIssueCode,
  };
}

/**
 * Checks the filter against the reporting calendar, the reference data and the caller; answers BAD_USER_INPUT
 * naming the field (FORBIDDEN for provisional figures asked by the Commissioner). ONE statement, whatever the data
 * (none when the filter is refused before). `input` absent: defaultFinancialYear, whole year.
 * The dashboards' own root fields do not call it: queryDashboard asks for the reference data in their statement.
 */
export async function resolveDashboardFilter(
  ctx: Context,
  input: DashboardFilter | null | undefined,
  now: Date = new Date(),
): Promise<ResolvedDashboardFilter> {
  const plan = planDashboardFilter(ctx, input, now);
  const [row] = await ctx.db.$queryRaw<{ reference: FilterReference }[]>`SELECT ${filterReferenceSql(plan)} AS reference`;
  return resolvePlannedFilter(plan, row!.reference);
}

// ---------------------------------------------------------------------------------------------------------------
// One statement per dashboard
// ---------------------------------------------------------------------------------------------------------------

/**
 * A set of rows in a dashboard's statement: `sql` selects them (named columns, no ORDER BY) from the scope alone; they
 * come back ordered by `orderBy` (on alias x, the rows) as ONE json value, each row an array of `columns` in order -
 * one value for the client to decode instead of one per row and column. Money goes through as text (::text, exact),
 * counts and sums of people as numbers, dates as ISO text.
 */
export interface RowSet<Column extends string = string> {
  columns: readonly Column[];
  sql: Prisma.Sql;
  orderBy?: Prisma.Sql;
}

/** A dashboard's statement: its sets of rows, with common table expressions (`with`, no WITH keyword) they share. */
export interface DashboardStatement<Sets extends Record<string, RowSet>> {
  with?: Prisma.Sql;
  sets: Sets;
}

export type DashboardRow<Column extends string> = Record<Column, string | number | null>;

type ColumnOf<Set> = Set extends RowSet<infer Column> ? Column : never;
export type DashboardRows<Sets extends Record<string, RowSet>> = { [Name in keyof Sets]: DashboardRow<ColumnOf<Sets[Name]>>[] };

/** The SELECT list of a statement's sets (each one json value), and how to decode them. */
function setsSql<Sets extends Record<string, RowSet>>(statement: DashboardStatement<Sets>): Prisma.Sql {
  return Prisma.join(
    Object.entries(statement.sets).map(([name, set]) => {
      const columns = Prisma.join(set.columns.map((column) => Prisma.raw(`x."${column}"`)));
      const orderBy = set.orderBy ? Prisma.sql` ORDER BY ${set.orderBy}` : Prisma.empty;
      return Prisma.sql`(SELECT json_agg(json_build_array(${columns})${orderBy}) FROM (${set.sql}) x) AS ${Prisma.raw(`"${name}"`)}`;
    }),
  );
}

function withSql(statement: DashboardStatement<Record<string, RowSet>>): Prisma.Sql {
  return statement.with ? Prisma.sql`WITH ${statement.with} ` : Prisma.empty;
}

function decodeSets<Sets extends Record<string, RowSet>>(statement: DashboardStatement<Sets>, row: Record<string, unknown>): DashboardRows<Sets> {
  const decoded = {} as Record<string, DashboardRow<string>[]>;
  for (const [name, set] of Object.entries(statement.sets)) {
    decoded[name] = ((row[name] as unknown[][] | null) ?? []).map((values) => {
      const out = {} as DashboardRow<string>;
      for (let i = 0; i < set.columns.length; i += 1) out[set.columns[i]!] = values[i] as string | number | null;
      return out;
    });
  }
  return decoded as DashboardRows<Sets>;
}

/** A dashboard's rows for a filter already resolved (exports, the briefing pack): one statement. */
export async function dashboardRows<Sets extends Record<string, RowSet>>(
  ctx: Context,
  statement: DashboardStatement<Sets>,
): Promise<DashboardRows<Sets>> {
  const row = await dashboardRow(ctx, Prisma.sql`${withSql(statement)}SELECT ${setsSql(statement)}`);
  return decodeSets(statement, row);
}

/**
 * The one row of a dashboard statement (every column one json value). Outside a transaction (the dashboards' own
 * root fields, which are queries) it goes through `pg` on the Prisma client's own pool as a named prepared
 * statement, one name per statement text: PostgreSQL parses each shape once per connection, and the client decodes
 * the row without Prisma's raw-query layer (together about 1 ms of a dashboard's 2-5 ms: docs/performance.md).
 * Inside a mutation's transaction (exports, which write their audit event) it reads through that transaction.
 * Statement counts are the same either way (tests/helpers/statements.ts counts at the pg client).
 */
async function dashboardRow(ctx: Context, sql: Prisma.Sql): Promise<Record<string, unknown>> {
  if (ctx.db !== getPrisma()) {
    const [row] = await ctx.db.$queryRaw<Record<string, unknown>[]>(sql);
    return row!;
  }
  const text = sql.text;
  let name = statementNames.get(text);
  if (!name) {
    name = `dashboard_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (statementNames.size < 500) statementNames.set(text, name);
  }
  const result = await getPool().query<Record<string, unknown>>({ name, text, values: sql.values as unknown[] });
  return result.rows[0]!;
}
const statementNames = new Map<string, string>();

/**
 * A dashboard root field's work in ONE statement: the filter planned (shape, permission), then its reference data
 * (filterReferenceSql) and the dashboard's rows (`build(scope)`) asked for together, then the filter resolved and
 * checked exactly as resolveDashboardFilter does (a refused filter's rows are not used).
 */
export async function queryDashboard<Sets extends Record<string, RowSet>>(
  ctx: Context,
  input: DashboardFilter | null | undefined,
  build: (scope: DashboardScope) => DashboardStatement<Sets>,
): Promise<{ filter: ResolvedDashboardFilter; rows: DashboardRows<Sets> }> {
  const plan = planDashboardFilter(ctx, input);
  const statement = build(plan);
  const row = await dashboardRow(
    ctx,
    Prisma.sql`${withSql(statement)}SELECT ${filterReferenceSql(plan)} AS "__filter", ${setsSql(statement)}`,
  );
  const filter = resolvePlannedFilter(plan, row.__filter as FilterReference);
  return { filter, rows: decodeSets(statement, row) };
}

/**
 * The resolver of a dashboard root field: queryDashboard with the field's statement, then the field's shape.
 * Every dashboard root field uses it, so they all plan, check and answer their filter the same way.
 */
export function dashboardResolver<Sets extends Record<string, RowSet>, Shape>(
  build: (scope: DashboardScope) => DashboardStatement<Sets>,
  shape: (filter: ResolvedDashboardFilter, rows: DashboardRows<Sets>) => Shape,
) {
  return async (_root: unknown, args: { filter?: unknown }, ctx: Context): Promise<Shape> => {
    const { filter, rows } = await queryDashboard(ctx, args.filter as DashboardFilter | null | undefined, build);
    return shape(filter, rows);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The scope in SQL
// ---------------------------------------------------------------------------------------------------------------

/**
 * The services in scope, as a WHERE fragment on alias `s` (commissioned_service s): not PLANNED, not archived,
 * in the filter's area, priority issue and provider. It does NOT restrict dates: see serviceActiveInWindowSql.
 */
export function servicesInScopeSql(scope: DashboardScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`s.status IN ('ACTIVE', 'EXTENDED', 'ENDED')`,
    Prisma.sql`s.archived_at IS NULL`,
  ];
  if (scope.areaCode) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM service_area scope_sa JOIN area scope_a ON scope_a.id = scope_sa.area_id
                          WHERE scope_sa.service_id = s.id AND scope_a.code = ${scope.areaCode})`,
    );
  }
  if (scope.priorityIssueCode) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM service_priority_issue scope_spi JOIN priority_issue scope_pi ON scope_pi.id = scope_spi.priority_issue_id
                          WHERE scope_spi.service_id = s.id AND scope_pi.code = ${scope.priorityIssueCode})`,
    );
  }
  if (scope.providerId) parts.push(Prisma.sql`s.provider_id = ${scope.providerId}::uuid`);
  return Prisma.join(parts, ' AND ');
}

/** The reporting period on `alias` is one the filter selects: the year's 4, or its one quarter. */
export function periodSelectedSql(scope: DashboardScope, alias: string): Prisma.Sql {
  const p = Prisma.raw(alias);
  return scope.quarter === null
    ? Prisma.sql`${p}.financial_year = ${scope.financialYear}::int`
    : Prisma.sql`${p}.financial_year = ${scope.financialYear}::int AND ${p}.quarter = ${scope.quarter}::int`;
}

/** The reporting period on `alias` is in the filter's year to date: up to its quarter, or (whole year) ended by today. */
export function periodYearToDateSql(scope: DashboardScope, alias: string): Prisma.Sql {
  const p = Prisma.raw(alias);
  return scope.quarter === null
    ? Prisma.sql`${p}.financial_year = ${scope.financialYear}::int AND ${p}.end_date < ${scope.today}::date`
    : Prisma.sql`${p}.financial_year = ${scope.financialYear}::int AND ${p}.quarter <= ${scope.quarter}::int`;
}

/**
 * The service on alias `s` runs during the filter's window (the selected periods: the year, or the quarter):
 * start <= the window's end, end >= its start.
 */
export function serviceActiveInWindowSql(scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`s.start_date <= (SELECT max(w.end_date) FROM reporting_period w WHERE ${periodSelectedSql(scope, 'w')})
    AND s.end_date >= (SELECT min(w.start_date) FROM reporting_period w WHERE ${periodSelectedSql(scope, 'w')})`;
}

/** The return statuses counted, for `pr.status = ANY(...)`: `pr.status::text = ANY(${statusesSql(filter)})`. */
export function statusesSql(scope: Pick<DashboardScope, 'statuses'>): Prisma.Sql {
  return Prisma.sql`ARRAY[${Prisma.join(scope.statuses)}]::text[]`;
}

/**
 * The return on `alias` is counted (its status is one of the filter's). Compared as the enum, not as text, so that
 * PostgreSQL estimates how many returns it keeps (most are approved) and plans the joins after it accordingly.
 */
export function returnCountedSql(scope: Pick<DashboardScope, 'statuses'>, alias = 'pr'): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(alias)}.status = ANY(ARRAY[${Prisma.join(scope.statuses)}]::"ReturnStatus"[])`;
}

// ---------------------------------------------------------------------------------------------------------------
// The filter as answered
// ---------------------------------------------------------------------------------------------------------------

export const PROVISIONAL_NOTE = 'Includes provisional figures from returns that have not been approved yet.';

export interface DashboardFilterEchoShape {
  financialYear: number;
  quarter: number | null;
  label: string;
  areaCode: string | null;
  priorityIssueCode: string | null;
  providerId: string | null;
  provisional: boolean;
  controlled: boolean;
}

export const DashboardFilterEchoRef = builder.objectRef<DashboardFilterEchoShape>('DashboardFilterEcho').implement({
  description: 'The filter a dashboard answered for, as resolved.',
  authScopes: { opccStaff: true },
  runScopesOnType: true,
  fields: (t) => ({
    financialYear: t.exposeInt('financialYear'),
    quarter: t.exposeInt('quarter', { nullable: true }),
    label: t.exposeString('label', { description: '"2026/27" or "2026/27 Q2".' }),
    areaCode: t.exposeString('areaCode', { nullable: true }),
    priorityIssueCode: t.exposeString('priorityIssueCode', { nullable: true }),
    providerId: t.exposeID('providerId', { nullable: true }),
    provisional: t.exposeBoolean('provisional', { description: 'Provisional (not yet approved) returns are included.' }),
    provisionalNote: t.string({
      nullable: true,
      description: 'The banner text when provisional figures are included.',
      resolve: (echo) => (echo.provisional ? PROVISIONAL_NOTE : null),
    }),
    controlled: t.exposeBoolean('controlled', { description: 'Disclosure control (CSA-SDC-1) was applied to figures about people.' }),
  }),
});

export function filterEcho(filter: ResolvedDashboardFilter): DashboardFilterEchoShape {
  return {
    financialYear: filter.financialYear,
    quarter: filter.quarter,
    label: filter.label,
    areaCode: filter.areaCode,
    priorityIssueCode: filter.priorityIssueCode,
    providerId: filter.providerId,
    provisional: filter.provisional,
    controlled: filter.controlled,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Controlled figures: one shape each
// ---------------------------------------------------------------------------------------------------------------

/** What comes out of SQL: a number, a bigint (count, sum of int), a Prisma Decimal or numeric text; null is 0. */
export type SqlNumber = number | bigint | string | Prisma.Decimal | { toString(): string } | null | undefined;

function wholeFrom(n: SqlNumber): number | bigint {
  if (n === null || n === undefined) return 0;
  if (typeof n === 'number' || typeof n === 'bigint') return n;
  return Number(n.toString()); // a non-whole value is refused by disclosure.ts (a bug upstream, not a figure)
}

export interface PeopleCountShape {
  value: number | null;
  display: string;
  suppressed: boolean;
  rounded: boolean;
  exportValue: string;
  /** The figure as disclosure.ts gave it, for describeControl. Not in the API. */
  source: ControlledValue;
}

/** A count of people: exact (`controlled` false) or under CSA-SDC-1 (0 -> 0, 1-7 suppressed, 8+ nearest 5). */
export function peopleCount(n: SqlNumber, controlled: boolean): PeopleCountShape {
  return peopleCountOf(controlled ? controlCount(wholeFrom(n)) : exactCount(wholeFrom(n)));
}

/** The API shape of a figure already controlled (e.g. a part of a table from controlTotal, which may protect it). */
export function peopleCountOf(source: ControlledCount): PeopleCountShape {
  return {
    value: source.value,
    display: source.display,
    suppressed: source.kind === 'suppressed' || source.kind === 'protected',
    rounded: source.kind === 'rounded',
    exportValue: String(source.exportValue),
    source,
  };
}

export const PeopleCountRef = builder.objectRef<PeopleCountShape>('PeopleCount').implement({
  description:
    'A count of people. Exact for officers and admins; for the Commissioner under disclosure control CSA-SDC-1: ' +
    '0 stays 0, 1 to 7 is suppressed ("fewer than 8"), 8 or more is rounded to the nearest 5; in a table with a total, ' +
    'a part may also be hidden ("hidden") so that a suppressed one cannot be worked out.',
  authScopes: { authenticated: true },
  runScopesOnType: true,
  fields: (t) => ({
    value: t.exposeInt('value', { nullable: true, description: 'null when suppressed or hidden.' }),
    display: t.exposeString('display', { description: 'In words for a page: "fewer than 8", "hidden", "15", "1,234".' }),
    suppressed: t.exposeBoolean('suppressed', { description: 'Not shown: 1 to 7 people, or hidden to protect such a figure.' }),
    rounded: t.exposeBoolean('rounded'),
    exportValue: t.exposeString('exportValue', { description: 'For CSV/XLSX: a number, or "[c]" when suppressed.' }),
  }),
});

export interface PercentageShape {
  value: number | null;
  display: string;
  hidden: boolean;
  exportValue: string;
  source: ControlledValue | null;
}

const NO_DENOMINATOR = 'Not applicable: none expected';

/** 100 * n / d to the nearest whole percent, halves up, in integer arithmetic. */
function exactWholePercent(n: number, d: number): number {
  return Number((200n * BigInt(n) + BigInt(d)) / (2n * BigInt(d)));
}

/**
 * n of d as a whole percent. `controlled` (people, for the Commissioner): controlPercentage (hidden under 10 people
 * or with 1-7 in or out of the group; else from rounded figures). Otherwise exact, to the nearest whole percent;
 * a denominator of 0 has no percentage (value null, hidden false).
 */
export function percentage(n: SqlNumber, d: SqlNumber, controlled: boolean): PercentageShape {
  const numerator = Number(wholeFrom(n));
  const denominator = Number(wholeFrom(d));
  if (controlled) {
    const source = controlPercentage(numerator, denominator);
    return {
      value: source.value,
      display: source.display,
      hidden: source.kind === 'hidden-percentage',
      exportValue: String(source.exportValue),
      source,
    };
  }
  if (denominator === 0) return { value: null, display: NO_DENOMINATOR, hidden: false, exportValue: '', source: null };
  const value = exactWholePercent(Math.min(numerator, denominator), denominator);
  return { value, display: `${value}%`, hidden: false, exportValue: String(value), source: null };
}

export const PercentageRef = builder.objectRef<PercentageShape>('Percentage').implement({
  description:
    'A whole percentage. Of people, for the Commissioner: hidden when based on fewer than 10 people or when 1 to 7 ' +
    'are in or outside the group, otherwise worked out from the rounded figures.',
  authScopes: { authenticated: true },
  runScopesOnType: true,
  fields: (t) => ({
    value: t.exposeInt('value', { nullable: true, description: 'Whole percent 0-100; null when hidden or not applicable.' }),
    display: t.exposeString('display', { description: '"65%", or why there is none ("Hidden: fewer than 10 people").' }),
    hidden: t.exposeBoolean('hidden', { description: 'Hidden by disclosure control.' }),
    exportValue: t.exposeString('exportValue', { description: 'For CSV/XLSX: a number, "[c]" when hidden, "" when not applicable.' }),
  }),
});

export interface StatisticShape {
  /** Decimal text ("12.5", "1234.50"); null when hidden or not available. */
  value: string | null;
  display: string;
  hidden: boolean;
  exportValue: string;
  source: ControlledValue | null;
}

const DECIMAL_WORDS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * A mean, median or waiting time with `people` behind it. `controlled`: hidden under 8 people
 * ("Hidden: fewer than 8 people"); otherwise shown as it is. `value` null (not hidden) when there is none.
 */
export function statistic(
  value: SqlNumber,
  people: SqlNumber,
  controlled: boolean,
  format: (value: number) => string = (v) => DECIMAL_WORDS.format(v),
): StatisticShape {
  if (value === null || value === undefined) {
    return { value: null, display: 'No figures', hidden: false, exportValue: '', source: null };
  }
  const text = value.toString();
  if (controlled) {
    const source = controlStatistic(text, wholeFrom(people), format);
    return {
      value: source.value === null ? null : text,
      display: source.display,
      hidden: source.kind === 'hidden-statistic',
      exportValue: String(source.exportValue),
      source,
    };
  }
  return { value: text, display: format(Number(text)), hidden: false, exportValue: text, source: null };
}

const POUNDS_GROUPED = /\B(?=(\d{3})+(?!\d))/g;

/**
 * `pounds` / `count` to the penny, halves away from zero, as "1234.50". An amount in whole pence (every amount of
 * money: 2 decimal places at most) is divided in integer pence, exactly; anything finer by Decimal division.
 */
function exactShare(pounds: Prisma.Decimal, count: number): string {
  if (pounds.decimalPlaces() <= 2 && Number.isSafeInteger(count) && count > 0) {
    const total = BigInt(pounds.toFixed(2).replace('.', ''));
    const divisor = BigInt(count);
    const magnitude = ((total < 0n ? -total : total) * 2n + divisor) / (2n * divisor);
    const text = magnitude.toString().padStart(3, '0');
    return `${total < 0n && magnitude > 0n ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
  }
  return pounds.div(count).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * Money per person (per child supported, per improved outcome). `controlled`: controlCostPerPerson (hidden under 8
 * people; else divided by the ROUNDED count). Exact: amount / people to the penny, halves up. No people: no figure.
 */
export function costPerPerson(amount: SqlNumber, people: SqlNumber, controlled: boolean): StatisticShape {
  const pounds = Prisma.Decimal.isDecimal(amount) ? amount : new Prisma.Decimal((amount ?? 0).toString());
  const count = Number(wholeFrom(people));
  if (controlled) {
    const source = controlCostPerPerson(pounds.toFixed(2), count);
    return {
      value: source.value,
      display: source.display,
      hidden: source.kind === 'hidden-statistic',
      exportValue: String(source.exportValue),
      source,
    };
  }
  if (count === 0) return { value: null, display: 'No people supported', hidden: false, exportValue: '', source: null };
  const each = exactShare(pounds, count);
  const [whole, pence] = each.split('.');
  return { value: each, display: `£${whole!.replace(POUNDS_GROUPED, ',')}.${pence}`, hidden: false, exportValue: each, source: null };
}

export const StatisticRef = builder.objectRef<StatisticShape>('Statistic').implement({
  description:
    'A mean, median, waiting time or cost per person. For the Commissioner: hidden when fewer than 8 people are ' +
    'behind it; a cost per person uses the rounded number of people.',
  authScopes: { authenticated: true },
  runScopesOnType: true,
  fields: (t) => ({
    value: t.exposeString('value', { nullable: true, description: 'Decimal text ("12.5", "1234.50"); null when hidden or none.' }),
    display: t.exposeString('display', { description: '"12.5", "£1,234.50", or "Hidden: fewer than 8 people".' }),
    hidden: t.exposeBoolean('hidden', { description: 'Hidden by disclosure control.' }),
    exportValue: t.exposeString('exportValue', { description: 'For CSV/XLSX: a number, "[c]" when hidden, "" when none.' }),
  }),
});

/** Said by every controlled answer: what is never controlled. */
export const NOT_CONTROLLED_NOTE = 'Money, numbers of services and numbers of returns are not about people: they are not controlled.';

/**
 * The words for a dashboard's `disclosure` field: null when not controlled (officers, admins); otherwise what control
 * was applied to these figures (describeControl: only what applies, with the footnote "Figures are rounded and may
 * not sum." when anything was rounded), then NOT_CONTROLLED_NOTE when `alsoExact` (the answer has such figures).
 */
export function disclosureNote(
  filter: Pick<ResolvedDashboardFilter, 'controlled'>,
  figures: readonly { source: ControlledValue | null }[],
  alsoExact = true,
): string | null {
  if (!filter.controlled) return null;
  const values = figures.map((figure) => figure.source).filter((source): source is ControlledValue => source !== null);
  const sentences = describeControl(values);
  if (alsoExact) sentences.push(NOT_CONTROLLED_NOTE);
  return sentences.length > 0 ? sentences.join(' ') : null;
}
