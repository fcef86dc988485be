// Your notifications, newest first: reminders about returns, returns sent back, queries answered. Unread ones say
// so in words; each links to its return (officers: its review page); "Mark all as read" (and one at a time).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { MarkNotificationsReadMutation, NotificationsQuery, MarkNotificationsReadSchema } from './operations.server';
import { Button, ErrorSummary, NotificationBanner, PageHeading, Table, Tag, pageTitle, useErrorTitle } from '~/components/ui';
import { validate } from '~/utils/forms.server';
import { gql } from '~/utils/graphql.server';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Notifications') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const data = await gql(request, NotificationsQuery);
  const marked = new URL(request.url).searchParams.get('marked');
  return json({ ...data, marked: marked !== null && /^\d+$/.test(marked) ? Number(marked) : null });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await request.formData();
  const input = form.get('intent') === 'all' ? { all: true } : { ids: [String(form.get('id') ?? '')] };
  const parsed = validate(MarkNotificationsReadSchema, input);
  if (!parsed.ok) return json({ errors: [{ field: 'notifications', message: 'Choose a notification from the list' }] }, { status: 400 });
  const { markNotificationsRead } = await gql(request, MarkNotificationsReadMutation, { input: parsed.data });
  return redirect(`/notifications?marked=${markNotificationsRead.marked}`);
}

const dateTime = (value: string) =>
  new Date(value).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

export default function NotificationsPage() {
  const { me, notifications, unreadNotificationCount, marked } = useLoaderData<typeof loader>();
  // Officers and admins review a return on its review page; everyone else sees the return itself.
  const reviewer = me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER';
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      {marked !== null && !result ? (
        <NotificationBanner success>{marked === 1 ? '1 notification marked as read' : `${marked} notifications marked as read`}</NotificationBanner>
      ) : null}
      <PageHeading>Notifications</PageHeading>
      <p className="govuk-body" id="notifications">
        {unreadNotificationCount === 0
          ? 'You have no unread notifications.'
          : `You have ${unreadNotificationCount} unread ${unreadNotificationCount === 1 ? 'notification' : 'notifications'}.`}
      </p>
      {unreadNotificationCount > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="all" />
          <Button type="submit" variant="secondary">
            Mark all as read
          </Button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p className="govuk-body">Reminders about your returns and news about them will appear here.</p>
      ) : (
        <Table
          caption="Your notifications, newest first"
          captionSize="s"
          captionHidden
          head={['Received', 'Notification', 'Status']}
          rowKeys={notifications.map((n) => n.id)}
          rows={notifications.map((n) => [
            dateTime(n.createdAt),
            <div key="message">
              <p className={`govuk-body govuk-!-margin-bottom-1${n.read ? '' : ' govuk-!-font-weight-bold'}`}>{n.subject}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">{n.body}</p>
              {n.returnId ? (
                <Link className="govuk-link govuk-body-s" to={reviewer ? `/review/${n.returnId}` : `/returns/${n.returnId}`}>
                  View the return<span className="govuk-visually-hidden">: {n.subject}</span>
                </Link>
              ) : null}
            </div>,
            n.read ? (
              <Tag colour="grey">Read</Tag>
            ) : (
              <>
                <Tag colour="blue">Unread</Tag>
                <Form method="post" className="govuk-!-margin-top-2">
                  <input type="hidden" name="intent" value="one" />
                  <input type="hidden" name="id" value={n.id} />
                  <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
                    Mark as read<span className="govuk-visually-hidden">: {n.subject}</span>
                  </Button>
                </Form>
              </>
            ),
          ])}
        />
      )}
    </>
  );
}
