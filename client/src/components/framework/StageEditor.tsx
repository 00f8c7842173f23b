import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Band, Stage } from '../../../../shared/schemas.ts';
import type { StageFields } from '../../hooks/useStageMutations.ts';
import { StageConflict } from './StageConflict.tsx';
import { STAGE_FIELD_LABELS } from './StageFieldLabels.ts';

const fieldsOf = (s: Stage): StageFields => ({
  name: s.name, focus: s.focus, purpose: s.purpose, keyLabel: s.keyLabel, keyQuestion: s.keyQuestion,
  successMeasures: s.successMeasures, bandId: s.bandId,
});

// Not stageSchema.safeParse: importing zod into the client makes it probe eval(), which the page's CSP reports as a
// console error. The server built this record from stageSchema; checking the fields the conflict view reads is enough.
function isStage(value: unknown): value is Stage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.version === 'number' && typeof v.name === 'string' &&
    ['focus', 'purpose', 'keyLabel', 'keyQuestion', 'successMeasures'].every((k) => typeof v[k] === 'string') &&
    (v.bandId === null || typeof v.bandId === 'number');
}

type SaveFn = (args: { id: number; version: number; fields: Partial<StageFields> }) => Promise<Stage>;

/**
 * Inline editor for one stage. It saves with the version it was opened at; a 409 opens the conflict view with both
 * versions instead of overwriting.
 */
export function StageEditor({
  stage, bands, save, onDone,
}: {
  stage: Stage;
  bands: Band[];
  save: SaveFn;
  onDone: () => void;
}) {
  const [original] = useState<StageFields>(() => fieldsOf(stage));
  const [fields, setFields] = useState<StageFields>(original);
  const [baseVersion] = useState(stage.version);
  const [conflict, setConflict] = useState<Stage | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `stage-${stage.id}`;

  /**
   * A save sends what the user changed since opening the stage; keeping the edit after a conflict sends every field
   * the conflict view showed as "Your edit" that differs from the saved version, so what is written is exactly what
   * the user saw and chose, never a mix they were not shown.
   */
  const submit = async (version: number, against: StageFields = original) => {
    setBusy(true);
    setError(null);
    try {
      const changed = Object.fromEntries(
        (Object.keys(fields) as (keyof StageFields)[]).filter((k) => fields[k] !== against[k]).map((k) => [k, fields[k]]),
      ) as Partial<StageFields>;
      if (Object.keys(changed).length > 0) await save({ id: stage.id, version, fields: changed });
      onDone();
    } catch (e) {
      const current = e instanceof ApiError && e.status === 409 ? e.problem.current : undefined;
      if (isStage(current)) setConflict(current);
      else setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(baseVersion);
  };
  const bandLabel = (bandId: number | null) => bands.find((b) => b.id === bandId)?.label ?? 'no band';
  const set = <K extends keyof StageFields>(key: K, value: StageFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const text = (key: 'name' | 'focus' | 'keyLabel') => (
    <div className="stage-field">
      <label htmlFor={`${id}-${key}`}>{STAGE_FIELD_LABELS[key]}</label>
      <input
        id={`${id}-${key}`} value={fields[key]} required={key === 'name'} autoFocus={key === 'name'}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  const area = (key: 'purpose' | 'keyQuestion' | 'successMeasures') => (
    <div className="stage-field">
      <label htmlFor={`${id}-${key}`}>{STAGE_FIELD_LABELS[key]}</label>
      <textarea id={`${id}-${key}`} value={fields[key]} rows={3} onChange={(e) => set(key, e.target.value)} />
    </div>
  );
  const fieldErrors = error instanceof ApiError ? error.problem.errors ?? [] : [];

  if (conflict) {
    return (
      <StageConflict
        original={original}
        mine={fields}
        theirs={conflict}
        bandLabel={bandLabel}
        busy={busy}
        onKeepMine={() => void submit(conflict.version, fieldsOf(conflict))}
        onTakeTheirs={onDone}
      />
    );
  }
  return (
    <form className="stage-editor" onSubmit={onSubmit} aria-label={`Edit stage ${stage.name}`}>
      <div className="stage-grid">
        {text('name')}
        {text('focus')}
        {area('purpose')}
        {text('keyLabel')}
        {area('keyQuestion')}
        {area('successMeasures')}
        <div className="stage-field">
          <label htmlFor={`${id}-band`}>{STAGE_FIELD_LABELS.bandId}</label>
          <select
            id={`${id}-band`} value={fields.bandId ?? ''}
            onChange={(e) => set('bandId', e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">no band</option>
            {bands.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
          </select>
        </div>
      </div>
      {error && (
        <div role="alert" className="stage-error">
          <p>Not saved: {error.message}</p>
          {fieldErrors.length > 0 && (
            <ul>{fieldErrors.map((f) => <li key={f.pointer}>{f.pointer.replace('/body/', '')}: {f.message}</li>)}</ul>
          )}
        </div>
      )}
      <div className="stage-actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save stage'}</button>
        <button type="button" onClick={onDone} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
