// Plain HTTP for the form fuzz tests (tests/e2e/fuzz-forms.test.ts): raw bodies, any content type, any local
// address. The portal throttles sign-in per client address (app/utils/auth.server.ts THROTTLE: 20 failures in 15
// minutes); every browser test signs in from 127.0.0.1, so hostile sign-ins are sent from another loopback address
// (127.0.0.2: the whole of 127.0.0.0/8 is this machine) and never lock the other tests out.
import http from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** The client's address as the server sees it (default 127.0.0.1). */
  localAddress?: string;
}

/** Sends one request to the portal at `baseUrl` (connecting to 127.0.0.1, with the Host of `baseUrl`). */
export function send(baseUrl: string, request: HttpRequest): Promise<HttpAnswer> {
  const url = new URL(baseUrl);
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(url.port),
        method: request.method ?? 'GET',
        path: request.path,
        localAddress: request.localAddress,
        headers: { host: url.host, ...(body ? { 'content-length': String(body.length) } : {}), ...request.headers },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size < 4_000_000) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within 60 s: ${request.method} ${request.path}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

export const urlencoded = (fields: [string, string][]) => new URLSearchParams(fields).toString();

export interface FilePart {
  filename: string;
  type?: string;
  content: Buffer;
}

/** A multipart/form-data body (and its content type) from text fields and files. */
export function multipart(parts: [string, string | FilePart][], boundary = `----fuzz${Math.random().toString(16).slice(2)}`) {
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`, 'utf8'), Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type ?? 'text/csv'}\r\n\r\n`,
          'utf8',
        ),
        value.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The `name=value` of the Set-Cookie headers of an answer, as a Cookie header. */
export function cookiesOf(answer: HttpAnswer): string {
  const set = answer.headers['set-cookie'] ?? [];
  return set.map((line) => line.split(';')[0]!).join('; ');
}

export interface FormRoute {
  /** The route module's folder or file name, e.g. "services.$id.edit". */
  name: string;
  /** The URL pattern, e.g. "/services/:id/edit". */
  pattern: string;
  /** Field names the module reads or renders (form.get('x'), name="x"). */
  fields: string[];
}

/** Every route module under app/routes that has an action, with its URL pattern and the field names it uses. */
export function routesWithActions(root = 'app/routes'): FormRoute[] {
  const routes: FormRoute[] = [];
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    const isDirectory = statSync(path).isDirectory();
    const files = isDirectory ? readdirSync(path).filter((file) => /\.(tsx?|jsx?)$/.test(file)).map((file) => join(path, file)) : [path];
    const main = isDirectory ? files.find((file) => /\/route\.(tsx?|jsx?)$/.test(file)) : path;
    if (!main) continue;
    const source = readFileSync(main, 'utf8');
    if (!/export (async )?function action\b|export const action\b/.test(source)) continue;
    const all = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const fields = new Set<string>();
    for (const match of all.matchAll(/(?:form|formData|data)\.get(?:All)?\(\s*['"]([^'"]+)['"]/g)) fields.add(match[1]!);
    for (const match of all.matchAll(/\bname=["']([^"']+)["']/g)) fields.add(match[1]!);
    const name = entry.replace(/\.(tsx?|jsx?)$/, '');
    routes.push({ name, pattern: patternOf(name), fields: [...fields] });
  }
  return routes.sort((a, b) => a.name.localeCompare(b.name));
}

/** Remix's flat-routes file name as a URL pattern: "initiatives.$id_.archive" -> "/initiatives/:id/archive". */
export function patternOf(name: string): string {
  const segments = name
    .replace(/\[\.\]/g, '\u0000')
    .split('.')
    .map((segment) => segment.replace(/\u0000/g, '.'))
    .filter((segment) => segment !== '_index' && !segment.startsWith('_'))
    .map((segment) => segment.replace(/_$/, ''))
    .map((segment) => (segment.startsWith('$') ? `:${segment.slice(1)}` : segment));
  return `/${segments.join('/')}`;
}
