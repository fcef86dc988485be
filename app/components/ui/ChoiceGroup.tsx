// GOV.UK radios and checkboxes: a fieldset with a legend, hint and error message. The first option's id is
// the group's `id`, so the error summary's #id link lands on it (as GOV.UK Frontend does).
import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { describedBy } from './fieldIds';

export interface ChoiceOption {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

interface ChoiceGroupProps {
  /** The id of the first option (error summary links point here); other options get `${id}-2`, `${id}-3`, ... */
  id: string;
  name: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  options: ChoiceOption[];
  /** Side by side (radios with two short options, e.g. Yes / No). */
  inline?: boolean;
  small?: boolean;
}

export interface RadiosProps extends ChoiceGroupProps {
  defaultValue?: string;
}

export interface CheckboxesProps extends ChoiceGroupProps {
  defaultValues?: string[];
}

export function Radios({ defaultValue, ...props }: RadiosProps) {
  return <ChoiceGroup {...props} kind="radios" isChecked={(value) => value === defaultValue} />;
}

export function Checkboxes({ defaultValues = [], ...props }: CheckboxesProps) {
  return <ChoiceGroup {...props} kind="checkboxes" isChecked={(value) => defaultValues.includes(value)} />;
}

function ChoiceGroup({
  kind,
  isChecked,
  id,
  name,
  legend,
  legendSize,
  isPageHeading = false,
  hint,
  error,
  options,
  inline = false,
  small = false,
}: ChoiceGroupProps & { kind: 'radios' | 'checkboxes'; isChecked: (value: string) => boolean }) {
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  const legendClasses = ['govuk-fieldset__legend', legendSize ? `govuk-fieldset__legend--${legendSize}` : undefined]
    .filter(Boolean)
    .join(' ');
  const groupClasses = [
    `govuk-${kind}`,
    inline ? `govuk-${kind}--inline` : undefined,
    small ? `govuk-${kind}--small` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, { hint, error })}>
        <legend className={legendClasses}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className={groupClasses} data-module={`govuk-${kind}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div key={option.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={type}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  disabled={option.disabled}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {option.text}
                </label>
                {option.hint ? (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
