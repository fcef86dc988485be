// Officers link initiatives to a service, unlink them, and set what the service gives each per financial year.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { LinkInitiativeMutation, ServiceInitiativesQuery, SetInitiativeFundingMutation, UnlinkInitiativeMutation, ServiceInitiativeSchema, SetInitiativeFundingSchema } from './operations.server';
import { BackLink, Button, ErrorSummary, NotificationBanner, PageHeading, Select, Table, TextInput, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { formatMoney } from '~/components/format/dates';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(`Initiatives – ${data?.service.reference ?? 'service'}`) }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const data = await gql(request, ServiceInitiativesQuery, { id: params.id ?? '' });
  if (!data.service || data.service.archived) throw new Response('Not Found', { status: 404 });
  return json({ service: data.service, initiatives: data.initiatives, done: new URL(request.url).searchParams.get('done') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = formValues(form);
  const intent = String(form.get('intent'));
  const serviceId = params.id ?? '';
  const fail = (errors: FieldError[], status = 400) => json({ errors, values }, { status });
  try {
    if (intent === 'link' || intent === 'unlink') {
      const parsed = validate(ServiceInitiativeSchema, { serviceId, initiativeId: String(form.get('initiativeId') ?? '') });
      if (!parsed.ok) return fail(parsed.errors.map((e) => ({ ...e, field: 'initiativeId' })));
      if (intent === 'link') {
        const { linkServiceInitiative: result } = await gql(request, LinkInitiativeMutation, { input: parsed.data });
        if ('message' in result) return fail([{ field: 'initiativeId', message: result.message }], 409);
      } else {
        const { unlinkServiceInitiative: result } = await gql(request, UnlinkInitiativeMutation, { input: parsed.data });
        if ('message' in result) return fail([{ field: 'initiativeId', message: result.message }], 409);
      }
      return redirect(`/services/${serviceId}/initiatives?done=${intent}`);
    }
    const input = {
      serviceId,
      initiativeId: String(form.get('initiativeId') ?? ''),
      financialYear: Number(form.get('financialYear')),
      amount: String(form.get('amount') ?? ''),
    };
    const parsed = validate(SetInitiativeFundingSchema, input);
    if (!parsed.ok) return fail(parsed.errors.map((e) => ({ ...e, field: e.field === 'amount' ? 'amount' : e.field })));
    const { setInitiativeFunding: result } = await gql(request, SetInitiativeFundingMutation, { input: parsed.data });
    if ('message' in result) return fail([{ field: 'amount', message: result.message }], 409);
    return redirect(`/services/${serviceId}/initiatives?done=funding`);
  } catch (error) {
    if (error instanceof UserInputError) return fail(fieldErrorsOf(error));
    throw error;
  }
}

const DONE: Record<string, string> = { link: 'Initiative linked', unlink: 'Initiative removed', funding: 'Initiative funding saved' };

export default function ServiceInitiativesPage() {
  const { service, initiatives, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const linked = new Set(service.initiatives.map((link) => link.initiative.id));
  const available = initiatives.filter((initiative) => !linked.has(initiative.id));
  const typed = (name: string) => {
    const value = result?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to the service</BackLink>
      <ErrorSummary errors={errors} />
      {done && DONE[done] ? (
        <NotificationBanner success title="Success">
          {DONE[done]}
        </NotificationBanner>
      ) : null}
      <PageHeading caption={`${service.reference}: ${service.title}`}>Initiatives this service funds</PageHeading>
      <p className="govuk-body">
        Service funding:{' '}
        {service.fundingByYear.length ? service.fundingByYear.map((year) => `${year.label} ${formatMoney(year.amount)}`).join('; ') : 'none recorded yet'}.
        What the service gives its initiatives in a year cannot be more than its funding that year.
      </p>
      {service.initiatives.length ? (
        <Table
          caption="Linked initiatives"
          captionSize="s"
          firstCellIsHeader
          head={['Initiative', 'Funding by financial year', 'Action']}
          rowKeys={service.initiatives.map((link) => link.initiative.id)}
          rows={service.initiatives.map((link) => [
            link.initiative.name,
            link.funding.length ? link.funding.map((year) => `${year.label}: ${formatMoney(year.amount)}`).join('; ') : 'None',
            <Form key="unlink" method="post">
              <input type="hidden" name="intent" value="unlink" />
              <input type="hidden" name="initiativeId" value={link.initiative.id} />
              <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
                Remove<span className="govuk-visually-hidden"> {link.initiative.name}</span>
              </Button>
            </Form>,
          ])}
        />
      ) : (
        <p className="govuk-body">No initiatives linked yet.</p>
      )}

      {available.length ? (
        <Form method="post">
          <h2 className="govuk-heading-m">Link an initiative</h2>
          <input type="hidden" name="intent" value="link" />
          <Select
            id="initiativeId"
            label="Initiative"
            error={errorFor('initiativeId')}
            options={[{ value: '', text: 'Choose an initiative' }, ...available.map((i) => ({ value: i.id, text: i.name }))]}
          />
          <Button type="submit" variant="secondary">
            Link initiative
          </Button>
        </Form>
      ) : null}

      {service.initiatives.length ? (
        <Form method="post">
          <h2 className="govuk-heading-m">Set an initiative&apos;s funding</h2>
          <input type="hidden" name="intent" value="funding" />
          <Select
            id="fundingInitiativeId"
            name="initiativeId"
            label="Initiative"
            defaultValue={typed('initiativeId')}
            options={service.initiatives.map((link) => ({ value: link.initiative.id, text: link.initiative.name }))}
          />
          <TextInput id="financialYear" label="Financial year it starts" hint="For example, 2026 for 2026/27" width="4" inputMode="numeric" defaultValue={typed('financialYear') ?? String(service.fundingByYear[0]?.financialYear ?? new Date().getFullYear())} error={errorFor('financialYear')} />
          <TextInput id="amount" label="Amount" hint="0 removes the year's funding" prefix="£" width="10" inputMode="decimal" defaultValue={typed('amount')} error={errorFor('amount')} />
          <Button type="submit">Save initiative funding</Button>
        </Form>
      ) : null}
    </>
  );
}
