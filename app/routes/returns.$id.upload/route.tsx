// Upload a return as a CSV file (the provider): download the template with what is saved, fill it in, upload it.
// The file is read as strict UTF-8 here (graphql/domain/return-csv.ts) and imported by the API (importReturnCsv):
// every row is checked and the template's HARD checks run on the figures the return would have. Any problem: a
// report of every problem by row and column, and nothing is saved. Success: "N values imported".
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { decodeCsvBytes, ImportReturnCsvMutation, MAX_CSV_BYTES, MAX_CSV_ROWS, UploadReturnQuery } from './operations.server';
import {
  BackLink,
  Button,
  ErrorMessage,
  ErrorSummary,
  NotificationBanner,
  PageHeading,
  SummaryList,
  Table,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { fieldErrorsOf } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(data ? `Upload a CSV file – ${data.ret.service.reference} ${data.ret.period.label}` : 'Upload a CSV file'),
  },
];

const STATUS_WORDS: Record<string, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  RETURNED: 'Returned for changes',
  APPROVED: 'Approved',
  REOPENED: 'Reopened',
};
const COLUMN_WORDS: Record<string, string> = {
  measure_code: 'measure_code',
  breakdown_option: 'breakdown_option',
  value: 'value',
  blank_reason: 'blank_reason',
  comment: 'comment',
};
const FIELD = 'csvFile';
const megabytes = (bytes: number) => bytes / (1024 * 1024);

interface Problem {
  row: number | null;
  column: string | null;
  message: string;
}

