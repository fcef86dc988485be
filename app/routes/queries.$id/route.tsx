// One query: what it is about, the thread (oldest first, with author and time), a reply form for the provider and
// officers while it is not resolved, and "Mark as resolved" for officers. Resolving carries the status the officer
// saw: if the provider replied meanwhile, the page says so and shows the reply first.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { QueryThreadQuery, ReplyToReturnQueryMutation, ResolveReturnQueryMutation, ReplyToReturnQuerySchema, ResolveReturnQuerySchema } from './operations.server';
import {
  BackLink,
  Button,
  ErrorSummary,
  NotificationBanner,
  PageHeading,
  SummaryList,
  Textarea,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { QueryStatusTag, RETURN_STATUS_WORDS, fieldName } from '~/components/review/status';
import { formatDateTime } from '~/components/review/time';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(
      data
        ? `Query about ${fieldName(data.query.measureLabel, data.query.optionLabel).replace(/^The whole return$/, 'the whole return')}`
        : 'Query'
    ),
  },
];

const DONE: Record<string, string> = {
  raised: 'Query sent. The provider has been told in the portal.',
  replied: 'Reply sent.',
  resolved: 'Query resolved.',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { returnQuery: query } = await gql(request, QueryThreadQuery, { id: params.id ?? '' });
  if (!query) throw new Response('Not Found', { status: 404 });
  const url = new URL(request.url);
  const done = url.searchParams.has('raised') ? DONE.raised : DONE[url.searchParams.get('done') ?? ''] ?? null;
  return json({ query, role: user.role, done });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? '';
  const values = formValues(await request.formData()) as Record<string, string>;
  const intent = values.intent === 'resolve' ? 'resolve' : 'reply';
  const fail = (errors: FieldError[], status = 400) => json({ intent, errors, values }, { status });
  try {
    if (intent === 'resolve') {
      if (user.role !== 'ADMIN' && user.role !== 'POLICY_OFFICER') throw new Response('Forbidden', { status: 403 });
      const checked = validate(ResolveReturnQuerySchema, { queryId: id, expectedStatus: values.expectedStatus || null });
      if (!checked.ok) return fail(checked.errors.map((e) => ({ ...e, field: 'resolve' })));
      const { resolveReturnQuery: result } = await gql(request, ResolveReturnQueryMutation, { input: checked.data });
      if (result.__typename === 'MutationResolveReturnQuerySuccess') return redirect(`/queries/${id}?done=resolved`);
      if (result.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
      const message =
        result.__typename === 'VersionConflict'
          ? 'The query changed while you were reading it: the latest message is below. Read it, then resolve the query if it is answered.'
          : result.message;
      return fail([{ field: 'resolve', message }], 409);
    }
    const checked = validate(ReplyToReturnQuerySchema, { queryId: id, message: values.message ?? '' });
    if (!checked.ok) return fail(checked.errors.map((e) => ({ ...e, field: 'message' })));
    const { replyToReturnQuery: result } = await gql(request, ReplyToReturnQueryMutation, { input: checked.data });
    if (result.__typename === 'MutationReplyToReturnQuerySuccess') return redirect(`/queries/${id}?done=replied`);
    if (result.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
    return fail([{ field: 'message', message: result.message }], 409);
  } catch (error) {
    if (error instanceof UserInputError)
      return fail(fieldErrorsOf(error).map((e) => ({ ...e, field: intent === 'resolve' ? 'resolve' : 'message' })));
    throw error;
  }
}

export default function QueryThread() {
  const { query, role, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const officer = role === 'ADMIN' || role === 'POLICY_OFFICER';
  const canReply = (officer || role === 'PROVIDER') && query.status !== 'RESOLVED';
  const about = fieldName(query.measureLabel, query.optionLabel);
  const ret = query.return;
  return (
    <>
      <BackLink href="/queries">Back to queries</BackLink>
      <ErrorSummary errors={errors} />
      {done && !result ? (
        <NotificationBanner success title="Done">
          {done}
        </NotificationBanner>
      ) : null}
      <PageHeading caption={`${ret.service.reference}: ${ret.service.title}, ${ret.period.label}`}>
        {query.measureLabel ? `Query about ${about}` : 'Query about the whole return'}
      </PageHeading>
      <p className="govuk-body">
        <QueryStatusTag status={query.status} />
      </p>
      <SummaryList
        rows={[
          { key: 'Provider', value: ret.service.provider.name },
          { key: 'Return', value: `${ret.service.reference}, ${ret.period.label} (${RETURN_STATUS_WORDS[ret.status] ?? ret.status})` },
          { key: 'About', value: about },
          { key: 'Raised by', value: `${query.raisedBy}, ${formatDateTime(query.createdAt)}` },
          ...(query.resolvedAt ? [{ key: 'Resolved', value: formatDateTime(query.resolvedAt) }] : []),
        ]}
      />
      <p className="govuk-body">
        {officer ? (
          <Link className="govuk-link" to={`/review/${ret.id}`}>
            Open the return for review
          </Link>
        ) : role === 'PROVIDER' ? (
          <Link className="govuk-link" to={`/returns/${ret.id}`}>
            Open your return
          </Link>
        ) : null}
      </p>

      <h2 className="govuk-heading-m">Messages</h2>
      <ol className="govuk-list" aria-label="Messages, oldest first">
        {query.messages.map((message) => (
          <li key={message.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {message.authorName}
              <span className="govuk-body-s"> ({message.fromOpcc ? 'OPCC' : ret.service.provider.name})</span>
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-2">{formatDateTime(message.createdAt)}</p>
            <div className="govuk-inset-text govuk-!-margin-top-0" style={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </div>
          </li>
        ))}
      </ol>

      {canReply ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <Textarea
            id="message"
            label="Your reply"
            labelSize="m"
            hint="Do not include anything that could identify a child."
            rows={5}
            defaultValue={result?.intent === 'reply' ? (result.values as Record<string, string>).message ?? '' : ''}
            error={errors.find((error) => error.field === 'message')?.message}
          />
          <Button type="submit" disabled={navigation.state !== 'idle'}>
            Send reply
          </Button>
        </Form>
      ) : null}

      {officer && query.status !== 'RESOLVED' ? (
        <Form method="post" noValidate id="resolve" tabIndex={-1}>
          <input type="hidden" name="intent" value="resolve" />
          <input type="hidden" name="expectedStatus" value={query.status} />
          <h2 className="govuk-heading-m">Resolve the query</h2>
          <p className="govuk-body">Resolve it when you have the answer you need. Nobody can add messages to a resolved query.</p>
          <Button type="submit" variant="secondary" disabled={navigation.state !== 'idle'}>
            Mark as resolved
          </Button>
        </Form>
      ) : null}
      {query.status === 'RESOLVED' ? <p className="govuk-body">This query is resolved: ask a new question if you need to.</p> : null}
    </>
  );
}
