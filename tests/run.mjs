// npm test: every test (unit, API contract, drift, browser journeys) in one vitest run, then a plain
// "N passed, N failed" line that CI reads. `npm run test:reliability` is the same runner with
// `--config vitest.reliability.config.ts` (its own report file, so the two runs' counts stay apart).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const config = args[args.indexOf('--config') + 1];
const report = args.includes('--config') && config ? `tests/.artifacts/results-${config.replace(/\W+/g, '-')}.json` : 'tests/.artifacts/results.json';
mkdirSync('tests/.artifacts', { recursive: true });
rmSync(report, { force: true });

const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numFailedTestSuites ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
