// CSV (RFC 4180) and TSV as spreadsheets copy them: a cell that starts with a quote may hold the delimiter, line
// breaks and doubled quotes. Each row keeps the 1-based line it starts on, so a problem points where the user looks.
//
// The literature CSV splitter (shared/literature/parse/csv.ts) does not fit: it streams records, takes the first
// row as a header and drops line numbers, and it flips its quoted state on every quote, so one stray quote inside
// a TSV cell (12" ruler) would swallow the rest of the table. Here a quote opens a quoted cell only at its start.
import type { TableRow } from './schemas.ts';

export function parseDelimited(text: string, delimiter: ',' | '\t'): TableRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let atCellStart = true;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    const lineBreak = c === '\n' || c === '\r';
    if (lineBreak && c === '\r' && src[i + 1] === '\n') i++;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (lineBreak) {
        cell += '\n';
        line++;
      } else cell += c;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      cell = '';
    } else if (c === delimiter) endCell();
    else if (lineBreak) {
      endRow();
      line++;
      rowLine = line;
    } else {
      // spaces before an opening quote do not make the cell unquoted (as in the literature parser)
      if (!(c === ' ' && atCellStart && cell.trim() === '')) atCellStart = false;
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
