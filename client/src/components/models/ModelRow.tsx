import { useState, type FormEvent } from 'react';
import type { CrosswalkModel } from '../../../../shared/crosswalk/crosswalk.ts';
import type { ModelFields } from '../../hooks/useModelMutations.ts';

export const modelDomId = (id: number): string => `model-${id}`;

/** One source model in the list: select it, rename it, move it, delete it. */
export function ModelRow({ model, index, count, selected, onSelect, onSave, onMove, onDelete }: {
  model: CrosswalkModel;
  index: number;
  count: number;
  selected: boolean;
  onSelect: () => void;
  onSave: (fields: Partial<ModelFields>) => Promise<boolean>;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { framework } = model;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(framework.name);
  const [citation, setCitation] = useState(framework.citation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSave({ name, citation })) {
      setEditing(false);
      document.getElementById(modelDomId(framework.id))?.focus();
    }
  };
  return (
    <li className={`model-row${selected ? ' selected' : ''}`} data-framework-id={framework.id}>
      {editing ? (
        <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Rename ${framework.name}`}>
          <label>Name <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
          <label>Citation <input value={citation} onChange={(e) => setCitation(e.target.value)} /></label>
          <span className="row-actions">
            <button type="submit">Save</button>
            <button type="button" onClick={() => { setEditing(false); setName(framework.name); setCitation(framework.citation); }}>Cancel</button>
          </span>
        </form>
      ) : (
        <>
          <button type="button" id={modelDomId(framework.id)} className="model-select" aria-pressed={selected} onClick={onSelect}>
            {model.label} <span className="phase-count">({model.phases.length} phases)</span>
          </button>
          <span className="row-actions">
            <button type="button" onClick={() => { setName(framework.name); setCitation(framework.citation); setEditing(true); }} aria-label={`Rename ${framework.name}`}>Rename</button>
            <button type="button" id={`${modelDomId(framework.id)}-up`} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${framework.name} up`}>↑ Up</button>
            <button type="button" id={`${modelDomId(framework.id)}-down`} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${framework.name} down`}>↓ Down</button>
            <button type="button" onClick={onDelete} aria-label={`Delete ${framework.name}`}>Delete</button>
          </span>
        </>
      )}
    </li>
  );
}
