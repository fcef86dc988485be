// Counts the SQL statements the portal sends, to prove that work does not grow with the number of rows (N+1).
import pg from 'pg';

let counting = 0;
let count = 0;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  for (const target of [pg.Pool.prototype, pg.Client.prototype] as unknown as { query: (...a: unknown[]) => unknown }[]) {
    const original = target.query;
    target.query = function (this: unknown, ...args: unknown[]) {
      // Pool.query delegates to Client.query: count clients only, and pools that are not given a client.
      if (counting && target === (pg.Client.prototype as unknown)) count++;
      return original.apply(this, args);
    };
  }
}

/** Runs `work` and returns how many statements it sent, with its result. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ statements: number; result: T }> {
  install();
  counting++;
  const before = count;
  try {
    const result = await work();
    return { statements: count - before, result };
  } finally {
    counting--;
  }
}
