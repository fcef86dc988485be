// "Your account": who you are signed in as, and whether you sign in with a code from an authenticator app (with the
// way to set it up or turn it off). Session and sign-in data only (app/utils/auth.server.ts), like the sign-in
// pages: nothing here goes through the API.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PageHeading, SummaryList, pageTitle, type SummaryListRow } from '~/components/ui';
import { formatDate } from '~/components/format/dates';
import { ROLE_LABELS } from '~/components/format/labels';
import { twoFactorStatus } from '~/utils/auth.server';
import { requireUser } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: pageTitle('Your account') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user);
  return json({
    name: user.name,
    email: user.email,
    role: user.role,
    organisationName: user.organisationName,
    twoFactor: { offered: status.offered, enabled: status.enabled, enabledAt: status.enabledAt },
  });
}

export default function Account() {
  const { name, email, role, organisationName, twoFactor } = useLoaderData<typeof loader>();
  const twoFactorRow: SummaryListRow = twoFactor.offered
    ? {
        key: 'Two-factor sign-in',
        value: twoFactor.enabled
          ? `On${twoFactor.enabledAt ? ` since ${formatDate(twoFactor.enabledAt)}` : ''}: you sign in with your password and a code from your authenticator app`
          : 'Off: you sign in with your password only',
        action: {
          href: '/account/two-factor',
          text: twoFactor.enabled ? 'Change' : 'Set up',
          visuallyHiddenText: 'two-factor sign-in',
        },
      }
    : { key: 'Two-factor sign-in', value: 'Not available for provider accounts' };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Your account</PageHeading>
        <SummaryList
          rows={[
            { key: 'Name', value: name },
            { key: 'Email address', value: email },
            { key: 'Role', value: ROLE_LABELS[role] },
            { key: 'Organisation', value: organisationName },
            twoFactorRow,
          ]}
        />
        <p className="govuk-body">
          To change your name, email address or role, or if you have forgotten your password, ask your
          organisation&apos;s portal administrator.
        </p>
      </div>
    </div>
  );
}
