// "Sorry, the service is unavailable": what the portal answers while its database cannot be reached (stopped,
// restarting, out of connections, unreachable). Pages get HTTP 503 with `Retry-After`, rendered by the root
// ErrorBoundary; API callers get the same status with a GraphQL-shaped error (code SERVICE_UNAVAILABLE). Nothing
// about the failure itself (host, port, driver message) is shown. The server recovers by itself when the database
// returns: its pools drop broken connections and open new ones (graphql/db.ts).
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../graphql/db';
import { SERVICE_NAME } from '../components/layout/navigation';

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

export const SERVICE_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

/** The body of every 503: JSON that an API client reads as a GraphQL error, and that pages never show. */
export function serviceUnavailableBody(): string {
  return JSON.stringify({
    errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: SERVICE_UNAVAILABLE_CODE } }],
  });
}

/** Thrown by the session lookup and the pages' bridge: the root ErrorBoundary renders it as the 503 page. */
export function serviceUnavailable(): Response {
  return new Response(serviceUnavailableBody(), {
    status: 503,
    statusText: 'Service Unavailable',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The same page as the ErrorBoundary's 503, as plain HTML for the server to answer without Remix (a request that
 * failed outside a loader, or while the server already knows the database is down). No script, no inline style.
 */
export function unavailablePage(opccName: string): string {
  const name = escapeHtml(opccName);
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#1d2a4d">
<title>Sorry, the service is unavailable – ${SERVICE_NAME}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/styles/portal.css">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="app-header">
<div class="govuk-width-container app-header__container">
<div class="app-header__brand">
<div>
<p class="app-header__organisation">${name}</p>
<a href="/" class="app-header__link app-header__service-name">${SERVICE_NAME}</a>
</div>
</div>
</div>
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper app-main" id="main-content" tabindex="-1">
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Sorry, the service is unavailable</h1>
<p class="govuk-body">You will be able to use the portal again soon. Try again in a few minutes.</p>
<p class="govuk-body">Anything you saved before this page appeared has been kept. If you were submitting something, check whether it was received when the portal is back.</p>
</div>
</div>
</main>
</div>
<footer class="app-footer">
<div class="govuk-width-container">
<p class="app-footer__owner">This portal is run by the ${name.replace(/^the\s+/i, '')}.</p>
</div>
</footer>
</body>
</html>
`;
}
