// A service's targets for one financial year: a table per section of its return (measure rows; Annual, Q1-Q4
// columns). Officers and admins change them (every box labelled by its measure and column; errors beside the box
// and in the summary; what was typed is kept); everyone else who can see the service reads them.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { TargetsQuery, UpdateTargetsMutation, UpdateServiceTargetsSchema } from './operations.server';
import {
  BackLink,
  Button,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PageHeading,
  Select,
  Table,
  TextInput,
  WarningText,
  pageTitle,
  useErrorTitle,
  type FieldError,
} from '~/components/ui';
import { formatMoney } from '~/components/format/dates';
import { fieldErrorsOf, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole, requireUser } from '~/utils/session.server';
import { financialYearLabel, financialYearOf, todayInLondon } from '../../../graphql/domain/periods';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Targets for ${financialYearLabel(data.year)} – ${data.service.reference}` : 'Targets') },
];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;
const COLUMNS = ['Annual', 'Q1', 'Q2', 'Q3', 'Q4'];
/** One per column: 0 is the annual target, 1-4 the quarters (as UpdateServiceTargetsSchema takes them). */
const QUARTERS = [0, 1, 2, 3, 4] as const;

const UNIT_WORDS: Record<string, string> = {
  COUNT: 'A number',
  DAYS: 'Days',
  DECIMAL: 'A number, up to 2 decimal places',
  MONEY: 'Pounds and pence',
  PERCENT: 'A percentage',
};
const DIRECTION_WORDS: Record<string, string> = {
  HIGHER_IS_BETTER: 'higher is better',
  LOWER_IS_BETTER: 'lower is better',
  NEUTRAL: '',
};

const fieldId = (code: string, quarter: number) => `${code}-${quarter}`;
const FIELD = /^([A-Z0-9_]+)-([0-4])$/;

async function load(request: Request, id: string, year: number) {
  const data = await gql(request, TargetsQuery, { id, year });
  if (!data.service) throw new Response('Not Found', { status: 404 });
  return { me: data.me, service: data.service };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const requested = Number(url.searchParams.get('year'));
  const current = financialYearOf(todayInLondon());
  let year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : current;
  let { me, service } = await load(request, params.id ?? '', year);
  const first = financialYearOf(service.startDate);
  const last = Math.max(financialYearOf(service.endDate), first);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (!years.includes(year)) {
    year = years.includes(current) ? current : year < first ? first : last;
    ({ me, service } = await load(request, service.id, year));
  }
  const editable = !!me && (OFFICERS as readonly string[]).includes(me.role) && !service.archived;
  return json({ service, years, year, editable, saved: url.searchParams.get('saved') === '1' });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const fields: string[] = [];
  const targets: { measureCode: string; quarter: number; value: string }[] = [];
  for (const [name, value] of form) {
    const match = FIELD.exec(name);
    if (!match) continue;
    fields.push(name);
    targets.push({ measureCode: match[1]!, quarter: Number(match[2]), value: String(value) });
  }
  const values = Object.fromEntries(targets.map((target, index) => [fields[index]!, target.value]));
  const year = Number(form.get('financialYear'));
  const input = { serviceId: params.id ?? '', financialYear: year, expectedVersion: Number(form.get('expectedVersion')), targets };
  const fieldOf = (field: string) => {
    const match = /targets\.(\d+)/.exec(field);
    return match ? (fields[Number(match[1])] ?? fields[0] ?? 'year') : fields[0] ?? 'year';
  };
  const fail = (errors: FieldError[], status: number, conflict = false) =>
    json({ errors: errors.map((error) => ({ ...error, field: fieldOf(error.field) })), values, conflict }, { status });

  const parsed = validate(UpdateServiceTargetsSchema, input);
  if (!parsed.ok) return fail(parsed.errors, 400);
  try {
    const { updateServiceTargets: result } = await gql(request, UpdateTargetsMutation, { input: parsed.data });
    if (result.__typename === 'MutationUpdateServiceTargetsSuccess') {
      return redirect(`/services/${params.id}/targets?year=${year}&saved=1`);
    }
    if (result.__typename === 'VersionConflict') {
      return fail(
        [
          {
            field: '',
            message:
              'Someone else changed this service while you were editing its targets. Nothing was saved: check the targets saved now, shown under the boxes that differ, then save again.',
          },
        ],
        409,
        true,
      );
    }
    return fail([{ field: '', message: 'message' in result ? result.message : 'The targets could not be saved.' }], 409);
  } catch (error) {
    if (error instanceof UserInputError) return fail(fieldErrorsOf(error), 400);
    throw error;
  }
}

function display(value: string, unit: string): string {
  if (unit === 'MONEY') return formatMoney(value);
  if (unit === 'PERCENT') return `${value}%`;
  const [whole, fraction] = value.split('.');
  return `${Number(whole).toLocaleString('en-GB')}${fraction ? `.${fraction}` : ''}`;
}

export default function ServiceTargetsPage() {
  const { service, years, year, editable, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const savedValue = (code: string, quarter: number) =>
    service.targets.find((target) => target.measureCode === code && target.quarter === quarter)?.value ?? '';
  const typed = (field: string) => {
    const value = result?.values[field];
    return typeof value === 'string' ? value : undefined;
  };
  const label = financialYearLabel(year);

  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to the service</BackLink>
      <ErrorSummary errors={errors} />
      {saved && !result ? <NotificationBanner success>{`Targets for ${label} saved`}</NotificationBanner> : null}
      <PageHeading caption={`${service.reference}: ${service.title}`}>Targets for {label}</PageHeading>

      <Form method="get">
        <Select
          id="year"
          label="Financial year"
          defaultValue={String(year)}
          options={years.map((y) => ({ value: String(y), text: financialYearLabel(y) }))}
        />
        <Button type="submit" variant="secondary">
          Show targets
        </Button>
      </Form>

      <InsetText>
        A quarter&apos;s figures are checked against that quarter&apos;s target. Where a quarter has no target of its own, the annual
        target is used: for numbers of people and money, a quarter of it; for days and percentages, as it is. A provider explains a
        missed target in a comment on its return.
      </InsetText>
      {service.archived ? <WarningText>This service is archived: its targets can no longer be changed.</WarningText> : null}
      {result?.conflict ? (
        <WarningText>Someone else saved changes to this service. Your values are kept in the boxes; the targets saved now are shown under any box that differs.</WarningText>
      ) : null}

      {service.targetMeasures.length === 0 ? (
        <p className="govuk-body">This service&apos;s return has no measures that can have targets in {label}.</p>
      ) : editable ? (
        <Form method="post" noValidate key={`${year}-${service.version}`}>
          <input type="hidden" name="financialYear" value={year} />
          <input type="hidden" name="expectedVersion" value={service.version} />
          <p className="govuk-body">Leave a box blank for no target. Clearing a box removes its target.</p>
          {service.targetMeasures.map((section) => (
            <Table
              key={section.code}
              caption={section.title}
              captionSize="m"
              firstCellIsHeader
              scrollLabel={`Targets: ${section.title}`}
              head={['Measure', ...COLUMNS]}
              rowKeys={section.measures.map((measure) => measure.code)}
              rows={section.measures.map((measure) => [
                <MeasureName key="name" label={measure.label} unit={measure.unit} direction={measure.direction} />,
                ...QUARTERS.map((quarter) => {
                  const id = fieldId(measure.code, quarter);
                  const now = savedValue(measure.code, quarter);
                  const mine = typed(id);
                  const differs = result?.conflict && mine !== undefined && mine.trim() !== now;
                  return (
                    <TextInput
                      key={id}
                      id={id}
                      label={<span className="govuk-visually-hidden">{`${measure.label}: ${quarter === 0 ? 'annual' : `Q${quarter}`} target`}</span>}
                      width={measure.unit === 'MONEY' ? '10' : '5'}
                      inputMode={measure.unit === 'COUNT' || measure.unit === 'DAYS' ? 'numeric' : 'decimal'}
                      prefix={measure.unit === 'MONEY' ? '£' : undefined}
                      suffix={measure.unit === 'PERCENT' ? '%' : undefined}
                      hint={differs ? `Saved now: ${now === '' ? 'no target' : display(now, measure.unit)}` : undefined}
                      defaultValue={mine ?? now}
                      error={errorFor(id)}
                      spellCheck={false}
                      autoComplete="off"
                    />
                  );
                }),
              ])}
            />
          ))}
          <Button type="submit">Save targets</Button>
        </Form>
      ) : (
        service.targetMeasures.map((section) => (
          <Table
            key={section.code}
            caption={section.title}
            captionSize="m"
            firstCellIsHeader
            numericColumns={[1, 2, 3, 4, 5]}
            head={['Measure', ...COLUMNS]}
            rowKeys={section.measures.map((measure) => measure.code)}
            rows={section.measures.map((measure) => [
              <MeasureName key="name" label={measure.label} unit={measure.unit} direction={measure.direction} />,
              ...QUARTERS.map((quarter) => {
                const value = savedValue(measure.code, quarter);
                return value === '' ? (
                  <span key={quarter}>
                    <span aria-hidden="true">–</span>
                    <span className="govuk-visually-hidden">No target</span>
                  </span>
                ) : (
                  display(value, measure.unit)
                );
              }),
            ])}
          />
        ))
      )}
    </>
  );
}

function MeasureName({ label, unit, direction }: { label: string; unit: string; direction: string }) {
  const words = [UNIT_WORDS[unit] ?? unit, DIRECTION_WORDS[direction]].filter(Boolean).join(', ');
  return (
    <>
      {label}
      <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-font-weight-regular govuk-!-margin-bottom-0">{words}</span>
    </>
  );
}
