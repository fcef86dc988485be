// GOV.UK notification banner. "Important" (role="region", a landmark) by default; `success` gives the green
// "Success" banner (role="alert"), focused when it appears, as GOV.UK Frontend's JavaScript does.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface NotificationBannerProps {
  /** Defaults to "Important", or "Success" for a success banner. */
  title?: string;
  success?: boolean;
  /** A string is shown as the banner's heading paragraph; pass elements for richer content. */
  children: ReactNode;
  /** Do not move focus to a success banner when it appears. */
  disableAutoFocus?: boolean;
  titleHeadingLevel?: 2 | 3 | 4;
}

export function NotificationBanner({
  title,
  success = false,
  children,
  disableAutoFocus = false,
  titleHeadingLevel = 2,
}: NotificationBannerProps) {
  const titleId = `notification-banner-title-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLDivElement>(null);
  const focusOnMount = success && !disableAutoFocus;

  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);

  const Heading = `h${titleHeadingLevel}` as const;
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={focusOnMount ? -1 : undefined}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {typeof children === 'string' ? <p className="govuk-notification-banner__heading">{children}</p> : children}
      </div>
    </div>
  );
}
