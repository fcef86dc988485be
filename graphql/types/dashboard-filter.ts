// The dashboards' shared contract: the DashboardFilter input every dashboard root field takes, how it is resolved
// against the reporting calendar and the caller (resolveDashboardFilter), the SQL fragment for the services in scope
// (servicesInScopeSql), and the ONE GraphQL shape of each controlled figure (PeopleCount, Percentage, Statistic)
// with the helpers that build them from exact figures.
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
import { Prisma } from '../../prisma/client';
import { builder } from '../builder';
import type { Context } from '../context';
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
import { financialYearLabel, periodContaining, periodLabel, previousPeriod, todayInLondon, toIsoDate } from '../domain/periods';
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
 * Checks the filter against the reporting calendar, the reference data and the caller; answers BAD_USER_INPUT
 * naming the field (FORBIDDEN for provisional figures asked by the Commissioner). At most 4 statements, whatever
 * the data. `input` absent: defaultFinancialYear, whole year.
 */
export async function resolveDashboardFilter(
  ctx: Context,
  input: DashboardFilter | null | undefined,
  now: Date = new Date(),
): Promise<ResolvedDashboardFilter> {
  const today = todayInLondon(now);
  const parsed = DashboardFilterSchema.safeParse(input ?? { financialYear: defaultFinancialYear(today) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadUserInputError(issue.message, field(issue.path.map(String).join('.')));
  }
  const data = parsed.data;
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  const controlled = viewer.role === 'COMMISSIONER';
  if (data.includeProvisional && !(viewer.role === 'ADMIN' || viewer.role === 'POLICY_OFFICER')) {
    throw new ForbiddenError(
      'Only policy officers and admins can include provisional figures: the Commissioner sees approved figures only.',
    );
  }

  const [periods, area, priorityIssue, provider] = await Promise.all([
    ctx.db.reportingPeriod.findMany({
      where: { financialYear: data.financialYear },
      orderBy: { quarter: 'asc' },
      select: { id: true, quarter: true, label: true, startDate: true, endDate: true, dueDate: true },
    }),
    data.areaCode ? ctx.db.area.findUnique({ where: { code: data.areaCode }, select: { id: true } }) : null,
    data.priorityIssueCode
      ? ctx.db.priorityIssue.findUnique({ where: { code: data.priorityIssueCode }, select: { id: true } })
      : null,
    data.providerId
      ? ctx.db.organisation.findFirst({ where: { id: data.providerId, kind: 'PROVIDER' }, select: { id: true } })
      : null,
  ]);

  const yearLabel = financialYearLabel(data.financialYear);
  if (periods.length === 0) {
    throw new BadUserInputError(`There is no financial year ${yearLabel} in the reporting calendar`, field('financialYear'));
  }
  if (data.areaCode && !area) throw new BadUserInputError(`${data.areaCode} is not an area`, field('areaCode'));
  if (data.priorityIssueCode && !priorityIssue) {
    throw new BadUserInputError(`${data.priorityIssueCode} is not a priority issue`, field('priorityIssueCode'));
  }
  if (data.providerId && !provider) throw new BadUserInputError('There is no such provider: choose a provider from the list', field('providerId'));

  const yearPeriods: DashboardPeriod[] = periods.map((period) => ({
    id: period.id,
    quarter: period.quarter,
    label: period.label,
    startDate: toIsoDate(period.startDate),
    endDate: toIsoDate(period.endDate),
    dueDate: toIsoDate(period.dueDate),
    ended: toIsoDate(period.endDate) < today,
  }));

  let chosen = yearPeriods;
  if (data.quarter !== null) {
    const period = yearPeriods.find((p) => p.quarter === data.quarter);
    if (!period) {
      throw new BadUserInputError(`There is no ${periodLabel(data.financialYear, data.quarter)} in the reporting calendar`, field('quarter'));
    }
    if (!period.ended) {
      throw new BadUserInputError(`${period.label} has not ended yet: its figures are not in`, field('quarter'));
    }
    chosen = [period];
  } else if (!yearPeriods.some((p) => p.ended)) {
    throw new BadUserInputError(`No quarter of ${yearLabel} has ended yet: its figures are not in`, field('financialYear'));
  }

  // Year to date: up to the chosen quarter, or for the whole year up to the latest quarter that has ended.
  const yearToDatePeriodIds = yearPeriods.filter((p) => (data.quarter === null ? p.ended : p.quarter <= data.quarter)).map((p) => p.id);
  return {
    financialYear: data.financialYear,
    quarter: data.quarter,
    label: data.quarter === null ? yearLabel : periodLabel(data.financialYear, data.quarter),
    periodIds: chosen.map((p) => p.id),
    areaId: area?.id ?? null,
    priorityIssueId: priorityIssue?.id ?? null,
    providerId: provider?.id ?? null,
    statuses: data.includeProvisional ? PROVISIONAL_STATUSES : ['APPROVED'],
    provisional: data.includeProvisional,
    controlled,
    yearPeriods,
    yearToDatePeriodIds,
    startDate: chosen[0]!.startDate,
    endDate: chosen[chosen.length - 1]!.endDate,
    today,
    areaCode: data.areaCode,
    priorityIssueCode: data.priorityIssueCode,
  };
}

/**
 * The services in scope, as a WHERE fragment on alias `s` (commissioned_service s): not PLANNED, not archived,
 * in the filter's area, priority issue and provider. It does NOT restrict dates: see serviceActiveInWindowSql.
 */
export function servicesInScopeSql(filter: ResolvedDashboardFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`s.status IN ('ACTIVE', 'EXTENDED', 'ENDED')`,
    Prisma.sql`s.archived_at IS NULL`,
  ];
  if (filter.areaId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM service_area sa WHERE sa.service_id = s.id AND sa.area_id = ${filter.areaId}::uuid)`);
  }
  if (filter.priorityIssueId) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM service_priority_issue spi WHERE spi.service_id = s.id AND spi.priority_issue_id = ${filter.priorityIssueId}::uuid)`,
    );
  }
  if (filter.providerId) parts.push(Prisma.sql`s.provider_id = ${filter.providerId}::uuid`);
  return Prisma.join(parts, ' AND ');
}

