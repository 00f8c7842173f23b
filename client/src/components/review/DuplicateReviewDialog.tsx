import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Review } from '../../../../shared/schemas.ts';
import { FieldError, invalidProps } from './FieldError.tsx';
import { describeError, fieldErrors } from '../../api/problems.ts';

export interface DuplicateChoice {
  title: string;
  alignments: boolean;
  literature: boolean;
}

/**
 * Asks what the copy is called and what it takes along (modal <dialog>: Escape cancels). The copy always has the
 * models, phases, target framework, bands, citations and team; alignments and the literature library only if ticked.
 */
export function DuplicateReviewDialog({ review, onDuplicate, onCancel }: {
  review: Review;
  onDuplicate: (choice: DuplicateChoice) => Promise<void>;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<DuplicateChoice>({ title: `${review.title} (copy)`, alignments: true, literature: true });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onDuplicate({ ...choice, title: choice.title.trim() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const titleError = fieldErrors(error).get('title');
  return (
    <dialog
      ref={ref}
      className="wb-dialog duplicate-dialog"
      aria-labelledby="duplicate-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="duplicate-title">Duplicate “{review.title}”</h2>
      <form onSubmit={(e) => void submit(e)}>
        <p>The copy has the models and phases, the target framework and its stages, the bands, the citations and the team.</p>
        <div className="form-field">
          <label htmlFor="duplicate-new-title">Title of the copy</label>
          <input
            id="duplicate-new-title" value={choice.title} required maxLength={500}
            onChange={(e) => setChoice({ ...choice, title: e.target.value })}
            {...invalidProps('duplicate-title-error', titleError)}
          />
          <FieldError id="duplicate-title-error" message={titleError} />
        </div>
        <label className="check">
          <input type="checkbox" checked={choice.alignments} onChange={(e) => setChoice({ ...choice, alignments: e.target.checked })} />
          with alignments
        </label>
        <label className="check">
          <input type="checkbox" checked={choice.literature} onChange={(e) => setChoice({ ...choice, literature: e.target.checked })} />
          with literature
        </label>
        {error !== null && !titleError && <p role="alert" className="form-error">Not copied: {describeError(error)}</p>}
        <div className="dialog-buttons">
          <button type="submit" disabled={busy || choice.title.trim() === ''}>{busy ? 'Copying…' : 'Duplicate'}</button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
