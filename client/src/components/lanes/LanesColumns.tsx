import type { Stage } from '../../../../shared/schemas.ts';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';
import type { Lane } from './LanesDiagram.tsx';

// Drawn at the size a phone shows it (one SVG unit is one CSS pixel at 360 px wide), so text stays 12 px.
const WIDTH = 360;
const HEAD = 30;
const ROW = 44;
const BOX_W = 128;
const BOX_H = 32;
const STAGE_X = 6;
const PHASE_X = WIDTH - 6 - BOX_W;
const MARK_W = 18;
const MARK_H = 16;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The lanes for a narrow screen: one diagram per model, stacked, each with the target stages down the left and the
 * model's phases down the right in order, a ribbon from each phase to each stage it aligns to. A ribbon that runs
 * against the order crosses its neighbours and is dashed, red and marked "!", as in the wide layout.
 */
export function LanesColumns({ lanes, stages, title }: { lanes: Lane[]; stages: Stage[]; title: string }) {
  const relationText = useRelationText();
  return (
    <div className="lanes-columns" role="group" aria-label={title}>
      {lanes.map((lane) => {
        const phases = lane.model.phases;
        const rows = Math.max(stages.length, phases.length);
        const height = HEAD + rows * ROW + 6;
        // both columns spread over the same height, so a short list is not crowded at the top
        const stageY = new Map(stages.map((s, i) => [s.id, HEAD + ((i + 0.5) * rows * ROW) / Math.max(1, stages.length)]));
        const phaseY = new Map(phases.map((p, i) => [p.id, HEAD + ((i + 0.5) * rows * ROW) / Math.max(1, phases.length)]));
        const ribbons = lane.ribbons.flatMap((r) => {
          const sy = stageY.get(r.stageId);
          const py = phaseY.get(r.phaseId);
          return sy === undefined || py === undefined ? [] : [{ r, sy, py }];
        });
        // a mark at its ribbon's middle, nudged sideways when it would cover one already placed
        const marks: { r: (typeof ribbons)[number]['r']; x: number; y: number }[] = [];
        for (const { r, sy, py } of [...ribbons].sort((a, b) => a.sy + a.py - (b.sy + b.py))) {
          const y = (sy + py) / 2;
          const mid = (STAGE_X + BOX_W + PHASE_X) / 2;
          const x = [0, -24, 24, -48, 48].map((d) => mid + d).find((cx) => !marks.some((m) => Math.abs(m.x - cx) < MARK_W + 4 && Math.abs(m.y - y) < MARK_H + 2)) ?? mid;
          marks.push({ r, x, y });
        }
        const crossingPhases = new Set(lane.ribbons.filter((r) => r.crossing).map((r) => r.phaseId));
        const id = `lane-col-${lane.model.framework.id}`;
        return (
          <svg key={lane.model.framework.id} className="lanes-svg lanes-column" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t`} data-framework-id={lane.model.framework.id}>
            <title id={`${id}-t`}>{`${lane.model.framework.name}: ${lane.ribbons.length} ribbons${lane.ribbons.some((r) => r.crossing) ? ', some crossing (listed below)' : ''}`}</title>
            <text x={6} y={18} className="lane-title">{clip(lane.model.label, 48)}</text>
            {stages.map((s) => {
              const y = stageY.get(s.id) ?? 0;
              return (
                <g key={s.id} className="lane-stage">
                  <rect x={STAGE_X} y={y - BOX_H / 2} width={BOX_W} height={BOX_H} rx={4} />
                  <text x={STAGE_X + BOX_W / 2} y={y + 4} textAnchor="middle">{clip(s.name, 18)}</text>
                </g>
              );
            })}
            {ribbons.map(({ r, sy, py }) => {
              const x1 = PHASE_X;
              const x2 = STAGE_X + BOX_W;
              const mx = (x1 + x2) / 2;
              return (
                <g key={r.alignmentId} className={`ribbon rel-${r.relation}${r.crossing ? ' crossing' : ''}`} data-alignment-id={r.alignmentId}>
                  <path d={`M ${x1} ${py} C ${mx} ${py}, ${mx} ${sy}, ${x2} ${sy}`} />
                  <circle cx={x2} cy={sy} r={4} />
                  <title>{`${relationText[r.relation]}${r.crossing ? ' — crosses another alignment' : ''}`}</title>
                </g>
              );
            })}
            {phases.map((p) => {
              const y = phaseY.get(p.id) ?? 0;
              return (
                <g key={p.id} className={`lane-phase${crossingPhases.has(p.id) ? ' crossing' : ''}`}>
                  <rect x={PHASE_X} y={y - BOX_H / 2} width={BOX_W} height={BOX_H} rx={4} />
                  <text x={PHASE_X + BOX_W / 2} y={y + 4} textAnchor="middle">{clip(p.label, 18)}</text>
                  <title>{p.label}</title>
                </g>
              );
            })}
            {marks.map((m) => (
              <g key={m.r.alignmentId} className={`ribbon-label${m.r.crossing ? ' crossing' : ''}`} aria-hidden="true">
                <rect x={m.x - (m.r.crossing ? 13 : MARK_W / 2)} y={m.y - MARK_H / 2} width={m.r.crossing ? 26 : MARK_W} height={MARK_H} rx={3} />
                <text x={m.x} y={m.y + 4.5} textAnchor="middle" className="ribbon-mark">{RELATION_MARKS[m.r.relation]}{m.r.crossing ? ' !' : ''}</text>
              </g>
            ))}
          </svg>
        );
      })}
    </div>
  );
}
