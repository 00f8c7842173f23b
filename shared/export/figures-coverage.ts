// The coverage matrix as an evidence-and-gap-map style figure: models down, target stages across, a bubble sized by
// the number of aligned phases. "No counterpart" (assessed, nothing corresponds) is drawn as a cross and "not
// assessed" as an empty dashed cell, so the two are never confused.
import { RELATION_MARKS, type Crosswalk } from '../crosswalk/crosswalk.ts';
import { escapeXml, FONT, num, wrapWords } from './figures-svg.ts';

export function renderCoverageSvg(cw: Crosswalk, title: string): string {
  const rowLabelWidth = 300;
  const cell = 88;
  const headerHeight = 70;
  const legendHeight = 60;
  const lineHeight = 14;
  const rows = cw.models.map((m) => wrapWords(m.label, 44));
  const rowHeights = rows.map((lines) => Math.max(cell * 0.6, lines.length * lineHeight + 16));
  const width = rowLabelWidth + cw.stages.length * cell + 20;
  const tableHeight = rowHeights.reduce((a, b) => a + b, 0);
  const height = headerHeight + tableHeight + legendHeight + 20;
  const maxCount = Math.max(1, ...cw.models.flatMap((m) => m.stageCells.map((c) => c.entries.length)));
  const out: string[] = [];
  // row stripes first, so that nothing drawn for one row is covered by the next row's background
  let stripeY = headerHeight;
  rowHeights.forEach((h, i) => {
    out.push(`<rect x="0" y="${num(stripeY)}" width="${num(width)}" height="${num(h)}" fill="${i % 2 === 0 ? '#f5f7fa' : '#fff'}"/>`);
    stripeY += h;
  });
  cw.stages.forEach((s, j) => {
    const x = rowLabelWidth + j * cell + cell / 2;
    out.push(`<text x="${num(x)}" y="${headerHeight - 12}" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(s.name)}</text>`);
  });
  let y = headerHeight;
  cw.models.forEach((m, i) => {
    const h = rowHeights[i] ?? cell;
    const lines = rows[i] ?? [];
    const textTop = y + h / 2 - ((lines.length - 1) * lineHeight) / 2;
    out.push(`<text x="8" y="${num(textTop)}" font-size="12" dominant-baseline="middle">${lines.map((l, k) => `<tspan x="8" dy="${k === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`).join('')}</text>`);
    m.stageCells.forEach((c, j) => {
      const cx = rowLabelWidth + j * cell + cell / 2;
      const cy = y + h / 2;
      const stageName = cw.stages[j]?.name ?? '';
      if (c.state === 'aligned') {
        const r = 8 + 10 * Math.sqrt(c.entries.length / maxCount);
        const marks = [...new Set(c.entries.map((e) => RELATION_MARKS[e.relation]))].join(' ');
        out.push(`<g><title>${escapeXml(`${m.framework.name} → ${stageName}: ${c.entries.map((e) => `${e.phaseLabel} (${RELATION_MARKS[e.relation]})`).join('; ')}`)}</title>` +
          `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="#1b6ca8" fill-opacity="0.85"/>` +
          `<text x="${num(cx)}" y="${num(cy)}" text-anchor="middle" dominant-baseline="middle" font-size="12" fill="#fff">${c.entries.length}</text>` +
          `<text x="${num(cx + r + 3)}" y="${num(cy)}" dominant-baseline="middle" font-size="12" fill="#111">${escapeXml(marks)}</text></g>`);
      } else if (c.state === 'no-counterpart') {
        out.push(`<g><title>${escapeXml(`${m.framework.name} → ${stageName}: no counterpart`)}</title>` +
          `<path d="M ${num(cx - 7)} ${num(cy - 7)} L ${num(cx + 7)} ${num(cy + 7)} M ${num(cx + 7)} ${num(cy - 7)} L ${num(cx - 7)} ${num(cy + 7)}" stroke="#b23a48" stroke-width="2.5"/></g>`);
      } else {
        out.push(`<g><title>${escapeXml(`${m.framework.name} → ${stageName}: not assessed`)}</title>` +
          `<rect x="${num(cx - 10)}" y="${num(cy - 10)}" width="20" height="20" fill="none" stroke="#999" stroke-dasharray="3 3"/></g>`);
      }
    });
    y += h;
  });
  const ly = headerHeight + tableHeight + 30;
  out.push(
    `<g font-size="12"><circle cx="18" cy="${ly}" r="9" fill="#1b6ca8"/><text x="34" y="${ly}" dominant-baseline="middle">aligned phases (count; ≡ equivalent, ⊂ subset of, ⊃ superset of, ∩ intersects)</text>` +
      `<path d="M 11 ${ly + 18} L 25 ${ly + 32} M 25 ${ly + 18} L 11 ${ly + 32}" stroke="#b23a48" stroke-width="2.5"/><text x="34" y="${ly + 25}" dominant-baseline="middle">no counterpart</text>` +
      `<rect x="180" y="${ly + 15}" width="20" height="20" fill="none" stroke="#999" stroke-dasharray="3 3"/><text x="208" y="${ly + 25}" dominant-baseline="middle">not assessed</text></g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-labelledby="coverage-title" ${FONT}>`,
    `<title id="coverage-title">${escapeXml(title)}</title>`,
    `<rect width="${num(width)}" height="${num(height)}" fill="#fff"/>`,
    `<text x="8" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
