// Commissioned services: one zod schema per input, shared by the API (plugin-validation) and the pages' actions.
// Pages send strings; the API sends typed values (Date objects for dates, numbers for ages): both are accepted.
import { z } from 'zod';
import {
  capitalise,
  controlCharactersMessage,
  expectedVersion,
  financialYear,
  hasVisibleText,
  id,
  isoDate,
  money,
  optionalText,
  withoutControlCharacters,
} from './common';

export const SERVICE_STATUSES = ['PLANNED', 'ACTIVE', 'EXTENDED', 'ENDED'] as const;
export const RISK_RATINGS = ['GREEN', 'AMBER', 'RED'] as const;
export const FUNDING_SOURCES = ['PCC_CORE_GRANT', 'MOJ_VICTIMS_GRANT', 'HOME_OFFICE', 'PARTNER_CONTRIBUTION', 'OTHER'] as const;

// Contracts fall within the financial years the portal knows (2000/01 to 2100/01): a year 1 or 9999 date is a typo.
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';
const dateOnly = (label: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    isoDate(label).refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (value >= EARLIEST_DATE && value <= LATEST_DATE), {
      error: `${capitalise(label)} must be between 1 January 2000 and 31 December 2100`,
    }),
  );

const age = (label: string) =>
  z.preprocess(
    (value) => (value === '' || value === undefined || value === null ? null : typeof value === 'string' ? Number(value.trim()) : value),
    z
      .number({ error: `${label} must be a whole number` })
      .int({ error: `${label} must be a whole number` })
      .min(0, { error: `${label} must be 0 or more` })
      .max(120, { error: `${label} must be 120 or less` })
      .nullable(),
  );

const ids = (label: string) =>
  z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(id(label)));

const optionalId = (label: string) =>
  z.preprocess((value) => (value === '' || value === undefined ? null : value), id(label).nullable());

export const serviceReference = z
  .string({ error: 'Enter a reference' })
  .trim()
  .min(1, { error: 'Enter a reference', abort: true })
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, {
    error: 'Reference must be 3 to 40 capital letters, numbers and hyphens, like OPCC-CSAE-2026-004',
  });

const serviceFields = {
  reference: serviceReference,
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, { error: 'Enter a title', abort: true })
    .refine(hasVisibleText, { error: 'Enter a title', abort: true })
    .refine(withoutControlCharacters, { error: controlCharactersMessage('the title'), abort: true })
    .max(200, { error: 'Title must be 200 characters or fewer' }),
  description: optionalText('description', 5000),
  providerId: id('a provider'),
  leadOfficerId: optionalId('a lead officer'),
  startDate: dateOnly('start date'),
  endDate: dateOnly('end date'),
  annualValue: money('annual value'),
  totalValue: money('total value'),
  cohortMinAge: age('Youngest age'),
  cohortMaxAge: age('Oldest age'),
  areaIds: ids('an area'),
  priorityIssueCodes: z.preprocess(
    (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string().trim().regex(/^PI-[A-Z-]{2,36}$/, { error: 'Choose a priority issue from the list' }))
      .min(1, { error: 'Choose at least one priority issue' }),
  ),
  harmTypeIds: ids('a form of harm'),
  forumIds: ids('a partnership forum'),
  riskRating: z.enum(RISK_RATINGS, { error: 'Choose a risk rating' }),
  riskReason: optionalText('reason for the risk rating', 2000),
};

type ServiceFields = {
  startDate: string;
  endDate: string;
  cohortMinAge: number | null;
  cohortMaxAge: number | null;
  riskRating: string;
  riskReason: string | null;
};

function crossFieldRules(value: ServiceFields, ctx: z.RefinementCtx) {
  if (value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date must be the same as or after the start date' });
  }
  if (value.cohortMinAge !== null && value.cohortMaxAge !== null && value.cohortMinAge > value.cohortMaxAge) {
    ctx.addIssue({ code: 'custom', path: ['cohortMaxAge'], message: 'Oldest age must be the same as or more than the youngest age' });
  }
  if ((value.riskRating === 'AMBER' || value.riskRating === 'RED') && !value.riskReason) {
    ctx.addIssue({ code: 'custom', path: ['riskReason'], message: 'Enter the reason for an amber or red risk rating' });
  }
}

export const CreateServiceSchema = z
  .object({
    ...serviceFields,
    status: z.enum(['PLANNED', 'ACTIVE'], { error: 'Choose whether the service is planned or active' }),
  })
  .superRefine(crossFieldRules);
export type CreateServiceInput = z.output<typeof CreateServiceSchema>;

export const UpdateServiceSchema = z
  .object({ id: id('a service'), ...serviceFields, expectedVersion })
  .superRefine(crossFieldRules);
export type UpdateServiceInput = z.output<typeof UpdateServiceSchema>;

const reason = z
  .string({ error: 'Enter a reason' })
  .trim()
  .min(1, { error: 'Enter a reason', abort: true })
  .refine(hasVisibleText, { error: 'Enter a reason', abort: true })
  .refine(withoutControlCharacters, { error: controlCharactersMessage('the reason'), abort: true })
  .max(2000, { error: 'Reason must be 2,000 characters or fewer' });

export const ActivateServiceSchema = z.object({ id: id('a service'), expectedVersion });
export const ArchiveServiceSchema = z.object({ id: id('a service'), expectedVersion });

export const ExtendServiceSchema = z.object({
  id: id('a service'),
  newEndDate: dateOnly('new end date'),
  reason,
  expectedVersion,
});

export const EndServiceSchema = z.object({
  id: id('a service'),
  endDate: dateOnly('end date'),
  reason,
  expectedVersion,
});

export const SetServiceFundingSchema = z
  .object({
    serviceId: id('a service'),
    financialYear,
    amounts: z.array(
      z.object({
        source: z.enum(FUNDING_SOURCES, { error: 'Choose a funding source' }),
        amount: money('the amount'),
      }),
    ),
    expectedVersion,
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.amounts.forEach((row, index) => {
      if (seen.has(row.source)) {
        ctx.addIssue({ code: 'custom', path: ['amounts', index, 'source'], message: 'Give each funding source once' });
      }
      seen.add(row.source);
    });
  });

export const ServiceInitiativeSchema = z.object({ serviceId: id('a service'), initiativeId: id('an initiative') });

export const SetInitiativeFundingSchema = z.object({
  serviceId: id('a service'),
  initiativeId: id('an initiative'),
  financialYear,
  amount: money('the amount'),
});