/** The service on alias `s` runs during the filter's window (year or quarter): start <= window end, end >= window start. */
export function serviceActiveInWindowSql(filter: ResolvedDashboardFilter): Prisma.Sql {
  return Prisma.sql`s.start_date <= ${filter.endDate}::date AND s.end_date >= ${filter.startDate}::date`;
}

/** The return statuses counted, for `pr.status = ANY(...)`: `pr.status::text = ANY(${statusesSql(filter)})`. */
export function statusesSql(filter: ResolvedDashboardFilter): Prisma.Sql {
  return Prisma.sql`ARRAY[${Prisma.join(filter.statuses)}]::text[]`;
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
 * Money per person (per child supported, per improved outcome). `controlled`: controlCostPerPerson (hidden under 8
 * people; else divided by the ROUNDED count). Exact: amount / people to the penny, halves up. No people: no figure.
 */
export function costPerPerson(amount: SqlNumber, people: SqlNumber, controlled: boolean): StatisticShape {
  const pounds = new Prisma.Decimal((amount ?? 0).toString());
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
  const each = pounds.div(count).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).toFixed(2);
  const [whole, pence] = each.split('.');
  return { value: each, display: `£${whole!.replace(POUNDS_GROUPED, ',')}.${pence}`, hidden: false, exportValue: each, source: null };
}

export const StatisticRef = builder.objectRef<StatisticShape>('Statistic').implement({
  description:
    'A mean, median, waiting time or cost per person. For the Commissioner: hidden when fewer than 8 people are ' +
    'behind it; a cost per person uses the rounded number of people.',
  authScopes: { authenticated: true },
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
