import type { ReactNode } from 'react';

export interface WarningTextProps {
  children: ReactNode;
  /** Read by screen readers before the text, in place of the "!" icon. Defaults to "Warning". */
  iconFallbackText?: string;
}

/** GOV.UK warning text, e.g. "Do not include anything that could identify a child." */
export function WarningText({ children, iconFallbackText = 'Warning' }: WarningTextProps) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span> {children}
      </strong>
    </div>
  );
}
