import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { InitiativesQuery } from './operations.server';
import { Button, NotificationBanner, PageHeading, Table, Tag, pageTitle } from '~/components/ui';
import { formatMoney } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';


export const meta: MetaFunction = () => [{ title: pageTitle('Initiatives') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await gql(request, InitiativesQuery));
}

const STATUS: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', PAUSED: 'Paused', CLOSED: 'Closed' };

export default function Initiatives() {
  const { me, initiatives } = useLoaderData<typeof loader>();
  const ownOnly = me?.organisation.kind === 'PROVIDER';
  const officer = me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER';
  const [params] = useSearchParams();
  const added = initiatives.find((initiative) => initiative.id === params.get('added'));
  return (
    <>
      {added ? <NotificationBanner success>{`Initiative added: ${added.name}`}</NotificationBanner> : null}
      {params.get('archived') === '1' ? <NotificationBanner success>Initiative archived</NotificationBanner> : null}
      <PageHeading>Initiatives</PageHeading>
      <p className="govuk-body-l">
        Initiatives the Constabulary and partners support, funded through commissioned services.
        {ownOnly ? ' Funding shown is what your own services give.' : ''}
      </p>
      {officer ? <Button href="/initiatives/new">Add an initiative</Button> : null}
      <Table
        caption="Initiatives and their funding"
        captionHidden
        head={['Initiative', 'Lead partner', 'Status', 'Funding by financial year']}
        firstCellIsHeader
        rowKeys={initiatives.map((initiative) => initiative.id)}
        rows={initiatives.map((initiative) => [
          <>
            <Link className="govuk-link" to={`/initiatives/${initiative.id}`}>
              {initiative.name}
            </Link>
            {initiative.fromBriefing ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-1">Named in the briefing</span> : null}
            <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
              {initiative.description}
            </span>
          </>,
          initiative.leadPartner ?? 'Not recorded',
          <Tag key="status" colour={initiative.status === 'ACTIVE' ? 'green' : 'grey'}>
            {STATUS[initiative.status] ?? initiative.status}
          </Tag>,
          initiative.funding.length === 0 ? (
            'No funding recorded'
          ) : (
            <ul className="govuk-list govuk-!-margin-bottom-0">
              {initiative.funding.map((year) => (
                <li key={year.label}>
                  {year.label}: {formatMoney(year.amount)}
                </li>
              ))}
            </ul>
          ),
        ])}
      />
    </>
  );
}
