// A benchmark step run in a process of its own: `node --import tsx <module> <input as JSON>`, its answer as JSON on
// stdout, its progress on stderr (inherited). bench/dashboards.ts and bench/pages.ts run this way.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs the module at `moduleUrl` (an import.meta.url) with `input`; resolves with what it wrote to stdout. */
export function runInProcessOfItsOwn<T>(moduleUrl: string, input: unknown, what: string, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(moduleUrl), JSON.stringify(input)], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} failed (exit ${code})`));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** In the module itself: when it is the process's entry point, runs `work` on the input and writes its answer. */
export async function asProcessOfItsOwn<I>(moduleUrl: string, what: string, work: (input: I) => Promise<unknown>): Promise<void> {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  try {
    process.stdout.write(JSON.stringify(await work(JSON.parse(process.argv[2]!) as I)));
    process.exit(0);
  } catch (error) {
    console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}
