import { useCellPanel } from '../../hooks/useCellPanel.ts';
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
  const { ref, close } = useCellPanel(`${cell.row} ${cell.column}`, onClose);
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
