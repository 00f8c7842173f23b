import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Alignment } from '../../../../shared/schemas.ts';
import type { AlignmentPatch } from '../../hooks/useAlignmentMutations.ts';
import { ALIGNED_RELATIONS, RELATION_HINT, type AlignedRelation } from '../crosswalk/relations.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';

/**
 * Relation, confidence and rationale of one alignment. Opens with the rationale focused; Enter in the confidence
 * field or the Save button saves; Escape cancels.
 */
export function AlignmentEditor({ alignment, title, onSave, onCancel }: {
  alignment: Alignment;
  title: string;
  onSave: (patch: AlignmentPatch) => void;
  onCancel: () => void;
}) {
  const relationText = useRelationText();
  const [relation, setRelation] = useState(alignment.relation);
  const [confidence, setConfidence] = useState(alignment.confidence === null ? '' : String(alignment.confidence));
  const [rationale, setRationale] = useState(alignment.rationale);
  const [error, setError] = useState<string | null>(null);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => rationaleRef.current?.focus(), []);
  const idBase = `edit-${alignment.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = confidence.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 1)) {
      setError('Confidence must be a number from 0 to 1, or empty.');
      return;
    }
    const patch: AlignmentPatch = {};
    if (relation !== alignment.relation) patch.relation = relation;
    if (value !== alignment.confidence) patch.confidence = value;
    if (rationale !== alignment.rationale) patch.rationale = rationale;
    onSave(patch);
  };

  return (
    <form
      className="alignment-editor"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p className="editor-title">{title}</p>
      {alignment.relation !== 'no-counterpart' && (
        <label htmlFor={`${idBase}-relation`}>
          Relation
          <select id={`${idBase}-relation`} value={relation} onChange={(e) => setRelation(e.target.value as AlignedRelation)}>
            {ALIGNED_RELATIONS.map((r) => (
              <option key={r} value={r}>{relationText[r]} ({RELATION_HINT[r]})</option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${idBase}-confidence`}>
        Confidence (0–1)
        <input
          id={`${idBase}-confidence`}
          type="number"
          min={0}
          max={1}
          step={0.05}
          inputMode="decimal"
          value={confidence}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${idBase}-error` : undefined}
          onChange={(e) => setConfidence(e.target.value)}
        />
      </label>
      <label htmlFor={`${idBase}-rationale`} className="editor-rationale">
        Rationale
        <textarea id={`${idBase}-rationale`} ref={rationaleRef} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      {error && <p id={`${idBase}-error`} role="alert" className="field-error">{error}</p>}
      <div className="editor-buttons">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
