import type { Review } from '../../../../shared/schemas.ts';
import { FieldError, invalidProps } from './FieldError.tsx';

export type StartKind = 'blank' | 'template' | 'target' | 'copy';

export interface StartChoice {
  kind: StartKind;
  /** for 'target' and 'copy' */
  fromReviewId: number | null;
  alignments: boolean;
  literature: boolean;
}

const KINDS: { kind: StartKind; label: string; hint: string }[] = [
  { kind: 'blank', label: 'Blank', hint: 'an empty target framework; you name the bands and stages yourself' },
  {
    kind: 'template',
    label: 'Template: the six-stage innovation wheel',
    hint: 'the three bands and the six stages of Lefevre et al. (2022), with all of Table 2 (focus, purpose, key questions, success measures)',
  },
  { kind: 'target', label: 'Another review’s target framework', hint: 'its bands and its stages with every field; no models' },
  { kind: 'copy', label: 'A copy of an existing review', hint: 'everything in it; the alignments and the literature library if you choose' },
];

/** Step 1 of a new review: a radio group (arrow keys move between the choices) and what each choice needs. */
export function ReviewStartPicker({ choice, reviews, onChange, fromError }: {
  choice: StartChoice;
  reviews: Review[];
  onChange: (choice: StartChoice) => void;
  fromError: string | undefined;
}) {
  const pick = (kind: StartKind) =>
    onChange({ ...choice, kind, fromReviewId: kind === 'target' || kind === 'copy' ? choice.fromReviewId ?? reviews[0]?.id ?? null : choice.fromReviewId });
  const needsReview = choice.kind === 'target' || choice.kind === 'copy';
  return (
    <div className="start-picker">
      <fieldset className="start-kinds">
        {/* the step's heading says "Start from" already; the legend names the group for screen readers */}
        <legend className="wb-sr-only">Start from</legend>
        {KINDS.map((k) => {
          const unavailable = (k.kind === 'target' || k.kind === 'copy') && reviews.length === 0;
          return (
            <div className="start-kind" key={k.kind}>
              <input
                type="radio" name="start-kind" id={`start-${k.kind}`} value={k.kind} checked={choice.kind === k.kind}
                disabled={unavailable} onChange={() => pick(k.kind)} aria-describedby={`start-${k.kind}-hint`}
              />
              <label htmlFor={`start-${k.kind}`}>{k.label}</label>
              <span className="start-hint" id={`start-${k.kind}-hint`}>{unavailable ? 'there is no other review yet' : k.hint}</span>
            </div>
          );
        })}
      </fieldset>
      {needsReview && (
        <div className="start-from">
          <div className="form-field">
            <label htmlFor="start-from-review">{choice.kind === 'copy' ? 'Review to copy' : 'Review whose target framework to use'}</label>
            <select
              id="start-from-review" value={choice.fromReviewId ?? ''}
              onChange={(e) => onChange({ ...choice, fromReviewId: Number(e.target.value) })}
              {...invalidProps('start-from-error', fromError)}
            >
              {reviews.map((r) => <option key={r.id} value={r.id}>{r.title}{r.archivedAt ? ' (archived)' : ''}</option>)}
            </select>
            <FieldError id="start-from-error" message={fromError} />
          </div>
          {choice.kind === 'copy' && (
            <>
              <label className="check">
                <input type="checkbox" checked={choice.alignments} onChange={(e) => onChange({ ...choice, alignments: e.target.checked })} />
                with alignments
              </label>
              <label className="check">
                <input type="checkbox" checked={choice.literature} onChange={(e) => onChange({ ...choice, literature: e.target.checked })} />
                with literature
              </label>
            </>
          )}
        </div>
      )}
    </div>
  );
}
