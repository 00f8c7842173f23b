import { useState } from 'react';
import { focusWhenReady } from '../common/focusWhenReady.ts';
import { FieldError, invalidProps } from './FieldError.tsx';

/** The reasons a record can be excluded for at screening: edit, add and remove them (saved with the form). */
export function ExclusionReasonsEditor({ reasons, onChange, errors }: {
  reasons: string[];
  onChange: (reasons: string[]) => void;
  errors: Map<string, string>;
}) {
  const [draft, setDraft] = useState('');
  const listError = errors.get('settings/exclusionReasons');
  const add = () => {
    const reason = draft.trim();
    if (!reason) return;
    onChange([...reasons, reason]);
    setDraft('');
  };
  return (
    <fieldset className="settings-fieldset exclusion-reasons">
      <legend>Exclusion reasons</legend>
      <p className="settings-hint">The reasons screening offers for excluding a record, in this order.</p>
      {reasons.length === 0 && <p>No reasons yet.</p>}
      <ol className="reason-list">
        {reasons.map((reason, i) => {
          const id = `exclusion-reason-${i}`;
          const error = errors.get(`settings/exclusionReasons/${i}`);
          return (
            <li key={i} className="reason-item">
              <label htmlFor={id} className="wb-sr-only">Reason {i + 1}</label>
              <input
                id={id} value={reason} maxLength={200}
                onChange={(e) => onChange(reasons.map((r, j) => (j === i ? e.target.value : r)))}
                {...invalidProps(`${id}-error`, error)}
              />
              <button
                type="button"
                onClick={() => {
                  onChange(reasons.filter((_, j) => j !== i));
                  focusWhenReady(reasons.length > 1 ? `exclusion-reason-${Math.max(0, i - 1)}` : 'exclusion-reason-new');
                }}
              >
                Remove<span className="wb-sr-only"> reason {i + 1}: {reason}</span>
              </button>
              <FieldError id={`${id}-error`} message={error} />
            </li>
          );
        })}
      </ol>
      <FieldError id="exclusion-reasons-error" message={listError} />
      <div className="inline-form">
        <label htmlFor="exclusion-reason-new">New reason</label>
        <input
          id="exclusion-reason-new" value={draft} maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the reason rather than saving the whole form with it half-typed
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>Add reason</button>
      </div>
    </fieldset>
  );
}
