// The document: GOV.UK Frontend template structure without GOV.UK branding. `Layout` wraps both the app and
// the error boundary, so error pages keep the header, navigation and footer.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { Footer } from '~/components/layout/Footer';
import { Header } from '~/components/layout/Header';
import { ServiceNavigation } from '~/components/layout/ServiceNavigation';
import type { PortalRole } from '~/components/layout/navigation';
import { pageTitle } from '~/components/ui/pageTitle';
import { getEnv } from '~/utils/env.server';
import { useNonce } from '~/utils/nonce';
import { getOptionalUser } from '~/utils/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return json({
    user: user && { name: user.name, email: user.email, role: user.role, organisationName: user.organisationName },
    opccName: getEnv().OPCC_NAME,
  });
}

/** Used when the root loader itself failed, so the error page still names someone. */
const FALLBACK_OPCC_NAME = 'Office of the Police and Crime Commissioner';

const ROLE_NAMES: Record<PortalRole, string> = {
  ADMIN: 'administrator',
  POLICY_OFFICER: 'policy officer',
  COMMISSIONER: 'commissioner',
  PROVIDER: 'provider',
};

export const meta: MetaFunction<typeof loader> = ({ error }) => {
  if (!error) return [{ title: pageTitle() }];
  return [{ title: pageTitle(errorContent(error).title) }];
};

export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader failed: the error page must still render.
  const data = useRouteLoaderData<typeof loader>('root');
  const user = data?.user ?? null;
  const opccName = data?.opccName ?? FALLBACK_OPCC_NAME;
  const nonce = useNonce();

  useGovukFrontendBodyClasses();
  useFocusOnNavigation();

  return (
    <html lang="en" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d2a4d" />
        <Meta />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/styles/portal.css" />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <Header opccName={opccName} user={user} />
        {user ? <ServiceNavigation role={user.role as PortalRole} /> : null}
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer opccName={opccName} />
        {/* The only inline scripts, with this response's CSP nonce (app/entry.server.tsx). */}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const content = errorContent(error);
  const role = data?.user?.role as PortalRole | undefined;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{content.title}</h1>
        {content.kind === 'not-found' ? (
          <>
            <p className="govuk-body">If you typed the web address, check it is correct.</p>
            <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/">
                Go to the home page
              </a>
            </p>
          </>
        ) : null}
        {content.kind === 'forbidden' ? (
          <>
            <p className="govuk-body">
              {role
                ? `Your account has the ${ROLE_NAMES[role] ?? 'user'} role, which cannot see this page.`
                : 'Your role in the portal cannot see this page.'}
            </p>
            <p className="govuk-body">If you think you should be able to see it, contact the portal team.</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/">
                Go to the home page
              </a>
            </p>
          </>
        ) : null}
        {content.kind === 'unauthorised' ? (
          <>
            <p className="govuk-body">You may have been signed out because you did not use the portal for a while.</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/sign-in">
                Sign in
              </a>
            </p>
          </>
        ) : null}
        {content.kind === 'unavailable' ? (
          <>
            <p className="govuk-body">You will be able to use the portal again soon. Try again in a few minutes.</p>
            <p className="govuk-body">
              Anything you saved before this page appeared has been kept. If you were submitting something, check
              whether it was received when the portal is back.
            </p>
          </>
        ) : null}
        {content.kind === 'problem' ? (
          <>
            <p className="govuk-body">Try again later.</p>
            {content.requestId ? (
              <p className="govuk-body">
                Quote reference <strong className="app-tabular-numbers">{content.requestId}</strong> if you contact
                the portal team.
              </p>
            ) : null}
            <p className="govuk-body">
              <a className="govuk-link" href="/">
                Go to the home page
              </a>
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}

type ErrorContent =
  | { kind: 'not-found'; title: string }
  | { kind: 'forbidden'; title: string }
  | { kind: 'unauthorised'; title: string }
  | { kind: 'unavailable'; title: string }
  | { kind: 'problem'; title: string; requestId?: string };

/** What to show for a thrown error. Never its message or stack: those can reveal internals. */
function errorContent(error: unknown): ErrorContent {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return { kind: 'not-found', title: 'Page not found' };
    if (error.status === 403) return { kind: 'forbidden', title: 'You do not have permission to view this page' };
    if (error.status === 401) return { kind: 'unauthorised', title: 'You need to sign in to view this page' };
    // The database unreachable (app/utils/unavailable.server.ts): the server answers 503 with Retry-After.
    if (error.status === 503) return { kind: 'unavailable', title: 'Sorry, the service is unavailable' };
    return { kind: 'problem', title: 'Sorry, there is a problem with the service', requestId: requestIdOf(error.data) };
  }
  return { kind: 'problem', title: 'Sorry, there is a problem with the service', requestId: requestIdOf(error) };
}

/** A request id from `throw json({ requestId }, { status: 500 })` (or an error object carrying one). */
function requestIdOf(value: unknown): string | undefined {
  let candidate: unknown = value;
  if (typeof candidate === 'string') {
    try {
      candidate = JSON.parse(candidate);
    } catch {
      return undefined;
    }
  }
  if (candidate && typeof candidate === 'object' && 'requestId' in candidate) {
    const id = (candidate as { requestId: unknown }).requestId;
    // Shown to the user: only a plain, short token, never arbitrary text.
    if (typeof id === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(id)) return id;
  }
  return undefined;
}

/** GOV.UK Frontend's body classes, added after hydration instead of by an inline script (CSP without inline scripts). */
function useGovukFrontendBodyClasses() {
  useEffect(() => {
    document.body.classList.add('js-enabled');
    if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');
  }, []);
}

/**
 * After client-side navigation to another page, move focus to the new page's h1 (or main), as a full page load
 * would put keyboard and screen reader users at the start of the page. Left alone when something inside main
 * already took focus (e.g. an error summary or a success banner focusing itself), and on same-page changes
 * (query string, hash, form errors).
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main-content');
    if (!main) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== main && main.contains(active)) return;
    const heading = main.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
}
