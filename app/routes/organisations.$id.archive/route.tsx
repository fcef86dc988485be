// Archiving a provider asks for confirmation first: it hides the provider, and its users can no longer sign in.
// Nothing is deleted.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ArchiveOrganisationMutation, ArchiveOrganisationQuery } from './operations.server';
import { BackLink, Button, ButtonGroup, ErrorSummary, PageHeading, WarningText, pageTitle, useErrorTitle } from '~/components/ui';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Archive ${data.organisation.name}` : 'Archive provider') },
];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const { organisation } = await gql(request, ArchiveOrganisationQuery, { id: params.id ?? '' });
  if (!organisation) throw new Response('Not Found', { status: 404 });
  if (organisation.archived || organisation.kind !== 'PROVIDER') throw redirect(`/organisations/${organisation.id}`);
  return json({ organisation });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  // A version or id that is not one (a page changed by hand, or out of date) is the sender's mistake: 400, never a
  // 500 (found by the fuzz tests, tests/e2e/fuzz-forms.test.ts).
  const answer = await gql(request, ArchiveOrganisationMutation, {
    input: { id: params.id ?? '', expectedVersion: Number(form.get('expectedVersion')) },
  }).catch((error: unknown) => {
    if (error instanceof UserInputError) return null;
    throw error;
  });
  if (!answer) {
    return json({ errors: [{ field: 'confirm', message: 'This page is out of date: reload it, then archive the provider again.' }] }, { status: 400 });
  }
  const { archiveOrganisation: result } = answer;
  if (result.__typename === 'MutationArchiveOrganisationSuccess') return redirect(`/organisations/${result.data.id}?saved=archived`);
  if (result.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
  const message =
    result.__typename === 'VersionConflict'
      ? 'Someone else changed this provider since you opened this page. Check the provider, then archive it again if you still need to.'
      : result.message;
  return json({ errors: [{ field: 'confirm', message }] }, { status: 409 });
}

export default function ArchiveOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const people = organisation.users.length;
  return (
    <>
      <BackLink href={`/organisations/${organisation.id}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={organisation.name}>Are you sure you want to archive this provider?</PageHeading>
      <WarningText>
        {people === 0
          ? 'It will be hidden from lists.'
          : `It will be hidden from lists and its ${people === 1 ? '1 user' : `${people} users`} will no longer be able to sign in.`}
      </WarningText>
      <p className="govuk-body">Nothing is deleted: its services, returns and history are kept.</p>
      <Form method="post">
        <input type="hidden" name="expectedVersion" value={organisation.version} />
        <ButtonGroup>
          <Button id="confirm" type="submit" variant="warning">
            Yes, archive {organisation.name}
          </Button>
          <Link className="govuk-link" to={`/organisations/${organisation.id}`}>
            No, go back
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
