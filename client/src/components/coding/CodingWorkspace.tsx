import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { CodebookNode, Tag, TaggableRef } from '../../../../shared/coding/schemas.ts';
import { useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problems.ts';
import { useCodingCodebook } from '../../hooks/useCodingCodebook.ts';
import { useCodingItems } from '../../hooks/useCodingItems.ts';
import { codingItemTagsQuery, useCodingItemTags } from '../../hooks/useCodingItemTags.ts';
import { useCodingTagMutations } from '../../hooks/useCodingTagMutations.ts';
import { CodingItemList, filterItems, type ItemListFilters } from './CodingItemList.tsx';
import { CodingItemPanel } from './CodingItemPanel.tsx';
import { CodebookPicker } from './CodebookPicker.tsx';
import { codeName, visibleCodes } from './codebookFilter.ts';

const typing = (target: EventTarget) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Coding by keyboard: the items on the left, the item and the codebook on the right. 1–9 tag the shown item with the
 * first nine codes shown, Enter on a code tags with it, J/K move to the next/previous item; none of these fire while
 * you type in a field. A tag is on screen before the server answers.
 */
export function CodingWorkspace({ reviewId, you, youName }: { reviewId: number; you: number; youName: string }) {
  const codebook = useCodingCodebook(reviewId);
  const items = useCodingItems(reviewId, you);
  const { create, remove, restore } = useCodingTagMutations(reviewId, you, youName);
  const [filters, setFilters] = useState<ItemListFilters>({ search: '', filter: 'all', code: '' });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [codeFilter, setCodeFilter] = useState('');
  const [passage, setPassage] = useState('');
  const [locator, setLocator] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [removed, setRemoved] = useState<Tag | null>(null);

  const nodes = useMemo(() => codebook.data?.nodes ?? [], [codebook.data]);
  const byRef = useMemo(() => new Map(nodes.map((n) => [n.ref, n])), [nodes]);
  const nodeOf = useCallback((ref: string) => byRef.get(ref), [byRef]);
  const all = useMemo(() => items.data?.items ?? [], [items.data]);
  // the list keeps its order and members while you tag: "untagged" would otherwise drop the item you just tagged
  const [frozen, setFrozen] = useState<{ key: string; ids: number[] } | null>(null);
  const filterKey = JSON.stringify(filters);
  const shown = useMemo(() => {
    if (frozen && frozen.key === filterKey) {
      const byId = new Map(all.map((i) => [i.id, i]));
      return frozen.ids.flatMap((id) => byId.get(id) ?? []);
    }
    return filterItems(all, filters);
  }, [all, filters, frozen, filterKey]);
  useEffect(() => {
    if (items.data && (!frozen || frozen.key !== filterKey)) setFrozen({ key: filterKey, ids: filterItems(items.data.items, filters).map((i) => i.id) });
  }, [items.data, filters, filterKey, frozen]);

  const item = shown.find((i) => i.id === selectedId) ?? shown[0];
  const tags = useCodingItemTags(reviewId, item?.id ?? null);
  // the next item's tags are read ahead, so moving on and pressing a key never waits for them
  const queryClient = useQueryClient();
  const nextId = shown[shown.findIndex((i) => i.id === item?.id) + 1]?.id;
  useEffect(() => {
    if (nextId === undefined) return;
    void queryClient.prefetchQuery(codingItemTagsQuery(reviewId, nextId));
  }, [queryClient, reviewId, nextId]);
  const visible = useMemo(() => visibleCodes(nodes, codeFilter), [nodes, codeFilter]);
  const onItem = useMemo(() => new Set<string>(item?.codes ?? []), [item]);

  const select = useCallback((id: number) => {
    setSelectedId((old) => {
      if (old !== id) {
        setPassage('');
        setLocator('');
      }
      return id;
    });
  }, []);

  const tag = (node: CodebookNode) => {
    if (!item) return;
    if (!tags.data) {
      setMessage('One moment: the item’s tags are still loading.');
      return;
    }
    const quote = passage.trim();
    const loc = locator.trim();
    const label = codeName(node);
    if (tags.data.some((t) => t.code === node.ref && t.reviewerId === you && t.quote === quote)) {
      setMessage(`Already tagged “${label}”${quote ? ' with this passage' : ''}.`);
      return;
    }
    setError('');
    setRemoved(null);
    setMessage(`Tagged “${label}”${quote ? ` with “${quote.slice(0, 60)}${quote.length > 60 ? '…' : ''}”` : ''}${loc ? `, ${loc}` : ''}.`);
    create.mutate(
      { itemId: item.id, code: node.ref as TaggableRef, ...(quote ? { quote } : {}), ...(loc ? { locator: loc } : {}) },
      { onError: (err) => setError(`Not tagged “${label}”: ${describeError(err)}`) },
    );
  };

  const untag = (t: Tag) => {
    setError('');
    setRemoved(t);
    setMessage(`Tag removed — “${codeName(nodeOf(t.code))}”.`);
    remove.mutate(t, {
      onError: (err) => {
        setRemoved(null);
        setError(`Not removed: ${describeError(err)}`);
      },
    });
  };
  const undoRemove = () => {
    if (!removed) return;
    const t = removed;
    setRemoved(null);
    restore.mutate(t, {
      onSuccess: () => setMessage(`Tag restored: “${codeName(nodeOf(t.code))}”.`),
      onError: (err) => setError(`Not restored: ${describeError(err)}`),
    });
  };

  const move = (by: number) => {
    const at = shown.findIndex((i) => i.id === item?.id);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + by))];
    if (!next) return;
    select(next.id);
    document.querySelector<HTMLElement>(`.coding-item[data-item="${next.id}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (/^[1-9]$/.test(e.key)) {
      const node = visible.taggable[Number(e.key) - 1];
      if (node) {
        e.preventDefault();
        tag(node);
      }
    } else if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      move(e.key === 'j' ? 1 : -1);
    }
  };

  if (codebook.error) return <p role="alert">Could not load the codebook: {codebook.error.message}</p>;
  if (items.error) return <p role="alert">Could not load the items: {items.error.message}</p>;
  if (!codebook.data || !items.data) return <p role="status">Loading…</p>;
  return (
    // the keys act anywhere in the workspace (list, item, codebook), never while typing in one of its fields
    <div className="coding-workspace" onKeyDown={onKeyDown}>
      <p className="coding-source">
        {items.data.source === 'screening' ? 'The items included at the last screening stage.' : 'Every library item (no screening decisions yet).'}{' '}
        Keys: <kbd>1</kbd>–<kbd>9</kbd> tag with the numbered code, Enter on a code tags with it, <kbd>J</kbd>/<kbd>K</kbd> next/previous item.
      </p>
      <div className="coding-live">
        <p role="status" className="coding-status">
          {message}
        </p>
        {removed && <button type="button" onClick={undoRemove}>Undo</button>}
        <p role="alert" className="form-error">{error}</p>
      </div>
      <div className="coding-main">
        <CodingItemList items={all} shown={shown} filters={filters} onFilters={setFilters} codes={nodes} selectedId={item?.id ?? null} onSelect={select} />
        {item ? (
          <CodingItemPanel
            key={item.id} item={item} tags={tags.data ?? []} tagsLoading={tags.isPending} nodeOf={nodeOf} you={you}
            passage={passage} onPassage={setPassage} locator={locator} onLocator={setLocator} onRemove={untag}
          />
        ) : <p className="coding-none">No item to show.</p>}
        <CodebookPicker visible={visible} filter={codeFilter} onFilter={setCodeFilter} onTag={tag} onItem={onItem} disabled={!item} />
      </div>
    </div>
  );
}
