import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/problems.ts';
import type { CrosswalkModel } from '../../../../shared/crosswalk/crosswalk.ts';
import type { Framework } from '../../../../shared/schemas.ts';
import type { ModelFields } from '../../hooks/useModelMutations.ts';
import type { SaveMessage } from '../../hooks/useSaveMessage.ts';
import { focusWhenReady } from '../common/focusWhenReady.ts';
import { ModelRenameConflict } from './ModelRenameConflict.tsx';

export const modelDomId = (id: number): string => `model-${id}`;

// Not a zod parse: zod in the client probes eval(), which the page's CSP reports. The server built this record from
// frameworkSchema; the conflict view reads only these fields.
function isFramework(value: unknown): value is Framework {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.version === 'number' && typeof v.name === 'string' && typeof v.citation === 'string';
}

/**
 * One source model in the list: select it, rename it, move it, delete it. A rename is saved against the version the
 * form opened at, so a change made elsewhere meanwhile shows as a conflict to resolve, never a plain refusal.
 */
export function ModelRow({ model, index, count, selected, onSelect, onSave, onMessage, onMove, onDelete }: {
  model: CrosswalkModel;
  index: number;
  count: number;
  selected: boolean;
  onSelect: () => void;
  /** writes the fields against that version; throws the server's refusal */
  onSave: (fields: ModelFields, version: number) => Promise<unknown>;
  onMessage: (message: SaveMessage) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { framework } = model;
  // the model as it was when the rename form opened: the version a save is checked against
  const [base, setBase] = useState<Framework | null>(null);
  const [name, setName] = useState(framework.name);
  const [citation, setCitation] = useState(framework.citation);
  const [conflict, setConflict] = useState<Framework | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setBase(null);
    setConflict(null);
    focusWhenReady(modelDomId(framework.id));
  };
  const write = async (version: number) => {
    setBusy(true);
    try {
      await onSave({ name, citation }, version);
      onMessage({ kind: 'status', text: `Saved ${name}.` });
      close();
    } catch (error) {
      const current = error instanceof ApiError && error.status === 409 ? error.problem.current : undefined;
      if (isFramework(current) && current.id === framework.id) setConflict(current);
      else onMessage({ kind: 'error', text: `Not saved: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (base) void write(base.version);
  };
  return (
    <li className={`model-row${selected ? ' selected' : ''}`} data-framework-id={framework.id}>
      {base ? (
        <form className="inline-form" onSubmit={submit} aria-label={`Rename ${base.name}`}>
          <label>Name <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
          <label>Citation <input value={citation} onChange={(e) => setCitation(e.target.value)} /></label>
          <span className="row-actions">
            <button type="submit" disabled={busy}>Save</button>
            <button type="button" onClick={close}>Cancel</button>
          </span>
        </form>
      ) : (
        <>
          <button type="button" id={modelDomId(framework.id)} className="model-select" aria-pressed={selected} onClick={onSelect}>
            {model.label} <span className="phase-count">({model.phases.length} phases)</span>
          </button>
          <span className="row-actions">
            <button type="button" onClick={() => { setName(framework.name); setCitation(framework.citation); setBase(framework); }} aria-label={`Rename ${framework.name}`}>Rename</button>
            <button type="button" id={`${modelDomId(framework.id)}-up`} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${framework.name} up`}>↑ Up</button>
            <button type="button" id={`${modelDomId(framework.id)}-down`} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${framework.name} down`}>↓ Down</button>
            <button type="button" onClick={onDelete} aria-label={`Delete ${framework.name}`}>Delete</button>
          </span>
        </>
      )}
      {base && conflict && (
        <ModelRenameConflict
          mine={{ name, citation }}
          base={base}
          theirs={conflict}
          busy={busy}
          onKeepTheirs={() => {
            onMessage({ kind: 'status', text: `Kept the saved version of ${conflict.name}; your rename was not written.` });
            close();
          }}
          onReapply={() => void write(conflict.version)}
        />
      )}
    </li>
  );
}
