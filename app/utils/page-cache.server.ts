// Rendered pages kept in memory and answered again, for the same session, while nothing they can show changed.
//
// Only the read-only pages listed in CACHED_PATHS (the portfolio and the dashboards, the pages that cost the most to
// build) are kept. Every request still has its session checked first (cookie, expiry, idle time, deactivated user,
// archived organisation: session.server.ts, one statement), and that same statement reads the database's data
// version (`data_version()`, migration 20261130000000_page_data_version, ADR 0010). A page is kept under
//
//   (that version, the session, the London date, the full URL)
//
// and answered only to a request of the same session, for the same URL, on the same day, that reads the same
// version. Why it cannot be stale: every statement that writes to a table a page can read takes a shared lock for
// the rest of its transaction and then moves the version on; `data_version()` reads the version and then answers
// NULL (not kept, not answered from here) while any such transaction holds the lock. So when a request reads v, every
// write counted in v has ended and is seen by the page's reads, which come after; and a write that ends later moved
// the version past v, so no later request reads v again. (Reads made while a write ended make the page newer than
// its key, never older; and its key is then dead.) Writes to tables no kept page reads (sessions and their idle clock,
// sign-in attempts, the audit trail, notifications, ...) leave the version alone: tests/api/page-data-version.test.ts
// checks that the listed pages read none of them and that every other table moves it.
// What else a page depends on is in the key: who (the session, so never another user's page), what (the URL with
// its filters), when (the London date: the pages' "today", current year, ending contracts); the pages listed read
// nothing else (no clock finer than the date, no other cookie or header). Only 200 answers without Set-Cookie or
// `no-store` are kept.
//
// Bounded: at most MAX_ENTRY_BYTES per page, maxBytes in all (least recently used first out); entries of older
// versions are dropped as soon as a newer one is seen. Set PAGE_CACHE_MB=0 to turn it off.
//
// A page is never answered twice with the same Content-Security-Policy nonce (a nonce an attacker has seen once must
// not let a script run later): the nonce a page was rendered with is read from its CSP header when it is kept, with
// the byte offsets of each `nonce="..."` in its body; each answer from the cache writes this request's nonce (from
// server.ts, app/utils/security-headers.server.ts) at those offsets of a copy of the body, and into the header. A
// nonce has a fixed length, so the offsets never move: one copy of the page and a few 22-byte writes per hit.
import { todayInLondon } from '../../graphql/domain/periods';
import { nonceOf } from './security-headers.server';
import { dataVersionOf, getOptionalUser } from './session.server';

/** Pages that only read, and depend only on the database, the signed-in user, the URL and the date. */
export const CACHED_PATHS: ReadonlySet<string> = new Set([
  '/services',
  '/dashboards',
  '/dashboards/contracts-ending',
  '/dashboards/coverage',
  '/dashboards/initiatives',
  '/dashboards/outcomes',
  '/dashboards/reach',
  '/dashboards/timeliness',
  '/dashboards/value-for-money',
]);

/**
 * The tables whose writes leave the data version alone, because no page in CACHED_PATHS reads them (the session lookup
 * reads `session` on every request, kept page or not). The migration that installs the data version names the same
 * tables; tests/api/page-data-version.test.ts checks both lists and the pages.
 */
export const UNCOUNTED_TABLES: readonly string[] = [
  'session',
  'login_attempt',
  'password_reset',
  'api_token',
  'audit_event',
  'notification',
  'email_outbox',
];

const MAX_ENTRY_BYTES = 1024 * 1024;

