// Admins keep a priority issue's title and summary up to date. The form carries the version it edits: if someone
// else saved first, the page says so and shows their text, and nothing is overwritten.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { EditQuery, UpdateMutation, UpdatePriorityIssueSchema } from './operations.server';
import {
  BackLink,
  Button,
  ErrorSummary,
  PageHeading,
  SummaryList,
  TextInput,
  Textarea,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';



export const meta: MetaFunction = () => [{ title: pageTitle('Change priority issue') }];

async function findIssue(request: Request, code: string | undefined) {
  const { priorityIssues } = await gql(request, EditQuery);
  const issue = priorityIssues.find((candidate) => candidate.code === code);
  if (!issue) throw new Response('Not Found', { status: 404 });
  return issue;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  return json({ issue: await findIssue(request, params.code) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN']);
  const form = await request.formData();
  const values = {
    title: String(form.get('title') ?? ''),
    description: String(form.get('description') ?? ''),
  };
  const input = { code: params.code ?? '', ...values, expectedVersion: Number(form.get('expectedVersion')) };
  const parsed = UpdatePriorityIssueSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
    return json({ errors, values, conflict: null }, { status: 400 });
  }
  try {
    const { updatePriorityIssue: result } = await gql(request, UpdateMutation, { input: parsed.data });
    if (result.__typename === 'MutationUpdatePriorityIssueSuccess') {
      return redirect(`/priority-issues/${result.data.code}?saved=1`);
    }
    if (result.__typename === 'VersionConflict') {
      const current = await findIssue(request, params.code);
      return json(
        {
          errors: [{ field: 'title', message: 'Someone else changed this priority issue while you were editing it. Check their changes below, then save again.' }],
          values,
          conflict: current,
        },
        { status: 409 },
      );
    }
    throw new Response('Not Found', { status: 404 });
  } catch (error) {
    if (error instanceof UserInputError) {
      const errors = error.fieldErrors().map((e) => ({ field: e.field.split('.').pop() || 'title', message: e.message }));
      return json({ errors, values, conflict: null }, { status: 400 });
    }
    throw error;
  }
}

export default function EditPriorityIssue() {
  const { issue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const conflict = result?.conflict ?? null;
  useErrorTitle(errors.length > 0);
  // After a conflict the form edits the newest version, keeping what this user typed.
  const version = conflict?.version ?? issue.version;
  return (
    <>
      <BackLink href={`/priority-issues/${issue.code}`}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={issue.code}>Change priority issue</PageHeading>
      {conflict ? (
        <>
          <WarningText>Someone else saved a change to this priority issue. Their version is:</WarningText>
          <SummaryList
            rows={[
              { key: 'Title', value: conflict.title },
              { key: 'Summary', value: conflict.description },
            ]}
          />
          <p className="govuk-body">Your text is still in the form below. Save it to replace theirs, or change it first.</p>
        </>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="expectedVersion" value={version} />
        <TextInput id="title" label="Title" defaultValue={result?.values.title ?? issue.title} error={errorFor('title')} />
        <Textarea
          id="description"
          label="Summary"
          hint="One or two sentences. The briefing's own words are kept separately and do not change."
          rows={4}
          defaultValue={result?.values.description ?? issue.description}
          error={errorFor('description')}
        />
        <Button type="submit">Save</Button>
      </Form>
    </>
  );
}
