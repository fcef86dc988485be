// Officers change an initiative, with the version-conflict pattern (their values shown, yours kept).
// The folder is `initiatives.$id_.edit` so the page does not nest inside the initiative page's layout.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EditInitiativeQuery, UpdateInitiativeMutation, UpdateInitiativeSchema } from './operations.server';
import { InitiativeForm, initiativeInput } from '../initiatives.new/form';
import { BackLink, ErrorSummary, PageHeading, SummaryList, WarningText, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { INITIATIVE_STATUS_LABELS } from '~/components/format/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Change ${data.initiative.name}` : 'Change initiative') },
];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

async function load(request: Request, id: string | undefined) {
  const { initiative } = await gql(request, EditInitiativeQuery, { id: id ?? '' });
  if (!initiative) throw new Response('Not Found', { status: 404 });
  return initiative;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  return json({ initiative: await load(request, params.id) });
}

type Current = Awaited<ReturnType<typeof load>>;

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = initiativeInput(form);
  const none = null as Current | null;
  const input = { ...values, id: params.id ?? '', expectedVersion: Number(form.get('expectedVersion')) };
  const checked = validate(UpdateInitiativeSchema, input);
  if (!checked.ok) return json({ errors: checked.errors, values, conflict: none }, { status: 400 });
  try {
    const { updateInitiative: result } = await gql(request, UpdateInitiativeMutation, { input: checked.data });
    switch (result.__typename) {
      case 'MutationUpdateInitiativeSuccess':
        return redirect(`/initiatives/${result.data.id}`);
      case 'VersionConflict': {
        const message = 'Someone else changed this initiative while you were editing it. Check their changes below, then save again.';
        return json({ errors: [{ field: 'name', message }] as FieldError[], values, conflict: await load(request, params.id) }, { status: 409 });
      }
      case 'NameTaken':
        return json({ errors: [{ field: 'name', message: result.message }], values, conflict: none }, { status: 409 });
      default:
        throw new Response('Not Found', { status: 404 });
    }
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values, conflict: none }, { status: 400 });
    throw error;
  }
}

export default function EditInitiative() {
  const { initiative } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const conflict = result?.conflict ?? null;
  useErrorTitle(errors.length > 0);
  const version = conflict?.version ?? initiative.version;
  return (
    <>
      <BackLink href={`/initiatives/${initiative.id}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={initiative.name}>Change initiative</PageHeading>
      {conflict ? (
        <>
          <WarningText>Someone else saved a change to this initiative. Their version is:</WarningText>
          <SummaryList
            rows={[
              { key: 'Name', value: conflict.name },
              { key: 'Description', value: conflict.description },
              { key: 'Lead partner', value: conflict.leadPartner ?? 'Not recorded' },
              { key: 'Status', value: INITIATIVE_STATUS_LABELS[conflict.status as keyof typeof INITIATIVE_STATUS_LABELS] ?? conflict.status },
            ]}
          />
          <p className="govuk-body">Your changes are still in the form below. Save them to replace theirs, or change them first.</p>
        </>
      ) : null}
      <InitiativeForm
        values={result?.values ?? { ...initiative, leadPartner: initiative.leadPartner ?? '' }}
        errors={errors}
        version={version}
        submitText="Save changes"
        cancelHref={`/initiatives/${initiative.id}`}
      />
    </>
  );
}
