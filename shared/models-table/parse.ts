// parseTable(text, format) → the rows of a pasted or uploaded table, whatever it was copied from. XLSX is read on
// the server (server/services/models-table.ts) into the same rows.
import { parseDelimited } from './parse-delimited.ts';
import { parseHtml } from './parse-html.ts';
import { MARKDOWN_SEPARATOR, parseMarkdown } from './parse-markdown.ts';
import type { ParsedTable, TableFormat } from './schemas.ts';

export type TextTableFormat = Exclude<TableFormat, 'xlsx'>;

/** HTML if it holds a <table> (the clipboard's text/html), Markdown if it has a |---| row, TSV if tabs, else CSV. */
export function detectTableFormat(text: string): TextTableFormat {
  if (/<table[\s>]/i.test(text)) return 'html';
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.some((l) => /^\s*\|/.test(l)) && lines.some((l) => /^\s*\|/.test(l) && MARKDOWN_SEPARATOR.test(l))) return 'markdown';
  if (text.includes('\t')) return 'tsv';
  return 'csv';
}

export function parseTable(text: string, format: TextTableFormat | 'auto' = 'auto'): ParsedTable {
  const chosen = format === 'auto' ? detectTableFormat(text) : format;
  switch (chosen) {
    case 'html':
      return { format: chosen, rows: parseHtml(text) };
    case 'markdown':
      return { format: chosen, rows: parseMarkdown(text) };
    case 'tsv':
      return { format: chosen, rows: parseDelimited(text, '\t') };
    case 'csv':
      return { format: chosen, rows: parseDelimited(text, ',') };
  }
}
