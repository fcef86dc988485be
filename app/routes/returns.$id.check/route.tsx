// "Check your answers": every section's answers with Change links, every check again (HARD ones and unexplained
// SOFT ones stop the submission, listed in an error summary that links to the answer), likely identifiers in the
// narrative, then the declaration and Submit. Read-only (no declaration) for anyone who cannot submit it now.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ReturnCheckAnswersQuery, SubmitMutation, DeclarationFormSchema } from './operations.server';
import {
  BackLink,
  Button,
  Checkboxes,
  ErrorMessage,
  ErrorSummary,
  InsetText,
  PageHeading,
  TextInput,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { SectionAnswers } from '~/components/return/Answers';
import { blockingFailures, failuresByMeasure, fromApiResults, identifierWarnings, type CheckResult } from '~/components/return/checks';
import {
  fieldIdsOf,
  fieldOfProblem,
  fieldsFromValues,
  formSections,
  measureAnswered,
  measureOfField,
  measureProblems,
  type FormMeasure,
} from '~/components/return/model';
import { isOpenStatus } from '~/components/return/status';
import { validate } from '~/utils/forms.server';
import { gql } from '~/utils/graphql.server';
import { requireRole, requireUser } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: pageTitle(data ? `Check your answers: ${data.ret.period.label} return` : 'Check your answers'),
  },
];

async function load(request: Request, id: string) {
  const { me, performanceReturn } = await gql(request, ReturnCheckAnswersQuery, { id });
  if (!performanceReturn) throw new Response('Not Found', { status: 404 });
  const { values, form, checks, ...ret } = performanceReturn;
  const sections = formSections(form.sections);
  const fields = fieldsFromValues(
    sections.flatMap((s) => s.measures),
    values,
  );
  const results = fromApiResults(checks);
  const editable = me?.role === 'PROVIDER' && isOpenStatus(ret.status) && !ret.locked;
  // What stops the submission, each linked to its answer on this page.
  const issues: FieldError[] = [];
  for (const section of sections) {
    let unanswered = 0;
    for (const measure of section.measures) {
      const problem = measureProblems(measure, fields)[0];
      if (problem) issues.push({ field: `answer--${measure.code}`, message: problem.message });
      else if (!measureAnswered(measure, fields)) unanswered += 1;
    }
    if (unanswered) {
      issues.push({
        field: `section--${section.code}`,
        message: `${section.title}: ${
          unanswered === 1 ? '1 question has' : `${unanswered} questions have`
        } no answer yet (0 is an answer; a blank needs a reason)`,
      });
    }
  }
  for (const result of blockingFailures(results)) {
    const code = result.severity === 'SOFT' ? result.explainedBy ?? result.measures[0] : result.measures[0];
    issues.push({
      field: `answer--${code ?? ''}`,
      message: result.severity === 'SOFT' ? `${result.message}` : result.message,
    });
  }
  const narrative = sections.filter((s) => s.code !== 'ABOUT').flatMap((s) => s.measures.filter((m) => m.unit === 'TEXT'));
  const identifiers = Object.fromEntries(identifierWarnings(narrative, fields));
  return { ret, sections, fields, results, editable, issues, identifiers };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(await load(request, params.id ?? ''));
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['PROVIDER']);
  const { ret, issues } = await load(request, params.id ?? '');
  const form = await request.formData();
  const values = {
    declarationName: String(form.get('declarationName') ?? ''),
    confirmed: form.get('confirmed') === null ? null : String(form.get('confirmed')),
  };
  const parsed = validate(DeclarationFormSchema, {
    ...values,
    returnId: ret.id,
    expectedVersion: Number(form.get('expectedVersion')),
  });
  const formErrors = parsed.ok
    ? []
    : parsed.errors.map((e) => ({
        field: e.field === 'expectedVersion' ? 'declarationName' : e.field,
        message: e.message,
      }));
  if (issues.length || !parsed.ok) return json({ errors: [...issues, ...formErrors], values }, { status: 400 });

  const { submitReturn: result } = await gql(request, SubmitMutation, {
    input: {
      returnId: ret.id,
      declarationName: parsed.data.declarationName,
      expectedVersion: parsed.data.expectedVersion,
    },
  });
  if (result.__typename === 'MutationSubmitReturnSuccess') return redirect(`/returns/${ret.id}/confirmation`);
  const errors: FieldError[] =
    result.__typename === 'ValidationFailed'
      ? result.problems.map((p) => ({
          field: `answer--${measureOfField(fieldOfProblem(p.field))}`,
          message: p.message,
        }))
      : result.__typename === 'VersionConflict'
      ? [
          {
            field: 'declarationName',
            message: 'The return was changed while you were checking it (perhaps in another tab). Check your answers again, then submit.',
          },
        ]
      : [{ field: 'declarationName', message: result.message }];
  return json({ errors, values }, { status: 409 });
}

