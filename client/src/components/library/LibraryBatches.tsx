// Import batches with their counts; each can be undone whole, after the app's own confirm dialog.
import { useRef, useState } from 'react';
import type { Batch } from '../../../../shared/literature/library-schemas.ts';
import { useLibraryBatches, useLibraryMutations } from '../../hooks/useLibrary.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';

export function LibraryBatches({ reviewId }: { reviewId: number }) {
  const batches = useLibraryBatches(reviewId);
  const { undoBatch } = useLibraryMutations(reviewId);
  const [asking, setAsking] = useState<Batch | null>(null);
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // after the last import is undone the section stays, so the message and the focus have somewhere to be
  if (!batches.data || (batches.data.length === 0 && !said)) return null;
  const undo = (b: Batch) => {
    setAsking(null);
    undoBatch.mutate(b.id, {
      onSuccess: () => {
        setSaid(`Import of ${b.fileName} undone: ${b.imported} items removed.`);
        // the row and its button are gone: focus goes to the list's heading, never to the page body
        heading.current?.focus();
      },
    });
  };
  return (
    <section aria-labelledby="batches-h" className="library-batches">
      <h2 id="batches-h" ref={heading} tabIndex={-1}>Imports</h2>
      <p className="lib-sr-only" role="status">{said}</p>
      {undoBatch.error && <p role="alert">{undoBatch.error.message}</p>}
      {batches.data.length === 0 ? <p>No imports left in this review.</p> : (
      <table className="data-table">
        <thead><tr><th scope="col">File</th><th scope="col">Source</th><th scope="col">Date</th><th scope="col">Records</th><th scope="col">Imported</th><th scope="col">Failed</th><th scope="col"><span className="lib-sr-only">Actions</span></th></tr></thead>
        <tbody>
          {batches.data.map((b) => (
            <tr key={b.id}>
              <td>
                {b.fileName} ({b.format})
                {b.notes.length > 0 && <ul className="import-notes">{b.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
              </td>
              <td>{b.sourceName}</td>
              <td>{b.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{b.records}</td>
              <td>{b.imported}</td>
              <td>{b.failed}</td>
              <td>
                {b.status === 'complete' ? (
                  <button type="button" disabled={undoBatch.isPending} onClick={() => setAsking(b)}>
                    Undo import<span className="lib-sr-only"> of {b.fileName}</span>
                  </button>
                ) : 'importing…'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
      {asking && (
        <ConfirmDialog title={`Undo the import of ${asking.fileName}?`} confirmLabel="Undo import" onConfirm={() => undo(asking)} onCancel={() => setAsking(null)}>
          <p>Its {asking.imported} items are removed from the library, with their duplicate decisions. The file itself is not touched.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
