// Two-factor sign-in: set it up (a new key to add to an authenticator app, confirmed with a code from the app),
// or turn it off with a current code. Administrators must have it: one without it is sent here after signing in and
// can use no other page until it is on (requireUser). Provider accounts are not offered it. Server-only functions
// in app/utils/auth.server.ts do the work, as for signing in (docs/decisions/0003).
import { randomUUID } from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import {
  BackLink,
  Button,
  Details,
  ErrorSummary,
  NotificationBanner,
  PageHeading,
  SummaryList,
  TextInput,
  WarningText,
  pageTitle,
  useErrorTitle,
} from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup, twoFactorStatus } from '~/utils/auth.server';
import { clientAddress, requireUser } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Two-factor sign-in') }];

// The page can show a new key: never keep it in a cache.
const NO_STORE = { 'Cache-Control': 'no-store' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { twoFactorSetup: true });
  const status = await twoFactorStatus(user);
  return json({ ...status, mustSetUp: user.twoFactorSetupRequired, email: user.email }, { headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { twoFactorSetup: true });
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const meta = { ipAddress: clientAddress(request), requestId: request.headers.get('x-request-id') ?? randomUUID() };
  if (intent === 'start') {
    const outcome = await startTwoFactorSetup(user);
    if (outcome.ok) return redirect('/account/two-factor', { headers: NO_STORE });
    return json({ errors: [{ field: 'start', message: outcome.message }] }, { status: 409, headers: NO_STORE });
  }
  if (intent === 'confirm' || intent === 'disable') {
    const outcome =
      intent === 'confirm'
        ? await confirmTwoFactorSetup(user, { code: form.get('code') }, meta)
        : await disableTwoFactor(user, { code: form.get('code') }, meta);
    if (outcome.ok) return redirect(`/account/two-factor?done=${intent === 'confirm' ? 'on' : 'off'}`, { headers: NO_STORE });
    return json({ errors: [{ field: 'code', message: outcome.message }] }, { status: 400, headers: NO_STORE });
  }
  return json({ errors: [{ field: 'start', message: 'Choose what to do' }] }, { status: 400, headers: NO_STORE });
}

export default function TwoFactor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = result?.errors ?? [];
  const codeError = errors.find((error) => error.field === 'code')?.message;
  const done = errors.length === 0 ? params.get('done') : null;
  useErrorTitle(errors.length > 0);
  const busy = navigation.state === 'submitting';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.mustSetUp ? null : <BackLink href="/account">Back to your account</BackLink>}
        {done === 'on' ? (
          <NotificationBanner success>
            <h3 className="govuk-notification-banner__heading">Two-factor sign-in is on</h3>
            <p className="govuk-body">
              From now on you sign in with your password and a code from your authenticator app. You were signed out
              everywhere else.
            </p>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to="/">
                Go to the home page
              </Link>
            </p>
          </NotificationBanner>
        ) : null}
        {done === 'off' ? <NotificationBanner success>Two-factor sign-in is off</NotificationBanner> : null}
        <ErrorSummary errors={errors} />
        <PageHeading caption="Your account">Two-factor sign-in</PageHeading>

        {!data.offered ? (
          <p className="govuk-body">
            Two-factor sign-in is not available for provider accounts. You sign in with your email address and
            password.
          </p>
        ) : data.enabled ? (
          <>
            <SummaryList
              rows={[
                { key: 'Status', value: 'On' },
                { key: 'Turned on', value: data.enabledAt ? formatDate(data.enabledAt) : 'Not recorded' },
                { key: 'Method', value: 'A 6-digit code from an authenticator app' },
              ]}
            />
            {data.required ? (
              <p className="govuk-body">Administrators must use two-factor sign-in: it cannot be turned off.</p>
            ) : (
              <>
                <h2 className="govuk-heading-m">Turn off two-factor sign-in</h2>
                <p className="govuk-body">
                  You will then sign in with your password only. To turn it off, enter a code from your authenticator
                  app.
                </p>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="disable" />
                  <CodeInput error={codeError} label="Code from your authenticator app" />
                  <Button type="submit" variant="warning" disabled={busy}>
                    Turn off two-factor sign-in
                  </Button>
                </Form>
              </>
            )}
          </>
        ) : data.setup ? (
          <>
            {data.mustSetUp ? <MustSetUp /> : null}
            <h2 className="govuk-heading-m">1. Add the portal to your authenticator app</h2>
            <p className="govuk-body">
              Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator),
              choose to add an account, then choose to enter a setup key and type:
            </p>
            <SummaryList
              rows={[
                { key: 'Account', value: data.email },
                {
                  key: 'Setup key',
                  value: (
                    <code className="app-setup-key">{data.setup.formattedKey}</code>
                  ),
                },
                { key: 'Type of key', value: 'Time based' },
              ]}
            />
            <WarningText>Keep this key secret. Anyone with it can make your codes.</WarningText>
            <Details summary="Add it with a link instead">
              <p className="govuk-body">Some apps and password managers accept this address instead of the key:</p>
              <p className="govuk-body">
                <code className="app-break-anywhere">{data.setup.uri}</code>
              </p>
            </Details>
            <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="confirm" />
              <CodeInput error={codeError} label="6-digit code from your authenticator app" />
              <Button type="submit" disabled={busy}>
                Turn on two-factor sign-in
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Start again with a new key
              </Button>
            </Form>
          </>
        ) : (
          <>
            {data.mustSetUp ? <MustSetUp /> : null}
            <p className="govuk-body">
              With two-factor sign-in, you sign in with your password and a 6-digit code from an authenticator app on
              your phone. Someone who finds out your password still cannot sign in as you.
            </p>
            <p className="govuk-body">You will need a phone with an authenticator app installed.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <Button type="submit" disabled={busy}>
                Set up two-factor sign-in
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}

function MustSetUp() {
  return (
    <NotificationBanner>
      <p className="govuk-notification-banner__heading">
        Administrators must use two-factor sign-in. Set it up to continue: you cannot use the rest of the portal until
        it is on.
      </p>
    </NotificationBanner>
  );
}

function CodeInput({ error, label }: { error?: string; label: string }) {
  return (
    <TextInput
      id="code"
      label={label}
      hint="The code changes every 30 seconds."
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      width="10"
      error={error}
    />
  );
}
