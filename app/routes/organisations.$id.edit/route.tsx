// Officers change an organisation. The form carries the version it edits: if someone else saved first, the page
// says so, shows their values, keeps what this user typed, and nothing is overwritten until they save again.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EditOrganisationQuery, UpdateOrganisationMutation, UpdateOrganisationSchema } from './operations.server';
import { OrganisationForm, organisationInput, toFormErrors, valuesOf, type FormValues } from '../organisations.new/form';
import { BackLink, ErrorSummary, PageHeading, SummaryList, WarningText, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { ORGANISATION_TYPE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Change ${data.organisation.name}` : 'Change organisation') },
];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

async function load(request: Request, id: string | undefined) {
  const { areas, organisation } = await gql(request, EditOrganisationQuery, { id: id ?? '' });
  if (!organisation) throw new Response('Not Found', { status: 404 });
  return { areas, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const { areas, organisation } = await load(request, params.id);
  if (organisation.archived) throw redirect(`/organisations/${organisation.id}`);
  return json({ areas, organisation });
}

type Conflict = Awaited<ReturnType<typeof load>>['organisation'];

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const values: FormValues = formValues(await request.formData());
  const none = null as Conflict | null;
  if (values.intent === 'add-contact') {
    return json({ errors: [] as FieldError[], values: { ...values, contactSlots: String(Number(values.contactSlots ?? 1) + 1) }, conflict: none });
  }
  const { input: fields, kept } = organisationInput(values);
  const input = { ...fields, id: params.id ?? '', expectedVersion: Number(values.expectedVersion) };
  const checked = validate(UpdateOrganisationSchema, input);
  if (!checked.ok) return json({ errors: toFormErrors(checked.errors, kept), values, conflict: none }, { status: 400 });
  try {
    const { updateOrganisation: result } = await gql(request, UpdateOrganisationMutation, { input: checked.data });
    switch (result.__typename) {
      case 'MutationUpdateOrganisationSuccess':
        return redirect(`/organisations/${result.data.id}?saved=changed`);
      case 'VersionConflict': {
        const { organisation } = await load(request, params.id);
        const message = 'Someone else changed this organisation while you were editing it. Check their changes below, then save again.';
        return json({ errors: [{ field: 'name', message }], values, conflict: organisation }, { status: 409 });
      }
      case 'NameTaken':
        return json({ errors: [{ field: 'name', message: result.message }], values, conflict: none }, { status: 409 });
      case 'NotAllowed':
        return json({ errors: [{ field: 'name', message: result.message }], values, conflict: none }, { status: 409 });
      default:
        throw new Response('Not Found', { status: 404 });
    }
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: toFormErrors(fieldErrorsOf(error), kept), values, conflict: none }, { status: 400 });
    throw error;
  }
}

export default function EditOrganisation() {
  const { areas, organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const conflict = result?.conflict ?? null;
  useErrorTitle(errors.length > 0);
  // After a conflict the form edits the newest version, keeping what this user typed.
  const version = conflict?.version ?? organisation.version;
  const label = (type: string) => ORGANISATION_TYPE_LABELS[type as keyof typeof ORGANISATION_TYPE_LABELS] ?? type;
  return (
    <>
      <BackLink href={`/organisations/${organisation.id}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={organisation.name}>Change organisation details</PageHeading>
      {conflict ? (
        <>
          <WarningText>Someone else saved a change to this organisation. Their version is:</WarningText>
          <SummaryList
            rows={[
              { key: 'Organisation name', value: conflict.name },
              { key: 'Type', value: label(conflict.type) },
              { key: 'Registered number', value: conflict.registeredNumber ?? 'Not recorded' },
              { key: 'Email address', value: conflict.email ?? 'Not recorded' },
              { key: 'Telephone number', value: conflict.phone ?? 'Not recorded' },
              { key: 'Website', value: conflict.website ?? 'Not recorded' },
              { key: 'Postal address', value: conflict.address ?? 'Not recorded' },
              { key: 'Areas served', value: conflict.areas.map((area) => area.name).join(', ') || 'Not recorded' },
              {
                key: 'Contacts',
                value: conflict.contacts.map((contact) => `${contact.name}${contact.isPrimary ? ' (main contact)' : ''}`).join(', ') || 'None',
              },
            ]}
          />
          <p className="govuk-body">Your changes are still in the form below. Save them to replace theirs, or change them first.</p>
        </>
      ) : null}
      <OrganisationForm
        key={version}
        values={result?.values ?? valuesOf(organisation)}
        errors={errors}
        areas={areas}
        submitText="Save changes"
        version={version}
        cancelHref={`/organisations/${organisation.id}`}
      />
    </>
  );
}
