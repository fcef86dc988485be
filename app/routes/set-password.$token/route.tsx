// The public page a one-time link opens: choose a password (the policy in graphql/auth/password-policy.ts). Not
// GraphQL: anonymous callers may only use `me`. See app/utils/password-reset.server.ts.
import { randomUUID } from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, PageHeading, TextInput, pageTitle, useErrorTitle } from '~/components/ui';
import { findPasswordLink, LINK_EXPIRED_MESSAGE, setPasswordWithLink } from '~/utils/password-reset.server';
import { clientAddress } from '~/utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.valid ? 'Set your password' : 'This link has expired') },
  // The token is a secret: keep it out of other sites' logs.
  { name: 'referrer', content: 'no-referrer' },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const user = await findPasswordLink(params.token);
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  // The message comes with the data (also for a valid link: the action may find it used meanwhile), not from
  // graphql/validation/user.ts, which would bring zod into the page's JavaScript.
  const expiredMessage = LINK_EXPIRED_MESSAGE;
  if (!user) return json({ valid: false as const, email: null, expiredMessage }, { status: 410, headers });
  return json({ valid: true as const, email: user.email, expiredMessage }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const outcome = await setPasswordWithLink(
    params.token,
    { password: form.get('password'), confirmPassword: form.get('confirmPassword') },
    { ipAddress: clientAddress(request), requestId: request.headers.get('x-request-id') ?? randomUUID() },
  );
  if (outcome.ok) return redirect('/sign-in?passwordSet=1');
  if (outcome.expired) return json({ expired: true, errors: [] }, { status: 410 });
  return json({ expired: false, errors: outcome.errors }, { status: 400 });
}

export default function SetPassword() {
  const { valid, email, expiredMessage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  useErrorTitle(errors.length > 0);
  if (!valid || result?.expired) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading>This link has expired</PageHeading>
          <p className="govuk-body">{expiredMessage}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Go to the sign-in page
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <PageHeading>Set your password</PageHeading>
        <p className="govuk-body">
          You will sign in with <strong>{email}</strong> and this password. Use at least 12 characters: three or more
          random words are easy to remember and hard to guess. You do not need numbers or symbols. Do not use a common
          password, or one made from your name, your email address or your organisation&apos;s name.
        </p>
        <Form method="post" noValidate>
          {/* Helps password managers save the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email ?? ''} />
          <TextInput
            id="password"
            label="New password"
            hint="At least 12 characters"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            error={errorFor('password')}
          />
          <TextInput
            id="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            error={errorFor('confirmPassword')}
          />
          <Button type="submit">Set password</Button>
        </Form>
      </div>
    </div>
  );
}
