// GOV.UK fieldset: groups related inputs under a legend (which may be the page's h1).
import type { ReactNode } from 'react';

export interface FieldsetProps {
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  /** Wrap the legend in the page's h1 (one question per page). */
  isPageHeading?: boolean;
  /** Ids of hint and error elements inside, for aria-describedby. */
  describedBy?: string;
  children: ReactNode;
  className?: string;
}

export function Fieldset({ legend, legendSize, isPageHeading = false, describedBy, children, className }: FieldsetProps) {
  const legendClasses = ['govuk-fieldset__legend', legendSize ? `govuk-fieldset__legend--${legendSize}` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className={['govuk-fieldset', className].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className={legendClasses}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
