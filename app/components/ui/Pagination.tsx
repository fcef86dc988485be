// GOV.UK pagination (https://design-system.service.gov.uk/components/pagination/): previous and next links and the
// page numbers (the first, the last and those beside the current one, with an ellipsis for the gaps), the current
// one marked with aria-current. `hrefFor` makes each page's URL, so the caller keeps its other parameters.
import { Link } from '@remix-run/react';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** The navigation's accessible name, e.g. "Pages of services". */
  label: string;
}

export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  const numbers = Array.from({ length: pageCount }, (_, index) => index + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= 1,
  );
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {numbers.map((n, index) => (
          <li key={n} className={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
            {index > 0 && n - numbers[index - 1]! > 1 ? <span aria-hidden="true">⋯ </span> : null}
            <Link className="govuk-link govuk-pagination__link" to={hrefFor(n)} aria-label={`Page ${n}`} aria-current={n === page ? 'page' : undefined}>
              {n}
            </Link>
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
