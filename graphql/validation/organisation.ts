// One zod schema per input, shared by the API (Pothos `validate:`) and the pages' actions.
import { z } from 'zod';
import { expectedVersion, id, optionalText, text } from './common';
import { optionalEmail, optionalPhone, optionalWebsite } from './people';

export const ORGANISATION_TYPES = ['CHARITY', 'NHS', 'LOCAL_AUTHORITY', 'CIC', 'POLICE', 'OTHER'] as const;

export const ContactSchema = z.object({
  name: text("the contact's name", 200),
  jobTitle: optionalText('job title', 200),
  email: optionalEmail,
  phone: optionalPhone,
  isPrimary: z.boolean().nullish().transform((value) => value === true),
});

const organisationFields = {
  name: text("the organisation's name", 200),
  type: z.enum(ORGANISATION_TYPES, { error: 'Choose the type of organisation' }),
  registeredNumber: optionalText('registered number', 40).refine((value) => value === null || /^[A-Za-z0-9 /-]+$/.test(value), {
    error: 'Registered number must only include letters, numbers, spaces, hyphens and slashes',
  }),
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalText('address', 500),
  website: optionalWebsite,
  areaIds: z
    .array(id('an area from the list'), { error: 'Choose areas from the list' })
    .max(50, 'Choose no more than 50 areas')
    .nullish()
    .transform((value) => [...new Set(value ?? [])]),
  contacts: z
    .array(ContactSchema, { error: 'Contacts are not valid' })
    .max(20, 'Add no more than 20 contacts')
    .nullish()
    .transform((value) => value ?? [])
    .refine((contacts) => contacts.filter((contact) => contact.isPrimary).length <= 1, {
      error: 'Choose only one main contact',
    }),
};

export const CreateOrganisationSchema = z.object(organisationFields);
export type CreateOrganisationInput = z.output<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.object({
  id: id('an organisation'),
  ...organisationFields,
  expectedVersion,
});
export type UpdateOrganisationInput = z.output<typeof UpdateOrganisationSchema>;

export const ArchiveOrganisationSchema = z.object({ id: id('an organisation'), expectedVersion });

/** A URL-friendly slug from a name: "Harbour Lights Children's Trust" -> "harbour-lights-childrens-trust". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'organisation';
}
