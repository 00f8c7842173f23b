import { useCodingStageSupport } from '../../hooks/useCodingStageSupport.ts';

/** Beside coverage by models: how many coded items support each stage, read from the Coding screen's tags. */
export function StageSupport({ reviewId, stages }: { reviewId: number; stages: readonly { id: number; name: string }[] }) {
  const support = useCodingStageSupport(reviewId);
  if (support.error) return <p role="alert">Could not load the items supporting each stage: {support.error.message}</p>;
  if (!support.data) return null;
  const byStage = new Map(support.data.map((s) => [s.stageId, s]));
  return (
    <ul className="cov-support" aria-label="Coded items supporting each stage">
      {stages.map((stage) => {
        const s = byStage.get(stage.id);
        const items = s?.items ?? 0;
        return (
          <li key={stage.id}>
            {stage.name}: {items === 0 ? 'no coded item yet' : `${items} item${items === 1 ? '' : 's'}`}
            {s && s.direct > 0 && s.direct < items ? ` (${s.direct} tagged with the stage itself)` : ''}
          </li>
        );
      })}
    </ul>
  );
}
