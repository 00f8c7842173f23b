// One entry point for crosswalk exports, used by the CLI, the API and the client's download button.
import { z } from 'zod';
import type { Crosswalk } from '../crosswalk.ts';
import { bandsTable, stagesTable, type TextTable } from '../tables.ts';
import { renderCsv } from './csv.ts';
import { renderMarkdown } from './markdown.ts';

export const LAYOUTS = ['bands', 'stages'] as const;
export const layoutSchema = z.enum(LAYOUTS);
export type Layout = z.infer<typeof layoutSchema>;

export const TABLE_FORMATS = ['csv', 'md', 'json'] as const;
export const tableFormatSchema = z.enum(TABLE_FORMATS);
export type TableFormat = z.infer<typeof tableFormatSchema>;

export const MEDIA_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function crosswalkTable(cw: Crosswalk, layout: Layout): TextTable {
  return layout === 'bands' ? bandsTable(cw) : stagesTable(cw);
}

export function renderTable(table: TextTable, format: TableFormat): string {
  switch (format) {
    case 'csv':
      return renderCsv(table);
    case 'md':
      return renderMarkdown(table);
    case 'json':
      return `${JSON.stringify(table, null, 2)}\n`;
  }
}

export function exportFileName(reviewSlug: string, layout: Layout, format: TableFormat): string {
  return `${reviewSlug}-crosswalk-${layout}.${format}`;
}
