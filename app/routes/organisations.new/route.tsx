// Officers add a provider: details, areas served and contacts. The same zod schema checks the form here and the
// input in the API; a name already used answers "There is already an organisation called ...".
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CreateOrganisationMutation, NewOrganisationQuery, CreateOrganisationSchema } from './operations.server';
import { OrganisationForm, organisationInput, toFormErrors, type FormValues } from './form';
import { BackLink, ErrorSummary, PageHeading, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Add a provider') }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  return json(await gql(request, NewOrganisationQuery));
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const values: FormValues = formValues(await request.formData());
  if (values.intent === 'add-contact') {
    return json({ errors: [] as FieldError[], values: { ...values, contactSlots: String(Number(values.contactSlots ?? 1) + 1) } });
  }
  const { input, kept } = organisationInput(values);
  const checked = validate(CreateOrganisationSchema, input);
  if (!checked.ok) return json({ errors: toFormErrors(checked.errors, kept), values }, { status: 400 });
  try {
    const { createOrganisation: result } = await gql(request, CreateOrganisationMutation, { input: checked.data });
    if (result.__typename === 'MutationCreateOrganisationSuccess') {
      return redirect(`/organisations/${result.data.id}?saved=added`);
    }
    return json({ errors: [{ field: 'name', message: result.message }], values }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: toFormErrors(fieldErrorsOf(error), kept), values }, { status: 400 });
    throw error;
  }
}

export default function NewOrganisation() {
  const { areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  return (
    <>
      <BackLink href="/organisations">Back to organisations</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Add a provider</PageHeading>
      <OrganisationForm values={result?.values ?? {}} errors={errors} areas={areas} submitText="Add provider" cancelHref="/organisations" />
    </>
  );
}
