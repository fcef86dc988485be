import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

export interface BackLinkProps {
  href: string;
  /** Defaults to "Back". */
  children?: ReactNode;
}

/** GOV.UK back link: put it first on the page, above the heading. Always a real URL, never history.back(). */
export function BackLink({ href, children = 'Back' }: BackLinkProps) {
  return (
    <Link to={href} className="govuk-back-link">
      {children}
    </Link>
  );
}
