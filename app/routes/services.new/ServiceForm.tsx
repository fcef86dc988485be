// The service form, shared by "Add a service" and "Change a service". Values come back after an error so
// nothing typed is lost; every field has a label and its error beside it.
import { Form } from '@remix-run/react';
import { Button, Checkboxes, Radios, Select, TextInput, Textarea, type FieldError } from '~/components/ui';

export type FormValues = Record<string, string | string[]>;

export interface ServiceFormOptions {
  providers: { id: string; name: string }[];
  officers: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  priorityIssues: { code: string; title: string }[];
  harmTypes: { id: string; name: string }[];
  forums: { id: string; name: string }[];
}

/** The form's fields as the API's input (strings; repeated names as arrays). */
export function inputFromForm(form: FormData) {
  const one = (name: string) => String(form.get(name) ?? '');
  return {
    reference: one('reference').trim().toUpperCase(),
    title: one('title'),
    description: one('description'),
    providerId: one('providerId'),
    leadOfficerId: one('leadOfficerId'),
    startDate: one('startDate'),
    endDate: one('endDate'),
    annualValue: one('annualValue'),
    totalValue: one('totalValue'),
    cohortMinAge: one('cohortMinAge'),
    cohortMaxAge: one('cohortMaxAge'),
    areaIds: form.getAll('areaIds').map(String),
    priorityIssueCodes: form.getAll('priorityIssueCodes').map(String),
    harmTypeIds: form.getAll('harmTypeIds').map(String),
    forumIds: form.getAll('forumIds').map(String),
    riskRating: one('riskRating'),
    riskReason: one('riskReason'),
  };
}

export function ServiceForm({
  options,
  values,
  errors,
  withStatus,
  submitText,
  hidden,
}: {
  options: ServiceFormOptions;
  values: FormValues;
  errors: FieldError[];
  withStatus: boolean;
  submitText: string;
  hidden?: Record<string, string | number>;
}) {
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const text = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  return (
    <Form method="post" noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <h2 className="govuk-heading-m">Contract</h2>
      <TextInput id="reference" label="Reference" hint="For example, OPCC-CSAE-2026-004" width="20" defaultValue={text('reference')} error={errorFor('reference')} spellCheck={false} />
      <TextInput id="title" label="Title" defaultValue={text('title')} error={errorFor('title')} />
      <Textarea id="description" label="Description (optional)" rows={4} defaultValue={text('description')} error={errorFor('description')} />
      <Select
        id="providerId"
        label="Provider"
        defaultValue={text('providerId')}
        error={errorFor('providerId')}
        options={[{ value: '', text: 'Choose a provider' }, ...options.providers.map((p) => ({ value: p.id, text: p.name }))]}
      />
      <Select
        id="leadOfficerId"
        label="Lead officer (optional)"
        defaultValue={text('leadOfficerId')}
        error={errorFor('leadOfficerId')}
        options={[{ value: '', text: 'Not assigned' }, ...options.officers.map((o) => ({ value: o.id, text: o.name }))]}
      />
      {withStatus ? (
        <Radios
          id="status"
          name="status"
          legend="Status"
          legendSize="s"
          defaultValue={text('status')}
          error={errorFor('status')}
          options={[
            { value: 'PLANNED', text: 'Planned', hint: 'Not started yet' },
            { value: 'ACTIVE', text: 'Active', hint: 'Already delivering' },
          ]}
        />
      ) : null}
      <h2 className="govuk-heading-m">Dates and values</h2>
      <TextInput id="startDate" label="Start date" type="date" hint="For example, 2026-04-01" defaultValue={text('startDate')} error={errorFor('startDate')} />
      <TextInput id="endDate" label="End date" type="date" hint="For example, 2028-03-31" defaultValue={text('endDate')} error={errorFor('endDate')} />
      <TextInput id="annualValue" label="Annual value" prefix="£" width="10" inputMode="decimal" defaultValue={text('annualValue')} error={errorFor('annualValue')} />
      <TextInput id="totalValue" label="Total value" prefix="£" width="10" inputMode="decimal" defaultValue={text('totalValue')} error={errorFor('totalValue')} />
      <h2 className="govuk-heading-m">Who it is for</h2>
      <TextInput id="cohortMinAge" label="Youngest age (optional)" width="3" inputMode="numeric" defaultValue={text('cohortMinAge')} error={errorFor('cohortMinAge')} />
      <TextInput id="cohortMaxAge" label="Oldest age (optional)" width="3" inputMode="numeric" defaultValue={text('cohortMaxAge')} error={errorFor('cohortMaxAge')} />
      <Checkboxes
        id="areaIds"
        name="areaIds"
        legend="Areas"
        legendSize="s"
        small
        defaultValues={list('areaIds')}
        error={errorFor('areaIds')}
        options={options.areas.map((a) => ({ value: a.id, text: a.name }))}
      />
      <Checkboxes
        id="priorityIssueCodes"
        name="priorityIssueCodes"
        legend="Priority issues it addresses"
        legendSize="s"
        hint="Choose at least one"
        small
        defaultValues={list('priorityIssueCodes')}
        error={errorFor('priorityIssueCodes')}
        options={options.priorityIssues.map((i) => ({ value: i.code, text: i.title }))}
      />
      <Checkboxes
        id="harmTypeIds"
        name="harmTypeIds"
        legend="Forms of harm (optional)"
        legendSize="s"
        small
        defaultValues={list('harmTypeIds')}
        error={errorFor('harmTypeIds')}
        options={options.harmTypes.map((h) => ({ value: h.id, text: h.name }))}
      />
      <Checkboxes
        id="forumIds"
        name="forumIds"
        legend="Partnership forums it reports to (optional)"
        legendSize="s"
        small
        defaultValues={list('forumIds')}
        error={errorFor('forumIds')}
        options={options.forums.map((f) => ({ value: f.id, text: f.name }))}
      />
      <h2 className="govuk-heading-m">Risk</h2>
      <Radios
        id="riskRating"
        name="riskRating"
        legend="Risk rating"
        legendSize="s"
        inline
        defaultValue={text('riskRating') || 'GREEN'}
        error={errorFor('riskRating')}
        options={[
          { value: 'GREEN', text: 'Green' },
          { value: 'AMBER', text: 'Amber' },
          { value: 'RED', text: 'Red' },
        ]}
      />
      <Textarea id="riskReason" label="Reason for the risk rating" hint="Required for amber or red" rows={3} defaultValue={text('riskReason')} error={errorFor('riskReason')} />
      <Button type="submit">{submitText}</Button>
    </Form>
  );
}
