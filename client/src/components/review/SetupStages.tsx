import { useState, type FormEvent } from 'react';
import type { Review, Stage } from '../../../../shared/schemas.ts';
import { useCrosswalk } from '../../hooks/useCrosswalk.ts';
import { useStageMutations, type StageFields } from '../../hooks/useStageMutations.ts';
import { useUndoDelete } from '../../hooks/useUndoDelete.ts';
import { atIndex, usePendingFocus } from '../../hooks/usePendingFocus.ts';
import { StageTable } from '../framework/StageTable.tsx';
import { STAGE_FIELD_LABELS } from '../framework/StageFieldLabels.ts';
import { FieldError, invalidProps } from './FieldError.tsx';
import { describeError, fieldErrors, otherErrors } from '../../api/problems.ts';
import '../../styles/framework.css';

const EMPTY: StageFields = { name: '', focus: '', purpose: '', keyLabel: '', keyQuestion: '', successMeasures: '', bandId: null };
const TEXT_FIELDS = ['name', 'focus', 'keyLabel'] as const;
const AREA_FIELDS = ['purpose', 'keyQuestion', 'successMeasures'] as const;

/** The new review's target framework: Table 2 with every field of a stage editable, stages added and removed. */
export function SetupStages({ review }: { review: Review }) {
  const crosswalk = useCrosswalk(review.id);
  const cw = crosswalk.data?.crosswalk;
  const mutations = useStageMutations(review.id, cw?.target?.id);
  const undoDelete = useUndoDelete(review.id);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [fields, setFields] = useState<StageFields>(EMPTY);
  const [addError, setAddError] = useState<unknown>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const focusLater = usePendingFocus();
  if (crosswalk.error) return <p role="alert">Could not load the target framework: {crosswalk.error.message}</p>;
  if (!cw) return <p role="status">Loading the target framework…</p>;
  if (!cw.target) return <p role="alert">This review has no target framework; add one on the Models screen.</p>;
  const stages = cw.stages;
  const busy = mutations.reorder.isPending || mutations.create.isPending;
  const alignmentCount = (stageId: number) =>
    cw.models.reduce((n, m) => n + (m.stageCells.find((c) => c.stageId === stageId)?.entries.length ?? 0), 0);
  const fail = (what: string) => (e: unknown) => setMessage({ kind: 'error', text: `${what}: ${describeError(e)}` });

  const onMove = (id: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    const i = ids.indexOf(id);
    const other = ids[i + by];
    if (other === undefined) return;
    ids[i + by] = id;
    ids[i] = other;
    mutations.reorder.mutateAsync(ids).then(() => {
      setMessage({ kind: 'status', text: `Moved “${stages[i]?.name ?? ''}” to position ${i + by + 1}.` });
      // the moved row is re-inserted, which drops focus: put it back on the row, at its new place
      const edge = (by < 0 && i + by === 0) || (by > 0 && i + by === ids.length - 1);
      focusLater(`[data-stage-id="${id}"] [data-action="${edge ? 'edit' : by < 0 ? 'up' : 'down'}"]`, atIndex(i + by, 'tr'));
    }, fail('Not moved'));
  };
  const onDelete = (stage: Stage) => {
    undoDelete.remove('stage', stage.id, stage.version, `“${stage.name}”`).then(() => {
      setConfirmingId(null);
      setMessage({ kind: 'status', text: `Removed the stage “${stage.name}”.` });
      focusLater('#setup-new-stage-name');
    }, (e: unknown) => {
      setConfirmingId(null);
      fail('Not removed')(e);
    });
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setAddError(null);
    try {
      const stage = await mutations.create.mutateAsync({ ...fields, name: fields.name.trim() });
      setFields({ ...EMPTY, bandId: fields.bandId });
      setMessage({ kind: 'status', text: `Added the stage “${stage.name}” at the end.` });
      focusLater('#setup-new-stage-name');
    } catch (error) {
      setAddError(error);
    }
  };
  const errors = fieldErrors(addError);
  const set = <K extends keyof StageFields>(key: K, value: StageFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const field = (key: (typeof TEXT_FIELDS)[number] | (typeof AREA_FIELDS)[number]) => {
    const id = `setup-new-stage-${key}`;
    const error = errors.get(key);
    const common = { id, value: fields[key], ...invalidProps(`${id}-error`, error) };
    return (
      <div className="stage-field" key={key}>
        <label htmlFor={id}>{STAGE_FIELD_LABELS[key]}</label>
        {(AREA_FIELDS as readonly string[]).includes(key)
          ? <textarea {...common} rows={2} onChange={(e) => set(key, e.target.value)} />
          : <input {...common} required={key === 'name'} onChange={(e) => set(key, e.target.value)} />}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  };
  const unshown = otherErrors(errors, [...TEXT_FIELDS, ...AREA_FIELDS, 'bandId']);

  return (
    <div className="setup-stages">
      <p>
        The stages of the target framework, as Table 2 prints them: each with its focus, purpose, key question and
        success measures, in a band. Edit any of them, or add your own.
      </p>
      <div className="setup-messages">
        <p role="status">{message?.kind === 'status' ? message.text : ''}</p>
        <p role="alert" className="form-error">{message?.kind === 'error' ? message.text : ''}</p>
      </div>
      {stages.length === 0 ? <p>No stages yet.</p> : (
        <StageTable
          stages={stages}
          bands={cw.bands}
          caption={cw.targetCaption || `Stages of ${cw.target.name}`}
          actions={{
            editingId, confirmingId, busy, alignmentCount,
            onEdit: (id) => {
              setEditingId(id);
              setConfirmingId(null);
            },
            onMove,
            onAskDelete: setConfirmingId,
            onDelete,
            save: (args) => mutations.update.mutateAsync(args),
          }}
        />
      )}
      <form className="stage-editor setup-new-stage" onSubmit={(e) => void add(e)} aria-labelledby="setup-new-stage-heading">
        <h3 id="setup-new-stage-heading">Add a stage</h3>
        <div className="stage-grid">
          {field('name')}
          {field('focus')}
          {field('purpose')}
          {field('keyLabel')}
          {field('keyQuestion')}
          {field('successMeasures')}
          <div className="stage-field">
            <label htmlFor="setup-new-stage-band">{STAGE_FIELD_LABELS.bandId}</label>
            <select
              id="setup-new-stage-band" value={fields.bandId ?? ''}
              onChange={(e) => set('bandId', e.target.value === '' ? null : Number(e.target.value))}
              {...invalidProps('setup-new-stage-band-error', errors.get('bandId'))}
            >
              <option value="">no band</option>
              {cw.bands.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
            </select>
            <FieldError id="setup-new-stage-band-error" message={errors.get('bandId')} />
          </div>
        </div>
        {addError !== null && (errors.size === 0 || unshown.length > 0) && (
          <p role="alert" className="form-error">Not added: {unshown.length > 0 ? unshown.join('; ') : describeError(addError)}</p>
        )}
        <div className="stage-actions">
          <button type="submit" disabled={busy}>Add stage</button>
        </div>
      </form>
    </div>
  );
}
