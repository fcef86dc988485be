// Counts the SQL statements the portal sends, to prove that work does not grow with the number of rows (N+1).
import pg from 'pg';

let counting = 0;
let count = 0;
let installed = false;
/** The statements' text, while recordStatements runs. */
const recorders = new Set<string[]>();

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

function install() {
  if (installed) return;
  installed = true;
  for (const target of [pg.Pool.prototype, pg.Client.prototype] as unknown as { query: (...a: unknown[]) => unknown }[]) {
    const original = target.query;
    target.query = function (this: unknown, ...args: unknown[]) {
      // Pool.query delegates to Client.query: count clients only, and pools that are not given a client.
      if (target === (pg.Client.prototype as unknown)) {
        if (counting) count++;
        for (const recorder of recorders) recorder.push(textOf(args[0]));
      }
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

/** Runs `work` and returns the text of every statement it sent, with its result. */
export async function recordStatements<T>(work: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
  install();
  const statements: string[] = [];
  recorders.add(statements);
  try {
    return { statements, result: await work() };
  } finally {
    recorders.delete(statements);
  }
}
