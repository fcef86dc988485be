// API tokens for provider case-management systems: one schema for the API's input and the page's form.
import { z } from 'zod';
import { isUuid } from '../domain/format';
import { controlCharactersMessage, hasVisibleText, withoutControlCharacters } from './common';

export const TOKEN_NAME_MAX = 120;
/** A token may be set to expire at most this many years ahead. */
export const TOKEN_MAX_YEARS = 2;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
  DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const today = () => new Date().toISOString().slice(0, 10);
const latestExpiry = () => {
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() + TOKEN_MAX_YEARS);
  return limit.toISOString().slice(0, 10);
};


/** The expiry date (YYYY-MM-DD) as the instant the token stops working: the start of that day, UTC. */
export const expiryInstant = (date: string) => new Date(`${date}T00:00:00Z`);

export const CreateApiTokenSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, { error: 'Enter a name for the token', abort: true })
    .refine(hasVisibleText, { error: 'Enter a name for the token', abort: true })
    .refine(withoutControlCharacters, { error: controlCharactersMessage('the name'), abort: true })
    .max(TOKEN_NAME_MAX, { error: `The name must be ${TOKEN_NAME_MAX} characters or fewer` }),
  organisationId: z
    .string()
    .nullish()
    .transform((value) => (value && value.trim() ? value.trim() : null))
    .refine((value) => value === null || isUuid(value), { error: 'Choose an organisation from the list' }),
  expiresAt: z
    .string()
    .nullish()
    .transform((value) => (value && value.trim() ? value.trim() : null))
    .refine((value) => value === null || isRealDate(value), { error: 'Expiry date must be a real date, like 2027-03-31', abort: true })
    .refine((value) => value === null || value > today(), { error: 'Expiry date must be in the future', abort: true })
    .refine((value) => value === null || value <= latestExpiry(), {
      error: `Expiry date must be no more than ${TOKEN_MAX_YEARS} years from today`,
    }),
});
export type CreateApiTokenInput = z.output<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({
  id: z.string({ error: 'Choose a token' }).refine(isUuid, { error: 'Choose a token' }),
});
