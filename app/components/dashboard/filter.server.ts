// The dashboards' filter on the server: the URL's search params -> the GraphQL `DashboardFilter` variable
// (readDashboardFilter), the choices the filter form offers (loadFilterChoices), and loadDashboard, which runs one
// dashboard operation with the filter and turns the API's BAD_USER_INPUT into an error summary instead of a 500.
// Pages never check or control figures themselves: the API resolves the filter and applies disclosure control.
import { redirect } from '@remix-run/node';
import type { TypedDocumentString, DashboardFilter } from '~/gql/graphql';
import type { FieldError } from '~/components/ui';
import { gql, gqlResult, type GqlError } from '~/utils/graphql.server';
import { financialYearLabel, periodContaining, previousPeriod, todayInLondon } from '../../../graphql/domain/periods';
import { DashboardFilterSchema } from '../../../graphql/validation/dashboard';
import { DashboardFilterChoicesQuery } from './operations.server';
import type { DashboardFilterChoices, DashboardFilterValues } from './FilterForm';

export type { DashboardFilterChoices, DashboardFilterValues };

export interface DashboardFilterRead {
  /** The variable for the operation; undefined when the URL has no filter (the API's default: latest ended year). */
  filter: DashboardFilter | undefined;
  /** What the form shows (the URL's values as typed). */
  values: DashboardFilterValues;
  /** Values that cannot even be sent (a year or quarter that is not a number), with the schema's own message. */
  errors: FieldError[];
}

const INTEGER = /^\s*-?\d+\s*$/;
const TRUE_WORDS = new Set(['true', 'on', 'yes', '1']);

/** The financial year a dashboard shows with no filter: the year of the latest quarter that has ended. */
export function defaultDashboardYear(now: Date = new Date()): number {
  return previousPeriod(periodContaining(todayInLondon(now))).financialYear;
}

/**
 * Search params -> DashboardFilter: numbers parsed, blanks left out. financialYear is required by the input, so when
 * other values are given without a year the default year is used. A year or quarter that is not a whole number is
 * reported with the message the API's schema gives (it could not be sent as an Int).
 */
export function readDashboardFilter(url: URL): DashboardFilterRead {
  const param = (name: string) => (url.searchParams.get(name) ?? '').trim();
  const values: DashboardFilterValues = {
    financialYear: param('financialYear'),
    quarter: param('quarter'),
    areaCode: param('areaCode'),
    priorityIssueCode: param('priorityIssueCode'),
    providerId: param('providerId'),
    includeProvisional: TRUE_WORDS.has(param('includeProvisional').toLowerCase()),
  };
  const errors: FieldError[] = [];
  const whole = (name: 'financialYear' | 'quarter', raw: string): number | undefined => {
    if (!raw) return undefined;
    if (INTEGER.test(raw)) return Number(raw);
    // Not a number: let the one schema say what is wrong, in its words.
    const sample = { financialYear: name === 'financialYear' ? raw : 2000, [name]: raw };
    const result = DashboardFilterSchema.safeParse(sample);
    const issue = result.success ? undefined : result.error.issues.find((i) => i.path[0] === name);
    errors.push({ field: name, message: issue?.message ?? 'Choose a value from the list' });
    return undefined;
  };
  const financialYear = whole('financialYear', values.financialYear);
  const quarter = whole('quarter', values.quarter);
  const given =
    financialYear !== undefined ||
    quarter !== undefined ||
    values.areaCode !== '' ||
    values.priorityIssueCode !== '' ||
    values.providerId !== '' ||
    values.includeProvisional;
  if (!given) return { filter: undefined, values, errors };
  const filter: DashboardFilter = { financialYear: financialYear ?? defaultDashboardYear() };
  if (quarter !== undefined) filter.quarter = quarter;
  if (values.areaCode) filter.areaCode = values.areaCode;
  if (values.priorityIssueCode) filter.priorityIssueCode = values.priorityIssueCode;
  if (values.providerId) filter.providerId = values.providerId;
  if (values.includeProvisional) filter.includeProvisional = true;
  return { filter, values, errors };
}

