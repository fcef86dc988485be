// Building blocks shared by the organisation and user schemas: contact details with user-facing messages.
import { z } from 'zod';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Blank text becomes null. */
const blankToNull = (value: string | null | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

export const requiredEmail = (label = 'an email address') =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}`, abort: true })
    .max(320, { error: 'Email address must be 320 characters or fewer', abort: true })
    .regex(EMAIL, 'Enter an email address in the correct format, like name@example.org')
    .transform((value) => value.toLowerCase());

export const optionalEmail = z
  .string()
  .nullish()
  .transform(blankToNull)
  .refine((value) => value === null || value.length <= 320, { error: 'Email address must be 320 characters or fewer', abort: true })
  .refine((value) => value === null || EMAIL.test(value), {
    error: 'Enter an email address in the correct format, like name@example.org',
  });

export const optionalPhone = z
  .string()
  .nullish()
  .transform(blankToNull)
  .refine((value) => value === null || (/^\+?[0-9 ()-]{7,25}$/.test(value) && value.replace(/\D/g, '').length >= 7), {
    error: 'Enter a telephone number, like 0191 496 0123 or +44 191 496 0123',
  });

export const optionalWebsite = z
  .string()
  .nullish()
  .transform(blankToNull)
  .refine((value) => value === null || value.length <= 300, { error: 'Website must be 300 characters or fewer', abort: true })
  .refine(
    (value) => {
      if (value === null) return true;
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(value);
      } catch {
        return false;
      }
    },
    { error: 'Enter a website address starting with https://, like https://www.example.org' },
  );
