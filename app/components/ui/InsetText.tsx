import type { ReactNode } from 'react';

export interface InsetTextProps {
  children: ReactNode;
  id?: string;
}

/** GOV.UK inset text: a quotation, an example or additional information about the page. */
export function InsetText({ children, id }: InsetTextProps) {
  return (
    <div className="govuk-inset-text" id={id}>
      {children}
    </div>
  );
}
