// Dashboards: completeness and timeliness of returns per quarter that has ended: a bar chart of expected, received
// and on time, with every figure in a table. Returns are not people: exact for everyone.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BarChartFigure } from '~/components/charts/BarChartFigure';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatDate } from '~/components/format/dates';
import { Table, pageTitle } from '~/components/ui';
import { DashboardTimelinessQuery } from './operations.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Timeliness of returns') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardTimelinessQuery));
}

const n = (value: number) => value.toLocaleString('en-GB');

export default function DashboardTimeliness() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const timeliness = data?.dashboardTimeliness ?? null;
  const quarters = timeliness?.quarters ?? [];
  return (
    <DashboardLayout
      title="Timeliness of returns"
      filter={timeliness?.filter ?? null}
      disclosure={timeliness?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={
        <p className="govuk-body">
          A return is expected from each service running in the quarter. On time: first submitted on or before the due
          date. Late: received, but first submitted after it.
        </p>
      }
    >
      {timeliness && quarters.length === 0 ? <p className="govuk-body">No quarter in this period has ended yet.</p> : null}
      {timeliness && quarters.length > 0 ? (
        <>
          <BarChartFigure
            caption={`Returns expected, received and on time, ${timeliness.filter.label}`}
            categoryLabel="Quarter"
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
          <Table
            caption={`Completeness and timeliness of returns, ${timeliness.filter.label}`}
            head={['Quarter', 'Due date', 'Expected', 'Received', 'On time', 'Late', 'Not received', 'Approved']}
            firstCellIsHeader
            numericColumns={[2, 3, 4, 5, 6, 7]}
            scrollLabel="Completeness and timeliness of returns"
            rowKeys={quarters.map((quarter) => quarter.periodId)}
            rows={quarters.map((quarter) => [
              quarter.label,
              <>
                {formatDate(quarter.dueDate)}
                {quarter.dueDatePassed ? null : (
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Not passed yet</span>
                )}
              </>,
              n(quarter.expected),
              `${n(quarter.received)} (${quarter.receivedPercentage.display})`,
              `${n(quarter.onTime)} (${quarter.onTimePercentage.display})`,
              n(quarter.late),
              n(quarter.notReceived),
              `${n(quarter.approved)} (${quarter.approvedPercentage.display})`,
            ])}
          />
        </>
      ) : null}
    </DashboardLayout>
  );
}
