// GOV.UK summary list: key/value rows, each with an optional change link.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export interface SummaryListAction {
  href: string;
  text: string;
  /** Completes the link text for screen readers, e.g. text "Change", visuallyHiddenText "contact name". */
  visuallyHiddenText: string;
}

export interface SummaryListRow {
  key: string;
  value: ReactNode;
  action?: SummaryListAction;
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
  className?: string;
}

export function SummaryList({ rows, noBorder = false, className }: SummaryListProps) {
  const anyActions = rows.some((row) => row.action);
  const classes = ['govuk-summary-list', noBorder ? 'govuk-summary-list--no-border' : undefined, className]
    .filter(Boolean)
    .join(' ');
  return (
    <dl className={classes}>
      {rows.map((row, index) => (
        <div
          key={`${row.key}-${index}`}
          className={`govuk-summary-list__row${anyActions && !row.action ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.href}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.visuallyHiddenText}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
