// One organisation: its details, areas, contacts, its people and its services. OPCC staff see any organisation;
// a provider's users see only their own (the API answers null for any other: a 404 here).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { OrganisationDetailQuery } from './operations.server';
import { BackLink, Button, ButtonGroup, NotificationBanner, PageHeading, SummaryList, Table, Tag, pageTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import { ORGANISATION_TYPE_LABELS, ROLE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.organisation.name ?? 'Organisation') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { me, organisation } = await gql(request, OrganisationDetailQuery, { id: params.id ?? '' });
  if (!organisation) throw new Response('Not Found', { status: 404 });
  return json({ me, organisation });
}

const SAVED: Record<string, string> = {
  added: 'Provider added',
  changed: 'Changes saved',
  archived: 'Provider archived',
};
const SERVICE_STATUS: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', EXTENDED: 'Extended', ENDED: 'Ended' };
const notRecorded = 'Not recorded';

export default function OrganisationDetail() {
  const { me, organisation } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const saved = SAVED[params.get('saved') ?? ''];
  const officer = me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER';
  const canEdit = officer && !organisation.archived;
  const label = (type: string) => ORGANISATION_TYPE_LABELS[type as keyof typeof ORGANISATION_TYPE_LABELS] ?? type;
  return (
    <>
      <BackLink href="/organisations">Back to organisations</BackLink>
      {saved ? <NotificationBanner success>{saved}</NotificationBanner> : null}
      <PageHeading caption={organisation.kind === 'OPCC' ? 'The OPCC' : 'Provider'}>{organisation.name}</PageHeading>
      {organisation.archived ? (
        <p className="govuk-body">
          <Tag colour="grey">Archived</Tag>{' '}
          {organisation.archivedAt ? `on ${formatDate(organisation.archivedAt)}. ` : ''}Its users cannot sign in. Its history is kept.
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: 'Type', value: label(organisation.type) },
          { key: 'Registered number', value: organisation.registeredNumber ?? notRecorded },
          { key: 'Email address', value: organisation.email ?? notRecorded },
          { key: 'Telephone number', value: organisation.phone ?? notRecorded },
          {
            key: 'Postal address',
            value: organisation.address ? <span style={{ whiteSpace: 'pre-line' }}>{organisation.address}</span> : notRecorded,
          },
          {
            key: 'Website',
            value: organisation.website ? (
              <a className="govuk-link" href={organisation.website} rel="noreferrer noopener">
                {organisation.website}
              </a>
            ) : (
              notRecorded
            ),
          },
          { key: 'Areas served', value: organisation.areas.map((area) => area.name).join(', ') || notRecorded },
        ]}
      />
      {canEdit ? (
        <ButtonGroup>
          <Button href={`/organisations/${organisation.id}/edit`} variant="secondary">
            Change details
          </Button>
          {organisation.kind === 'PROVIDER' ? (
            <Button href={`/organisations/${organisation.id}/archive`} variant="warning">
              Archive provider
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}

      <h2 className="govuk-heading-m">Contacts</h2>
      {organisation.contacts.length === 0 ? (
        <p className="govuk-body">No contacts recorded.</p>
      ) : (
        <Table
          caption="Contacts"
          captionHidden
          head={['Name', 'Job title', 'Email address', 'Telephone number']}
          firstCellIsHeader
          rowKeys={organisation.contacts.map((contact) => contact.id)}
          rows={organisation.contacts.map((contact) => [
            <>
              {contact.name}
              {contact.isPrimary ? (
                <>
                  {' '}
                  <Tag colour="blue">Main contact</Tag>
                </>
              ) : null}
            </>,
            contact.jobTitle ?? notRecorded,
            contact.email ?? notRecorded,
            contact.phone ?? notRecorded,
          ])}
        />
      )}

      {/* Commissioned services: the field comes from graphql/types/service.ts. */}
      <h2 className="govuk-heading-m">Services</h2>
      {organisation.services.length === 0 ? (
        <p className="govuk-body">No commissioned services.</p>
      ) : (
        <Table
          caption="Commissioned services"
          captionHidden
          head={['Reference', 'Title', 'Status']}
          firstCellIsHeader
          rowKeys={organisation.services.map((service) => service.id)}
          rows={organisation.services.map((service) => [
            <Link key="ref" className="govuk-link" to={`/services/${service.id}`}>
              {service.reference}
            </Link>,
            service.title,
            SERVICE_STATUS[service.status] ?? service.status,
          ])}
        />
      )}

      <h2 className="govuk-heading-m">People who can sign in</h2>
      {organisation.users.length === 0 ? (
        <p className="govuk-body">No users yet.</p>
      ) : (
        <Table
          caption="People who can sign in"
          captionHidden
          head={['Name', 'Email address', 'Role', 'Status']}
          firstCellIsHeader
          rowKeys={organisation.users.map((user) => user.id)}
          rows={organisation.users.map((user) => [
            me?.role === 'ADMIN' ? (
              <Link key="name" className="govuk-link" to={`/users/${user.id}`}>
                {user.name}
              </Link>
            ) : (
              user.name
            ),
            user.email,
            ROLE_LABELS[user.role as keyof typeof ROLE_LABELS] ?? user.role,
            <Tag key="status" colour={user.active ? 'green' : 'grey'}>
              {user.active ? 'Active' : 'Deactivated'}
            </Tag>,
          ])}
        />
      )}
      {me?.role === 'ADMIN' && !organisation.archived ? (
        <Button href={`/users/new?organisationId=${organisation.id}`} variant="secondary">
          Add a user
        </Button>
      ) : null}
    </>
  );
}
