// The provider form, shared by /organisations/new and /organisations/$id/edit: the same fields, the same zod
// schema (graphql/validation/organisation.ts) in the action and the API. Contacts are rows of fields; a blank row
// is ignored, so clearing a row removes that contact. "Add another contact" adds a row without JavaScript.
import { Form, Link } from '@remix-run/react';
import { Button, ButtonGroup, Checkboxes, Fieldset, Radios, TextInput, Textarea, type FieldError } from '~/components/ui';
import { ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS } from '~/components/format/labels';

export type FormValues = Record<string, string | string[]>;

const CONTACT_FIELDS = ['name', 'jobTitle', 'email', 'phone'] as const;
const MAX_SLOTS = 20;

const one = (values: FormValues, key: string): string => {
  const value = values[key];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
const many = (values: FormValues, key: string): string[] => {
  const value = values[key];
  return Array.isArray(value) ? value : value ? [value] : [];
};

export function contactSlots(values: FormValues): number {
  const slots = Number(one(values, 'contactSlots'));
  return Number.isInteger(slots) && slots >= 1 ? Math.min(slots, MAX_SLOTS) : 1;
}

/** The form's values as the API's input (without id and version), and where each contact came from. */
export function organisationInput(values: FormValues) {
  const slots = contactSlots(values);
  const kept: number[] = [];
  const contacts = [];
  for (let slot = 0; slot < slots; slot++) {
    const row = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, one(values, `contacts.${slot}.${field}`)]));
    if (Object.values(row).every((value) => value.trim() === '')) continue;
    kept.push(slot);
    contacts.push({ ...row, isPrimary: one(values, `contacts.${slot}.isPrimary`) === 'yes' } as {
      name: string;
      jobTitle: string;
      email: string;
      phone: string;
      isPrimary: boolean;
    });
  }
  const input = {
    name: one(values, 'name'),
    type: one(values, 'type'),
    registeredNumber: one(values, 'registeredNumber'),
    email: one(values, 'email'),
    phone: one(values, 'phone'),
    website: one(values, 'website'),
    address: one(values, 'address'),
    areaIds: many(values, 'areaIds'),
    contacts,
  };
  return { input, kept };
}

/** Error paths of the schema or the API ("contacts.0.email", "areaIds.1") as the ids of the form's fields. */
export function toFormErrors(errors: FieldError[], kept: number[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .map(({ field, message }) => {
      const path = field.replace(/^input\./, '');
      const contact = /^contacts\.(\d+)\.(\w+)$/.exec(path);
      if (contact) return { field: `contacts.${kept[Number(contact[1])] ?? 0}.${contact[2]}`, message };
      if (path.startsWith('contacts')) return { field: `contacts.${kept[0] ?? 0}.isPrimary`, message };
      if (path.startsWith('areaIds')) return { field: 'areaIds', message };
      return { field: path || 'name', message };
    })
    .filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)));
}

/** An organisation as the form's values. */
export function valuesOf(organisation: {
  name: string;
  type: string;
  registeredNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  address?: string | null;
  areas: { id: string }[];
  contacts: { name: string; jobTitle?: string | null; email?: string | null; phone?: string | null; isPrimary: boolean }[];
}): FormValues {
  const values: FormValues = {
    name: organisation.name,
    type: organisation.type,
    registeredNumber: organisation.registeredNumber ?? '',
    email: organisation.email ?? '',
    phone: organisation.phone ?? '',
    website: organisation.website ?? '',
    address: organisation.address ?? '',
    areaIds: organisation.areas.map((area) => area.id),
    contactSlots: String(organisation.contacts.length + 1),
  };
  organisation.contacts.forEach((contact, slot) => {
    values[`contacts.${slot}.name`] = contact.name;
    values[`contacts.${slot}.jobTitle`] = contact.jobTitle ?? '';
    values[`contacts.${slot}.email`] = contact.email ?? '';
    values[`contacts.${slot}.phone`] = contact.phone ?? '';
    if (contact.isPrimary) values[`contacts.${slot}.isPrimary`] = 'yes';
  });
  return values;
}

