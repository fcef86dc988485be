// Officers add a commissioned service. The same zod schema as the API checks the form first.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CreateServiceMutation, CreateServiceSchema } from './operations.server';
import { serviceFormOptions } from './options.server';
import { inputFromForm, ServiceForm } from './ServiceForm';
import { BackLink, ErrorSummary, PageHeading, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Add a service') }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  return json({ options: await serviceFormOptions(request) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = formValues(form);
  const input = { ...inputFromForm(form), status: String(form.get('status') ?? '') };
  const parsed = validate(CreateServiceSchema, input);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  try {
    const { createCommissionedService: result } = await gql(request, CreateServiceMutation, { input: parsed.data });
    if (result.__typename === 'MutationCreateCommissionedServiceSuccess') return redirect(`/services/${result.data.id}?saved=created`);
    return json({ errors: [{ field: 'reference', message: result.message }] as FieldError[], values }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values }, { status: 400 });
    throw error;
  }
}

export default function NewService() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  return (
    <>
      <BackLink href="/services">Portfolio</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Add a service</PageHeading>
      <ServiceForm options={options} values={result?.values ?? { status: 'PLANNED', riskRating: 'GREEN' }} errors={errors} withStatus submitText="Add service" />
    </>
  );
}
