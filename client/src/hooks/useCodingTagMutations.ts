import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import type { CodingItems, Tag, TagCreate, TaggableRef } from '../../../shared/coding/schemas.ts';

// a tag shown before the server has answered has a negative id: it cannot be edited or deleted until it is real
let provisional = 0;

/** Follows one item's tags into the cached list of items: its codes, tag count and "mine" count. */
function syncItem(queryClient: QueryClient, reviewId: number, reviewer: number | null, itemId: number, tags: Tag[]) {
  queryClient.setQueryData<CodingItems>(codingKeys.items(reviewId, reviewer), (data) => data && {
    ...data,
    items: data.items.map((item) => item.id !== itemId ? item : {
      ...item,
      codes: [...new Set(tags.map((t) => t.code))] as TaggableRef[],
      tags: tags.length,
      mine: tags.filter((t) => t.reviewerId === reviewer).length,
    }),
  });
}

/**
 * Tagging, untagging and undoing an untag. The item's tags and the list of items show the change at once (a key
 * press tags on screen without waiting for the network); a refused write puts back what they showed. Counts, the
 * matrix and the map are read again once a burst of key presses has been saved.
 */
export function useCodingTagMutations(reviewId: number, reviewer: number | null, reviewerName: string) {
  const queryClient = useQueryClient();
  const mutationKey = [...codingKeys.all(reviewId), 'tag-write'];
  const tagsOf = (itemId: number) => queryClient.getQueryData<Tag[]>(codingKeys.itemTags(reviewId, itemId)) ?? [];
  const put = (itemId: number, tags: Tag[]) => {
    // a read in flight would put back what was there before; it is read again when the burst settles
    void queryClient.cancelQueries({ queryKey: codingKeys.itemTags(reviewId, itemId) });
    queryClient.setQueryData<Tag[]>(codingKeys.itemTags(reviewId, itemId), tags);
    syncItem(queryClient, reviewId, reviewer, itemId, tags);
  };
  const settle = () => {
    if (queryClient.isMutating({ mutationKey }) > 1) return;
    void queryClient.invalidateQueries({
      queryKey: codingKeys.all(reviewId),
      predicate: (q) => q.queryKey[3] !== 'items' && q.queryKey[3] !== 'tags',
    });
  };

  const create = useMutation({
    mutationKey,
    mutationFn: (body: TagCreate) => api<Tag>(`/reviews/${reviewId}/coding/tags`, { method: 'POST', json: body }),
    onMutate: (body: TagCreate) => {
      const before = tagsOf(body.itemId);
      const now = new Date().toISOString();
      const temp: Tag = {
        id: --provisional, reviewId, itemId: body.itemId, code: body.code, quote: body.quote ?? '', locator: body.locator ?? '',
        note: body.note ?? '', reviewerId: reviewer ?? 0, reviewerName, version: 1, createdAt: now, updatedAt: now, deletedAt: null,
      };
      put(body.itemId, [...before, temp]);
      return { before, tempId: temp.id };
    },
    onSuccess: (tag, body, context) => {
      put(body.itemId, tagsOf(body.itemId).map((t) => (t.id === context.tempId ? tag : t)));
    },
    onError: (_error, body, context) => {
      if (!context) return;
      put(body.itemId, tagsOf(body.itemId).filter((t) => t.id !== context.tempId));
    },
    onSettled: settle,
  });

  const remove = useMutation({
    mutationKey,
    mutationFn: (tag: Tag) => api<Tag>(`/reviews/${reviewId}/coding/tags/${tag.id}?version=${tag.version}`, { method: 'DELETE' }),
    onMutate: (tag: Tag) => {
      const before = tagsOf(tag.itemId);
      put(tag.itemId, before.filter((t) => t.id !== tag.id));
      return { before };
    },
    onError: (_error, tag, context) => {
      if (context) put(tag.itemId, context.before);
    },
    onSettled: settle,
  });

  const restore = useMutation({
    mutationKey,
    mutationFn: (tag: Tag) => api<Tag>(`/reviews/${reviewId}/coding/tags/${tag.id}/restore`, { method: 'POST' }),
    onSuccess: (tag) => {
      const others = tagsOf(tag.itemId).filter((t) => t.id !== tag.id);
      put(tag.itemId, [...others, tag].sort((a, b) => a.id - b.id));
    },
    onSettled: settle,
  });

  return { create, remove, restore };
}
