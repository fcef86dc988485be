// One zod schema per input of the review of returns and of queries on them, shared by the API (Pothos `validate:`)
// and the pages' actions. The review decisions themselves (approve, return for changes, reopen, lock exceptions)
// are validated by graphql/validation/return.ts; the forms here only add what a page asks differently.
import { z } from 'zod';
import { todayInLondon } from '../domain/periods';
import { id, isoDate, text } from './common';

export const QUERY_MESSAGE_MAX = 5_000;

const measureCode = z
  .string()
  .trim()
  .max(60, { error: 'Measure code must be 60 characters or fewer' })
  .nullish()
  .transform((value) => (value ? value : null));

const breakdownOption = z
  .string()
  .trim()
  .max(120, { error: 'Breakdown option must be 120 characters or fewer' })
  .nullish()
  .transform((value) => (value ? value : null));

export const RaiseReturnQuerySchema = z
  .object({
    returnId: id('the return'),
    measureCode,
    breakdownOption,
    message: text('your question', QUERY_MESSAGE_MAX),
  })
  .refine((input) => !input.breakdownOption || !!input.measureCode, {
    error: 'Choose the measure the breakdown option belongs to',
    path: ['measureCode'],
  });
export type RaiseReturnQueryInput = z.infer<typeof RaiseReturnQuerySchema>;

export const ReplyToReturnQuerySchema = z.object({
  queryId: id('the query'),
  message: text('your reply', QUERY_MESSAGE_MAX),
});
export type ReplyToReturnQueryInput = z.infer<typeof ReplyToReturnQuerySchema>;

export const QUERY_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED'] as const;

export const ResolveReturnQuerySchema = z.object({
  queryId: id('the query'),
  expectedStatus: z.enum(QUERY_STATUSES, { error: 'The status you saw is not a query status: reload the page' }).nullish(),
});
export type ResolveReturnQueryInput = z.infer<typeof ResolveReturnQuerySchema>;

/** The admin's "Allow edits after the lock date" form: a reason and the last day edits are allowed (in England). */
export const LockExceptionFormSchema = z.object({
  returnId: id('the return'),
  reason: text('the reason for the exception', 2_000),
  endDate: isoDate('the last day edits are allowed').refine((value) => value >= todayInLondon(), {
    error: 'The last day edits are allowed must be today or in the future',
  }),
});
export type LockExceptionFormInput = z.infer<typeof LockExceptionFormSchema>;

/** The end of a day in England (23:59:59 local time, GMT or BST) as an instant. */
export function endOfDayInLondon(isoDay: string): Date {
  const base = Date.parse(`${isoDay}T23:59:59Z`);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(base - offsetHours * 3_600_000);
    if (todayInLondon(candidate) === isoDay && todayInLondon(new Date(candidate.getTime() + 1000)) !== isoDay) return candidate;
  }
  return new Date(base);
}
