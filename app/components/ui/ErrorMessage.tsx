import type { ReactNode } from 'react';

export interface ErrorMessageProps {
  id: string;
  children: ReactNode;
}

/** GOV.UK error message: red text beside the field, prefixed "Error:" for screen readers. */
export function ErrorMessage({ id, children }: ErrorMessageProps) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}
