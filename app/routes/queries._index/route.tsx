// The caller's queries: a provider sees its own organisation's (the ones waiting for it first), officers see all.
// ?returnId=<id> shows one return's (the provider's return page links here); ?status= one status.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { QueriesListQuery } from './operations.server';
import { Button, PageHeading, Select, Table, pageTitle } from '~/components/ui';
import { QUERY_STATUS_WORDS, QueryStatusTag, fieldName } from '~/components/review/status';
import { formatDateTime } from '~/components/review/time';
import { gql } from '~/utils/graphql.server';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Queries') }];

const STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const returnParam = url.searchParams.get('returnId') ?? '';
  const statusParam = url.searchParams.get('status') ?? '';
  const returnId = UUID.test(returnParam) ? returnParam : null;
  const status = (STATUSES as readonly string[]).includes(statusParam) ? (statusParam as (typeof STATUSES)[number]) : null;
  const { returnQueries } = await gql(request, QueriesListQuery, { filter: { returnId, status } });
  return json({
    role: user.role,
    filters: { returnId: returnId ?? '', status: status ?? '' },
    queries: returnQueries.map((query) => ({
      ...query,
      lastMessage: query.lastMessage ? { ...query.lastMessage, body: excerpt(query.lastMessage.body) } : null,
    })),
  });
}

export default function Queries() {
  const { role, filters, queries } = useLoaderData<typeof loader>();
  const provider = role === 'PROVIDER';
  const one = filters.returnId ? queries[0]?.return ?? null : null;
  const heading = filters.returnId ? 'Queries on a return' : 'Queries';
  return (
    <>
      <PageHeading caption={one ? `${one.service.reference}: ${one.service.title}, ${one.period.label}` : undefined}>{heading}</PageHeading>
      <p className="govuk-body">
        {provider
          ? 'Questions the OPCC asked about your returns. Answer them here; those waiting for your answer are first.'
          : 'Questions officers asked providers about their returns. Those waiting for the provider are first, then answered ones.'}
      </p>
      <Form method="get">
        {filters.returnId ? <input type="hidden" name="returnId" value={filters.returnId} /> : null}
        <Select
          id="status"
          label="Status"
          defaultValue={filters.status}
          options={[
            { value: '', text: 'All statuses' },
            ...STATUSES.map((status) => ({ value: status, text: QUERY_STATUS_WORDS[status]! })),
          ]}
        />
        <div className="govuk-button-group">
          <Button type="submit" variant="secondary">
            Apply filter
          </Button>
          {filters.returnId || filters.status ? (
            <Link className="govuk-link" to="/queries">
              Show all queries
            </Link>
          ) : null}
        </div>
      </Form>
      {queries.length === 0 ? (
        <p className="govuk-body" id="no-queries">
          {filters.returnId || filters.status ? 'No queries match.' : 'There are no queries.'}
        </p>
      ) : (
        <Table
          caption={`${queries.length} ${queries.length === 1 ? 'query' : 'queries'}`}
          scrollLabel="Queries"
          head={['About', 'Return', 'Status', 'Last message']}
          firstCellIsHeader
          rowKeys={queries.map((query) => query.id)}
          rows={queries.map((query) => [
            <Link key="about" className="govuk-link" to={`/queries/${query.id}`}>
              {fieldName(query.measureLabel, query.optionLabel)}
            </Link>,
            <>
              {query.return.service.reference}, {query.return.period.label}
              <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                {query.return.service.title}
                {provider ? '' : ` (${query.return.service.provider.name})`}
              </span>
            </>,
            <QueryStatusTag key="status" status={query.status} />,
            query.lastMessage ? (
              <>
                <span className="govuk-!-display-block">
                  {query.lastMessage.authorName}, {formatDateTime(query.lastMessage.createdAt)}
                </span>
                <span className="govuk-body-s">{query.lastMessage.body}</span>
              </>
            ) : (
              'None'
            ),
          ])}
        />
      )}
    </>
  );
}
