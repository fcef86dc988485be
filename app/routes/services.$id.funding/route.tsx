// Officers set one financial year's funding of a service, by source.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FundingQuery, SetFundingMutation, SetServiceFundingSchema } from './operations.server';
import { FUNDING_SOURCES, FUNDING_SOURCE_LABELS } from '~/components/format/labels';
import { BackLink, Button, ErrorSummary, PageHeading, Select, TextInput, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { financialYearLabel, financialYearOf, todayInLondon } from '../../../graphql/domain/periods';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(`Funding – ${data?.service.reference ?? 'service'}`) }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

async function load(request: Request, id: string) {
  const { service } = await gql(request, FundingQuery, { id });
  if (!service || service.archived) throw new Response('Not Found', { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const service = await load(request, params.id ?? '');
  const url = new URL(request.url);
  const first = financialYearOf(service.startDate);
  const last = Math.max(financialYearOf(service.endDate), first);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const requested = Number(url.searchParams.get('year'));
  const current = financialYearOf(todayInLondon());
  const year = years.includes(requested) ? requested : years.includes(current) ? current : years[0]!;
  return json({ service, years, year });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = formValues(form);
  const input = {
    serviceId: params.id ?? '',
    financialYear: Number(form.get('financialYear')),
    expectedVersion: Number(form.get('expectedVersion')),
    amounts: FUNDING_SOURCES.map((source) => ({ source, amount: String(form.get(source) ?? '').trim() || '0' })),
  };
  const parsed = validate(SetServiceFundingSchema, input);
  const fieldOf = (field: string) => {
    const match = /amounts\.(\d+)/.exec(field);
    return match ? FUNDING_SOURCES[Number(match[1])]! : field;
  };
  if (!parsed.ok) return json({ errors: parsed.errors.map((e) => ({ ...e, field: fieldOf(e.field) })), values }, { status: 400 });
  try {
    const { setServiceFunding: result } = await gql(request, SetFundingMutation, { input: parsed.data });
    if (result.__typename === 'MutationSetServiceFundingSuccess') return redirect(`/services/${params.id}?saved=funding`);
    const message =
      result.__typename === 'VersionConflict'
        ? 'Someone else changed this service while you were editing the funding. The amounts saved now are shown in the hints; check them, then save again.'
        : 'message' in result
          ? result.message
          : 'The funding could not be saved.';
    return json({ errors: [{ field: FUNDING_SOURCES[0], message }] as FieldError[], values }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error).map((e) => ({ ...e, field: fieldOf(e.field) })), values }, { status: 400 });
    throw error;
  }
}

export default function ServiceFundingPage() {
  const { service, years, year } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const saved = (source: string) => service.funding.find((row) => row.financialYear === year && row.source === source)?.amount;
  const typed = (source: string) => {
    const value = result?.values[source];
    return typeof value === 'string' ? value : undefined;
  };
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to the service</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`${service.reference}: ${service.title}`}>Funding for {financialYearLabel(year)}</PageHeading>
      <Form method="get">
        <Select id="year" label="Financial year" defaultValue={String(year)} options={years.map((y) => ({ value: String(y), text: financialYearLabel(y) }))} />
        <Button type="submit" variant="secondary">
          Show this year
        </Button>
      </Form>
      <Form method="post" noValidate key={`${year}-${service.version}`}>
        <input type="hidden" name="financialYear" value={year} />
        <input type="hidden" name="expectedVersion" value={service.version} />
        <p className="govuk-body">Enter the amount from each source in {financialYearLabel(year)}. Leave a source blank or 0 if it gives nothing.</p>
        {FUNDING_SOURCES.map((source) => (
          <TextInput
            key={source}
            id={source}
            label={FUNDING_SOURCE_LABELS[source]}
            hint={saved(source) ? `Saved: £${saved(source)}` : 'Nothing saved'}
            prefix="£"
            width="10"
            inputMode="decimal"
            defaultValue={typed(source) ?? saved(source) ?? ''}
            error={errorFor(source)}
          />
        ))}
        <Button type="submit">Save funding</Button>
      </Form>
    </>
  );
}
