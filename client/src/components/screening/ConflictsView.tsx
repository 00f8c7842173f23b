import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problems.ts';
import type { Resolution } from '../../hooks/useScreeningResolve.ts';
import { DECISION_LABEL } from './decisionLabels.ts';
import type { ConflictEntry } from './types.ts';

/** Records the reviewers disagree on (or marked maybe), each with every decision and, for the lead, a resolve form. */
export function ConflictsView({ conflicts, reasons, isLead, onResolve }: {
  conflicts: ConflictEntry[];
  reasons: string[];
  isLead: boolean;
  onResolve: (r: Resolution) => Promise<unknown>;
}) {
  return (
    <section className="screen-conflicts" aria-labelledby="screen-conflicts-h">
      <h3 id="screen-conflicts-h">Conflicts ({conflicts.length})</h3>
      {conflicts.length === 0 && <p>No conflicts.</p>}
      <ol>
        {conflicts.map((c) => (
          <li key={c.item.id} className="screen-conflict">
            <p className="screen-conflict-title"><strong>{c.item.title || '(no title)'}</strong>{c.item.year !== null ? ` (${c.item.year})` : ''}</p>
            <ul className="screen-conflict-decisions">
              {c.decisions.map((d) => (
                <li key={d.reviewerId}>
                  {d.initials}: {DECISION_LABEL[d.decision]}{d.reason ? ` — ${d.reason}` : ''}{d.note ? ` (“${d.note}”)` : ''}
                </li>
              ))}
            </ul>
            {isLead && <ResolveForm itemId={c.item.id} title={c.item.title} reasons={reasons} onResolve={onResolve} />}
          </li>
        ))}
      </ol>
      {!isLead && conflicts.length > 0 && <p className="screen-none">The lead resolves conflicts.</p>}
    </section>
  );
}

function ResolveForm({ itemId, title, reasons, onResolve }: { itemId: number; title: string; reasons: string[]; onResolve: (r: Resolution) => Promise<unknown> }) {
  const [decision, setDecision] = useState<'include' | 'exclude'>('include');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await onResolve({ itemId, decision, reason: decision === 'exclude' ? reason : '', note });
    } catch (err) {
      setError(`Not resolved: ${describeError(err)}`);
    }
  };
  const id = `resolve-${itemId}`;
  return (
    <form className="screen-resolve" onSubmit={(e) => void submit(e)} aria-label={`Resolve “${title.slice(0, 80)}”`}>
      <fieldset>
        <legend>Final decision</legend>
        <label><input type="radio" name={`${id}-decision`} checked={decision === 'include'} onChange={() => setDecision('include')} /> Include</label>
        <label><input type="radio" name={`${id}-decision`} checked={decision === 'exclude'} onChange={() => setDecision('exclude')} /> Exclude</label>
      </fieldset>
      {decision === 'exclude' && (
        <label>Reason
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">— none —</option>
            {reasons.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      )}
      <label>Note
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit">Resolve</button>
      <p role="alert" className="form-error">{error}</p>
    </form>
  );
}
