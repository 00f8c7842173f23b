import type { CrosswalkModel } from '../../../../shared/crosswalk/crosswalk.ts';
import type { Stage } from '../../../../shared/schemas.ts';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';

export interface LaneRibbon {
  alignmentId: number;
  phaseId: number;
  stageId: number;
  relation: keyof typeof RELATION_MARKS;
  crossing: boolean;
}

export interface Lane {
  model: CrosswalkModel;
  ribbons: LaneRibbon[];
}

const WIDTH = 1120;
const LEFT = 20;
const AXIS_H = 48;
const LANE_H = 150;
const PHASE_Y = 104;
const PHASE_H = 34;

const MARK_H = 16;

interface Label { r: LaneRibbon; x: number; y: number; w: number }

/**
 * Where each relation mark goes: on its ribbon's midpoint, moved up or down (within the band between the axis and
 * the phases) when it would cover another mark, as two crossing ribbons' marks would at the crossing point.
 */
function placeLabels(wanted: { r: LaneRibbon; x: number; y: number }[], minY: number, maxY: number): Label[] {
  const out: Label[] = [];
  const overlaps = (a: Label, b: Label) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 + 2 && Math.abs(a.y - b.y) < MARK_H + 2;
  for (const want of [...wanted].sort((a, b) => a.x - b.x)) {
    const w = want.r.crossing ? 26 : 16;
    const steps = [0, -1, 1, -2, 2, -3, 3].map((k) => want.y + k * (MARK_H + 3)).filter((y) => y >= minY && y <= maxY);
    const free = steps.map((y) => ({ ...want, y, w })).find((c) => !out.some((o) => overlaps(o, c)));
    out.push(free ?? { ...want, w });
  }
  return out;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The lanes as SVG: the target stages across the top with guide lines down through every lane, each model's
 * phases in order along its lane, and a ribbon from each phase up to each stage it aligns to. Crossing ribbons are
 * dashed, red and marked "!" so they are told apart without colour.
 */
export function LanesDiagram({ lanes, stages, title }: { lanes: Lane[]; stages: Stage[]; title: string }) {
  const relationText = useRelationText();
  const usable = WIDTH - 2 * LEFT;
  const colW = usable / Math.max(1, stages.length);
  const stageX = new Map(stages.map((s, i) => [s.id, LEFT + (i + 0.5) * colW]));
  const height = AXIS_H + lanes.length * LANE_H + 10;
  const crossingCount = lanes.reduce((n, l) => n + l.ribbons.filter((r) => r.crossing).length, 0);
  return (
    <svg
      className="lanes-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="lanes-svg-title lanes-svg-desc"
    >
      <title id="lanes-svg-title">{title}</title>
      <desc id="lanes-svg-desc">
        {lanes.map((l) => `${l.model.framework.name}: ${l.ribbons.length} ribbons`).join('; ')}.{' '}
        {crossingCount > 0 ? `${crossingCount} ribbons cross; they are listed below the diagram.` : 'No ribbons cross.'}
      </desc>
      {stages.map((s, i) => {
        const x = LEFT + i * colW;
        return (
          <g key={s.id} className="lane-stage">
            <rect x={x + 4} y={4} width={colW - 8} height={AXIS_H - 12} rx={4} />
            <text x={x + colW / 2} y={4 + (AXIS_H - 12) / 2 + 5} textAnchor="middle">{clip(s.name, 22)}</text>
            <line x1={x + colW / 2} x2={x + colW / 2} y1={AXIS_H - 8} y2={height - 6} className="lane-guide" />
          </g>
        );
      })}
      {lanes.map((lane, li) => {
        const y0 = AXIS_H + li * LANE_H;
        const phases = lane.model.phases;
        const slot = usable / Math.max(1, phases.length);
        const boxW = Math.min(170, slot - 8);
        const phaseX = new Map(phases.map((p, j) => [p.id, LEFT + (j + 0.5) * slot]));
        const crossingPhases = new Set(lane.ribbons.filter((r) => r.crossing).map((r) => r.phaseId));
        const top = y0 + 30;
        const bottom = y0 + PHASE_Y;
        const mid = (top + bottom) / 2;
        const placed = lane.ribbons.flatMap((r) => {
          const px = phaseX.get(r.phaseId);
          const sx = stageX.get(r.stageId);
          return px === undefined || sx === undefined ? [] : [{ r, px, sx, top, bottom, mid }];
        });
        const labels = placeLabels(placed.map((p) => ({ r: p.r, x: (p.px + p.sx) / 2, y: mid })), top + MARK_H / 2, bottom - MARK_H / 2);
        return (
          <g key={lane.model.framework.id} className="lane" data-framework-id={lane.model.framework.id}>
            <rect x={2} y={y0 + 2} width={WIDTH - 4} height={LANE_H - 6} className="lane-bg" rx={6} />
            <text x={LEFT} y={y0 + 20} className="lane-title">{clip(lane.model.label, 110)}</text>
            <line x1={LEFT} x2={WIDTH - LEFT} y1={y0 + 30} y2={y0 + 30} className="lane-axis" />
            {placed.map(({ r, px, sx, top, bottom, mid }) => (
              <g key={r.alignmentId} className={`ribbon rel-${r.relation}${r.crossing ? ' crossing' : ''}`} data-alignment-id={r.alignmentId}>
                <path d={`M ${px} ${bottom} C ${px} ${mid}, ${sx} ${mid}, ${sx} ${top}`} />
                <circle cx={sx} cy={top} r={4} />
                <title>{`${relationText[r.relation]}${r.crossing ? ' — crosses another alignment' : ''}`}</title>
              </g>
            ))}
            {phases.map((p) => {
              const x = phaseX.get(p.id) ?? 0;
              return (
                <g key={p.id} className={`lane-phase${crossingPhases.has(p.id) ? ' crossing' : ''}`}>
                  <rect x={x - boxW / 2} y={y0 + PHASE_Y} width={boxW} height={PHASE_H} rx={4} />
                  <text x={x} y={y0 + PHASE_Y + PHASE_H / 2 + 4} textAnchor="middle">{clip(p.label, Math.max(6, Math.floor(boxW / 7)))}</text>
                  <title>{p.label}</title>
                </g>
              );
            })}
            {/* after every ribbon of the lane, on an opaque chip: no dashed line runs through a mark */}
            {labels.map((l) => (
              <g key={l.r.alignmentId} className={`ribbon-label${l.r.crossing ? ' crossing' : ''}`} data-alignment-id={l.r.alignmentId} aria-hidden="true">
                <rect x={l.x - l.w / 2} y={l.y - MARK_H / 2} width={l.w} height={MARK_H} rx={3} />
                <text x={l.x} y={l.y + 4.5} textAnchor="middle" className="ribbon-mark">
                  {RELATION_MARKS[l.r.relation]}{l.r.crossing ? ' !' : ''}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
