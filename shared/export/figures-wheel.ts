// The target framework as a wheel (Figure 2 of the seed paper): the stages as segments of a ring in order, an arrow
// forward from each stage to the next around the outside and a dashed arrow back inside, because the journey can
// loop back.
import type { Stage } from '../schemas.ts';
import { escapeXml, FONT, num, wrapWords } from './figures-svg.ts';

const PALETTE = ['#1b6ca8', '#2a9d8f', '#6a994e', '#e9c46a', '#f4a261', '#e76f51', '#9d4edd', '#577590'];

export interface WheelOptions {
  title: string;
  size?: number;
}

/** The title in the hub, wrapped to fit inside the inner circle. */
function centreTitle(title: string, c: number): string {
  const lines = wrapWords(title, 16).slice(0, 4);
  const first = c - ((lines.length - 1) * 16) / 2;
  const spans = lines.map((l, i) => `<tspan x="${num(c)}" y="${num(first + i * 16)}">${escapeXml(l)}</tspan>`).join('');
  return `<text text-anchor="middle" dominant-baseline="middle" font-size="13" fill="#333">${spans}</text>`;
}

export function renderWheelSvg(stages: Stage[], options: WheelOptions): string {
  const size = options.size ?? 560;
  const c = size / 2;
  const outer = size * 0.4;
  const inner = size * 0.22;
  const n = Math.max(stages.length, 1);
  const step = (2 * Math.PI) / n;
  const gap = 0.02;
  const point = (r: number, a: number): string => `${num(c + r * Math.sin(a))} ${num(c - r * Math.cos(a))}`;
  const parts: string[] = [];
  stages.forEach((stage, i) => {
    const a0 = i * step + gap;
    const a1 = (i + 1) * step - gap;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    const d = `M ${point(outer, a0)} A ${num(outer)} ${num(outer)} 0 ${large} 1 ${point(outer, a1)} L ${point(inner, a1)} A ${num(inner)} ${num(inner)} 0 ${large} 0 ${point(inner, a0)} Z`;
    const colour = PALETTE[i % PALETTE.length];
    const mid = (a0 + a1) / 2;
    const labelR = (outer + inner) / 2;
    const [lx, ly] = point(labelR, mid).split(' ');
    const lines = wrapWords(stage.name, 12);
    const text = lines
      .map((l, j) => `<tspan x="${lx}" dy="${j === 0 ? num(-((lines.length - 1) * 8)) : '16'}">${escapeXml(l)}</tspan>`)
      .join('');
    parts.push(
      `<g><title>${escapeXml(`${i + 1}. ${stage.name}${stage.focus ? `: ${stage.focus}` : ''}`)}</title>` +
        `<path d="${d}" fill="${colour}" stroke="#fff" stroke-width="2"/>` +
        `<text x="${lx}" y="${ly}" text-anchor="middle" dominant-baseline="middle" font-size="14" font-weight="bold" fill="#111">${text}</text></g>`,
    );
    // forward arrow outside the ring, from the end of this segment to the start of the next
    const f0 = (i + 0.7) * step;
    const f1 = (i + 1.3) * step;
    const arrowR = outer + size * 0.04;
    parts.push(`<path d="M ${point(arrowR, f0)} A ${num(arrowR)} ${num(arrowR)} 0 0 1 ${point(arrowR, f1)}" fill="none" stroke="#333" stroke-width="2" marker-end="url(#fwd)"/>`);
    // reverse arrow inside the ring: the journey can go back a stage
    const backR = inner - size * 0.035;
    parts.push(`<path d="M ${point(backR, f1)} A ${num(backR)} ${num(backR)} 0 0 0 ${point(backR, f0)}" fill="none" stroke="#777" stroke-width="1.5" stroke-dasharray="4 3" marker-end="url(#back)"/>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-labelledby="wheel-title wheel-desc" ${FONT}>`,
    `<title id="wheel-title">${escapeXml(options.title)}</title>`,
    `<desc id="wheel-desc">${escapeXml(`A cycle of ${stages.length} stages: ${stages.map((s) => s.name).join(', ')}. Solid arrows lead forward to the next stage; dashed arrows lead back.`)}</desc>`,
    '<defs>',
    '<marker id="fwd" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#333"/></marker>',
    '<marker id="back" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#777"/></marker>',
    '</defs>',
    `<rect width="${size}" height="${size}" fill="#fff"/>`,
    ...parts,
    centreTitle(options.title, c),
    '</svg>',
    '',
  ].join('\n');
}
