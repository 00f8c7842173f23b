export interface ConflictRow {
  field: string;
  mine: string;
  theirs: string;
}

/**
 * A stale save of the review's settings: the user's values beside the server's, field by field, never merged
 * silently. "Keep theirs" drops the user's changes; "Re-apply mine" sends them again on top of the server's version.
 */
export function ReviewSettingsConflict({ rows, theirVersion, busy, onKeepTheirs, onReapply }: {
  rows: ConflictRow[];
  theirVersion: number;
  busy: boolean;
  onKeepTheirs: () => void;
  onReapply: () => void;
}) {
  return (
    <section className="settings-conflict" aria-labelledby="settings-conflict-heading">
      <h3 id="settings-conflict-heading" tabIndex={-1}>Someone else changed this review meanwhile</h3>
      <p role="alert">
        Not saved: the review was changed elsewhere (it is now at version {theirVersion}). Nothing has been
        overwritten; choose which values to keep.
      </p>
      <table className="data-table conflict-table">
        <caption>Your values and the server’s, where they differ</caption>
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Yours</th><th scope="col">Server’s</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">{r.field}</th>
              <td data-testid={`mine-${r.field}`}>{r.mine || '—'}</td>
              <td data-testid={`theirs-${r.field}`}>{r.theirs || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" onClick={onKeepTheirs} disabled={busy}>Keep theirs</button>
        <button type="button" onClick={onReapply} disabled={busy}>Re-apply mine</button>
      </div>
    </section>
  );
}
