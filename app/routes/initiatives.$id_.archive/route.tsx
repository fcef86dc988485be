// Archiving an initiative asks for confirmation first: it leaves the lists; its links and funding history stay.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ArchiveInitiativeMutation, ArchiveInitiativeQuery } from './operations.server';
import { BackLink, Button, ButtonGroup, ErrorSummary, PageHeading, WarningText, pageTitle, useErrorTitle } from '~/components/ui';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Archive ${data.initiative.name}` : 'Archive initiative') },
];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const { initiative } = await gql(request, ArchiveInitiativeQuery, { id: params.id ?? '' });
  if (!initiative || initiative.archived) throw new Response('Not Found', { status: 404 });
  return json({ initiative });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  // A version or id that is not one (a page changed by hand, or out of date) is the sender's mistake: 400, never a
  // 500 (found by the fuzz tests, tests/e2e/fuzz-forms.test.ts).
  const answer = await gql(request, ArchiveInitiativeMutation, {
    input: { id: params.id ?? '', expectedVersion: Number(form.get('expectedVersion')) },
  }).catch((error: unknown) => {
    if (error instanceof UserInputError) return null;
    throw error;
  });
  if (!answer) {
    return json({ errors: [{ field: 'confirm', message: 'This page is out of date: reload it, then archive the initiative again.' }] }, { status: 400 });
  }
  const { archiveInitiative: result } = answer;
  if (result.__typename === 'MutationArchiveInitiativeSuccess') return redirect('/initiatives?archived=1');
  if (result.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
  return json(
    {
      errors: [
        {
          field: 'confirm',
          message: 'Someone else changed this initiative since you opened this page. Check it, then archive it again if you still need to.',
        },
      ],
    },
    { status: 409 },
  );
}

export default function ArchiveInitiative() {
  const { initiative } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const services = initiative.services.length;
  return (
    <>
      <BackLink href={`/initiatives/${initiative.id}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={initiative.name}>Are you sure you want to archive this initiative?</PageHeading>
      <WarningText>
        {services === 0
          ? 'It will be hidden from lists.'
          : `It will be hidden from lists. ${services === 1 ? '1 service funds' : `${services} services fund`} it: their funding history is kept.`}
      </WarningText>
      <Form method="post">
        <input type="hidden" name="expectedVersion" value={initiative.version} />
        <ButtonGroup>
          <Button id="confirm" type="submit" variant="warning">
            Yes, archive {initiative.name}
          </Button>
          <Link className="govuk-link" to={`/initiatives/${initiative.id}`}>
            No, go back
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
