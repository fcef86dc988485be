// COPY ... FROM STDIN with the `pg` client alone (pg-copy-streams is not installed): a "submittable" query, the
// protocol hook `pg` itself offers (client.query(submittable) calls submit(), then the handle* methods as the
// server's messages arrive; Connection has sendCopyFromChunk / endCopyFrom). Text format, one row per line,
// columns separated by tabs, NULL as \N. For the bulk loads of seeds/volume.ts.
import type pg from 'pg';

const CHUNK = 256 * 1024;

interface ProtocolConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromStdin {
  callback?: (error: Error | null, rows?: number) => void;
  /** performance.now() when the statement was sent (queued queries wait for the ones before them). */
  startedAt = 0;
  private done = false;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: ProtocolConnection): void {
    this.startedAt = performance.now();
    connection.query(this.text);
  }

  handleCopyInResponse(connection: ProtocolConnection): void {
    for (let offset = 0; offset < this.data.length; offset += CHUNK) {
      connection.sendCopyFromChunk(this.data.subarray(offset, offset + CHUNK));
    }
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    if (match) this.rows = Number(match[1]);
  }

  // pg drops a query from its queue when the server reports an error (its ReadyForQuery then reaches no query):
  // answer at once, as pg's own Query does.
  handleError(error: Error): void {
    if (this.done) return;
    this.done = true;
    this.callback?.(error);
  }

  handleReadyForQuery(): void {
    if (this.done) return;
    this.done = true;
    this.callback?.(null, this.rows);
  }

  // Messages a COPY FROM never gets; present so an unexpected one is ignored rather than a TypeError.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** One field in COPY text format. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** Rows for one COPY: add rows, then `copyRows` sends them. */
export class CopyBuffer {
  private lines: string[] = [];
  count = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(...values: (string | number | boolean | null | undefined)[]): void {
    this.lines.push(values.map(copyField).join('\t'));
    this.count += 1;
  }

  /** Takes the rows added so far (the buffer is empty afterwards). */
  take(): { data: Buffer; rows: number } {
    const data = Buffer.from(this.lines.length ? `${this.lines.join('\n')}\n` : '', 'utf8');
    const rows = this.lines.length;
    this.lines = [];
    this.count = 0;
    return { data, rows };
  }
}

/**
 * COPY table (columns) FROM STDIN with `data` (text format). Resolves with the rows copied and the time the statement
 * took from being sent (a query queued behind others on the connection is timed from its own start).
 */
export function copyFrom(client: pg.Client, table: string, columns: readonly string[], data: Buffer): Promise<{ rows: number; ms: number }> {
  const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  const text = `COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`;
  return new Promise((resolve, reject) => {
    const copy = new CopyFromStdin(text, data);
    // client.query(submittable, callback): pg sets submittable.callback.
    (client as unknown as { query(q: unknown, cb: (error: Error | null, rows?: number) => void): void }).query(copy, (error, rows) =>
      error ? reject(error) : resolve({ rows: rows ?? 0, ms: performance.now() - copy.startedAt }),
    );
  });
}
