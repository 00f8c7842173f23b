import { useCallback, useEffect, useRef } from 'react';
import { useCodingEvidenceCell } from '../../hooks/useCodingEvidenceCell.ts';

/** The items of one map cell, each with its quotes on the row's and the column's codes. */
export function EvidenceCellPanel({ reviewId, cell, rowLabel, columnLabel, onClose }: {
  reviewId: number;
  cell: { row: string; column: string };
  rowLabel: string;
  columnLabel: string;
  onClose: () => void;
}) {
  const detail = useCodingEvidenceCell(reviewId, cell);
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (document.activeElement instanceof HTMLElement && !ref.current?.contains(document.activeElement)) opener.current = document.activeElement;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cell.row, cell.column]);
  const close = useCallback(() => {
    onClose();
    // back to the cell that opened the panel, never to the page body
    if (opener.current?.isConnected) opener.current.focus();
  }, [onClose]);
  // Escape closes the panel wherever the focus is (on the cell that opened it, usually), unless a dialog is open
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  return (
    <section
      className="map-panel" aria-labelledby="map-panel-h" aria-live="polite" ref={ref}>
      <div className="map-panel-head">
        <h4 id="map-panel-h">{rowLabel} × {columnLabel}</h4>
        <button type="button" onClick={close} aria-keyshortcuts="Escape">Close</button>
      </div>
      {detail.error && <p role="alert">Could not load the cell: {detail.error.message}</p>}
      {detail.isPending && <p role="status">Loading…</p>}
      {detail.data && detail.data.items.length === 0 && <p>An evidence gap: no item is tagged with both.</p>}
      {detail.data && detail.data.items.length > 0 && (
        <ul className="map-panel-items">
          {detail.data.items.map((it) => (
            <li key={it.itemId}>
              <strong>{it.reference}</strong>
              {it.quotes.filter((q) => q.quote).length === 0 ? <p className="coding-none">Tagged without a quoted passage.</p> : (
                <ul>
                  {it.quotes.filter((q) => q.quote).map((q) => (
                    <li key={q.tagId}><q>{q.quote}</q>{q.locator && <span className="coding-tag-locator"> ({q.locator})</span>}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
