// Reading back the portal's CSV files in tests: RFC 4180 (quoted fields, doubled quotes, CRLF line ends) with the
// UTF-8 byte order mark the portal writes first.
import { expect } from 'vitest';

/** RFC 4180: rows of fields (quotes and CRLF handled). The BOM must be there and is removed. */
export function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error('A bare LF outside quotes: lines must end with CRLF');
    else field += c;
  }
  expect(field).toBe('');
  return rows;
}
