// Revoke an API token, after a confirmation step: it stops working at once and for ever.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { RevokeApiTokenMutation, RevokeApiTokenQuery } from './operations.server';
import { BackLink, Button, ButtonGroup, PageHeading, SummaryList, WarningText, pageTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Revoke API token') }];

async function findToken(request: Request, id: string | undefined) {
  const { apiTokens } = await gql(request, RevokeApiTokenQuery);
  const token = apiTokens.find((candidate) => candidate.id === id);
  if (!token) throw new Response('Not Found', { status: 404 });
  return token;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN', 'PROVIDER']);
  return json({ token: await findToken(request, params.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN', 'PROVIDER']);
  const token = await findToken(request, params.id);
  const { revokeApiToken: result } = await gql(request, RevokeApiTokenMutation, { input: { id: token.id } });
  if (result.__typename !== 'MutationRevokeApiTokenSuccess') throw new Response('Not Found', { status: 404 });
  return redirect(`/api-tokens?revoked=${encodeURIComponent(result.data.name)}`);
}

export default function RevokeApiToken() {
  const { token } = useLoaderData<typeof loader>();
  const revoked = token.status === 'REVOKED';
  return (
    <>
      <BackLink href="/api-tokens">Back to API tokens</BackLink>
      <PageHeading caption={token.organisation.name}>Revoke API token “{token.name}”</PageHeading>
      <SummaryList
        rows={[
          { key: 'Name', value: token.name },
          { key: 'Starts with', value: <code>{token.prefix}…</code> },
          { key: 'Created by', value: token.createdBy },
          { key: 'Created', value: formatDate(token.createdAt) },
          { key: 'Last used', value: token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never' },
        ]}
      />
      {revoked ? (
        <p className="govuk-body">This token is already revoked.</p>
      ) : (
        <>
          <WarningText>
            Systems using this token will stop working with the portal at once. This cannot be undone: you would need to
            create a new token.
          </WarningText>
          <Form method="post">
            <ButtonGroup>
              <Button type="submit" variant="warning">
                Revoke token
              </Button>
              <Link className="govuk-link" to="/api-tokens">
                Cancel
              </Link>
            </ButtonGroup>
          </Form>
        </>
      )}
    </>
  );
}
