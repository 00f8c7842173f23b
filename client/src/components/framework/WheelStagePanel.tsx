import { RELATION_MARKS, type Crosswalk } from '../../../../shared/crosswalk/crosswalk.ts';
import type { Stage } from '../../../../shared/schemas.ts';

/** One stage of the wheel: its key question, success measures and every model's phases aligned to it. */
export function WheelStagePanel({ stage, crosswalk }: { stage: Stage; crosswalk: Crosswalk }) {
  const rows = crosswalk.models.map((m) => ({ model: m, cell: m.stageCells.find((c) => c.stageId === stage.id) }));
  const aligned = rows.filter((r) => r.cell && r.cell.entries.length > 0);
  const none = rows.filter((r) => r.cell?.state === 'no-counterpart').length;
  const unassessed = rows.filter((r) => r.cell?.state === 'not-assessed').length;
  return (
    <section className="wheel-panel" aria-labelledby="wheel-panel-heading" aria-live="polite">
      <h3 id="wheel-panel-heading">{stage.name}</h3>
      {stage.focus && <p className="focus">{stage.focus}</p>}
      {stage.purpose && <p>{stage.purpose}</p>}
      <h4>Key question</h4>
      <p>{stage.keyLabel && <span className="key-label">{stage.keyLabel}: </span>}{stage.keyQuestion || 'none recorded'}</p>
      <h4>Success measured by</h4>
      <p>{stage.successMeasures || 'none recorded'}</p>
      <h4>Phases aligned to this stage</h4>
      {aligned.length === 0 ? (
        <p>No phase of any model is aligned here yet.</p>
      ) : (
        <ul className="wheel-aligned" aria-label={`Phases aligned to ${stage.name}`}>
          {aligned.map(({ model, cell }) => (
            <li key={model.framework.id}>
              <span className="wheel-model">{model.label}</span>
              <ul>
                {cell?.entries.map((e) => (
                  <li key={e.alignmentId}>
                    {e.phaseLabel} <span aria-hidden="true">{RELATION_MARKS[e.relation]}</span> <span className="wheel-rel">{e.relation}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p className="wheel-counts">
        {aligned.length} of {rows.length} models aligned; {none} with no counterpart; {unassessed} not yet assessed.
      </p>
    </section>
  );
}
