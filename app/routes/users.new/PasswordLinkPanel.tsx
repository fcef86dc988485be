// The one-time set-password link, shown once to the administrator (only its hash is stored).
import { InsetText, SummaryList, WarningText } from '~/components/ui';
import { formatDate } from '~/components/format/dates';

const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

export function PasswordLinkDetails({ name, email, url, expiresAt }: { name: string; email: string; url: string; expiresAt: string }) {
  return (
    <>
      <p className="govuk-body">
        Send this link to {name} ({email}) so they can set their password. It is valid for 24 hours and works once.
      </p>
      <SummaryList
        rows={[
          {
            key: 'Set-password link',
            value: (
              <code style={{ overflowWrap: "anywhere" }}>
                {url}
              </code>
            ),
          },
          { key: 'Valid until', value: `${TIME.format(new Date(expiresAt)).replace(' ', '')} on ${formatDate(expiresAt)}` },
        ]}
      />
      <WarningText>This link is shown once. Copy it now: you cannot see it again. If it is lost, reset the password to make a new one.</WarningText>
      <InsetText>Send it only to the person it is for, for example by email to the address above.</InsetText>
    </>
  );
}
