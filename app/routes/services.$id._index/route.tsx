// One commissioned service: the contract, funding by year and source, initiatives, status history and (for OPCC
// staff) the activity history from the audit trail. Providers see their own services read-only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ArchiveServiceMutation, ServiceActivityQuery, ServiceQuery } from './operations.server';
import { RISK_COLOURS, STATUS_COLOURS } from '../services._index/route';
import { RISK_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../services._index/filters';
import { BackLink, Button, ErrorSummary, NotificationBanner, PageHeading, SummaryList, Table, Tag, WarningText, pageTitle } from '~/components/ui';
import { formatDate, formatMoney } from '~/components/format/dates';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.service.title ?? 'Service') }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { me, service } = await gql(request, ServiceQuery, { id: params.id ?? '' });
  if (!service) throw new Response('Not Found', { status: 404 });
  const staff = me?.role !== 'PROVIDER';
  const activity = staff ? ((await gql(request, ServiceActivityQuery, { id: service.id })).service?.activity ?? []) : [];
  const url = new URL(request.url);
  return json({ me, service, activity, saved: url.searchParams.get('saved') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  const form = await request.formData();
  // A version or id that is not one (a page changed by hand, or out of date) is the sender's mistake: 400, never a
  // 500 (found by the fuzz tests, tests/e2e/fuzz-forms.test.ts).
  const answer = await gql(request, ArchiveServiceMutation, {
    input: { id: params.id ?? '', expectedVersion: Number(form.get('expectedVersion')) },
  }).catch((error: unknown) => {
    if (error instanceof UserInputError) return null;
    throw error;
  });
  if (!answer) {
    return json({ errors: [{ field: 'archive', message: 'This page is out of date: reload it, then archive the service again.' }] }, { status: 400 });
  }
  const { archiveCommissionedService: result } = answer;
  if (result.__typename === 'MutationArchiveCommissionedServiceSuccess') return redirect(`/services/${params.id}?saved=archived`);
  const message =
    result.__typename === 'VersionConflict'
      ? 'Someone else changed this service while you were looking at it. Check the page, then archive it again.'
      : 'message' in result
        ? result.message
        : 'The service could not be archived.';
  return json({ errors: [{ field: 'archive', message }] }, { status: 409 });
}

const SAVED: Record<string, string> = {
  created: 'Service added',
  updated: 'Service saved',
  funding: 'Funding saved',
  initiatives: 'Initiatives saved',
  status: 'Status changed',
  archived: 'Service archived',
};

const TABLE_NAMES: Record<string, string> = {
  commissioned_service: 'Service',
  service_status_change: 'Status',
  service_priority_issue: 'Priority issues',
  service_harm_type: 'Forms of harm',
  service_forum: 'Forums',
  service_area: 'Areas',
  service_funding: 'Funding',
  service_initiative: 'Initiatives',
  initiative_funding: 'Initiative funding',
};
const ACTIONS: Record<string, string> = { CREATE: 'Added', UPDATE: 'Changed', DELETE: 'Removed' };

export default function ServicePage() {
  const { me, service, activity, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const officer = (me?.role === 'ADMIN' || me?.role === 'POLICY_OFFICER') && !service.archived;
  const change = (href: string, what: string) => (officer ? { href, text: 'Change', visuallyHiddenText: what } : undefined);
  const edit = `/services/${service.id}/edit`;
  const years = [...new Set(service.funding.map((row) => row.financialYear))].sort((a, b) => a - b);
  const sources = [...new Set(service.funding.map((row) => row.source))];
  const amountOf = (year: number, source: string) => service.funding.find((row) => row.financialYear === year && row.source === source)?.amount;
  const cohort =
    service.cohortMinAge !== null || service.cohortMaxAge !== null
      ? `${service.cohortMinAge ?? 0} to ${service.cohortMaxAge ?? 'any age'}${service.cohortMaxAge !== null ? ' years' : ''}`
      : 'Not recorded';

  return (
    <>
      <BackLink href="/services">{me?.role === 'PROVIDER' ? 'Your services' : 'Portfolio'}</BackLink>
      <ErrorSummary errors={result?.errors ?? []} />
      {saved && SAVED[saved] ? (
        <NotificationBanner success title="Success">
          {SAVED[saved]}
        </NotificationBanner>
      ) : null}
      <PageHeading caption={service.reference}>{service.title}</PageHeading>
      <p className="govuk-body">
        <Tag colour={STATUS_COLOURS[service.status]}>{STATUS_LABELS[service.status]}</Tag>{' '}
        {service.archived ? <Tag colour="grey">Archived</Tag> : null}
      </p>
      {service.archived ? <WarningText>This service is archived. It is kept for its history and cannot be changed.</WarningText> : null}
      {officer ? (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={edit}>Change the service&apos;s details</Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/services/${service.id}/funding`}>Change funding</Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/services/${service.id}/initiatives`}>Change initiatives and their funding</Link>
          </li>
          {service.status !== 'ENDED' ? (
            <li>
              <Link className="govuk-link" to={`/services/${service.id}/status`}>
                {service.status === 'PLANNED' ? 'Activate the service' : 'Extend or end the contract'}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/services/${service.id}/targets`}>{officer ? 'Targets: see and set them' : 'Targets'}</Link>
      </p>

      <h2 className="govuk-heading-m">Contract</h2>
      <SummaryList
        rows={[
          { key: 'Reference', value: service.reference, action: change(edit, 'reference') },
          { key: 'Title', value: service.title, action: change(edit, 'title') },
          { key: 'Description', value: service.description ?? 'Not recorded', action: change(edit, 'description') },
          { key: 'Provider', value: service.provider.name, action: change(edit, 'provider') },
          ...(me?.role === 'PROVIDER' ? [] : [{ key: 'Lead officer', value: service.leadOfficer?.name ?? 'Not assigned', action: change(edit, 'lead officer') }]),
          { key: 'Status', value: STATUS_LABELS[service.status] ?? service.status },
        ]}
      />
      <h2 className="govuk-heading-m">Dates and values</h2>
      <SummaryList
        rows={[
          { key: 'Start date', value: formatDate(service.startDate), action: change(edit, 'start date') },
          { key: 'End date', value: formatDate(service.endDate), action: change(edit, 'end date') },
          { key: 'Annual value', value: formatMoney(service.annualValue), action: change(edit, 'annual value') },
          { key: 'Total value', value: formatMoney(service.totalValue), action: change(edit, 'total value') },
        ]}
      />
      <h2 className="govuk-heading-m">Who it is for</h2>
      <SummaryList
        rows={[
          { key: 'Ages', value: cohort, action: change(edit, 'ages') },
          { key: 'Areas', value: service.areas.map((area) => area.name).join(', ') || 'Not recorded', action: change(edit, 'areas') },
          {
            key: 'Priority issues',
            value: (
              <ul className="govuk-list">
                {service.priorityIssues.map((issue) => (
                  <li key={issue.code}>
                    <Link className="govuk-link" to={`/priority-issues/${issue.code}`}>{issue.title}</Link>
                  </li>
                ))}
              </ul>
            ),
            action: change(edit, 'priority issues'),
          },
          { key: 'Forms of harm', value: service.harmTypes.map((harm) => harm.name).join(', ') || 'Not recorded', action: change(edit, 'forms of harm') },
          { key: 'Partnership forums', value: service.forums.map((forum) => forum.name).join(', ') || 'Not recorded', action: change(edit, 'partnership forums') },
        ]}
      />
      <h2 className="govuk-heading-m">Risk</h2>
      <SummaryList
        rows={[
          { key: 'Risk rating', value: <Tag colour={RISK_COLOURS[service.riskRating]}>{RISK_LABELS[service.riskRating]}</Tag>, action: change(edit, 'risk rating') },
          { key: 'Reason', value: service.riskReason ?? 'None given', action: change(edit, 'risk reason') },
        ]}
      />

      <h2 className="govuk-heading-m">Funding</h2>
      {years.length === 0 ? (
        <p className="govuk-body">No funding recorded.</p>
      ) : (
        <Table
          caption="Funding by financial year and source"
          captionSize="s"
          firstCellIsHeader
          numericColumns={sources.map((_, index) => index + 1).concat(sources.length + 1)}
          head={['Financial year', ...sources.map((source) => SOURCE_LABELS[source] ?? source), 'Total']}
          rowKeys={years.map(String)}
          rows={years.map((year) => [
            service.fundingByYear.find((row) => row.financialYear === year)?.label ?? String(year),
            ...sources.map((source) => {
              const amount = amountOf(year, source);
              return amount ? formatMoney(amount) : '£0.00';
            }),
            formatMoney(service.fundingByYear.find((row) => row.financialYear === year)?.amount ?? '0'),
          ])}
        />
      )}

      <h2 className="govuk-heading-m">Initiatives</h2>
      {service.initiatives.length === 0 ? (
        <p className="govuk-body">This service does not fund any initiative.</p>
      ) : (
        <Table
          caption="Initiatives this service funds"
          captionSize="s"
          firstCellIsHeader
          head={['Initiative', 'Funding by financial year']}
          rowKeys={service.initiatives.map((link) => link.initiative.id)}
          rows={service.initiatives.map((link) => [
            <Link key="i" className="govuk-link" to={`/initiatives/${link.initiative.id}`}>{link.initiative.name}</Link>,
            link.funding.length ? link.funding.map((year) => `${year.label}: ${formatMoney(year.amount)}`).join('; ') : 'No funding recorded',
          ])}
        />
      )}

      <h2 className="govuk-heading-m">Status history</h2>
      <Table
        caption="Status changes, oldest first"
        captionSize="s"
        head={['When', 'Change', 'Reason', 'New end date', ...(me?.role === 'PROVIDER' ? [] : ['By'])]}
        rowKeys={service.statusHistory.map((row) => row.id)}
        rows={service.statusHistory.map((row) => [
          formatDate(row.at),
          row.from ? `${STATUS_LABELS[row.from]} to ${STATUS_LABELS[row.to]}` : `Added as ${STATUS_LABELS[row.to]?.toLowerCase()}`,
          row.reason ?? '',
          row.newEndDate ? formatDate(row.newEndDate) : '',
          ...(me?.role === 'PROVIDER' ? [] : [row.changedBy ?? '']),
        ])}
      />

      {me?.role !== 'PROVIDER' ? (
        <>
          <h2 className="govuk-heading-m">Activity</h2>
          {activity.length === 0 ? (
            <p className="govuk-body">No recorded activity.</p>
          ) : (
            <Table
              caption="Every recorded change, newest first"
              captionSize="s"
              head={['When', 'Who', 'What', 'Changes']}
              rowKeys={activity.map((entry) => entry.id)}
              rows={activity.map((entry) => [
                new Date(entry.at).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }),
                entry.actor,
                `${ACTIONS[entry.action] ?? entry.action}: ${TABLE_NAMES[entry.table] ?? entry.table}`,
                entry.changes.length ? (
                  <ul className="govuk-list govuk-body-s">
                    {entry.changes.map((c) => (
                      <li key={c.field}>
                        {c.field.replaceAll('_', ' ')}: {c.before ?? 'none'} <span aria-hidden="true">→</span>
                        <span className="govuk-visually-hidden"> changed to </span> {c.after ?? 'none'}
                      </li>
                    ))}
                  </ul>
                ) : (
                  ''
                ),
              ])}
            />
          )}
        </>
      ) : null}

      {officer ? (
        <Form method="post">
          <h2 className="govuk-heading-m">Archive</h2>
          <p className="govuk-body">Archiving takes the service out of the portfolio. Its history is kept.</p>
          <input type="hidden" name="expectedVersion" value={service.version} />
          <Button type="submit" variant="warning" id="archive">
            Archive this service
          </Button>
        </Form>
      ) : null}
    </>
  );
}
