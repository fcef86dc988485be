import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { PriorityIssueQuery } from './operations.server';
import { BackLink, Button, InsetText, NotificationBanner, PageHeading, SummaryList, pageTitle } from '~/components/ui';
import { gql } from '~/utils/graphql.server';
import type { loader as rootLoader } from '~/root';


export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.issue.title ?? 'Priority issue') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { priorityIssues } = await gql(request, PriorityIssueQuery);
  const issue = priorityIssues.find((candidate) => candidate.code === params.code);
  if (!issue) throw new Response('Not Found', { status: 404 });
  return json({ issue, saved: new URL(request.url).searchParams.get('saved') === '1' });
}

export default function PriorityIssue() {
  const { issue, saved } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>('root');
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
        ]}
      />
      <h2 className="govuk-heading-m">In the briefing&apos;s words</h2>
      <InsetText>{issue.briefingText}</InsetText>
      {root?.user?.role === 'ADMIN' ? (
        <Button href={`/priority-issues/${issue.code}/edit`} variant="secondary">
          Change title or summary
        </Button>
      ) : null}
    </>
  );
}
