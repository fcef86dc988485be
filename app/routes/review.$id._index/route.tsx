// The review of one return: who submitted what and when, the checks (SOFT checks the provider explained are
// highlighted with their comment), every section beside the previous 4 quarters and the targets, queries, versions
// and their differences, "changed since approval" for a reopened return, and the decisions: approve, return for
// changes with a reason; for admins, reopen an approved return and allow edits after the lock date.
// Every decision carries the version the officer read: if someone else acted first, the page says so, shows the
// return as it is now and keeps what the officer typed.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import {
  ReviewApproveMutation,
  ReviewGrantLockExceptionMutation,
  ReviewReopenMutation,
  ReviewReturnForChangesMutation,
  ReviewReturnQuery,
  ReopenReturnSchema,
  ReturnForChangesSchema,
  ReviewReturnSchema,
  LockExceptionFormSchema,
  endOfDayInLondon,
} from './operations.server';
import {
  BackLink,
  Button,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PageHeading,
  SummaryList,
  Table,
  Tag,
  TextInput,
  Textarea,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { CheckResults, type MeasureWords } from '~/components/review/CheckResults';
import { ComparisonTable } from '~/components/review/ComparisonTable';
import { SectionFigures, formatFigure } from '~/components/review/SectionFigures';
import { QueryStatusTag, RETURN_STATUS_WORDS, ReturnStatusTag, fieldName } from '~/components/review/status';
import { formatDateTime, lateness } from '~/components/review/time';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Review: ${data.ret.service.reference}, ${data.ret.period.label}` : 'Review a return') },
];

const DONE: Record<string, string> = {
  approved: 'Return approved. It is now read-only.',
  returned: 'Return sent back to the provider for changes, with your reason.',
  reopened: 'Return reopened. The provider can change it and submit it again.',
  exception: 'Edits after the lock date allowed.',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  const url = new URL(request.url);
  const compare = Number(url.searchParams.get('compare'));
  const withComparison = Number.isInteger(compare) && compare >= 2;
  const { performanceReturn: ret } = await gql(request, ReviewReturnQuery, {
    id: params.id ?? '',
    compareFrom: withComparison ? compare - 1 : 1,
    compareTo: withComparison ? compare : null,
    withComparison,
  });
  if (!ret) throw new Response('Not Found', { status: 404 });
  return json({
    ret,
    isAdmin: user.role === 'ADMIN',
    compare: withComparison ? compare : null,
    done: DONE[url.searchParams.get('done') ?? ''] ?? null,
    late: lateness(ret.submittedAt, ret.period.dueDate),
  });
}

type Intent = 'approve' | 'return' | 'reopen' | 'exception';

/** Field names of each form, so errors link to the right field. */
const FIELD: Record<Intent, Record<string, string>> = {
  approve: { form: 'approve' },
  return: { reason: 'reason', form: 'reason' },
  reopen: { reason: 'reopenReason', form: 'reopenReason' },
  exception: { reason: 'exceptionReason', endDate: 'endDate', form: 'exceptionReason' },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  const id = params.id ?? '';
  const values = formValues(await request.formData()) as Record<string, string>;
  const intent = (['approve', 'return', 'reopen', 'exception'].includes(values.intent ?? '') ? values.intent : 'approve') as Intent;
  const fields = FIELD[intent];
  const fail = (errors: FieldError[], status = 400, conflict: string | null = null) =>
    json(
      { intent, errors: errors.map((e) => ({ field: fields[e.field] ?? fields.form!, message: e.message })), values, conflict },
      { status }
    );
  if ((intent === 'reopen' || intent === 'exception') && user.role !== 'ADMIN') throw new Response('Forbidden', { status: 403 });

  const expectedVersion = Number(values.expectedVersion);
  try {
    let outcome: { __typename: string; message?: string };
    if (intent === 'approve') {
      const checked = validate(ReviewReturnSchema, { returnId: id, expectedVersion });
      if (!checked.ok) return fail(checked.errors);
      outcome = (await gql(request, ReviewApproveMutation, { input: checked.data })).approveReturn;
    } else if (intent === 'return') {
      const checked = validate(ReturnForChangesSchema, { returnId: id, reason: values.reason ?? '', expectedVersion });
      if (!checked.ok) return fail(checked.errors);
      outcome = (await gql(request, ReviewReturnForChangesMutation, { input: checked.data })).returnForChanges;
    } else if (intent === 'reopen') {
      const checked = validate(ReopenReturnSchema, { returnId: id, reason: values.reopenReason ?? '', expectedVersion });
      if (!checked.ok) return fail(checked.errors);
      outcome = (await gql(request, ReviewReopenMutation, { input: checked.data })).reopenReturn;
    } else {
      const checked = validate(LockExceptionFormSchema, {
        returnId: id,
        reason: values.exceptionReason ?? '',
        endDate: values.endDate ?? '',
      });
      if (!checked.ok) return fail(checked.errors);
      const input = { returnId: id, reason: checked.data.reason, endsAt: endOfDayInLondon(checked.data.endDate).toISOString() };
      outcome = (await gql(request, ReviewGrantLockExceptionMutation, { input })).grantLockException;
    }
    if (outcome.__typename.endsWith('Success')) {
      const done = { approve: 'approved', return: 'returned', reopen: 'reopened', exception: 'exception' }[intent];
      return redirect(`/review/${id}?done=${done}`);
    }
    if (outcome.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
    const conflict =
      outcome.__typename === 'VersionConflict'
        ? 'Someone else changed this return while you were reviewing it. It is shown below as it is now: check it, then decide again.'
        : outcome.message ?? 'This cannot be done to the return as it is now.';
    return json({ intent, errors: [{ field: 'conflict', message: conflict }] as FieldError[], values, conflict }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return fail(fieldErrorsOf(error));
    throw error;
  }
}

export default function ReviewReturn() {
  const { ret, isAdmin, compare, done, late } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const typed = (name: string) => (result?.values as Record<string, string> | undefined)?.[name] ?? '';
  const busy = navigation.state !== 'idle';

  const history = ret.history;
  const measureWords = new Map<string, MeasureWords>();
  const units = new Map<string, string>();
  for (const measure of history.sections.flatMap((section) => section.measures)) {
    measureWords.set(measure.code, { label: measure.label, comment: measure.comment });
    units.set(measure.code, measure.unit);
  }
  const latestVersion = ret.versions[ret.versions.length - 1] ?? null;
  const activeExceptions = ret.lockExceptions.filter((exception) => !exception.revokedAt && Date.parse(exception.endsAt) > Date.now());
  const canDecide = ret.status === 'SUBMITTED';
  const compared = ret.versionComparison ?? null;
  // After a conflict, what the officer typed stays in its field if the form is still there, else it is shown here.
  const formShown =
    result?.intent === 'return'
      ? canDecide
      : result?.intent === 'reopen'
      ? isAdmin && ret.status === 'APPROVED'
      : result?.intent === 'exception'
      ? isAdmin && ret.locked
      : true;
  const notSent = result?.conflict && !formShown ? typed('reason') || typed('reopenReason') || typed('exceptionReason') : '';

  return (
    <>
      <BackLink href="/review">Back to review returns</BackLink>
      <ErrorSummary errors={errors} />
      {done && !result ? (
        <NotificationBanner success title="Done">
          {done}
        </NotificationBanner>
      ) : null}
      <PageHeading caption={`${ret.service.reference} · ${ret.service.provider.name}`}>
        {ret.service.title}: {ret.period.label}
      </PageHeading>
      <p className="govuk-body">
        <ReturnStatusTag status={ret.status} />
        {ret.locked ? (
          <>
            {' '}
            <Tag colour="grey">Locked</Tag>
          </>
        ) : null}
      </p>
      {result?.conflict ? (
        <div id="conflict" tabIndex={-1}>
          <WarningText>{result.conflict}</WarningText>
          {notSent ? (
            <InsetText>
              <p className="govuk-body">What you typed was not sent:</p>
              <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
                {notSent}
              </p>
            </InsetText>
          ) : null}
        </div>
      ) : null}
      {ret.status === 'APPROVED' ? <InsetText>This return is approved: it is read-only.</InsetText> : null}
      {ret.status === 'RETURNED' && ret.returnedReason ? (
        <InsetText>
          <p className="govuk-body">
            Returned for changes{ret.reviewedBy ? ` by ${ret.reviewedBy}` : ''}
            {ret.reviewedAt ? ` on ${formatDateTime(ret.reviewedAt)}` : ''}. The reason the provider sees:
          </p>
          <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
            {ret.returnedReason}
          </p>
        </InsetText>
      ) : null}
      {ret.status === 'REOPENED' && ret.reopenedReason ? (
        <InsetText>
          <p className="govuk-body">Reopened after approval. The reason:</p>
          <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
            {ret.reopenedReason}
          </p>
        </InsetText>
      ) : null}

      <h2 className="govuk-heading-m">Summary</h2>
      <SummaryList
        rows={[
          { key: 'Service', value: `${ret.service.reference}: ${ret.service.title}` },
          { key: 'Provider', value: ret.service.provider.name },
          { key: 'Period', value: ret.period.label },
          { key: 'Due date', value: formatDate(ret.period.dueDate) },
          { key: 'Lock date', value: formatDate(ret.period.locksOn) },
          { key: 'Status', value: RETURN_STATUS_WORDS[ret.status] ?? ret.status },
          { key: 'Submitted by', value: ret.submittedBy ?? 'Not submitted' },
          {
            key: 'Submitted',
            value: ret.submittedAt ? (
              <>
                {formatDateTime(ret.submittedAt)}
                {late.late ? ` (late: ${late.days} ${late.days === 1 ? 'day' : 'days'} after the due date)` : ' (on time)'}
              </>
            ) : (
              'Not submitted'
            ),
          },
          {
            key: 'Declaration',
            value: ret.declarationName ? `${ret.declarationName} declared the return complete and accurate` : 'Not made',
          },
          { key: 'No activity this quarter', value: ret.noActivity ? 'Declared' : 'Not declared' },
          {
            key: 'Version',
            value: latestVersion
              ? `Version ${latestVersion.number} (${RETURN_STATUS_WORDS[latestVersion.status] ?? latestVersion.status})`
              : 'None yet',
          },
          ...(ret.reviewedAt
            ? [{ key: 'Last reviewed', value: `${formatDateTime(ret.reviewedAt)}${ret.reviewedBy ? ` by ${ret.reviewedBy}` : ''}` }]
            : []),
          ...activeExceptions.map((exception) => ({
            key: 'Edits allowed after the lock date',
            value: `Until ${formatDateTime(exception.endsAt)} (${exception.grantedBy}): ${exception.reason}`,
          })),
        ]}
      />

      <h2 className="govuk-heading-m">Checks</h2>
      <CheckResults checks={ret.checks} measures={measureWords} />

      {ret.status === 'REOPENED' && ret.changesSinceApproval ? (
        <section aria-labelledby="changed-since-approval">
          <h2 className="govuk-heading-m" id="changed-since-approval">
            Changed since approval
          </h2>
          <p className="govuk-body">
            The return as it is now compared with version {ret.changesSinceApproval.fromVersion}, approved on{' '}
            {formatDateTime(ret.changesSinceApproval.fromCreatedAt)}.
          </p>
          <ComparisonTable
            caption={`Changes since version ${ret.changesSinceApproval.fromVersion} was approved`}
            changes={ret.changesSinceApproval.changes}
            noActivityChanged={ret.changesSinceApproval.noActivityChanged}
            noActivityNow={ret.changesSinceApproval.noActivityNow}
            emptyText="Nothing has changed since approval."
          />
        </section>
      ) : null}

      <h2 className="govuk-heading-m">Queries</h2>
      {ret.queries.length === 0 ? (
        <p className="govuk-body">No queries have been raised on this return.</p>
      ) : (
        <Table
          caption="Queries on this return"
          captionSize="s"
          head={['About', 'Status', 'Messages', 'Last message']}
          firstCellIsHeader
          numericColumns={[2]}
          rowKeys={ret.queries.map((query) => query.id)}
          rows={ret.queries.map((query) => [
            <Link key="about" className="govuk-link" to={`/queries/${query.id}`}>
              {fieldName(query.measureLabel, query.optionLabel)}
            </Link>,
            <QueryStatusTag key="status" status={query.status} />,
            query.messageCount,
            query.lastMessage ? `${query.lastMessage.authorName}, ${formatDateTime(query.lastMessage.createdAt)}` : 'None',
          ])}
        />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/review/${ret.id}/query`}>
          Raise a query about the whole return
        </Link>
      </p>

      {history.sections
        .filter((section) => section.measures.length > 0)
        .map((section) => (
          <SectionFigures
            key={section.code}
            returnId={ret.id}
            section={section}
            periods={history.periods}
            periodLabel={ret.period.label}
            allowQueries={!!ret.submittedAt}
          />
        ))}

      <h2 className="govuk-heading-m">Targets for the year</h2>
      {history.targets.length === 0 ? (
        <p className="govuk-body">No targets are set for this service this year.</p>
      ) : (
        <Table
          caption="Targets of this service for the financial year"
          captionSize="s"
          head={['Measure', 'For', 'Target']}
          firstCellIsHeader
          numericColumns={[2]}
          rowKeys={history.targets.map((target) => `${target.measureCode}-${target.label}`)}
          rows={history.targets.map((target) => [
            target.measureLabel,
            target.label,
            formatFigure(target.value, units.get(target.measureCode) ?? 'DECIMAL'),
          ])}
        />
      )}

      <section aria-labelledby="versions">
        <h2 className="govuk-heading-m" id="versions">
          Versions
        </h2>
        {ret.versions.length === 0 ? (
          <p className="govuk-body">No version has been frozen yet: one is made at each submission and approval.</p>
        ) : (
          <Table
            caption="Versions of this return (one is frozen at each submission and approval)"
            captionSize="s"
            head={['Version', 'Status', 'Made by', 'Made', 'Differences']}
            firstCellIsHeader
            rowKeys={ret.versions.map((version) => version.id)}
            rows={ret.versions.map((version) => [
              `Version ${version.number}`,
              RETURN_STATUS_WORDS[version.status] ?? version.status,
              version.createdBy,
              formatDateTime(version.createdAt),
              version.number > 1 ? (
                <Link key="compare" className="govuk-link" to={`/review/${ret.id}?compare=${version.number}#comparison`} preventScrollReset>
                  Compare with previous version
                  <span className="govuk-visually-hidden">
                    {' '}
                    (version {version.number} with version {version.number - 1})
                  </span>
                </Link>
              ) : (
                'First version'
              ),
            ])}
          />
        )}
        {compare ? (
          <div id="comparison" tabIndex={-1}>
            <h3 className="govuk-heading-s">
              Version {compare - 1} compared with version {compare}
            </h3>
            {compared ? (
              <ComparisonTable
                caption={`Changes from version ${compare - 1} to version ${compare}`}
                changes={compared.changes}
                noActivityChanged={compared.noActivityChanged}
                noActivityNow={compared.noActivityNow}
                emptyText={`Nothing changed between version ${compare - 1} and version ${compare}.`}
              />
            ) : (
              <p className="govuk-body">There is no version {compare} of this return.</p>
            )}
          </div>
        ) : null}
      </section>

      {canDecide ? (
        <section aria-labelledby="decision">
          <h2 className="govuk-heading-m" id="decision">
            Your decision
          </h2>
          <h3 className="govuk-heading-s">Approve the return</h3>
          <p className="govuk-body">Approving freezes this version. The return becomes read-only; only an administrator can reopen it.</p>
          <Form method="post" noValidate id="approve">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="expectedVersion" value={ret.version} />
            <Button type="submit" disabled={busy}>
              Approve return
            </Button>
          </Form>

          <h3 className="govuk-heading-s">Return it for changes</h3>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="expectedVersion" value={ret.version} />
            <Textarea
              id="reason"
              label="Reason for returning it"
              hint="Say what the provider should check or change. They see this reason on their return."
              rows={4}
              defaultValue={result?.intent === 'return' ? typed('reason') : ''}
              error={errorFor('reason')}
            />
            <Button type="submit" variant="warning" disabled={busy}>
              Return for changes
            </Button>
          </Form>
        </section>
      ) : null}

      {isAdmin && ret.status === 'APPROVED' ? (
        <section aria-labelledby="reopen">
          <h2 className="govuk-heading-m" id="reopen">
            Reopen the return
          </h2>
          <p className="govuk-body">The provider can then change it and submit it again. The portal shows what changed since approval.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="expectedVersion" value={ret.version} />
            <Textarea
              id="reopenReason"
              label="Reason for reopening it"
              rows={3}
              defaultValue={result?.intent === 'reopen' ? typed('reopenReason') : ''}
              error={errorFor('reopenReason')}
            />
            <Button type="submit" variant="warning" disabled={busy}>
              Reopen return
            </Button>
          </Form>
        </section>
      ) : null}

      {isAdmin && ret.locked ? (
        <section aria-labelledby="exception">
          <h2 className="govuk-heading-m" id="exception">
            Allow edits after the lock date
          </h2>
          <p className="govuk-body">
            {ret.period.label} locked on {formatDate(ret.period.locksOn)}. Nobody can change the return unless you allow it.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="exception" />
            <Textarea
              id="exceptionReason"
              label="Reason for allowing edits"
              rows={3}
              defaultValue={result?.intent === 'exception' ? typed('exceptionReason') : ''}
              error={errorFor('exceptionReason')}
            />
            <TextInput
              id="endDate"
              label="Last day edits are allowed"
              hint="As YYYY-MM-DD, for example 2026-12-11. Edits are allowed until the end of that day."
              width="10"
              inputMode="numeric"
              autoComplete="off"
              defaultValue={result?.intent === 'exception' ? typed('endDate') : ''}
              error={errorFor('endDate')}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              Allow edits
            </Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
