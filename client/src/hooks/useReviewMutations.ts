import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Review, ReviewCreate, ReviewUpdate } from '../../../shared/schemas.ts';

export type ReviewPatch = Omit<ReviewUpdate, 'version'>;

/**
 * Create, change, archive, trash, restore and purge reviews, and restore bundles. Every write refetches the list and
 * the trash (both under reviewKeys.all); a refused write (a stale version gets 409 with the current review) is left
 * to the caller to show.
 */
export function useReviewMutations() {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.all });
  const create = useMutation({
    mutationFn: (body: ReviewCreate) => api<Review>('/reviews', { method: 'POST', json: body }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, version, patch }: { id: number; version: number; patch: ReviewPatch }) =>
      api<Review>(`/reviews/${id}`, { method: 'PATCH', json: { ...patch, version } }),
    onSettled,
  });
  /** Moves the review to the trash: nothing is removed, so undelete brings it back. */
  const trash = useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<Review>(`/reviews/${id}?version=${version}`, { method: 'DELETE' }),
    onSettled,
  });
  const undelete = useMutation({
    mutationFn: (id: number) => api<Review>(`/reviews/${id}/undelete`, { method: 'POST' }),
    onSettled,
  });
  /** Deletes a review already in the trash, and everything in it, for good. */
  const purge = useMutation({
    mutationFn: (id: number) => api<void>(`/reviews/${id}/permanently`, { method: 'DELETE' }),
    onSettled,
  });
  /** The bundle file goes as the raw body (it may be far larger than a JSON request may be); `slug` restores a copy. */
  const restoreBundle = useMutation({
    mutationFn: ({ file, slug }: { file: Blob; slug?: string }) =>
      api<Review>(`/reviews/bundle${slug ? `?slug=${encodeURIComponent(slug)}` : ''}`, {
        method: 'POST',
        body: file,
        // api() adds X-Workbench-Request to every write, which uploads need
        headers: { 'Content-Type': 'application/json' },
      }),
    onSettled,
  });
  return { create, update, trash, undelete, purge, restoreBundle };
}
