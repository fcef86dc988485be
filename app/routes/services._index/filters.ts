// The portfolio's filters live in the URL (a GET form), so a filtered view can be shared or bookmarked.
// Used by the page and by the CSV download, which takes the same query string.
import type { FundingSource, ServiceFilter, ServiceOrder, ServiceSortField, ServiceStatus } from '~/gql/graphql';
import { FUNDING_SOURCE_LABELS } from '~/components/format/labels';

export const STATUS_LABELS: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', EXTENDED: 'Extended', ENDED: 'Ended' };
export const RISK_LABELS: Record<string, string> = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };
export const SOURCE_LABELS: Record<string, string> = FUNDING_SOURCE_LABELS;
const SORTS: Record<string, ServiceSortField> = {
  reference: 'REFERENCE',
  title: 'TITLE',
  provider: 'PROVIDER',
  endDate: 'END_DATE',
  annualValue: 'ANNUAL_VALUE',
};

export interface PortfolioParams {
  filter: ServiceFilter;
  orderBy: ServiceOrder;
  page: number;
  sort: string;
  dir: 'asc' | 'desc';
}

export function readParams(url: URL): PortfolioParams {
  const p = url.searchParams;
  const filter: ServiceFilter = {};
  const issue = p.get('issue');
  if (issue) filter.priorityIssueCodes = [issue];
  if (p.get('provider')) filter.providerId = p.get('provider');
  const status = p.get('status');
  if (status && status in STATUS_LABELS) filter.statuses = [status as ServiceStatus];
  if (p.get('initiative')) filter.initiativeId = p.get('initiative');
  if (p.get('area')) filter.areaId = p.get('area');
  const source = p.get('source');
  if (source && source in SOURCE_LABELS) filter.fundingSource = source as FundingSource;
  const ends = Number(p.get('ends'));
  if (p.get('ends') && Number.isInteger(ends)) filter.endsWithinMonths = ends;
  const q = p.get('q')?.trim();
  if (q) filter.search = q.slice(0, 200);
  const sort = p.get('sort') && p.get('sort')! in SORTS ? p.get('sort')! : 'reference';
  const dir = p.get('dir') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1);
  return { filter, orderBy: { field: SORTS[sort]!, direction: dir === 'desc' ? 'DESC' : 'ASC' }, page, sort, dir };
}
