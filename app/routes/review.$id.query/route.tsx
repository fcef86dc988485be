// Raise a query on one value of a return (or the whole return): the value as the provider gave it, and the question.
// The provider's users are told in the portal; the thread continues on /queries/<id>.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { RaiseReturnQueryMutation, ReviewRaiseQueryPageQuery, RaiseReturnQuerySchema } from './operations.server';
import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  PageHeading,
  SummaryList,
  Textarea,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { formatFigure } from '~/components/review/SectionFigures';
import { fieldName } from '~/components/review/status';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Raise a query') }];

async function load(request: Request, id: string) {
  const url = new URL(request.url);
  const measureCode = url.searchParams.get('measure') || null;
  const option = url.searchParams.get('option') || null;
  const { performanceReturn: ret } = await gql(request, ReviewRaiseQueryPageQuery, { id });
  if (!ret) throw new Response('Not Found', { status: 404 });
  let field: {
    measureCode: string;
    option: string | null;
    label: string;
    optionLabel: string | null;
    value: string;
    comment: string | null;
  } | null = null;
  if (measureCode) {
    const measure = ret.history.sections.flatMap((section) => section.measures).find((candidate) => candidate.code === measureCode);
    if (!measure) throw new Response('Not Found', { status: 404 });
    const cell = option ? measure.cells.find((candidate) => candidate.breakdownOption === option) : null;
    if (option && !cell) throw new Response('Not Found', { status: 404 });
    field = {
      measureCode,
      option,
      label: measure.label,
      optionLabel: cell?.optionLabel ?? null,
      value: formatFigure(cell ? cell.value : measure.current, measure.unit),
      comment: (cell ? cell.comment : measure.comment) ?? null,
    };
  }
  return { ret: { id: ret.id, submittedAt: ret.submittedAt, service: ret.service, period: ret.period }, field };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  return json(await load(request, params.id ?? ''));
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ['ADMIN', 'POLICY_OFFICER']);
  const { ret, field } = await load(request, params.id ?? '');
  const values = formValues(await request.formData()) as Record<string, string>;
  const checked = validate(RaiseReturnQuerySchema, {
    returnId: ret.id,
    measureCode: field?.measureCode ?? null,
    breakdownOption: field?.option ?? null,
    message: values.message ?? '',
  });
  if (!checked.ok) return json({ errors: checked.errors, values }, { status: 400 });
  try {
    const { raiseReturnQuery: result } = await gql(request, RaiseReturnQueryMutation, { input: checked.data });
    if (result.__typename === 'MutationRaiseReturnQuerySuccess') return redirect(`/queries/${result.data.id}?raised=1`);
    if (result.__typename === 'NotFound') throw new Response('Not Found', { status: 404 });
    return json({ errors: [{ field: 'message', message: result.message }] as FieldError[], values }, { status: 409 });
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values }, { status: 400 });
    throw error;
  }
}

export default function RaiseQuery() {
  const { ret, field } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The question is the only field: every problem points to it.
  const errors = (result?.errors ?? []).map((error) => ({ ...error, field: 'message' }));
  useErrorTitle(errors.length > 0);
  const about = field ? fieldName(field.label, field.optionLabel) : 'The whole return';
  return (
    <>
      <BackLink href={`/review/${ret.id}`}>Back to the return</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`${ret.service.reference}: ${ret.service.title}, ${ret.period.label}`}>Raise a query</PageHeading>
      <SummaryList
        rows={[
          { key: 'Provider', value: ret.service.provider.name },
          { key: 'About', value: about },
          ...(field
            ? [
                { key: 'Value given', value: field.value },
                { key: "Provider's comment", value: field.comment ?? 'None' },
              ]
            : []),
        ]}
      />
      {ret.submittedAt ? (
        <Form method="post" noValidate>
          <Textarea
            id="message"
            label="Your question"
            labelSize="m"
            hint="The provider's users are told about it in the portal and answer here. Do not include anything that could identify a child."
            rows={5}
            defaultValue={(result?.values as Record<string, string> | undefined)?.message ?? ''}
            error={errors.find((error) => error.field === 'message')?.message}
          />
          <ButtonGroup>
            <Button type="submit">Send query</Button>
            <Link className="govuk-link" to={`/review/${ret.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      ) : (
        <p className="govuk-body">The return has not been submitted yet: you can ask about it once it has.</p>
      )}
    </>
  );
}
