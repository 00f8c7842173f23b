// Import batches with their counts; each can be undone whole.
import { useLibraryBatches, useLibraryMutations } from '../../hooks/useLibrary.ts';

export function LibraryBatches({ reviewId }: { reviewId: number }) {
  const batches = useLibraryBatches(reviewId);
  const { undoBatch } = useLibraryMutations(reviewId);
  if (!batches.data || batches.data.length === 0) return null;
  return (
    <section aria-labelledby="batches-h" className="library-batches">
      <h2 id="batches-h">Imports</h2>
      {undoBatch.error && <p role="alert">{undoBatch.error.message}</p>}
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
                  <button type="button" disabled={undoBatch.isPending} onClick={() => {
                    if (window.confirm(`Undo the import of ${b.fileName}? Its ${b.imported} items are removed.`)) undoBatch.mutate(b.id);
                  }}>Undo import<span className="lib-sr-only"> of {b.fileName}</span></button>
                ) : 'importing…'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
