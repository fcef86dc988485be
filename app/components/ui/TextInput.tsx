// GOV.UK text input with label, hint, error message and aria-describedby wiring.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './fieldIds';

export type InputWidth =
  | '2'
  | '3'
  | '4'
  | '5'
  | '10'
  | '20'
  | '30'
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third'
  | 'one-quarter';

export type LabelSize = 's' | 'm' | 'l' | 'xl';

export interface TextInputProps
  extends Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'name' | 'className' | 'width' | 'prefix' | 'type' | 'children'
  > {
  /** id of the input (error summary links point here); also its name unless `name` is given. */
  id: string;
  name?: string;
  label: ReactNode;
  /** Larger label; with `isPageHeading` the label is wrapped in the page's h1 (one question per page). */
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'number' | 'tel' | 'url' | 'search' | 'date';
  /** govuk-input--width-N for a fixed number of characters, or govuk-!-width-* for a fraction of the column. */
  width?: InputWidth;
  /** Shown before/after the box, e.g. "£" or "days". */
  prefix?: string;
  suffix?: string;
  /** Extra classes for the input, e.g. "app-tabular-numbers". */
  className?: string;
}

export function TextInput({
  id,
  name,
  label,
  labelSize,
  isPageHeading = false,
  hint,
  error,
  type = 'text',
  width,
  prefix,
  suffix,
  className,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: TextInputProps) {
  const inputClasses = ['govuk-input', widthClass(width), error ? 'govuk-input--error' : undefined, className]
    .filter(Boolean)
    .join(' ');
  const labelClasses = ['govuk-label', labelSize ? `govuk-label--${labelSize}` : undefined].filter(Boolean).join(' ');
  const labelElement = (
    <label className={labelClasses} htmlFor={id}>
      {label}
    </label>
  );

  const input = (
    <input
      {...rest}
      id={id}
      name={name ?? id}
      type={type}
      className={inputClasses}
      aria-describedby={describedBy(id, { hint, error, extra: ariaDescribedBy })}
      aria-invalid={error ? true : rest['aria-invalid']}
    />
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
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

function widthClass(width: InputWidth | undefined): string | undefined {
  if (!width) return undefined;
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}
