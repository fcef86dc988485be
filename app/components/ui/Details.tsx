import type { ReactNode } from 'react';

export interface DetailsProps {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
}

/** GOV.UK details: a native <details> disclosure, works without JavaScript. */
export function Details({ summary, children, open }: DetailsProps) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
