// The page cache (app/utils/page-cache.server.ts) never answers a page twice with the same CSP nonce: each answer
// from the cache carries the nonce server.ts made for its request, in the Content-Security-Policy header and in every
// nonce attribute of the body, and nothing else in the page changes.
import { describe, expect, it } from 'vitest';
import { createPageCache, type RequestState } from '../../app/utils/page-cache.server';
import { NONCE_HEADER, newNonce, pageCsp } from '../../app/utils/security-headers.server';

const stateOf: RequestState = async () => ({ sessionId: 'session-a', version: '105' });

const request = (nonce?: string) =>
  new Request('http://portal.test/dashboards/reach?financialYear=2025', { headers: nonce ? { [NONCE_HEADER]: nonce } : {} });

/** A page as app/entry.server.tsx renders it: the nonce in its CSP header and on each of Remix's inline scripts. */
function renderedPage(nonce: string) {
  const body =
    `<!DOCTYPE html><html><head><link rel="modulepreload" href="/build/entry.js"/></head><body>` +
    `<p>The text of the page, with "nonce" and '${'x'.repeat(22)}' in it.</p>` +
    `<script nonce="${nonce}">console.log("scroll")</script>` +
    `<script nonce="${nonce}">window.__remixContext = {};</script>` +
    `<script nonce="${nonce}" type="module" async="">import "/build/manifest.js";</script></body></html>`;
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': pageCsp(nonce, { production: true }) },
  });
}

const headerNonce = (headers: [string, string][]) =>
  /'nonce-([^']+)'/.exec(headers.find(([name]) => name === 'content-security-policy')?.[1] ?? '')?.[1];
const bodyNonces = (body: Buffer) => [...body.toString('utf8').matchAll(/<script nonce="([^"]+)"/g)].map((match) => match[1]);

describe('page cache and CSP nonces', () => {
  it('answers each hit with its own request\'s nonce, in the header and on every script', async () => {
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const rendered = newNonce();
    const miss = await cache.lookup(request(rendered));
    if (!miss || !('key' in miss)) throw new Error('expected a miss');
    const sent = await cache.store(miss.key, renderedPage(rendered));
    expect(headerNonce(sent!.headers)).toBe(rendered);
    const original = sent!.body.toString('utf8');

    const seen = new Set([rendered]);
    for (let serve = 0; serve < 3; serve += 1) {
      const nonce = newNonce();
      const hit = await cache.lookup(request(nonce));
      if (!hit || !('page' in hit)) throw new Error('expected a hit');
      expect(headerNonce(hit.page.headers)).toBe(nonce);
      expect(bodyNonces(hit.page.body)).toEqual([nonce, nonce, nonce]);
      expect(hit.page.body.toString('utf8')).not.toContain(rendered);
      // Only the nonces changed.
      expect(hit.page.body.toString('utf8').replaceAll(nonce, rendered)).toBe(original);
      expect(hit.page.headers.find(([name]) => name === 'content-security-policy')?.[1]).toBe(pageCsp(nonce, { production: true }));
      seen.add(nonce);
    }
    expect(seen.size).toBe(4);
    expect(cache.stats).toMatchObject({ hits: 3, entries: 1 });
  });

  it('makes a fresh nonce when the request has none, never the kept one', async () => {
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const rendered = newNonce();
    const miss = (await cache.lookup(request(rendered))) as { key: string };
    await cache.store(miss.key, renderedPage(rendered));
    const first = (await cache.lookup(request())) as { page: { headers: [string, string][]; body: Buffer } };
    const second = (await cache.lookup(request('not a nonce: ignored'))) as { page: { headers: [string, string][]; body: Buffer } };
    for (const { page } of [first, second]) {
      const nonce = headerNonce(page.headers);
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(nonce).not.toBe(rendered);
      expect(bodyNonces(page.body)).toEqual([nonce, nonce, nonce]);
    }
    expect(headerNonce(first.page.headers)).not.toBe(headerNonce(second.page.headers));
  });

  it('leaves pages without a nonce as they are', async () => {
    const cache = createPageCache(1024 * 1024, { stateOf, today: () => '2026-11-29' });
    const miss = (await cache.lookup(request(newNonce()))) as { key: string };
    await cache.store(miss.key, new Response('<h1>Reach</h1>', { headers: { 'content-type': 'text/html' } }));
    const hit = (await cache.lookup(request(newNonce()))) as { page: { body: Buffer } };
    expect(hit.page.body.toString()).toBe('<h1>Reach</h1>');
  });
});
