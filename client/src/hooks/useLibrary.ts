// Server state of the literature library: items (keyset pages), batches, duplicates, merges, and imports with
// progress. One key prefix per review, so any library write refreshes exactly the library's queries.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type {
  Batch, DuplicateGroupView, ImportProgress, ItemDetail, ItemListPage, MergeLogEntry,
} from '../../../shared/literature/library-schemas.ts';
import type { Problem } from '../../../shared/schemas.ts';

export const libraryKeys = {
  all: (reviewId: number) => ['reviews', reviewId, 'literature'] as const,
  items: (reviewId: number, filters: LibraryFilters) => ['reviews', reviewId, 'literature', 'items', filters] as const,
  item: (reviewId: number, id: number) => ['reviews', reviewId, 'literature', 'item', id] as const,
  batches: (reviewId: number) => ['reviews', reviewId, 'literature', 'batches'] as const,
  duplicates: (reviewId: number) => ['reviews', reviewId, 'literature', 'duplicates'] as const,
  merges: (reviewId: number) => ['reviews', reviewId, 'literature', 'merges'] as const,
};

export interface LibraryFilters {
  q: string;
  yearFrom: string;
  yearTo: string;
  type: string;
  batch: string;
  dup: '' | 'unique' | 'candidate' | 'merged';
}

export const emptyFilters: LibraryFilters = { q: '', yearFrom: '', yearTo: '', type: '', batch: '', dup: '' };

const base = (reviewId: number) => `/reviews/${reviewId}/literature`;

export function useLibraryItems(reviewId: number, filters: LibraryFilters) {
  return useInfiniteQuery({
    queryKey: libraryKeys.items(reviewId, filters),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '200' });
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (pageParam) params.set('cursor', pageParam);
      return api<ItemListPage>(`${base(reviewId)}/items?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLibraryItem(reviewId: number, id: number | null) {
  return useQuery({
    queryKey: libraryKeys.item(reviewId, id ?? 0),
    queryFn: () => api<ItemDetail>(`${base(reviewId)}/items/${id}`),
    enabled: id !== null,
  });
}

export function useLibraryBatches(reviewId: number) {
  return useQuery({ queryKey: libraryKeys.batches(reviewId), queryFn: () => api<Batch[]>(`${base(reviewId)}/batches`) });
}

export function useLibraryDuplicates(reviewId: number) {
  return useQuery({ queryKey: libraryKeys.duplicates(reviewId), queryFn: () => api<DuplicateGroupView[]>(`${base(reviewId)}/duplicates`) });
}

export function useLibraryMerges(reviewId: number) {
  return useQuery({ queryKey: libraryKeys.merges(reviewId), queryFn: () => api<MergeLogEntry[]>(`${base(reviewId)}/merges`) });
}

/** Library writes: each refreshes every library query of the review when it settles. */
export function useLibraryMutations(reviewId: number) {
  const qc = useQueryClient();
  const onSettled = () => qc.invalidateQueries({ queryKey: libraryKeys.all(reviewId) });
  return {
    undoBatch: useMutation({ mutationFn: (batchId: number) => api<void>(`${base(reviewId)}/batches/${batchId}`, { method: 'DELETE' }), onSettled }),
    merge: useMutation({
      mutationFn: (g: { items: number[]; rule: string; score: number }) => api<{ mergeId: number; kept: number }>(`${base(reviewId)}/merges`, { method: 'POST', json: g }),
      onSettled,
    }),
    undoMerge: useMutation({ mutationFn: (mergeId: number) => api<void>(`${base(reviewId)}/merges/${mergeId}`, { method: 'DELETE' }), onSettled }),
    notDuplicate: useMutation({ mutationFn: (items: number[]) => api<void>(`${base(reviewId)}/not-duplicates`, { method: 'POST', json: { items } }), onSettled }),
  };
}

export interface ImportOptions {
  source: string;
  search: string;
  format: string;
}

/** Uploads files one after another and polls each import until it ends; `progress` is the running one. */
export function useLibraryImport(reviewId: number) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [reports, setReports] = useState<ImportProgress[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (files: File[], options: ImportOptions) => {
    setBusy(true);
    setReports([]);
    try {
      for (const file of files) {
        const params = new URLSearchParams({ fileName: file.name, format: options.format || 'auto', source: options.source, search: options.search });
        let state: ImportProgress;
        try {
          state = await api<ImportProgress>(`${base(reviewId)}/imports?${params}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
          setProgress(state);
          while (state.state === 'running') {
            await new Promise((r) => setTimeout(r, 250));
            state = await api<ImportProgress>(`${base(reviewId)}/imports/${state.batchId}`);
            setProgress(state);
          }
        } catch (error) {
          const problem: Problem | undefined = error instanceof ApiError ? error.problem : undefined;
          state = { batchId: 0, fileName: file.name, state: 'failed', format: options.format, records: 0, imported: 0, failed: [], failedCount: 0,
            bytesRead: 0, totalBytes: file.size, recordsPerSecond: 0, duplicateGroups: null, error: problem?.detail ?? (error as Error).message,
            needsFormat: false, notes: [], lost: 0 };
        }
        setReports((r) => [...r, state]);
        await qc.invalidateQueries({ queryKey: libraryKeys.all(reviewId) });
      }
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }, [qc, reviewId]);
  return { run, progress, reports, busy };
}
