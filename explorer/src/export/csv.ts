/**
 * An answer table as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled). A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe; numbers are
 * written as plain numbers in full (dollars, not "$300bn"), so they stay numbers.
 */
import type { AnswerTable, CellValue } from '../questions/answer-table';

const FORMULA = /^[=+\-@\t\r]/;

function field(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(table: AnswerTable<R>, rows: readonly R[] = table.rows): string {
  const header = table.columns.map((c) => field(c.unit ? `${c.label} (${c.unit})` : c.label));
  const lines = [header.join(','), ...rows.map((r) => table.columns.map((c) => field(c.value(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
