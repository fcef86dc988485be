// The HTTP security headers and the cross-site rule (app/utils/security-headers.server.ts), and the session cookie's
// flags, as production and development set them. The browser journey (tests/e2e/security-headers.test.ts) checks
// them on the running server; the e2e server runs as production too, but over plain HTTP on localhost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  baseSecurityHeaders,
  crossSiteRefusal,
  graphiqlCsp,
  NON_HTML_CSP,
  NONCE_HEADER,
  newNonce,
  nonceOf,
  pageCsp,
} from '../../app/utils/security-headers.server';

const directives = (policy: string) => new Map(policy.split(/;\s*/).map((part) => [part.split(' ')[0]!, part.split(' ').slice(1).join(' ')]));

describe('Content-Security-Policy', () => {
  it('pages: scripts by nonce and from the portal only, nothing inline otherwise, no framing, no plugins', () => {
    const nonce = newNonce();
    const policy = directives(pageCsp(nonce, { production: false }));
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe(`'self' 'nonce-${nonce}'`);
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('style-src-attr')).toBe("'unsafe-inline'");
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(policy.get('font-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(pageCsp(nonce, { production: false })).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('pages in production also upgrade insecure requests', () => {
    expect(directives(pageCsp(newNonce(), { production: true })).has('upgrade-insecure-requests')).toBe(true);
  });

  it('GraphiQL: its script by nonce only, blob: workers, inline styles; never framed', () => {
    const nonce = newNonce();
    const policy = directives(graphiqlCsp(nonce));
    expect(policy.get('script-src')).toBe(`'nonce-${nonce}'`);
    expect(policy.get('worker-src')).toBe('blob:');
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(graphiqlCsp(nonce)).not.toMatch(/unsafe-eval/);
  });

  it('everything else: nothing at all', () => {
    expect(NON_HTML_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('nonces: 128 random bits each, the one server.ts set on the request, never a client\'s malformed one', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const set = newNonce();
    expect(nonceOf(new Request('http://portal.test/', { headers: { [NONCE_HEADER]: set } }))).toBe(set);
    const hostile = new Request('http://portal.test/', { headers: { [NONCE_HEADER]: `x' 'unsafe-inline` } });
    expect(nonceOf(hostile)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The same fresh nonce for every use with one request (GraphiQL's page and its header).
    expect(nonceOf(hostile)).toBe(nonceOf(hostile));
  });
});

describe('the other headers', () => {
  it('production: HSTS, nosniff, referrer and permissions policies, no framing', () => {
    const headers = baseSecurityHeaders({ production: true });
    expect(headers).toMatchObject({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Security-Policy': NON_HTML_CSP,
    });
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(headers['Permissions-Policy']).toContain(`${feature}=()`);
    }
  });

  it('development: no HSTS (it would pin localhost to HTTPS in the developer\'s browser)', () => {
    expect(baseSecurityHeaders({ production: false })).not.toHaveProperty('Strict-Transport-Security');
  });
});

describe('requests from other sites (crossSiteRefusal)', () => {
  const post = (headers: { origin?: string; secFetchSite?: string; forwardedHost?: string }) =>
    crossSiteRefusal({ method: 'POST', host: 'portal.example', ...headers });

  it('lets through the portal\'s own forms, and clients that are not browsers', () => {
    expect(post({ origin: 'https://portal.example', secFetchSite: 'same-origin' })).toBeNull();
    expect(post({ origin: 'http://PORTAL.example' })).toBeNull();
    expect(post({})).toBeNull();
    expect(post({ secFetchSite: 'none' })).toBeNull();
    expect(post({ origin: 'https://portal.public.example', forwardedHost: 'portal.public.example' })).toBeNull();
  });

  it('refuses another origin, a sibling subdomain, Origin null, a malformed Origin, and Sec-Fetch-Site without Origin', () => {
    expect(post({ origin: 'https://evil.example' })).toMatch(/Origin/);
    expect(post({ origin: 'https://portal.example.evil.example' })).toMatch(/Origin/);
    expect(post({ origin: 'https://portal.example:8443' })).toMatch(/Origin/);
    expect(post({ origin: 'null' })).toBe('Origin: null');
    expect(post({ origin: 'not a url' })).toMatch(/not a URL/);
    expect(post({ secFetchSite: 'cross-site' })).toMatch(/cross-site/);
    expect(post({ secFetchSite: 'same-site', origin: 'https://portal.example' })).toMatch(/same-site/);
  });

  it('judges every method that can change something, and no safe one', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(crossSiteRefusal({ method, host: 'portal.example', origin: 'https://evil.example' })).not.toBeNull();
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(crossSiteRefusal({ method, host: 'portal.example', origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBeNull();
    }
  });
});

describe('the session cookie', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  async function cookieFor(env: Record<string, string>) {
    vi.resetModules();
    Object.assign(process.env, env);
    const { sessionCookie } = await import('../../app/utils/session.server');
    return sessionCookie().serialize('a'.repeat(43));
  }

  it('production: __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const setCookie = await cookieFor({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) });
    expect(setCookie).toMatch(/^__Host-portal_session=/);
    const flags = setCookie.split(/;\s*/).slice(1).map((flag) => flag.toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=lax']));
    expect(flags.some((flag) => flag.startsWith('domain='))).toBe(false);
  });

  it('development: HttpOnly, SameSite=Lax, Path=/ (no Secure: plain http://localhost)', async () => {
    const setCookie = await cookieFor({ NODE_ENV: 'development', SESSION_SECRET: 's'.repeat(40) });
    expect(setCookie).toMatch(/^portal_session=/);
    const flags = setCookie.split(/;\s*/).slice(1).map((flag) => flag.toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=lax']));
    expect(flags).not.toContain('secure');
  });
});
