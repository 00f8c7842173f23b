import type { Band, Stage } from '../../../../shared/schemas.ts';
import type { StageFields } from '../../hooks/useStageMutations.ts';
import { StageEditor } from './StageEditor.tsx';
import { StageCells } from './TargetTable.tsx';

export interface StageTableActions {
  editingId: number | null;
  confirmingId: number | null;
  busy: boolean;
  alignmentCount: (stageId: number) => number;
  onEdit: (id: number | null) => void;
  onMove: (id: number, by: -1 | 1) => void;
  onAskDelete: (id: number | null) => void;
  onDelete: (stage: Stage) => void;
  save: (args: { id: number; version: number; fields: Partial<StageFields> }) => Promise<Stage>;
}

/** Table 2 with an editor per row: the stage's focus, purpose, key question and success measures, and its controls. */
export function StageTable({ stages, bands, caption, actions }: { stages: Stage[]; bands: Band[]; caption: string; actions: StageTableActions }) {
  const band = (id: number | null) => bands.find((b) => b.id === id)?.label ?? '—';
  return (
    <table className="data-table stage-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Focus and purpose of this stage</th>
          <th scope="col">Key questions for innovators</th>
          <th scope="col">Success measured by…</th>
          <th scope="col">Band</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s, i) => {
          if (actions.editingId === s.id) {
            return (
              <tr key={s.id} className="stage-editing">
                <td colSpan={6}>
                  <StageEditor stage={s} bands={bands} save={actions.save} onDone={() => actions.onEdit(null)} />
                </td>
              </tr>
            );
          }
          const count = actions.alignmentCount(s.id);
          return (
            <tr key={s.id} data-stage-id={s.id}>
              <th scope="row">{s.name}</th>
              <StageCells stage={s} />
              <td>{band(s.bandId)}</td>
              <td className="stage-row-actions">
                {actions.confirmingId === s.id ? (
                  <div role="alertdialog" aria-labelledby={`del-${s.id}`} className="stage-confirm">
                    <p id={`del-${s.id}`}>
                      Delete “{s.name}”?{' '}
                      {count > 0 ? `Its ${count} ${count === 1 ? 'alignment' : 'alignments'} will be deleted too.` : 'No phase is aligned to it.'}
                    </p>
                    <button type="button" className="danger" autoFocus onClick={() => actions.onDelete(s)} disabled={actions.busy}>Delete stage</button>
                    <button type="button" onClick={() => actions.onAskDelete(null)}>Keep it</button>
                  </div>
                ) : (
                  <>
                    <button type="button" data-action="edit" onClick={() => actions.onEdit(s.id)} aria-label={`Edit ${s.name}`}>Edit</button>
                    <button type="button" data-action="up" onClick={() => actions.onMove(s.id, -1)} disabled={i === 0 || actions.busy} aria-label={`Move ${s.name} up`}>↑</button>
                    <button type="button" data-action="down" onClick={() => actions.onMove(s.id, 1)} disabled={i === stages.length - 1 || actions.busy} aria-label={`Move ${s.name} down`}>↓</button>
                    <button type="button" data-action="delete" onClick={() => actions.onAskDelete(s.id)} aria-label={`Delete ${s.name}`}>Delete</button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
