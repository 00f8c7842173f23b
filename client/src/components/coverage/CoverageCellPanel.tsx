import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import type { CoverageCell } from '../../../../shared/crosswalk/coverage.ts';
import type { Alignment } from '../../../../shared/schemas.ts';
import { useCellPanel } from '../../hooks/useCellPanel.ts';

/** The alignments behind one coverage cell: phase, relation, confidence and the reviewer's rationale. */
export function CoverageCellPanel({
  cell, modelName, stageName, alignments, onClose,
}: {
  cell: CoverageCell;
  modelName: string;
  stageName: string;
  alignments: Map<number, Alignment> | undefined;
  onClose: () => void;
}) {
  const { ref, close } = useCellPanel(`${cell.frameworkId} ${cell.stageId}`, onClose);
  return (
    <section className="cov-panel" aria-labelledby="cov-panel-heading" aria-live="polite" ref={ref}>
      <div className="cov-panel-head">
        <h3 id="cov-panel-heading">{modelName} × {stageName}</h3>
        <button type="button" onClick={close} aria-keyshortcuts="Escape">Close</button>
      </div>
      {cell.state === 'not-assessed' && (
        <p>Not yet assessed: no phase of this model is aligned to this stage, and some phases have not been assessed.</p>
      )}
      {cell.state === 'no-counterpart' && (
        <p>No counterpart: every phase of this model has been assessed and none aligns to this stage.</p>
      )}
      {cell.entries.length > 0 && (
        <table className="data-table" aria-label={`Alignments of ${modelName} to ${stageName}`}>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Relation</th>
              <th scope="col">Confidence</th>
              <th scope="col">Rationale</th>
            </tr>
          </thead>
          <tbody>
            {cell.entries.map((e) => {
              const a = alignments?.get(e.alignmentId);
              return (
                <tr key={e.alignmentId}>
                  <th scope="row">{e.phaseLabel}</th>
                  <td><span aria-hidden="true">{RELATION_MARKS[e.relation]} </span>{e.relation}</td>
                  <td>{e.confidence === null ? 'not given' : e.confidence.toFixed(2)}</td>
                  <td>{a ? a.rationale || 'none given' : 'loading…'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
