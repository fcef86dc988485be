// GOV.UK error summary: "There is a problem", one link per error to its field. Focused when it appears
// (and again when the errors change) so keyboard and screen reader users land on it after submitting.
import { useEffect, useRef, type MouseEvent } from 'react';

export interface FieldError {
  /** The id of the field in error (the link goes to #field). */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: FieldError[];
  /** Defaults to "There is a problem". */
  title?: string;
}

export function ErrorSummary({ errors, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((error) => `${error.field}\u0000${error.message}`).join('\u0001');

  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);

  if (errors.length === 0) return null;

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}-${error.message}`}>
                <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * As GOV.UK Frontend does: move focus to the field itself and scroll so its label (or its fieldset's legend)
 * is in view too. Without JavaScript the plain #field link still jumps to the field.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const input = document.getElementById(field);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  const target = legend ?? label ?? input;
  target.scrollIntoView();
  input.focus({ preventScroll: true });
}
