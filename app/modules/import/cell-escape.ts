/**
 * Spreadsheet formula injection: a cell that starts with =, +, -, @ (or a
 * tab or carriage return, which some programs skip before those) is run as
 * a formula when the file is opened. Exports prefix such cells with an
 * apostrophe, which spreadsheets show as text; imports take it off again, so
 * an exported file imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
