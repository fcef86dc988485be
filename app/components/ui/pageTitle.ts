import { useEffect } from 'react';
import { SERVICE_NAME } from '../layout/navigation';

/**
 * The document title in GOV.UK form: "Initiatives – Commissioning and Outcomes Portal", prefixed "Error: " when
 * the page shows validation errors. Use in a route's `meta`: `[{ title: pageTitle('Initiatives') }]`.
 */
export function pageTitle(page?: string, options: { error?: boolean } = {}): string {
  const title = page ? `${page} – ${SERVICE_NAME}` : SERVICE_NAME;
  return options.error ? `Error: ${title}` : title;
}

/**
 * Marks the document title "Error: ..." while a form shows errors (GOV.UK pattern). Route `meta` cannot see action
 * data, so forms call this with whether their error summary is showing.
 */
export function useErrorTitle(hasErrors: boolean): void {
  useEffect(() => {
    if (hasErrors && !document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    if (!hasErrors && document.title.startsWith('Error: ')) document.title = document.title.slice('Error: '.length);
  }, [hasErrors]);
}
