// GOV.UK select. Prefer radios for fewer than about 7 options.
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './fieldIds';
import type { LabelSize } from './TextInput';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className' | 'children'> {
  id: string;
  name?: string;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: ReactNode;
  options: SelectOption[];
  className?: string;
}

export function Select({
  id,
  name,
  label,
  labelSize,
  hint,
  error,
  options,
  className,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: SelectProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={['govuk-label', labelSize ? `govuk-label--${labelSize}` : ''].join(' ').trim()} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        {...rest}
        id={id}
        name={name ?? id}
        className={['govuk-select', error ? 'govuk-select--error' : undefined, className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, { hint, error, extra: ariaDescribedBy })}
        aria-invalid={error ? true : rest['aria-invalid']}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
