// The portal's HTTP security headers and the cross-site request rule, in one place: server.ts applies them to every
// response and request, app/entry.server.tsx gives each rendered page its Content-Security-Policy, graphql/yoga.ts
// gives GraphiQL's page its own. Pure functions, unit-tested (tests/unit/security-headers.test.ts); the browser
// journey tests/e2e/security-headers.test.ts checks them in Chromium. Reasons: docs/decisions/0008.
import { randomBytes } from 'node:crypto';

/**
 * The request header that carries this response's CSP nonce from server.ts to the page renderer (and GraphiQL).
 * server.ts always overwrites it: a value sent by the client is never used.
 */
export const NONCE_HEADER = 'x-portal-csp-nonce';

/** 128 random bits, base64url (22 characters): a fresh one for every response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const generated = new WeakMap<Request, string>();

/**
 * The nonce server.ts put on the request; without one (a request that did not come through server.ts), a fresh one,
 * the same for every call with this request.
 */
export function nonceOf(request: Request): string {
  const nonce = request.headers.get(NONCE_HEADER);
  if (nonce && NONCE_PATTERN.test(nonce)) return nonce;
  let fresh = generated.get(request);
  if (!fresh) {
    fresh = newNonce();
    generated.set(request, fresh);
  }
  return fresh;
}

/**
 * Every HTML page the portal renders. Scripts: the build's own files ('self': the JavaScript under /build, served
 * with nosniff, and nothing users upload is ever served from the portal's origin) and the inline scripts Remix
 * writes (the hydration data, the module loader, scroll restoration), which carry this response's nonce; nothing
 * else inline, no event-handler attributes, no eval. Not 'strict-dynamic': it would ignore 'self', and Remix's
 * <link rel="modulepreload"> tags (which cannot carry a nonce) would be refused.
 * Styles: the portal's stylesheet only; `style` attributes are allowed (style-src-attr) because React writes the
 * few inline styles of the pages (white-space for multi-line text) and recharts its SVG layout as attributes in the
 * server's HTML; an attribute can only change how an element looks, never run script, and no <style> element or
 * other site's stylesheet is allowed.
 */
export function pageCsp(nonce: string, options: { production: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.production ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * GraphiQL (the API explorer, OPCC staff only), served by GraphQL Yoga as one page: its 10 MB script is inline
 * (allowed by this response's nonce), its editor (Monaco) runs its language services in workers made from blob:
 * URLs, and it styles itself with an inline <style> element and style attributes throughout, so styles are relaxed
 * ('unsafe-inline'); scripts are not (the nonce only), and it still may not be framed or post forms elsewhere.
 */
export function graphiqlCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}'`,
    "worker-src blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Everything that is not a page (JSON, CSV, XLSX, stylesheets, scripts, images, plain-text errors). */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries (a page's own Content-Security-Policy then replaces the default one). */
export function baseSecurityHeaders(options: { production: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy': NON_HTML_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    ...(options.production ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request that could change something (any method but GET, HEAD and OPTIONS) is refused as coming from
 * another site, or null when it is not. Browsers send Origin on every cross-origin POST and Sec-Fetch-Site on every
 * request; clients that are not browsers (API tokens, scripts) send neither and are judged by their credentials.
 * - Origin "null" (sandboxed frames, data: URLs, cross-origin redirects) is refused: the portal's own forms always
 *   send their origin (Referrer-Policy same-origin).
 * - Origin whose host is not the portal's (the Host header, or X-Forwarded-Host behind a trusted proxy) is refused.
 * - Sec-Fetch-Site cross-site or same-site (a sibling subdomain) is refused even without Origin.
 */
export function crossSiteRefusal(request: {
  method: string;
  origin?: string | undefined;
  host?: string | undefined;
  forwardedHost?: string | undefined;
  secFetchSite?: string | undefined;
}): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.secFetchSite?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = request.origin;
  if (origin === undefined) return null;
  if (origin === 'null') return 'Origin: null';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'Origin is not a URL';
  }
  const allowed = [request.host, request.forwardedHost].filter((value): value is string => !!value).map((value) => value.toLowerCase());
  return allowed.includes(host.toLowerCase()) ? null : `Origin ${origin}`;
}

export const CROSS_SITE_MESSAGE = 'Requests from other sites are not accepted.';