function checkNotes(measure: FormMeasure, failed: CheckResult[], identifiers: { message: string; start: number; kind: string }[]): ReactNode {
  if (!failed.length && !identifiers.length) return null;
  return (
    <>
      {failed.map((result) =>
        result.severity === 'HARD' ? (
          <ErrorMessage key={result.code} id={`check--${measure.code}-${result.code}`}>
            {result.message}
          </ErrorMessage>
        ) : (
          <p key={result.code} className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>Check:</strong> {result.message}{' '}
            {result.explainedBy === measure.code ? (result.explained ? 'Explained in the comment.' : 'This needs a comment.') : null}
          </p>
        ),
      )}
      {identifiers.length ? (
        <>
          <WarningText>This may identify someone:</WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {identifiers.map((w) => (
              <li key={`${w.kind}-${w.start}`}>{w.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export default function CheckAnswersPage() {
  const { ret, sections, fields, results, editable, issues, identifiers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? (editable ? issues : []);
  useErrorTitle(!!result && errors.length > 0);
  const byMeasure = failuresByMeasure(results);
  const errorFor = (field: string) => result?.errors.find((e) => e.field === field)?.message;
  const anyIdentifiers = Object.keys(identifiers).length > 0;

  return (
    <>
      <BackLink href={`/returns/${ret.id}`}>Back to the return</BackLink>
      <ErrorSummary errors={errors} title={result ? 'There is a problem' : 'You cannot submit this return yet'} />
      <PageHeading caption={`${ret.service.title}: ${ret.period.label}`}>
        {editable ? 'Check your answers before submitting your return' : 'Answers'}
      </PageHeading>
      {anyIdentifiers ? (
        <WarningText>
          Some narrative answers may identify a child or family. Check the words quoted under them below and change them before you submit.
        </WarningText>
      ) : null}
      {sections.map((section) => (
        <section key={section.code} id={`section--${section.code}`} aria-labelledby={`heading--${section.code}`} tabIndex={-1}>
          <h2 className="govuk-heading-m" id={`heading--${section.code}`}>
            {section.title}
          </h2>
          <SectionAnswers
            section={section}
            fields={fields}
            changeHref={editable ? (m) => `/returns/${ret.id}/sections/${section.code.toLowerCase()}#${fieldIdsOf(m)[0]}` : undefined}
            extra={(m) => checkNotes(m, byMeasure.get(m.code) ?? [], identifiers[m.code] ?? [])}
          />
        </section>
      ))}
      {editable ? (
        <>
          <h2 className="govuk-heading-m">Declaration</h2>
          {issues.length ? (
            <InsetText>
              Put right the {issues.length === 1 ? 'problem' : `${issues.length} problems`} listed at the top of this page first: until then the
              return cannot be submitted.
            </InsetText>
          ) : null}
          <p className="govuk-body">
            By submitting this return you confirm that, to the best of your knowledge, the figures and answers are complete and accurate, and that
            nothing in it identifies a child or family.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="expectedVersion" value={ret.version} />
            <TextInput
              id="declarationName"
              label="Your full name"
              autoComplete="name"
              spellCheck={false}
              width="20"
              defaultValue={result?.values.declarationName ?? ''}
              error={errorFor('declarationName')}
            />
            <Checkboxes
              id="confirmed"
              name="confirmed"
              legend="Declaration"
              legendSize="s"
              error={errorFor('confirmed')}
              defaultValues={result?.values.confirmed ? [result.values.confirmed] : []}
              options={[
                {
                  value: 'yes',
                  text: 'I confirm that the information in this return is complete and accurate to the best of my knowledge',
                },
              ]}
            />
            <Button type="submit">Submit return</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
