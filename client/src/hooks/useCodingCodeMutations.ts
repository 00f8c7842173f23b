import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { Code, CodeCreate, CodeRemoval, CodeUpdate, TaggableRef } from '../../../shared/coding/schemas.ts';

export interface CodeDelete { id: number; version: number; moveTagsTo?: TaggableRef }
export interface CodeMergeInto { id: number; version: number; into: TaggableRef }

/** The review's own codes: add, edit (label, description, band, place), delete or merge (each answered with what it
 * removed, which `restore` puts back). Everything coding shows is read again after each. */
export function useCodingCodeMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const base = `/reviews/${reviewId}/coding/codes`;
  const onSettled = () => queryClient.invalidateQueries({ queryKey: codingKeys.all(reviewId) });
  const create = useMutation({ mutationFn: (body: CodeCreate) => api<Code>(base, { method: 'POST', json: body }), onSettled });
  const update = useMutation({
    mutationFn: ({ id, ...body }: CodeUpdate & { id: number }) => api<Code>(`${base}/${id}`, { method: 'PATCH', json: body }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: ({ id, version, moveTagsTo }: CodeDelete) => {
      const query = new URLSearchParams({ version: String(version), ...(moveTagsTo ? { moveTagsTo } : {}) });
      return api<CodeRemoval>(`${base}/${id}?${query}`, { method: 'DELETE' });
    },
    onSettled,
  });
  const merge = useMutation({
    mutationFn: ({ id, version, into }: CodeMergeInto) => api<CodeRemoval>(`${base}/${id}/merge`, { method: 'POST', json: { into, version } }),
    onSettled,
  });
  const restore = useMutation({
    mutationFn: (removal: CodeRemoval) => api<Code>(`${base}/restore`, { method: 'POST', json: removal }),
    onSettled,
  });
  return { create, update, remove, merge, restore };
}
