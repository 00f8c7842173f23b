import { useState } from 'react';
import type { Review } from '../../../../shared/schemas.ts';
import { useTrash } from '../../hooks/useTrash.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';

const dateText = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';

/** The reviews in the trash: restored as they were, or deleted for good after asking. */
export function ReviewTrash({ onRestore, onPurge, busy }: {
  onRestore: (review: Review) => void;
  onPurge: (review: Review) => void;
  busy: boolean;
}) {
  const trash = useTrash();
  const [purging, setPurging] = useState<Review | null>(null);
  return (
    <section aria-labelledby="trash-heading" className="reviews-trash">
      <h2 id="trash-heading" tabIndex={-1}>Trash</h2>
      {trash.error && <p role="alert">Could not load the trash: {trash.error.message}</p>}
      {trash.data?.length === 0 && <p>The trash is empty.</p>}
      {trash.data && trash.data.length > 0 && (
        <table className="data-table reviews-table">
          <caption>Reviews in the trash: nothing in them is removed until you delete them permanently</caption>
          <thead>
            <tr><th scope="col">Title</th><th scope="col">Moved to the trash</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {trash.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title} <span className="review-slug">{r.slug}</span></th>
                <td>{dateText(r.deletedAt)}</td>
                <td>
                  <div className="review-actions">
                    <button type="button" onClick={() => onRestore(r)} disabled={busy}>Restore<span className="wb-sr-only"> {r.title}</span></button>
                    <button type="button" className="danger" onClick={() => setPurging(r)} disabled={busy}>
                      Delete<span className="wb-sr-only"> {r.title}</span> permanently
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {purging && (
        <ConfirmDialog
          title={`Delete “${purging.title}” permanently?`}
          confirmLabel="Delete permanently"
          onConfirm={() => {
            setPurging(null);
            onPurge(purging);
          }}
          onCancel={() => setPurging(null)}
        >
          <p>
            The review and everything in it go for good: its models, phases, target framework, alignments, citations,
            literature library and audit log. This cannot be undone.
          </p>
          <p>To keep a copy, restore it first and export a bundle.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