export interface CachedPage {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

export type PageCacheLookup = { page: CachedPage } | { key: string } | null;

export interface PageCache {
  /**
   * The page kept for this request (same session, URL, day and data version); otherwise the key to keep its answer
   * under; null when the request cannot be answered from the cache (not a GET of a listed page, not signed in, or a
   * write to what pages show was in progress).
   */
  lookup(request: Request): Promise<PageCacheLookup>;
  /**
   * Keeps the answer under `key` when it may be kept; answers the page to send (read from the response), or null
   * when the response was left untouched (send it as it is).
   */
  store(key: string, response: Response): Promise<CachedPage | null>;
  readonly stats: { hits: number; misses: number; entries: number; bytes: number };
}

/** A kept page, with the nonce it was rendered with and where that nonce is written in its body. */
interface Entry {
  page: CachedPage;
  nonce: string | null;
  offsets: number[];
}

const CSP_NONCE = /'nonce-([A-Za-z0-9_-]+)'/;

function entryOf(page: CachedPage): Entry {
  const csp = page.headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  const nonce = csp ? (CSP_NONCE.exec(csp)?.[1] ?? null) : null;
  const offsets: number[] = [];
  if (nonce) {
    // Only the nonce attributes React wrote (the nonce is random: it cannot be part of the page's own text).
    const attribute = Buffer.from(`nonce="${nonce}"`);
    const skip = 'nonce="'.length;
    for (let at = page.body.indexOf(attribute); at !== -1; at = page.body.indexOf(attribute, at + attribute.length)) {
      offsets.push(at + skip);
    }
  }
  return { page, nonce, offsets };
}

/** The kept page with this request's nonce in its body and its header (the kept copy is not changed). */
function withNonce(entry: Entry, nonce: string): CachedPage {
  const { page } = entry;
  if (!entry.nonce || nonce.length !== entry.nonce.length) return page;
  const body = Buffer.allocUnsafe(page.body.byteLength);
  page.body.copy(body);
  for (const offset of entry.offsets) body.write(nonce, offset, 'latin1');
  const old = `'nonce-${entry.nonce}'`;
  const headers = page.headers.map(([name, value]): [string, string] =>
    name.toLowerCase() === 'content-security-policy' ? [name, value.replace(old, `'nonce-${nonce}'`)] : [name, value],
  );
  return { ...page, headers, body };
}

/** A data version as a number (it only grows); -1 for anything else. */
function versionNumber(version: string): bigint {
  return /^\d+$/.test(version) ? BigInt(version) : -1n;
}

const SEPARATOR = '\u0000';

/** Whose request it is and the data version its session lookup read (null: signed out, or not cacheable). */
export type RequestState = (request: Request) => Promise<{ sessionId: string; version: string } | null>;

const sessionState: RequestState = async (request) => {
  const user = await getOptionalUser(request);
  const version = user ? await dataVersionOf(request) : null;
  return user && version ? { sessionId: user.sessionId, version } : null;
};

export function createPageCache(
  maxBytes: number,
  options: { stateOf?: RequestState; today?: () => string } = {},
): PageCache {
  const stateOf = options.stateOf ?? sessionState;
  const today = options.today ?? (() => todayInLondon());
  const pages = new Map<string, Entry>(); // least recently used first
  let bytes = 0;
  let newest = -1n;
  let hits = 0;
  let misses = 0;

  const remove = (key: string) => {
    const entry = pages.get(key);
    if (!entry) return;
    pages.delete(key);
    bytes -= entry.page.body.byteLength;
  };

  return {
    get stats() {
      return { hits, misses, entries: pages.size, bytes };
    },
    async lookup(request) {
      if (maxBytes <= 0 || request.method !== 'GET' || !CACHED_PATHS.has(new URL(request.url).pathname)) return null;
      const state = await stateOf(request);
      if (!state) return null;
      // Pages of an older version can never be answered again: drop them all when a newer one shows up.
      const version = versionNumber(state.version);
      if (version > newest) {
        newest = version;
        pages.clear();
        bytes = 0;
      }
      const key = [state.version, state.sessionId, today(), request.url].join(SEPARATOR);
      const entry = pages.get(key);
      if (!entry) {
        misses += 1;
        return { key };
      }
      hits += 1;
      pages.delete(key);
      pages.set(key, entry);
      return { page: withNonce(entry, nonceOf(request)) };
    },
    async store(key, response) {
      if (response.status !== 200 || response.headers.has('set-cookie')) return null;
      if (/no-store/i.test(response.headers.get('cache-control') ?? '')) return null;
      const page: CachedPage = {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        body: Buffer.from(await response.arrayBuffer()),
      };
      const [version = '', , day] = key.split(SEPARATOR);
      // Not kept (still the right answer to this request): a newer version was seen meanwhile (this one cannot come
      // back), the day changed while it was rendered, or it is too big.
      if (versionNumber(version) < newest || day !== today() || page.body.byteLength > MAX_ENTRY_BYTES) return page;
      remove(key);
      pages.set(key, entryOf(page));
      bytes += page.body.byteLength;
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      return page;
    },
  };
}
