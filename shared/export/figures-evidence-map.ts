// The evidence-and-gap map as a figure: rows (stages, or any branch) down, the review's categories across, a bubble
// whose area is the number of items tagged with both. A cell without items is drawn as a dashed "gap" box, so an
// evidence gap never reads as a zero-sized bubble or as missing data.
import type { EvidenceMap } from '../coding/schemas.ts';
import { escapeXml, FONT, num, wrapWords } from './figures-svg.ts';

export function renderEvidenceMapSvg(map: EvidenceMap, title: string): string {
  const rowLabelWidth = 260;
  const cell = 96;
  const lineHeight = 14;
  const headers = map.columns.map((c) => wrapWords(c.label, 14).slice(0, 4));
  const headerHeight = 40 + Math.max(1, ...headers.map((h) => h.length)) * lineHeight;
  const rows = map.rows.map((r) => wrapWords(r.label, 38).slice(0, 4));
  const rowHeights = rows.map((lines) => Math.max(cell * 0.7, lines.length * lineHeight + 16));
  const width = rowLabelWidth + Math.max(1, map.columns.length) * cell + 20;
  const height = headerHeight + rowHeights.reduce((a, b) => a + b, 0) + 70;
  const max = Math.max(1, map.maxItems);
  const byKey = new Map(map.cells.map((c) => [`${c.row}|${c.column}`, c]));
  const out: string[] = [];
  out.push(`<text x="8" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`);
  map.columns.forEach((c, j) => {
    const x = rowLabelWidth + j * cell + cell / 2;
    const lines = headers[j] ?? [];
    const top = headerHeight - 10 - (lines.length - 1) * lineHeight;
    out.push(`<text x="${num(x)}" y="${num(top)}" text-anchor="middle" font-size="12" font-weight="bold">${lines.map((l, k) => `<tspan x="${num(x)}" dy="${k === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`).join('')}</text>`);
  });
  let y = headerHeight;
  map.rows.forEach((r, i) => {
    const h = rowHeights[i] ?? cell;
    out.push(`<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(h)}" fill="${i % 2 === 0 ? '#f5f7fa' : '#fff'}"/>`);
    const lines = rows[i] ?? [];
    const top = y + h / 2 - ((lines.length - 1) * lineHeight) / 2;
    out.push(`<text x="8" y="${num(top)}" font-size="12" dominant-baseline="middle">${lines.map((l, k) => `<tspan x="8" dy="${k === 0 ? 0 : lineHeight}">${escapeXml(l)}</tspan>`).join('')}</text>`);
    map.columns.forEach((c, j) => {
      const cx = rowLabelWidth + j * cell + cell / 2;
      const cy = y + h / 2;
      const found = byKey.get(`${r.key}|${c.key}`);
      const n = found?.items ?? 0;
      const what = `${r.label} × ${c.label}`;
      if (n === 0) {
        out.push(`<g><title>${escapeXml(`${what}: gap, no item has both`)}</title><rect x="${num(cx - 22)}" y="${num(cy - 12)}" width="44" height="24" fill="none" stroke="#b0b7c3" stroke-dasharray="4 3"/><text x="${num(cx)}" y="${num(cy)}" text-anchor="middle" dominant-baseline="middle" font-size="10" fill="#6b7280">gap</text></g>`);
      } else {
        // area, not radius, is proportional to the count: a cell with twice the items looks twice as big
        const radius = 6 + 30 * Math.sqrt(n / max);
        out.push(`<g><title>${escapeXml(`${what}: ${n} item${n === 1 ? '' : 's'}`)}</title><circle cx="${num(cx)}" cy="${num(cy)}" r="${num(radius)}" fill="#2f6fb0" fill-opacity="0.75"/><text x="${num(cx)}" y="${num(cy)}" text-anchor="middle" dominant-baseline="middle" font-size="12" fill="#fff" font-weight="bold">${n}</text></g>`);
      }
    });
    y += h;
  });
  const ly = y + 30;
  out.push(`<circle cx="20" cy="${num(ly)}" r="10" fill="#2f6fb0" fill-opacity="0.75"/><text x="36" y="${num(ly)}" font-size="11" dominant-baseline="middle">items tagged with both (bubble area = items; largest ${map.maxItems})</text>`);
  out.push(`<rect x="330" y="${num(ly - 10)}" width="34" height="20" fill="none" stroke="#b0b7c3" stroke-dasharray="4 3"/><text x="372" y="${num(ly)}" font-size="11" dominant-baseline="middle">gap: no item has both</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="evidence-map-title" ${FONT}>`,
    `<title id="evidence-map-title">${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
