// Dashboards: coverage of the priority issues by the services in scope, with investment. An issue with no service
// is a gap, said in words ("No service"), never by colour alone.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatMoney } from '~/components/format/dates';
import { SummaryList, Table, Tag, pageTitle } from '~/components/ui';
import { DashboardCoverageQuery } from './operations.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Coverage of priority issues') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardCoverageQuery));
}

export default function DashboardCoverage() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const coverage = data?.dashboardCoverage ?? null;
  return (
    <DashboardLayout
      title="Coverage of priority issues"
      filter={coverage?.filter ?? null}
      disclosure={coverage?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={
        <p className="govuk-body">
          Investment is each service&apos;s funding for the year from every source. A service addressing two priority
          issues counts in both, so the issues&apos; investment can add up to more than the total, which counts each
          service once.
        </p>
      }
    >
      {coverage ? (
        <>
          <SummaryList
            className="app-tabular-numbers"
            rows={[
              { key: 'Total investment', value: formatMoney(coverage.totalInvestment) },
              {
                key: 'Priority issues with no service',
                value: coverage.gapCount === 0 ? 'None: every priority issue has a service' : coverage.gapCount.toLocaleString('en-GB'),
              },
            ]}
          />
          <Table
            caption={`Priority issues and the services addressing them, ${coverage.filter.label}`}
            head={['Priority issue', 'Services', 'Number of services', 'Investment']}
            firstCellIsHeader
            numericColumns={[2, 3]}
            scrollLabel="Priority issues and the services addressing them"
            rowKeys={coverage.issues.map((issue) => issue.code)}
            rows={coverage.issues.map((issue) => [
              <>
                {issue.title}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{issue.code}</span>
              </>,
              issue.gap ? (
                <Tag colour="red">No service</Tag>
              ) : (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {issue.services.map((service) => (
                    <li key={service.id}>
                      <Link className="govuk-link" to={`/services/${service.id}`}>
                        {service.reference}: {service.title}
                      </Link>{' '}
                      ({service.providerName}, {formatMoney(service.investment)})
                    </li>
                  ))}
                </ul>
              ),
              issue.services.length.toLocaleString('en-GB'),
              formatMoney(issue.investment),
            ])}
          />
        </>
      ) : null}
    </DashboardLayout>
  );
}
