// HTML tables as the clipboard carries them (text/html from Word, Excel, Google Sheets, a browser): a small tokenizer
// that reads the first table's rows and cells, nothing else. <br> and the end of a paragraph are line breaks inside
// a cell; other whitespace collapses as a browser shows it; colspan and rowspan keep the cells under their columns.
// Word's and Excel's clipboard extras (<style>, <!--StartFragment-->, <o:p>, <meta>, conditional comments) are
// skipped without being understood.
import { decodeEntities } from '../literature/html.ts';
import type { TableRow } from './schemas.ts';

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[[\s\S]*?\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** elements whose content is never text of the table */
const SKIPPED = new Set(['style', 'script', 'title', 'template', 'xml', 'head', 'caption']);
/** elements whose end (or a <br>) breaks the line inside a cell */
const LINE_END = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre']);

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function span(attrs: string, name: string): number {
  const n = Number.parseInt(attribute(attrs, name) ?? '1', 10);
  // a span of 0 means "to the end" in HTML; the spreadsheets that write it mean one
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

interface OpenCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** Cell text: lines trimmed, empty lines dropped, spaces (and no-break spaces) collapsed. */
function cellText(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

export function parseHtml(html: string): TableRow[] {
  const rows: TableRow[] = [];
  /** columns still covered by a rowspan from above: column → rows left */
  const covered = new Map<number, number>();
  let depth = 0;
  let done = false;
  let skipping: string | null = null;
  let rowNumber = 0;
  let row: string[] | null = null;
  let cell: OpenCell | null = null;

  const occupy = (): void => {
    while (row && (covered.get(row.length) ?? 0) > 0) row.push('');
  };
  const closeCell = (): void => {
    if (!cell || !row) return;
    occupy();
    const at = row.length;
    row.push(cellText(cell.text));
    for (let i = 1; i < cell.colspan; i++) row.push('');
    if (cell.rowspan > 1) for (let i = 0; i < cell.colspan; i++) covered.set(at + i, cell.rowspan);
    cell = null;
  };
  const closeRow = (): void => {
    closeCell();
    if (!row) return;
    occupy();
    if (row.some((c) => c !== '')) rows.push({ line: rowNumber, cells: row });
    // the row just closed used up one row of every span that covers a column
    for (const [col, left] of covered) {
      if (left <= 1) covered.delete(col);
      else covered.set(col, left - 1);
    }
    row = null;
  };
  const text = (t: string): void => {
    if (cell) cell.text += decodeEntities(t.replace(/[ \t\n\r\f]+/g, ' '));
  };

  let last = 0;
  for (const m of html.matchAll(TOKEN)) {
    if (done) break;
    if (skipping === null) text(html.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, conditional comment, doctype
    const closing = m[1] === '/';
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (SKIPPED.has(name) && !closing && !m[3]?.trim().endsWith('/')) {
      skipping = name;
      continue;
    }
    if (name === 'table') {
      if (!closing) depth++;
      else if (depth > 0) {
        depth--;
        if (depth === 0) {
          closeRow();
          done = true;
        }
      }
      if (depth > 1 || (depth === 1 && closing)) text(' ');
      continue;
    }
    if (depth === 0) continue;
    if (depth === 1 && name === 'tr') {
      closeRow();
      if (!closing) {
        rowNumber++;
        row = [];
      }
      continue;
    }
    if (depth === 1 && (name === 'td' || name === 'th')) {
      closeCell();
      if (!closing) {
        if (!row) {
          // a cell outside any <tr>: browsers give it a row of its own
          rowNumber++;
          row = [];
        }
        cell = { text: '', colspan: span(m[3] ?? '', 'colspan'), rowspan: span(m[3] ?? '', 'rowspan') };
      }
      continue;
    }
    if (!cell) continue;
    if (name === 'br') cell.text += '\n';
    else if (LINE_END.has(name) || (depth > 1 && (name === 'td' || name === 'th'))) cell.text += closing ? '\n' : name === 'li' ? '\n' : '';
  }
  if (!done) {
    // a fragment without </table>: what follows the last tag may still be the last cell's text
    if (skipping === null) text(html.slice(last));
    closeRow();
  }
  return rows;
}
