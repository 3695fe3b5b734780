/**
 * Spreadsheet formula injection: a cell that starts with =, +, -, @ (or a
 * tab or carriage return, which some programs skip before those) is run as
 * a formula when the file is opened. Exports prefix such cells with an
 * apostrophe, which spreadsheets show as text; imports take one off again,
 * so an exported file imports back unchanged (text that itself starts with
 * apostrophes before such a character gets one more, and keeps its own).
 */
const ESCAPABLE = /^'*[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return ESCAPABLE.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && ESCAPABLE.test(value.slice(1)) ? value.slice(1) : value;
}
