// Administrators change a user's name, role or organisation, with the version-conflict pattern: if someone else
// saved first, their values are shown and what this administrator chose is kept in the form.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { EditUserQuery, UpdateUserMutation, UpdateUserSchema } from './operations.server';
import {
  BackLink,
  Button,
  ErrorSummary,
  PageHeading,
  Radios,
  Select,
  SummaryList,
  TextInput,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { ROLES, ROLE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data ? `Change ${data.user.name}` : 'Change user') }];

async function load(request: Request, id: string | undefined) {
  const { organisations, user } = await gql(request, EditUserQuery, { id: id ?? '' });
  if (!user) throw new Response('Not Found', { status: 404 });
  return { organisations, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  return json(await load(request, params.id));
}

type Current = Awaited<ReturnType<typeof load>>['user'];

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const values = formValues(await request.formData()) as Record<string, string>;
  const none = null as Current | null;
  const input = {
    id: params.id ?? '',
    organisationId: values.organisationId ?? '',
    name: values.name ?? '',
    role: values.role ?? '',
    expectedVersion: Number(values.expectedVersion),
  };
  const checked = validate(UpdateUserSchema, input);
  if (!checked.ok) return json({ errors: checked.errors, values, conflict: none }, { status: 400 });
  try {
    const { updateUser: result } = await gql(request, UpdateUserMutation, { input: checked.data });
    switch (result.__typename) {
      case 'MutationUpdateUserSuccess':
        return redirect(`/users/${result.data.id}?done=changed`);
      case 'VersionConflict': {
        const { user } = await load(request, params.id);
        const message = 'Someone else changed this user while you were editing. Check their changes below, then save again.';
        return json({ errors: [{ field: 'name', message }] as FieldError[], values, conflict: user }, { status: 409 });
      }
      case 'NotAllowed':
        return json({ errors: [{ field: 'role', message: result.message }], values, conflict: none }, { status: 409 });
      default:
        throw new Response('Not Found', { status: 404 });
    }
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values, conflict: none }, { status: 400 });
    throw error;
  }
}

export default function EditUser() {
  const { organisations, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const conflict = result?.conflict ?? null;
  useErrorTitle(errors.length > 0);
  const values = result?.values ?? { name: user.name, role: user.role, organisationId: user.organisation.id };
  const version = conflict?.version ?? user.version;
  const roleLabel = (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role;
  return (
    <>
      <BackLink href={`/users/${user.id}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={user.email}>Change user</PageHeading>
      {conflict ? (
        <>
          <WarningText>Someone else saved a change to this user. Their version is:</WarningText>
          <SummaryList
            rows={[
              { key: 'Full name', value: conflict.name },
              { key: 'Organisation', value: conflict.organisation.name },
              { key: 'Role', value: roleLabel(conflict.role) },
            ]}
          />
          <p className="govuk-body">Your changes are still in the form below. Save them to replace theirs, or change them first.</p>
        </>
      ) : null}
      <Form method="post" noValidate key={version}>
        <input type="hidden" name="expectedVersion" value={version} />
        <TextInput id="name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={values.name ?? ''} error={errorFor('name')} />
        <Select
          id="organisationId"
          label="Organisation"
          defaultValue={values.organisationId ?? ''}
          error={errorFor('organisationId')}
          options={organisations.map((organisation) => ({
            value: organisation.id,
            text: organisation.kind === 'OPCC' ? `${organisation.name} (OPCC)` : organisation.name,
          }))}
        />
        <Radios
          id="role"
          name="role"
          legend="Role"
          legendSize="s"
          hint="Provider staff belong to a provider; the other roles to the OPCC"
          defaultValue={values.role}
          error={errorFor('role')}
          options={ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }))}
        />
        <Button type="submit">Save changes</Button>
      </Form>
    </>
  );
}
