// The e-mail outbox (admins only): every e-mail the portal sent or will send, newest first, 50 a page. Without
// SMTP_URL the reminders wait here unsent; with it, the reminders job sends them and records failures.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { OutboxQuery } from './operations.server';
import { Details, PageHeading, Pagination, Table, Tag, pageTitle } from '~/components/ui';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('E-mail outbox') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const requested = Number(new URL(request.url).searchParams.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, 100_000) : 1;
  const { emailOutbox } = await gql(request, OutboxQuery, { page });
  return json({ outbox: emailOutbox });
}

const dateTime = (value: string) =>
  new Date(value).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

export default function OutboxPage() {
  const { outbox } = useLoaderData<typeof loader>();
  const first = (outbox.page - 1) * 50 + 1;
  const last = first + outbox.nodes.length - 1;
  return (
    <>
      <PageHeading>E-mail outbox</PageHeading>
      <p className="govuk-body">
        Every e-mail the portal has sent or will send, newest first. When no SMTP server is configured (SMTP_URL), reminder e-mails
        wait here and are not sent.
      </p>
      <p className="govuk-body">
        {outbox.total === 0
          ? 'There are no e-mails yet.'
          : `${outbox.total.toLocaleString('en-GB')} ${outbox.total === 1 ? 'e-mail' : 'e-mails'}, ${outbox.unsent.toLocaleString('en-GB')} not sent.`}
      </p>
      {outbox.nodes.length ? (
        <Table
          caption={`E-mails ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')} of ${outbox.total.toLocaleString('en-GB')}`}
          captionSize="s"
          head={['To', 'Subject', 'Created', 'Sent', 'Error']}
          rowKeys={outbox.nodes.map((message) => message.id)}
          rows={outbox.nodes.map((message) => [
            <span key="to" style={{ overflowWrap: 'anywhere' }}>{message.to}</span>,
            <Details key="subject" summary={message.subject}>
              <p className="govuk-body-s" style={{ whiteSpace: 'pre-line' }}>{message.body}</p>
            </Details>,
            dateTime(message.createdAt),
            message.sentAt ? dateTime(message.sentAt) : <Tag colour="grey">Not sent</Tag>,
            message.error ?? '',
          ])}
        />
      ) : null}
      <Pagination page={outbox.page} pageCount={outbox.pageCount} hrefFor={(page) => `/outbox?page=${page}`} label="Pages of the outbox" />
    </>
  );
}
