// GitHub-flavoured Markdown table.
import type { TextTable } from '../crosswalk/tables.ts';

export function markdownCell(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
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
