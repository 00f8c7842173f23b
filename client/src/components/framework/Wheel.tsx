import type { KeyboardEvent } from 'react';
import type { Stage } from '../../../../shared/schemas.ts';

const SIZE = 560;
const C = SIZE / 2;
const R = 195;

const polar = (radius: number, angle: number): [number, number] => [C + radius * Math.cos(angle), C + radius * Math.sin(angle)];
const angleOf = (i: number, n: number): number => -Math.PI / 2 + (i * 2 * Math.PI) / n;

function arc(radius: number, from: number, to: number, clockwise: boolean): string {
  const [x1, y1] = polar(radius, from);
  const [x2, y2] = polar(radius, to);
  const sweep = Math.abs(to - from);
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} A ${radius} ${radius} 0 ${sweep > Math.PI ? 1 : 0} ${clockwise ? 1 : 0} ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

/** Splits a stage name into at most three short lines for the node. */
function lines(name: string, max: number): string[] {
  const out: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= max) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.length > 3 ? [...out.slice(0, 2), `${out.slice(2).join(' ').slice(0, max - 1)}…`] : out;
}

/**
 * Figure 2 of the paper: the stages around a cycle, forward arrows between consecutive stages on the outside and
 * reverse arrows on the inside (the journey can loop back). Each stage is a button.
 */
export function Wheel({
  stages, title, selectedId, onSelect,
}: {
  stages: Stage[];
  title: string;
  selectedId: number | null;
  onSelect: (stage: Stage) => void;
}) {
  const n = stages.length;
  const nodeR = n > 1 ? Math.min(56, R * Math.sin(Math.PI / n) * 0.62) : 56;
  // the angle a node (plus room for an arrow head) covers on a ring of the given radius, from the law of cosines
  const gap = (ring: number): number => {
    const reach = nodeR + 9;
    return Math.acos(Math.max(-1, Math.min(1, (R * R + ring * ring - reach * reach) / (2 * R * ring))));
  };
  const fontSize = Math.max(10, Math.min(14, nodeR / 4));
  const maxChars = Math.max(6, Math.floor((nodeR * 1.8) / (fontSize * 0.62)));

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, i: number) => {
    const stage = stages[i];
    if (!stage) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(stage);
      return;
    }
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (i + step + n) % n;
    const svg = e.currentTarget.ownerSVGElement;
    svg?.querySelector<SVGGElement>(`[data-stage-index="${next}"]`)?.focus();
  };

  const desc = n === 0
    ? 'The target framework has no stages yet.'
    : `${n} stages in a cycle: ${stages.map((s) => s.name).join(', ')}. Forward arrows lead from each stage to the next and from the last back to the first; reverse arrows show that the journey can loop back to the previous stage. Select a stage to see its key question, success measures and the phases aligned to it.`;

  return (
    <svg className="wheel" viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-labelledby="wheel-title" aria-describedby="wheel-desc">
      <title id="wheel-title">{title}</title>
      <desc id="wheel-desc">{desc}</desc>
      <defs>
        <marker id="wheel-arrow-fwd" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="wheel-head-fwd" />
        </marker>
        <marker id="wheel-arrow-rev" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="wheel-head-rev" />
        </marker>
      </defs>
      <g aria-hidden="true">
        <circle cx={C} cy={C} r={R} className="wheel-ring" />
        {n > 1 && stages.map((s, i) => {
          const from = angleOf(i, n);
          const to = angleOf(i + 1, n);
          return (
            <g key={s.id}>
              <path d={arc(R + 24, from + gap(R + 24), to - gap(R + 24), true)} className="wheel-fwd" markerEnd="url(#wheel-arrow-fwd)" />
              <path d={arc(R - 24, to - gap(R - 24), from + gap(R - 24), false)} className="wheel-rev" markerEnd="url(#wheel-arrow-rev)" />
            </g>
          );
        })}
      </g>
      {stages.map((s, i) => {
        const [x, y] = polar(R, angleOf(i, n));
        const ls = lines(s.name, maxChars);
        const selected = s.id === selectedId;
        return (
          <g
            key={s.id}
            className={`wheel-stage${selected ? ' is-selected' : ''}`}
            role="button"
            tabIndex={0}
            aria-pressed={selected}
            aria-label={`Stage ${i + 1}: ${s.name}`}
            data-stage-index={i}
            onClick={() => onSelect(s)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <circle cx={x} cy={y} r={nodeR} className="wheel-node" />
            <text x={x} y={y - ((ls.length - 1) * fontSize * 1.15) / 2} fontSize={fontSize} textAnchor="middle" dominantBaseline="middle" aria-hidden="true">
              {ls.map((l, k) => (
                // the trailing space keeps the words apart in the text that assistive technology reads
                <tspan key={k} x={x} dy={k === 0 ? 0 : fontSize * 1.15}>{k < ls.length - 1 ? `${l} ` : l}</tspan>
              ))}
            </text>
          </g>
        );
      })}
      <text x={C} y={C} textAnchor="middle" dominantBaseline="middle" className="wheel-centre" aria-hidden="true">
        {lines(title, 18).map((l, k, all) => (
          <tspan key={k} x={C} dy={k === 0 ? -((all.length - 1) * 9) : 18}>{l}</tspan>
        ))}
      </text>
    </svg>
  );
}
