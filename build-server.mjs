// `npm run build:server`: compiles server.ts (and the project files it imports: configuration, database, migrator,
// seeds, Prisma client) into ONE JavaScript file, build/server.js, which `npm run serve` runs with plain node.
// Running the TypeScript through tsx instead costs about 150 MB of memory (tsx transpiles every file on the fly,
// the 1.5 MB Remix build included, and keeps the results) and seconds of start-up (docs/performance.md).
// npm packages stay external (imported from node_modules at run time); the Remix build (build/index.js) is
// imported at run time by server.ts, as before.
//
// `import.meta.url` keeps its meaning in every bundled file: it is rewritten to the file's own URL relative to the
// output, so code that finds files beside itself (prisma/migrator.ts: migrations/) works exactly as under tsx.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const outfile = resolve(root, 'build/server.js');

/** `import.meta.url` in a project file -> the URL of that file, computed from the bundle's own location. */
const importMetaUrlOfSource = {
  name: 'import-meta-url-of-source',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromOutput = relative(dirname(outfile), args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`;
      const loader = args.path.endsWith('.tsx') ? 'tsx' : /\.(ts|mts)$/.test(args.path) ? 'ts' : 'js';
      return { contents: source.replaceAll('import.meta.url', url), loader };
    });
  },
};

await build({
  entryPoints: [resolve(root, 'server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  tsconfig: resolve(root, 'tsconfig.json'),
  plugins: [importMetaUrlOfSource],
});
