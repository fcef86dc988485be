import { z } from 'zod';

// Deliberately loose: the sign-in form must not tell anyone which accounts exist. Only what is needed to give a
// useful message when a field is empty or plainly not an e-mail address.
export const SignInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, { error: 'Enter your email address', abort: true })
    .max(320, { error: 'Email address must be 320 characters or fewer', abort: true })
    .regex(/^[^\s@\u0000-\u001F\u007F]+@[^\s@\u0000-\u001F\u007F]+$/, 'Enter an email address in the correct format, like name@example.com'),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1000, 'Password must be 1,000 characters or fewer'),
});
export type SignInInput = z.infer<typeof SignInSchema>;
