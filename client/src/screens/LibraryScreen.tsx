// The literature library: import files, search and filter, browse a virtualised list, read an item and its raw
// source records, undo an import.
import { useDeferredValue, useState } from 'react';
import { LibraryBatches } from '../components/library/LibraryBatches.tsx';
import { LibraryDetail } from '../components/library/LibraryDetail.tsx';
import { LibraryImport } from '../components/library/LibraryImport.tsx';
import { LibraryList } from '../components/library/LibraryList.tsx';
import { emptyFilters, useLibraryBatches, useLibraryItems, type LibraryFilters } from '../hooks/useLibrary.ts';
import type { ScreenProps } from './types.ts';
import '../styles/library.css';

const TYPES = ['article-journal', 'paper-conference', 'chapter', 'book', 'report', 'thesis', 'webpage', 'dataset', 'article', 'document'];

export function LibraryScreen({ review }: ScreenProps) {
  const [filters, setFilters] = useState<LibraryFilters>(emptyFilters);
  const deferred = useDeferredValue(filters);
  const [selected, setSelected] = useState<number | null>(null);
  const items = useLibraryItems(review.id, deferred);
  const batches = useLibraryBatches(review.id);
  const set = (k: keyof LibraryFilters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [k]: e.target.value }));
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const corrected = items.data?.pages[0]?.corrected ?? [];
  const total = items.data?.pages[0]?.total ?? null;
  return (
    <>
      <h2 className="lib-sr-only">Literature library</h2>
      <LibraryImport reviewId={review.id} />
      <section aria-labelledby="browse-h" className="library-browse">
        <h2 id="browse-h">Library</h2>
        <form className="library-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="search-box">Search <input type="search" value={filters.q} onChange={set('q')} placeholder='words, "a phrase", author:smith, innov*' /></label>
          <label>From year <input inputMode="numeric" size={5} value={filters.yearFrom} onChange={set('yearFrom')} /></label>
          <label>To year <input inputMode="numeric" size={5} value={filters.yearTo} onChange={set('yearTo')} /></label>
          <label>Type <select value={filters.type} onChange={set('type')}><option value="">any</option>{TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
          <label>Import <select value={filters.batch} onChange={set('batch')}><option value="">any</option>{(batches.data ?? []).map((b) => <option key={b.id} value={b.id}>{b.fileName}</option>)}</select></label>
          <label>Duplicates <select value={filters.dup} onChange={set('dup')}>
            <option value="">all</option><option value="unique">not flagged</option><option value="candidate">possible duplicates</option><option value="merged">merged records</option>
          </select></label>
        </form>
        <p role="status" className="library-status">
          {items.isFetching && !items.isFetchingNextPage ? 'Searching…' : `${total ?? rows.length} ${(total ?? rows.length) === 1 ? 'item' : 'items'}`}
          {corrected.length > 0 && <> · also searched for {corrected.map((c) => `${c.to.join(', ')} (for “${c.from}”)`).join('; ')}</>}
        </p>
        {items.error && <p role="alert">{items.error.message}</p>}
        <div className="library-panes">
          <LibraryList items={rows} hasMore={!!items.hasNextPage} total={total} loadMore={() => {
            if (!items.isFetchingNextPage) void items.fetchNextPage();
          }} selected={selected} onSelect={setSelected} />
          <div className="library-detail-pane">
            {selected !== null ? <LibraryDetail reviewId={review.id} id={selected} /> : <p>Choose an item to see its fields and source records.</p>}
          </div>
        </div>
      </section>
      <LibraryBatches reviewId={review.id} />
    </>
  );
}
