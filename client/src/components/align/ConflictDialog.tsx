import { useEffect, useRef } from 'react';
import type { Alignment } from '../../../../shared/schemas.ts';
import type { AlignmentConflict, AlignmentPatch } from '../../hooks/useAlignmentMutations.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';

const FIELDS = ['relation', 'stageId', 'confidence', 'rationale'] as const;
const FIELD_LABEL: Record<(typeof FIELDS)[number], string> = {
  relation: 'Relation', stageId: 'Stage', confidence: 'Confidence', rationale: 'Rationale',
};

/**
 * What the dialog shows as "Yours": every field as the user saw it, their change on top of what they had read. Re-apply
 * sends all of these, so a field they did not touch but someone else changed meanwhile comes back as shown, not as
 * the server's.
 */
export function yoursOf(conflict: AlignmentConflict): Required<AlignmentPatch> {
  const mine: Alignment = { ...conflict.base, ...conflict.mine };
  return { relation: mine.relation, stageId: mine.stageId, confidence: mine.confidence, rationale: mine.rationale };
}

/**
 * A stale edit: the user's version beside the server's, never merged silently. "Keep theirs" drops the user's
 * change; "Re-apply mine" sends it again against the server's current version.
 */
export function ConflictDialog({ conflict, phaseLabel, stageName, onKeepTheirs, onReapply }: {
  conflict: AlignmentConflict;
  phaseLabel: string;
  stageName: (id: number | null) => string;
  onKeepTheirs: () => void;
  onReapply: () => void;
}) {
  const relationText = useRelationText();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const mine: Alignment = { ...conflict.theirs, ...yoursOf(conflict) };
  const show = (a: Alignment, field: (typeof FIELDS)[number]): string => {
    if (field === 'relation') return relationText[a.relation];
    if (field === 'stageId') return stageName(a.stageId);
    if (field === 'confidence') return a.confidence === null ? '—' : String(a.confidence);
    return a.rationale || '—';
  };
  return (
    <dialog
      ref={ref}
      className="wb-dialog conflict-dialog"
      aria-labelledby="conflict-title"
      onCancel={(e) => {
        e.preventDefault();
        onKeepTheirs();
      }}
    >
      <h2 id="conflict-title">Conflict: someone else changed this alignment</h2>
      <p>
        While you edited the alignment of “{phaseLabel}”, it was changed on the server (you had version{' '}
        {conflict.base.version}; the server has version {conflict.theirs.version}). Nothing has been overwritten.
      </p>
      <table className="data-table conflict-table">
        <caption>Your version and the server’s</caption>
        <thead>
          <tr><th scope="col">Field</th><th scope="col">Yours</th><th scope="col">Server’s</th></tr>
        </thead>
        <tbody>
          {FIELDS.map((field) => {
            const a = show(mine, field);
            const b = show(conflict.theirs, field);
            return (
              <tr key={field} className={a !== b ? 'differs' : undefined}>
                <th scope="row">{FIELD_LABEL[field]}{a !== b && <span className="wb-sr-only"> (differs)</span>}</th>
                <td data-testid={`mine-${field}`}>{a}</td>
                <td data-testid={`theirs-${field}`}>{b}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" onClick={onKeepTheirs}>Keep theirs</button>
        <button type="button" onClick={onReapply}>Re-apply mine</button>
      </div>
    </dialog>
  );
}
