import { useEffect, useRef } from 'react';
import type { Framework } from '../../../../shared/schemas.ts';
import type { ModelFields } from '../../hooks/useModelMutations.ts';

const FIELDS = ['name', 'citation'] as const;
const FIELD_LABEL: Record<(typeof FIELDS)[number], string> = { name: 'Name', citation: 'Citation' };

/**
 * A stale rename: someone else saved the model after the rename form opened. The user's values beside the server's,
 * never merged silently; "Re-apply mine" writes both fields exactly as "Yours" shows them, "Keep theirs" drops them.
 */
export function ModelRenameConflict({ mine, base, theirs, busy, onKeepTheirs, onReapply }: {
  mine: ModelFields;
  /** the model as it was when the rename form opened */
  base: Framework;
  theirs: Framework;
  busy: boolean;
  onKeepTheirs: () => void;
  onReapply: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const reapplyRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    reapplyRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="wb-dialog conflict-dialog"
      aria-labelledby={`model-conflict-${theirs.id}`}
      onCancel={(e) => {
        // Escape is "Keep theirs": it writes nothing
        e.preventDefault();
        onKeepTheirs();
      }}
    >
      <h2 id={`model-conflict-${theirs.id}`}>Conflict: someone else changed this model</h2>
      <p>
        While you renamed “{base.name}”, it was changed elsewhere (you had version {base.version}; it is now at version{' '}
        {theirs.version}). Nothing has been overwritten; choose which values to keep.
      </p>
      <table className="data-table conflict-table">
        <caption>Your version and the server’s</caption>
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Yours</th><th scope="col">Server’s</th></tr>
        </thead>
        <tbody>
          {FIELDS.map((field) => {
            const a = mine[field];
            const b = theirs[field];
            return (
              <tr key={field} className={a !== b ? 'differs' : undefined}>
                <th scope="row">{FIELD_LABEL[field]}{a !== b && <span className="wb-sr-only"> (differs)</span>}</th>
                <td data-testid={`mine-${field}`}>{a || '—'}</td>
                <td data-testid={`theirs-${field}`}>{b || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" onClick={onKeepTheirs} disabled={busy}>Keep theirs</button>
        <button type="button" ref={reapplyRef} onClick={onReapply} disabled={busy}>Re-apply mine</button>
      </div>
    </dialog>
  );
}
