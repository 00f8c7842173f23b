import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problems.ts';
import type { Resolution } from '../../hooks/useScreeningResolve.ts';
import { usePendingFocus } from '../../hooks/usePendingFocus.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import { plainOf } from '../../../../shared/literature/rich-text.ts';
import { RichText } from '../common/RichText.tsx';
import { DECISION_LABEL } from './decisionLabels.ts';
import type { ConflictEntry } from './types.ts';

/**
 * Records the reviewers disagree on (or marked maybe), each with every decision. The list is one Tab stop (↑/↓,
 * Home/End, PageUp/PageDown; no type-ahead, the screen's letters are its shortcuts); the chosen record's decisions and,
 * for the lead, its resolve form follow it. After a resolve the focus goes to the record now in its place.
 */
export function ConflictsView({ conflicts, reasons, isLead, onResolve }: {
  conflicts: ConflictEntry[];
  reasons: string[];
  isLead: boolean;
  onResolve: (r: Resolution) => Promise<unknown>;
}) {
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [lastIndex, setLastIndex] = useState(0);
  const found = conflicts.findIndex((c) => c.item.id === chosenId);
  // once the chosen record is resolved it leaves the list: the one now at its place is shown
  const index = found >= 0 ? found : Math.min(lastIndex, conflicts.length - 1);
  const chosen = conflicts[index];
  const roving = useRovingFocus<HTMLOListElement>({
    keys: conflicts.map((c) => String(c.item.id)), textOf: (i) => plainOf(conflicts[i]?.item.title ?? ''),
    selectedKey: chosen ? String(chosen.item.id) : undefined, typeAhead: false,
  });
  const focusSoon = usePendingFocus();
  const choose = (i: number) => {
    setChosenId(conflicts[i]?.item.id ?? null);
    setLastIndex(i);
  };
  const resolve = (r: Resolution) => onResolve(r).then(() => {
    setChosenId(null);
    focusSoon(conflicts.length > 1 ? '#screen-conflict-h' : '#screen-conflicts-h');
  });
  const decisionsText = (c: ConflictEntry) =>
    c.decisions.map((d) => `${d.initials}: ${DECISION_LABEL[d.decision]}${d.reason ? ` — ${d.reason}` : ''}`).join(', ');
  return (
    <section className="screen-conflicts" aria-labelledby="screen-conflicts-h">
      <h3 id="screen-conflicts-h" tabIndex={-1}>Conflicts ({conflicts.length})</h3>
      {conflicts.length === 0 && <p>No conflicts.</p>}
      {conflicts.length > 0 && (
        <ol ref={roving.listRef} {...roving.listProps} role="listbox" aria-label="Records in conflict" className="screen-conflict-list">
          {conflicts.map((c, i) => (
            <li key={c.item.id} role="none">
              <button
                type="button" role="option" className="screen-conflict-option" aria-selected={i === index} {...roving.itemProps(i)}
                title={plainOf(c.item.title) || undefined} onClick={() => choose(i)}
              >
                <span className="screen-conflict-name">{c.item.title ? <RichText text={c.item.title} /> : '(no title)'}{c.item.year !== null ? ` (${c.item.year})` : ''}</span>
                <span className="screen-conflict-who">{decisionsText(c)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {chosen && (
        <section className="screen-conflict" aria-labelledby="screen-conflict-h">
          <h4 id="screen-conflict-h" tabIndex={-1} className="screen-conflict-title">
            {chosen.item.title ? <RichText text={chosen.item.title} /> : '(no title)'}{chosen.item.year !== null ? ` (${chosen.item.year})` : ''}
          </h4>
          <ul className="screen-conflict-decisions">
            {chosen.decisions.map((d) => (
              <li key={d.reviewerId}>
                {d.initials}: {DECISION_LABEL[d.decision]}{d.reason ? ` — ${d.reason}` : ''}{d.note ? ` (“${d.note}”)` : ''}
              </li>
            ))}
          </ul>
          {isLead && <ResolveForm key={chosen.item.id} itemId={chosen.item.id} title={plainOf(chosen.item.title)} reasons={reasons} onResolve={resolve} />}
        </section>
      )}
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
