// The review queue: returns waiting for review (the oldest submission first) and those reviewed recently, with
// filters for the period and the status (in the URL, so a view can be shared).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ReviewQueueQuery } from './operations.server';
import { Button, PageHeading, Select, Table, Tag, pageTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { RETURN_STATUS_WORDS, ReturnStatusTag } from '~/components/review/status';
import { formatDateTime, lateness } from '~/components/review/time';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Review returns') }];

const STATUSES = ['SUBMITTED', 'APPROVED', 'RETURNED', 'REOPENED'] as const;
type Status = (typeof STATUSES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  const url = new URL(request.url);
  const periodParam = url.searchParams.get('period') ?? '';
  const statusParam = url.searchParams.get('status') ?? '';
  const periodId = UUID.test(periodParam) ? periodParam : null;
  const status = (STATUSES as readonly string[]).includes(statusParam) ? (statusParam as Status) : null;
  const data = await gql(request, ReviewQueueQuery, {
    periodId,
    // The recently reviewed list never holds SUBMITTED returns; asking for them shows the queue only.
    status: status && status !== 'SUBMITTED' ? status : null,
    includeWaiting: !status || status === 'SUBMITTED',
  });
  return json({
    filters: { periodId: periodId ?? '', status: status ?? '' },
    periods: data.reportingPeriods.filter((period) => period.state !== 'UPCOMING').reverse(),
    waiting: (data.reviewQueue ?? []).map((ret) => ({ ...ret, lateness: lateness(ret.submittedAt, ret.period.dueDate) })),
    recent: status === 'SUBMITTED' ? [] : data.recentlyReviewedReturns,
    showWaiting: !status || status === 'SUBMITTED',
    showRecent: status !== 'SUBMITTED',
  });
}

function ServiceLink({ id, reference, title }: { id: string; reference: string; title: string }) {
  return (
    <Link className="govuk-link" to={`/review/${id}`}>
      {reference}
      <span className="govuk-visually-hidden">:</span>{' '}
      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{title}</span>
    </Link>
  );
}

export default function ReviewQueue() {
  const { filters, periods, waiting, recent, showWaiting, showRecent } = useLoaderData<typeof loader>();
  const filtered = !!(filters.periodId || filters.status);
  return (
    <>
      <PageHeading>Review returns</PageHeading>
      <p className="govuk-body">
        Returns providers have submitted wait here until you approve them or return them for changes. The oldest submission is first.
      </p>

      <Form method="get" className="app-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="period"
              label="Period"
              defaultValue={filters.periodId}
              options={[{ value: '', text: 'All periods' }, ...periods.map((period) => ({ value: period.id, text: period.label }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="status"
              label="Status"
              defaultValue={filters.status}
              options={[
                { value: '', text: 'Waiting and recently reviewed' },
                ...STATUSES.map((status) => ({
                  value: status,
                  text: status === 'SUBMITTED' ? 'Waiting for review' : RETURN_STATUS_WORDS[status]!,
                })),
              ]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {filtered ? (
            <Link className="govuk-link" to="/review">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      {showWaiting ? (
        waiting.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">Waiting for review</h2>
            <p className="govuk-body" id="queue-empty">
              {filtered ? 'No returns match these filters.' : 'There are no returns waiting for review.'}
            </p>
          </>
        ) : (
          <Table
            caption={`Waiting for review (${waiting.length})`}
            scrollLabel="Returns waiting for review"
            head={['Service', 'Provider', 'Period', 'Submitted', 'Due date', 'Late', 'Status']}
            firstCellIsHeader
            rowKeys={waiting.map((ret) => ret.id)}
            rows={waiting.map((ret) => [
              <ServiceLink key="service" id={ret.id} reference={ret.service.reference} title={ret.service.title} />,
              ret.service.provider.name,
              ret.period.label,
              ret.submittedAt ? formatDateTime(ret.submittedAt) : 'Not submitted',
              formatDate(ret.period.dueDate),
              ret.lateness.late ? (
                <Tag key="late" colour="red">
                  Late: {ret.lateness.days} {ret.lateness.days === 1 ? 'day' : 'days'}
                </Tag>
              ) : (
                'On time'
              ),
              <ReturnStatusTag key="status" status={ret.status} />,
            ])}
          />
        )
      ) : null}

      {showRecent ? (
        recent.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">Recently reviewed</h2>
            <p className="govuk-body">{filtered ? 'No reviewed returns match these filters.' : 'No returns have been reviewed yet.'}</p>
          </>
        ) : (
          <Table
            caption="Recently reviewed"
            scrollLabel="Recently reviewed returns"
            head={['Service', 'Provider', 'Period', 'Reviewed', 'Reviewed by', 'Status']}
            firstCellIsHeader
            rowKeys={recent.map((ret) => ret.id)}
            rows={recent.map((ret) => [
              <ServiceLink key="service" id={ret.id} reference={ret.service.reference} title={ret.service.title} />,
              ret.service.provider.name,
              ret.period.label,
              ret.reviewedAt ? formatDateTime(ret.reviewedAt) : 'Not recorded',
              ret.reviewedBy ?? 'Not recorded',
              <ReturnStatusTag key="status" status={ret.status} />,
            ])}
          />
        )
      ) : null}
    </>
  );
}
