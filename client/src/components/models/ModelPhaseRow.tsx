import { useState, type FormEvent } from 'react';
import type { Band, Phase } from '../../../../shared/schemas.ts';
import type { PhaseFields } from '../../hooks/usePhaseMutations.ts';

export const modelsPhaseId = (id: number): string => `models-phase-${id}`;

/** One phase of the model being edited: band, edit label/description, move up/down, delete. */
export function ModelPhaseRow({ phase, index, count, bands, onSave, onMove, onDelete }: {
  phase: Phase;
  index: number;
  count: number;
  bands: Band[];
  onSave: (fields: Partial<PhaseFields>) => Promise<boolean>;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(phase.label);
  const [description, setDescription] = useState(phase.description);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSave({ label, description })) {
      setEditing(false);
      document.getElementById(`${modelsPhaseId(phase.id)}-edit`)?.focus();
    }
  };
  return (
    <li className="phase-row" data-phase-id={phase.id}>
      {editing ? (
        <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Edit phase ${phase.label}`}>
          <label>Label <input value={label} onChange={(e) => setLabel(e.target.value)} required autoFocus /></label>
          <label>Description <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
          <span className="row-actions">
            <button type="submit">Save</button>
            <button type="button" onClick={() => { setEditing(false); setLabel(phase.label); setDescription(phase.description); }}>Cancel</button>
          </span>
        </form>
      ) : (
        <>
          <span className="phase-title" id={modelsPhaseId(phase.id)} tabIndex={-1}>
            {index + 1}. {phase.label}
            {phase.description && <span className="phase-desc"> — {phase.description}</span>}
          </span>
          <label className="band-select">
            <span className="wb-sr-only">Band of {phase.label}</span>
            <select
              value={phase.bandId ?? ''}
              onChange={(e) => void onSave({ bandId: e.target.value === '' ? null : Number(e.target.value) })}
            >
              <option value="">(no band)</option>
              {bands.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
            </select>
          </label>
          <span className="row-actions">
            <button type="button" id={`${modelsPhaseId(phase.id)}-edit`} onClick={() => { setLabel(phase.label); setDescription(phase.description); setEditing(true); }} aria-label={`Edit phase ${phase.label}`}>Edit</button>
            <button type="button" id={`${modelsPhaseId(phase.id)}-up`} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move phase ${phase.label} up`}>↑ Up</button>
            <button type="button" id={`${modelsPhaseId(phase.id)}-down`} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move phase ${phase.label} down`}>↓ Down</button>
            <button type="button" onClick={onDelete} aria-label={`Delete phase ${phase.label}`}>Delete</button>
          </span>
        </>
      )}
    </li>
  );
}
