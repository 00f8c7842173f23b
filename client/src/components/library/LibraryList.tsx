// The library as a virtualised list: only the rows on screen exist in the DOM, the next keyset page loads as the
// end comes into view, so 100,000 items scroll like 100. It is one Tab stop (a listbox): arrow keys, Home/End,
// PageUp/PageDown and type-ahead move within it, Enter opens the item.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ItemListRow } from '../../../../shared/literature/library-schemas.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import { RichText } from '../common/RichText.tsx';

interface Props {
  items: ItemListRow[];
  hasMore: boolean;
  /** how many items match in all, when the server has said */
  total: number | null;
  loadMore: () => void;
  selected: number | null;
  onSelect: (id: number) => void;
}

const ROW = 64;

export function LibraryList({ items, hasMore, total, loadMore, selected, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const keys = useMemo(() => items.map((i) => String(i.id)), [items]);
  // the list scrolls to an item the keys reach before it is rendered (End, PageDown, type-ahead)
  const scrollTo = useRef<(index: number) => void>(() => undefined);
  const reveal = useCallback((index: number) => scrollTo.current(index), []);
  const roving = useRovingFocus<HTMLUListElement>({
    keys,
    textOf: (i) => items[i]?.title ?? '',
    selectedKey: selected === null ? undefined : String(selected),
    pageSize: () => Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW * 10) / ROW) - 1),
    reveal,
  });
  const active = roving.active;
  const virtual = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0), getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8,
    // the row holding the Tab stop stays rendered when it scrolls out of view, so Tab can always come back to it
    rangeExtractor: useCallback((range: Range) => {
      const shown = defaultRangeExtractor(range);
      return active < 0 || shown.includes(active) ? shown : [...shown, active].sort((a, b) => a - b);
    }, [active]),
  });
  useEffect(() => {
    scrollTo.current = (index) => virtual.scrollToIndex(index, { align: 'auto' });
  }, [virtual]);
  const rows = virtual.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 1) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);
  return (
    <div ref={scroller} className="library-scroller" tabIndex={-1}>
      <ul ref={roving.listRef} {...roving.listProps} className="library-list" role="listbox" aria-label="Library items" style={{ height: virtual.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          return (
            <li key={row.key} role="none" className="library-row" style={{ transform: `translateY(${row.start}px)`, height: ROW }}>
              {item ? (
                <button
                  type="button" role="option" aria-selected={selected === item.id} {...roving.itemProps(row.index)}
                  aria-posinset={row.index + 1} aria-setsize={total ?? (hasMore ? -1 : items.length)}
                  title={item.title || undefined} onClick={() => onSelect(item.id)}
                >
                  {item.title ? <RichText className="row-title" text={item.titleRich ?? item.title} /> : <span className="row-title">(no title)</span>}
                  <span className="row-meta">
                    {item.firstAuthor || 'no author'} · {item.year ?? 'n.d.'}{item.container ? ` · ${item.container}` : ''}
                    {item.dupGroup !== null && <span className="dup-badge"> · possible duplicate</span>}
                  </span>
                </button>
              ) : (
                <span className="row-loading" role="option" aria-selected={false} aria-disabled="true">Loading more…</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