/** The filter form's choices, and whether the viewer may ask for provisional figures. Providers: 403. */
export async function loadFilterChoices(request: Request): Promise<DashboardFilterChoices> {
  const data = await gql(request, DashboardFilterChoicesQuery);
  const role = data.me?.role;
  if (role !== 'ADMIN' && role !== 'POLICY_OFFICER' && role !== 'COMMISSIONER') throw new Response('Forbidden', { status: 403 });
  const today = todayInLondon();
  const years = [...new Set(data.reportingPeriods.filter((p) => p.endDate < today).map((p) => p.financialYear))].sort(
    (a, b) => b - a,
  );
  return {
    financialYears: years.map((year) => ({ value: String(year), text: financialYearLabel(year) })),
    areas: data.areas.map((area) => ({ value: area.code, text: area.name })),
    priorityIssues: data.priorityIssues.map((issue) => ({ value: issue.code, text: issue.title })),
    providers: [...data.organisations]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((provider) => ({ value: provider.id, text: provider.name })),
    canIncludeProvisional: role === 'ADMIN' || role === 'POLICY_OFFICER',
  };
}

/** API errors -> the error summary: each names its filter field ("filter.priorityIssueCode" -> #priorityIssueCode). */
export function filterErrorsOf(errors: GqlError[]): FieldError[] {
  return errors.flatMap((error) => {
    const issues = error.extensions?.issues?.length
      ? error.extensions.issues
      : [{ field: error.extensions?.field ?? '', message: error.message }];
    return issues.map((issue) => ({ field: fieldIdOf(issue.field), message: issue.message }));
  });
}

const FIELD_IDS = ['financialYear', 'quarter', 'areaCode', 'priorityIssueCode', 'providerId', 'includeProvisional'];

function fieldIdOf(field: string): string {
  const name = field.replace(/^filter\./, '').split('.')[0] ?? '';
  return FIELD_IDS.includes(name) ? name : 'financialYear';
}

export interface LoadedDashboard<TResult> {
  /** null when the filter was refused (errors says why). */
  data: TResult | null;
  choices: DashboardFilterChoices;
  /** The form's values: the URL's, with the year the API answered for when the URL had none. */
  values: DashboardFilterValues;
  errors: FieldError[];
}

/**
 * Runs one dashboard operation (its only variable: `filter`) as the signed-in user. Not signed in: sign-in page;
 * refused (providers; the Commissioner asking for provisional figures): 403 page; a bad filter: `errors` with the
 * API's message for the error summary; anything else: the 500 page.
 */
export async function loadDashboard<TResult, TVariables extends { filter?: DashboardFilter | null }>(
  request: Request,
  document: TypedDocumentString<TResult, TVariables>,
): Promise<LoadedDashboard<TResult>> {
  const read = readDashboardFilter(new URL(request.url));
  const choices = await loadFilterChoices(request);
  const values = { ...read.values };
  if (read.errors.length > 0) return { data: null, choices, values: withDefaultYear(values), errors: read.errors };

  const variables = (read.filter ? { filter: read.filter } : {}) as TVariables;
  const run = gqlResult as (r: Request, d: TypedDocumentString<TResult, TVariables>, v: TVariables) => ReturnType<typeof gqlResult<TResult, TVariables>>;
  const { data, errors } = await run(request, document, variables);
  if (errors.length === 0 && data) {
    if (!values.financialYear) values.financialYear = String(answeredYear(data) ?? defaultDashboardYear());
    return { data, choices, values, errors: [] };
  }
  if (errors.every((error) => error.extensions?.code === 'BAD_USER_INPUT')) {
    return { data: null, choices, values: withDefaultYear(values), errors: filterErrorsOf(errors) };
  }
  // Everything else as gql() handles it for every page.
  const code = errors[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 });
  throw Response.json(
    { message: 'Unexpected error.', requestId: errors[0]?.extensions?.requestId ?? null },
    { status: 500 },
  );
}

function withDefaultYear(values: DashboardFilterValues): DashboardFilterValues {
  return values.financialYear ? values : { ...values, financialYear: String(defaultDashboardYear()) };
}

/** The year in the answer's `filter` echo (the one root field's `filter.financialYear`). */
function answeredYear(data: unknown): number | undefined {
  if (!data || typeof data !== 'object') return undefined;
  for (const value of Object.values(data)) {
    const year = (value as { filter?: { financialYear?: unknown } } | null)?.filter?.financialYear;
    if (typeof year === 'number') return year;
  }
  return undefined;
}
