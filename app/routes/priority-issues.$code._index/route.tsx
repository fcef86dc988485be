import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { PriorityIssueQuery } from './operations.server';
import { STATUS_LABELS } from '../services._index/filters';
import { BackLink, Button, InsetText, NotificationBanner, PageHeading, SummaryList, Table, pageTitle } from '~/components/ui';
import { formatMoney } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.issue.title ?? 'Priority issue') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { priorityIssue: issue } = await gql(request, PriorityIssueQuery, { code: params.code ?? '' });
  if (!issue) throw new Response('Not Found', { status: 404 });
  return json({ issue, saved: new URL(request.url).searchParams.get('saved') === '1' });
}

export default function PriorityIssue() {
  const { issue, saved } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const provider = root?.user?.role === 'PROVIDER';
  const providers = [...new Map(issue.services.map((s) => [s.provider.id, s.provider.name])).values()].sort();
  return (
    <>
      <BackLink href="/priority-issues">All priority issues</BackLink>
      {saved ? (
        <NotificationBanner success title="Success">
          Priority issue saved
        </NotificationBanner>
      ) : null}
      <PageHeading caption={issue.code}>{issue.title}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Code', value: issue.code },
          { key: 'Summary', value: issue.description },
          { key: provider ? 'Your services addressing it' : 'Services addressing it', value: String(issue.services.length) },
          { key: 'Providers', value: providers.join(', ') || 'None' },
        ]}
      />
      <h2 className="govuk-heading-m">In the briefing&apos;s words</h2>
      <InsetText>{issue.briefingText}</InsetText>
      {root?.user?.role === 'ADMIN' ? (
        <Button href={`/priority-issues/${issue.code}/edit`} variant="secondary">
          Change title or summary
        </Button>
      ) : null}

      <h2 className="govuk-heading-m">Services addressing this issue</h2>
      {issue.services.length === 0 ? (
        <p className="govuk-body">{provider ? 'None of your services addresses this issue.' : 'No service addresses this issue yet.'}</p>
      ) : (
        <Table
          caption="Services addressing this issue"
          captionHidden
          firstCellIsHeader
          numericColumns={[4]}
          head={['Reference', 'Title', 'Provider', 'Status', 'Annual value']}
          rowKeys={issue.services.map((s) => s.id)}
          rows={issue.services.map((s) => [
            <Link key="r" className="govuk-link" to={`/services/${s.id}`}>
              {s.reference}
            </Link>,
            s.title,
            s.provider.name,
            STATUS_LABELS[s.status] ?? s.status,
            formatMoney(s.annualValue),
          ])}
        />
      )}
      <h2 className="govuk-heading-m">Investment by financial year</h2>
      {issue.investment.length === 0 ? (
        <p className="govuk-body">No funding recorded.</p>
      ) : (
        <Table
          caption="Funding of the services addressing this issue, by financial year"
          captionSize="s"
          firstCellIsHeader
          numericColumns={[1]}
          head={['Financial year', 'Funding']}
          rowKeys={issue.investment.map((y) => y.label)}
          rows={issue.investment.map((y) => [y.label, formatMoney(y.amount)])}
        />
      )}
    </>
  );
}
