import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Citation, CitationForm, DoiResult, ImportResult } from '../../../shared/citations/model.ts';
import { citationKeys } from './useCitations.ts';

/** Add (paste, DOI, form), edit and delete citations; every write refetches what shows citations. */
export function useCitationMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: citationKeys.all(reviewId) });
  const paste = useMutation({
    mutationFn: (text: string) => api<ImportResult>(`/reviews/${reviewId}/citations/import`, { method: 'POST', json: { text } }),
    onSettled,
  });
  const addDoi = useMutation({
    mutationFn: (doi: string) => api<DoiResult>(`/reviews/${reviewId}/citations/doi`, { method: 'POST', json: { doi } }),
    onSettled,
  });
  const create = useMutation({
    mutationFn: (form: CitationForm) => api<Citation>(`/reviews/${reviewId}/citations`, { method: 'POST', json: { form } }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, version, form }: { id: number; version: number; form: CitationForm }) =>
      api<Citation>(`/reviews/${reviewId}/citations/${id}`, { method: 'PATCH', json: { form, version } }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<void>(`/reviews/${reviewId}/citations/${id}?version=${version}`, { method: 'DELETE' }),
    onSettled,
  });
  return { paste, addDoi, create, update, remove };
}
