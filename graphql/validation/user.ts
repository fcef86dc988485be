// One zod schema per input, shared by the API (Pothos `validate:`) and the pages' actions.
import { z } from 'zod';
import { expectedVersion, id, text } from './common';
import { requiredEmail } from './people';

export const ROLES = ['ADMIN', 'POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER'] as const;
export type RoleName = (typeof ROLES)[number];

const role = z.enum(ROLES, { error: 'Choose a role' });

export const CreateUserSchema = z.object({
  organisationId: id('an organisation'),
  email: requiredEmail(),
  name: text('their full name', 200),
  role,
});
export type CreateUserInput = z.output<typeof CreateUserSchema>;

export const UpdateUserSchema = z.object({
  id: id('a user'),
  organisationId: id('an organisation'),
  name: text('their full name', 200),
  role,
  expectedVersion,
});
export type UpdateUserInput = z.output<typeof UpdateUserSchema>;

export const UserVersionSchema = z.object({ id: id('a user'), expectedVersion });
export const UserIdSchema = z.object({ id: id('a user') });

/**
 * Provider staff belong to a provider organisation; administrators, policy officers and the Commissioner to the
 * OPCC. The message for a mismatch, or null when the role fits.
 */
export function roleMismatch(role: RoleName, organisationKind: 'OPCC' | 'PROVIDER'): string | null {
  if (organisationKind === 'PROVIDER' && role !== 'PROVIDER') {
    return 'Choose the Provider role for someone in a provider organisation';
  }
  if (organisationKind === 'OPCC' && role === 'PROVIDER') {
    return 'Choose Administrator, Policy officer or Commissioner for someone in the OPCC';
  }
  return null;
}

export const PASSWORD_MIN = 12;

/** Shown for an unknown, expired or used set-password link. */
export const LINK_EXPIRED_MESSAGE =
  'This link has expired or has already been used. Ask your portal administrator for a new one.';

/** The set-password form. The "not your email address" rule needs the user: see passwordPolicyError. */
export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: `Enter a password of at least ${PASSWORD_MIN} characters` })
      .min(PASSWORD_MIN, `Enter a password of at least ${PASSWORD_MIN} characters`)
      .max(200, 'Password must be 200 characters or fewer'),
    confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((value) => value.password.length < PASSWORD_MIN || value.password === value.confirmPassword, {
    error: 'The passwords do not match: enter the same password twice',
    path: ['confirmPassword'],
  });

export function passwordPolicyError(password: string, email: string): string | null {
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Your password must not be your email address';
  return null;
}
