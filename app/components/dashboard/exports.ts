// Where the dashboards' downloads are: each dashboard page's path -> its export (the resource route
// /exports/dashboards/<slug>, answered by the API's dashboardExport), and the returns data (/exports/returns).
// Browser-safe: the page frame (DashboardLayout) builds its download links with it.

/** The export slugs, in the order of the dashboards' navigation (DashboardLayout's DASHBOARD_PAGES). */
export const DASHBOARD_EXPORT_SLUGS: readonly string[] = [
  'headline',
  'coverage',
  'timeliness',
  'contracts-ending',
  'initiatives',
  'outcomes',
  'reach',
  'value-for-money',
];

/** "/dashboards" -> "headline", "/dashboards/reach" -> "reach"; null for any other path. */
export function slugOfPath(pathname: string): string | null {
  const path = pathname.replace(/\/$/, '');
  if (path === '/dashboards') return 'headline';
  const match = /^\/dashboards\/([a-z-]+)$/.exec(path);
  return match && DASHBOARD_EXPORT_SLUGS.includes(match[1]!) ? match[1]! : null;
}

/** "headline" -> "/dashboards", "reach" -> "/dashboards/reach". */
export const pathOfSlug = (slug: string) => (slug === 'headline' ? '/dashboards' : `/dashboards/${slug}`);

/** "contracts-ending" -> "CONTRACTS_ENDING" (the API's DashboardName). */
export const dashboardNameOfSlug = (slug: string) => slug.toUpperCase().replaceAll('-', '_');

/** The download URL of a dashboard's figures in a format, keeping the page's query string (its filter). */
export function dashboardExportHref(slug: string, search: string, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams(search);
  params.set('format', format);
  return `/exports/dashboards/${slug}?${params.toString()}`;
}

/** The download URL of the returns data for a filter (financial year, quarter, provider, provisional). */
export function returnsExportHref(
  values: { financialYear: string; quarter?: string; providerId?: string; includeProvisional?: boolean },
  format: 'csv' | 'xlsx',
  from: 'dashboards' | 'returns',
): string {
  const params = new URLSearchParams({ format, financialYear: values.financialYear });
  if (values.quarter) params.set('quarter', values.quarter);
  if (values.providerId) params.set('providerId', values.providerId);
  if (values.includeProvisional) params.set('includeProvisional', 'true');
  params.set('from', from);
  return `/exports/returns?${params.toString()}`;
}
