// Dashboards: contracts (services ACTIVE or EXTENDED) ending in the next 6 months, soonest first. The filter's area,
// priority issue and provider apply; its year and quarter do not (said on the page).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatDate, formatMoney } from '~/components/format/dates';
import { Table, pageTitle } from '~/components/ui';
import { DashboardContractsEndingQuery } from './operations.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Contracts ending in the next 6 months') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardContractsEndingQuery));
}

const STATUS: Record<string, string> = { ACTIVE: 'Active', EXTENDED: 'Extended' };

function timeLeft(months: number, days: number): string {
  if (months >= 1) return months === 1 ? '1 month' : `${months} months`;
  return days === 1 ? '1 day' : `${days} days`;
}

export default function DashboardContractsEnding() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const ending = data?.dashboardContractsEnding ?? null;
  return (
    <DashboardLayout
      title="Contracts ending in the next 6 months"
      filter={ending?.filter ?? null}
      disclosure={ending?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={
        <p className="govuk-body">
          Active and extended services whose end date is from today to 6 months from today. The area, priority issue
          and provider in the filter apply; the financial year and quarter do not.
        </p>
      }
    >
      {ending ? (
        ending.contracts.length === 0 ? (
          <p className="govuk-body">
            No contract ends between {formatDate(ending.today)} and {formatDate(ending.until)}.
          </p>
        ) : (
          <Table
            caption={`Contracts ending from ${formatDate(ending.today)} to ${formatDate(ending.until)}`}
            head={['Service', 'Provider', 'Status', 'End date', 'Time left', 'Annual value']}
            firstCellIsHeader
            numericColumns={[4, 5]}
            scrollLabel="Contracts ending in the next 6 months"
            rowKeys={ending.contracts.map((contract) => contract.serviceId)}
            rows={ending.contracts.map((contract) => [
              <Link key="service" className="govuk-link" to={`/services/${contract.serviceId}`}>
                {contract.reference}: {contract.title}
              </Link>,
              contract.providerName,
              STATUS[contract.status] ?? contract.status,
              formatDate(contract.endDate),
              timeLeft(contract.monthsLeft, contract.daysLeft),
              formatMoney(contract.annualValue),
            ])}
            foot={['Total', '', '', '', '', formatMoney(ending.totalAnnualValue)]}
          />
        )
      ) : null}
    </DashboardLayout>
  );
}
