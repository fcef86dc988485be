// /exports/dashboards/<slug>?format=csv|xlsx&<the dashboard's filter>: the dashboard's tables as a file, made by the
// API (dashboardExport: the same figures and disclosure control as the page, audited). A bad filter or format goes
// back to the dashboard page with the same query, where the error summary says what is wrong.
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { DashboardName } from '~/gql/graphql';
import { exportFormatOf, fileResponse, refusedExport } from '~/components/dashboard/export.server';
import { DASHBOARD_EXPORT_SLUGS, dashboardNameOfSlug, pathOfSlug } from '~/components/dashboard/exports';
import { readDashboardFilter } from '~/components/dashboard/filter.server';
import { gqlResult } from '~/utils/graphql.server';
import { DashboardExportQuery } from './operations.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.dashboard ?? '';
  if (!DASHBOARD_EXPORT_SLUGS.includes(slug)) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  const format = exportFormatOf(url.searchParams.get('format'));
  const query = new URLSearchParams(url.searchParams);
  query.delete('format');
  const back = `${pathOfSlug(slug)}${query.size > 0 ? `?${query.toString()}` : ''}`;
  const read = readDashboardFilter(url);
  if (!format || read.errors.length > 0) refusedExport([{ message: 'Bad filter', extensions: { code: 'BAD_USER_INPUT' } }], back);

  const { data, errors } = await gqlResult(request, DashboardExportQuery, {
    dashboard: dashboardNameOfSlug(slug) as DashboardName,
    format: format!,
    filter: read.filter ?? null,
  });
  if (errors.length > 0 || !data) refusedExport(errors, back);
  return fileResponse(data!.dashboardExport);
}