async function load(request: Request, id: string) {
  const { performanceReturn } = await gql(request, UploadReturnQuery, { id });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  return performanceReturn;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const ret = await load(request, params.id ?? '');
  const url = new URL(request.url);
  const imported = url.searchParams.get('imported');
  const changed = url.searchParams.get('changed');
  return json({
    ret,
    imported: imported !== null && /^\d+$/.test(imported) ? Number(imported) : null,
    changed: changed !== null && /^\d+$/.test(changed) ? Number(changed) : null,
    // The limits the action enforces (return-csv.ts stays on the server: it imports zod schemas).
    limits: { bytes: MAX_CSV_BYTES, rows: MAX_CSV_ROWS },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const id = params.id ?? '';
  const fail = (message: string, problems: Problem[] = [], status = 400) =>
    json({ errors: [{ field: FIELD, message }] as FieldError[], problems }, { status });

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: MAX_CSV_BYTES,
        filter: ({ name }) => name === FIELD || name === 'expectedVersion',
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail(`The selected file must be ${megabytes(MAX_CSV_BYTES)} MB or smaller`, [], 413);
    // Not a multipart form (a url-encoded one, or one cut short): there is no file to import (found by the fuzz tests).
    return fail('Select a CSV file to upload');
  }
  const file = form.get(FIELD);
  if (!(file instanceof File) || file.name === '') return fail('Select a CSV file to upload');
  if (!/\.csv$/i.test(file.name)) return fail('The selected file must be a CSV file (ending .csv): save it from your spreadsheet as CSV UTF-8');
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return fail(decoded.message);

  try {
    const { importReturnCsv: result } = await gql(request, ImportReturnCsvMutation, {
      input: {
        returnId: id,
        csv: decoded.text,
        expectedVersion: Number(form.get('expectedVersion')),
      },
    });
    switch (result.__typename) {
      case 'MutationImportReturnCsvSuccess':
        return redirect(`/returns/${id}/upload?imported=${result.data.imported}&changed=${result.data.changed}`);
      case 'CsvImportFailed':
        return fail(`${result.message} Fix the problems listed below and upload the file again.`, result.problems, 422);
      case 'VersionConflict':
        return fail('The return was changed by someone else since you opened this page. Nothing was saved: upload the file again.', [], 409);
      default:
        return fail(`${'message' in result ? result.message : 'The file could not be imported.'} Nothing was saved.`, [], 409);
    }
  } catch (error) {
    if (error instanceof UserInputError) {
      const [first] = fieldErrorsOf(error);
      return fail(first?.message ?? 'The file could not be imported.');
    }
    throw error;
  }
}

export default function UploadReturnCsv() {
  const { ret, imported, changed, limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const problems = result?.problems ?? [];
  useErrorTitle(errors.length > 0);
  const editable = !ret.locked && ret.status !== 'SUBMITTED' && ret.status !== 'APPROVED';
  const back = `/returns/${ret.id}`;
  const error = errors[0]?.message;

  return (
    <>
      <BackLink href={back}>Back to the return</BackLink>
      <ErrorSummary errors={errors} />
      {imported !== null && !result ? (
        <NotificationBanner success>
          <h3 className="govuk-notification-banner__heading">
            {imported === 1 ? '1 value imported' : `${imported.toLocaleString('en-GB')} values imported`}
          </h3>
          <p className="govuk-body">
            {changed === null
              ? null
              : changed === 0
              ? 'Nothing was different from what was saved. '
              : `${changed.toLocaleString('en-GB')} ${changed === 1 ? 'row changed' : 'rows changed'} what was saved. `}
            <Link className="govuk-notification-banner__link" to={back}>
              Go back to the return
            </Link>{' '}
            to check it and submit it.
          </p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={`${ret.service.reference}: ${ret.service.title}`}>Upload a CSV file for {ret.period.label}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Status', value: STATUS_WORDS[ret.status] ?? ret.status },
          { key: 'Due date', value: formatDate(ret.period.dueDate) },
          { key: 'Lock date', value: formatDate(ret.period.locksOn) },
        ]}
      />

      <h2 className="govuk-heading-m">1. Download the template</h2>
      <p className="govuk-body">
        The template has a row for every figure of this return, filled in with what is saved now.{' '}
        <a className="govuk-link" href={`/returns/${ret.id}/template.csv`} download={ret.csvFileName}>
          Download the CSV template
          <span className="govuk-visually-hidden"> for {ret.period.label}</span>
        </a>{' '}
        ({ret.csvFileName}).
      </p>

      <h2 className="govuk-heading-m">2. Fill it in</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          Enter each figure in the <strong>value</strong> column. Zero is a figure: enter 0.
        </li>
        <li>
          If you leave a value blank, say why in <strong>blank_reason</strong>. A blank value without a reason clears the figure.
        </li>
        <li>
          Add a <strong>comment</strong> to explain a figure, for example a big change since last quarter or a missed target.
        </li>
        <li>
          Do not change <strong>measure_code</strong> or <strong>breakdown_option</strong>: they say which figure a row is. You can delete rows you do
          not want to change.
        </li>
        <li>
          Save the file as CSV UTF-8 (comma delimited). At most {megabytes(limits.bytes)} MB and {limits.rows.toLocaleString('en-GB')} rows.
        </li>
      </ul>

      <h2 className="govuk-heading-m">3. Upload it</h2>
      {editable ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="expectedVersion" value={ret.version} />
          <p className="govuk-body">
            Nothing is saved unless every row can be read and the return&apos;s checks that block submission still pass with the figures in the file.
            You can then check the return and submit it.
          </p>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor={FIELD}>
              Upload a CSV file
            </label>
            <div id={`${FIELD}-hint`} className="govuk-hint">
              The template, filled in and saved as CSV UTF-8
            </div>
            {error ? <ErrorMessage id={`${FIELD}-error`}>{error}</ErrorMessage> : null}
            <input
              className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
              id={FIELD}
              name={FIELD}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${FIELD}-hint${error ? ` ${FIELD}-error` : ''}`}
            />
          </div>
          <Button type="submit" data-prevent-double-click="true">
            Upload and import
          </Button>
        </Form>
      ) : (
        <WarningText>
          {ret.locked
            ? `${ret.period.label} is locked: the return can only be changed with an exception from the OPCC.`
            : `The return is ${(STATUS_WORDS[ret.status] ?? ret.status).toLowerCase()}: it cannot be changed.`}
        </WarningText>
      )}

      {problems.length ? (
        <Table
          caption={`Problems in the file (${problems.length.toLocaleString('en-GB')})`}
          captionSize="m"
          head={['Row', 'Column', 'Problem']}
          numericColumns={[0]}
          rows={problems.map((problem) => [
            problem.row === null ? 'Whole file' : String(problem.row),
            problem.column ? COLUMN_WORDS[problem.column] ?? problem.column : '',
            problem.message,
          ])}
        />
      ) : null}
    </>
  );
}
