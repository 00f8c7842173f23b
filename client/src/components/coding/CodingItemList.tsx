import { memo, useMemo } from 'react';
import { plainOf } from '../../../../shared/literature/rich-text.ts';
import type { CodebookNode, CodingItem } from '../../../../shared/coding/schemas.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import { RichText } from '../common/RichText.tsx';

export type ItemFilter = 'all' | 'untagged' | 'mine' | 'code';

export interface ItemListFilters {
  search: string;
  filter: ItemFilter;
  /** the code of "tagged with" */
  code: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The items the filters keep: every search word in the title, authors, abstract or reference. */
export function filterItems(items: readonly CodingItem[], { search, filter, code }: ItemListFilters): CodingItem[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter === 'untagged' && item.tags > 0) return false;
    if (filter === 'mine' && item.mine === 0) return false;
    if (filter === 'code' && code && !item.codes.includes(code as CodingItem['codes'][number])) return false;
    if (words.length === 0) return true;
    const text = fold(`${item.reference} ${plainOf(item.title)} ${item.authors.join(' ')} ${plainOf(item.abstract)}`);
    return words.every((w) => text.includes(w));
  });
}

/** One item of the list; memoised, so a tag re-renders the tagged item's row, not all 500. */
const ItemRow = memo(function ItemRow({ item, selected, tabIndex, onSelect }: {
  item: CodingItem; selected: boolean; tabIndex: 0 | -1; onSelect: (id: number) => void;
}) {
  return (
    <li role="none">
      <button
        type="button" role="option" className="coding-item" aria-selected={selected} data-item={item.id}
        tabIndex={tabIndex} data-roving-key={String(item.id)} onFocus={() => onSelect(item.id)} onClick={() => onSelect(item.id)}
      >
        <span className="coding-item-title">{item.title ? <RichText text={item.title} /> : '(no title)'}</span>
        <span className="coding-item-meta">
          {item.reference.split(' (')[0]}{item.year !== null ? ` ${item.year}` : ''} · {item.tags === 0 ? 'untagged' : `${item.tags} tag${item.tags === 1 ? '' : 's'}`}
          {item.mine > 0 ? `, ${item.mine} mine` : ''}
        </span>
      </button>
    </li>
  );
});

/**
 * The codable items: a search box, the filters (untagged, mine, tagged with a code) and the list, one Tab stop with
 * the arrow keys inside; the item with the focus is the one shown (selection follows focus, as in a mail list).
 * Type-ahead is off: digits are the tagging keys.
 */
export function CodingItemList({ items, shown, filters, onFilters, codes, selectedId, onSelect }: {
  items: readonly CodingItem[];
  shown: readonly CodingItem[];
  filters: ItemListFilters;
  onFilters: (f: ItemListFilters) => void;
  codes: readonly CodebookNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const keys = useMemo(() => shown.map((i) => String(i.id)), [shown]);
  const roving = useRovingFocus<HTMLOListElement>({
    keys, textOf: (i) => shown[i]?.reference ?? '', selectedKey: selectedId === null ? undefined : String(selectedId), typeAhead: false,
  });
  return (
    <section className="coding-items" aria-labelledby="coding-items-h">
      <h3 id="coding-items-h">Items <span className="coding-count">({shown.length} of {items.length})</span></h3>
      <div className="coding-item-filters">
        <label htmlFor="coding-search">Search items</label>
        <input id="coding-search" type="search" value={filters.search} onChange={(e) => onFilters({ ...filters, search: e.target.value })} />
        <label htmlFor="coding-filter">Show</label>
        <select id="coding-filter" value={filters.filter} onChange={(e) => onFilters({ ...filters, filter: e.target.value as ItemFilter })}>
          <option value="all">all items</option>
          <option value="untagged">untagged</option>
          <option value="mine">tagged by me</option>
          <option value="code">tagged with…</option>
        </select>
        {filters.filter === 'code' && (
          <>
            <label htmlFor="coding-filter-code">Tagged with</label>
            <select id="coding-filter-code" value={filters.code} onChange={(e) => onFilters({ ...filters, code: e.target.value })}>
              <option value="">— choose a code —</option>
              {codes.filter((c) => c.taggable).map((c) => <option key={c.ref} value={c.ref}>{c.path.join(' / ')}</option>)}
            </select>
          </>
        )}
      </div>
      {shown.length === 0 ? <p className="coding-none">No items match.</p> : (
        <ol ref={roving.listRef} {...roving.listProps} role="listbox" aria-label="Items to code" className="coding-item-list">
          {shown.map((item, i) => (
            <ItemRow key={item.id} item={item} selected={item.id === selectedId} tabIndex={roving.itemProps(i).tabIndex} onSelect={onSelect} />
          ))}
        </ol>
      )}
    </section>
  );
}
