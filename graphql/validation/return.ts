// One zod schema per input of the quarterly return API, shared by the API (Pothos `validate:`) and the pages'
// actions. Values themselves are parsed per measure unit by graphql/domain/values.ts#parseValue (their messages
// name the field); these schemas check the shape, lengths and the reasons a person must give.
import { z } from 'zod';
import { expectedVersion, id, isoDate, optionalText, text } from './common';

export const MAX_VALUES_PER_SAVE = 5_000;

export const ReturnValueInputSchema = z.object({
  measureCode: z
    .string({ error: 'Enter a measure code' })
    .trim()
    .min(1, { error: 'Enter a measure code' })
    .max(60, { error: 'Measure code must be 60 characters or fewer' }),
  breakdownOption: z
    .string()
    .trim()
    .max(120, { error: 'Breakdown option must be 120 characters or fewer' })
    .nullish()
    .transform((value) => value ?? ''),
  // Parsed per unit by parseValue; TEXT allows 10,000 characters (checked there, by characters, after trimming).
  value: z
    .string()
    .max(20_000, { error: 'A value must be 10,000 characters or fewer' })
    .nullish()
    .transform((value) => value ?? ''),
  comment: optionalText('comment', 2_000),
  blankReason: optionalText('reason for leaving the figure blank', 500),
});
export type ReturnValueInput = z.infer<typeof ReturnValueInputSchema>;

export const SaveReturnDraftSchema = z
  .object({
    returnId: id('the return').nullish(),
    serviceId: id('the service').nullish(),
    periodId: id('the reporting period').nullish(),
    expectedVersion: expectedVersion.nullish(),
    noActivity: z.boolean().nullish(),
    values: z
      .array(ReturnValueInputSchema)
      .max(MAX_VALUES_PER_SAVE, { error: `Save no more than ${MAX_VALUES_PER_SAVE.toLocaleString('en-GB')} figures at once` }),
  })
  .refine((input) => !!input.returnId || (!!input.serviceId && !!input.periodId), {
    error: 'Choose the return, or the service and the reporting period',
    path: ['returnId'],
  });
export type SaveReturnDraftInput = z.infer<typeof SaveReturnDraftSchema>;

export const SubmitReturnSchema = z.object({
  returnId: id('the return'),
  declarationName: text('your full name for the declaration', 200),
  expectedVersion,
});
export type SubmitReturnInput = z.infer<typeof SubmitReturnSchema>;

/** approveReturn (reason optional, ignored) and returnForChanges (ReturnForChangesSchema: reason required). */
export const ReviewReturnSchema = z.object({
  returnId: id('the return'),
  reason: optionalText('reason', 5_000),
  expectedVersion,
});
export type ReviewReturnInput = z.infer<typeof ReviewReturnSchema>;

export const ReturnForChangesSchema = z.object({
  returnId: id('the return'),
  reason: text('the reason for returning it for changes', 5_000),
  expectedVersion,
});
export type ReturnForChangesInput = z.infer<typeof ReturnForChangesSchema>;

export const ReopenReturnSchema = z.object({
  returnId: id('the return'),
  reason: text('the reason for reopening it', 5_000),
  expectedVersion,
});
export type ReopenReturnInput = z.infer<typeof ReopenReturnSchema>;

/** endsAt: a Date (API) or "YYYY-MM-DDTHH:mm" / ISO text (a form); must be in the future. */
export const GrantLockExceptionSchema = z.object({
  returnId: id('the return'),
  reason: text('the reason for the exception', 2_000),
  endsAt: z
    .union([z.date(), z.string().trim().min(1, { error: 'Enter when the exception ends' })], { error: 'Enter when the exception ends' })
    .transform((value) => (value instanceof Date ? value : new Date(value)))
    .refine((value) => !Number.isNaN(value.getTime()), { error: 'The end of the exception must be a real date and time', abort: true })
    .refine((value) => value.getTime() > Date.now(), { error: 'The end of the exception must be in the future' }),
});
export type GrantLockExceptionInput = z.infer<typeof GrantLockExceptionSchema>;

// Kept for forms that only ask for a date.
export const lockExceptionEndDate = isoDate('the end date of the exception');

// ---------------------------------------------------------------------------------------------------------------
// The provider's pages (graphql/types/return-form.ts and app/routes/returns.*)
// ---------------------------------------------------------------------------------------------------------------

/** startReturn: the return of a service for a reporting period (made, not started, when it does not exist). */
export const StartReturnSchema = z.object({
  serviceId: id('the service'),
  periodId: id('the reporting period'),
});
export type StartReturnInput = z.infer<typeof StartReturnSchema>;

/** The check answers page: the declaration, then submitReturn. */
export const DeclarationFormSchema = z.object({
  returnId: id('the return'),
  expectedVersion,
  declarationName: text('your full name', 200),
  confirmed: z
    .string()
    .nullish()
    .refine((value) => value === 'yes', { error: 'Confirm that the information in the return is complete and accurate' }),
});
export type DeclarationFormInput = z.infer<typeof DeclarationFormSchema>;

/** The "no activity this quarter" declaration on a return's task list. */
export const NoActivitySchema = z.object({
  returnId: id('the return'),
  expectedVersion,
  noActivity: z.enum(['yes', 'no'], { error: 'Choose whether there was any activity this quarter' }),
});
export type NoActivityInput = z.infer<typeof NoActivitySchema>;
