// One zod schema per input, shared by the API (Pothos `validate:`) and the pages' actions.
import { z } from 'zod';
import { expectedVersion, id, text } from './common';
import { requiredEmail } from './people';
import {
  COMMON_PASSWORD_MESSAGE,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_TOO_LONG_MESSAGE,
  PASSWORD_TOO_SHORT_MESSAGE,
  REPEATED_PASSWORD_MESSAGE,
  isCommonPassword,
  isRepeated,
  passwordProblem,
  type PasswordContext,
} from '../auth/password-policy';

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

export { PASSWORD_MIN, PASSWORD_MAX } from '../auth/password-policy';

/** Shown for an unknown, expired or used set-password link. */
export const LINK_EXPIRED_MESSAGE =
  'This link has expired or has already been used. Ask your portal administrator for a new one.';

const inLengthRange = (password: string) => password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX;

/**
 * The set-password form: the NCSC-style policy of graphql/auth/password-policy.ts (length, the common-passwords
 * deny-list, repetition; no composition rules). The rules that need the person (their email address, name,
 * organisation) are in passwordPolicyError.
 */
export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: PASSWORD_TOO_SHORT_MESSAGE })
      .min(PASSWORD_MIN, PASSWORD_TOO_SHORT_MESSAGE)
      .max(PASSWORD_MAX, PASSWORD_TOO_LONG_MESSAGE)
      .refine((password) => !inLengthRange(password) || !isCommonPassword(password), COMMON_PASSWORD_MESSAGE)
      .refine((password) => !inLengthRange(password) || isCommonPassword(password) || !isRepeated(password), REPEATED_PASSWORD_MESSAGE),
    confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((value) => value.password.length < PASSWORD_MIN || value.password === value.confirmPassword, {
    error: 'The passwords do not match: enter the same password twice',
    path: ['confirmPassword'],
  });

/**
 * The rules that need the person: not their email address, and not built from their email address, name,
 * organisation or the portal's name. Also runs the whole policy, so it is enough on its own. A message, or null.
 */
export function passwordPolicyError(password: string, who: string | PasswordContext): string | null {
  return passwordProblem(password, typeof who === 'string' ? { email: who } : who);
}
