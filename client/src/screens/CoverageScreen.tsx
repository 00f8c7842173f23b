import { useCallback, useMemo, useState } from 'react';
import { computeCoverage, type CoverageCell } from '../../../shared/crosswalk/coverage.ts';
import { RELATION_MARKS } from '../../../shared/crosswalk/crosswalk.ts';
import { CoverageMatrix } from '../components/coverage/CoverageMatrix.tsx';
import { CoverageCellPanel } from '../components/coverage/CoverageCellPanel.tsx';
import { StageSupport } from '../components/coding/StageSupport.tsx';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useStageAlignments } from '../hooks/useStageAlignments.ts';
import type { ScreenProps } from './types.ts';
import '../styles/coverage.css';

/** The coverage matrix: which stages each model reaches, and which stages the models cover least. */
export function CoverageScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const alignments = useStageAlignments(review.id);
  const [selected, setSelected] = useState<{ frameworkId: number; stageId: number } | null>(null);
  const cw = crosswalk.data?.crosswalk;
  const coverage = useMemo(() => (cw ? computeCoverage(cw) : null), [cw]);
  const onSelect = useCallback((c: CoverageCell) => setSelected({ frameworkId: c.frameworkId, stageId: c.stageId }), []);

  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!coverage) return <p role="status">Loading…</p>;

  const row = selected ? coverage.rows.find((r) => r.framework.id === selected.frameworkId) : undefined;
  const cell: CoverageCell | undefined = row?.cells.find((c) => c.stageId === selected?.stageId);
  const stage = coverage.stages.find((s) => s.id === selected?.stageId);
  const least = coverage.leastCovered;
  const models = coverage.rows.length;

  return (
    <section aria-labelledby="coverage-heading" className="coverage-screen">
      <h2 id="coverage-heading">Coverage of the target stages</h2>
      {coverage.stages.length === 0 ? (
        <p>The target framework has no stages yet.</p>
      ) : (
        <>
          <p className="cov-least-text" data-testid="least-covered">
            {least.length === 1 ? 'Least covered stage: ' : 'Least covered stages: '}
            {least.map((t) => t.stage.name).join(', ')} — reached by {least[0]?.modelsCovering ?? 0} of {models}{' '}
            {models === 1 ? 'model' : 'models'} with {least[0]?.phasesAligned ?? 0}{' '}
            {least[0]?.phasesAligned === 1 ? 'phase' : 'phases'}.
          </p>
          <ol className="cov-ranking" aria-label="Stages from least to most covered">
            {coverage.ranking.map((t) => (
              <li key={t.stage.id}>
                {t.stage.name}: {t.modelsCovering} of {models} models, {t.phasesAligned} {t.phasesAligned === 1 ? 'phase' : 'phases'}
                {t.modelsNotAssessed > 0 && `, ${t.modelsNotAssessed} not yet assessed`}
              </li>
            ))}
          </ol>
          <StageSupport reviewId={review.id} stages={coverage.stages} />
          <div className="cov-legend" aria-label="Legend" role="note">
            {Object.entries(RELATION_MARKS).map(([relation, mark]) => (
              <span key={relation}><span aria-hidden="true" className="cov-mark">{mark}</span> {relation}</span>
            ))}
            <span><span className="cov-none">— none</span>: assessed, no counterpart</span>
            <span><span className="cov-unassessed">? not assessed</span>: not yet assessed</span>
          </div>
          <div className="cov-scroll">
              <CoverageMatrix
                coverage={coverage}
                caption={`Coverage: ${models} models × ${coverage.stages.length} stages (phases aligned per cell)`}
                selected={selected}
                onSelect={onSelect}
              />
          </div>
          {cell && row && stage && (
            <CoverageCellPanel
              cell={cell}
              modelName={row.label}
              stageName={stage.name}
              alignments={alignments.data}
              onClose={() => setSelected(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
