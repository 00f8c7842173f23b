// RFC 4180 CSV, safe to open in a spreadsheet.
import type { TextTable } from '../crosswalk/tables.ts';

// A cell that a spreadsheet would evaluate as a formula (OWASP "CSV injection") is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function renderCsv(table: TextTable, options: { bom?: boolean } = {}): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
