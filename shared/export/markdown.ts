// GitHub-flavoured Markdown table.
import type { TextTable } from '../crosswalk/tables.ts';

/**
 * One cell's text as inert Markdown: raw HTML (`<img onerror=…>`, `<script>`, autolinks such as
 * `<javascript:…>`) becomes entities, and `[`/`]` and backticks are escaped so no link, image or code span can be
 * made from the data. A bare "&" stays as it is (it renders as itself); one that starts an entity is escaped.
 */
export function markdownCell(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[[\]`|]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, '<br>');
}

export function renderMarkdown(table: TextTable): string {
  const row = (cells: string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [
    `**${markdownCell(table.caption)}**`,
    '',
    row(table.header),
    `|${table.header.map(() => ' --- ').join('|')}|`,
    ...table.rows.map(row),
    '',
  ].join('\n');
}
