// Building blocks shared by the organisation and user schemas: contact details with user-facing messages.
import { z } from 'zod';

// No spaces or control characters (PostgreSQL cannot store NUL: found by the fuzz tests).
const EMAIL = /^[^\s@<>()[\]\\,;:"\u0000-\u001F\u007F]+@[^\s@<>()[\]\\,;:"\u0000-\u001F\u007F]+\.[^\s@<>()[\]\\,;:"\u0000-\u001F\u007F]+$/;

/** Blank text becomes null. */
const blankToNull = (value: string | null | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

export const requiredEmail = (label = 'an email address') =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    // Lower-cased before the length is checked: some letters grow (İ is i and a dot), and the column holds 320.
    .toLowerCase()
    .min(1, { error: `Enter ${label}`, abort: true })
    .max(320, { error: 'Email address must be 320 characters or fewer', abort: true })
    .regex(EMAIL, 'Enter an email address in the correct format, like name@example.org');

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
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/[\s\u0000-\u001F\u007F]/.test(value);
      } catch {
        return false;
      }
    },
    { error: 'Enter a website address starting with https://, like https://www.example.org' },
  );
