// Home: what this user can do in the portal, the reporting calendar, and the Commissioner's priority issues.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { HomeQuery } from './operations.server';
import { PageHeading, Table, pageTitle } from '~/components/ui';
import { PeriodStateTag } from '~/components/PeriodStateTag';
import { formatDate } from '~/components/format/dates';
import { gql } from '~/utils/graphql.server';
import { requireUser } from '~/utils/session.server';


export const meta: MetaFunction = () => [{ title: pageTitle('Home') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const data = await gql(request, HomeQuery);
  // The calendar: the periods still in play (open or past due) and the next one to open.
  const live = data.reportingPeriods.filter((period) => period.state === 'OPEN' || period.state === 'OVERDUE');
  const next = data.reportingPeriods.find((period) => period.state === 'UPCOMING');
  return json({
    me: data.me!,
    priorityIssues: data.priorityIssues,
    calendar: [...live, ...(next ? [next] : [])],
    initiativeCount: data.initiatives.length,
    providerCount: data.organisations.length,
  });
}

const ROLE_INTRO: Record<string, { title: string; text: string; now: { href: string; text: string }[]; coming: string[] }> = {
  POLICY_OFFICER: {
    title: 'Policy and commissioning officer',
    text: "Run the CSA/E portfolio: providers, commissioned services, funding and the initiatives they fund, against the Commissioner's priority issues; review providers' quarterly returns.",
    now: [
      { href: '/services', text: 'The portfolio: find, add and change commissioned services, their funding and initiatives' },
      { href: '/organisations', text: 'Providers: add and update them, their contacts and areas' },
      { href: '/initiatives', text: 'Initiatives and what services give them' },
      { href: '/review', text: 'Review returns: approve, or return with a reason' },
      { href: '/dashboards', text: 'Outcome dashboards, with exact figures and downloads' },
      { href: '/briefing', text: "The Commissioner's briefing pack" },
    ],
    coming: [],
  },
  ADMIN: {
    title: 'Portal administrator',
    text: 'Look after users and roles, reference data from the briefing, locked periods and the audit log.',
    now: [
      { href: '/users', text: 'Users: add people, change roles, deactivate, send set-password links' },
      { href: '/priority-issues', text: "Reference data: the priority issues' titles and summaries" },
      { href: '/services', text: 'The portfolio' },
      { href: '/review', text: 'Returns: review, reopen with a reason, grant lock exceptions' },
      { href: '/outbox', text: 'E-mails the portal sent' },
    ],
    coming: ['The audit log'],
  },
  COMMISSIONER: {
    title: 'Commissioner',
    text: 'See what the CSA/E portfolio achieves against your priority issues, with small numbers protected.',
    now: [
      { href: '/services', text: 'The portfolio of commissioned services' },
      { href: '/priority-issues', text: 'Your priority issues and the services addressing each' },
      { href: '/dashboards', text: 'Outcome dashboards: coverage, reach, outcomes, timeliness, value for money' },
      { href: '/briefing', text: 'The briefing pack, ready to print' },
    ],
    coming: [],
  },
  PROVIDER: {
    title: 'Provider',
    text: "Submit your organisation's quarterly performance returns for the services the OPCC commissions from you.",
    now: [
      { href: '/services', text: 'Your services: contracts, funding and the initiatives they support' },
      { href: '/organisations', text: 'Your organisation and who can sign in' },
      { href: '/returns', text: 'Your returns: fill in, save, check and submit each quarter' },
      { href: '/queries', text: 'Queries from the OPCC about your returns' },
    ],
    coming: [],
  },
};

export default function Home() {
  const { me, priorityIssues, calendar, initiativeCount, providerCount } = useLoaderData<typeof loader>();
  const intro = ROLE_INTRO[me.role]!;
  return (
    <>
      <PageHeading caption={me.organisation.name}>Welcome, {me.name}</PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body-l">{intro.text}</p>
          {me.organisation.kind === 'OPCC' ? (
            <p className="govuk-body">
              The portfolio has <strong>{providerCount}</strong> provider{providerCount === 1 ? '' : 's'} and{' '}
              <strong>{initiativeCount}</strong> initiative{initiativeCount === 1 ? '' : 's'}.
            </p>
          ) : null}
          <h2 className="govuk-heading-m">What you can do</h2>
          <ul className="govuk-list">
            {intro.now.map((item) => (
              <li key={item.href}>
                <Link className="govuk-link" to={item.href}>
                  {item.text}
                </Link>
              </li>
            ))}
          </ul>
          {intro.coming.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Coming to the portal for you</h2>
              <p className="govuk-body">You signed in as a {intro.title.toLowerCase()}. Next to arrive:</p>
              <ul className="govuk-list govuk-list--bullet">
                {intro.coming.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>

      <Table
        caption="Reporting calendar"
        head={['Quarter', 'Opens', 'Due', 'Locks', 'Status']}
        firstCellIsHeader
        rowKeys={calendar.map((period) => period.label)}
        rows={calendar.map((period) => [
          period.label,
          formatDate(period.opensOn),
          formatDate(period.dueDate),
          formatDate(period.locksOn),
          <PeriodStateTag key="state" state={period.state} />,
        ])}
      />

      <h2 className="govuk-heading-m">The Commissioner&apos;s priority issues</h2>
      <p className="govuk-body">From the Commissioner&apos;s briefing on child sexual abuse and exploitation (CSA/E).</p>
      <ol className="govuk-list govuk-list--number">
        {priorityIssues.map((issue) => (
          <li key={issue.code}>
            <Link className="govuk-link" to={`/priority-issues/${issue.code}`}>
              {issue.title}
            </Link>{' '}
            <span className="govuk-hint govuk-!-display-inline">({issue.code})</span>
          </li>
        ))}
      </ol>
    </>
  );
}
