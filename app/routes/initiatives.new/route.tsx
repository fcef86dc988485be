// Officers add an initiative. The same zod schema checks the form here and the input in the API.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { CreateInitiativeMutation, CreateInitiativeSchema } from './operations.server';
import { InitiativeForm, initiativeInput } from './form';
import { BackLink, ErrorSummary, PageHeading, pageTitle, useErrorTitle } from '~/components/ui';
import { fieldErrorsOf, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Add an initiative') }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const values = initiativeInput(await request.formData());
  const checked = validate(CreateInitiativeSchema, values);
  if (!checked.ok) return json({ errors: checked.errors, values }, { status: 400 });
  try {
    const { createInitiative: result } = await gql(request, CreateInitiativeMutation, { input: checked.data });
    if (result.__typename === 'MutationCreateInitiativeSuccess') return redirect(`/initiatives?added=${result.data.id}`);
    return json({ errors: [{ field: 'name', message: result.message }], values }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values }, { status: 400 });
    throw error;
  }
}

export default function NewInitiative() {
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  return (
    <>
      <BackLink href="/initiatives">Back to initiatives</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Add an initiative</PageHeading>
      <InitiativeForm values={result?.values ?? { status: 'ACTIVE' }} errors={errors} submitText="Add initiative" cancelHref="/initiatives" />
    </>
  );
}
