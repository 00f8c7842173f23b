import { useEffect, useState, type FormEvent } from 'react';
import type { Relation, Review } from '../../../shared/schemas.ts';
import { ApiError } from '../api/client.ts';
import { focusWhenReady } from '../components/common/focusWhenReady.ts';
import { RELATION_TEXT } from '../components/crosswalk/relations.ts';
import { ExclusionReasonsEditor } from '../components/review/ExclusionReasonsEditor.tsx';
import { FieldError, invalidProps } from '../components/review/FieldError.tsx';
import { RELATIONS, RelationLabelsFields } from '../components/review/RelationLabelsFields.tsx';
import { ReviewSettingsConflict, type ConflictRow } from '../components/review/ReviewSettingsConflict.tsx';
import { ReviewTeam } from '../components/review/ReviewTeam.tsx';
import { describeError, fieldErrors, otherErrors } from '../api/problems.ts';
import { useReviewMutations, type ReviewPatch } from '../hooks/useReviewMutations.ts';
import type { ScreenProps } from './types.ts';
import '../styles/reviews.css';

const TEXT_FIELDS = ['title', 'question', 'description', 'crosswalkCaption', 'targetCaption'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const LABEL: Record<TextField, string> = {
  title: 'Title',
  question: 'Review question',
  description: 'Description',
  crosswalkCaption: 'Caption of Table 1 (the crosswalk)',
  targetCaption: 'Caption of Table 2 (the target framework)',
};

interface SettingsForm extends Record<TextField, string> {
  relationLabels: Record<Relation, string>;
  exclusionReasons: string[];
  /** the highlight terms as typed: one per line */
  includeTerms: string;
  excludeTerms: string;
}

const TERM_LISTS = [
  { key: 'includeTerms', side: 'include', label: 'Inclusion terms to highlight while screening' },
  { key: 'excludeTerms', side: 'exclude', label: 'Exclusion terms to highlight while screening' },
] as const;
const linesOf = (text: string): string[] => [...new Set(text.split('\n').map((t) => t.trim()).filter((t) => t !== ''))];

const formOf = (r: Review): SettingsForm => ({
  title: r.title, question: r.question, description: r.description,
  crosswalkCaption: r.crosswalkCaption, targetCaption: r.targetCaption,
  relationLabels: Object.fromEntries(RELATIONS.map((rel) => [rel, r.settings.relationLabels[rel] ?? ''])) as Record<Relation, string>,
  exclusionReasons: [...r.settings.exclusionReasons],
  includeTerms: r.settings.highlightTerms.include.join('\n'),
  excludeTerms: r.settings.highlightTerms.exclude.join('\n'),
});

const settingsOf = (f: SettingsForm) => ({
  relationLabels: Object.fromEntries(
    RELATIONS.map((r) => [r, f.relationLabels[r].trim()] as const).filter(([, label]) => label !== ''),
  ) as Partial<Record<Relation, string>>,
  exclusionReasons: f.exclusionReasons.map((r) => r.trim()).filter((r) => r !== ''),
  highlightTerms: { include: linesOf(f.includeTerms), exclude: linesOf(f.excludeTerms) },
});
const sameSettings = (a: SettingsForm, b: SettingsForm) => JSON.stringify(settingsOf(a)) === JSON.stringify(settingsOf(b));

/** What the user changed since `from`: only those fields are sent, so a re-applied save leaves others' changes be. */
function patchOf(fields: SettingsForm, from: SettingsForm): ReviewPatch {
  const patch: ReviewPatch = {};
  for (const k of TEXT_FIELDS) if (fields[k] !== from[k]) patch[k] = k === 'title' ? fields[k].trim() : fields[k];
  if (!sameSettings(fields, from)) patch.settings = settingsOf(fields);
  return patch;
}

// Not reviewSchema.safeParse: zod in the client probes eval(), which the page's CSP reports (see StageEditor).
function isReview(value: unknown): value is Review {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const settings = v.settings as Record<string, unknown> | undefined;
  return typeof v.id === 'number' && typeof v.version === 'number' && TEXT_FIELDS.every((k) => typeof v[k] === 'string') &&
    typeof settings === 'object' && settings !== null && Array.isArray(settings.exclusionReasons) && typeof settings.relationLabels === 'object';
}

function conflictRows(mine: SettingsForm, theirs: SettingsForm): ConflictRow[] {
  const rows: ConflictRow[] = TEXT_FIELDS.filter((k) => mine[k] !== theirs[k]).map((k) => ({ field: LABEL[k], mine: mine[k], theirs: theirs[k] }));
  for (const r of RELATIONS) {
    const a = mine.relationLabels[r].trim();
    const b = theirs.relationLabels[r].trim();
    if (a !== b) rows.push({ field: `Label for “${RELATION_TEXT[r]}”`, mine: a || `(standard: ${RELATION_TEXT[r]})`, theirs: b || `(standard: ${RELATION_TEXT[r]})` });
  }
  const a = settingsOf(mine).exclusionReasons.join('; ');
  const b = settingsOf(theirs).exclusionReasons.join('; ');
  if (a !== b) rows.push({ field: 'Exclusion reasons', mine: a, theirs: b });
  for (const list of TERM_LISTS) {
    const x = linesOf(mine[list.key]).join('; ');
    const y = linesOf(theirs[list.key]).join('; ');
    if (x !== y) rows.push({ field: list.label, mine: x, theirs: y });
  }
  return rows;
}

/** The review's own settings: its title, question, captions, relation vocabulary, exclusion reasons and team. */
export function SettingsScreen({ review }: ScreenProps) {
  const { update } = useReviewMutations();
  // the review as last read or saved: its version is what a save is checked against
  const [base, setBase] = useState<Review>(review);
  const [fields, setFields] = useState<SettingsForm>(() => formOf(review));
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Review | null>(null);
  const [status, setStatus] = useState('');
  const dirty = Object.keys(patchOf(fields, formOf(base))).length > 0;

  // a newer review from the list (another tab saved) replaces an untouched form; an edited one waits for Save
  useEffect(() => {
    if (review.version > base.version && !dirty && !conflict) {
      setBase(review);
      setFields(formOf(review));
    }
  }, [review, base.version, dirty, conflict]);

  // a save sends what changed since the review was read; re-applying after a conflict sends every value shown as
  // "Yours" that differs from the server's, so what is written is exactly what the user chose
  const save = async (version: number, against: Review = base) => {
    const patch = patchOf(fields, formOf(against));
    if (Object.keys(patch).length === 0) {
      setStatus('Nothing to save: no field has changed.');
      return;
    }
    setError(null);
    setStatus('');
    try {
      const saved = await update.mutateAsync({ id: review.id, version, patch });
      setBase(saved);
      setFields(formOf(saved));
      setConflict(null);
      setStatus('Saved the settings.');
    } catch (err) {
      const current = err instanceof ApiError && err.status === 409 ? err.problem.current : undefined;
      if (isReview(current)) {
        setConflict(current);
        focusWhenReady('settings-conflict-heading');
      } else {
        setError(err);
      }
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(base.version);
  };

  const errors = fieldErrors(error);
  const termErrors = (side: 'include' | 'exclude'): string | undefined => {
    const found = [...errors].filter(([path]) => path.startsWith(`settings/highlightTerms/${side}`)).map(([, m]) => m);
    return found.length > 0 ? found.join('; ') : undefined;
  };
  const known = [...TEXT_FIELDS, ...RELATIONS.map((r) => `settings/relationLabels/${r}`), 'settings/exclusionReasons',
    ...fields.exclusionReasons.map((_, i) => `settings/exclusionReasons/${i}`),
    ...[...errors.keys()].filter((path) => path.startsWith('settings/highlightTerms/'))];
  const unshown = otherErrors(errors, known);
  const text = (key: TextField, multiline = false) => {
    const id = `settings-${key}`;
    const message = errors.get(key);
    const common = {
      id, value: fields[key], ...invalidProps(`${id}-error`, message),
      onChange: (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value }),
    };
    return (
      <div className="form-field">
        <label htmlFor={id}>{LABEL[key]}</label>
        {multiline ? <textarea {...common} rows={3} /> : <input {...common} required={key === 'title'} maxLength={key === 'title' ? 500 : undefined} />}
        <FieldError id={`${id}-error`} message={message} />
      </div>
    );
  };

  return (
    <div className="settings-screen">
      <h2 id="settings-heading">Settings</h2>
      <form onSubmit={onSubmit} aria-labelledby="settings-review-heading" className="settings-form">
        <h3 id="settings-review-heading">The review</h3>
        {text('title')}
        {text('question', true)}
        {text('description', true)}
        {text('crosswalkCaption')}
        {text('targetCaption')}
        <RelationLabelsFields labels={fields.relationLabels} errors={errors} onChange={(relationLabels) => setFields({ ...fields, relationLabels })} />
        <ExclusionReasonsEditor reasons={fields.exclusionReasons} errors={errors} onChange={(exclusionReasons) => setFields({ ...fields, exclusionReasons })} />
        {TERM_LISTS.map((list) => {
          const id = `settings-${list.key}`;
          const message = termErrors(list.side);
          return (
            <div className="form-field" key={list.key}>
              <label htmlFor={id}>{list.label}</label>
              <textarea
                id={id} rows={3} value={fields[list.key]} aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
                aria-invalid={message ? true : undefined}
                onChange={(e) => setFields({ ...fields, [list.key]: e.target.value })}
              />
              <p id={`${id}-hint`} className="field-hint">One word or phrase per line; end a word with * to match every word it begins (child* marks children).</p>
              <FieldError id={`${id}-error`} message={message} />
            </div>
          );
        })}
        {conflict && (
          <ReviewSettingsConflict
            rows={conflictRows(fields, formOf(conflict))}
            theirVersion={conflict.version}
            busy={update.isPending}
            onKeepTheirs={() => {
              setBase(conflict);
              setFields(formOf(conflict));
              setConflict(null);
              setStatus('Kept the server’s values.');
            }}
            onReapply={() => void save(conflict.version, conflict)}
          />
        )}
        <div className="settings-actions">
          <p role="status">{status}</p>
          {error !== null && (
            <p role="alert" className="form-error">
              Not saved: {unshown.length > 0 ? unshown.join('; ') : errors.size > 0 ? 'check the fields marked above.' : describeError(error)}
            </p>
          )}
          <button type="submit" disabled={update.isPending || conflict !== null}>{update.isPending ? 'Saving…' : 'Save'}</button>
        </div>
      </form>
      <ReviewTeam review={review} />
    </div>
  );
}
