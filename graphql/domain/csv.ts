// CSV as RFC 4180 (CRLF line ends; fields with commas, quotes or line breaks quoted, quotes doubled), UTF-8 with a
// byte order mark so Excel opens it with the right encoding. Cells that a spreadsheet would run as a formula
// (starting =, +, -, @, tab or CR) are prefixed with an apostrophe (CSV injection).
const BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
