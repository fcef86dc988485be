// The bodies of requests to pages, checked before Remix reads them (server.ts). Every action reads its form with
// request.formData() (or Remix's multipart parser), which throws on a body that is not a form, and Remix answered
// that with its 500 page: a JSON or text body, a multipart body without a boundary or cut short (found by the fuzz
// tests, tests/e2e/fuzz-forms.test.ts). So a POST to a page must be a form:
// - application/x-www-form-urlencoded (every <Form>), or
// - multipart/form-data with a boundary (the CSV upload; the return's autosave posts FormData), read here and parsed
//   once: a broken one is refused, a good one goes on to Remix as it came (server.ts hands it over, bufferedBody);
// anything else is 415. The API (/graphql) reads its own bodies and is left alone.
import type { NextFunction, Request, Response } from 'express';

/** The largest multipart body: a return's CSV file (5 MB) with its envelope. */
export const MAX_MULTIPART_BYTES = 6 * 1024 * 1024;

export const NOT_A_FORM_MESSAGE = 'Send the form as application/x-www-form-urlencoded or multipart/form-data.';
export const BROKEN_FORM_MESSAGE = 'The form could not be read. Go back to the page and send it again.';
export const FORM_TOO_LARGE_MESSAGE = 'The form is too large: a file can be at most 5 MB.';

const buffered = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/** The body formBodies read from a multipart request (to hand to Remix instead of the spent stream), if any. */
export function bufferedBody(req: object): Uint8Array<ArrayBuffer> | undefined {
  return buffered.get(req);
}

/** What to answer a request whose body is not a form (null: it may go on), from its method, path and content type. */
export function formBodyRefusal(method: string, path: string, contentType: string | undefined): { status: 415; message: string } | null {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) || path === '/graphql' || path.startsWith('/graphql/')) return null;
  const [type = '', ...parameters] = (contentType ?? '').split(';');
  const media = type.trim().toLowerCase();
  if (media === 'application/x-www-form-urlencoded') return null;
  if (media === 'multipart/form-data' && parameters.some((parameter) => /^\s*boundary\s*=\s*"?[^";\s]+/i.test(parameter))) return null;
  return { status: 415, message: NOT_A_FORM_MESSAGE };
}

const isMultipart = (contentType: string | undefined) => /^\s*multipart\/form-data\s*;/i.test(contentType ?? '');

/** Express middleware: refuses bodies that are not forms, and reads and checks multipart ones. */
export function formBodies() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const contentType = req.headers['content-type'];
    const refusal = formBodyRefusal(req.method, req.path, contentType);
    if (refusal) {
      req.resume();
      res.status(refusal.status).type('text/plain').send(refusal.message);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD' || req.path === '/graphql' || !isMultipart(contentType)) return next();

    const chunks: Buffer[] = [];
    let size = 0;
    try {
      // Read to the end (past the limit too, keeping nothing), so that the client reads the answer.
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= MAX_MULTIPART_BYTES) chunks.push(chunk);
      }
    } catch {
      // The client went away mid-body: there is no one to answer.
      return;
    }
    if (size > MAX_MULTIPART_BYTES) {
      res.status(413).type('text/plain').send(FORM_TOO_LARGE_MESSAGE);
      return;
    }
    const body = Buffer.concat(chunks);
    try {
      await new globalThis.Request('http://portal.invalid/', { method: 'POST', headers: { 'content-type': contentType! }, body }).formData();
    } catch {
      res.status(400).type('text/plain').send(BROKEN_FORM_MESSAGE);
      return;
    }
    buffered.set(req, new Uint8Array(body));
    next();
  };
}
