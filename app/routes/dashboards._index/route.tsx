// Dashboards: the portfolio headline (services, investment, children supported year to date, returns on time) and
// a small chart of returns on time per quarter. OPCC staff only; the API applies disclosure control.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { BarChartFigure } from '~/components/charts/BarChartFigure';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatMoney } from '~/components/format/dates';
import { SummaryList, pageTitle } from '~/components/ui';
import { DashboardHeadlineQuery } from './operations.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Portfolio headline') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardHeadlineQuery));
}

export default function DashboardHeadline() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const headline = data?.dashboardHeadline ?? null;
  const quarters = data?.dashboardTimeliness.quarters ?? [];
  const { search } = useLocation();
  return (
    <DashboardLayout
      title="Portfolio headline"
      filter={headline?.filter ?? null}
      disclosure={headline?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
    >
      {headline ? (
        <>
          <h2 className="govuk-heading-m">Summary</h2>
          <SummaryList
            className="app-tabular-numbers"
            rows={[
              { key: 'Services running', value: headline.activeServices.toLocaleString('en-GB') },
              { key: 'Annual investment', value: formatMoney(headline.annualInvestment) },
              {
                key: 'Children and young people supported',
                value: (
                  <>
                    {headline.childrenSupportedYearToDate.display}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      Started support in {headline.yearToDateLabel}
                    </span>
                  </>
                ),
              },
              {
                key: 'Returns on time',
                value: `${headline.returnsOnTimePercentage.display} (${headline.returnsOnTime.toLocaleString('en-GB')} of ${headline.returnsExpected.toLocaleString('en-GB')} expected; ${headline.returnsReceived.toLocaleString('en-GB')} received)`,
              },
            ]}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to={{ pathname: '/briefing', search }}>
              Briefing pack
            </Link>
            : the Commissioner&apos;s CSA/E briefing with these figures, ready to print or save as PDF.
          </p>
          <h2 className="govuk-heading-m">Returns on time</h2>
          {quarters.length > 0 ? (
            <BarChartFigure
              caption={`Returns expected, received and on time, ${headline.filter.label}`}
              categoryLabel="Quarter"
              width={560}
              height={260}
              series={[
                { key: 'expected', label: 'Expected' },
                { key: 'received', label: 'Received' },
                { key: 'onTime', label: 'On time' },
              ]}
              rows={quarters.map((quarter) => ({
                category: quarter.label,
                values: { expected: quarter.expected, received: quarter.received, onTime: quarter.onTime },
              }))}
            />
          ) : (
            <p className="govuk-body">No quarter in this period has ended yet.</p>
          )}
        </>
      ) : null}
    </DashboardLayout>
  );
}
