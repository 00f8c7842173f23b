import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problems.ts';
import { STAGE_KINDS, type ScreeningStage, type StageKind, type StageSource } from './types.ts';

export interface NewStage { kind: StageKind; label?: string; source: StageSource; reviewersRequired: number; blind: boolean }

/** A new screening stage: what is screened, which items it starts from, how many reviewers each record needs. */
export function StageCreateForm({ hasStages, onCreate }: { hasStages: boolean; onCreate: (stage: NewStage) => Promise<ScreeningStage> }) {
  const [kind, setKind] = useState<StageKind>('title-abstract');
  const [source, setSource] = useState<StageSource>(hasStages ? 'previous' : 'library');
  const [label, setLabel] = useState('');
  const [reviewers, setReviewers] = useState(2);
  const [blind, setBlind] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onCreate({ kind, source, reviewersRequired: reviewers, blind, ...(label.trim() ? { label: label.trim() } : {}) });
      setLabel('');
    } catch (err) {
      setError(`Not created: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="screen-stage-form" onSubmit={(e) => void submit(e)} aria-labelledby="stage-form-h">
      <h3 id="stage-form-h">New screening stage</h3>
      <label>Screen by
        <select value={kind} onChange={(e) => setKind(e.target.value as StageKind)}>
          {STAGE_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      <label>Records
        <select value={source} onChange={(e) => setSource(e.target.value as StageSource)}>
          <option value="library">Every record in the library (duplicates merged)</option>
          <option value="previous" disabled={!hasStages}>Those included at the stage before</option>
        </select>
      </label>
      <label>Name (optional)
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
      </label>
      <label>Reviewers per record
        <input type="number" min={1} max={9} value={reviewers} onChange={(e) => setReviewers(Math.max(1, Number(e.target.value) || 1))} />
      </label>
      <label className="screen-check"><input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind (reviewers do not see each other’s decisions until the lead unblinds)</label>
      <button type="submit" disabled={busy}>Create stage</button>
      <p role="alert" className="form-error">{error}</p>
    </form>
  );
}