export function OrganisationForm({
  values,
  errors,
  areas,
  submitText,
  version,
  cancelHref,
}: {
  values: FormValues;
  errors: FieldError[];
  areas: { id: string; name: string }[];
  submitText: string;
  version?: number;
  cancelHref: string;
}) {
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const slots = contactSlots(values);
  return (
    <Form method="post" noValidate>
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <input type="hidden" name="contactSlots" value={slots} />
      <TextInput id="name" label="Organisation name" defaultValue={one(values, 'name')} error={errorFor('name')} autoComplete="organization" />
      <Radios
        id="type"
        name="type"
        legend="Type of organisation"
        legendSize="s"
        defaultValue={one(values, 'type')}
        error={errorFor('type')}
        options={ORGANISATION_TYPES.map((type) => ({ value: type, text: ORGANISATION_TYPE_LABELS[type] }))}
      />
      <TextInput
        id="registeredNumber"
        label="Registered number (optional)"
        hint="For example a charity or company number"
        width="10"
        defaultValue={one(values, 'registeredNumber')}
        error={errorFor('registeredNumber')}
      />
      <TextInput id="email" label="Email address (optional)" type="email" spellCheck={false} autoComplete="off" defaultValue={one(values, 'email')} error={errorFor('email')} />
      <TextInput id="phone" label="Telephone number (optional)" type="tel" width="20" autoComplete="off" defaultValue={one(values, 'phone')} error={errorFor('phone')} />
      <TextInput
        id="website"
        label="Website (optional)"
        hint="Starting with https://, like https://www.example.org"
        type="url"
        spellCheck={false}
        defaultValue={one(values, 'website')}
        error={errorFor('website')}
      />
      <Textarea id="address" label="Postal address (optional)" rows={4} defaultValue={one(values, 'address')} error={errorFor('address')} />
      <Checkboxes
        id="areaIds"
        name="areaIds"
        legend="Areas served"
        legendSize="s"
        hint="Select all that apply"
        defaultValues={many(values, 'areaIds')}
        error={errorFor('areaIds')}
        options={areas.map((area) => ({ value: area.id, text: area.name }))}
      />
      <h2 className="govuk-heading-m">Contacts</h2>
      <p className="govuk-body">People at the organisation the OPCC can contact. To remove a contact, clear its fields.</p>
      {Array.from({ length: slots }, (_, slot) => (
        <Fieldset key={slot} legend={`Contact ${slot + 1}`} legendSize="s">
          <TextInput id={`contacts.${slot}.name`} label="Full name" defaultValue={one(values, `contacts.${slot}.name`)} error={errorFor(`contacts.${slot}.name`)} autoComplete="off" />
          <TextInput
            id={`contacts.${slot}.jobTitle`}
            label="Job title (optional)"
            defaultValue={one(values, `contacts.${slot}.jobTitle`)}
            error={errorFor(`contacts.${slot}.jobTitle`)}
          />
          <TextInput
            id={`contacts.${slot}.email`}
            label="Email address (optional)"
            type="email"
            spellCheck={false}
            autoComplete="off"
            defaultValue={one(values, `contacts.${slot}.email`)}
            error={errorFor(`contacts.${slot}.email`)}
          />
          <TextInput
            id={`contacts.${slot}.phone`}
            label="Telephone number (optional)"
            type="tel"
            width="20"
            autoComplete="off"
            defaultValue={one(values, `contacts.${slot}.phone`)}
            error={errorFor(`contacts.${slot}.phone`)}
          />
          <Checkboxes
            id={`contacts.${slot}.isPrimary`}
            name={`contacts.${slot}.isPrimary`}
            legend={`Is contact ${slot + 1} the main contact?`}
            small
            defaultValues={one(values, `contacts.${slot}.isPrimary`) ? ['yes'] : []}
            error={errorFor(`contacts.${slot}.isPrimary`)}
            options={[{ value: 'yes', text: 'This is the main contact' }]}
          />
        </Fieldset>
      ))}
      <ButtonGroup>
        <Button type="submit" name="intent" value="save">
          {submitText}
        </Button>
        {slots < MAX_SLOTS ? (
          <Button type="submit" name="intent" value="add-contact" variant="secondary">
            Add another contact
          </Button>
        ) : null}
        <Link className="govuk-link" to={cancelHref}>
          Cancel
        </Link>
      </ButtonGroup>
    </Form>
  );
}
