// The initiative form, shared by /initiatives/new and /initiatives/$id/edit.
import { Form, Link } from '@remix-run/react';
import { Button, ButtonGroup, Radios, TextInput, Textarea, type FieldError } from '~/components/ui';
import { INITIATIVE_STATUSES, INITIATIVE_STATUS_LABELS } from '~/components/format/labels';

export type InitiativeValues = Partial<Record<'name' | 'description' | 'leadPartner' | 'status', string>>;

export function initiativeInput(form: FormData) {
  return {
    name: String(form.get('name') ?? ''),
    description: String(form.get('description') ?? ''),
    leadPartner: String(form.get('leadPartner') ?? ''),
    status: String(form.get('status') ?? ''),
  };
}

export function InitiativeForm({
  values,
  errors,
  version,
  submitText,
  cancelHref,
}: {
  values: InitiativeValues;
  errors: FieldError[];
  version?: number;
  submitText: string;
  cancelHref: string;
}) {
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Form method="post" noValidate key={version}>
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <TextInput id="name" label="Name" defaultValue={values.name ?? ''} error={errorFor('name')} />
      <Textarea
        id="description"
        label="Description"
        hint="What the initiative does, in a sentence or two"
        rows={4}
        defaultValue={values.description ?? ''}
        error={errorFor('description')}
      />
      <TextInput
        id="leadPartner"
        label="Lead partner (optional)"
        hint="For example Durham Constabulary"
        defaultValue={values.leadPartner ?? ''}
        error={errorFor('leadPartner')}
      />
      <Radios
        id="status"
        name="status"
        legend="Status"
        legendSize="s"
        defaultValue={values.status}
        error={errorFor('status')}
        options={INITIATIVE_STATUSES.map((status) => ({ value: status, text: INITIATIVE_STATUS_LABELS[status] }))}
      />
      <ButtonGroup>
        <Button type="submit">{submitText}</Button>
        <Link className="govuk-link" to={cancelHref}>
          Cancel
        </Link>
      </ButtonGroup>
    </Form>
  );
}
