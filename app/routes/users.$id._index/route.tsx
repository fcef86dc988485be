// One user, for administrators: details; change name or role; deactivate or reactivate; reset the password (the
// new one-time link is shown once, here).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { DeactivateUserMutation, ReactivateUserMutation, ResetUserPasswordMutation, UserDetailQuery } from './operations.server';
import { PasswordLinkDetails } from '../users.new/PasswordLinkPanel';
import { BackLink, Button, ErrorSummary, NotificationBanner, PageHeading, SummaryList, Tag, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { ROLE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.user.name ?? 'User') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const { me, user } = await gql(request, UserDetailQuery, { id: params.id ?? '' });
  if (!user) throw new Response('Not Found', { status: 404 });
  return json({ me, user });
}

const DONE: Record<string, string> = {
  changed: 'Changes saved',
  deactivated: 'User deactivated: they can no longer sign in',
  reactivated: 'User reactivated: they can sign in again',
};

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const form = await request.formData();
  const id = params.id ?? '';
  const intent = String(form.get('intent'));
  const expectedVersion = Number(form.get('expectedVersion'));
  if (intent === 'reset-password') {
    const { resetUserPassword: result } = await gql(request, ResetUserPasswordMutation, { input: { id } });
    if (result.__typename === 'MutationResetUserPasswordSuccess') {
      const origin = new URL(request.url).origin;
      return json({ errors: [] as FieldError[], link: { url: `${origin}${result.data.setPasswordUrl}`, expiresAt: result.data.expiresAt } });
    }
    return json({ errors: [{ field: 'reset-password', message: 'message' in result ? result.message : 'Not allowed' }] as FieldError[], link: null }, { status: 409 });
  }
  const deactivate = intent === 'deactivate';
  const result = deactivate
    ? (await gql(request, DeactivateUserMutation, { input: { id, expectedVersion } })).deactivateUser
    : (await gql(request, ReactivateUserMutation, { input: { id, expectedVersion } })).reactivateUser;
  if (result.__typename.startsWith('Mutation')) return redirect(`/users/${id}?done=${deactivate ? 'deactivated' : 'reactivated'}`);
  const message =
    result.__typename === 'VersionConflict'
      ? 'Someone else changed this user since you opened this page. Check their details below, then try again.'
      : 'message' in result
        ? result.message
        : 'That cannot be done.';
  return json({ errors: [{ field: intent, message }] as FieldError[], link: null }, { status: 409 });
}

export default function UserDetail() {
  const { me, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const done = errors.length === 0 && !result?.link ? DONE[params.get('done') ?? ''] : undefined;
  const self = me?.id === user.id;
  return (
    <>
      <BackLink href="/users">Back to users</BackLink>
      <ErrorSummary errors={errors} />
      {done ? <NotificationBanner success>{done}</NotificationBanner> : null}
      {result?.link ? (
        <NotificationBanner success title="New set-password link">
          <p className="govuk-notification-banner__heading">A new set-password link was made. Earlier links no longer work.</p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={user.organisation.name}>{user.name}</PageHeading>
      {result?.link ? <PasswordLinkDetails name={user.name} email={user.email} url={result.link.url} expiresAt={result.link.expiresAt} /> : null}
      <SummaryList
        rows={[
          { key: 'Full name', value: user.name, action: { href: `/users/${user.id}/edit`, text: 'Change', visuallyHiddenText: 'name' } },
          { key: 'Email address', value: user.email },
          {
            key: 'Organisation',
            value: (
              <Link className="govuk-link" to={`/organisations/${user.organisation.id}`}>
                {user.organisation.name}
              </Link>
            ),
            action: { href: `/users/${user.id}/edit`, text: 'Change', visuallyHiddenText: 'organisation' },
          },
          {
            key: 'Role',
            value: ROLE_LABELS[user.role as keyof typeof ROLE_LABELS] ?? user.role,
            action: { href: `/users/${user.id}/edit`, text: 'Change', visuallyHiddenText: 'role' },
          },
          {
            key: 'Status',
            value: (
              <Tag colour={user.active ? 'green' : 'grey'}>
                {user.active ? 'Active' : `Deactivated${user.deactivatedAt ? ` on ${formatDate(user.deactivatedAt)}` : ''}`}
              </Tag>
            ),
          },
          { key: 'Password', value: user.hasPassword ? 'Set' : 'Not set yet' },
          { key: 'Last signed in', value: user.lastSignInAt ? formatDate(user.lastSignInAt) : 'Never' },
          { key: 'Added', value: formatDate(user.createdAt) },
        ]}
      />

      {user.active ? (
        <>
          <h2 className="govuk-heading-m">Password</h2>
          <p className="govuk-body">Make a new one-time link for {user.name} to set a new password. Earlier links stop working.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reset-password" />
            <Button id="reset-password" type="submit" variant="secondary">
              Reset password
            </Button>
          </Form>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Access</h2>
      {self ? (
        <p className="govuk-body">You cannot deactivate your own account.</p>
      ) : user.active ? (
        <Form method="post">
          <p className="govuk-body">Deactivating stops {user.name} signing in and ends their sessions. Their history is kept.</p>
          <input type="hidden" name="intent" value="deactivate" />
          <input type="hidden" name="expectedVersion" value={user.version} />
          <Button id="deactivate" type="submit" variant="warning">
            Deactivate {user.name}
          </Button>
        </Form>
      ) : user.organisation.archived ? (
        <p className="govuk-body">{user.organisation.name} is archived: its users cannot be reactivated.</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <input type="hidden" name="expectedVersion" value={user.version} />
          <Button id="reactivate" type="submit" variant="secondary">
            Reactivate {user.name}
          </Button>
        </Form>
      )}
    </>
  );
}
