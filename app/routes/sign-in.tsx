// GOV.UK sign-in: "Email address", "Password", "Sign in". One generic message for any failed attempt. With
// two-factor sign-in on, a right password leads to /sign-in/code; an administrator without it is sent to set it up.
import { randomUUID } from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { Button, ErrorSummary, NotificationBanner, PageHeading, TextInput, pageTitle, useErrorTitle, type FieldError } from '~/components/ui';
import { CODE_EXPIRED_MESSAGE, SignInSchema, signIn } from '~/utils/auth.server';
import { getEnv } from '~/utils/env.server';
import { TWO_FACTOR_SETUP_PATH, clientAddress, getOptionalUser, readToken } from '~/utils/session.server';
import { safeRedirect } from '~/utils/redirects';

export const meta: MetaFunction = () => [{ title: pageTitle('Sign in') }];

/** Why the person is here again, in words: their session ended, or they took too long to enter their code. */
function signedOutBecause(reason: string | null): string | null {
  const env = getEnv();
  if (reason === 'idle') {
    return `You were signed out because you did not use the portal for ${env.SESSION_IDLE_MINUTES} minutes. Sign in again to continue.`;
  }
  if (reason === 'absolute') {
    return `You were signed out because you signed in more than ${env.SESSION_ABSOLUTE_HOURS} hours ago. Sign in again to continue.`;
  }
  if (reason === 'code') return CODE_EXPIRED_MESSAGE;
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getOptionalUser(request);
  if (user) throw redirect(user.twoFactorSetupRequired ? TWO_FACTOR_SETUP_PATH : safeRedirect(url.searchParams.get('redirectTo')));
  return json({
    signedOut: url.searchParams.get('signedOut') === '1',
    passwordSet: url.searchParams.get('passwordSet') === '1',
    ended: signedOutBecause(url.searchParams.get('ended')),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').slice(0, 400);
  const redirectTo = safeRedirect(form.get('redirectTo'));
  const parsed = SignInSchema.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message });
    }
    return json({ errors, email }, { status: 400 });
  }
  const outcome = await signIn(parsed.data, {
    ipAddress: clientAddress(request),
    userAgent: request.headers.get('user-agent'),
    requestId: request.headers.get('x-request-id') ?? randomUUID(),
    previousToken: await readToken(request),
  });
  if (!outcome.ok) {
    return json({ errors: [{ field: 'email', message: outcome.message }], email }, { status: 401 });
  }
  const target =
    outcome.next === 'second-factor'
      ? `/sign-in/code${redirectTo === '/' ? '' : `?redirectTo=${encodeURIComponent(redirectTo)}`}`
      : outcome.next === 'two-factor-setup'
        ? TWO_FACTOR_SETUP_PATH
        : redirectTo;
  return redirect(target, { headers: { 'Set-Cookie': outcome.setCookie } });
}

export default function SignIn() {
  const { signedOut, passwordSet, ended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = result?.errors ?? [];
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  useErrorTitle(errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {signedOut && errors.length === 0 ? (
          <NotificationBanner title="Signed out" success>
            <p className="govuk-notification-banner__heading">You have signed out.</p>
          </NotificationBanner>
        ) : null}
        {ended && errors.length === 0 ? (
          <NotificationBanner title="Signed out">
            <p className="govuk-notification-banner__heading">{ended}</p>
          </NotificationBanner>
        ) : null}
        {passwordSet && errors.length === 0 ? (
          <NotificationBanner title="Success" success>
            <p className="govuk-notification-banner__heading">Your password has been set. Sign in with your new password.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <PageHeading>Sign in</PageHeading>
        <p className="govuk-body">
          Sign in with the email address and password your organisation&apos;s portal administrator gave you.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={safeRedirect(params.get('redirectTo'))} />
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={result?.email ?? ''}
            error={errorFor('email')}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errorFor('password')}
          />
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            Sign in
          </Button>
        </Form>
        <p className="govuk-body">
          If you have forgotten your password, ask your organisation&apos;s portal administrator to reset it.
        </p>
      </div>
    </div>
  );
}
