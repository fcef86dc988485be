// The second step of signing in, for accounts with two-factor sign-in: the 6-digit code from the person's
// authenticator app (RFC 6238). Reached only with the short-lived cookie a right password sets (5 minutes); a right
// code starts the session. See app/utils/auth.server.ts.
import { randomUUID } from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { Button, ErrorSummary, TextInput, pageTitle, useErrorTitle } from '~/components/ui';
import { pendingSignIn, signInWithCode } from '~/utils/auth.server';
import { clientAddress, getOptionalUser, readToken } from '~/utils/session.server';
import { safeRedirect } from '~/utils/redirects';

export const meta: MetaFunction = () => [{ title: pageTitle('Enter the code from your authenticator app') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getOptionalUser(request)) throw redirect(safeRedirect(url.searchParams.get('redirectTo')));
  if (!(await pendingSignIn(request))) throw redirect('/sign-in');
  return json(null, { headers: { 'Cache-Control': 'no-store' } });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get('redirectTo'));
  const outcome = await signInWithCode(
    request,
    { code: form.get('code') },
    {
      ipAddress: clientAddress(request),
      userAgent: request.headers.get('user-agent'),
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
      previousToken: await readToken(request),
    },
  );
  if (outcome.ok) {
    const headers = new Headers();
    for (const cookie of outcome.setCookies) headers.append('Set-Cookie', cookie);
    return redirect(redirectTo, { headers });
  }
  if ('restart' in outcome) throw redirect('/sign-in?ended=code');
  return json({ errors: [{ field: 'code', message: outcome.message }] }, { status: 401 });
}

export default function SignInCode() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = result?.errors ?? [];
  useErrorTitle(errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={safeRedirect(params.get('redirectTo'))} />
          <TextInput
            id="code"
            label="Enter the 6-digit code from your authenticator app"
            labelSize="l"
            isPageHeading
            hint="Open the authenticator app you set up for this portal. The code changes every 30 seconds."
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            width="10"
            error={errors[0]?.message}
          />
          <Button type="submit" disabled={navigation.state === 'submitting'}>
            Continue
          </Button>
        </Form>
        <p className="govuk-body">
          If you have lost access to your authenticator app, contact the portal team.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in with a different account
          </Link>
        </p>
      </div>
    </div>
  );
}
