import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Review } from '../../../../shared/schemas.ts';
import { useCrosswalk } from '../../hooks/useCrosswalk.ts';
import { findItems, reviewFindItems, useFindIndex, useQuickFindShortcut, type FindItem } from '../../hooks/useQuickFind.ts';
import { useReviews } from '../../hooks/useReviews.ts';
import { useCitationFindItems } from '../../hooks/useCitationFindItems.ts';
import { focusWhenReady } from './focusWhenReady.ts';
import '../../styles/quickfind.css';

const KIND_LABEL: Record<FindItem['kind'], string> = { review: 'Review', model: 'Model', phase: 'Phase', stage: 'Stage', citation: 'Citation' };
const MAX_RESULTS = 12;

/**
 * Ctrl/Cmd+K: fuzzy search over the reviews and, within the open review, its models, phases, stages and citations;
 * arrows choose, Enter jumps to the item.
 */
export function QuickFind({ review }: { review: Review | undefined }) {
  const { open, setOpen } = useQuickFindShortcut();
  if (!open) return null;
  return review
    ? <ReviewQuickFind review={review} onClose={() => setOpen(false)} />
    : <QuickFindDialog items={[]} ready onClose={() => setOpen(false)} />;
}

function ReviewQuickFind({ review, onClose }: { review: Review; onClose: () => void }) {
  const crosswalk = useCrosswalk(review.id);
  const cw = crosswalk.data?.crosswalk;
  const citationItems = useCitationFindItems(review.id, review.slug);
  const items = useMemo(() => [...(cw ? findItems(cw, review.slug) : []), ...citationItems], [cw, citationItems, review.slug]);
  return <QuickFindDialog items={items} ready={cw !== undefined} onClose={onClose} />;
}

function QuickFindDialog({ items: reviewItems, ready, onClose }: { items: FindItem[]; ready: boolean; onClose: () => void }) {
  const reviews = useReviews();
  // the open review's own things first; other reviews are found by name
  const items = useMemo(() => [...reviewItems, ...reviewFindItems(reviews.data ?? [])], [reviewItems, reviews.data]);
  const cw = ready && reviews.data !== undefined;
  const fuse = useFindIndex(items);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const results = useMemo(
    () => (query.trim() ? fuse.search(query.trim(), { limit: MAX_RESULTS }).map((r) => r.item) : items.slice(0, MAX_RESULTS)),
    [fuse, items, query],
  );
  const current = Math.min(active, Math.max(0, results.length - 1));

  const close = (restore: boolean) => {
    // close the modal first: while it is open the rest of the page is inert and cannot take focus
    dialogRef.current?.close();
    if (restore && returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    onClose();
  };
  const go = (item: FindItem) => {
    close(false);
    window.location.hash = item.hash;
    focusWhenReady(item.focusId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      setActive((current + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Escape') {
      // a search field would spend the first Escape on clearing itself; here Escape always closes
      e.preventDefault();
      close(true);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = results[current];
      if (item) go(item);
    }
  };
  const optionId = (i: number) => `quickfind-option-${i}`;

  return (
    <dialog
      ref={dialogRef}
      className="quickfind"
      aria-labelledby="quickfind-title"
      onCancel={(e) => {
        e.preventDefault();
        close(true);
      }}
    >
      <h2 id="quickfind-title" className="quickfind-title">Quick find</h2>
      <input
        type="search"
        role="combobox"
        aria-label="Find a review, model, phase, stage or citation"
        aria-expanded={results.length > 0}
        aria-controls="quickfind-results"
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(current) : undefined}
        autoFocus
        value={query}
        placeholder="Find a review, model, phase or stage…"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {!cw && <p role="status">Loading…</p>}
      <ul id="quickfind-results" role="listbox" aria-label="Results" className="quickfind-results">
        {results.map((item, i) => (
          <li
            key={`${item.kind}-${item.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onClick={() => go(item)}
            onMouseEnter={() => setActive(i)}
          >
            <span className={`qf-kind qf-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
            <span className="qf-title">{item.title}</span>
            {item.context && <span className="qf-context">{item.context}</span>}
          </li>
        ))}
      </ul>
      {cw && results.length === 0 && <p role="status">Nothing matches “{query}”.</p>}
      <p className="quickfind-help">↑ ↓ to choose, Enter to open, Esc to close.</p>
    </dialog>
  );
}
