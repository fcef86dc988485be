import { Writable } from 'node:stream';
import type { EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { getEnv } from '~/utils/env.server';
import { NonceContext } from '~/utils/nonce';
import { createPageCache, type PageCache } from '~/utils/page-cache.server';
import { nonceOf, pageCsp } from '~/utils/security-headers.server';

const ABORT_DELAY = 5_000;

let cache: PageCache | undefined;

/**
 * The cache of rendered pages (app/utils/page-cache.server.ts), for server.ts: exported from the build's entry so it
 * shares the build's modules (the session lookup it relies on, cached per request, is the one the loaders use).
 */
export function pageCache(): PageCache {
  cache ??= createPageCache(getEnv().PAGE_CACHE_MB * 1024 * 1024);
  return cache;
}

/**
 * Renders the whole document, then answers it in one piece (with its Content-Length). The portal defers nothing
 * (no `defer`, no Suspense), so streaming could not send anything earlier than the complete page; sending it as
 * React's 2 KB chunks through a web stream cost a socket write and several promise turns per chunk (about a tenth
 * of the server's CPU per page under load: docs/performance.md).
 * With its Content-Security-Policy: Remix's inline scripts carry this response's nonce (made by server.ts for each
 * request), nothing else inline may run (app/utils/security-headers.server.ts).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = nonceOf(request);
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let failed = false;
    const collect = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        responseHeaders.set('Content-Length', String(body.byteLength));
        responseHeaders.set('Content-Security-Policy', pageCsp(nonce, { production: getEnv().NODE_ENV === 'production' }));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          if (!failed) pipe(collect);
        },
        onShellError(error: unknown) {
          failed = true;
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
