// The production server under test: what `npm run serve` runs (package.json, started here without npm in between so
// the process measured is the server itself), its cold start to a healthy /healthz, its memory (RSS of the Node
// process, sampled from /proc), and a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keepAliveAgent, request } from './http';

export interface RunningServer {
  base: string;
  pid: number;
  coldStartMs: number;
  stop(): Promise<void>;
}

/** The arguments of `node` in package.json's "serve" script (e.g. `node --max-old-space-size=256 build/server.js`). */
export function serveCommand(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.serve ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2 || words.some((word) => /["'$&|;<>`\\]/.test(word))) {
    throw new Error(`package.json "serve" must be a plain \`node [flags] file\` command, not: ${scripts.serve ?? '(missing)'}`);
  }
  return words.slice(1);
}

export async function startServer(options: { port: number; env: Record<string, string | undefined>; logFile: string; timeoutMs?: number }): Promise<RunningServer> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'w' });
  const base = `http://127.0.0.1:${options.port}`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...options.env })) if (value !== undefined) env[key] = value;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, serveCommand(), { cwd: process.cwd(), env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  const kill = () => child.kill('SIGKILL');
  process.on('exit', kill);

  const agent = keepAliveAgent(1);
  const deadline = started + (options.timeoutMs ?? 120_000);
  let coldStartMs = -1;
  while (performance.now() < deadline) {
    if (exited) break;
    try {
      const res = await request(agent, `${base}/healthz`, { timeoutMs: 2_000 });
      if (res.status === 200) {
        coldStartMs = Math.round(performance.now() - started);
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  agent.destroy();
  if (coldStartMs < 0) {
    kill();
    throw new Error(`The server did not become healthy (${exited ?? 'timed out'}); see ${options.logFile}`);
  }
  return {
    base,
    pid: child.pid!,
    coldStartMs,
    stop: async () => {
      process.off('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      log.end();
    },
  };
}

/** Resident memory of a process (VmRSS) and its peak since it started (VmHWM), in MB; null when unreadable. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, hwmMb: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped: the peak and the number of samples. */
export function sampleMemory(pid: number, everyMs = 100) {
  let peakMb = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const memory = memoryOf(pid);
    if (!memory) return;
    samples += 1;
    peakMb = Math.max(peakMb, memory.rssMb);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMb, samples };
    },
  };
}
