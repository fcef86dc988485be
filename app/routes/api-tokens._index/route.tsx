// API tokens for provider case-management systems: administrators see every provider's (and can filter by one),
// a provider's users their own organisation's. Status is in words; "Revoke" leads to a confirmation step.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ApiTokenProvidersQuery, ApiTokensQuery } from './operations.server';
import { Button, Checkboxes, NotificationBanner, PageHeading, Select, Table, Tag, pageTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('API tokens') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['ADMIN', 'PROVIDER']);
  const url = new URL(request.url);
  const organisationId = user.role === 'ADMIN' ? url.searchParams.get('organisationId') || null : null;
  const includeRevoked = url.searchParams.get('includeRevoked') === 'yes';
  const [tokens, providers] = await Promise.all([
    gql(request, ApiTokensQuery, { organisationId, includeRevoked }),
    user.role === 'ADMIN' ? gql(request, ApiTokenProvidersQuery) : Promise.resolve({ organisations: [] }),
  ]);
  return json({
    ...tokens,
    providers: providers.organisations,
    organisationId,
    includeRevoked,
    revoked: url.searchParams.get('revoked'),
  });
}

const STATUS: Record<string, { text: string; colour: 'green' | 'grey' | 'red' }> = {
  ACTIVE: { text: 'Active', colour: 'green' },
  EXPIRED: { text: 'Expired', colour: 'grey' },
  REVOKED: { text: 'Revoked', colour: 'red' },
};

export default function ApiTokens() {
  const { me, apiTokens, providers, organisationId, includeRevoked, revoked } = useLoaderData<typeof loader>();
  const isAdmin = me?.role === 'ADMIN';
  const head = [
    'Name',
    ...(isAdmin ? ['Organisation'] : []),
    'Starts with',
    'Created by',
    'Created',
    'Last used',
    'Expires',
    'Status',
    'Action',
  ];
  return (
    <>
      {revoked ? <NotificationBanner success>Token “{revoked}” revoked: it no longer works.</NotificationBanner> : null}
      <PageHeading caption={isAdmin ? undefined : me?.organisation.name}>API tokens</PageHeading>
      <p className="govuk-body">
        Case-management systems use an API token to send and read {isAdmin ? "a provider's" : 'your organisation’s'} data
        through the portal&apos;s API. A token acts for its organisation with the provider role. Revoke a token as soon as
        it is no longer needed or may have been seen by someone else.
      </p>
      <Button href="/api-tokens/new">Create a token</Button>
      <Form method="get" className="govuk-!-margin-bottom-6">
        {isAdmin ? (
          <Select
            id="organisationId"
            label="Organisation"
            defaultValue={organisationId ?? ''}
            options={[{ value: '', text: 'All providers' }, ...providers.map((provider) => ({ value: provider.id, text: provider.name }))]}
          />
        ) : null}
        <Checkboxes
          id="includeRevoked"
          name="includeRevoked"
          legend="Show"
          legendSize="s"
          small
          defaultValues={includeRevoked ? ['yes'] : []}
          options={[{ value: 'yes', text: 'Include revoked tokens' }]}
        />
        <Button type="submit" variant="secondary">
          Show tokens
        </Button>
      </Form>
      {apiTokens.length === 0 ? (
        <p className="govuk-body">There are no API tokens{isAdmin && organisationId ? ' for this organisation' : ''} yet.</p>
      ) : (
        <Table
          caption="API tokens"
          firstCellIsHeader
          scrollLabel="API tokens (scrolls sideways)"
          head={head}
          rowKeys={apiTokens.map((token) => token.id)}
          rows={apiTokens.map((token) => [
            token.name,
            ...(isAdmin ? [token.organisation.name] : []),
            <code key="prefix">{token.prefix}…</code>,
            token.createdBy,
            formatDate(token.createdAt),
            token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never',
            token.expiresAt ? formatDate(token.expiresAt) : 'Never',
            <Tag key="status" colour={STATUS[token.status]?.colour ?? 'grey'}>
              {STATUS[token.status]?.text ?? token.status}
            </Tag>,
            token.status === 'REVOKED' ? (
              ''
            ) : (
              <Link key="revoke" className="govuk-link" to={`/api-tokens/${token.id}/revoke`}>
                Revoke<span className="govuk-visually-hidden"> {token.name}</span>
              </Link>
            ),
          ])}
        />
      )}
    </>
  );
}
