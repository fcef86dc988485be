// Administrators: everyone who can sign in, with their organisation, role and whether they are active.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { UsersQuery } from './operations.server';
import { Button, PageHeading, Select, Table, Tag, pageTitle } from '~/components/ui';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { ROLE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction = () => [{ title: pageTitle('Users') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const organisationId = new URL(request.url).searchParams.get('organisationId') || null;
  const data = await gql(request, UsersQuery, { organisationId });
  return json({ ...data, organisationId });
}

export default function Users() {
  const { organisations, users, organisationId } = useLoaderData<typeof loader>();
  const chosen = organisations.find((organisation) => organisation.id === organisationId);
  return (
    <>
      <PageHeading>Users</PageHeading>
      <Button href={organisationId ? `/users/new?organisationId=${organisationId}` : '/users/new'}>Add a user</Button>
      <Form method="get">
        <Select
          id="organisationId"
          label="Organisation"
          defaultValue={organisationId ?? ''}
          options={[
            { value: '', text: 'All organisations' },
            ...organisations.map((organisation) => ({
              value: organisation.id,
              text: organisation.archived ? `${organisation.name} (archived)` : organisation.name,
            })),
          ]}
        />
        <Button type="submit" variant="secondary">
          Show users
        </Button>
      </Form>
      <Table
        caption={`${chosen ? `Users of ${chosen.name}` : 'All users'} (${users.length})`}
        head={['Name', 'Email address', 'Organisation', 'Role', 'Status']}
        firstCellIsHeader
        rowKeys={users.map((user) => user.id)}
        rows={users.map((user) => [
          <Link key="name" className="govuk-link" to={`/users/${user.id}`}>
            {user.name}
          </Link>,
          user.email,
          user.organisation.name,
          ROLE_LABELS[user.role as keyof typeof ROLE_LABELS] ?? user.role,
          <Tag key="status" colour={user.active ? (user.hasPassword ? 'green' : 'yellow') : 'grey'}>
            {user.active ? (user.hasPassword ? 'Active' : 'Password not set') : 'Deactivated'}
          </Tag>,
        ])}
      />
    </>
  );
}
