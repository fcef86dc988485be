// Create an API token: a name, (for administrators) the provider, an optional expiry date. The confirmation shows
// the token once (only its hash is kept) with an example request.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CreateApiTokenMutation, NewApiTokenQuery, CreateApiTokenSchema } from './operations.server';
import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  InsetText,
  PageHeading,
  Panel,
  Select,
  SummaryList,
  TextInput,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Create an API token') }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN', 'PROVIDER']);
  return json(await gql(request, NewApiTokenQuery));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ['ADMIN', 'PROVIDER']);
  const values = formValues(await request.formData()) as Record<string, string>;
  const input = {
    name: values.name ?? '',
    expiresAt: values.expiresAt ?? '',
    ...(user.role === 'ADMIN' ? { organisationId: values.organisationId ?? '' } : {}),
  };
  const checked = validate(CreateApiTokenSchema, input);
  if (!checked.ok) return json({ errors: checked.errors, values, created: null }, { status: 400 });
  try {
    const { createApiToken: result } = await gql(request, CreateApiTokenMutation, { input: checked.data });
    if (result.__typename === 'NameTaken') {
      return json({ errors: [{ field: 'name', message: result.message }] as FieldError[], values, created: null }, { status: 409 });
    }
    return json({ errors: [] as FieldError[], values, created: { ...result.data, portal: new URL(request.url).origin } });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values, created: null }, { status: 400 });
    throw error;
  }
}

export default function NewApiToken() {
  const { me, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  useErrorTitle(errors.length > 0);
  const isAdmin = me?.role === 'ADMIN';

  if (result?.created) {
    const { token, apiToken, portal } = result.created;
    const curl = `curl -H "Authorization: Bearer ${token}" -H 'content-type: application/json' -d '{"query":"{ organisations { name } }"}' ${portal}/graphql`;
    return (
      <>
        <Panel title="API token created">
          “{apiToken.name}” for {apiToken.organisation.name}
        </Panel>
        <WarningText>
          This is the only time the token is shown: copy it now and keep it secret. The portal keeps only a fingerprint of
          it and cannot show it again. If it is lost, revoke it and create another.
        </WarningText>
        <SummaryList
          rows={[
            {
              key: 'Token',
              value: (
                <code id="api-token" style={{ overflowWrap: 'anywhere' }}>
                  {token}
                </code>
              ),
            },
            { key: 'Name', value: apiToken.name },
            { key: 'Organisation', value: apiToken.organisation.name },
            { key: 'Expires', value: apiToken.expiresAt ? formatDate(apiToken.expiresAt) : 'Never (until revoked)' },
          ]}
        />
        <h2 className="govuk-heading-m">Try it</h2>
        <p className="govuk-body">Send the token in the Authorization header of each request to the API, for example:</p>
        <InsetText>
          <code id="example-request" style={{ overflowWrap: 'anywhere' }}>
            {curl}
          </code>
        </InsetText>
        <ButtonGroup>
          <Button href="/api-tokens">Back to API tokens</Button>
        </ButtonGroup>
      </>
    );
  }

  const values = result?.values ?? {};
  return (
    <>
      <BackLink href="/api-tokens">Back to API tokens</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={isAdmin ? undefined : me?.organisation.name}>Create an API token</PageHeading>
      <Form method="post" noValidate>
        {isAdmin ? (
          <Select
            id="organisationId"
            label="Provider"
            hint="The token acts for this provider, with the provider role"
            defaultValue={values.organisationId ?? ''}
            error={errorFor('organisationId')}
            options={[{ value: '', text: 'Choose a provider' }, ...organisations.map((organisation) => ({ value: organisation.id, text: organisation.name }))]}
          />
        ) : null}
        <TextInput
          id="name"
          label="Name"
          hint="So you can recognise it later, for example the name of the case-management system"
          autoComplete="off"
          defaultValue={values.name ?? ''}
          error={errorFor('name')}
        />
        <TextInput
          id="expiresAt"
          label="Expiry date (optional)"
          hint="The token stops working at the start of this day. Up to 2 years from today, as YYYY-MM-DD, for example 2027-03-31. Leave blank for a token that works until revoked."
          width="10"
          autoComplete="off"
          inputMode="numeric"
          defaultValue={values.expiresAt ?? ''}
          error={errorFor('expiresAt')}
        />
        <ButtonGroup>
          <Button type="submit">Create token</Button>
          <Link className="govuk-link" to="/api-tokens">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
