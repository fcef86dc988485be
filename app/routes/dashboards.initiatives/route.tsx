// Dashboards: each initiative with the services it funds in the year and what they delivered in the filter's
// period (sessions delivered; new service users, controlled for the Commissioner by the API).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DashboardLayout } from '~/components/dashboard/DashboardLayout';
import { loadDashboard } from '~/components/dashboard/filter.server';
import { formatMoney } from '~/components/format/dates';
import { Table, pageTitle } from '~/components/ui';
import { DashboardInitiativesQuery } from './operations.server';

export const meta: MetaFunction = () => [{ title: pageTitle('What initiatives delivered') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request, DashboardInitiativesQuery));
}

const STATUS: Record<string, string> = { ACTIVE: 'Active', PLANNED: 'Planned', CLOSED: 'Closed', PAUSED: 'Paused' };
const n = (value: number) => value.toLocaleString('en-GB');

export default function DashboardInitiatives() {
  const { data, choices, values, errors } = useLoaderData<typeof loader>();
  const answer = data?.dashboardInitiatives ?? null;
  return (
    <DashboardLayout
      title="What initiatives delivered"
      filter={answer?.filter ?? null}
      disclosure={answer?.disclosure}
      choices={choices}
      values={values}
      errors={errors}
      notes={
        <p className="govuk-body">
          Funding is the initiative&apos;s funding for the year. A service funded by two initiatives shows its whole
          delivery under each. An initiative&apos;s total of new service users is worked out from the exact figures
          and then controlled on its own, so it may not be the sum of its services&apos; rows.
        </p>
      }
    >
      {answer ? (
        answer.initiatives.length === 0 ? (
          <p className="govuk-body">No initiative funds a service in scope.</p>
        ) : (
          <>
            <Table
              caption={`Initiatives, ${answer.filter.label}`}
              head={['Initiative', 'Status', 'Services funded', 'Funding', 'Sessions delivered', 'New service users']}
              firstCellIsHeader
              numericColumns={[2, 3, 4, 5]}
              scrollLabel="Initiatives"
              rowKeys={answer.initiatives.map((initiative) => initiative.id)}
              rows={answer.initiatives.map((initiative) => [
                <a key="name" className="govuk-link" href={`#initiative-${initiative.id}`}>
                  {initiative.name}
                </a>,
                STATUS[initiative.status] ?? initiative.status,
                n(initiative.services.length),
                formatMoney(initiative.funding),
                n(initiative.sessionsDelivered),
                initiative.newServiceUsers.display,
              ])}
            />
            {answer.initiatives.map((initiative) => (
              <section key={initiative.id} id={`initiative-${initiative.id}`} aria-labelledby={`initiative-${initiative.id}-heading`}>
                <h2 className="govuk-heading-m" id={`initiative-${initiative.id}-heading`}>
                  {initiative.name}
                </h2>
                {initiative.services.length === 0 ? (
                  <p className="govuk-body">It funds no service in scope in {answer.filter.label}.</p>
                ) : (
                  <Table
                    caption={`Services funded by ${initiative.name}`}
                    captionSize="s"
                    head={['Service', 'Provider', 'Funding', 'Sessions delivered', 'New service users']}
                    firstCellIsHeader
                    numericColumns={[2, 3, 4]}
                    scrollLabel={`Services funded by ${initiative.name}`}
                    rowKeys={initiative.services.map((service) => service.serviceId)}
                    rows={initiative.services.map((service) => [
                      <Link key="service" className="govuk-link" to={`/services/${service.serviceId}`}>
                        {service.reference}: {service.title}
                      </Link>,
                      service.providerName,
                      formatMoney(service.funding),
                      n(service.sessionsDelivered),
                      service.newServiceUsers.display,
                    ])}
                    foot={[
                      'Total',
                      '',
                      '',
                      n(initiative.sessionsDelivered),
                      initiative.newServiceUsers.display,
                    ]}
                  />
                )}
              </section>
            ))}
          </>
        )
      ) : null}
    </DashboardLayout>
  );
}
