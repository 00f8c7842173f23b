import { useMemo } from 'react';
import { findCrossings, crossingAlignmentIds } from '../../../shared/crosswalk/crossings.ts';
import type { CrosswalkModel } from '../../../shared/crosswalk/crosswalk.ts';
import { LanesColumns } from '../components/lanes/LanesColumns.tsx';
import { LanesDiagram, type Lane, type LaneRibbon } from '../components/lanes/LanesDiagram.tsx';
import { useMediaQuery } from '../lib/useMediaQuery.ts';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { reviewHash } from '../lib/route.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import type { ScreenProps } from './types.ts';
import '../styles/lanes.css';

const MAX_LANES = 4;

function ribbonsOf(model: CrosswalkModel): LaneRibbon[] {
  return model.stageCells.flatMap((cell) =>
    cell.entries.map((e) => ({ alignmentId: e.alignmentId, phaseId: e.phaseId, stageId: cell.stageId, relation: e.relation, crossing: false })),
  );
}

/** 2–4 models side by side as lanes against the target stages, with crossing alignments flagged for review. */
export function LanesScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  // a phone gets one narrow diagram per model instead of the wide one scaled down to unreadable text
  const narrow = useMediaQuery('(max-width: 640px)');
  const { rest } = useHashRoute();
  const cw = crosswalk.data?.crosswalk;
  const models = useMemo(() => cw?.models ?? [], [cw]);
  const lanesParam = rest[0] ?? '';
  const chosenIds = useMemo(() => {
    const requested = lanesParam.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return requested.length > 0
      ? requested.filter((id) => models.some((m) => m.framework.id === id)).slice(0, MAX_LANES)
      : models.slice(0, 3).map((m) => m.framework.id);
  }, [lanesParam, models]);
  const setChosen = (ids: number[]) => {
    window.location.hash = reviewHash(review.slug, 'lanes', ids.join(','));
  };

  const lanes: Lane[] = useMemo(() => {
    if (!cw) return [];
    return chosenIds.flatMap((id) => {
      const model = cw.models.find((m) => m.framework.id === id);
      if (!model) return [];
      const ribbons = ribbonsOf(model);
      const crossing = crossingAlignmentIds(
        findCrossings(model.phases, cw.stages, ribbons.map((r) => ({ id: r.alignmentId, phaseId: r.phaseId, stageId: r.stageId }))),
      );
      return [{ model, ribbons: ribbons.map((r) => ({ ...r, crossing: crossing.has(r.alignmentId) })) }];
    });
  }, [cw, chosenIds]);

  const unknownLanes = lanesParam.split(',').filter((p) => p !== '' && !models.some((m) => String(m.framework.id) === p));
  const lanesMissing = useMissingOnArrival(lanesParam, cw ? unknownLanes.length > 0 : undefined);
  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!cw) return <p role="status">Loading…</p>;
  if (lanesMissing) {
    return <MissingInAddress review={review} what={unknownLanes.length > 1 ? 'models' : 'model'} ids={unknownLanes} screen="lanes" screenLabel="Lanes" />;
  }

  const stageName = (id: number) => cw.stages.find((s) => s.id === id)?.name ?? `stage ${id}`;
  const crossingText = lanes.flatMap((lane) => {
    const ribbons = lane.ribbons.map((r) => ({ id: r.alignmentId, phaseId: r.phaseId, stageId: r.stageId }));
    const position = (phaseId: number) => lane.model.phases.findIndex((p) => p.id === phaseId) + 1;
    const label = (phaseId: number) => lane.model.phases.find((p) => p.id === phaseId)?.label ?? '';
    const stageOf = (alignmentId: number) => stageName(ribbons.find((r) => r.id === alignmentId)?.stageId ?? 0);
    return findCrossings(lane.model.phases, cw.stages, ribbons).map((c) => ({
      key: `${c.earlierAlignmentId}-${c.laterAlignmentId}`,
      // one sentence a reviewer can check: the later phase goes back to an earlier stage
      text:
        `${lane.model.framework.name}: ‘${label(c.earlierPhaseId)}’ (phase ${position(c.earlierPhaseId)}) goes to ${stageOf(c.earlierAlignmentId)}, ` +
        `but ‘${label(c.laterPhaseId)}’ (phase ${position(c.laterPhaseId)}) goes to the earlier ${stageOf(c.laterAlignmentId)}.`,
    }));
  });
  const tooFew = chosenIds.length < 2;
  const diagramTitle = `Lanes: ${lanes.map((l) => l.model.framework.name).join(', ')} against the target stages`;

  return (
    <section aria-labelledby="lanes-heading" className="lanes-screen">
      <h2 id="lanes-heading">Models side by side</h2>
      <fieldset className="lanes-picker">
        <legend>Models to compare (2 to {MAX_LANES})</legend>
        {models.map((m) => {
          const checked = chosenIds.includes(m.framework.id);
          return (
            <label key={m.framework.id}>
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && chosenIds.length >= MAX_LANES}
                onChange={() => setChosen(checked ? chosenIds.filter((id) => id !== m.framework.id) : [...chosenIds, m.framework.id])}
              />
              {m.framework.name}
            </label>
          );
        })}
      </fieldset>
      {tooFew && <p role="status">Choose at least two models to compare.</p>}
      {lanes.length > 0 && (narrow
        ? <LanesColumns lanes={lanes} stages={cw.stages} title={diagramTitle} />
        : <LanesDiagram lanes={lanes} stages={cw.stages} title={diagramTitle} />)}
      <section aria-labelledby="crossings-heading" className="crossings">
        <h3 id="crossings-heading">Crossing alignments to review ({crossingText.length})</h3>
        {crossingText.length === 0 ? (
          <p>No crossing alignments: in every lane, later phases align to the same or later stages.</p>
        ) : (
          <>
            <p className="lanes-note">Phases and stages are both ordered; these alignments run against that order (dashed red ribbons marked “!”).</p>
            <ul className="crossing-list">
              {crossingText.map((c) => <li key={c.key}>{c.text}</li>)}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}
