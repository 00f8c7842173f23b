// The PRISMA 2020 flow diagram for new systematic reviews which included searches of databases, registers and
// other sources (Page et al. 2021, BMJ 372:n71, figure 1): the template's boxes, wording and arrows, filled with
// the counts. Counts entered by hand are marked †; a count nobody knows prints as "n = ?". Pure: same input, same bytes.
import type { PrismaBox } from '../screening/schemas.ts';
import type { PrismaBoxKey } from '../screening/prisma.ts';
import { FONT, escapeXml, num, wrapWords } from './figures-svg.ts';

const W = 1000;
const COL = { dbrMain: 60, dbrSide: 330, otherMain: 630, otherSide: 830 };
const BOX_W = { main: 240, side: 260, other: 180, otherSide: 160 };
const LINE = 15;

interface Box {
  x: number;
  y: number;
  w: number;
  lines: string[];
}

function n(box: PrismaBox | undefined): string {
  if (!box || box.count === null) return 'n = ?';
  return `n = ${box.count}${box.entered ? ' †' : ''}`;
}

function heightOf(lines: string[]): number {
  return lines.length * LINE + 16;
}

export function renderPrismaSvg(boxes: Record<PrismaBoxKey, PrismaBox>, title: string): string {
  const wrap = (text: string, w: number): string[] => wrapWords(text, Math.floor(w / 6.6));
  const lines = (w: number, ...parts: string[]): string[] => parts.flatMap((p) => wrap(p, w - 12));
  const reasons = (key: 'dbr_excluded' | 'other_excluded'): string[] => {
    const b = boxes[key];
    if (b.reasons && b.reasons.length > 0) return b.reasons.map((r) => `${r.reason} (n = ${r.count})`);
    return b.note ? [b.note] : [];
  };
  const withNote = (key: PrismaBoxKey): string[] => (boxes[key].note ? [boxes[key].note] : []);

  const rows = [130, 0, 0, 0, 0];
  const ident: Box = {
    x: COL.dbrMain, y: rows[0] ?? 0, w: BOX_W.main,
    lines: lines(BOX_W.main, 'Records identified from*:', `Databases (${n(boxes.database_results)})`, ...withNote('database_results'),
      `Registers (${n(boxes.register_results)})`, ...withNote('register_results')),
  };
  const removed: Box = {
    x: COL.dbrSide, y: ident.y, w: BOX_W.side,
    lines: lines(BOX_W.side, 'Records removed before screening:', `Duplicate records removed (${n(boxes.duplicates)})`,
      `Records marked as ineligible by automation tools (${n(boxes.excluded_automatic)})`,
      `Records removed for other reasons (${n(boxes.excluded_other)})`),
  };
  const other: Box = {
    x: COL.otherMain, y: ident.y, w: BOX_W.other + BOX_W.otherSide + 20,
    lines: lines(BOX_W.other + BOX_W.otherSide + 20, 'Records identified from:', 'Websites, organisations, citation searching, etc.',
      `(${n(boxes.other_results)})`, ...withNote('other_results')),
  };
  const rowGap = 40;
  const after = (...bs: Box[]): number => Math.max(...bs.map((b) => b.y + heightOf(b.lines))) + rowGap;
  const y1 = after(ident, removed, other);
  const screened: Box = { x: COL.dbrMain, y: y1, w: BOX_W.main, lines: lines(BOX_W.main, 'Records screened', `(${n(boxes.records_screened)})`, ...withNote('records_screened')) };
  const excluded: Box = { x: COL.dbrSide, y: y1, w: BOX_W.side, lines: lines(BOX_W.side, 'Records excluded**', `(${n(boxes.records_excluded)})`) };
  const y2 = after(screened, excluded);
  const sought: Box = { x: COL.dbrMain, y: y2, w: BOX_W.main, lines: lines(BOX_W.main, 'Reports sought for retrieval', `(${n(boxes.dbr_sought_reports)})`) };
  const notRetrieved: Box = { x: COL.dbrSide, y: y2, w: BOX_W.side, lines: lines(BOX_W.side, 'Reports not retrieved', `(${n(boxes.dbr_notretrieved_reports)})`, ...withNote('dbr_notretrieved_reports')) };
  const oSought: Box = { x: COL.otherMain, y: y2, w: BOX_W.other, lines: lines(BOX_W.other, 'Reports sought for retrieval', `(${n(boxes.other_sought_reports)})`) };
  const oNot: Box = { x: COL.otherSide, y: y2, w: BOX_W.otherSide, lines: lines(BOX_W.otherSide, 'Reports not retrieved', `(${n(boxes.other_notretrieved_reports)})`) };
  const y3 = after(sought, notRetrieved, oSought, oNot);
  const assessed: Box = { x: COL.dbrMain, y: y3, w: BOX_W.main, lines: lines(BOX_W.main, 'Reports assessed for eligibility', `(${n(boxes.dbr_assessed)})`, ...withNote('dbr_assessed')) };
  const rExcluded: Box = { x: COL.dbrSide, y: y3, w: BOX_W.side, lines: lines(BOX_W.side, 'Reports excluded:', `(${n(boxes.dbr_excluded)})`, ...reasons('dbr_excluded')) };
  const oAssessed: Box = { x: COL.otherMain, y: y3, w: BOX_W.other, lines: lines(BOX_W.other, 'Reports assessed for eligibility', `(${n(boxes.other_assessed)})`) };
  const oExcluded: Box = { x: COL.otherSide, y: y3, w: BOX_W.otherSide, lines: lines(BOX_W.otherSide, 'Reports excluded:', `(${n(boxes.other_excluded)})`, ...reasons('other_excluded')) };
  const y4 = after(assessed, rExcluded, oAssessed, oExcluded);
  const included: Box = {
    x: COL.dbrMain, y: y4, w: BOX_W.main,
    lines: lines(BOX_W.main, 'Studies included in review', `(${n(boxes.new_studies)})`, ...withNote('new_studies'),
      'Reports of included studies', `(${n(boxes.new_reports)})`),
  };
  const bottom = included.y + heightOf(included.lines);
  const footY = bottom + 30;
  const foot = [
    '*Consider, if feasible to do so, reporting the number of records identified from each database or register searched (rather than the total number across all databases/registers).',
    '**If automation tools were used, indicate how many records were excluded by a human and how many were excluded by automation tools.',
    '† entered by hand (not derived from the records in the workbench). From: Page MJ, et al. BMJ 2021;372:n71. doi: 10.1136/bmj.n71.',
  ].flatMap((t) => wrapWords(t, 150));
  const H = footY + foot.length * 14 + 20;

  const out: string[] = [];
  const rect = (b: Box): void => {
    const h = heightOf(b.lines);
    out.push(`<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(h)}" fill="#fff" stroke="#222"/>`);
    b.lines.forEach((l, i) => out.push(`<text x="${num(b.x + 6)}" y="${num(b.y + 18 + i * LINE)}" font-size="11.5">${escapeXml(l)}</text>`));
  };
  const mid = (b: Box): number => b.y + heightOf(b.lines) / 2;
  const right = (a: Box, b: Box): void => {
    out.push(`<line x1="${num(a.x + a.w)}" y1="${num(mid(a))}" x2="${num(b.x - 2)}" y2="${num(mid(a))}" stroke="#222" marker-end="url(#arrow)"/>`);
  };
  const down = (a: Box, b: Box, x = a.x + a.w / 2): void => {
    out.push(`<line x1="${num(x)}" y1="${num(a.y + heightOf(a.lines))}" x2="${num(x)}" y2="${num(b.y - 2)}" stroke="#222" marker-end="url(#arrow)"/>`);
  };

  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${num(H)}" width="${W}" height="${num(H)}" ${FONT} role="img" aria-labelledby="prisma-title">`);
  out.push(`<title id="prisma-title">${escapeXml(`PRISMA 2020 flow diagram: ${title}`)}</title>`);
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker></defs>');
  out.push(`<rect x="0" y="0" width="${W}" height="${num(H)}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="28" font-size="15" font-weight="bold" text-anchor="middle">${escapeXml(title)}</text>`);
  // the template's two headers and its three phase bars
  out.push(`<rect x="${COL.dbrMain}" y="60" width="${COL.dbrSide + BOX_W.side - COL.dbrMain}" height="40" fill="#ffc000" stroke="#222"/>`);
  out.push(`<text x="${(COL.dbrMain + COL.dbrSide + BOX_W.side) / 2}" y="85" font-size="13" font-weight="bold" text-anchor="middle">Identification of new studies via databases and registers</text>`);
  out.push(`<rect x="${COL.otherMain}" y="60" width="${COL.otherSide + BOX_W.otherSide - COL.otherMain}" height="40" fill="#d9d9d9" stroke="#222"/>`);
  out.push(`<text x="${(COL.otherMain + COL.otherSide + BOX_W.otherSide) / 2}" y="85" font-size="13" font-weight="bold" text-anchor="middle">Identification of new studies via other methods</text>`);
  const bar = (label: string, top: number, bottomY: number): void => {
    const cy = (top + bottomY) / 2;
    out.push(`<rect x="10" y="${num(top)}" width="34" height="${num(bottomY - top)}" rx="6" fill="#9dc3e6" stroke="#222"/>`);
    out.push(`<text x="27" y="${num(cy)}" font-size="13" font-weight="bold" text-anchor="middle" dominant-baseline="middle" transform="rotate(-90 27 ${num(cy)})">${label}</text>`);
  };
  bar('Identification', ident.y, y1 - rowGap / 2);
  bar('Screening', y1, y4 - rowGap / 2);
  bar('Included', y4, bottom);
  for (const b of [ident, removed, other, screened, excluded, sought, notRetrieved, oSought, oNot, assessed, rExcluded, oAssessed, oExcluded, included]) rect(b);
  right(ident, removed);
  down(ident, screened);
  right(screened, excluded);
  down(screened, sought);
  right(sought, notRetrieved);
  down(sought, assessed);
  right(assessed, rExcluded);
  down(assessed, included);
  down(other, oSought, oSought.x + oSought.w / 2);
  right(oSought, oNot);
  down(oSought, oAssessed);
  right(oAssessed, oExcluded);
  // other methods join the included studies
  const joinY = included.y + heightOf(included.lines) / 2;
  const ox = oAssessed.x + oAssessed.w / 2;
  out.push(`<polyline points="${num(ox)},${num(oAssessed.y + heightOf(oAssessed.lines))} ${num(ox)},${num(joinY)} ${num(included.x + included.w + 2)},${num(joinY)}" fill="none" stroke="#222" marker-end="url(#arrow)"/>`);
  foot.forEach((l, i) => out.push(`<text x="10" y="${num(footY + i * 14)}" font-size="10">${escapeXml(l)}</text>`));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
