import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { OrganisationsQuery } from './operations.server';
import { Button, PageHeading, SummaryList, Table, pageTitle } from '~/components/ui';
import { ORGANISATION_TYPE_LABELS, ROLE_LABELS } from '~/components/format/labels';
import { gql } from '~/utils/graphql.server';


export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.me?.role === 'PROVIDER' ? 'Your organisation' : 'Organisations') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await gql(request, OrganisationsQuery));
}

// Labels shared with every page (typed against the API's enums).
const TYPE: Record<string, string> = ORGANISATION_TYPE_LABELS;
const ROLE: Record<string, string> = ROLE_LABELS;

export default function Organisations() {
  const { me, organisations } = useLoaderData<typeof loader>();
  if (me?.role === 'PROVIDER') {
    const own = organisations[0];
    if (!own) return <PageHeading>Your organisation</PageHeading>;
    return (
      <>
        <PageHeading caption="Your organisation">{own.name}</PageHeading>
        <SummaryList
          rows={[
            { key: 'Type', value: TYPE[own.type] ?? own.type },
            { key: 'Registered number', value: own.registeredNumber ?? 'Not recorded' },
            { key: 'Areas served', value: own.areas.map((area) => area.name).join(', ') || 'Not recorded' },
          ]}
        />
        <Table
          caption="People who can sign in"
          head={['Name', 'Email address', 'Role']}
          firstCellIsHeader
          rowKeys={own.users.map((user) => user.id)}
          rows={own.users.map((user) => [user.name, user.email, ROLE[user.role] ?? user.role])}
        />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/organisations/${own.id}`}>
            Contact details, contacts and services of {own.name}
          </Link>
        </p>
      </>
    );
  }
  const providers = organisations.filter((organisation) => organisation.kind === 'PROVIDER');
  const opcc = organisations.filter((organisation) => organisation.kind === 'OPCC');
  return (
    <>
      <PageHeading>Organisations</PageHeading>
      {me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER' ? <Button href="/organisations/new">Add a provider</Button> : null}
      <Table
        caption={`Providers (${providers.length})`}
        head={['Provider', 'Type', 'Registered number', 'Areas served', 'Users']}
        firstCellIsHeader
        numericColumns={[4]}
        rowKeys={providers.map((organisation) => organisation.id)}
        rows={providers.map((organisation) => [
          <Link key="name" className="govuk-link" to={`/organisations/${organisation.id}`}>
            {organisation.name}
          </Link>,
          TYPE[organisation.type] ?? organisation.type,
          organisation.registeredNumber ?? 'Not recorded',
          organisation.areas.map((area) => area.name).join(', ') || 'Not recorded',
          organisation.users.length,
        ])}
      />
      <Table
        caption="The OPCC"
        head={['Organisation', 'Users']}
        firstCellIsHeader
        numericColumns={[1]}
        rowKeys={opcc.map((organisation) => organisation.id)}
        rows={opcc.map((organisation) => [
          <Link key="name" className="govuk-link" to={`/organisations/${organisation.id}`}>
            {organisation.name}
          </Link>,
          organisation.users.length,
        ])}
      />
    </>
  );
}
