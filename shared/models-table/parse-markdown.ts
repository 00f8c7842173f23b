// GitHub-flavoured Markdown tables: lines that start with "|", a |---| separator row under the header, "\|" for a
// pipe inside a cell and <br> for a line break in it. Lines outside the table (a bold caption above it) are skipped.
import { decodeEntities } from '../literature/html.ts';
import type { TableRow } from './schemas.ts';

export const MARKDOWN_SEPARATOR = /^\s*\|?(\s*:?-{1,}:?\s*\|)+\s*(:?-{1,}:?\s*)?$/;
const TABLE_LINE = /^\s*\|/;
const BR = /<br\s*\/?>/gi;
// CommonMark: a backslash before ASCII punctuation makes it literal
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** The cells of one table line: split on pipes that are not escaped; the outer pipes are optional. */
export function markdownCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '');
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      cell += c + body[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') cells.push(cell);
  return cells.map((c) => decodeEntities(c.trim().replace(BR, '\n').replace(ESCAPE, '$1')));
}

export function parseMarkdown(text: string): TableRow[] {
  const rows: TableRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let inTable = false;
  for (const [i, line] of lines.entries()) {
    if (!TABLE_LINE.test(line)) {
      // the first table only: a second one would mix its columns into the first
      if (inTable) break;
      continue;
    }
    inTable = true;
    if (MARKDOWN_SEPARATOR.test(line)) continue;
    const cells = markdownCells(line);
    if (cells.some((c) => c !== '')) rows.push({ line: i + 1, cells });
  }
  return rows;
}
