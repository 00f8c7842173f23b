import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import type { Alignment } from '../../../../shared/schemas.ts';
import type { AlignmentPatch } from '../../hooks/useAlignmentMutations.ts';
import { ALIGNED_RELATIONS, RELATION_HINT, type AlignedRelation } from '../crosswalk/relations.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';

/**
 * Relation, confidence and rationale of one alignment. Opens with the rationale focused; Enter in the rationale or
 * the confidence, or the Save button, saves (Shift+Enter starts a new line in the rationale); Escape cancels.
 *
 * `relation` opens the editor with a relation other than the saved one (the reviewer chose it again from the menu):
 * nothing is written until Save, and a rationale written for the old relation is marked for review. `draft` is a
 * rationale the reviewer did not write (a suggestion's reasons): it is offered, selected so that typing replaces it,
 * and stored only if they save it.
 */
export function AlignmentEditor({ alignment, title, relation: proposed, draft, onSave, onCancel }: {
  alignment: Alignment;
  title: string;
  relation?: AlignedRelation;
  draft?: string;
  onSave: (patch: AlignmentPatch) => void;
  onCancel: () => void;
}) {
  const relationText = useRelationText();
  const [relation, setRelation] = useState(proposed ?? alignment.relation);
  const [confidence, setConfidence] = useState(alignment.confidence === null ? '' : String(alignment.confidence));
  const [rationale, setRationale] = useState(alignment.rationale || draft || '');
  const [error, setError] = useState<string | null>(null);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    rationaleRef.current?.focus();
    if (draft && !alignment.rationale) rationaleRef.current?.select();
  }, [draft, alignment.rationale]);
  const idBase = `edit-${alignment.id}`;
  // the old text stays under review while the relation differs from the one it was written for and it is unedited
  const stale = alignment.relation !== 'no-counterpart' && alignment.rationale !== '' && relation !== alignment.relation && rationale === alignment.rationale;
  const offered = Boolean(draft) && !alignment.rationale && rationale === draft;
  const noteId = `${idBase}-note`;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
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
  const onRationaleKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter saves, as in a chat box; Shift+Enter is a new line; an IME composing text keeps its own Enter
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
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
      <label htmlFor={`${idBase}-rationale`} className={`editor-rationale${stale ? ' needs-review' : ''}${offered ? ' is-draft' : ''}`}>
        Rationale
        <textarea
          id={`${idBase}-rationale`} ref={rationaleRef} rows={3} value={rationale}
          aria-describedby={stale || offered ? noteId : undefined}
          onChange={(e) => setRationale(e.target.value)}
          onKeyDown={onRationaleKey}
        />
      </label>
      {stale && alignment.relation !== 'no-counterpart' && relation !== 'no-counterpart' && (
        <p id={noteId} className="editor-note review-note" role="note">
          Review this rationale: it was written for {RELATION_MARKS[alignment.relation]} {relationText[alignment.relation]}, and
          the relation is now {RELATION_MARKS[relation]} {relationText[relation]}. Nothing is saved until you press Enter or Save.
        </p>
      )}
      {offered && (
        <p id={noteId} className="editor-note draft-note" role="note">
          Draft from the suggestion, not yet your rationale: type over it, or press Enter to keep it. Escape leaves the
          rationale empty.
        </p>
      )}
      {error && <p id={`${idBase}-error`} role="alert" className="field-error">{error}</p>}
      <div className="editor-buttons">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
