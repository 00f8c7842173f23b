// The library as a virtualised list: only the rows on screen exist in the DOM, the next keyset page loads as the
// end comes into view, so 100,000 items scroll like 100.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ItemListRow } from '../../../../shared/literature/library-schemas.ts';

interface Props {
  items: ItemListRow[];
  hasMore: boolean;
  loadMore: () => void;
  selected: number | null;
  onSelect: (id: number) => void;
}

const ROW = 64;

export function LibraryList({ items, hasMore, loadMore, selected, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: items.length + (hasMore ? 1 : 0), getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  const rows = virtual.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 1) loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);
  return (
    <div ref={scroller} className="library-scroller" tabIndex={-1}>
      <ul className="library-list" aria-label="Library items" style={{ height: virtual.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          return (
            <li key={row.key} className="library-row" style={{ transform: `translateY(${row.start}px)`, height: ROW }}>
              {item ? (
                <button type="button" aria-pressed={selected === item.id} onClick={() => onSelect(item.id)}>
                  <span className="row-title">{item.title || '(no title)'}</span>
                  <span className="row-meta">
                    {item.firstAuthor || 'no author'} · {item.year ?? 'n.d.'}{item.container ? ` · ${item.container}` : ''}
                    {item.dupGroup !== null && <span className="dup-badge"> · possible duplicate</span>}
                  </span>
                </button>
              ) : (
                <span className="row-loading">Loading more…</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
