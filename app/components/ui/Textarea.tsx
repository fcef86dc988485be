// GOV.UK textarea with label, hint, error message and aria-describedby wiring.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './fieldIds';
import type { LabelSize } from './TextInput';

export interface TextareaProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className' | 'children'> {
  id: string;
  name?: string;
  label: ReactNode;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  /** Defaults to 5. */
  rows?: number;
  className?: string;
}

export function Textarea({
  id,
  name,
  label,
  labelSize,
  isPageHeading = false,
  hint,
  error,
  rows = 5,
  className,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: TextareaProps) {
  const labelElement = (
    <label className={['govuk-label', labelSize ? `govuk-label--${labelSize}` : ''].join(' ').trim()} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        {...rest}
        id={id}
        name={name ?? id}
        rows={rows}
        className={['govuk-textarea', error ? 'govuk-textarea--error' : undefined, className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, { hint, error, extra: ariaDescribedBy })}
        aria-invalid={error ? true : rest['aria-invalid']}
      />
    </div>
  );
}
