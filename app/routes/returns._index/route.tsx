// The provider's returns: every return due from its services for each reporting period that has opened, newest
// first, started or not, with the status, the due date and the lock date (always separately), and a way in. Below
// them, a GET form to download the organisation's returns data for a financial year (CSV or XLSX, made by the API:
// /exports/returns, which comes back here with exportError when the year is refused).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ReturnTasksQuery, StartReturnMutation, StartReturnSchema } from './operations.server';
import { Button, ButtonGroup, ErrorSummary, PageHeading, Select, Table, pageTitle, useErrorTitle } from '~/components/ui';
import { financialYearLabel } from '../../../graphql/domain/periods';
import { formatDate } from '~/components/format/dates';
import { ReturnStatusTag } from '~/components/return/status';
import { validate } from '~/utils/forms.server';
import { gql } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Returns') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const { me, returnTasks } = await gql(request, ReturnTasksQuery);
  // Grouped by period, newest first (the API answers in that order).
  const periods: { id: string; label: string; tasks: typeof returnTasks }[] = [];
  for (const task of returnTasks) {
    let group = periods.find((p) => p.id === task.period.id);
    if (!group) periods.push((group = { id: task.period.id, label: task.period.label, tasks: [] }));
    group.tasks.push(task);
  }
  // The financial years of those periods, newest first, for the returns data download.
  const years = [...new Set(returnTasks.map((task) => task.period.financialYear))].sort((a, b) => b - a);
  const url = new URL(request.url);
  const asked = url.searchParams.get('financialYear') ?? '';
  const exportErrors = url.searchParams.has('exportError')
    ? [{ field: 'financialYear', message: 'Choose a financial year from the list' }]
    : [];
  return json({
    organisation: me?.organisation.name ?? '',
    periods,
    years: years.map((year) => ({ value: String(year), text: financialYearLabel(year) })),
    exportYear: years.map(String).includes(asked) ? asked : String(years[0] ?? ''),
    exportErrors,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const form = await request.formData();
  const input = {
    serviceId: String(form.get('serviceId') ?? ''),
    periodId: String(form.get('periodId') ?? ''),
  };
  const button = `start-${input.serviceId}-${input.periodId}`;
  const parsed = validate(StartReturnSchema, input);
  if (!parsed.ok)
    return json(
      {
        errors: parsed.errors.map((e) => ({
          field: button,
          message: e.message,
        })),
      },
      { status: 400 },
    );
  const { startReturn: result } = await gql(request, StartReturnMutation, {
    input: parsed.data,
  });
  if (result.__typename === 'MutationStartReturnSuccess') return redirect(`/returns/${result.data.id}`);
  return json(
    {
      errors: [
        {
          field: button,
          message: 'message' in result ? result.message : 'The return could not be started.',
        },
      ],
    },
    { status: 409 },
  );
}

export default function ReturnsPage() {
  const { organisation, periods, years, exportYear, exportErrors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = [...(result?.errors ?? []), ...exportErrors];
  useErrorTitle(errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading caption={organisation}>Returns</PageHeading>
      <p className="govuk-body">
        A return is due from each of your services for every quarter. Returns open the day after the quarter ends. Submit each one by its due date;
        after its lock date it can only be changed with an exception from the OPCC.
      </p>
      {periods.length === 0 ? <p className="govuk-body">No returns are due from your services yet.</p> : null}
      {periods.map((period) => (
        <Table
          key={period.id}
          caption={`${period.label} returns`}
          captionSize="m"
          firstCellIsHeader
          head={['Service', 'Status', 'Due date', 'Lock date', 'Action']}
          rowKeys={period.tasks.map((task) => task.service.id)}
          rows={period.tasks.map((task) => {
            const ret = task.performanceReturn;
            const what = `the ${period.label} return for ${task.service.title}`;
            let actionCell;
            if (task.editable && !ret) {
              actionCell = (
                <Form method="post">
                  <input type="hidden" name="serviceId" value={task.service.id} />
                  <input type="hidden" name="periodId" value={task.period.id} />
                  <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0" id={`start-${task.service.id}-${task.period.id}`}>
                    Start<span className="govuk-visually-hidden"> {what}</span>
                  </Button>
                </Form>
              );
            } else if (ret) {
              const verb = task.editable ? (task.status === 'RETURNED' || task.status === 'REOPENED' ? 'Make changes' : 'Continue') : 'View';
              actionCell = (
                <Link className="govuk-link" to={`/returns/${ret.id}`}>
                  {verb}
                  <span className="govuk-visually-hidden"> to {what}</span>
                </Link>
              );
            } else {
              actionCell = <span className="govuk-body-s">Locked: ask the OPCC for an exception</span>;
            }
            return [
              <>
                {task.service.title}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{task.service.reference}</span>
              </>,
              <>
                <ReturnStatusTag status={task.status} />
                {task.overdue ? <span className="govuk-!-display-block govuk-!-font-weight-bold">Overdue</span> : null}
                {task.status === 'RETURNED' && ret?.returnedReason ? (
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                    Reason given by the OPCC: {ret.returnedReason}
                  </span>
                ) : null}
              </>,
              formatDate(task.dueDate),
              <>
                {formatDate(task.locksOn)}
                {task.lockExceptionEndsAt ? (
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                    Exception: changes allowed until {formatDate(task.lockExceptionEndsAt)}
                  </span>
                ) : task.locked ? (
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Locked</span>
                ) : null}
              </>,
              actionCell,
            ];
          })}
        />
      ))}
      {years.length > 0 ? (
        <section aria-labelledby="download-heading" id="download" className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m" id="download-heading">
            Download your returns data
          </h2>
          <p className="govuk-body">
            The figures of your approved returns for a financial year, one row per figure, as a CSV file or an Excel workbook. Narrative
            answers and comments are not included.
          </p>
          <Form method="get" action="/exports/returns" reloadDocument>
            <Select
              id="financialYear"
              label="Financial year"
              options={years}
              defaultValue={exportYear}
              error={exportErrors.find((error) => error.field === 'financialYear')?.message}
            />
            <ButtonGroup>
              <Button type="submit" name="format" value="csv" variant="secondary">
                Download CSV<span className="govuk-visually-hidden"> of your returns data</span>
              </Button>
              <Button type="submit" name="format" value="xlsx" variant="secondary">
                Download Excel (XLSX)<span className="govuk-visually-hidden"> of your returns data</span>
              </Button>
            </ButtonGroup>
          </Form>
        </section>
      ) : null}
    </>
  );
}
