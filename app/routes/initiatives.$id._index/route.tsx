// One initiative: what it is, who leads it, the services (visible to the caller) that fund it, and its funding.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { InitiativeQuery } from './operations.server';
import { STATUS_LABELS } from '../services._index/filters';
import { BackLink, PageHeading, SummaryList, Table, Tag, pageTitle } from '~/components/ui';
import { formatMoney } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.initiative.name ?? 'Initiative') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { me, initiative } = await gql(request, InitiativeQuery, { id: params.id ?? '' });
  if (!initiative) throw new Response('Not Found', { status: 404 });
  return json({ me, initiative });
}

const STATUS: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', PAUSED: 'Paused', CLOSED: 'Closed' };

export default function InitiativePage() {
  const { me, initiative } = useLoaderData<typeof loader>();
  const provider = me?.role === 'PROVIDER';
  const officer = me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER';
  const providers = [...new Map(initiative.services.map((s) => [s.provider.id, s.provider.name])).values()].sort();
  return (
    <>
      <BackLink href="/initiatives">All initiatives</BackLink>
      <PageHeading caption={initiative.fromBriefing ? 'Named in the briefing' : 'Initiative'}>{initiative.name}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Description', value: initiative.description },
          { key: 'Lead partner', value: initiative.leadPartner ?? 'Not recorded' },
          { key: 'Status', value: <Tag colour={initiative.status === 'ACTIVE' ? 'green' : 'grey'}>{STATUS[initiative.status] ?? initiative.status}</Tag> },
          { key: 'Providers', value: providers.join(', ') || 'None' },
        ]}
      />
      {officer ? (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/initiatives/${initiative.id}/edit`}>
              Change this initiative
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/initiatives/${initiative.id}/archive`}>
              Archive this initiative
            </Link>
          </li>
        </ul>
      ) : null}
      <h2 className="govuk-heading-m">{provider ? 'Your services funding it' : 'Services funding it'}</h2>
      {initiative.services.length === 0 ? (
        <p className="govuk-body">No service funds this initiative{provider ? ' among yours' : ''}.</p>
      ) : (
        <Table
          caption="Services funding this initiative"
          captionHidden
          firstCellIsHeader
          head={['Reference', 'Title', 'Provider', 'Status']}
          rowKeys={initiative.services.map((s) => s.id)}
          rows={initiative.services.map((s) => [
            <Link key="r" className="govuk-link" to={`/services/${s.id}`}>
              {s.reference}
            </Link>,
            s.title,
            s.provider.name,
            STATUS_LABELS[s.status] ?? s.status,
          ])}
        />
      )}
      <h2 className="govuk-heading-m">Investment by financial year</h2>
      {initiative.funding.length === 0 ? (
        <p className="govuk-body">No funding recorded.</p>
      ) : (
        <Table
          caption={provider ? 'What your services give, by financial year' : 'What services give, by financial year'}
          captionSize="s"
          firstCellIsHeader
          numericColumns={[1]}
          head={['Financial year', 'Funding']}
          rowKeys={initiative.funding.map((y) => y.label)}
          rows={initiative.funding.map((y) => [y.label, formatMoney(y.amount)])}
        />
      )}
    </>
  );
}
