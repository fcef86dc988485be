// Browser JavaScript per route, from the production build: for each route, the client entry and its imports plus
// the module and imports of every route from the root down to it (what the browser loads for a first visit), each
// file gzipped (level 9) on its own as it is sent, the total in bytes. The manifest is the one the server build
// points at (build/index.js names /build/manifest-<hash>.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export interface RouteJavaScript {
  route: string;
  /** A URL the route answers (parameters as :name). */
  path: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

export function readManifest(root = process.cwd()): Manifest {
  const server = readFileSync(join(root, 'build/index.js'), 'utf8');
  const url = /url:\s*"(\/build\/manifest-[A-Za-z0-9]+\.js)"/.exec(server)?.[1];
  if (!url) throw new Error('build/index.js names no assets manifest: run npm run build');
  const text = readFileSync(join(root, 'public', url), 'utf8');
  return JSON.parse(text.slice(text.indexOf('=') + 1).replace(/;\s*$/, '')) as Manifest;
}

export function javascriptPerRoute(root = process.cwd()): RouteJavaScript[] {
  const manifest = readManifest(root);
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  const size = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const content = readFileSync(join(root, 'public', file));
      known = { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(file, known);
    }
    return known;
  };
  const chain = (route: ManifestRoute): ManifestRoute[] => {
    const parent = route.parentId ? manifest.routes[route.parentId] : undefined;
    return parent ? [...chain(parent), route] : [route];
  };
  const pathOf = (route: ManifestRoute) =>
    `/${chain(route)
      .map((r) => r.path ?? '')
      .filter(Boolean)
      .join('/')}`;
  return Object.values(manifest.routes)
    .filter((route) => route.id !== 'root')
    .map((route) => {
      const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
      for (const r of chain(route)) for (const file of [r.module, ...(r.imports ?? [])]) files.add(file);
      let bytes = 0;
      let gzipBytes = 0;
      for (const file of files) {
        const s = size(file);
        bytes += s.bytes;
        gzipBytes += s.gzip;
      }
      return { route: route.id, path: pathOf(route), files: files.size, bytes, gzipBytes };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
