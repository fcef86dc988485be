// Administrators add a user: organisation, role, name, email. The confirmation shows the one-time set-password link
// (valid for 24 hours, shown once: only its hash is kept).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { CreateUserMutation, NewUserQuery, CreateUserSchema } from './operations.server';
import { PasswordLinkDetails } from './PasswordLinkPanel';
import { BackLink, Button, ButtonGroup, ErrorSummary, PageHeading, Panel, Radios, Select, TextInput, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';
import { ROLES, ROLE_LABELS } from '~/components/format/labels';

export const meta: MetaFunction = () => [{ title: pageTitle('Add a user') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  return json(await gql(request, NewUserQuery));
}

const ROLE_HINTS: Record<string, string> = {
  ADMIN: 'Users, roles, reference data and the audit log (OPCC only)',
  POLICY_OFFICER: 'Manages providers, services and funding, and reviews returns (OPCC only)',
  COMMISSIONER: 'Reads everything, changes nothing (OPCC only)',
  PROVIDER: "Sees and submits their own organisation's returns (providers only)",
};

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const values = formValues(await request.formData()) as Record<string, string>;
  const input = { organisationId: values.organisationId ?? '', email: values.email ?? '', name: values.name ?? '', role: values.role ?? '' };
  const checked = validate(CreateUserSchema, input);
  if (!checked.ok) return json({ errors: checked.errors, values, created: null }, { status: 400 });
  try {
    const { createUser: result } = await gql(request, CreateUserMutation, { input: checked.data });
    if (result.__typename === 'EmailTaken') {
      return json({ errors: [{ field: 'email', message: result.message }] as FieldError[], values, created: null }, { status: 409 });
    }
    const origin = new URL(request.url).origin;
    return json({
      errors: [] as FieldError[],
      values,
      created: { ...result.data, setPasswordUrl: `${origin}${result.data.setPasswordUrl}` },
    });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values, created: null }, { status: 400 });
    throw error;
  }
}

export default function NewUser() {
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  useErrorTitle(errors.length > 0);

  if (result?.created) {
    const { user, setPasswordUrl, expiresAt } = result.created;
    return (
      <>
        <Panel title="User added">
          {user.name} can set their password with the link below
        </Panel>
        <PasswordLinkDetails name={user.name} email={user.email} url={setPasswordUrl} expiresAt={expiresAt} />
        <ButtonGroup>
          <Button href={`/users/${user.id}`}>View {user.name}</Button>
          <Link className="govuk-link" to="/users/new">
            Add another user
          </Link>
        </ButtonGroup>
      </>
    );
  }

  const values = result?.values ?? { organisationId: params.get('organisationId') ?? '' };
  return (
    <>
      <BackLink href="/users">Back to users</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Add a user</PageHeading>
      <Form method="post" noValidate>
        <Select
          id="organisationId"
          label="Organisation"
          defaultValue={values.organisationId ?? ''}
          error={errorFor('organisationId')}
          options={[
            { value: '', text: 'Choose an organisation' },
            ...organisations.map((organisation) => ({
              value: organisation.id,
              text: organisation.kind === 'OPCC' ? `${organisation.name} (OPCC)` : organisation.name,
            })),
          ]}
        />
        <Radios
          id="role"
          name="role"
          legend="Role"
          legendSize="s"
          defaultValue={values.role}
          error={errorFor('role')}
          options={ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], hint: ROLE_HINTS[role] }))}
        />
        <TextInput id="name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={values.name ?? ''} error={errorFor('name')} />
        <TextInput
          id="email"
          label="Email address"
          hint="They sign in with this address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.email ?? ''}
          error={errorFor('email')}
        />
        <Button type="submit">Add user</Button>
      </Form>
    </>
  );
}
