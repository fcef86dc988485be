// /exports/returns?format=csv|xlsx&financialYear=2025[&quarter&serviceId&providerId&includeProvisional][&from=dashboards]:
// the returns data (one row per figure of the counted returns) as a file, made by the API (returnsDataExport: OPCC
// staff every provider, a provider only its own organisation; controlled for the Commissioner; audited).
// A bad filter goes back where the link was: the headline dashboard (from=dashboards, same filter, whose error
// summary says what is wrong), or the provider's returns page (with exportError, which shows the error summary).
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { ReturnsExportFilter } from '~/gql/graphql';
import { exportFormatOf, fileResponse, refusedExport } from '~/components/dashboard/export.server';
import { gqlResult } from '~/utils/graphql.server';
import { ReturnsDataExportQuery } from './operations.server';

const INTEGER = /^\s*\d+\s*$/;
const TRUE_WORDS = new Set(['true', 'on', 'yes', '1']);

/** Where to send the person back to when the export is refused for its filter. */
function backOf(url: URL): string {
  const param = (name: string) => (url.searchParams.get(name) ?? '').trim();
  if (param('from') === 'dashboards') {
    const query = new URLSearchParams();
    for (const name of ['financialYear', 'quarter', 'providerId', 'includeProvisional']) if (param(name)) query.set(name, param(name));
    return `/dashboards${query.size > 0 ? `?${query.toString()}` : ''}`;
  }
  return `/returns?${new URLSearchParams({ financialYear: param('financialYear'), exportError: '1' }).toString()}#download`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const param = (name: string) => (url.searchParams.get(name) ?? '').trim();
  const back = backOf(url);
  const format = exportFormatOf(param('format'));
  const year = param('financialYear');
  const quarter = param('quarter');
  const bad = () => refusedExport([{ message: 'Bad filter', extensions: { code: 'BAD_USER_INPUT' } }], back);
  if (!format || !INTEGER.test(year) || (quarter !== '' && !INTEGER.test(quarter))) bad();

  const filter: ReturnsExportFilter = { financialYear: Number(year) };
  if (quarter) filter.quarter = Number(quarter);
  if (param('serviceId')) filter.serviceId = param('serviceId');
  if (param('providerId')) filter.providerId = param('providerId');
  if (TRUE_WORDS.has(param('includeProvisional').toLowerCase())) filter.includeProvisional = true;

  const { data, errors } = await gqlResult(request, ReturnsDataExportQuery, { format: format!, filter });
  if (errors.length > 0 || !data) refusedExport(errors, back);
  return fileResponse(data!.returnsDataExport);
}
