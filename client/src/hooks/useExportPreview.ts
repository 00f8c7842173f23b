import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ExportFormat, Layout, CitationStyle } from '../../../shared/export/documents.ts';

export interface ExportOptions {
  format: ExportFormat;
  layout: Layout;
  style: CitationStyle;
  caption: string;
  bom: boolean;
  /** the two models of a pairwise export */
  pair?: { a: number; b: number };
}

/** The preview answer of GET /reviews/:id/export/:what/preview (server/routes/exports.ts). */
export interface ExportPreview {
  what: string;
  format: ExportFormat;
  mediaType: string;
  fileName: string;
  binary: boolean;
  text?: string;
  html?: string;
}

/** The query string shared by the preview and the download, so the two always describe the same file. */
export function exportQuery(options: ExportOptions, withLayout: boolean): string {
  const q = new URLSearchParams({ format: options.format, style: options.style });
  if (withLayout) q.set('layout', options.layout);
  if (options.caption.trim()) q.set('caption', options.caption.trim());
  if (options.bom) q.set('bom', '1');
  if (options.pair) {
    q.set('a', String(options.pair.a));
    q.set('b', String(options.pair.b));
  }
  return q.toString();
}

export function exportUrl(reviewId: number, what: string, options: ExportOptions, withLayout: boolean): string {
  return `/api/reviews/${reviewId}/export/${encodeURIComponent(what)}?${exportQuery(options, withLayout)}`;
}

export const exportKeys = {
  preview: (reviewId: number, what: string, query: string) => ['reviews', reviewId, 'export', what, query] as const,
};

export function useExportPreview(reviewId: number, what: string, options: ExportOptions, withLayout: boolean) {
  const query = exportQuery(options, withLayout);
  return useQuery({
    queryKey: exportKeys.preview(reviewId, what, query),
    queryFn: () => api<ExportPreview>(`/reviews/${reviewId}/export/${encodeURIComponent(what)}/preview?${query}`),
    // previews follow the data: refetched whenever the dialog opens
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}
