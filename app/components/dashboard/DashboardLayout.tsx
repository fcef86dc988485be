// The frame of every dashboard page: the "Dashboards" sub-navigation, the h1 with what the figures cover as its
// caption, the error summary for a refused filter, the provisional banner, the filter form, the figures, the links
// to download them (CSV and XLSX, made by the API; on the headline also the returns data), and the notes about them
// (the API's disclosure note and the rounding footnote, in words).
import { Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorSummary, NotificationBanner, PageHeading, useErrorTitle, type FieldError } from '~/components/ui';
import { dashboardExportHref, returnsExportHref, slugOfPath } from './exports';
import { FilterForm, type DashboardFilterChoices, type DashboardFilterValues } from './FilterForm';

export const DASHBOARD_PAGES: { href: string; text: string }[] = [
  { href: '/dashboards', text: 'Headline' },
  { href: '/dashboards/coverage', text: 'Coverage' },
  { href: '/dashboards/timeliness', text: 'Timeliness of returns' },
  { href: '/dashboards/contracts-ending', text: 'Contracts ending' },
  { href: '/dashboards/initiatives', text: 'Initiatives' },
  { href: '/dashboards/outcomes', text: 'Outcomes' },
  { href: '/dashboards/reach', text: 'Reach' },
  { href: '/dashboards/value-for-money', text: 'Value for money' },
];

/** The part of an answer's `filter` echo the frame uses. */
export interface DashboardFilterEchoLike {
  label: string;
  provisional: boolean;
  provisionalNote?: string | null;
  controlled?: boolean;
}

export const PROVISIONAL_BANNER = 'Provisional: includes returns not yet approved';

export interface DashboardLayoutProps {
  /** The page's h1, e.g. "Coverage of priority issues". */
  title: string;
  /** The answer's filter echo; null when the filter was refused. */
  filter: DashboardFilterEchoLike | null;
  /** The answer's disclosure note (null for officers and admins). */
  disclosure?: string | null;
  /** Words about these figures shown under them (e.g. what the page counts). */
  notes?: ReactNode;
  choices: DashboardFilterChoices;
  values: DashboardFilterValues;
  errors: FieldError[];
  children?: ReactNode;
}

export function DashboardLayout({ title, filter, disclosure, notes, choices, values, errors, children }: DashboardLayoutProps) {
  const location = useLocation();
  // The filter travels between dashboards and to the downloads; a table's page number does not.
  const params = new URLSearchParams(location.search);
  params.delete('page');
  const query = params.toString();
  const search = query ? `?${query}` : '';
  useErrorTitle(errors.length > 0);
  return (
    <>
      <DashboardNavigation current={location.pathname} search={search} />
      <ErrorSummary errors={errors} />
      <PageHeading caption={filter ? `Dashboards: ${filter.label}` : 'Dashboards'}>{title}</PageHeading>
      {filter?.provisional ? (
        <NotificationBanner title="Provisional figures">
          <p className="govuk-notification-banner__heading">{PROVISIONAL_BANNER}</p>
          {filter.provisionalNote ? <p className="govuk-body">{filter.provisionalNote}</p> : null}
        </NotificationBanner>
      ) : null}
      <FilterForm choices={choices} values={values} action={location.pathname} errors={errors} />
      {filter ? (
        <>
          {children}
          <DashboardDownloads title={title} filter={filter} values={values} pathname={location.pathname} search={search} />
          <h2 className="govuk-heading-m">About these figures</h2>
          {notes}
          {disclosure ? <p className="govuk-body">{disclosure}</p> : null}
          <p className="govuk-body-s">
            {filter.controlled
              ? 'Counts of people are under disclosure control: 0 stays 0, 1 to 7 people are shown as "fewer than 8" and other counts are rounded to the nearest 5, so figures are rounded and may not sum. Where a total would let a "fewer than 8" be worked out, another figure is also "hidden".'
              : 'Figures are exact: they are for OPCC officers and must not be published without disclosure control.'}{' '}
            Percentages are rounded to the nearest whole percent. Money is shown to the penny.
            {filter.provisional ? ' Provisional figures may change when returns are approved.' : ' Only approved returns are counted.'}
          </p>
        </>
      ) : (
        <p className="govuk-body">Change the filter to see the figures.</p>
      )}
    </>
  );
}

/** Links to every dashboard, keeping the filter (the query string) from page to page. */
export function DashboardNavigation({ current, search }: { current: string; search: string }) {
  return (
    <nav aria-label="Dashboards" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {DASHBOARD_PAGES.map((page) => {
          const active = current.replace(/\/$/, '') === page.href;
          return (
            <li key={page.href} className="govuk-!-display-inline-block govuk-!-margin-right-4 govuk-!-margin-bottom-1">
              <Link
                className={`govuk-link govuk-link--no-visited-state${active ? ' govuk-!-font-weight-bold' : ''}`}
                to={{ pathname: page.href, search }}
                aria-current={active ? 'page' : undefined}
              >
                {page.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * "Download these figures": the page's tables as CSV and XLSX (the same filter: the page's query string), made by the
 * API with the same figures and disclosure control. On the headline, also the returns data for the year, quarter and
 * provider chosen. Plain links (the browser downloads the file; no JavaScript needed).
 */
function DashboardDownloads({
  title,
  filter,
  values,
  pathname,
  search,
}: {
  title: string;
  filter: DashboardFilterEchoLike;
  values: DashboardFilterValues;
  pathname: string;
  search: string;
}) {
  const slug = slugOfPath(pathname);
  if (!slug) return null;
  const what = `: ${title}, ${filter.label}`;
  return (
    <section aria-labelledby="dashboard-downloads" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="dashboard-downloads">
        Download these figures
      </h2>
      <p className="govuk-body">
        The tables on this page with notes about them
        {filter.controlled ? ', under the same disclosure control (a suppressed figure is written [c])' : ''}.
      </p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={dashboardExportHref(slug, search, 'csv')}>
            Download as CSV<span className="govuk-visually-hidden">{what}</span>
          </a>
        </li>
        <li>
          <a className="govuk-link" href={dashboardExportHref(slug, search, 'xlsx')}>
            Download as Excel (XLSX)<span className="govuk-visually-hidden">{what}</span>
          </a>
        </li>
      </ul>
      {slug === 'headline' && values.financialYear ? (
        <>
          <h3 className="govuk-heading-s">Returns data</h3>
          <p className="govuk-body">
            Every figure of the {filter.provisional ? 'approved and provisional' : 'approved'} returns for {filter.label}, one row
            per figure (no narrative answers or comments). The financial year, quarter and provider chosen apply; the area and
            priority issue do not.
          </p>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={returnsExportHref(values, 'csv', 'dashboards')}>
                Download the returns data as CSV<span className="govuk-visually-hidden"> for {filter.label}</span>
              </a>
            </li>
            <li>
              <a className="govuk-link" href={returnsExportHref(values, 'xlsx', 'dashboards')}>
                Download the returns data as Excel (XLSX)<span className="govuk-visually-hidden"> for {filter.label}</span>
              </a>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
