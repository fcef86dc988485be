// The page's one h1 (govuk-heading-l), with an optional caption above it (e.g. the section or the service).
import type { ReactNode } from 'react';

export interface PageHeadingProps {
  children: ReactNode;
  /** Shown above the heading in grey, outside the h1 so the heading's accessible name is just `children`. */
  caption?: ReactNode;
  size?: 'xl' | 'l' | 'm';
  id?: string;
}

export function PageHeading({ children, caption, size = 'l', id }: PageHeadingProps) {
  return (
    <>
      {caption ? <span className={`govuk-caption-${size}`}>{caption}</span> : null}
      <h1 className={`govuk-heading-${size}`} id={id}>
        {children}
      </h1>
    </>
  );
}
