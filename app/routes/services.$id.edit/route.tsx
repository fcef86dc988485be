// Officers change a service's details. The form carries the version it edits: if someone else saved first, the
// page shows what they changed, keeps everything this user typed, and nothing is overwritten.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EditServiceQuery, UpdateServiceMutation, UpdateServiceSchema } from './operations.server';
import { serviceFormOptions } from '../services.new/options.server';
import { inputFromForm, ServiceForm, type FormValues } from '../services.new/ServiceForm';
import { BackLink, ErrorSummary, PageHeading, Table, WarningText, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { fieldErrorsOf, formValues, validate } from '~/utils/forms.server';
import { gql, UserInputError } from '~/utils/graphql.server';
import { requireRole } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(`Change ${data?.service.reference ?? 'service'}`) }];

const OFFICERS = ['ADMIN', 'POLICY_OFFICER'] as const;

async function loadService(request: Request, id: string) {
  const { service } = await gql(request, EditServiceQuery, { id });
  if (!service || service.archived) throw new Response('Not Found', { status: 404 });
  return service;
}
type Service = Awaited<ReturnType<typeof loadService>>;

function valuesOf(service: Service): FormValues {
  return {
    reference: service.reference,
    title: service.title,
    description: service.description ?? '',
    providerId: service.provider.id,
    leadOfficerId: service.leadOfficer?.id ?? '',
    startDate: service.startDate,
    endDate: service.endDate,
    annualValue: service.annualValue,
    totalValue: service.totalValue,
    cohortMinAge: service.cohortMinAge === null ? '' : String(service.cohortMinAge),
    cohortMaxAge: service.cohortMaxAge === null ? '' : String(service.cohortMaxAge),
    areaIds: service.areas.map((a) => a.id),
    priorityIssueCodes: service.priorityIssues.map((i) => i.code),
    harmTypeIds: service.harmTypes.map((h) => h.id),
    forumIds: service.forums.map((f) => f.id),
    riskRating: service.riskRating,
    riskReason: service.riskReason ?? '',
  };
}

const LABELS: Record<string, string> = {
  reference: 'Reference',
  title: 'Title',
  description: 'Description',
  providerId: 'Provider',
  leadOfficerId: 'Lead officer',
  startDate: 'Start date',
  endDate: 'End date',
  annualValue: 'Annual value',
  totalValue: 'Total value',
  cohortMinAge: 'Youngest age',
  cohortMaxAge: 'Oldest age',
  areaIds: 'Areas',
  priorityIssueCodes: 'Priority issues',
  harmTypeIds: 'Forms of harm',
  forumIds: 'Partnership forums',
  riskRating: 'Risk rating',
  riskReason: 'Reason for the risk rating',
};

/** What the other person's save changed, in words: field, what this user started from, what it is now. */
function changesMeanwhile(before: Service, now: Service) {
  const describe = (service: Service, field: string): string => {
    switch (field) {
      case 'providerId':
        return service.provider.name;
      case 'leadOfficerId':
        return service.leadOfficer?.name ?? 'Not assigned';
      case 'areaIds':
        return service.areas.map((a) => a.name).join(', ') || 'None';
      case 'priorityIssueCodes':
        return service.priorityIssues.map((i) => i.title).join(', ') || 'None';
      case 'harmTypeIds':
        return service.harmTypes.map((h) => h.name).join(', ') || 'None';
      case 'forumIds':
        return service.forums.map((f) => f.name).join(', ') || 'None';
      default: {
        const value = valuesOf(service)[field];
        return (Array.isArray(value) ? value.join(', ') : value) || 'Blank';
      }
    }
  };
  return Object.keys(LABELS)
    .map((field) => ({ field: LABELS[field]!, before: describe(before, field), now: describe(now, field) }))
    .filter((row) => row.before !== row.now);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, OFFICERS);
  const service = await loadService(request, params.id ?? '');
  return json({ service, values: valuesOf(service), options: await serviceFormOptions(request) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, OFFICERS);
  const form = await request.formData();
  const values = formValues(form);
  const expectedVersion = Number(form.get('expectedVersion'));
  const input = { id: params.id ?? '', ...inputFromForm(form), expectedVersion };
  const parsed = validate(UpdateServiceSchema, input);
  const noConflict = { conflict: null, version: expectedVersion };
  if (!parsed.ok) return json({ errors: parsed.errors, values, ...noConflict }, { status: 400 });
  try {
    const { updateCommissionedService: result } = await gql(request, UpdateServiceMutation, { input: parsed.data });
    switch (result.__typename) {
      case 'MutationUpdateCommissionedServiceSuccess':
        return redirect(`/services/${result.data.id}?saved=updated`);
      case 'VersionConflict': {
        const now = await loadService(request, params.id ?? '');
        const before = JSON.parse(String(form.get('snapshot') ?? 'null')) as Service | null;
        return json(
          {
            errors: [
              {
                field: 'reference',
                message: 'Someone else changed this service while you were editing it. Check their changes, then save again.',
              },
            ] as FieldError[],
            values,
            conflict: { changes: before ? changesMeanwhile(before, now) : [], snapshot: now },
            version: now.version,
          },
          { status: 409 },
        );
      }
      case 'ReferenceTaken':
        return json({ errors: [{ field: 'reference', message: result.message }], values, ...noConflict }, { status: 409 });
      default:
        throw new Response('Not Found', { status: 404 });
    }
  } catch (error) {
    if (error instanceof UserInputError) return json({ errors: fieldErrorsOf(error), values, ...noConflict }, { status: 400 });
    throw error;
  }
}

export default function EditService() {
  const { service, values, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  const conflict = result?.conflict ?? null;
  const version = result?.version ?? service.version;
  const snapshot = conflict?.snapshot ?? service;
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to the service</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={service.reference}>Change the service</PageHeading>
      {conflict ? (
        <>
          <WarningText>Someone else saved a change to this service while you were editing it.</WarningText>
          {conflict.changes.length ? (
            <Table
              caption="What they changed"
              captionSize="s"
              firstCellIsHeader
              head={['Field', 'Before', 'Now']}
              rowKeys={conflict.changes.map((change) => change.field)}
              rows={conflict.changes.map((change) => [change.field, change.before, change.now])}
            />
          ) : null}
          <p className="govuk-body">Your changes are still in the form below. Save to apply them on top of theirs, or change them first.</p>
        </>
      ) : null}
      <ServiceForm
        key={version}
        options={options}
        values={result?.values ?? values}
        errors={errors}
        withStatus={false}
        submitText="Save changes"
        hidden={{ expectedVersion: version, snapshot: JSON.stringify(snapshot) }}
      />
    </>
  );
}
