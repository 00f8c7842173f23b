import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Review, ReviewStart } from '../../../shared/schemas.ts';
import { FieldError, invalidProps } from '../components/review/FieldError.tsx';
import { ReviewStartPicker, type StartChoice } from '../components/review/ReviewStartPicker.tsx';
import { SetupBands } from '../components/review/SetupBands.tsx';
import { SetupModels } from '../components/review/SetupModels.tsx';
import { SetupStages } from '../components/review/SetupStages.tsx';
import { describeError, fieldErrors, otherErrors } from '../api/problems.ts';
import { useReviewMutations } from '../hooks/useReviewMutations.ts';
import { useReviews } from '../hooks/useReviews.ts';
import { pageHash, reviewHash } from '../lib/route.ts';
import '../styles/reviews.css';

type Step = 'start' | 'details' | 'bands' | 'stages' | 'models' | 'done';

const STEP_TITLE: Record<Step, string> = {
  start: 'Start from',
  details: 'Title and question',
  bands: 'Bands',
  stages: 'Target framework stages',
  models: 'Models',
  done: 'Your copy is ready',
};
const SETUP: Step[] = ['bands', 'stages', 'models'];

interface Details {
  title: string;
  question: string;
  description: string;
}

function startOf(choice: StartChoice): ReviewStart {
  if (choice.kind === 'template') return { kind: 'template', template: 'seed' };
  if ((choice.kind === 'target' || choice.kind === 'copy') && choice.fromReviewId !== null) {
    return choice.kind === 'target'
      ? { kind: 'target', fromReviewId: choice.fromReviewId }
      : { kind: 'copy', fromReviewId: choice.fromReviewId, alignments: choice.alignments, literature: choice.literature };
  }
  return { kind: 'blank' };
}

/**
 * A new review in steps: what it starts from, its title and question, then (unless it is a copy) a short guided
 * setup of its bands, target stages and models. Next and Back move between steps, and focus goes to the new
 * step's heading, so the steps read in order by keyboard and screen reader.
 */
export function NewReviewScreen() {
  const reviews = useReviews();
  const { create } = useReviewMutations();
  const [step, setStep] = useState<Step>('start');
  const [choice, setChoice] = useState<StartChoice>({ kind: 'blank', fromReviewId: null, alignments: true, literature: true });
  const [details, setDetails] = useState<Details>({ title: '', question: '', description: '' });
  const [titleMissing, setTitleMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Review | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // not on arrival: the page's own heading and the skip link come first
    if (moved.current) headingRef.current?.focus();
  }, [step]);
  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };

  const errors = fieldErrors(error);
  const fromError = errors.get('start/fromReviewId');
  const titleError = titleMissing ? 'Give the review a title.' : errors.get('title');
  const known = ['title', 'question', 'description', 'start/fromReviewId'];
  const unshown = otherErrors(errors, known);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (details.title.trim() === '') {
      setTitleMissing(true);
      document.getElementById('new-title')?.focus();
      return;
    }
    setTitleMissing(false);
    setError(null);
    try {
      const review = await create.mutateAsync({
        title: details.title.trim(),
        question: details.question,
        description: details.description,
        start: startOf(choice),
      });
      setCreated(review);
      go(choice.kind === 'copy' ? 'done' : 'bands');
    } catch (err) {
      setError(err);
      if (fieldErrors(err).has('start/fromReviewId')) go('start');
    }
  };

  const shownSteps: Step[] = created ? (choice.kind === 'copy' ? ['start', 'details', 'done'] : ['start', 'details', ...SETUP]) : ['start', 'details', ...(choice.kind === 'copy' ? [] : SETUP)];
  const setupIndex = SETUP.indexOf(step);

  return (
    <div className="new-review">
      <h1>New review</h1>
      <ol className="wizard-steps" aria-label="Steps">
        {shownSteps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'current' : undefined}>
            <span className="wizard-step-number">{i + 1}</span> {STEP_TITLE[s]}
          </li>
        ))}
      </ol>
      <section aria-labelledby="wizard-heading" className="wizard-step">
        <h2 id="wizard-heading" ref={headingRef} tabIndex={-1}>
          {created && step !== 'done' && SETUP.includes(step) ? `${STEP_TITLE[step]} of “${created.title}”` : STEP_TITLE[step]}
        </h2>

        {step === 'start' && (
          <>
            {reviews.error && <p role="alert">Could not load the reviews: {reviews.error.message}</p>}
            <ReviewStartPicker choice={choice} reviews={reviews.data ?? []} onChange={setChoice} fromError={fromError} />
            <div className="wizard-nav">
              <button type="button" onClick={() => go('details')} disabled={(choice.kind === 'target' || choice.kind === 'copy') && choice.fromReviewId === null}>
                Next
              </button>
            </div>
          </>
        )}

        {step === 'details' && (
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="wizard-heading" className="wizard-details">
            <div className="form-field">
              <label htmlFor="new-title">Title <span className="required">(required)</span></label>
              <input
                id="new-title" value={details.title} maxLength={500} aria-required="true"
                onChange={(e) => setDetails({ ...details, title: e.target.value })}
                {...invalidProps('new-title-error', titleError)}
              />
              <FieldError id="new-title-error" message={titleError} />
            </div>
            <div className="form-field">
              <label htmlFor="new-question">Review question</label>
              <textarea
                id="new-question" value={details.question} rows={2} maxLength={2000}
                onChange={(e) => setDetails({ ...details, question: e.target.value })}
                {...invalidProps('new-question-error', errors.get('question'))}
              />
              <FieldError id="new-question-error" message={errors.get('question')} />
            </div>
            <div className="form-field">
              <label htmlFor="new-description">Description</label>
              <textarea
                id="new-description" value={details.description} rows={3}
                onChange={(e) => setDetails({ ...details, description: e.target.value })}
                {...invalidProps('new-description-error', errors.get('description'))}
              />
              <FieldError id="new-description-error" message={errors.get('description')} />
            </div>
            {error !== null && (errors.size === 0 || unshown.length > 0) && (
              <p role="alert" className="form-error">Not created: {unshown.length > 0 ? unshown.join('; ') : describeError(error)}</p>
            )}
            <div className="wizard-nav">
              <button type="button" onClick={() => go('start')}>Back</button>
              <button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create review'}</button>
            </div>
          </form>
        )}

        {created && setupIndex >= 0 && (
          <>
            {step === 'bands' && <SetupBands review={created} />}
            {step === 'stages' && <SetupStages review={created} />}
            {step === 'models' && <SetupModels review={created} />}
            <div className="wizard-nav">
              {setupIndex > 0 && <button type="button" onClick={() => go(SETUP[setupIndex - 1] as Step)}>Back</button>}
              {setupIndex < SETUP.length - 1 && <button type="button" onClick={() => go(SETUP[setupIndex + 1] as Step)}>Next</button>}
              {step === 'models' && <a className="button-link primary" href={reviewHash(created.slug, 'crosswalk')}>Open the review</a>}
            </div>
          </>
        )}

        {created && step === 'done' && (
          <>
            <p role="status">Created “{created.title}”, a copy of the review you chose.</p>
            <p className="wizard-nav">
              <a className="button-link primary" href={reviewHash(created.slug, 'crosswalk')}>Open the review</a>{' '}
              <a href={pageHash('reviews')}>All reviews</a>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
