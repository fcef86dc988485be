// Officers activate a planned service, or extend or end an active one (with a reason).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ActivateMutation, EndMutation, ExtendMutation, ServiceStatusQuery, ActivateServiceSchema, EndServiceSchema, ExtendServiceSchema } from './operations.server';
import { STATUS_LABELS } from '../services._index/filters';
import { BackLink, Button, ErrorSummary, PageHeading, Radios, SummaryList, TextInput, Textarea, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(`Change status – ${data?.service.reference ?? 'service'}`) }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const { service } = await gql(request, ServiceStatusQuery, { id: params.id ?? '' });
  if (!service || service.archived) throw new Response('Not Found', { status: 404 });
  return json({ service });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = formValues(form);
  const id = params.id ?? '';
  const expectedVersion = Number(form.get('expectedVersion'));
  const change = String(form.get('change') ?? '');
  const fail = (errors: FieldError[], status = 400) => json({ errors, values }, { status });
  const typed = (result: { __typename?: string; message?: string }, field: string) => {
    if (result.__typename?.endsWith('Success')) return redirect(`/services/${id}?saved=status`);
    const message =
      result.__typename === 'VersionConflict'
        ? 'Someone else changed this service while you were looking at it. Check its status, then try again.'
        : (result.message ?? 'The status could not be changed.');
    return fail([{ field, message }], 409);
  };
  try {
    if (change === 'activate') {
      const parsed = validate(ActivateServiceSchema, { id, expectedVersion });
      if (!parsed.ok) return fail(parsed.errors);
      return typed((await gql(request, ActivateMutation, { input: parsed.data })).activateCommissionedService, 'change');
    }
    if (change === 'extend') {
      const parsed = validate(ExtendServiceSchema, { id, expectedVersion, newEndDate: String(form.get('newEndDate') ?? ''), reason: String(form.get('extendReason') ?? '') });
      if (!parsed.ok) return fail(parsed.errors.map((e) => ({ ...e, field: e.field === 'reason' ? 'extendReason' : e.field })));
      return typed((await gql(request, ExtendMutation, { input: parsed.data })).extendCommissionedService, 'newEndDate');
    }
    if (change === 'end') {
      const parsed = validate(EndServiceSchema, { id, expectedVersion, endDate: String(form.get('endDate') ?? ''), reason: String(form.get('endReason') ?? '') });
      if (!parsed.ok) return fail(parsed.errors.map((e) => ({ ...e, field: e.field === 'reason' ? 'endReason' : e.field })));
      return typed((await gql(request, EndMutation, { input: parsed.data })).endCommissionedService, 'endDate');
    }
    return fail([{ field: 'change', message: 'Choose what to do' }]);
  } catch (error) {
    if (error instanceof UserInputError) {
      const errors = fieldErrorsOf(error).map((e) => ({ ...e, field: e.field === 'reason' ? (change === 'end' ? 'endReason' : 'extendReason') : e.field }));
      return fail(errors);
    }
    throw error;
  }
}

export default function ServiceStatusPage() {
  const { service } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const value = (name: string) => {
    const v = result?.values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const planned = service.status === 'PLANNED';
  const running = service.status === 'ACTIVE' || service.status === 'EXTENDED';
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to the service</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`${service.reference}: ${service.title}`}>Change the status</PageHeading>
      <SummaryList
        rows={[
          { key: 'Status now', value: STATUS_LABELS[service.status] ?? service.status },
          { key: 'Start date', value: formatDate(service.startDate) },
          { key: 'End date', value: formatDate(service.endDate) },
        ]}
      />
      {planned ? (
        <Form method="post">
          <input type="hidden" name="expectedVersion" value={service.version} />
          <input type="hidden" name="change" value="activate" />
          <p className="govuk-body" id="change">The service is planned. Activate it when it starts delivering.</p>
          <Button type="submit">Activate the service</Button>
        </Form>
      ) : null}
      {running ? (
        <Form method="post" noValidate>
          <input type="hidden" name="expectedVersion" value={service.version} />
          <Radios
            id="change"
            name="change"
            legend="What do you want to do?"
            legendSize="m"
            defaultValue={value('change')}
            error={errorFor('change')}
            options={[
              { value: 'extend', text: 'Extend the contract', hint: 'A new, later end date' },
              { value: 'end', text: 'End the contract', hint: 'Early, or on its end date' },
            ]}
          />
          <h2 className="govuk-heading-s">If you are extending</h2>
          <TextInput id="newEndDate" label="New end date" type="date" defaultValue={value('newEndDate')} error={errorFor('newEndDate')} />
          <Textarea id="extendReason" label="Reason for the extension" rows={3} defaultValue={value('extendReason')} error={errorFor('extendReason')} />
          <h2 className="govuk-heading-s">If you are ending</h2>
          <TextInput id="endDate" label="End date" type="date" defaultValue={value('endDate') ?? service.endDate} error={errorFor('endDate')} />
          <Textarea id="endReason" label="Reason for ending" rows={3} defaultValue={value('endReason')} error={errorFor('endReason')} />
          <Button type="submit">Change the status</Button>
        </Form>
      ) : null}
      {!planned && !running ? <p className="govuk-body">This service has ended. Its status can no longer change.</p> : null}
    </>
  );
}
