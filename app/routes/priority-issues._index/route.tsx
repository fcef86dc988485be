import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PriorityIssuesQuery } from './operations.server';
import { PageHeading, pageTitle } from '~/components/ui';
import { gql } from '~/utils/graphql.server';


export const meta: MetaFunction = () => [{ title: pageTitle('Priority issues') }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await gql(request, PriorityIssuesQuery));
}

export default function PriorityIssues() {
  const { priorityIssues } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption="From the Commissioner's CSA/E briefing">Priority issues</PageHeading>
      <p className="govuk-body-l">
        The &lsquo;current issues&rsquo; of the briefing. Every commissioned service addresses at least one of them.
      </p>
      <dl className="govuk-summary-list">
        {priorityIssues.map((issue) => (
          <div className="govuk-summary-list__row" key={issue.code}>
            <dt className="govuk-summary-list__key">
              <Link className="govuk-link" to={`/priority-issues/${issue.code}`}>
                {issue.title}
              </Link>
              <br />
              <span className="govuk-hint">{issue.code}</span>
            </dt>
            <dd className="govuk-summary-list__value">{issue.description}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
