// The reliability run's global setup: the production build the tests spawn (`node build/server.js`, as
// `npm run serve`). RELIABILITY_SKIP_BUILD=1 reuses build/ (CI sets it right after `npm test` built it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default async function setup() {
  const reuse = process.env.RELIABILITY_SKIP_BUILD === '1' && existsSync('build/server.js') && existsSync('build/index.js');
  if (reuse) return;
  // vitest sets NODE_ENV=test; the build must be the production one the server runs.
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}
