// A return as "Complete multiple tasks": its sections with a status each, the reason when it was returned for
// changes, its due and lock dates, "no activity this quarter", and the ways on: check answers, the CSV template and
// upload, queries. Read-only once submitted or approved, or when locked.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ReturnOverviewQuery, NoActivitySchema } from './operations.server';
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner, PageHeading, SummaryList, pageTitle, useErrorTitle } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { blockingMeasures, fromApiResults } from '~/components/return/checks';
import {
  cellsOf,
  fieldsFromValues,
  formSections,
  NO_ACTIVITY_EXEMPT,
  NO_ACTIVITY_REASON,
  reasonId,
  sectionProgress,
  type Fields,
} from '~/components/return/model';
import { saveSection } from '~/components/return/save.server';
import { isOpenStatus, ReturnStatusTag, SectionStatus } from '~/components/return/status';
import { TaskList } from '~/components/return/TaskList';
import { validate } from '~/utils/forms.server';
import { gql } from '~/utils/graphql.server';
import { requireRole, requireUser } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(data ? `${data.ret.period.label} return: ${data.ret.service.title}` : 'Return'),
  },
];

async function load(request: Request, id: string) {
  const { me, performanceReturn } = await gql(request, ReturnOverviewQuery, {
    id,
  });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  const { values, form, checks, ...ret } = performanceReturn;
  const sections = formSections(form.sections);
  const fields = fieldsFromValues(
    sections.flatMap((s) => s.measures),
    values,
  );
  const editable = me?.role === 'PROVIDER' && isOpenStatus(ret.status) && !ret.locked;
  return {
    me,
    ret,
    sections,
    fields,
    results: fromApiResults(checks),
    editable,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { ret, sections, fields, results, editable } = await load(request, params.id ?? '');
  const blocking = blockingMeasures(results);
  const tasks = sections.map((section) => ({
    code: section.code,
    title: section.title,
    description: section.description,
    progress: sectionProgress(section, fields, blocking),
  }));
  const exception =
    ret.lockExceptions
      .filter((e) => !e.revokedAt && new Date(e.endsAt) > new Date())
      .map((e) => e.endsAt)
      .sort()
      .at(-1) ?? null;
  return json({
    ret,
    tasks,
    editable,
    exception,
    saved: new URL(request.url).searchParams.get('saved'),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const { ret, sections, fields } = await load(request, params.id ?? '');
  const form = await request.formData();
  const parsed = validate(NoActivitySchema, {
    returnId: ret.id,
    expectedVersion: Number(form.get('expectedVersion')),
    noActivity: String(form.get('noActivity') ?? ''),
  });
  if (!parsed.ok)
    return json(
      {
        errors: parsed.errors.map((e) => ({
          field: 'noActivity',
          message: e.message,
        })),
      },
      { status: 400 },
    );
  const noActivity = parsed.data.noActivity === 'yes';
  // No activity: every blank count of the activity sections becomes 0; other blank figures say why.
  const measures = sections.filter((s) => !NO_ACTIVITY_EXEMPT.has(s.code)).flatMap((s) => s.measures);
  const mine: Fields = {};
  if (noActivity) {
    for (const measure of measures) {
      let blankLeft = false;
      for (const cell of cellsOf(measure)) {
        if ((fields[cell.id] ?? '').trim() !== '') continue;
        if (measure.unit === 'COUNT') mine[cell.id] = '0';
        else blankLeft = true;
      }
      if (blankLeft && !(fields[reasonId(measure.code)] ?? '').trim()) mine[reasonId(measure.code)] = NO_ACTIVITY_REASON;
    }
  }
  const outcome = await saveSection(request, {
    returnId: ret.id,
    measures,
    base: fields,
    mine,
    expectedVersion: parsed.data.expectedVersion,
    noActivity,
  });
  if (outcome.outcome === 'saved' || outcome.outcome === 'unchanged') {
    return redirect(`/returns/${ret.id}?saved=${noActivity ? 'no-activity' : 'activity'}`);
  }
  const message =
    outcome.outcome === 'conflict'
      ? 'The return was changed somewhere else while you were looking at it. Check it, then try again.'
      : outcome.message;
  return json({ errors: [{ field: 'noActivity', message }] }, { status: 409 });
}

const SAVED: Record<string, string> = {
  'no-activity': 'You told us there was no activity this quarter. Blank counts are now 0: check the sections, then check your answers and submit.',
  activity: 'You told us there was activity this quarter. Check and fill in every section.',
};

export default function ReturnPage() {
  const { ret, tasks, editable, exception, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const completed = tasks.filter((t) => t.progress === 'COMPLETED').length;
  const allDone = completed === tasks.length;
  const href = (code: string) => `/returns/${ret.id}/sections/${code.toLowerCase()}`;
  const readOnlyWhy = ret.locked
    ? `The return is locked (since ${formatDate(ret.period.locksOn)}): it can only be changed with an exception from an administrator.`
    : ret.status === 'SUBMITTED'
    ? 'The return has been submitted. It cannot be changed unless the OPCC returns it for changes.'
    : ret.status === 'APPROVED'
    ? 'The return has been approved. It is read-only.'
    : null;

  return (
    <>
      <BackLink href="/returns">All returns</BackLink>
      <ErrorSummary errors={errors} />
      {saved && SAVED[saved] ? (
        <NotificationBanner success title="Success">
          {SAVED[saved]}
        </NotificationBanner>
      ) : null}
      {ret.status === 'RETURNED' && ret.returnedReason ? (
        <NotificationBanner title="Returned for changes">
          <p className="govuk-notification-banner__heading">
            The OPCC returned this return for changes
            {ret.reviewedBy ? ` (${ret.reviewedBy})` : ''}:
          </p>
          <p className="govuk-body">{ret.returnedReason}</p>
          <p className="govuk-body">
            {editable
              ? 'Make the changes, then check your answers and submit the return again.'
              : ret.locked
              ? 'The return is locked: ask the OPCC for an exception so that you can make the changes.'
              : 'Only the provider can make the changes.'}
          </p>
        </NotificationBanner>
      ) : null}
      {ret.status === 'REOPENED' && ret.reopenedReason ? (
        <NotificationBanner title="Reopened">
          <p className="govuk-body">An administrator reopened this approved return: {ret.reopenedReason}</p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={`${ret.service.title} (${ret.service.reference})`}>{ret.period.label} return</PageHeading>
      <SummaryList
        rows={[
          { key: 'Status', value: <ReturnStatusTag status={ret.status} /> },
          { key: 'Due date', value: formatDate(ret.period.dueDate) },
          {
            key: 'Lock date',
            value: (
              <>
                {formatDate(ret.period.locksOn)}
                {exception ? (
                  <span className="govuk-!-display-block">An administrator has allowed changes until {formatDate(exception)}.</span>
                ) : ret.locked ? (
                  <span className="govuk-!-display-block">Locked</span>
                ) : null}
              </>
            ),
          },
          ...(ret.submittedAt
            ? [
                {
                  key: 'Submitted',
                  value: `${formatDate(ret.submittedAt)}${ret.submittedBy ? ` by ${ret.submittedBy}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      {readOnlyWhy ? <InsetText>{readOnlyWhy}</InsetText> : null}

      <h2 className="govuk-heading-m">{editable ? 'Complete the return' : 'Sections'}</h2>
      {editable ? (
        <p className="govuk-body">
          You have completed {completed} of {tasks.length} sections.
        </p>
      ) : null}
      <TaskList
        idPrefix="section"
        items={[
          ...tasks.map((task) => ({
            id: task.code.toLowerCase(),
            title: task.title,
            href: href(task.code),
            hint: task.description ?? undefined,
            status: <SectionStatus progress={task.progress} />,
          })),
          editable
            ? {
                id: 'check',
                title: 'Check answers and submit',
                href: allDone ? `/returns/${ret.id}/check` : undefined,
                status: allDone ? 'Ready to submit' : 'Cannot start yet',
                statusMuted: !allDone,
                hint: allDone ? undefined : 'Complete every section first.',
              }
            : {
                id: 'check',
                title: 'View all answers',
                href: `/returns/${ret.id}/check`,
                status: '',
              },
        ]}
      />
      {editable && !allDone ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/returns/${ret.id}/check`}>
            See all your answers and what still needs doing
          </Link>
        </p>
      ) : null}

      {editable ? (
        <>
          <h2 className="govuk-heading-m">No activity this quarter</h2>
          <Form method="post">
            <input type="hidden" name="expectedVersion" value={ret.version} />
            {ret.noActivity ? (
              <>
                <p className="govuk-body">You told us there was no activity this quarter: blank counts were recorded as 0.</p>
                <input type="hidden" name="noActivity" value="no" />
                <Button type="submit" variant="secondary" id="noActivity">
                  There was activity this quarter
                </Button>
              </>
            ) : (
              <>
                <p className="govuk-body">
                  If the service had no referrals, no service users and delivered no support this quarter, you can say so: every blank count in the
                  sections about referrals, people supported, abuse, support and outcomes is recorded as 0. You still fill in About this return,
                  Narrative and Finance.
                </p>
                <input type="hidden" name="noActivity" value="yes" />
                <Button type="submit" variant="secondary" id="noActivity">
                  Record no activity this quarter
                </Button>
              </>
            )}
          </Form>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Other ways to fill in and follow the return</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/returns/${ret.id}/template.csv`} reloadDocument>
            Download the return as a CSV template
          </Link>
        </li>
        {editable ? (
          <li>
            <Link className="govuk-link" to={`/returns/${ret.id}/upload`}>
              Upload a completed CSV file
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to={`/queries?returnId=${ret.id}`}>
            Queries about this return
          </Link>
        </li>
      </ul>
    </>
  );
}
